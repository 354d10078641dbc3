"""drafter: an offline drafting assistant for 问题–原因–对策 reports.

This package root imports nothing heavy and never the UI, so that `drafter --help`, the
core library and the tests start fast and run without a terminal.
"""

__version__ = "0.1.0"
__all__ = ["__version__"]

"""How fast this machine is right now: benchmarks print it beside figures near a target."""

from __future__ import annotations

import time


def reference_loop() -> float:
    """Seconds for a fixed pure-Python loop (lower is a faster machine). On a shared
    machine its speed changes from one minute to the next; timed beside a run, it shows
    which runs met a slow spell."""
    start = time.perf_counter()
    total = 0
    for i in range(5_000_000):
        total += i
    return time.perf_counter() - start

"""How a command ends when something goes wrong: one line on stderr, a non-zero status.

Kept free of click, so the quick lane of `drafter search` (lane.py) ends the same way as
every click command.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import NoReturn, TypeVar

from drafter.core.errors import DrafterError

T = TypeVar("T")


def fail(message: str, code: int = 2) -> NoReturn:
    """Print one error line and exit (a file name's control characters shown escaped)."""
    from drafter.core.text.terminal import for_terminal

    shown = for_terminal(message).replace("\n", "\\n")
    sys.stderr.write(f"drafter：错误：{shown}\n")
    sys.stderr.flush()
    sys.exit(code)


def guarded(call: Callable[[], T], passed: tuple[type[BaseException], ...] = ()) -> T:
    """`call()`, with a DrafterError, an interrupt or a bug ending in one line (exceptions
    in `passed` go on up, as click's own do); a closed pipe (`| head`) ends quietly."""
    try:
        return call()
    except DrafterError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        fail("已中断", 130)
    except BrokenPipeError:
        sys.exit(0)
    except passed:
        raise
    except SystemExit:
        raise
    except Exception as exc:  # a bug must still end in one line, not a traceback
        if os.environ.get("DRAFTER_DEBUG"):
            raise
        fail(f"程序内部出错：{type(exc).__name__}: {exc}（设 DRAFTER_DEBUG=1 可看详情）", 70)

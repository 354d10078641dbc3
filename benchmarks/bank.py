"""Time loading the built-in phrasebank in a fresh process (target ≤ 150 ms).

Run: python benchmarks/bank.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys

CODE = """
import time
t = time.perf_counter()
from drafter.core.bank.loading import load_banks
bank = load_banks(user=False)
print(len(bank), time.perf_counter() - t)
"""


def main() -> None:
    runs = []
    for _ in range(5):
        out = subprocess.run(
            [sys.executable, "-c", CODE], capture_output=True, text=True, check=True
        )
        count, seconds = out.stdout.split()
        runs.append(float(seconds))
    print(
        f"load built-in bank ({count} entries, imports included): "
        f"median {statistics.median(runs) * 1000:.0f} ms (target ≤ 150 ms)"
    )


if __name__ == "__main__":
    main()

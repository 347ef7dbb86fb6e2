"""`trades windows mars 2033` in a new process, with boinor's compiled kernels cached on disk.

Goal (issue 21, item 10): a second run in a new process takes at most 2 s. The baseline is the
first run with an empty cache folder (numba compiles boinor's Lambert solver and the grid loop);
ours is a later run that loads them from the cache. Each run is a whole process.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

from benchmarks.harness import Result


def _windows(cache: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "trades", "windows", "mars", "2033"], check=True, capture_output=True,
                   env={**os.environ, "TRADES_CACHE_DIR": cache})
    return time.perf_counter() - start


def run(quick: bool) -> list[Result]:
    repeats = 1 if quick else 3
    cold, warm = [], []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as cache:
            cold.append(_windows(cache))
            warm.append(_windows(cache))
    ours, base = statistics.median(warm), statistics.median(cold)
    return [Result("trades windows mars 2033, a second run", ours, base, "the first run, empty cache",
                   "at most 2 s", f"{repeats} pairs; whole processes", overhead=True)]

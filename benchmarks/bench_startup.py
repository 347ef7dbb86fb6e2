"""Start-up: `python -m trades --help` against `python -c pass` (goal: at most 10 times).

The CLI must not import OpenMDAO, boinor or numba to print its help or validate a study.
"""

from __future__ import annotations

import subprocess
import sys

from benchmarks.harness import Result, median_time


def _run(*args):
    subprocess.run([sys.executable, *args], check=True, capture_output=True)


def run(quick: bool) -> list[Result]:
    repeats = 3 if quick else 11
    _run("-m", "trades", "--help")  # warm the file cache
    ours, _ = median_time(lambda: _run("-m", "trades", "--help"), repeats)
    base, _ = median_time(lambda: _run("-c", "pass"), repeats)
    return [Result("trades --help start-up", ours, base, "python -c pass", "at most 10x as long",
                   f"{repeats} runs each", overhead=True)]

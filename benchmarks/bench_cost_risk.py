"""Cost risk speed (issue 18 item 5): ``trades cost-risk`` of the flagship with 1,000 Monte Carlo
samples on two workers, against one ``trades run`` of the flagship, both as the user runs them
(a fresh ``python -m trades`` process each, imports included). Goal: at most 20 times as long.

Each sample sets the elements' cost multipliers on a problem each worker built once and runs the
model at the study's design (a full re-evaluation; no shortcut through the cost's linearity).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.harness import Result

FLAGSHIP = Path(__file__).resolve().parents[1] / "studies" / "lunar_south_pole_outpost.yaml"


def _seconds(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "trades", *args], check=True, capture_output=True)
    return time.perf_counter() - start


def run(quick: bool) -> list[Result]:
    samples, repeats = (50, 1) if quick else (1000, 3)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        run_s = statistics.median(_seconds(["run", str(FLAGSHIP), "-o", str(tmp / f"run{i}")]) for i in range(repeats))
        risk_s = statistics.median(
            _seconds(["cost-risk", str(FLAGSHIP), "-o", str(tmp / f"risk{i}"), "--samples", str(samples), "--seed", "1",
                      "--workers", "2", "--format", "json"]) for i in range(repeats))
    return [Result(f"cost-risk {samples:,} samples, 2 workers", risk_s, run_s, "one trades run of the flagship",
                   "at most 20x as long", f"{samples / risk_s:,.0f} samples/s end to end", overhead=True)]

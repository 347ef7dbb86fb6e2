"""Sweep throughput and memory (issue 6).

- One worker against the naive way: cases per second of ``trades sweep`` (one problem built per
  structural configuration, reused) against a new Problem resolved, built, set up and run for
  every case (on a sample of the same cases). Goal: at least 10 times.
- Two workers against one, on the same sweep. Goal: at least 1.7 times.
- Peak memory (max RSS of a fresh process running the sweep with one worker) of a
  100,000-case sweep against a 1,000-case sweep. Goal: at most 1.5 times.

The sweep is the flagship over a Latin hypercube of water and oxygen closure, stay length and
the launch policy (two structural configurations).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from benchmarks.harness import Result

FLAGSHIP = Path(__file__).resolve().parents[1] / "studies" / "lunar_south_pole_outpost.yaml"


def sweep_study(folder: Path, samples: int) -> Path:
    data = yaml.safe_load(FLAGSHIP.read_text())
    data.pop("design_variables", None)
    data["sweep"] = {"method": "latin_hypercube", "samples": samples, "seed": 1, "factors": [
        {"field": "outpost.water_closure", "range": [0.5, 0.95]},
        {"field": "outpost.oxygen_closure", "range": [0.5, 0.95]},
        {"field": "outpost.stay_days", "range": [90, 180]},
        {"field": "launch.policy", "values": ["open_market", "national"]},
    ]}
    path = folder / f"sweep_{samples}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def _sweep_seconds(path: Path, out: Path, workers: int) -> float:
    from trades.analyses.sweep import run_sweep

    start = time.perf_counter()
    run_sweep(path, out, workers=workers, progress=False)
    return time.perf_counter() - start


def _naive_seconds_per_case(path: Path, count: int) -> float:
    """A new problem for every case: the case's study resolved, built, set up and run."""
    from trades.analyses.run import evaluate
    from trades.study import load_study
    from trades.analyses.sweep_cases import case_study_data, cases, validate_case_study

    study = load_study(path)
    base, fields = study.model_dump(mode="json"), [f.field for f in study.sweep.factors]
    sample = [values for _, values in zip(range(count), cases(study))]
    start = time.perf_counter()
    for values in sample:
        case = validate_case_study(case_study_data(base, dict(zip(fields, values))), str(path))
        evaluate(case, str(path))
    return (time.perf_counter() - start) / count


def _peak_memory(path: Path, out: Path) -> int:
    """Max RSS in bytes of a fresh process running the sweep with one worker."""
    code = ("import resource, sys; from trades.analyses.sweep import run_sweep; "
            "run_sweep(sys.argv[1], sys.argv[2], workers=1, progress=False); "
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    done = subprocess.run([sys.executable, "-c", code, str(path), str(out)], capture_output=True, text=True, check=True)
    return int(done.stdout.split()[-1]) * 1024  # Linux reports KiB


def run(quick: bool) -> list[Result]:
    cases, naive_cases, small, big = (200, 4, 100, 1_000) if quick else (5_000, 40, 1_000, 100_000)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        path = sweep_study(tmp, cases)
        _naive_seconds_per_case(path, 2)  # warm imports and the orbit cache
        naive = _naive_seconds_per_case(path, naive_cases)
        one = statistics.median(_sweep_seconds(path, tmp / f"one{i}", 1) for i in range(1 if quick else 3))
        two = statistics.median(_sweep_seconds(path, tmp / f"two{i}", 2) for i in range(1 if quick else 3))
        memory_small = _peak_memory(sweep_study(tmp, small), tmp / "small")
        memory_big = _peak_memory(sweep_study(tmp, big), tmp / "big")
    return [
        Result(f"sweep {cases:,} cases, 1 worker (per case)", one / cases, naive, "a new Problem per case", ">= 10x",
               f"{cases / one:,.0f} cases/s against {1 / naive:,.1f} (naive timed on {naive_cases} cases)"),
        Result(f"sweep {cases:,} cases, 2 workers", two, one, "the same sweep with 1 worker", ">= 1.7x",
               f"{cases / two:,.0f} cases/s"),
        Result(f"sweep peak memory, {big:,} cases", memory_big, memory_small, f"the same sweep of {small:,} cases",
               "at most 1.5x as much", "max RSS of a fresh process, 1 worker", overhead=True, unit="MiB"),
    ]

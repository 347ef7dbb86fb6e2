"""Pareto front when every case is on it: ``trades pareto`` scales as n log n, not n squared.

Goal (issue 23): with 50,000, 100,000 and 200,000 cases all on the front, each doubling takes at
most 2.3 times as long as the one before (n log n doubles to about 2.1 times). Measured end to end
as the command and the report run it (:func:`trades.analyses.pareto.pareto_front`: read ``sweep.sqlite``,
filter, sort the front), on synthetic sweeps whose cases lie on the line cost + crew-days =
constant, in random order. A last line compares the filter alone on the largest sweep with the
former quadratic filter (one pass over the later cases per point) on 5,000 cases.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from pathlib import Path

import numpy as np

from benchmarks.harness import Result, median_time


def _sweep_database(path: Path, n: int, seed: int = 0) -> Path:
    """A sweep database of ``n`` successful cases, every one of them on the front of
    (life_cycle_cost_musd:min, crew_days:min)."""
    rng = np.random.default_rng(seed)
    cost = rng.permutation(n).astype(float) + 1000.0
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        db.execute("CREATE TABLE cases (case_id INTEGER PRIMARY KEY, status TEXT NOT NULL, reason TEXT, seconds REAL, "
                    "\"outpost.stay_days\", life_cycle_cost_musd REAL, crew_days REAL)")
        db.execute("INSERT INTO meta VALUES ('factors', ?)", (json.dumps(["outpost.stay_days"]),))
        db.executemany("INSERT INTO cases VALUES (?, 'ok', '', 0.1, ?, ?, ?)",
                       ((i, 30.0 + i % 150, c, 3.0 * n + 1000.0 - c) for i, c in enumerate(cost)))
    db.close()
    return path


def _former_filter(values: np.ndarray) -> np.ndarray:
    """The filter before issue 23: sorted, then each kept point compared with every later one."""
    keep = np.ones(len(values), dtype=bool)
    order = np.lexsort(values.T[::-1])
    for position, i in enumerate(order):
        if not keep[i]:
            continue
        later = order[position + 1:]
        dominated = np.all(values[later] >= values[i], axis=1) & np.any(values[later] > values[i], axis=1)
        keep[later[dominated]] = False
    return keep


def run(quick: bool) -> list[Result]:
    from trades.analyses.pareto import non_dominated, pareto_front

    sizes = (5_000, 10_000, 20_000) if quick else (50_000, 100_000, 200_000)
    repeats = 3 if quick else 7
    objectives = "life_cycle_cost_musd:min,crew_days:min"
    results, times = [], {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            database = _sweep_database(Path(tmp) / f"sweep_{n}.sqlite", n)
            pareto_front(database, objectives)  # warm: imports, file cache
            times[n], found = median_time(lambda d=database: pareto_front(d, objectives), repeats)
            assert len(found["front"]) == n, "every case is on the front by construction"
    for small, large in zip(sizes, sizes[1:]):
        results.append(Result(f"pareto {large // 1000}k vs {small // 1000}k cases", times[large], times[small],
                              f"the same at {small:,} cases", "at most 2.3x as long",
                              f"all on the front; {repeats} runs each", overhead=True))
    rng = np.random.default_rng(1)
    largest, former_n = sizes[-1], 1_000 if quick else 5_000
    x = rng.permutation(largest).astype(float)
    ours_s, _ = median_time(lambda: non_dominated(np.c_[x, largest - x]), repeats)
    y = rng.permutation(former_n).astype(float)
    former_s, _ = median_time(lambda: _former_filter(np.c_[y, former_n - y]), 1 if not quick else 3)
    results.append(Result(f"pareto filter {largest // 1000}k cases", ours_s, former_s,
                          f"former filter on {former_n:,} cases", "(none)",
                          f"filter alone, 2 objectives, all on the front: {largest // former_n}x the cases"))
    return results

"""The whole coalition game of an 8-partner study against one grand-coalition optimization.

Goal (issue 5): exact Shapley for 8 partners (255 coalition optimizations) in under the time of
100 grand-coalition optimizations, measured in the same run. The study is the flagship with every
partner of the catalog (open launch market); each coalition is resolved, built and optimized in a
worker process (all cores); the grand-coalition time is the median of resolve + build + optimize
in this process.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import yaml

from benchmarks.harness import Result

FLAGSHIP = Path(__file__).resolve().parents[1] / "studies" / "lunar_south_pole_outpost.yaml"
PARTNERS = ["nasa", "esa", "jaxa", "csa", "cnsa", "roscosmos", "isro", "asi"]


def study_with(partners: list[str]):
    from trades.study import parse_study_text

    data = yaml.safe_load(FLAGSHIP.read_text())
    kept = {p["id"]: p for p in data["partners"]}
    data["partners"] = [kept.get(pid, {"id": pid}) for pid in partners]
    data["input_sources"] = {}
    return parse_study_text(yaml.safe_dump(data, sort_keys=False), str(FLAGSHIP))


def run(quick: bool) -> list[Result]:
    from trades.coalitions import analyse, characteristic_function
    from trades.optimize import optimize

    partners = PARTNERS[:3] if quick else PARTNERS
    study = study_with(partners)
    optimize(study, str(FLAGSHIP))  # warm imports
    times = []
    for _ in range(1 if quick else 3):
        start = time.perf_counter()
        optimize(study, str(FLAGSHIP))
        times.append(time.perf_counter() - start)
    grand = statistics.median(times)
    start = time.perf_counter()
    records = characteristic_function(study, str(FLAGSHIP), progress=False)
    report = analyse(study, records)
    game = time.perf_counter() - start
    infeasible = sum(r["status"] != "ok" for r in records)
    note = (f"{len(records)} coalitions ({infeasible} infeasible) of {len(partners)} partners, all cores; "
            f"whole game = {game / grand:.0f} grand-coalition optimizations; grand coalition {report['grand_coalition_musd']:,.0f} MUSD")
    return [Result(f"coalition game, {len(partners)} partners", game, 100 * grand, "100 grand-coalition optimizations",
                   "faster than 100 grand optimizations", note)]

"""The whole coalition game of an 8-partner study against one grand-coalition optimization.

Goal (issue 5): exact Shapley for 8 partners (255 coalition optimizations) in under the time of
100 grand-coalition optimizations, measured in the same run. The study is the flagship with every
partner of the catalog (open launch market); each coalition is resolved, built and optimized in a
worker process (all cores); the grand-coalition time is the median of resolve + build + optimize
in this process, before and after the game (the machine's speed drifts), and the note also
gives the ratio of CPU times (the workers' against one grand optimization's, both with one BLAS
thread).
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
    for partner in data["partners"]:  # the mission game, as measured before the flagship stated demands
        partner.pop("demand", None)
    kept = {p["id"]: p for p in data["partners"]}
    data["partners"] = [kept.get(pid, {"id": pid}) for pid in partners]
    data["input_sources"] = {}
    return parse_study_text(yaml.safe_dump(data, sort_keys=False), str(FLAGSHIP))


def run(quick: bool) -> list[Result]:
    import resource

    from threadpoolctl import threadpool_limits

    from trades.analyses.coalitions import analyse, characteristic_function
    from trades.analyses.optimize import optimize

    partners = PARTNERS[:3] if quick else PARTNERS
    study = study_with(partners)
    optimize(study, str(FLAGSHIP))  # warm imports

    def grand_runs(repeats: int) -> tuple[list[float], list[float]]:
        wall, cpu = [], []
        for _ in range(repeats):
            start, start_cpu = time.perf_counter(), time.process_time()
            optimize(study, str(FLAGSHIP))
            wall.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        return wall, cpu

    # the grand coalition timed before and after the game: the machine's speed drifts
    repeats = 1 if quick else 3
    wall = grand_runs(repeats)[0]
    children_cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    records = characteristic_function(study, str(FLAGSHIP), progress=False)
    report = analyse(study, records)
    game = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    game_cpu = (after.ru_utime + after.ru_stime) - (children_cpu.ru_utime + children_cpu.ru_stime)
    wall += grand_runs(repeats)[0]
    with threadpool_limits(1):  # CPU like for like: the workers run one BLAS thread each
        cpu = grand_runs(repeats)[1]
    grand = statistics.median(wall)
    infeasible = sum(r["status"] != "ok" for r in records)
    note = (f"{len(records)} coalitions ({infeasible} infeasible) of {len(partners)} partners, all cores; "
            f"whole game = {game / grand:.0f} grand-coalition optimizations (grand coalition {grand:.2f} s, median of {len(wall)} "
            f"before and after the game; {game / max(wall):.0f} to {game / min(wall):.0f} against the slowest and fastest); "
            f"CPU: the workers' {game_cpu:.0f} s = {game_cpu / statistics.median(cpu):.0f} grand optimizations' CPU (one BLAS thread, "
            f"{statistics.median(cpu):.2f} s each); "
            f"grand coalition {report['grand_coalition_musd']:,.0f} MUSD")
    return [Result(f"coalition game, {len(partners)} partners", game, 100 * grand, "100 grand-coalition optimizations",
                   "faster than 100 grand optimizations", note)]

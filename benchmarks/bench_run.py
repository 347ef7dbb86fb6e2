"""`trades run` on the flagship: the evaluation with its launch checks against one plain evaluation.

Goal (issue 17): the flagship's run stays within 2x its time before flight-rate limits. The
worst case is measured: Falcon 9, the flagship's cheapest vehicle per kg, is limited here to
one flight a year, so the run evaluates the architecture a second time with the vehicle chosen
again; the baseline is one resolve-build-run of the same study with that vehicle named (what a run
cost before the limits: one evaluation). Writing the outputs is identical in both and left out.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from benchmarks.harness import Result, median_time

FLAGSHIP = Path(__file__).resolve().parents[1] / "studies" / "lunar_south_pole_outpost.yaml"


def run(quick: bool) -> list[Result]:
    from trades.analyses.evaluate import evaluate
    from trades.architecture.assemble import build_problem
    from trades.architecture.resolve import resolve
    from trades.study import parse_study_text

    repeats = 3 if quick else 11
    data = yaml.safe_load(FLAGSHIP.read_text())
    data["overrides"] = {"launch_vehicles": {"falcon9": {"max_flights_per_year": {
        "value": 1, "unit": "1/year", "source": "benchmark: the worst case"}}}}
    study = parse_study_text(yaml.safe_dump(data), str(FLAGSHIP))
    arch, _ = evaluate(study, str(FLAGSHIP))  # warm imports and caches; the vehicle auto chooses
    named = study.model_copy(update={"launch": study.launch.model_copy(update={"cargo_vehicle": arch.cargo_vehicle})})

    def plain():
        prob = build_problem(resolve(named, str(FLAGSHIP)), None)
        prob.run_model()

    ours, _ = median_time(lambda: evaluate(study, str(FLAGSHIP)), repeats)
    base, _ = median_time(plain, repeats)
    return [Result("flagship run (auto cargo within flight rates)", ours, base,
                   f"one evaluation with {arch.cargo_vehicle} named", "at most 2x as long",
                   f"{repeats} runs each; outputs not written", overhead=True)]

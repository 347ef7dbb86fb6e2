"""The SSA system's run time: `trades run`'s evaluation of the shared-SSA study against the same
study without its `ssa` section.

Goal (issue 20): the SSA system (sizing by exhaustive search over the sensor counts, the 2,048-point
tracked-share model, one item per sensor type) adds at most 20 % to a run's evaluation.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from benchmarks.harness import Result, median_time

STUDY = Path(__file__).resolve().parents[1] / "studies" / "cislunar_ssa_shared.yaml"


def run(quick: bool) -> list[Result]:
    from trades.architecture.assemble import build_problem
    from trades.architecture.resolve import resolve
    from trades.study import parse_study_text

    repeats = 3 if quick else 11
    data = yaml.safe_load(STUDY.read_text())
    with_ssa = parse_study_text(yaml.safe_dump(data), str(STUDY))
    data.pop("ssa")
    data["input_sources"] = {k: v for k, v in data["input_sources"].items() if not k.startswith("ssa.")}
    without = parse_study_text(yaml.safe_dump(data), str(STUDY))

    def evaluate(study):
        prob = build_problem(resolve(study, str(STUDY)), None)
        prob.run_model()

    evaluate(with_ssa)  # warm imports and caches
    ours, _ = median_time(lambda: evaluate(with_ssa), repeats)
    base, _ = median_time(lambda: evaluate(without), repeats)
    return [Result("NRHO station run with its SSA system", ours, base, "the same study without its ssa section",
                   "at most 1.2x as long", f"{repeats} runs each; outputs not written", overhead=True)]

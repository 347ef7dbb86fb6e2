"""Optimizing the flagship: analytic total derivatives against whole-model finite differences.

Goal (issue 4): at least 5 times faster, same optimum within 0.1 %. Both runs use the same
driver (SLSQP), the same starts and the same problem; only how the total derivatives are
obtained differs (``prob.model.approx_totals(method="fd")`` for the baseline). The time is the
optimizer's loop (problem building, identical in both, excluded); model evaluations are counted
at the partner-contributions component, so finite-difference steps are included.
"""

from __future__ import annotations

import statistics
from pathlib import Path

from benchmarks.harness import Result

FLAGSHIP = Path(__file__).resolve().parents[1] / "studies" / "lunar_south_pole_outpost.yaml"


def run(quick: bool) -> list[Result]:
    from trades.optimize import optimize
    from trades.study import load_study

    repeats = 1 if quick else 5
    study = load_study(FLAGSHIP)
    optimize(study, str(FLAGSHIP))  # warm imports and caches
    analytic = [optimize(study, str(FLAGSHIP))[2] for _ in range(repeats)]
    fd = [optimize(study, str(FLAGSHIP), finite_difference=True)[2] for _ in range(repeats)]
    ours = statistics.median(r["wall_time_s"] for r in analytic)
    base = statistics.median(r["wall_time_s"] for r in fd)
    a, f = analytic[-1], fd[-1]
    note = (
        f"{repeats} runs each; model evaluations {a['model_evaluations']} vs {f['model_evaluations']}; "
        f"optimum {a['optimum']:,.1f} vs {f['optimum']:,.1f} MUSD ({(f['optimum'] / a['optimum'] - 1) * 100:+.4f} %)"
    )
    return [Result("optimize flagship (SLSQP)", ours, base, "whole-model finite differences", "at least 5x faster, optimum within 0.1 %", note)]

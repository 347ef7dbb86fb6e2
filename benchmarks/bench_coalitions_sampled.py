"""The sampled coalition game (issue 19 item 5) side by side with its baselines, in one run.

1. The 8-partner flagship game (bench_coalitions' study): the exact game (255 coalition
   optimizations) against the sampled game run to 2 % of the grand coalition's cost, each on its
   own optimizations (all cores); prints whether every 95 % interval covers the exact value.
2. A 20-partner game (the flagship with 20 agencies of the catalog) sampled to 1 % of the grand
   coalition's cost, counted in grand-coalition optimizations: the goal is the time of 1,000 of them
   (the grand coalition timed in this process before and after the game; the machine's speed drifts).
   Capped at ``TWENTY_MAX_COALITIONS`` distinct coalitions needed: the note gives what the run
   reached, how many optimizations it took (eleven of the twenty agencies are interchangeable, so
   coalitions that differ only among them share one optimization: trades.analyses.coalition_symmetry,
   6,143 classes in all) and, when the target is not met, a projection (labelled) of the whole game.
"""

from __future__ import annotations

import math
import statistics
import time

from benchmarks.bench_coalitions import FLAGSHIP, PARTNERS, study_with
from benchmarks.harness import Result

TWENTY = PARTNERS + ["cnes", "dlr", "kasa", "uaesa", "asa", "aeb", "isa", "polsa", "aem", "suparco", "sansa", "gistda"]
#: the 20-partner game stops once this many distinct coalitions are needed: the study default. Before coalitions
#: of interchangeable partners shared an optimization the cap was 1,000 (715 coalitions in 1,129 s, widest
#: half-width 2,872 against 993); now a needed coalition mostly costs a lookup, and optimizations are bounded
#: by the 6,143 classes
TWENTY_MAX_COALITIONS = 20_000


def _sampled(study, half_width: float, max_coalitions: int | None = None):
    import yaml

    from trades.study import parse_study_text

    data = study.model_dump(mode="json")
    data["coalitions"].update(method="sampled", relative_half_width=half_width)
    if max_coalitions is not None:
        data["coalitions"]["max_coalitions"] = max_coalitions
    return parse_study_text(yaml.safe_dump(data, sort_keys=False), str(FLAGSHIP))


def _grand_times(study, repeats: int) -> list[float]:
    from trades.analyses.optimize import optimize

    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        optimize(study, str(FLAGSHIP))
        times.append(time.perf_counter() - start)
    return times


def _say(result: Result) -> Result:
    """Each line as soon as it is measured (a full run takes long on a shared machine)."""
    import sys

    print(f"{result.name}: ours {result.ours_s:,.1f} s, baseline {result.baseline_s:,.1f} s ({result.ratio_text}); {result.note}",
          file=sys.stderr, flush=True)
    return result


def run(quick: bool) -> list[Result]:
    from trades.analyses import games
    from trades.analyses.coalitions import CoalitionCosts, analyse
    from trades.analyses.coalitions_sampled import sampled_game

    partners = PARTNERS[:3] if quick else PARTNERS
    study = study_with(partners)
    _grand_times(study, 1)  # warm imports
    start = time.perf_counter()
    exact = analyse(study, [dict(r) for r in CoalitionCosts(study, str(FLAGSHIP), progress=False).evaluate(games.coalitions(partners))])
    exact_s = time.perf_counter() - start
    sampled_study = _sampled(study, 0.02)
    start = time.perf_counter()
    sampled = sampled_game(sampled_study, CoalitionCosts(sampled_study, str(FLAGSHIP), progress=False), progress=False)
    sampled_s = time.perf_counter() - start
    covered = [p for p in partners
               if abs(sampled["allocations"]["shapley"][p] - exact["allocations"]["shapley"][p]) <= sampled["shapley_half_width_musd"][p]]
    s = sampled["sampling"]
    results = [_say(Result(
        f"sampled game, {len(partners)} partners", sampled_s, exact_s, f"the exact game ({2 ** len(partners) - 1} coalitions)",
        "report (sampling pays above ~10 partners)",
        f"{s['coalitions']} coalitions in {s['rounds']} rounds to a half-width of 2 % ({s['target_half_width_musd']:,.0f} MUSD), "
        f"target {'met' if s['target_met'] else 'NOT met'}; {len(covered)} of {len(partners)} 95 % intervals cover the exact Shapley value; "
        "widest half-width " + f"{max(sampled['shapley_half_width_musd'].values()):,.0f} MUSD"))]
    if quick:
        return results
    results.append(_say(twenty(TWENTY_MAX_COALITIONS)))
    return results


def twenty(max_coalitions: int) -> Result:
    """The 20-partner game sampled to 1 %, stopped once ``max_coalitions`` coalitions are needed
    (``python -c "from benchmarks.bench_coalitions_sampled import twenty; print(twenty(700))"``
    measures it alone)."""
    from trades.analyses.coalitions import CoalitionCosts
    from trades.analyses.coalitions_sampled import sampled_game

    big = _sampled(study_with(TWENTY), 0.01, max_coalitions)
    before = _grand_times(big, 3)
    start = time.perf_counter()
    report = sampled_game(big, CoalitionCosts(big, str(FLAGSHIP), progress=False), progress=True)
    game_s = time.perf_counter() - start
    wall = before + _grand_times(big, 3)
    grand = statistics.median(wall)
    s = report["sampling"]
    infeasible = sum(r["status"] != "ok" for r in report["coalitions"])
    optimized = sum("same_as" not in r for r in report["coalitions"])
    widest = max(report["shapley_half_width_musd"].values())
    # projection (not a measurement): half-widths shrink as 1/sqrt(R), new coalitions per round stay about n (n - 1)
    rounds_needed = max(10, math.ceil(s["rounds"] * (widest / s["target_half_width_musd"]) ** 2))
    per_coalition = game_s / s["coalitions"]
    projected = per_coalition * min(rounds_needed * 381, 2 ** 20 - 1)  # pessimistic: new coalitions mostly share optimizations
    return Result(
        "sampled game, 20 partners", game_s, 1000 * grand, "1,000 grand-coalition optimizations", "faster than 1,000 grand optimizations",
        f"capped at {max_coalitions:,} coalitions: {s['coalitions']} coalitions ({infeasible} infeasible) in {s['rounds']} rounds, "
        f"{optimized:,} of them optimized (the others interchange partners of one), "
        f"widest 95 % half-width {widest:,.0f} MUSD against the 1 % target {s['target_half_width_musd']:,.0f} "
        f"({'met' if s['target_met'] else 'NOT met'}); {game_s / grand:.0f} grand optimizations so far (grand coalition {grand:.2f} s, "
        f"median of {len(wall)} before and after; {per_coalition:.2f} s a coalition on all cores); projected from the half-width alone "
        f"(Cochran's rule may ask more): {rounds_needed} rounds, "
        f"about {projected / grand:,.0f} grand optimizations for the whole game; grand coalition {report['grand_coalition_musd']:,.0f} MUSD")

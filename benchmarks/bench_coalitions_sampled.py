"""Issue 19's three speed goals for coalition games, side by side in one run, each printed as its
measured ratio beside its target.

1. The 8-partner flagship game (bench_coalitions' study): the exact game (255 coalition
   optimizations) against the sampled game run to 2 % of the grand coalition's cost, each on its
   own optimizations (all cores). Goal: every 95 % interval covers the exact value.
2. The exact 10-partner game (the flagship with the first ten agencies of ``TWENTY``; CNES and DLR
   are interchangeable, so its 1,023 coalitions are 767 optimizations: trades.analyses.coalition_symmetry).
   Goal: at most the time of 300 grand-coalition optimizations.
3. A 20-partner game (the flagship with 20 agencies of the catalog) sampled to 1 %. Goal: at most
   the time of 1,000 grand-coalition optimizations. The run stops once the goal is lost (the game
   has taken ``budget`` grand optimizations' time without meeting its stopping rule) or at
   ``TWENTY_MAX_COALITIONS`` distinct coalitions; the note then says how far the run got and what
   kept it going: the half-width against the target, and the rounds the interval's rules asked for
   (at least 10, and Cochran's ``25 g1^2``: trades.analyses.games.shapley_sampled).

Grand-coalition optimizations are timed in this process, three before and three after each game
(the machine's speed drifts), and each game is counted in their median; the 20-partner game, which
runs for most of an hour, also times one every ``GRAND_EVERY`` rounds and counts each round in the
grand timings just before it.
"""

from __future__ import annotations

import statistics
import time

from benchmarks.bench_coalitions import FLAGSHIP, PARTNERS, study_with
from benchmarks.harness import Result

TWENTY = PARTNERS + ["cnes", "dlr", "kasa", "uaesa", "asa", "aeb", "isa", "polsa", "aem", "suparco", "sansa", "gistda"]
TEN = TWENTY[:10]
#: the 20-partner game stops at its budget, not at a number of coalitions: eleven of its agencies are interchangeable, so
#: a needed coalition mostly costs a lookup and optimizations are bounded by 6,143 classes (the study default, 20,000
#: coalitions, stopped the 2026-12-06 19:57 UTC run after 72 rounds, 465 grand optimizations, with the rule asking 110)
TWENTY_MAX_COALITIONS = 2 ** 20 - 1
#: rounds between two grand-coalition timings during the 20-partner game
GRAND_EVERY = 5


class _OverBudget(Exception):
    """The game took its budget of grand-coalition optimizations without meeting its stopping rule."""


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


def _versus(measured: float, target: float) -> str:
    """A goal counted in grand-coalition optimizations: the measured count beside the target."""
    verdict = "met" if measured <= target else f"NOT met, {measured / target:.1f}x the target"
    return f"measured {measured:,.0f} grand optimizations against a target of {target:,.0f}: {verdict}"


def run(quick: bool) -> list[Result]:
    results = [_say(eight(PARTNERS[:3] if quick else PARTNERS))]
    if not quick:
        results.append(_say(ten()))
        results.append(_say(twenty()))
    return results


def eight(partners: list[str]) -> Result:
    """Goal 3 of issue 19's speed section: the sampled game's intervals against the exact values."""
    from trades.analyses import games
    from trades.analyses.coalitions import CoalitionCosts, analyse
    from trades.analyses.coalitions_sampled import sampled_game

    study = study_with(partners)
    _grand_times(study, 1)  # warm imports
    start = time.perf_counter()
    exact = analyse(study, [dict(r) for r in CoalitionCosts(study, str(FLAGSHIP), progress=False).evaluate(games.coalitions(partners))])
    exact_s = time.perf_counter() - start
    sampled_study = _sampled(study, 0.02)
    start = time.perf_counter()
    sampled = sampled_game(sampled_study, CoalitionCosts(sampled_study, str(FLAGSHIP), progress=False), progress=False)
    sampled_s = time.perf_counter() - start
    rounding = 1e-12 * exact["grand_coalition_musd"]  # a zero-width interval of a partner whose marginals are all equal
    covered = [p for p in partners
               if abs(sampled["allocations"]["shapley"][p] - exact["allocations"]["shapley"][p]) <= sampled["shapley_half_width_musd"][p] + rounding]
    s = sampled["sampling"]
    return Result(
        f"sampled game, {len(partners)} partners", sampled_s, exact_s, f"the exact game ({2 ** len(partners) - 1} coalitions)",
        "every 95 % interval covers the exact value",
        f"measured {len(covered)} of {len(partners)} intervals cover against a target of {len(partners)}: "
        f"{'met' if len(covered) == len(partners) else 'NOT met'} (a 95 % interval each: all {len(partners)} cover with probability "
        f"{0.95 ** len(partners):.2f}; the 95 % level is tested over 300 games, tests/trades/test_games.py); "
        f"{s['coalitions']} coalitions in {s['rounds']} rounds to a half-width of 2 % ({s['target_half_width_musd']:,.0f} MUSD), "
        f"target {'met' if s['target_met'] else 'NOT met'}; widest half-width {max(sampled['shapley_half_width_musd'].values()):,.0f} MUSD")


def ten() -> Result:
    """The exact 10-partner game against 300 grand-coalition optimizations."""
    from trades.analyses.coalitions import analyse, characteristic_function

    study = study_with(TEN)
    before = _grand_times(study, 3)
    start = time.perf_counter()
    records = characteristic_function(study, str(FLAGSHIP), progress=False)
    report = analyse(study, records)
    game_s = time.perf_counter() - start
    wall = before + _grand_times(study, 3)
    grand = statistics.median(wall)
    optimized = sum("same_as" not in r for r in records)
    infeasible = sum(r["status"] != "ok" for r in records)
    return Result(
        "exact game, 10 partners", game_s, 300 * grand, "300 grand-coalition optimizations", "at most 300 grand optimizations",
        f"{_versus(game_s / grand, 300)}; {len(records):,} coalitions ({infeasible} infeasible), {optimized} optimized (CNES and DLR "
        f"interchangeable), all cores; grand coalition {grand:.2f} s (median of {len(wall)} before and after; "
        f"{game_s / max(wall):.0f} to {game_s / min(wall):.0f} against the slowest and fastest); {report['grand_coalition_musd']:,.0f} MUSD")


def twenty(budget: float = 1000.0, max_coalitions: int = TWENTY_MAX_COALITIONS, every: int = GRAND_EVERY) -> Result:
    """The 20-partner game sampled to 1 %, counted in grand-coalition optimizations timed beside it:
    three before the game, one after every ``every`` rounds (between rounds, when the game's workers
    are idle; not counted in the game's time) and three after. Each round is counted in the median of
    the last three grand timings taken before it, so a change of the machine's load during a long
    game moves both sides (a 2026-12-06 run, counted in its grand timings before the game, on the quiet
    machine, stopped at its budget of 3,000 after 1,964 s: their median was at most 0.66 s, while
    the median of those six and the three after, under load, was 3.27 s). The game stops at its rule, once its count
    passes ``budget``, or once it needs ``max_coalitions`` coalitions
    (``python -c "from benchmarks.bench_coalitions_sampled import twenty; print(twenty())"`` measures it alone)."""
    from trades.analyses.coalitions import CoalitionCosts
    from trades.analyses.coalitions_sampled import sampled_game

    big = _sampled(study_with(TWENTY), 0.01, max_coalitions)
    grand_times = _grand_times(big, 3)
    costs = CoalitionCosts(big, str(FLAGSHIP), progress=False)
    state = {"count": 0.0, "game_s": 0.0, "mark": time.perf_counter()}

    def watch(estimate):
        round_s = time.perf_counter() - state["mark"]
        state["game_s"] += round_s
        state["count"] += round_s / statistics.median(grand_times[-3:])
        state["estimate"] = estimate
        if estimate.rounds % every == 0:
            grand_times.extend(_grand_times(big, 1))
        state["mark"] = time.perf_counter()
        if not estimate.target_met and state["count"] > budget:
            raise _OverBudget

    try:
        sampled_game(big, costs, progress=True, on_round=watch)
    except _OverBudget:
        pass
    grand_times.extend(_grand_times(big, 3))
    e, count, game_s = state["estimate"], state["count"], state["game_s"]
    grand = statistics.median(grand_times)
    optimized = sum("same_as" not in r for r in costs.records.values())
    widest = max(e.half_width.values())
    over = not e.target_met and count > budget
    state_text = ("stopping rule met" if e.target_met else f"stopped at the budget of {budget:,.0f} grand optimizations" if over else
                  f"stopped at {max_coalitions:,} coalitions")
    measured = (_versus(count, 1000) if e.target_met else
                f"NOT met: more than {count:,.0f} grand optimizations (not finished) against a target of 1,000" if over and budget >= 1000 else
                f"not finished: {count:,.0f} grand optimizations so far against a target of 1,000")
    return Result(
        "sampled game, 20 partners", game_s, 1000 * game_s / count, "1,000 grand-coalition optimizations", "at most 1,000 grand optimizations",
        f"{measured}; {state_text} after {e.rounds} rounds, "
        f"{e.coalitions:,} coalitions needed, {optimized:,} optimized (the others interchange partners of one; 6,143 classes in all); "
        f"widest 95 % half-width {widest:,.0f} MUSD against the 1 % target {e.target:,.0f} "
        f"({'met' if widest <= e.target else 'not met'}); rounds the interval's rules ask for: {e.rounds_needed} "
        f"(at least 10, and Cochran's 25 g1^2); grand coalition {grand:.2f} s (median of {len(grand_times)} timings: 3 before, "
        f"one every {every} rounds, 3 after; {min(grand_times):.2f} to {max(grand_times):.2f} s), {game_s / e.rounds:.0f} s a round on all cores; "
        f"against the median alone {game_s / grand:,.0f} grand optimizations")

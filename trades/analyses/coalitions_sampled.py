"""The coalition game beyond exact enumeration: Shapley values with 95 % confidence intervals
from sampled orders of the partners (:func:`trades.analyses.games.shapley_sampled`), each
coalition optimized once (:class:`trades.analyses.coalitions.CoalitionCosts`, cached by member set
and stored as it finishes).

Exact: every coalition, ``2^n - 1`` optimizations (1,023 for 10 partners, 1,048,575 for 20).
Sampled: about ``n (n - 1)`` new coalitions per round of ``n`` rotated orders, rounds until every
partner's half-width is at most ``coalitions.relative_half_width`` of the grand coalition's cost.
What needs every coalition (nucleolus, core, least core, subadditivity) is not computed; what needs
only the singletons and the grand coalition less one partner is exact (every round holds them all):
stand-alone costs, the cooperation dividend, marginal values.

An infeasible coalition is charged ``penalty_musd`` or, by default, the cost of the costliest
feasible coalition *among those optimized so far*; every round is re-estimated with the charge of
the moment, so the final estimate uses one charge throughout.
"""

from __future__ import annotations

import io

from trades.analyses import games
from trades.errors import InfeasibleError
from trades.study.schema import Study


def use_sampling(study: Study, method: str | None = None) -> bool:
    """Whether the game is sampled: ``method`` (the CLI's, else the study's) or, for auto, more
    partners than ``coalitions.exact_max_partners``."""
    method = method or study.coalitions.method
    return method == "sampled" or (method == "auto" and len(study.partners) > study.coalitions.exact_max_partners)


def sampled_game(study: Study, costs, relative_half_width: float | None = None, progress: bool = True, on_round=None) -> dict:
    """The sampled game's report (``costs``: a :class:`~trades.analyses.coalitions.CoalitionCosts`);
    ``on_round`` sees each round's :class:`~trades.analyses.games.SampledShapley` (the benchmark stops a game there)."""
    from trades.analyses.coalition_budgets import budget_view, start_spread
    from trades.analyses.coalition_demand import demand_shares, unserved
    from trades.analyses.coalitions import charge_infeasible

    k = study.coalitions
    players = [p.id for p in study.partners]
    grand = frozenset(players)
    grand_record = costs.evaluate([grand])[0]
    if grand_record["status"] != "ok":
        raise InfeasibleError(f"{study._file}: the grand coalition cannot do the mission: {grand_record['reason']}")
    state = {}

    def evaluate(needed):
        costs.evaluate(needed)
        records = [dict(r) for r in costs.records.values()]  # copies: the charge changes as coalitions are added
        unserved(study, records)  # a demand game charges nothing: a coalition that cannot serve its demand stops it
        state["charge"], state["records"] = charge_infeasible(study, records), records
        table = {frozenset(r["members"]): float(r["cost_musd"]) for r in records}
        return table.__getitem__

    def show(estimate):
        if progress:
            import sys

            worst = max(estimate.half_width.values())
            print(f"round {estimate.rounds}: {estimate.coalitions} coalitions, widest 95 % half-width {worst:,.0f} "
                  f"(target {estimate.target:,.0f}; rounds asked for: {estimate.rounds_needed})", file=sys.stderr)
        if on_round is not None:
            on_round(estimate)

    # interchangeable partners' costs are one optimization relabelled, so the game is symmetric in them
    result = games.shapley_sampled(players, evaluate, relative_half_width or k.relative_half_width, k.max_coalitions, k.seed,
                                   on_round=show, interchangeable=costs.symmetry.interchangeable)
    records = state["records"]
    by_members = {frozenset(r["members"]): r for r in records}
    game = {s: float(r["cost_musd"]) for s, r in by_members.items()}
    stand_alone = {p: game[frozenset([p])] for p in players}
    allocations = {"shapley": result.value}
    provided = grand_record.get("provided_musd") or {}
    if provided and sum(provided.values()) > 0:
        allocations["proportional_to_contribution"] = games.proportional(players, game, provided)
    budgets = budget_view(study, players, game, allocations, grand_record, exact=False)
    order = sorted(records, key=lambda r: (len(r["members"]), r["members"]))
    return {
        "partners": players,
        "method": "sampled",
        "objective": study.objective.name,
        "currency": f"MUSD {study.campaign.dollar_base_year}",
        "missing_capability": k.missing_capability,
        "purchase_markup": k.purchase_markup,
        "infeasible_charge_musd": state["charge"],
        "grand_coalition_musd": game[grand],
        "stand_alone_musd": stand_alone,
        "allocations": allocations,
        "shapley_half_width_musd": result.half_width,
        "sampling": {"rounds": result.rounds, "orderings": result.rounds * len(players), "coalitions": result.coalitions,
                     "optimizations": sum("same_as" not in r for r in records),  # coalition_symmetry: one per class
                     "target_half_width_musd": result.target, "target_met": result.target_met,
                     "relative_half_width": relative_half_width or k.relative_half_width, "seed": k.seed,
                     "max_coalitions": k.max_coalitions, "confidence": 0.95,
                     "method": "position-stratified permutation sampling (rotations of random orders, each with its reverse; "
                                "interchangeable partners averaged), Student-t intervals over rounds"},
        "core_empty": None,  # needs every coalition
        "core": {},
        **budgets,
        "demand": demand_shares(study),
        "start_spread": start_spread(records),  # coalitions that are not optima are listed
        "cooperation_dividend_musd": {"total": sum(stand_alone.values()) - game[grand],
                                      **{p: stand_alone[p] - result.value[p] for p in players}},
        "marginal_value_musd": {p: game[grand - {p}] - game[grand] for p in players},
        "coalitions": order,
    }


def format_sampled_report(report: dict) -> str:
    from trades.analyses.coalition_budgets import format_budget_view, label

    out = io.StringIO()
    p = lambda *a: print(*a, file=out)  # noqa: E731
    s = report["sampling"]
    infeasible = sum(r["status"] != "ok" for r in report["coalitions"])
    p(f"Coalition game, sampled [{report['currency']}, objective {report['objective']}; missing capabilities: "
      f"{report['missing_capability']}" + (f" at x{report['purchase_markup']:g}" if report["missing_capability"] == "buy" else "") + "]")
    p(f"{len(report['partners'])} partners: {s['coalitions']} coalitions ({s['optimizations']} optimized, the others interchange "
      f"partners of one; {infeasible} infeasible) in {s['rounds']} rounds "
      f"of {len(report['partners'])} rotated orders; 95 % half-width target {s['target_half_width_musd']:,.0f} "
      f"({s['relative_half_width']:g} of the grand coalition): {'met' if s['target_met'] else 'NOT met (max_coalitions reached)'}")
    names = list(report["allocations"])
    p(f"{'partner':<12} {'alone':>11} {'shapley':>11} {'+/- 95 %':>9} " + " ".join(f"{label(n):>15}" for n in names[1:])
      + f" {'dividend':>10} {'marginal':>10}")
    for q in report["partners"]:
        p(f"{q:<12} {report['stand_alone_musd'][q]:>11,.0f} {report['allocations']['shapley'][q]:>11,.0f} "
          f"{report['shapley_half_width_musd'][q]:>9,.0f} " + " ".join(f"{report['allocations'][n][q]:>15,.0f}" for n in names[1:])
          + f" {report['cooperation_dividend_musd'][q]:>10,.0f} {report['marginal_value_musd'][q]:>10,.0f}")
    if report["infeasible_charge_musd"] is not None:
        p(f"Infeasible coalitions are charged {report['infeasible_charge_musd']:,.0f} "
          + ("(coalitions.penalty_musd)" if report["missing_capability"] == "penalty" else "(the costliest feasible coalition optimized)"))
    p(f"Grand coalition {report['grand_coalition_musd']:,.0f}; cooperation dividend {report['cooperation_dividend_musd']['total']:,.0f} "
      "(stand-alone costs summed minus the grand coalition's); nucleolus and core not computed (they need every coalition)")
    out.write(format_budget_view(report))
    return out.getvalue()

"""Allocations beside what each partner can afford, contributions against utilisation, the
affordable fair share (:mod:`trades.analyses.affordable`) and the causes of subadditivity
failures: the parts of ``trades coalitions``' report that weigh a game's shares (issue 19 items
2 and 3)."""

from __future__ import annotations

import io

from trades.analyses import affordable, games
from trades.analyses.coalition_demand import demand_shares, utilisation


def campaign_budgets(study) -> dict[str, float | None]:
    """Each partner's campaign budget: its yearly cap times the campaign's years (None: no cap,
    or an NPV objective, whose discounted allocations are not compared with undiscounted caps)."""
    undiscounted = study.objective.name == "life_cycle_cost"
    return {p.id: (p.budget_cap_musd * len(study.years) if p.budget_cap_musd is not None and undiscounted else None)
            for p in study.partners}


def budget_view(study, players, game: dict, allocations: dict, grand_record: dict, exact: bool = True) -> dict:
    """Report entries: the demand-proportional allocation (added to ``allocations``), each
    partner's campaign budget, who each allocation puts over budget, contributions against
    utilisation and, for an exact game, the affordable least core and nucleolus and the budget
    raises the fairest allocations need."""
    demand = demand_shares(study)
    if demand is not None:
        allocations["proportional_to_demand"] = games.proportional(players, game, demand)
    budgets = campaign_budgets(study)
    view = {"campaign_budget_musd": budgets, "utilisation": utilisation(study, grand_record)}
    if exact and any(b is not None for b in budgets.values()):
        least = affordable.affordable_least_core(players, game, budgets)
        view["affordable"] = {
            "least_core_epsilon_musd": None if least is None else least[0],
            "nucleolus_musd": affordable.affordable_nucleolus(players, game, budgets),
            **affordable.budget_raises(players, game, budgets),
        }
        if view["affordable"]["nucleolus_musd"] is not None:
            allocations["affordable_nucleolus"] = view["affordable"]["nucleolus_musd"]
    view["over_budget"] = {name: sorted(p for p in players if budgets[p] is not None and x[p] > budgets[p] * (1 + 1e-9))
                           for name, x in allocations.items()}
    return view


def failure_causes(failures, records: dict) -> list[dict]:
    """Each subadditivity failure (``S`` and ``T`` disjoint, ``c(S + T) > c(S) + c(T)``) with what
    explains it as far as the optimizations tell: a rule binding in the union that binds in
    neither part (a minimum work share, a cap, a flight rate), or starts of the union's optimizer
    that disagree (a local optimum may be the cause), else the coordination overhead on shared
    elements (the one cost that grows with the partners on an element)."""
    out = []
    for s, t, gap in failures:
        union, parts = records.get(s | t, {}), [records.get(s, {}), records.get(t, {})]
        new_rules = sorted(set(union.get("binding", [])) - set().union(*(set(r.get("binding", [])) for r in parts)))
        new_rules = [b for b in new_rules if not b.startswith("design variable")]
        starts = [a["objective"] for a in union.get("starts", []) if a.get("feasible") and a.get("success")]
        if new_rules:
            cause = "binds in the union only: " + "; ".join(new_rules)
        elif starts and max(starts) - min(starts) > 1e-6 * max(abs(min(starts)), 1.0):
            cause = f"the union's starts disagree ({min(starts):,.0f} to {max(starts):,.0f}): possibly a local optimum"
        else:
            cause = "coordination overhead on shared elements (no rule binds in the union only; its starts agree)"
        out.append({"coalition": sorted(s), "with": sorted(t), "excess_musd": gap, "cause": cause})
    return out


def start_spread(records) -> dict:
    """How far each coalition's optimizer starts disagree: coalitions whose feasible starts ended
    at different objectives, the largest gap, how many coalitions had one start only, and the
    coalitions none of whose starts converged (their cost is the best point found, not an
    optimum), with how many starts stopped short of a stationary point
    (:mod:`trades.analyses.optimize_stationarity`) and were replaced by others."""
    disagree, widest, single = [], 0.0, 0
    unconverged = ["+".join(r["members"]) for r in records if r.get("starts") and not any(a.get("success") for a in r["starts"])]
    stalled = sum(1 for r in records if any(a.get("stalled") for a in r.get("starts", [])))
    for r in records:
        ends = [a["objective"] for a in r.get("starts", []) if a.get("feasible") and a.get("success")]
        if len(ends) < 2:
            single += 1
            continue
        gap = max(ends) - min(ends)
        if gap > 1e-6 * max(abs(min(ends)), 1.0):
            disagree.append("+".join(r["members"]))
            widest = max(widest, gap)
    return {"coalitions_with_disagreeing_starts": disagree, "widest_gap_musd": widest, "coalitions_with_one_feasible_start": single,
            "coalitions_not_converged": unconverged, "coalitions_with_a_stalled_start": stalled}


LABELS = {"proportional_to_contribution": "by contribution", "proportional_to_demand": "by demand", "affordable_nucleolus": "affordable nuc."}


def label(name: str) -> str:
    """An allocation's column heading (at most 15 characters)."""
    return LABELS.get(name, name.replace("_", " "))[:15]


def format_budget_view(report: dict) -> str:
    """The budget, utilisation and affordable-share lines of the report."""
    out = io.StringIO()
    p = lambda *a: print(*a, file=out)  # noqa: E731
    players, names, budgets = report["partners"], list(report["allocations"]), report["campaign_budget_musd"]
    p(f"Allocations beside each partner's campaign budget (cap x years) [{report['currency']}]:")
    p(f"{'partner':<12} {'budget':>10} " + " ".join(f"{label(n):>15}" for n in names))
    for q in players:
        b = budgets[q]
        p(f"{q:<12} {'none' if b is None else f'{b:,.0f}':>10} " + " ".join(
            f"{report['allocations'][n][q]:>14,.0f}{'!' if q in report['over_budget'][n] else ' '}" for n in names))
    p("  (! over budget)")
    use = report.get("utilisation")
    if use:
        p("Contributions against utilisation (grand coalition's optimum):")
        p(f"{'partner':<12} {'demand':>8} {'crew-d/yr':>10} {'provides':>10} {'of all':>8}")
        for q in players:
            u = use[q]
            p(f"{q:<12} {u['demand_share']:>8.1%} {u['crew_days_per_year']:>10,.1f} {u['provided_musd']:>10,.0f} {u['provided_share']:>8.1%}")
    a = report.get("affordable")
    if a:
        if a["nucleolus_musd"] is None:
            p(f"Affordable fair share: NONE: the budgets together fall {a['shortfall_musd']:,.0f} short of the grand coalition's cost")
        else:
            p(f"Affordable nucleolus (within every budget; least-core epsilon {a['least_core_epsilon_musd']:,.1f}): "
              + ", ".join(f"{q} {a['nucleolus_musd'][q]:,.0f}" for q in players))
        raised = {q: r for q, r in a["raises_musd"].items() if r > 0}
        p(f"  the fairest allocations (unrestricted least-core epsilon {a['target_epsilon_musd']:,.1f}) need "
          + ("no budget raised" if not raised else "budgets raised by: " + ", ".join(f"{q} {r:,.0f}" for q, r in raised.items())))
    spread = report.get("start_spread")
    if spread:
        p(f"Optimizer starts: {len(spread['coalitions_with_disagreeing_starts'])} coalition(s) whose feasible starts disagree "
          f"(widest gap {spread['widest_gap_musd']:,.0f}; the best is kept)"
          + (": " + ", ".join(spread["coalitions_with_disagreeing_starts"][:8]) if spread["coalitions_with_disagreeing_starts"] else ""))
        if spread.get("coalitions_with_a_stalled_start"):
            p(f"  {spread['coalitions_with_a_stalled_start']} coalition(s) had a start that stopped short of an optimum (the design "
              "could still fall): it was replaced by the other starts")
        if spread.get("coalitions_not_converged"):
            p(f"  NOT an optimum (no start converged) in {len(spread['coalitions_not_converged'])} coalition(s): "
              + ", ".join(spread["coalitions_not_converged"][:8]))
    return out.getvalue()

"""The demand-based coalition game (issue 19 item 1): a coalition's stand-alone mission serves
only its members' demand.

Each partner states its share of the outpost's use (``partners[].demand``; crew time, as the ISS
agreements allocate the station's resources). Coalition ``S`` builds the same outpost (habitat,
power, life support: sized by the crew and the length of one stay, so the same whatever the
demand) and flies ``D(S) / D(N)`` of the study's crew rotations, with their landers, crew launches
and supplies. The outpost is the fixed cost every coalition that wants anything pays; flights and
supplies are incremental costs that follow demand: the structure of the airport game (Littlechild
and Owen 1973), where each plane needs a runway as long as its own and the runway's cost is shared
segment by segment among those who use it.

A coalition's cost is what its mission costs, not what its members can pay: budget caps do not
enter the characteristic function (an allocation is compared with each partner's budget afterwards:
:mod:`trades.analyses.coalition_budgets`), so no coalition is charged for being poor. What it cannot
build or launch it buys from the partners outside it (``missing_capability: buy``); a coalition
that still cannot do its mission is reported with the reason, and the game is not played
(:func:`unserved`), rather than charged an arbitrary cost.
"""

from __future__ import annotations

import re

from trades.errors import InfeasibleError


def demand_shares(study) -> dict[str, float] | None:
    """Each partner's demand (0 for one that states none), or None when no partner states one
    (the mission game)."""
    if all(p.demand is None for p in study.partners):
        return None
    return {p.id: p.demand or 0.0 for p in study.partners}


def demand_fraction(study, members) -> float:
    """``D(S) / D(N)``: the members' share of the summed demand (1 for a study without demand)."""
    demand = demand_shares(study)
    if demand is None:
        return 1.0
    # summed in the study's order, not the set's: a set's order follows Python's hash seed, and the last
    # bits of the sum moved the game's flat work split with it (PYTHONHASHSEED 4 against 0)
    return sum(demand[p] for p in demand if p in members) / sum(demand.values())


def apply_demand(data: dict, study, members) -> None:
    """Edit a coalition's study data (``Study.model_dump``) to serve its members' demand: crew
    rotations and the research (utilisation) cargo scaled by :func:`demand_fraction` (the demand is
    the members' share of the station's use, and research cargo is that use), the members' budget
    caps lifted (costs, not means: budgets are compared with the allocations). A study that flies
    its crews per Mars mission (``transportation.mars_crew``, whose missions set the rotations) flies
    that share of every mission instead (``mars_crew.crew_share``)."""
    if demand_shares(study) is None:
        return
    fraction = demand_fraction(study, members)
    data["outpost"]["rotations_per_year"] = study.outpost.rotations_per_year * fraction
    if study.transportation.mars_crew is not None:  # crews flown per mission: rotations follow the missions, not the yearly rate
        data["transportation"]["mars_crew"]["crew_share"] = study.transportation.mars_crew.crew_share * fraction
    if study.utilisation is not None:
        data["utilisation"]["cargo_kg_per_crewed_year"] = study.utilisation.cargo_kg_per_crewed_year * fraction
    for p in data["partners"]:
        p["budget_cap_musd"] = None


def zero_demand_record(study, members) -> dict | None:
    """The record of a coalition without crew demand: it serves nothing and costs nothing, or,
    when a member wants the SSA system's data, it fields that system alone
    (:mod:`trades.analyses.coalition_ssa`) (None when the coalition has demand, or the study none)."""
    if demand_shares(study) is None or demand_fraction(study, members) > 0:
        return None
    from trades.analyses.coalition_ssa import ssa_only_record

    if (record := ssa_only_record(study, members)) is not None:
        return record
    return {"members": sorted(members), "status": "ok", "reason": "no demand: serves nothing", "cost_musd": 0.0,
            "bought_musd": 0.0, "design_cost_musd": 0.0, "provided_musd": {}}


def unserved(study, records: list[dict]) -> None:
    """In a demand game, every coalition must be able to serve its demand (there is no charge for
    one that cannot): raise :class:`InfeasibleError` naming what is missing and which coalitions
    it affects."""
    if demand_shares(study) is None:
        return
    failed = [r for r in records if r["status"] != "ok"]
    if not failed:
        return
    by_reason: dict[str, list[str]] = {}
    for r in failed:  # one line per reason, whatever partner list (in each coalition's order) it quotes
        by_reason.setdefault(re.sub(r"\[[^\]]*\]", "[...]", r["reason"]), []).append("+".join(r["members"]))
    lines = [f"{len(names)} coalition(s) ({', '.join(names[:8])}{', ...' if len(names) > 8 else ''}): {reason}"
             for reason, names in by_reason.items()]
    raise InfeasibleError(f"{study._file}: partners.demand: the demand game is not defined: {len(failed)} of {len(records)} "
                          "coalitions cannot serve their members' demand even buying what they lack from the others "
                          "(nobody sells it, or a rule binds): " + "; ".join(lines))


def utilisation(study, grand_record: dict) -> dict | None:
    """Contributions against utilisation at the grand coalition's optimum: each partner's share of
    the demand, the crew-days a year it receives, what it provides (MUSD: the cost of what it
    builds, launches and buys at the optimum) and its share of all that is provided (None
    without demand)."""
    demand = demand_shares(study)
    if demand is None:
        return None
    o = study.outpost
    crew_days = o.crew_size * o.stay_days * o.rotations_per_year
    total = sum(demand.values())
    provided = grand_record.get("provided_musd") or {}
    provided_total = sum(provided.values()) or 1.0
    return {p.id: {"demand_share": demand[p.id] / total,
                   "crew_days_per_year": crew_days * demand[p.id] / total,
                   "provided_musd": provided.get(p.id, 0.0),
                   "provided_share": provided.get(p.id, 0.0) / provided_total} for p in study.partners}

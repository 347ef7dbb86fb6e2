"""The space situational awareness (SSA) system in the demand game (issue 19): partners that want
its data and no crew time (``ssa.data_users``).

The demand game (:mod:`trades.analyses.coalition_demand`) scales a coalition's crew rotations to
its members' crew demand. A study's SSA system (:mod:`trades.architecture.ssa`) is sized to the
requirement (share of the cislunar volume watched, warning of a solar storm), not to demand, so a
coalition that flies any crew fields the whole system for its crews: a fixed cost, like the
outpost. A partner such as Australia wants the system's data but no crew time. Alone, or with
other such partners only, its coalition fields the SSA system and nothing else: no outpost, no
flights. Its cost is the system's price: the sensors it must field to meet the requirement
(:func:`~trades.architecture.ssa.size_ssa`, the same sizing as every coalition's), each bought at
its catalog price; what the members cannot provide they buy from the partners outside, at the
same price (sensors are fixed-price purchases: no cost factor, so no purchase markup either, as in
the full model). Under ``sharing: national`` each member fields a whole system of its own.

The game is then an airport game with two shared segments (Littlechild and Owen 1973): the SSA
system, needed by every partner with any demand, and the outpost, needed by those with crew
demand, with the flights following crew demand. The data-only cost is the price the model puts on
the system in every coalition's life-cycle cost, undiscounted, so the game needs the
``life_cycle_cost`` objective (:func:`trades.study.demand_section.demand_game_errors`).
"""

from __future__ import annotations


def data_users(study, members) -> list[str]:
    """The members that want the SSA system's data and no crew time (in the study's order)."""
    if study.ssa is None:
        return []
    return [p for p in study.ssa.data_users if p in members]


def ssa_only_record(study, members) -> dict | None:
    """The record of a coalition without crew demand whose members want the SSA data: it fields the
    SSA system alone (None when no member wants the data)."""
    if not data_users(study, members):
        return None
    from trades.architecture.costing import _capabilities
    from trades.architecture.ssa import size_ssa
    from trades.study.catalog import load_catalog

    catalog = load_catalog()
    design = size_ssa(study, catalog, study._file)
    can = _capabilities(study, catalog)
    fielders = [p.id for p in study.partners if p.id in members] if design.sharing == "national" else [None]
    provided: dict[str, float] = {}
    for owner in fielders:  # shared: one system; national: one per member, each bought by that member
        for sensor, capability, n, unit in zip(design.sensors, design.capabilities, design.counts, design.unit_musd):
            if n == 0:
                continue
            able = [p.id for p in study.partners if capability in can[p.id]]
            if owner is None and not able:  # as the full model: nobody in the study can provide it
                return {"members": sorted(members), "status": "infeasible", "cost_musd": None, "bought_musd": 0.0,
                        "reason": f"no partner of {[p.id for p in study.partners]} can provide the ssa:{sensor}: it needs capability '{capability}'"}
            # the first capable member provides it (all prices equal: who does changes no cost), else
            # the first capable partner outside sells it; under national sharing its owner buys it
            who = owner or ([p for p in able if p in members] or able)[0]
            provided[who] = provided.get(who, 0.0) + n * unit
    cost = sum(provided.values())
    bought = sum(v for p, v in provided.items() if p not in members)
    fielded = ", ".join(f"{n} x {s}" for s, n in zip(design.sensors, design.counts) if n)
    copies = "" if design.sharing == "shared" else f", one system per member ({len(fielders)})"
    return {"members": sorted(members), "status": "ok", "cost_musd": cost, "bought_musd": bought, "design_cost_musd": cost,
            "provided_musd": provided,
            "reason": f"no crew demand; SSA data only: fields the SSA system alone ({fielded}{copies}), no outpost"}

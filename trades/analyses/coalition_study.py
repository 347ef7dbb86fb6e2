"""A coalition's stand-alone study: its members as partners, buying what they cannot build from
the others at their prices (vendors), with the members' caps pooled for what the coalition buys."""

from __future__ import annotations



from trades.analyses.coalition_demand import apply_demand
from trades.study.schema import Study


def coalition_study(study: Study, members: frozenset[str]) -> Study:
    """The study as coalition ``members`` would run it alone."""
    data = study.model_dump(mode="json")
    mode = study.coalitions.missing_capability
    inside = [p for p in data["partners"] if p["id"] in members]
    outside = []
    if mode == "buy":
        for p in data["partners"]:
            if p["id"] not in members:
                factor = (p["cost_factor"] or 1.0) * study.coalitions.purchase_markup
                outside.append({**p, "cost_factor": min(factor, 10.0), "budget_cap_musd": None, "min_share": 0.0, "max_share": 1.0})
    data["partners"] = inside + outside
    sharing = data["cost_sharing"]
    if sharing["rule"] == "fixed_key":
        key = {pid: f for pid, f in sharing["key"].items() if pid in members}
        total = sum(key.values())
        sharing["key"] = ({pid: f / total for pid, f in key.items()} if total > 0 else {pid: 1.0 / len(members) for pid in members})
    if mode == "penalty":
        sharing["barred_pairs"] = [pair for pair in sharing["barred_pairs"] if set(pair) <= members]
    apply_demand(data, study, members)  # a demand game: the members' demand, their caps lifted
    data["input_sources"] = {}
    if sum(p["max_share"] for p in inside) < 1.0 and not outside:
        for p in inside:
            p["max_share"] = 1.0
    result = Study.model_validate(data)
    result._file, result._lines = study._file, study._lines
    result._vendors = frozenset(p["id"] for p in outside)
    return result

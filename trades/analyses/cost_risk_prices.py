"""Uncertainty on prices for ``trades cost-risk``, and what share of the cost any uncertainty covers.

A life-cycle cost is made of relationship estimates (the multipliers of the rollup), prices
(crew transport per launch, launch prices per kilogram, contract prices) and rates (operations).
Each price class is one lognormal multiplier, median 1, on the model input that carries it
(``scale:<input>``, as a sweep scales an input), with the sigma of ``cost_risk.price_uncertainty``
in ``trades/catalogs/cost.yaml`` or of the study's ``cost_risk.overrides.<class>_price``.

The coverage is measured on the model, not estimated: the cost is linear in every multiplier (a
multiplier scales a development, a first unit or a price, and nothing else depends on it), so
the life-cycle cost with one group of multipliers set to 0 is the cost that group does not touch;
the point estimate less that is what the group's uncertainty covers.
"""

from __future__ import annotations

import numpy as np

from trades.models import variables as var

# price class -> (the model input its multiplier scales, what it prices)
PRICE_INPUTS = {
    "crew_transport_price": (var.CREW_LAUNCH_PRICE, "crew transport, per crewed launch"),
    "launch_price": (var.LAUNCH_PRICE_PER_KG, "launch prices per kilogram in the launch orbit"),
    "contract_price": (var.PURCHASES, "fixed-price contracts"),
}


def price_parts(arch, cost_catalog: dict, overrides: dict) -> list[dict]:
    """One uncertain part per price class the study pays (a crew vehicle, a priced launch, a
    contract), with its sigma and source (the study's override of ``<class>`` first)."""
    plan = arch.cost
    programme = plan.crew_programme is not None  # its price classes: trades.analyses.cost_risk_programme
    pays = {
        "crew_transport_price": plan.crew_launch_price_musd > 0 and not programme,
        "launch_price": bool(np.any(np.nan_to_num(plan.launch_price_per_kg) > 0)),
        "contract_price": plan.purchases is not None and bool(np.any(plan.purchases)) and not programme,
    }
    catalog = cost_catalog["cost_risk"]["price_uncertainty"]
    parts = []
    for name, (path, what) in PRICE_INPUTS.items():
        if not pays[name]:
            continue
        if name in overrides:
            sigma, source = overrides[name].sigma, f"study override: {overrides[name].source}"
        else:
            sigma, source = float(catalog[name]["sigma"]), catalog[name]["source"]
        parts.append({"element": what, "part": "price", "relationship": name, "sigma": sigma, "input": path,
                      "column": f"price:{name}", "source": source})
    return parts


def price_classes(cost_catalog: dict) -> dict:
    """The price classes a study may override (``cost_risk.overrides``), with their catalog entry."""
    return dict(cost_catalog["cost_risk"]["price_uncertainty"])


def coverage(evaluate, names: list[str], groups: list[str], point: float) -> dict:
    """The share of the point estimate each group of multipliers covers, and the share no
    uncertainty touches. ``evaluate(multipliers)`` is the life-cycle cost at those multipliers;
    ``groups[i]`` names the group of ``names[i]``."""
    shares = {}
    for group in dict.fromkeys(groups):
        zeroed = {n: (0.0 if g == group else 1.0) for n, g in zip(names, groups)}
        shares[group] = (point - evaluate(zeroed)) / point if point else 0.0
    uncovered = evaluate(dict.fromkeys(names, 0.0)) / point if point else 0.0
    return {"by_group": shares, "covered": 1.0 - uncovered, "uncovered": uncovered}

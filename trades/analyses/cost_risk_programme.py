"""Uncertainty of a government-developed crew programme's cost for ``trades cost-risk`` (the Saturn V
and CSM, SLS and Orion: :mod:`trades.architecture.government_development`).

The programme enters the model as prices (its development, facilities, test flights and their
operations paid over the crew item's development years, the ``purchases``; each crewed launch's
hardware, the crew launch price; each launch's operations, the operations component), so the
relationships' element multipliers do not reach it. Each of the three gets one lognormal
multiplier, median 1, whose sigma is that of the sum of its parts: part ``i`` costs ``c_i`` with
its relationship's published sigma ``s_i`` (TRANSCOST's categories and AMCM's specifications in
``trades/catalogs/cost.yaml``, development or first-unit sigma as the part is), the parts
correlated as the study's other cost elements (``rho``, the catalog's 0.3 unless the study says
otherwise). With ``v_i = sqrt(exp(s_i^2) - 1)`` each part's relative standard deviation,

    V^2 = sum_i sum_j rho_ij c_i c_j v_i v_j / (sum_i c_i)^2,    sigma = sqrt(ln(1 + V^2))

(``rho_ii = 1``): the lognormal with the sum's mean-relative spread. Ground facilities are a sourced
figure with no published spread (sigma 0); the operations relationships have none either (the
catalog's assumption, ``transcost_operations.uncertainty``).
"""

from __future__ import annotations

import math

from trades.models import variables as var

CLASSES = ("government_programme_development", "government_programme_flight", "launch_operations")


def combined_sigma(costs: list[float], sigmas: list[float], correlation: float) -> float:
    """The lognormal sigma of a sum of correlated lognormal parts (module docstring)."""
    total = sum(costs)
    if total <= 0:
        return 0.0
    v = [c * math.sqrt(math.expm1(s * s)) for c, s in zip(costs, sigmas)]
    var_sum = sum(a * a for a in v) + correlation * (sum(v) ** 2 - sum(a * a for a in v))
    return math.sqrt(math.log1p(var_sum / total**2))


def _part_sigma(cost_catalog: dict, method: str, name: str, part: str) -> float:
    """A part's published sigma: TRANSCOST's per category and part, AMCM's per specification (the
    same for development and first unit)."""
    from trades.analyses.cost_risk import amcm_sigma

    if method == "amcm":
        return amcm_sigma(cost_catalog["amcm"], float(cost_catalog["amcm"]["specification"][name]["value"]))[0]
    return float(cost_catalog["transcost"][name]["uncertainty"][f"{part}_sigma"])


def programme_parts(arch, cost_catalog: dict, correlation: float) -> list[dict]:
    """The programme's uncertain parts for cost risk (empty unless the study's crew transport is a
    government development): its upfront cost (``purchases``, with any contract bought beside it),
    its crewed flights' hardware (the crew launch price) and its launches' operations."""
    plan = arch.cost
    programme = plan.crew_programme
    if programme is None:
        return []
    ops_sigma = float(cost_catalog["transcost_operations"]["uncertainty"]["sigma"])
    f0_dev, f0_prod = programme.launcher_f0
    dev_costs, dev_sigmas, unit_costs, unit_sigmas = [], [], [], []
    for i, ((_, dev, first), (method, rel)) in enumerate(zip(programme.parts, programme.part_relationships)):
        # the launcher's parts are before its systems-integration factor f0, the spacecraft's are whole
        scale_dev, scale_prod = (f0_dev, f0_prod) if i < programme.launcher_parts else (1.0, 1.0)
        dev_costs.append(dev * scale_dev)
        dev_sigmas.append(_part_sigma(cost_catalog, method, rel, "development"))
        unit_costs.append(first * scale_prod)
        unit_sigmas.append(_part_sigma(cost_catalog, method, rel, "first_unit"))  # AMCM: one sigma for both
    unit_sigma = combined_sigma(unit_costs, unit_sigmas, correlation)
    upfront_costs = dev_costs + [programme.test_flight_musd, programme.test_flight_operations_musd, programme.facilities_musd,
                                 programme.programme_items_musd]
    upfront_sigmas = dev_sigmas + [unit_sigma, ops_sigma, 0.0, 0.0]  # published figures: no relationship's sigma
    others = float(plan.purchases.sum()) - programme.upfront_musd if plan.purchases is not None else 0.0
    if others > 1e-6 * programme.upfront_musd:  # a fixed-price contract bought beside the programme
        upfront_costs.append(others)
        upfront_sigmas.append(float(cost_catalog["cost_risk"]["price_uncertainty"]["contract_price"]["sigma"]))
    source = ("DERIVED: the lognormal sigma of the sum of the programme's parts, each with its relationship's sigma "
              f"(cost.yaml transcost.*.uncertainty, amcm.uncertainty), correlated at {correlation:g} "
              "(trades/analyses/cost_risk_programme.py); ground facilities and programme items (published figures) 0, operations "
              + cost_catalog["transcost_operations"]["uncertainty"]["source"])
    parts = [
        {"element": f"{programme.name}: development, ground facilities, test flights and their operations", "part": "price",
         "relationship": CLASSES[0], "sigma": combined_sigma(upfront_costs, upfront_sigmas, correlation), "input": var.PURCHASES,
         "column": f"price:{CLASSES[0]}", "source": source},
        {"element": f"{programme.name}: hardware of each crewed flight", "part": "price", "relationship": CLASSES[1],
         "sigma": unit_sigma, "input": var.CREW_LAUNCH_PRICE, "column": f"price:{CLASSES[1]}", "source": source},
    ]
    if plan.crew_launch_operations is not None:
        parts.append({"element": f"{programme.name}: ground and mission operations of each crewed launch", "part": "price",
                      "relationship": CLASSES[2], "sigma": ops_sigma, "input": var.launch_operations_input("work_year_value"),
                      "column": f"price:{CLASSES[2]}", "source": cost_catalog["transcost_operations"]["uncertainty"]["source"]})
    return parts


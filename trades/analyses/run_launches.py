"""Whole launches per vehicle and year for ``trades run``'s summary beyond the cargo and crew
vehicles' own: each partner's cargo launches under the national policy, and a refuelled crew
lander's launches on its provider's launcher (trades/architecture/refuelled_lander.py)."""

from __future__ import annotations

from trades.models import variables as var


def national_cargo_launches(arch, prob, whole_launches) -> list[dict[str, int]]:
    """Whole cargo launches per vehicle and year when each partner launches what it provides on
    its own vehicle (national launch policy)."""
    plan = arch.cost
    masses = prob.get_val(var.PARTNER_LAUNCH_MASS, units="kg")
    packing = arch.study.launch.packing_efficiency
    out = []
    for y in range(len(arch.years)):
        counts: dict[str, int] = {}
        for j, vehicle in enumerate(plan.launch_vehicle):
            if vehicle is None or masses[j, y] <= 0:
                continue
            capacity = plan.payload_leo_kg[vehicle] * packing
            counts[vehicle] = counts.get(vehicle, 0) + whole_launches(float(masses[j, y]) / capacity)
        out.append(counts)
    return out


def refuelled_lander_launches(arch, prob, whole_launches_cumulative) -> dict | None:
    """A refuelled crew lander's whole launches per year (``per_year``, a fraction carrying over as
    the crew's), the chance they all succeed (``success``), the expected failed attempts
    (``failures``), and what the summary reports of it; None without one."""
    if arch.lander_launcher is None:
        return None
    per_year = whole_launches_cumulative([float(x) for x in prob.get_val(var.LANDER_LAUNCHES)])
    r = float(prob.get_val(var.LANDER_RELIABILITY)[0])
    return {"element": arch.study.transportation.crew_lander, "launcher": arch.lander_launcher,
            "launches_per_landing": float(prob.get_val(var.LANDER_LAUNCHES_PER_LANDING)[0]), "launches": sum(per_year),
            "reliability": r, "per_year": per_year, "success": r ** sum(per_year), "failures": sum(per_year) * (1.0 - r) / r}


def refuelled_lander_text(lander: dict) -> str:
    """The summary table's line on a refuelled crew lander."""
    return (f"  crew lander {lander['element']}: refuelled in orbit, {lander['launches_per_landing']:g} {lander['launcher']} launches "
            f"a landing ({lander['launches']} in all, counted below); its mass is not counted (its provider flies it)")

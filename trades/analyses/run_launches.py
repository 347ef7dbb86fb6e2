"""Whole launches per vehicle and year for ``trades run``'s summary beyond the cargo and crew
vehicles' own: each partner's cargo launches under the national policy, and a refuelled crew
lander's launches on its provider's launcher (trades/architecture/refuelled_lander.py)."""

from __future__ import annotations

import math

from trades.models import variables as var


def whole_launches(continuous: float) -> int:
    """Round a continuous launch count up to whole launches (tolerating round-off)."""
    if not math.isfinite(continuous):
        raise ValueError(f"launch count {continuous} is not finite")
    return int(math.ceil(continuous - 1e-9)) if continuous > 1e-9 else 0


def whole_launches_cumulative(per_year: list[float]) -> list[int]:
    """Whole launches per year when a fraction carries over: a rotation every other year
    (0.5 per year) is one launch every other year, not one every year."""
    counts, done, total = [], 0, 0.0
    for value in per_year:
        total += value
        launched = whole_launches(total)
        counts.append(launched - done)
        done = launched
    return counts


def national_cargo_launches(arch, prob) -> list[dict[str, int]]:
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


def lander_launches_per_year(arch, prob) -> list[int] | None:
    """A refuelled crew lander's launches per year for whole landings: the model's landings (its
    launches over the launches a landing needs) made whole as the crews' rotations are (a fraction
    carrying over), each with all its launches; None without such a lander."""
    if arch.lander_launcher is None:
        return None
    k = float(prob.get_val(var.LANDER_LAUNCHES_PER_LANDING)[0])
    if k <= 0:
        return [0] * len(arch.years)
    landings = whole_launches_cumulative([float(x) / k for x in prob.get_val(var.LANDER_LAUNCHES)])
    return [int(round(n * k)) for n in landings]


def refuelled_lander_launches(arch, prob) -> dict | None:
    """A refuelled crew lander's whole launches per year (``per_year``, whole landings made as the
    crews' rotations are), the chance they all succeed (``success``), the expected failed attempts
    (``failures``), and what the summary reports of it; None without one."""
    per_year = lander_launches_per_year(arch, prob)
    if per_year is None:
        return None
    r = float(prob.get_val(var.LANDER_RELIABILITY)[0])
    return {"element": arch.study.transportation.crew_lander, "launcher": arch.lander_launcher,
            "launches_per_landing": float(prob.get_val(var.LANDER_LAUNCHES_PER_LANDING)[0]), "launches": sum(per_year),
            "reliability": r, "per_year": per_year, "success": r ** sum(per_year), "failures": sum(per_year) * (1.0 - r) / r}


def refuelled_lander_text(lander: dict) -> str:
    """The summary table's line on a refuelled crew lander."""
    return (f"  crew lander {lander['element']}: refuelled in orbit, {lander['launches_per_landing']:g} {lander['launcher']} launches "
            f"a landing ({lander['launches']} in all, counted below); its mass is not counted (its provider flies it)")

"""The crew's own spacecraft in a near-Earth-asteroid mission's stack (issue 17).

The crew spacecraft the study names (``launch.crew_spacecraft``, e.g. Orion) reaches the launch
orbit on the crew launch, docks with the habitat and rides the departure, rendezvous and return
burns with it (the cargo stream's payload is the delivered mass plus the spacecraft in each crewed
year); at the return its crew module enters Earth's atmosphere directly, and the entry speed is
checked against the spacecraft's rating as the crewed Mars missions check their capsule's
(:mod:`trades.architecture.mars_missions`: the same entry interface and formula). As there, the
crew launches lift the spacecraft, so the cargo launches carry the stack less its mass, and a crew
launch whose price includes the spacecraft (SLS with Orion) buys it: it is not built again.
"""

from __future__ import annotations

import math

from trades.architecture.mars_missions import ENTRY_INTERFACE_KM, entry_speed
from trades.astro import orbits
from trades.errors import InfeasibleError


def stack_spacecraft(study) -> str | None:
    """The crew spacecraft that rides an asteroid mission's stack: the study's ``launch.crew_spacecraft``
    when crews fly to a near-Earth asteroid (None otherwise)."""
    if study.destination.body != "near_earth_asteroid" or study.outpost.rotations_per_year <= 0:
        return None
    return study.launch.crew_spacecraft


def entry_rating(study, catalog) -> tuple[str | None, float | None]:
    """The stack's crew spacecraft and its Earth-entry rating [km/s] (None when the catalog has none)."""
    craft = stack_spacecraft(study)
    if craft is None:
        return None, None
    rating = (catalog.entry("elements", craft).get("max_entry_speed_km_s") or {}).get("value")
    return craft, None if rating is None else float(rating)


def v_inf_limit(rating_km_s: float) -> float:
    """The largest arrival v-infinity [km/s] whose direct entry is within ``rating_km_s``: the inverse of
    :func:`~trades.architecture.mars_missions.entry_speed`, ``sqrt(v_e^2 - 2 mu / r)``; negative when the
    rating is below the parabolic entry speed (no return from beyond Earth's sphere of influence fits)."""
    mu, radius = orbits.body_constants("earth")
    escape2 = 2.0 * mu / (radius + ENTRY_INTERFACE_KM)
    return math.sqrt(rating_km_s**2 - escape2) if rating_km_s**2 >= escape2 else -1.0


def required_v_inf(study, catalog) -> float | None:
    """The arrival v-infinity limit the return search must respect, when the study requires the rating
    (``transportation.asteroid_window.require_entry_rating``) and the spacecraft has one; else None."""
    craft, rating = entry_rating(study, catalog)
    if not study.transportation.asteroid_window.require_entry_rating or rating is None:
        return None
    return v_inf_limit(rating)


def entry_infeasible(study, catalog, where: str, least_v_inf: float | None, span: str) -> InfeasibleError:
    """Exit 3 when every return of the span enters faster than the rating (as crewed Mars missions)."""
    craft, rating = entry_rating(study, catalog)
    if least_v_inf is None:
        return InfeasibleError(f"{where}: no return {span}")
    fastest = entry_speed(least_v_inf)
    return InfeasibleError(
        f"{where}.require_entry_rating: '{craft}' (launch.crew_spacecraft) is rated for Earth entry at {rating:.2f} km/s "
        f"(elements.{craft}.max_entry_speed_km_s) but every return {span} enters faster: at least {fastest:.2f} km/s "
        f"(direct entry at {ENTRY_INTERFACE_KM:.0f} km), over its rating by {fastest - rating:.2f} km/s"
    )


def entry_check(study, catalog, v_inf_km_s: float) -> dict:
    """The return's entry speed against the rating: ``speed_km_s``, ``rating_km_s`` (or None), ``craft``
    and ``text``, the phrase the run's notes carry."""
    craft, rating = entry_rating(study, catalog)
    speed = entry_speed(v_inf_km_s)
    at = f"{speed:.2f} km/s at the {ENTRY_INTERFACE_KM:.0f} km entry interface (v-infinity {v_inf_km_s:.2f} km/s)"
    if craft is None:
        text = f"{at}, not checked: no crew spacecraft named (launch.crew_spacecraft)"
    elif rating is None:
        text = f"{at}, not checked: elements.{craft} has no max_entry_speed_km_s"
    elif speed <= rating:
        text = f"{at}, within {craft}'s rating of {rating:.2f} km/s"
    else:
        text = f"{at}, OVER {craft}'s rating of {rating:.2f} km/s by {speed - rating:.2f} km/s"
    return {"craft": craft, "speed_km_s": speed, "rating_km_s": rating, "text": text}


def entry_notes(arch) -> None:
    """Say plainly when the crew enters faster than its spacecraft is rated for."""
    entry = (arch.trajectory or {}).get("entry")
    if not entry or entry["rating_km_s"] is None or entry["speed_km_s"] <= entry["rating_km_s"]:
        return
    craft = entry["craft"]
    source = arch.catalog.entry("elements", craft)["max_entry_speed_km_s"].get("source", "")
    arch.notes.append(
        f"Earth entry exceeds the crew spacecraft's rating: the return enters at {entry['speed_km_s']:.2f} km/s, "
        f"{entry['speed_km_s'] - entry['rating_km_s']:.2f} km/s faster than '{craft}' is rated for ({entry['rating_km_s']:.2f} km/s, "
        f"elements.{craft}.max_entry_speed_km_s: {source}); the crew would enter beyond its heat shield's rating. "
        "transportation.asteroid_window.require_entry_rating: true makes the rating a requirement (exit 3 when no return meets it)"
    )


def set_stack_inputs(arch, study, catalog) -> None:
    """The mass of the crew spacecraft that rides the stack (its catalog mass as launched), one per
    crew rotation, and what buys it (a note)."""
    craft = stack_spacecraft(study)
    if craft is None or arch.crew_vehicle is None:
        return
    mass = catalog.entry("elements", craft)["mass_kg"]
    arch.add_catalog("stack_crew_spacecraft.unit_mass", mass, "kg")
    from trades.architecture.acquisition import crew_launch_price

    quote = crew_launch_price(study, catalog, arch.crew_vehicle, study.campaign.dollar_base_year)
    rides = (f"crew spacecraft '{craft}' ({float(mass['value']):,.0f} kg) rides the departure, rendezvous and return burns with the "
             f"habitat, one per crew rotation; the crew launches ({arch.crew_vehicle}), not the cargo launches, lift it to the launch orbit")
    if quote.includes_spacecraft:
        arch.notes.append(f"{rides}; their price buys it, so it is not built again")
    else:
        arch.notes.append(f"{rides}; its hardware is not costed: the crew launch price is a launch only")


def asteroid_crew_errors(study, catalog) -> list:
    """Bad input (exit 2): a required entry rating needs a crew spacecraft the catalog rates."""
    window = study.transportation.asteroid_window
    if window is None or not window.require_entry_rating:
        return []
    path, craft = ("transportation", "asteroid_window", "require_entry_rating"), study.launch.crew_spacecraft
    if craft is None:
        return [study.error(path, "needs launch.crew_spacecraft: the spacecraft whose entry rating the return must respect")]
    element = catalog.entries["elements"].get(craft) or {}
    if (element.get("max_entry_speed_km_s") or {}).get("value") is None:
        return [study.error(path, f"element '{craft}' (launch.crew_spacecraft) has no max_entry_speed_km_s in the catalog; "
                                  f"override elements.{craft}.max_entry_speed_km_s with a sourced rating")]
    return []

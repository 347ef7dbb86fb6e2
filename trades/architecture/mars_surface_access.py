"""How each crew of a Mars mission reaches the surface and leaves it (``transportation.mars_crew.surface_access``).

The **Mars ascent vehicle** (MAV) is a crew cabin on one ascent stage. The stage is sized by the
rocket equation (:class:`trades.models.transfer.rocket_stage.RocketStage`, the catalog's tank and
engine relationship of its propellant) for the climb from the surface to a low Mars orbit
(a published delta-v with its losses), the raise from there to the one-sol parking orbit where the
transit vehicle waits (two-body, computed here) and the rendezvous allowance. The MAV of mission
``k`` leaves Earth in the window before its crew's (the cargo window for the first, the previous
crew's window for the others: pre-deployed one window ahead, as in DRA 5.0), on the cargo route's
stages (departure, aerocapture or capture, entry and landing) flown on the transfer of the window
it leaves in (:mod:`trades.architecture.mars_predeploy`: the cargo window's for the first, the
cargo's transfer type and objective in its own year for the others): it is the payload of its own
stream ``mars_ascent_<k>``, so its entry and descent systems are delivery systems, not payload.
One design serves every mission (the largest wait and the shortest plant production time size it). Its propellant is carried from Earth, or only its fuel when an oxygen plant landed with it
makes the oxidizer on Mars (``ascent_oxidizer_from_isru``, :mod:`trades.architecture.mars_ascent_isru`,
which also keeps the propellant over the MAV's wait on the surface).

The crew's **descent vehicle** is a cabin of the same kind landed from the parking orbit by the
cargo route's entry-and-descent fractions (aeroshell, descent propellant and descent stage); the
crew's transit vehicle carries it through its departure and capture burns (a rider of the
``mars_crew_<k>`` stage chains that leaves them in the parking orbit), or, with
``descent_vehicle: predeployed_in_orbit`` (DRA 5.0's split), it flies one window ahead on the
cargo route's stages to wait in the parking orbit (:mod:`trades.architecture.mars_descent`).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from trades.architecture.mars_ascent_isru import add_plant_elements, isru_errors, set_surface_storage_inputs
from trades.architecture.mars_descent import STREAM_PREFIX as DESCENT_PREFIX, predeployed
from trades.architecture.mars_predeploy import window_streams
from trades.astro import orbits

if TYPE_CHECKING:  # description imports costing, which imports this module
    from trades.architecture.description import Stage

STREAM_PREFIX = "mars_ascent_"  # the stream of mission k: mars_ascent_<k>
ASCENT_LEG, RENDEZVOUS_LEG, ENTRY_LEG = "mars_ascent_to_low_orbit", "rendezvous", "mars_entry_landed_fraction"


def orbit_raise(mu: float, r_low: float, r_periapsis: float, r_apoapsis: float) -> float:
    """Delta-v [km/s] from a circular orbit of radius ``r_low`` to the ellipse ``r_periapsis`` x
    ``r_apoapsis`` [km]: a tangential burn at ``r_low`` onto an ellipse reaching ``r_apoapsis``,
    then at apoapsis the burn that moves the periapsis to ``r_periapsis`` (vis-viva, Curtis,
    Orbital Mechanics for Engineering Students, Sec. 6.2-6.3)."""
    v_circular = math.sqrt(mu / r_low)
    v_low_periapsis = math.sqrt(mu * (2.0 / r_low - 2.0 / (r_low + r_apoapsis)))
    v_transfer_apoapsis = math.sqrt(mu * (2.0 / r_apoapsis - 2.0 / (r_low + r_apoapsis)))
    v_target_apoapsis = math.sqrt(mu * (2.0 / r_apoapsis - 2.0 / (r_periapsis + r_apoapsis)))
    return (v_low_periapsis - v_circular) + abs(v_target_apoapsis - v_transfer_apoapsis)


def ascent_legs(catalog) -> list[tuple[str, float, str]]:
    """The MAV's legs: (name, delta-v [km/s], source) from the surface to the parking orbit."""
    ascent = catalog.entry("delta_v", ASCENT_LEG)
    capture = catalog.entry("delta_v", "mars_capture_orbit")
    mu, radius = orbits.body_constants("mars")
    low = float(ascent["orbit_altitude_km"]["value"])
    peri, apo = float(capture["periapsis_altitude_km"]["value"]), float(capture["apoapsis_altitude_km"]["value"])
    raised = orbit_raise(mu, radius + low, radius + peri, radius + apo)
    rendezvous = catalog.entry("delta_v", RENDEZVOUS_LEG)["delta_v"]
    return [
        (ASCENT_LEG, float(ascent["delta_v"]["value"]), ascent["delta_v"]["source"]),
        (f"raise {low:g} km circular -> {peri:g} x {apo:g} km", raised,
         "vis-viva with boinor's Mars constants (trades.architecture.mars_surface_access.orbit_raise)"),
        (RENDEZVOUS_LEG, float(rendezvous["value"]), rendezvous["source"]),
    ]


def ascent_propellant(study) -> str:
    return study.transportation.mars_crew.surface_access.ascent_propellant or study.transportation.lander_propellant


def predeploy_years(study, missions: list[dict]) -> list[int]:
    """The year each mission's MAV leaves Earth: the window before its crew's."""
    return [study.transportation.mars_window.year] + [m["year"] for m in missions[:-1]]


def ascent_streams(study, cargo_stages: list[Stage], trajectory: dict, windows: list[dict], coast, notes: list) -> dict[str, list[Stage]]:
    """Each mission's MAV stream to the surface: the cargo route's stages (same propellants, its entry
    step) on the transfer of the window it leaves in (``windows``, one per mission:
    :func:`trades.architecture.mars_predeploy.ahead_windows`); ``coast(stage)`` gives the cargo
    stages' coasts (the cargo window's). Appends a note per mission to ``notes``."""
    return window_streams(study, cargo_stages, trajectory, windows, STREAM_PREFIX, "ascent vehicle", True, coast, notes)


def surface_access_errors(study, catalog) -> list:
    """Bad input in ``transportation.mars_crew.surface_access`` (exit 2): a known propellant and a cabin
    with a mass per crew member."""
    access = study.transportation.mars_crew.surface_access
    path = ("transportation", "mars_crew", "surface_access")
    errors = []
    propellants = catalog.entries["propellants"]
    if access.ascent_propellant is not None and access.ascent_propellant not in propellants:
        errors.append(study.error(path + ("ascent_propellant",), f"unknown propellant '{access.ascent_propellant}'; one of {sorted(propellants)}"))
    elif ascent_propellant(study) == "nuclear_thermal_lh2":
        errors.append(study.error(path + ("ascent_propellant",), "a nuclear-thermal stage does not lift a crew off Mars in this toolkit "
                                  "(no sourced relationship at a liftoff thrust-to-weight); name a chemical propellant"))
    elements = catalog.entries["elements"]
    cabin = elements.get(access.cabin)
    if cabin is None:
        errors.append(study.error(path + ("cabin",), f"unknown element '{access.cabin}'; one of {sorted(elements)}"))
    elif access.cabin_mass_per_crew_kg is None and (cabin.get("mass_per_crew_kg") or {}).get("value") is None:
        errors.append(study.error(path + ("cabin",), f"element '{access.cabin}' has no mass_per_crew_kg in the catalog; "
                                  "give cabin_mass_per_crew_kg"))
    if not errors:
        errors += isru_errors(study, catalog, ascent_propellant(study))
    return errors


def set_surface_access_inputs(arch, study, catalog) -> None:
    """The cabin, the ascent stage and the descent's entry fractions, the years the MAVs leave Earth
    and the missions' descent vehicles."""
    from trades.architecture.model_inputs import STAGE_PROPELLANT_FIELDS
    from trades.models.transfer.rocket_stage import STANDARD_GRAVITY  # here: `trades validate` imports this module without OpenMDAO

    access = study.transportation.mars_crew.surface_access
    crew = study.outpost.crew_size
    if access.cabin_mass_per_crew_kg is not None:
        per_crew = {"value": access.cabin_mass_per_crew_kg, "source": f"{arch.file}: transportation.mars_crew.surface_access."
                    "cabin_mass_per_crew_kg (the study's input_sources cite it)", "verified": None}
    else:
        per_crew = catalog.entry("elements", access.cabin)["mass_per_crew_kg"]
    arch.add("mars_crew_cabin.cabin_mass", crew * float(per_crew["value"]), "kg",
             f"crew {crew:g} x {float(per_crew['value']):g} kg ({access.cabin}): {per_crew['source']}",
             per_crew.get("verified"), per_crew.get("note"))
    propellant = ascent_propellant(study)
    entry = catalog.entry("propellants", propellant)
    prefix = "mars_ascent_stage"
    legs = ascent_legs(catalog)
    arch.add(f"{prefix}.delta_v", sum(dv for _, dv, _ in legs) * 1000.0, "m/s",
             " + ".join(f"{name} {dv:.3f} km/s ({source})" for name, dv, source in legs),
             False, catalog.entry("delta_v", ASCENT_LEG)["delta_v"]["note"])
    for name, field, units in STAGE_PROPELLANT_FIELDS:
        if name != "thrust_to_weight":
            arch.add_catalog(f"{prefix}.{name}", entry[field], units)
    mu, radius = orbits.body_constants("mars")
    local = catalog.entry("delta_v", ASCENT_LEG)["liftoff_thrust_to_weight"]
    g_mars = mu / radius**2 * 1000.0  # m/s^2
    arch.add(f"{prefix}.thrust_to_weight", float(local["value"]) * g_mars / STANDARD_GRAVITY, "unitless",
             f"liftoff thrust-to-weight {float(local['value']):g} in Mars surface gravity ({g_mars:.3f} m/s2, boinor's mu/R^2), "
             f"in g0: {local['source']}", False, local.get("note"))
    arch.add(f"{prefix}.gravity_loss", 0.0, "m/s", "the published ascent delta-v includes the ascent's losses")
    set_surface_storage_inputs(arch, study, catalog, prefix, propellant)
    fractions = catalog.entry("delta_v", ENTRY_LEG)
    arch.add_catalog("mars_crew_descent.landed_fraction", fractions["mass_ratio"], "unitless")
    arch.add_catalog("mars_crew_descent.payload_fraction", fractions["payload_fraction"], "unitless")
    years = np.array(study.years)
    ahead = predeployed(study)
    share = study.transportation.mars_crew.crew_share  # each mission's flown share (trades.architecture.mars_missions)
    for k, (m, year) in enumerate(zip(arch.mars_crew, predeploy_years(study, arch.mars_crew)), start=1):
        arch.add(f"{STREAM_PREFIX}{k}_demand.crew_rotations", share * (years == year).astype(float), "unitless",
                 f"mission {k}'s Mars ascent vehicle leaves Earth in {year}, the window before its crew's "
                 "(transportation.mars_window for the first, the previous crew's window for the others)")
        if ahead:  # its own stream, mars_descent_<k> (trades.architecture.mars_descent)
            arch.add(f"{DESCENT_PREFIX}{k}_demand.crew_rotations", share * (years == year).astype(float), "unitless",
                     f"mission {k}'s descent vehicle leaves Earth in {year}, one window ahead of its crew, and waits in the parking orbit")
        else:
            arch.add(f"mars_crew_{k}_descent.crew_rotations", share * (years == m["year"]).astype(float), "unitless",
                     f"mission {k}'s descent vehicle rides its crew vehicle to the parking orbit ({m['window']['departure']})")
    arch.notes.append(
        f"Mars surface access: each crew descends from the parking orbit in a {crew:g}-seat cabin landed by the cargo route's entry "
        + ("fractions, sent there one window ahead on the cargo route's stages, " if ahead else "fractions, carried there by its crew vehicle, ")
        + f"and leaves on a Mars ascent vehicle ({propellant}, {sum(dv for _, dv, _ in legs):.2f} km/s to the parking orbit) "
        "landed one window ahead on the cargo route; "
        + ("its fuel is carried from Earth and its oxidizer made on Mars" if access.ascent_oxidizer_from_isru
           else "its ascent propellant is carried from Earth (no ISRU)")
    )


def add_surface_access_elements(arch, item: int, add_element) -> None:
    """Cost elements of the crew's descent and ascent vehicles (one each per mission: the item's
    units are crew rotations), by the crew lander's relationship, and the stages that deliver each
    MAV: the cargo route's stages, so built to the cargo stages' designs (produced per MAV, their
    development is the cargo transport's; the unit mass is the missions' average)."""
    add_element(item, "mars_ascent_vehicle", "crew_lander", mass_output="mars_ascent_vehicle.dry_mass")
    add_element(item, "mars_crew_descent_vehicle", "crew_lander", mass_output="mars_crew_descent_vehicle.dry_mass")
    if arch.study.transportation.mars_crew.surface_access.ascent_oxidizer_from_isru:
        add_plant_elements(item, add_element)
    for prefix, name in ((STREAM_PREFIX, "mars_ascent_stage"), (DESCENT_PREFIX, "mars_descent_stage")):
        # mission 1's stream names the stages; their unit mass is the missions' average (assemble.set_stage_unit_masses);
        # a descent stream exists only when the descent vehicles fly ahead (predeployed_in_orbit)
        for stage in arch.stages.get(f"{prefix}1", []):
            if stage.role != "entry":
                add_element(item, f"{name}{stage.index}", "departure_stage" if stage.role == "departure" else "propulsion_module",
                            mass_output=f"transfer_{prefix}1.stage{stage.index}.inert_mass", propellant=stage.propellant,
                            developed_by=f"cargo_{stage.role}_stage{stage.index}")

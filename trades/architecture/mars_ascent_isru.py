"""The Mars ascent vehicle on the surface: how long it waits there, the propellant it keeps, and the
oxygen plant that makes its oxidizer (``transportation.mars_crew.surface_access``).

**The wait.** The MAV of mission ``k`` lands from the cargo route at the arrival of the transfer it
flies (:mod:`trades.architecture.mars_predeploy`): the first with the cargo (the cargo window's
departure plus its time of flight), the others at the arrival of the cargo's transfer type and
objective in the window before their crew's. It waits until its crew leaves Mars (the crew's
return departure). The MAV is one design for every mission: its oxygen
plant is sized to fill it in the shortest production time (``isru_oxygen_ready_by``: from landing to
the crew's Earth departure, by default, or to its ascent), its propellant kept over the longest wait.
The plant relationship is one point (2 kg/h): a plant of rate ``Q`` is ``Q / 2`` modules of it.

**Storage.** The MAV's propellant boils off at ``surface_boiloff_rate_per_day`` over the longest
wait (the stage's tanks hold the loaded propellant, :class:`trades.models.transfer.rocket_stage.RocketStage`).
No rate on the Martian surface was read in a source, nor the mass and power of cryocoolers that
would prevent it (docs/research/mars_isru_sources.md): by default none is counted, and the run says so.

**ISRU oxygen** (``ascent_oxidizer_from_isru``). The MAV lands with its fuel only, beside an oxygen
plant and its fission power system (:class:`trades.models.outpost.ascent_oxygen_plant.AscentOxygenPlant`),
landed with it on the cargo route and costed per MAV by the catalog's ``isru`` and ``power``
relationships.
"""

from __future__ import annotations

PLANT = "mars_ascent_isru"
PLANT_MASS_KEY = "mars_isru_oxygen_plant_mass_per_rate_kg_per_kg_h"
ENERGY_KEY = "mars_isru_oxygen_specific_energy_kwh_per_kg"
POWER_KEY = "fission_power_specific_mass_kg_kwe"
OXYGEN_PROPELLANTS = ("lox_",)  # propellant ids whose oxidizer is liquid oxygen (propellants.yaml names them so)


def surface_waits(arch) -> list[dict]:
    """Each mission's MAV on the surface: landing, its crew's Earth departure and ascent (ISO dates),
    the days from landing to ascent (``days``) and from landing to the crew's Earth departure
    (``days_to_crew_departure``)."""
    from trades.astro import ephemeris  # here: `trades validate` imports this module

    waits = []
    for mission in arch.mars_crew:
        ahead = mission["ahead_window"]  # the transfer the MAV flies (trades.architecture.mars_predeploy)
        landing, ascent = float(ahead["departure_jd"]) + float(ahead["tof_days"]), float(mission["return"]["departure_jd"])
        waits.append({"landing": f"{ephemeris.to_date(landing):%Y-%m-%d}", "ascent": mission["return"]["departure"],
                      "crew_departure": mission["window"]["departure"], "days": ascent - landing,
                      "days_to_crew_departure": float(mission["window"]["departure_jd"]) - landing})
    return waits


def isru_errors(study, catalog, ascent_propellant: str) -> list:
    """Bad input of the ISRU option (exit 2): an oxygen plant needs a Mars ascent vehicle burning
    liquid oxygen, and plant coefficients above 0."""
    access = study.transportation.mars_crew.surface_access
    path = ("transportation", "mars_crew", "surface_access", "ascent_oxidizer_from_isru")
    if not access.ascent_oxidizer_from_isru:
        return []
    if study.destination.body != "mars":
        return [study.error(path, f"no Mars ascent vehicle to fuel: the destination is '{study.destination.body}', not mars")]
    if not ascent_propellant.startswith(OXYGEN_PROPELLANTS):
        return [study.error(path, f"the ascent propellant '{ascent_propellant}' does not burn liquid oxygen, which the plant makes; "
                                  "name one of " + ", ".join(p for p in catalog.entries["propellants"] if p.startswith(OXYGEN_PROPELLANTS)))]
    errors = []
    outpost = catalog.entry("outpost", "default")
    for key in (PLANT_MASS_KEY, ENERGY_KEY, POWER_KEY):
        value = float((outpost.get(key) or {}).get("value", 0.0))
        if not value > 0.0:
            errors.append(study.error(("overrides", "outpost", "default", key),
                                      f"must be above 0 for the ascent vehicle's oxygen plant, not {value:g}"))
    return errors


def set_surface_storage_inputs(arch, study, catalog, stage: str, propellant: str) -> list[dict]:
    """The MAV's days on the surface (the stage's coast before its burn) and their boil-off rate; the
    oxygen plant's inputs when the oxidizer is made on Mars. Returns the missions' waits."""
    access = study.transportation.mars_crew.surface_access
    waits = surface_waits(arch)
    listed = "; ".join(f"mission {k}: {w['landing']} to {w['ascent']}, {w['days']:.0f} d" for k, w in enumerate(waits, start=1))
    longest, shortest = max(w["days"] for w in waits), min(w["days"] for w in waits)
    arch.add(f"{stage}.coast_time", longest, "d", f"the longest MAV wait on the surface, landing to the crew's ascent ({listed}); "
             "landing: the arrival of the transfer each MAV flies (the cargo window's for the first, the cargo's transfer "
             "type and objective in the window before its crew's for the others)")
    if access.surface_boiloff_rate_per_day is not None:
        arch.add(f"{stage}.boiloff_rate", access.surface_boiloff_rate_per_day, "1/d",
                 f"{arch.file}: transportation.mars_crew.surface_access.surface_boiloff_rate_per_day (the study's input_sources cite it)")
        storage = f"{access.surface_boiloff_rate_per_day:g} of its propellant a day boils off over the {longest:.0f}-day wait"
    else:
        arch.add(f"{stage}.boiloff_rate", 0.0, "1/d", "no boil-off on the Martian surface counted: no sourced rate was read, nor the mass "
                 "and power of cryocoolers that would prevent it (docs/research/mars_isru_sources.md); set "
                 "transportation.mars_crew.surface_access.surface_boiloff_rate_per_day")
        storage = (f"no boil-off is counted over its {shortest:.0f} to {longest:.0f} days on the surface (no sourced rate on Mars, nor "
                   "cryocooler mass and power, was read)")
    arch.notes.append(f"Mars ascent vehicle on the surface: {listed}; {storage}")
    if access.ascent_oxidizer_from_isru:
        _set_plant_inputs(arch, access, catalog, propellant, waits)
    return waits


def production_days(access, waits: list[dict]) -> tuple[float, str]:
    """The time the plant has to fill every mission's MAV (the shortest) and what it runs until."""
    if access.isru_oxygen_ready_by == "crew_ascent":
        return min(w["days"] for w in waits), "landing to the crew's ascent"
    return min(w["days_to_crew_departure"] for w in waits), "landing to the crew's Earth departure (tanks full before the crew is sent)"


def _set_plant_inputs(arch, access, catalog, propellant: str, waits: list[dict]) -> None:
    outpost = catalog.entry("outpost", "default")
    days, until = production_days(access, waits)
    listed = "; ".join(f"mission {k}: {w['landing']} to {w['crew_departure']}" for k, w in enumerate(waits, start=1))
    arch.add_catalog(f"{PLANT}.mixture_ratio", catalog.entry("propellants", propellant)["mixture_ratio"], "unitless")
    arch.add(f"{PLANT}.production_time", days, "d", f"the shortest production time, {until} (the plant fills every mission's MAV; "
             f"landing to crew departure: {listed}); transportation.mars_crew.surface_access.isru_oxygen_ready_by")
    for name, override, key, units in (("plant_mass_per_rate", access.isru_plant_mass_per_rate_kg_per_kg_h, PLANT_MASS_KEY, "kg/(kg/h)"),
                                       ("specific_energy", access.isru_specific_energy_kwh_per_kg, ENERGY_KEY, "kW*h/kg")):
        if override is None:
            arch.add_catalog(f"{PLANT}.{name}", outpost[key], units)
        else:
            arch.add(f"{PLANT}.{name}", override, units, f"{arch.file}: transportation.mars_crew.surface_access "
                     "(the study's input_sources cite it)")
    arch.add_catalog(f"{PLANT}.power_specific_mass", outpost[POWER_KEY], "kg/kW")
    arch.notes.append(
        f"Mars ascent vehicle: its oxidizer ({propellant}, O/F {float(catalog.entry('propellants', propellant)['mixture_ratio']['value']):g}) "
        f"is made on Mars in {days:.0f} days by an oxygen plant (MOXIE scaled up) on fission power, landed with it; the MAV lands with its fuel only"
    )


def add_plant_elements(item: int, add_element) -> None:
    """The oxygen plant (the catalog's ``isru`` relationship) and its power system (``power``), one
    of each per MAV (the item's units are crew rotations)."""
    add_element(item, "mars_ascent_isru_plant", "isru", mass_output=f"{PLANT}.plant_mass")
    add_element(item, "mars_ascent_isru_power", "power", mass_output=f"{PLANT}.power_system_mass", power_source="fission")

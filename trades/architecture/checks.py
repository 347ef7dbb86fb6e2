"""Consistency of a validated study with the catalogs: everything ``trades validate`` can say
without building the model (no OpenMDAO, no boinor).

Bad input is reported as :class:`StudyErrors` (exit 2) with the study's key path and YAML line.
An architecture that is valid input but cannot close (no crew-rated vehicle, a stage short of
delta-v) is not checked here: :mod:`trades.architecture.resolve` reports it as infeasible (exit 3).
"""

from __future__ import annotations

from trades.architecture.outpost_modules import module_errors
from trades.architecture.ssa import ssa_errors
from trades.architecture.cost_relationships import relationship_errors
from trades.study.standards_section import standards_catalog_errors
from trades.study.catalog import Catalog, catalog_with_overrides
from trades.study.reader import did_you_mean
from trades.errors import StudyError, StudyErrors
from trades.architecture.acquisition import acquisition_errors
from trades.architecture.programme_purchases import purchase_errors
from trades.study.schema import Study
from trades.architecture.mars_missions import mars_crew_errors
from trades.architecture.asteroid_crew import asteroid_crew_errors
from trades.architecture.logistics_inputs import station_keeping_errors
from trades.architecture.mars_surface_access import surface_access_errors
from trades.architecture.crew_lander_resize import resize_errors


def route_key(study: Study) -> str:
    """Key of the study's route in the routes catalog (by body: site, staging or capture mode)."""
    body = study.destination.body
    if body == "earth_orbit":
        return "any"
    if body == "moon_orbit":
        return study.destination.site
    if body == "mars":
        return "aerocapture" if study.transportation.aerocapture else "propulsive"
    if body == "near_earth_asteroid":
        return "rendezvous"
    return study.transportation.staging


def partner_vehicles(study: Study, catalog: Catalog) -> dict[str, list[str]]:
    """Vehicles each partner brings: the study's list, or the partner's catalog vehicles."""
    return {
        p.id: list(p.vehicles) if p.vehicles is not None else list(catalog.entry("partners", p.id)["vehicles"])
        for p in study.partners
    }


def allowed_vehicles(study: Study, catalog: Catalog, crew: bool) -> list[str]:
    """Vehicles the launch policy allows: any partner's (open market) or the lead partner's
    (national, until work shares arrive), without planned ones when excluded, crew-rated for crew."""
    by_partner = partner_vehicles(study, catalog)
    if study.launch.policy == "open_market":
        pool = sorted({v for vs in by_partner.values() for v in vs})
    else:
        pool = by_partner[study.partners[0].id]
    vehicles = catalog.entries["launch_vehicles"]
    return [
        v for v in pool
        if (study.launch.include_planned or vehicles[v]["status"] != "planned") and (not crew or vehicles[v].get("crew_rated"))
    ]


#: continuous inputs ``trades optimize`` may move: name -> (physical lower, upper, units, study field)
DESIGN_VARIABLES = {
    "water_closure": (0.0, 0.98, "unitless", "outpost.water_closure"),
    "oxygen_closure": (0.0, 0.98, "unitless", "outpost.oxygen_closure"),
    "isru_oxygen_production": (0.0, 10000.0, "t/year", "outpost.isru.oxygen_production_t_per_year"),
    "crew.stay_days": (1.0, 1000.0, "d", "outpost.stay_days"),
    "crew.rotations_per_year": (0.0, 12.0, "unitless", "outpost.rotations_per_year"),
}


def design_variable_bounds(dv) -> tuple[float, float, str]:
    """The study's bounds of a design variable, defaulting to its physical range, and its units."""
    low, high, units, _ = DESIGN_VARIABLES[dv.name]
    return (low if dv.lower is None else dv.lower), (high if dv.upper is None else dv.upper), units


def _design_variable_errors(study: Study) -> list[StudyError]:
    errors, seen = [], set()
    for i, dv in enumerate(study.design_variables):
        path = ("design_variables", i)
        if dv.name not in DESIGN_VARIABLES:
            errors.append(study.error(path + ("name",), f"'{dv.name}' cannot be a design variable; one of {sorted(DESIGN_VARIABLES)}"))
            continue
        if dv.name in seen:
            errors.append(study.error(path + ("name",), f"'{dv.name}' is listed twice"))
        seen.add(dv.name)
        low, high, units, _ = DESIGN_VARIABLES[dv.name]
        lower, upper, _ = design_variable_bounds(dv)
        if lower < low or upper > high:
            errors.append(study.error(path, f"bounds [{lower:g}, {upper:g}] leave the physical range [{low:g}, {high:g}] {units}"))
        elif lower >= upper:
            errors.append(study.error(path, f"lower bound {lower:g} is not below upper bound {upper:g}"))
    return errors


def _money_errors(study: Study, catalog: Catalog) -> list[StudyError]:
    from trades.study.money import cpi_years

    first, last = cpi_years(catalog)
    base = study.campaign.dollar_base_year
    if not first <= base <= last:
        return [study.error(("campaign", "dollar_base_year"), f"{base} is outside the inflation index of the catalog ({first}-{last})")]
    return []


def _element_errors(study: Study, catalog: Catalog) -> list[StudyError]:
    errors = []
    elements = catalog.entries["elements"]
    wanted = (
        (("transportation", "crew_lander"), study.transportation.crew_lander, "crew_lander", "mass_kg"),
        (("transportation", "cargo_carrier"), study.transportation.cargo_carrier, None, "payload_kg"),
        (("launch", "crew_spacecraft"), study.launch.crew_spacecraft, "crew_vehicle", "mass_kg"),
    )
    for path, element_id, kind, needed in wanted:
        if element_id is None:
            continue
        if element_id not in elements:
            errors.append(study.error(path, f"unknown element '{element_id}'; one of {sorted(elements)}"))
        elif kind and elements[element_id]["type"] != kind:
            errors.append(study.error(path, f"element '{element_id}' is a {elements[element_id]['type']}, not a {kind}"))
        elif (elements[element_id].get(needed) or {}).get("value") is None and not (
                kind == "crew_lander" and "launches_per_landing" in elements[element_id]):  # refuelled: flown by its provider
            what = needed.removesuffix("_kg")
            errors.append(study.error(path, f"element '{element_id}' has no {what} in the catalog; override elements.{element_id}.{needed}"))
    for i, element_id in enumerate(study.shared_infrastructure):
        path = ("shared_infrastructure", i)
        if element_id not in elements:
            errors.append(study.error(path, f"unknown element '{element_id}'; one of {sorted(elements)}"))
        elif elements[element_id]["type"] != "relay":
            errors.append(study.error(path, f"element '{element_id}' is a {elements[element_id]['type']}, not shared infrastructure (relay)"))
        elif study.shared_infrastructure.index(element_id) != i:
            errors.append(study.error(path, f"element '{element_id}' is listed twice"))
    errors += module_errors(study, elements)  # outpost_modules (trades.architecture.outpost_modules)
    return errors


def _id_errors(study: Study, catalog: Catalog) -> list[StudyError]:
    errors = []
    known = catalog.entries
    for i, partner in enumerate(study.partners):
        if partner.id not in known["partners"]:
            errors.append(study.error(("partners", i, "id"), f"unknown partner '{partner.id}'; one of {sorted(known['partners'])}"
                                                                 f"{did_you_mean(partner.id, known['partners'])}"))
            continue
        for j, vehicle in enumerate(partner.vehicles or []):
            if vehicle not in known["launch_vehicles"]:
                errors.append(study.error(("partners", i, "vehicles", j),
                                          f"unknown launch vehicle '{vehicle}'{did_you_mean(vehicle, known['launch_vehicles'])}"))
    sites_here = sorted(k for k, v in known["sites"].items() if v["body"] == study.destination.body)
    site = known["sites"].get(study.destination.site)
    if site is None:
        errors.append(study.error(("destination", "site"), f"unknown site '{study.destination.site}'; sites at {study.destination.body}: {sites_here}"))
    elif site["body"] != study.destination.body:
        errors.append(study.error(
            ("destination", "site"),
            f"site '{site['id']}' is at '{site['body']}', not at destination body '{study.destination.body}'; sites there: {sites_here}",
        ))
    asteroid = study.destination.asteroid
    if asteroid is not None and asteroid not in known.get("neas", {}):
        errors.append(study.error(
            ("destination", "asteroid"), f"unknown asteroid '{asteroid}'; asteroids in the catalog: {sorted(known.get('neas', {}))}",
        ))
    for key in ("departure_propellant", "lander_propellant"):
        value = getattr(study.transportation, key)
        if value not in known["propellants"]:
            errors.append(study.error(("transportation", key), f"unknown propellant '{value}'; one of {sorted(known['propellants'])}"))
    for key in ("cargo_vehicle", "crew_vehicle"):
        value = getattr(study.launch, key)
        if value != "auto" and value not in known["launch_vehicles"]:
            errors.append(study.error(("launch", key), f"unknown launch vehicle '{value}'{did_you_mean(value, known['launch_vehicles'])}"))
    return errors


def _route_errors(study: Study, catalog: Catalog) -> list[StudyError]:
    body, key = study.destination.body, route_key(study)
    by_key = catalog.routes.get(body, {})
    if key not in by_key:
        field = ("destination", "site") if body == "moon_orbit" else ("transportation", "staging")
        return [study.error(field, f"no route for '{key}' at '{body}'; routes: {sorted(by_key)}")]
    route, errors = by_key[key], []
    if study.transportation.reusable_lander and "reusable_lander" not in route:
        errors.append(study.error(
            ("transportation", "reusable_lander"),
            f"no reusable-lander route at '{body}' with staging '{key}' (a reusable lander needs a staging orbit to return to: llo or nrho)",
        ))
    if study.transportation.crew_lander is not None and "crew_lander" not in route:
        errors.append(study.error(("transportation", "crew_lander"), f"destination '{body}' has no landing; remove the crew lander"))
    return errors


def _leg_errors(study: Study, catalog: Catalog) -> list[StudyError]:
    """Computed legs whose (possibly overridden) geometry cannot work."""
    from trades.astro.orbits import EARTH_RADIUS_KM

    errors = []
    r_launch = EARTH_RADIUS_KM + study.transportation.launch_orbit_altitude_km
    for leg in catalog.entries["delta_v"].values():
        if leg.get("method") == "hohmann_departure_burn" and leg["apoapsis_radius_km"]["value"] <= r_launch:
            errors.append(study.error(
                ("overrides", "delta_v", leg["id"], "apoapsis_radius_km"),
                f"apoapsis radius {leg['apoapsis_radius_km']['value']:g} km is not above the launch orbit (radius {r_launch:.0f} km)",
            ))
    return errors


def _launch_errors(study: Study, catalog: Catalog) -> list[StudyError]:
    errors = []
    vehicles = catalog.entries["launch_vehicles"]
    for key, crew in (("cargo_vehicle", False), ("crew_vehicle", True)):
        chosen = getattr(study.launch, key)
        if chosen == "auto" or chosen not in vehicles:
            continue
        usable = allowed_vehicles(study, catalog, crew)
        if chosen in usable:
            continue
        if crew and not vehicles[chosen].get("crew_rated"):
            errors.append(study.error(("launch", key), f"'{chosen}' is not crew-rated; crew-rated and available: {usable}"))
        elif vehicles[chosen]["status"] == "planned" and not study.launch.include_planned:
            errors.append(study.error(
                ("launch", key),
                f"'{chosen}' is not available: it is a planned vehicle and launch.include_planned is false; available: {usable}",
            ))
        # a vehicle the partners do not have under the policy is not bad input: the partnership
        # cannot fly it, which trades.architecture.resolve reports as infeasible
    return errors


def check_study(study: Study, catalog: Catalog | None = None) -> Catalog:
    """Apply the study's overrides and check it against the catalogs; returns the catalog used."""
    catalog = catalog.with_overrides(study.overrides, study.error) if catalog else catalog_with_overrides(study.overrides, study.error)
    errors = _id_errors(study, catalog)
    if not errors:  # element properties, routes and launch choices presuppose known ids
        errors = (
            _element_errors(study, catalog) + _route_errors(study, catalog)
            + _leg_errors(study, catalog) + _launch_errors(study, catalog)
            + _design_variable_errors(study) + _money_errors(study, catalog) + acquisition_errors(study, catalog)
            + purchase_errors(study, catalog)
            + mars_crew_errors(study, catalog) + asteroid_crew_errors(study, catalog)
            + (surface_access_errors(study, catalog) if study.transportation.mars_crew is not None else [])
            + relationship_errors(study, catalog) + standards_catalog_errors(study, catalog) + ssa_errors(study, catalog)
            + station_keeping_errors(study, catalog) + resize_errors(study, catalog)
        )
    if errors:
        raise StudyErrors(errors)
    return catalog


def optimize_refusals(study: Study, catalog: Catalog) -> list[str]:
    """What ``trades optimize`` and ``trades coalitions`` would refuse in a study that ``run``
    accepts, as far as it can be seen without building the model: a cost objective with a named
    vehicle the catalog (and the study's overrides) does not price."""
    if study.objective.name == "launch_mass":
        return []
    vehicles = catalog.entries["launch_vehicles"]
    # a study without crew rotations (none free to the optimizer) flies no crew launch to price
    crewless = study.outpost.rotations_per_year == 0 and not any(dv.name == "crew.rotations_per_year" for dv in study.design_variables)
    unpriced = [
        f"launch.{key} '{chosen}'" for key in ("cargo_vehicle",) + (() if crewless else ("crew_vehicle",))
        if (chosen := getattr(study.launch, key)) != "auto" and chosen in vehicles
        and not (vehicles[chosen].get("price") or {}).get("value")
    ]
    if not unpriced:
        return []
    return [f"objective.name: '{study.objective.name}' needs launch prices, and the catalog has none for "
            f"{', '.join(unpriced)}: trades optimize and coalitions will refuse the study; add "
            "overrides.launch_vehicles.<id>.price {value, unit: MUSD, source} or use objective launch_mass"]

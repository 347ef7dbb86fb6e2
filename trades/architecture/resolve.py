"""Resolve a validated study against the catalogs into an :class:`Architecture`.

This is where ids become numbers: every model input gets its value, units and source, the
route's legs become stage delta-v (Earth-orbit legs computed with boinor through
:mod:`trades.astro.orbits`), vehicles are chosen under the launch policy, and what cannot work is
reported: unknown ids as :class:`StudyErrors` (bad input, exit 2), architectures that cannot
close as :class:`InfeasibleError` (exit 3) naming what fails and by how much.
"""

from __future__ import annotations

import math


from trades.astro import orbits
from trades.study.catalog import Catalog
from trades.architecture.checks import allowed_vehicles, check_study, partner_vehicles, route_key
from trades.errors import InfeasibleError
from trades.architecture.acquisition import crew_launch_price
from trades.architecture.ssa import set_ssa_inputs, size_ssa
from trades.architecture.costing import launch_reliability, make_cost_plan, price_per_kg
from trades.architecture.refuelled_lander import refuelled_lander
from trades.architecture.crew_lander_resize import resized_catalog
from trades.architecture.launch_prices import priced_payload_kg
from trades.study.schema import Study
from trades.architecture.description import Architecture, Stage
from trades.architecture.flight_rates import busiest_year_launches, crew_reach, crew_reach_needed, max_flights
from trades.architecture.model_inputs import set_cost_inputs, set_model_inputs
from trades.architecture.trajectories import asteroid_trajectory, coast_days, gravity_loss, mars_trajectory
from trades.architecture.cryogenic_storage import storage_mass
from trades.architecture.mars_missions import plan_missions, set_mars_crew_inputs
from trades.architecture.asteroid_crew import entry_notes, set_stack_inputs
from trades.architecture.mars_surface_access import ascent_streams, predeploy_years, set_surface_access_inputs
from trades.architecture.mars_descent import descent_streams, predeployed as descent_predeployed
from trades.architecture.mars_predeploy import ahead_windows


def _choose_vehicle(study: Study, catalog: Catalog, file: str, key: str, crew: bool,
                    mass_per_year: list[float] | None = None, taken: dict[str, list[int]] | None = None) -> str:
    """The named vehicle (already checked by :func:`check_study`) or, for 'auto', the allowed
    vehicle with the lowest price per kg in the launch orbit (cargo) or per launch (crew), failed
    attempts included; among unpriced vehicles only, the largest LEO payload (fewest launches).

    Crews fly only on vehicles whose crew spacecraft is rated for the destination. Given the mass
    to lift each year (known once the model has run: it does not depend on the vehicle), 'auto'
    cargo leaves out the vehicles whose flight-rate limit the busiest year would break, counting
    the launches ``taken`` (by vehicle, a list over the study's years) other programmes of a shared
    fleet fly on each (``trades integrated``).
    """
    chosen = getattr(study.launch, key)
    usable = allowed_vehicles(study, catalog, crew)
    body = study.destination.body
    short_reach = ""
    if crew:
        rated = [v for v in usable if crew_reach(catalog, v) in crew_reach_needed(body)]
        if len(rated) < len(usable):
            short_reach = " (crew-rated but not for a crew to {}: {})".format(
                body, ", ".join(f"{v} reaches {crew_reach(catalog, v)}" for v in usable if v not in rated))
        if chosen != "auto" and chosen in usable and chosen not in rated:
            raise InfeasibleError(
                f"{file}: launch.{key}: '{chosen}' carries a crew spacecraft rated for {crew_reach(catalog, chosen)} only "
                f"(launch_vehicles.{chosen}.crew_reach), not for a crew to {body}; rated for it among the partners' "
                f"vehicles: {rated or 'none'}"
            )
        usable = rated
    if chosen != "auto":
        if chosen not in usable:
            raise InfeasibleError(
                f"{file}: launch.{key}: '{chosen}' is not available under the '{study.launch.policy}' policy to the "
                f"partners {[p.id for p in study.partners]}; available: {usable}"
            )
        return chosen
    if not usable:
        kind = f"crew-rated launch vehicle for a crew to {body}" if crew else "launch vehicle"
        raise InfeasibleError(
            f"{file}: launch.{key}: no {kind} among the partners' vehicles under the '{study.launch.policy}' policy "
            f"(partners: {[p.id for p in study.partners]}){short_reach}"
        )
    if mass_per_year is not None:
        usable = _within_flight_rates(study, catalog, file, key, usable, mass_per_year, taken or {})
    base = study.campaign.dollar_base_year
    if crew:
        priced = [(p, v) for v in usable if (p := crew_launch_price(study, catalog, v, base).musd) is not None]
    else:
        priced = [(p, v) for v in usable if (p := price_per_kg(study, catalog, v, launch_reliability(study, catalog, v)[0])) is not None]
    if priced:
        return min(priced)[1]
    return max(usable, key=lambda v: catalog.value("launch_vehicles", v, "payload_leo_kg"))


def _within_flight_rates(study: Study, catalog: Catalog, file: str, key: str, usable: list[str],
                         mass_per_year: list[float], taken: dict[str, list[int]]) -> list[str]:
    """The vehicles whose flight-rate limit lifts every year's mass (beside the launches ``taken``
    by other programmes); exit 3 naming each one's busiest year and excess when none does."""
    fits, over = [], []
    for vehicle in usable:
        limit = max_flights(catalog, vehicle)
        capacity = priced_payload_kg(catalog, vehicle)
        year, count = busiest_year_launches(mass_per_year, capacity, study.launch.packing_efficiency, taken.get(vehicle))
        if limit is None or count <= limit:
            fits.append(vehicle)
        else:
            over.append(f"{vehicle} {count} in {study.years[year]} (limit {limit:g}, over by {count - limit:g})")
    if not fits:
        shared = ", the other programmes' launches on it included" if taken else ""
        raise InfeasibleError(
            f"{file}: launch.{key}: no allowed vehicle can fly the campaign's launches within its flight-rate limit "
            f"(max_flights_per_year{shared}): {'; '.join(over)}"
        )
    return fits


def _leg_delta_v(leg: dict, study: Study, catalog: Catalog, site: dict) -> tuple[float, str]:
    """Delta-v of a leg [km/s] and its source; computed legs go through boinor."""
    method = leg.get("method")
    if method is None:
        return float(leg["delta_v"]["value"]), leg["delta_v"]["source"]
    if method == "asteroid_window":  # set by _asteroid_trajectory (the window is required at an asteroid)
        return math.nan, "asteroid window"
    _, radius = orbits.body_constants("earth")
    r_launch = radius + study.transportation.launch_orbit_altitude_km
    if method == "hohmann_departure_burn":
        apo = float(leg["apoapsis_radius_km"]["value"])  # above the launch orbit: trades.architecture.checks
        reserve = float(leg["reserve_fraction"]["value"])
        dv = orbits.hohmann(r_launch, apo)[0] * (1.0 + reserve)
        return dv, f"boinor Hohmann first burn from {r_launch - radius:.0f} km to apoapsis {apo:.0f} km, +{reserve:.0%} reserve"
    if method == "hohmann":
        r_station = radius + float(site["altitude_km"]["value"])
        dv_a, dv_b, _ = orbits.hohmann(r_launch, r_station)
        return dv_a + dv_b, f"boinor Hohmann transfer {r_launch - radius:.0f} km -> {r_station - radius:.0f} km"
    raise ValueError(f"unknown leg method {method}")


def _stages(study: Study, catalog: Catalog, site: dict) -> tuple[dict[str, list[Stage]], dict | None]:
    """Stages of each payload stream, and the reusable lander's legs (or None)."""
    route = catalog.routes[study.destination.body][route_key(study)]
    reusable = study.transportation.reusable_lander
    streams = {"cargo": "reusable_cargo" if reusable else "cargo"}
    if study.transportation.crew_lander is not None and refuelled_lander(study, catalog) is None:  # a refuelled one: no mass to carry
        streams["crew_lander"] = "crew_lander"
    legs = catalog.entries["delta_v"]
    propellant_of = {"departure": study.transportation.departure_propellant, "lander": study.transportation.lander_propellant}
    stages = {}
    for stream, key in streams.items():
        stages[stream] = []
        for i, spec in enumerate(route[key]):
            if spec["stage"] == "entry":
                (leg_id,) = spec["legs"]
                fraction = float(legs[leg_id]["mass_ratio"]["value"])
                stages[stream].append(Stage(stream, i, "entry", [leg_id], [], "", landed_fraction=fraction))
                continue
            dvs = [_leg_delta_v(legs[leg_id], study, catalog, site)[0] for leg_id in spec["legs"]]
            stages[stream].append(Stage(stream, i, spec["stage"], list(spec["legs"]), dvs, propellant_of[spec["stage"]]))
    lander = None
    if reusable:
        lander = {
            direction: {"legs": list(leg_ids), "delta_v_km_s": sum(_leg_delta_v(legs[leg], study, catalog, site)[0] for leg in leg_ids)}
            for direction, leg_ids in route["reusable_lander"].items()
        }
    return stages, lander


def _stage_limit(propellant: str, catalog: Catalog, coast_days: float = 0.0, storage: float = 0.0) -> tuple[float, float, float]:
    """The most delta-v [km/s] one stage of ``propellant`` delivers after a coast (or, with zero boil-off,
    carrying ``storage`` kg of cryocoolers and arrays per kg loaded), with its tank and engine
    coefficients (RocketStage's relationship)."""
    from trades.models.transfer.rocket_stage import STANDARD_GRAVITY, single_stage_limit, stage_coefficients

    value = lambda field: catalog.value("propellants", propellant, field)  # noqa: E731
    growth = math.exp(value("boiloff_fraction_per_day") * coast_days)
    tank, engine = stage_coefficients(value("tank_mass_per_volume_kg_m3"), value("bulk_density_kg_m3"),
                                      value("design_thrust_to_weight"), value("engine_thrust_to_weight"), growth, storage)
    return float(single_stage_limit(STANDARD_GRAVITY * value("isp_vac_s"), tank, engine)) / 1000.0, tank, engine


def _check_stage_feasible(stage: Stage, catalog: Catalog, file: str, coast_days: float = 0.0, gravity_loss_km_s: float = 0.0,
                          storage: float = 0.0) -> None:
    if storage:  # zero boil-off: no growth over the coast, cryocoolers and arrays instead
        coast_days = 0.0
    limit, tank, engine = _stage_limit(stage.propellant, catalog, coast_days, storage)
    needed = stage.delta_v_km_s + gravity_loss_km_s
    if needed >= limit:
        isp = catalog.value("propellants", stage.propellant, "isp_vac_s")
        loss = f" with {gravity_loss_km_s:.3f} km/s gravity loss" if gravity_loss_km_s else ""
        raise InfeasibleError(
            f"{file}: the {stage.role} stage of the {stage.stream} stream must deliver {needed:.3f} km/s{loss} "
            f"(legs {', '.join(stage.legs)}) but a single stage of {stage.propellant} (Isp {isp:.0f} s, tankage {tank:.3f} kg per kg "
            f"of propellant after {coast_days:g} d of boil-off, engines {engine:.3f} of its mass) can deliver at most {limit:.3f} km/s: "
            f"short by {needed - limit:.3f} km/s"
        )


def _check_core_stage_feasible(stage_list: list[Stage], catalog: Catalog, file: str, study: Study, trajectory) -> None:
    """A core stage closes when each burn's tank closes on its own, ``1 - aB(R - 1) > 0``, and its
    engines, ``b`` of the first burn's ignition mass carried through every burn, weigh less than the
    burns can push: ``b h G < 1``, with ``G`` the product of the burns' gear ratios
    ``(R + (R - 1)(B - 1)) / (1 - aB(R - 1))`` (RocketStage's without engines, ``gear_ratio``) and
    ``h = R0 / (R0 + (R0 - 1)(B0 - 1))`` the first
    burn's ignition share (the closed form of StageChain's core stage, tests/models/transfer/test_core_stage.py)."""
    from trades.models.transfer.rocket_stage import STANDARD_GRAVITY, gear_ratio

    where = f"{file}: transportation.mars_crew.stage_arrangement: the core stage of the {stage_list[0].stream} stream"
    value = lambda field: catalog.value("propellants", stage_list[0].propellant, field)  # noqa: E731
    a, exhaust = value("tank_mass_per_volume_kg_m3") / value("bulk_density_kg_m3"), STANDARD_GRAVITY * value("isp_vac_s") / 1000.0
    gear, share = 1.0, 1.0
    for stage in stage_list:
        days, loss = coast_days(study, trajectory, stage)[0], gravity_loss(study, catalog, stage)[0]
        ratio = math.exp((stage.delta_v_km_s + loss) / exhaust)
        storage = storage_mass(study, catalog, stage, days, loss)  # zero boil-off: cryocoolers, no growth
        growth = 1.0 if storage else math.exp(value("boiloff_fraction_per_day") * days)
        burn = gear_ratio(ratio, growth, (a + storage) * growth, 0.0)  # tanks only: the engines ride in the payload
        if math.isinf(burn):
            raise InfeasibleError(f"{where}: its tank for {stage.delta_v_km_s:.3f} km/s (legs {', '.join(stage.legs)}) weighs more "
                                  "than the propellant it holds can push: no mass closes it")
        gear *= burn
        if stage.index == 0:
            share = 1.0 / (1.0 + (1.0 - 1.0 / ratio) * (growth - 1.0))
    engines = value("design_thrust_to_weight") / value("engine_thrust_to_weight")
    if engines * share * gear >= 1.0:
        raise InfeasibleError(
            f"{where} does not close: its engines, {engines:.3f} of the first burn's ignition mass, ride every burn, which multiply "
            f"what they carry by {gear:.2f} (boil-off included), so they need {engines * share * gear:.2f} times their own mass to "
            "push them (at most 1 closes); one stage per burn (stage_per_burn), engines of a higher thrust-to-weight or smaller burns"
        )


def _check_round_trip_feasible(lander: dict, propellant: str, catalog: Catalog, file: str) -> None:
    isp = catalog.value("propellants", propellant, "isp_vac_s")
    limit, a, b = _stage_limit(propellant, catalog)  # 1 + a - (a + b) R_u R_d > 0: one stage's limit on R_u R_d
    total = lander["descent"]["delta_v_km_s"] + lander["ascent"]["delta_v_km_s"]
    if total >= limit:
        raise InfeasibleError(
            f"{file}: transportation.reusable_lander: the round trip needs {total:.3f} km/s "
            f"(down {', '.join(lander['descent']['legs'])}; up {', '.join(lander['ascent']['legs'])}) but a reusable "
            f"{propellant} lander (Isp {isp:.0f} s, tankage {a:.3f} kg per kg of propellant, engines {b:.3f} of its mass) "
            f"flies at most {limit:.3f} km/s: short by {total - limit:.3f} km/s"
        )


def resolve(study: Study, file: str | None = None, catalog: Catalog | None = None,
            launch_mass_per_year: list[float] | None = None, fleet_taken: dict[str, list[int]] | None = None) -> Architecture:
    """Turn a validated study into the numbers and choices of its model; given the mass to lift
    each year, 'auto' cargo respects the vehicles' flight-rate limits (less the launches
    ``fleet_taken`` by other programmes sharing the fleet: by vehicle, a list over the study's years)."""
    file = file or study._file
    catalog = check_study(study, catalog)
    notes: list[str] = []
    catalog = resized_catalog(study, catalog, file, notes)  # a crew lander designed for another staging orbit
    site = catalog.entry("sites", study.destination.site)
    stages, reusable_lander = _stages(study, catalog, site)
    trajectory = None
    mars_crew = None
    if study.transportation.mars_crew is not None:  # first: its checks fail faster than the cargo's table
        crew_stages, mars_crew = plan_missions(study, catalog, file, notes)
        stages.update(crew_stages)
    if study.transportation.mars_window is not None:
        trajectory = mars_trajectory(study, catalog, file, stages["cargo"], notes)
    elif study.transportation.asteroid_window is not None:
        trajectory = asteroid_trajectory(study, catalog, file, stages["cargo"], notes)
    if mars_crew:  # each mission's ascent vehicle flies the cargo route one window ahead, on that window's transfer
        windows = ahead_windows(study, catalog, file, trajectory, predeploy_years(study, mars_crew))
        for mission, window in zip(mars_crew, windows):
            mission["ahead_window"] = window  # the MAV lands at its arrival (trades.architecture.mars_ascent_isru)
        cargo_coast = lambda s: coast_days(study, trajectory, s)  # noqa: E731
        stages.update(ascent_streams(study, stages["cargo"], trajectory, windows, cargo_coast, notes))
        if descent_predeployed(study):  # and, in DRA 5.0's split, its descent vehicle to the parking orbit
            stages.update(descent_streams(study, stages["cargo"], trajectory, windows, cargo_coast, notes))
    for stage_list in stages.values():
        if stage_list[0].core_engines:
            _check_core_stage_feasible(stage_list, catalog, file, study, trajectory)
            continue
        for stage in stage_list:
            if stage.role != "entry":
                days, loss = coast_days(study, trajectory, stage)[0], gravity_loss(study, catalog, stage)[0]
                _check_stage_feasible(stage, catalog, file, days, loss, storage_mass(study, catalog, stage, days, loss))
    if reusable_lander is not None:
        _check_round_trip_feasible(reusable_lander, study.transportation.lander_propellant, catalog, file)

    by_partner = partner_vehicles(study, catalog)
    owner = {v: p for p, vs in by_partner.items() for v in vs}
    cargo_vehicle = _choose_vehicle(study, catalog, file, "cargo_vehicle", crew=False, mass_per_year=launch_mass_per_year,
                                   taken=fleet_taken)
    crewed = study.outpost.rotations_per_year > 0
    crew_vehicle = _choose_vehicle(study, catalog, file, "crew_vehicle", crew=True) if crewed else None

    arch = Architecture(
        study, file, catalog, study.years, stages, study.outpost.power_source, cargo_vehicle, crew_vehicle, owner, by_partner,
        reusable_lander=reusable_lander, trajectory=trajectory, notes=notes, mars_crew=mars_crew,
    )
    if study.destination.body == "mars":
        where = (
            f"TMI and capture from the {arch.trajectory['window']['departure']} transfer, applied to every year's cargo "
            "(an annualized flow; windows recur every ~26 months)"
            if arch.trajectory else "TMI and capture are DRA 5.0 upper bounds (set transportation.mars_window to compute them)"
        )
        crew = ("crew transit is flown per mission (transportation.mars_crew)" if mars_crew else
                "crew transit to Mars and back is not (crew launches are counted per rotation; set transportation.mars_crew)")
        arch.notes.append(f"Mars: the cargo route is modelled ({where}); {crew}")
    refuelled = refuelled_lander(study, catalog) if crewed else None  # its launches fly on its provider's launcher
    arch.lander_launcher = refuelled.launcher if refuelled is not None else None
    for vehicle in sorted({cargo_vehicle, crew_vehicle, arch.lander_launcher} - {None}):
        if max_flights(catalog, vehicle) is None:
            arch.notes.append(f"{vehicle} has no published flight-rate limit (max_flights_per_year): none is applied")
    entry_rated = trajectory is not None and (trajectory.get("entry") or {}).get("rating_km_s") is not None  # checked at an asteroid
    if crew_vehicle is not None and study.destination.body in ("mars", "near_earth_asteroid") and not mars_crew and not entry_rated:
        arch.notes.append(f"no crew vehicle is rated for Earth entry on return from {study.destination.body}; "
                          f"{crew_vehicle} (crew reach: {crew_reach(catalog, crew_vehicle)}) is the closest")
    set_model_inputs(arch, study, catalog, site)
    set_stack_inputs(arch, study, catalog)  # an asteroid stack's crew spacecraft (trades.architecture.asteroid_crew)
    entry_notes(arch)
    if mars_crew:
        set_mars_crew_inputs(arch, study, catalog)
        set_surface_access_inputs(arch, study, catalog)
    _check_crew_spacecraft(arch, study, catalog, file)
    if study.ssa is not None:
        arch.ssa = size_ssa(study, catalog, file)
    arch.cost = make_cost_plan(arch)
    set_cost_inputs(arch, study, catalog)
    set_ssa_inputs(arch)
    if arch.unverified_inputs:  # several inputs share a name (one per stage or element): count both
        names = sorted({n.rsplit('.', 1)[-1] for n in arch.unverified_inputs})
        arch.notes.append(
            f"{len(arch.unverified_inputs)} model inputs ({len(names)} quantities) come from catalog values not verified "
            f"in their source (listed in the report's Unverified defaults section and provenance.json): {', '.join(names)}"
        )
    return arch


def _check_crew_spacecraft(arch, study, catalog, file):
    craft = study.launch.crew_spacecraft
    if craft is None or arch.crew_vehicle is None:
        arch.notes.append("crew spacecraft not named: one crew launch per rotation is counted, its mass is not checked")
        return
    mass = catalog.entry("elements", craft)["mass_kg"]["value"]  # presence checked by check_study
    vehicle = catalog.entry("launch_vehicles", arch.crew_vehicle)
    lunar = study.destination.body in ("moon", "moon_orbit")
    field = "payload_tli_kg" if lunar else "payload_leo_kg"
    if field not in vehicle:  # the LEO figure says nothing about reaching the Moon
        arch.notes.append(
            f"crew spacecraft '{craft}' not checked against '{arch.crew_vehicle}': the catalog has no published TLI payload for it"
        )
        return
    capacity = float(vehicle[field]["value"])
    if mass > capacity:
        raise InfeasibleError(
            f"{file}: launch.crew_spacecraft: '{craft}' ({mass:.0f} kg) exceeds the {field.removeprefix('payload_').removesuffix('_kg').upper()} "
            f"payload of crew vehicle '{arch.crew_vehicle}' ({capacity:.0f} kg) by {mass - capacity:.0f} kg"
        )

"""Resolve a validated study against the catalogs into an :class:`Architecture`.

This is where ids become numbers: every model input gets its value, units and source, the
route's legs become stage delta-v (Earth-orbit legs computed with boinor through
:mod:`trades.astro.orbits`), vehicles are chosen under the launch policy, and what cannot work is
reported: unknown ids as :class:`StudyErrors` (bad input, exit 2), architectures that cannot
close as :class:`InfeasibleError` (exit 3) naming what fails and by how much.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from trades.models import variables as var
from trades.astro import ephemeris, orbits
from trades.study.catalog import Catalog
from trades.architecture.checks import allowed_vehicles, check_study, partner_vehicles, route_key
from trades.errors import InfeasibleError
from trades.architecture.costing import DEFAULT_CARGO_CARRIER, CostPlan, launch_reliability, make_cost_plan, price_per_kg, vehicle_price_musd
from trades.study.schema import Study

@dataclass
class ModelInput:
    """One value set on the model: promoted name, value, OpenMDAO units and its source."""

    name: str
    value: float | list
    units: str
    source: str
    verified: bool | None = None  # catalog values: read in their source? None: not a catalog value


@dataclass
class Stage:
    """A propulsive stage of a payload stream: its legs, propellant and total delta-v."""

    stream: str
    index: int
    role: str
    legs: list[str]
    leg_delta_v_km_s: list[float]
    propellant: str
    landed_fraction: float | None = None  # entry steps only
    source: str | None = None  # where computed legs came from (else the delta-v catalog)

    @property
    def delta_v_km_s(self) -> float:
        return float(sum(self.leg_delta_v_km_s))


@dataclass
class Architecture:
    """Everything :mod:`trades.architecture.assemble` needs to build the OpenMDAO problem."""

    study: Study
    file: str
    catalog: Catalog
    years: list[int]
    stages: dict[str, list[Stage]]
    power_source: str
    cargo_vehicle: str
    crew_vehicle: str | None
    vehicle_owner: dict[str, str]
    vehicles_by_partner: dict[str, list[str]]  # each partner's launch vehicles (checks.partner_vehicles), in partner order
    reusable_lander: dict | None = None
    trajectory: dict | None = None
    cost: "CostPlan | None" = None
    inputs: list[ModelInput] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, name, value, units, source, verified=None):
        if isinstance(value, np.ndarray):
            value = value.tolist()
        self.inputs.append(ModelInput(name, value, units, source, verified))

    def add_catalog(self, name, sourced: dict, units):
        """Set an input from a catalog's sourced mapping, keeping its source and verified flag."""
        self.add(name, float(sourced["value"]), units, sourced["source"], bool(sourced.get("verified")))

    @property
    def unverified_inputs(self) -> list[str]:
        return [i.name for i in self.inputs if i.verified is False]


def _masks(study: Study) -> dict[str, np.ndarray]:
    years = np.array(study.years)
    return {
        "crewed": (years >= study.first_crewed_year).astype(float),
        "deploy": (years == study.deploy_year).astype(float),
        "operating": (years > study.deploy_year).astype(float),
    }


def _choose_vehicle(study: Study, catalog: Catalog, file: str, key: str, crew: bool) -> str:
    """The named vehicle (already checked by :func:`check_study`) or, for 'auto', the allowed
    vehicle with the lowest price per kg in the launch orbit (cargo) or per launch (crew), failed
    attempts included; among unpriced vehicles only, the largest LEO payload (fewest launches)."""
    chosen = getattr(study.launch, key)
    usable = allowed_vehicles(study, catalog, crew)
    if chosen != "auto":
        if chosen not in usable:
            raise InfeasibleError(
                f"{file}: launch.{key}: '{chosen}' is not available under the '{study.launch.policy}' policy to the "
                f"partners {[p.id for p in study.partners]}; available: {usable}"
            )
        return chosen
    if not usable:
        kind = "crew-rated launch vehicle" if crew else "launch vehicle"
        raise InfeasibleError(
            f"{file}: launch.{key}: no {kind} among the partners' vehicles under the '{study.launch.policy}' policy "
            f"(partners: {[p.id for p in study.partners]})"
        )
    base = study.campaign.dollar_base_year
    if crew:
        priced = [(p, v) for v in usable if (p := vehicle_price_musd(catalog, v, base)[0]) is not None]
    else:
        priced = [(p, v) for v in usable if (p := price_per_kg(study, catalog, v, launch_reliability(study, catalog, v)[0])) is not None]
    if priced:
        return min(priced)[1]
    return max(usable, key=lambda v: catalog.value("launch_vehicles", v, "payload_leo_kg"))


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
    if study.transportation.crew_lander is not None:
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


def _mars_trajectory(study: Study, catalog: Catalog, file: str, cargo_stages: list[Stage], notes: list) -> dict:
    """The window's transfer and the porkchop table around it; updates the stages it drives."""
    from trades.astro.porkchop import TransferSpec, find_windows, window_table

    window = study.transportation.mars_window
    capture = catalog.entry("delta_v", "mars_capture_orbit")
    propulsive = not study.transportation.aerocapture
    spec = TransferSpec(
        parking_altitude_km=study.transportation.launch_orbit_altitude_km,
        capture_periapsis_altitude_km=float(capture["periapsis_altitude_km"]["value"]) if propulsive else None,
        capture_apoapsis_altitude_km=float(capture["apoapsis_altitude_km"]["value"]) if propulsive else None,
    )
    try:
        found = find_windows(spec, window.year)
    except ephemeris.EphemerisRangeError as exc:
        raise InfeasibleError(f"{file}: transportation.mars_window: {exc}") from None
    chosen = [w for w in found if w["type"] == window.transfer_type and w["objective"] == window.objective]
    if not chosen:
        raise InfeasibleError(
            f"{file}: transportation.mars_window: no type {window.transfer_type} transfer to Mars departs in {window.year} "
            "with a flight time of 80-500 d"
        )
    if chosen[0]["at_year_edge"]:
        raise InfeasibleError(
            f"{file}: transportation.mars_window: no type {window.transfer_type} transfer to Mars departs in {window.year}: "
            f"the least {'delta-v' if window.objective == 'min_dv' else 'C3'} in the year is at its edge ({chosen[0]['departure']}, "
            f"{chosen[0]['dv_total_km_s']:.2f} km/s), on the slope of a neighbouring year's window; choose that year"
        )
    best = chosen[0]
    try:
        table = window_table(spec, best, window.departure_span_days, window.tof_span_days)
    except ValueError as exc:
        raise InfeasibleError(f"{file}: transportation.mars_window: {exc}") from None
    if (table.departure_span_days, table.tof_span_days) != (window.departure_span_days, window.tof_span_days):
        notes.append(
            f"Mars window table narrowed to +/-{table.departure_span_days:g} d departure and +/-{table.tof_span_days:g} d "
            "flight time to stay on one transfer type"
        )
    cargo_stages[0].leg_delta_v_km_s = [best["dv_departure_km_s"]]
    cargo_stages[0].legs = [f"window {window.year} type {'I' if window.transfer_type == 1 else 'II'} departure"]
    if propulsive:
        cargo_stages[1].leg_delta_v_km_s = [best["dv_arrival_km_s"]]
        cargo_stages[1].legs = [f"window {window.year} capture into {capture['periapsis_altitude_km']['value']:g} x "
                                f"{capture['apoapsis_altitude_km']['value']:g} km"]
    return {
        "window": best,
        **_table_inputs(table),
        "propulsive_capture": propulsive,
        "source": f"Lambert (boinor Izzo) on JPL DE421, {best['objective']} type {best['type']} transfer of {window.year}",
    }


def _table_inputs(table) -> dict:
    """The window table as the TransferTable component takes it (days from J2000, m/s)."""
    return {
        "departure_days": table.departure_jd - ephemeris.J2000_JD,
        "tof_days": table.tof_days,
        "departure_delta_v": table.dv_departure * 1000.0,
        "arrival_delta_v": table.dv_arrival * 1000.0,
        "bounds": {
            "departure_date": (table.departure_jd[0] - ephemeris.J2000_JD, table.departure_jd[-1] - ephemeris.J2000_JD),
            "time_of_flight": (table.tof_days[0], table.tof_days[-1]),
        },
    }


def _asteroid_trajectory(study: Study, catalog: Catalog, file: str, cargo_stages: list[Stage], notes: list) -> dict:
    """The asteroid window's outbound transfer (a table around it, like Mars) and the Earth return
    leg after the stay; sets the three stages' delta-v. Transfers come from boinor Lambert
    solutions (:mod:`trades.astro.porkchop`), with the asteroid propagated from its catalog elements."""
    from trades.astro.porkchop import TransferSpec, find_windows, return_leg, window_table

    window, target = study.transportation.asteroid_window, study.destination.asteroid
    where = f"{file}: transportation.asteroid_window"
    entry = catalog.entry("neas", target)  # with the study's overrides: the orbit the trajectory flies to
    elements = tuple(sorted((k, float(v["value"])) for k, v in entry.items() if isinstance(v, dict) and "value" in v))
    spec = TransferSpec(target=target, parking_altitude_km=study.transportation.launch_orbit_altitude_km,
                        asteroid_elements=elements)
    # the outbound flight takes at most half the mission, leaving the other half for the return
    tof_range = (20.0, window.max_mission_days / 2)
    try:
        found = find_windows(spec, window.year, tof_range)
    except ephemeris.EphemerisRangeError as exc:
        raise InfeasibleError(f"{where}: {exc}") from None
    chosen = [w for w in found if w["type"] == window.transfer_type and w["objective"] == window.objective]
    kind = "I" if window.transfer_type == 1 else "II"
    if not chosen or chosen[0]["at_year_edge"]:
        edge = f": the least value in the year is at its edge ({chosen[0]['departure']}), on the slope of a neighbouring year's window" if chosen else ""
        raise InfeasibleError(
            f"{where}: no type {kind} transfer to {target} departs in {window.year} with a flight time of "
            f"{tof_range[0]:g}-{tof_range[1]:g} d (half of max_mission_days){edge}; try another year or transfer type"
        )
    best = chosen[0]
    arrival_jd = best["departure_jd"] + best["tof_days"]
    try:
        back = return_leg(TransferSpec(origin=target, target="earth", asteroid_elements=elements), arrival_jd + window.stay_days,
                          best["departure_jd"] + window.max_mission_days)
        table = window_table(spec, best, window.departure_span_days, window.tof_span_days)
    except ephemeris.EphemerisRangeError as exc:
        raise InfeasibleError(f"{where}: {exc}") from None
    except ValueError as exc:
        raise InfeasibleError(f"{where}: {exc}") from None
    if back is None:
        raise InfeasibleError(
            f"{where}: no return from {target} leaves {window.stay_days:g} d after the {best['departure']} outbound arrives "
            f"and reaches Earth within max_mission_days ({window.max_mission_days:g} d)"
        )
    round_trip = back["departure_jd"] + back["tof_days"] - best["departure_jd"]
    at_target = back["departure_jd"] - arrival_jd
    if study.outpost.stay_days < round_trip - 1e-6:
        raise InfeasibleError(
            f"{file}: outpost.stay_days: the crew lives in the habitat for the whole {round_trip:.1f} d round trip "
            f"(out {best['tof_days']:.1f} d, {at_target:.1f} d at {target}, back {back['tof_days']:.1f} d); "
            f"stay_days {study.outpost.stay_days:g} does not supply it"
        )
    source = f"Lambert (boinor Izzo): Earth on JPL DE421, {target} from its catalog elements (two-body)"
    departure, rendezvous, home = cargo_stages
    departure.leg_delta_v_km_s, departure.legs = [best["dv_departure_km_s"]], [f"window {window.year} type {kind} departure to {target}"]
    rendezvous.leg_delta_v_km_s, rendezvous.legs = [best["dv_arrival_km_s"]], [f"rendezvous with {target}"]
    home.leg_delta_v_km_s[home.legs.index("nea_earth_return")] = back["dv_departure_km_s"]
    home.legs = [leg if leg != "nea_earth_return" else f"return from {target} {back['departure']}" for leg in home.legs]
    home.source = f"{source}: return leg leaving {back['departure']}, {back['tof_days']:.0f} d; proximity allowance: catalog leg rendezvous"
    if (table.departure_span_days, table.tof_span_days) != (window.departure_span_days, window.tof_span_days):
        notes.append(
            f"asteroid window table narrowed to +/-{table.departure_span_days:g} d departure and +/-{table.tof_span_days:g} d "
            "flight time to stay on one transfer type"
        )
    total = best["dv_departure_km_s"] + best["dv_arrival_km_s"] + back["dv_departure_km_s"]
    notes.append(
        f"{target}: leave LEO {best['departure']} ({best['dv_departure_km_s']:.2f} km/s, C3 {best['c3_km2_s2']:.1f} km2/s2), "
        f"rendezvous after {best['tof_days']:.0f} d ({best['dv_arrival_km_s']:.2f} km/s), {at_target:.0f} d there, leave "
        f"{back['departure']} ({back['dv_departure_km_s']:.2f} km/s), Earth entry {back['arrival']} at v-infinity "
        f"{back['v_inf_arrival_km_s']:.2f} km/s (direct entry, not checked against a capsule's limit): {round_trip:.0f} d, "
        f"{total:.2f} km/s in all; the return burn is sized for the outbound transfer of the window, not re-solved when an "
        "optimizer moves it; the crew's own spacecraft is not in the stack: crew launches are counted, their transit is not modelled"
    )
    return {
        "window": best,
        "return": back,
        "round_trip_days": round_trip,
        **_table_inputs(table),
        "propulsive_capture": True,  # the rendezvous burn: the table drives stage 1
        "source": f"{source}, {best['objective']} type {best['type']} transfer of {window.year}",
    }


def _check_stage_feasible(stage: Stage, catalog: Catalog, file: str) -> None:
    from trades.models.transfer.rocket_stage import STANDARD_GRAVITY

    isp = catalog.value("propellants", stage.propellant, "isp_vac_s")
    inert = catalog.value("propellants", stage.propellant, "stage_inert_fraction")
    limit = STANDARD_GRAVITY * isp * math.log(1.0 / inert) / 1000.0
    if stage.delta_v_km_s >= limit:
        raise InfeasibleError(
            f"{file}: the {stage.role} stage of the {stage.stream} stream must deliver {stage.delta_v_km_s:.3f} km/s "
            f"(legs {', '.join(stage.legs)}) but a single stage of {stage.propellant} (Isp {isp:.0f} s, inert fraction "
            f"{inert:.3f}) can deliver at most {limit:.3f} km/s: short by {stage.delta_v_km_s - limit:.3f} km/s"
        )


def _check_round_trip_feasible(lander: dict, propellant: str, catalog: Catalog, file: str) -> None:
    from trades.models.transfer.rocket_stage import STANDARD_GRAVITY

    isp = catalog.value("propellants", propellant, "isp_vac_s")
    f = catalog.value("propellants", propellant, "stage_inert_fraction")
    k = f / (1.0 - f)
    total = lander["descent"]["delta_v_km_s"] + lander["ascent"]["delta_v_km_s"]
    limit = STANDARD_GRAVITY * isp * math.log((1.0 + k) / k) / 1000.0  # 1 + k - k R_u R_d > 0
    if total >= limit:
        raise InfeasibleError(
            f"{file}: transportation.reusable_lander: the round trip needs {total:.3f} km/s "
            f"(down {', '.join(lander['descent']['legs'])}; up {', '.join(lander['ascent']['legs'])}) but a reusable "
            f"{propellant} lander (Isp {isp:.0f} s, inert fraction {f:.3f}) flies at most {limit:.3f} km/s: short by {total - limit:.3f} km/s"
        )


def resolve(study: Study, file: str | None = None, catalog: Catalog | None = None) -> Architecture:
    """Turn a validated study into the numbers and choices of its model."""
    file = file or study._file
    catalog = check_study(study, catalog)
    site = catalog.entry("sites", study.destination.site)
    stages, reusable_lander = _stages(study, catalog, site)
    notes: list[str] = []
    trajectory = None
    if study.transportation.mars_window is not None:
        trajectory = _mars_trajectory(study, catalog, file, stages["cargo"], notes)
    elif study.transportation.asteroid_window is not None:
        trajectory = _asteroid_trajectory(study, catalog, file, stages["cargo"], notes)
    for stage_list in stages.values():
        for stage in stage_list:
            if stage.role != "entry":
                _check_stage_feasible(stage, catalog, file)
    if reusable_lander is not None:
        _check_round_trip_feasible(reusable_lander, study.transportation.lander_propellant, catalog, file)

    by_partner = partner_vehicles(study, catalog)
    owner = {v: p for p, vs in by_partner.items() for v in vs}
    cargo_vehicle = _choose_vehicle(study, catalog, file, "cargo_vehicle", crew=False)
    crewed = study.outpost.rotations_per_year > 0
    crew_vehicle = _choose_vehicle(study, catalog, file, "crew_vehicle", crew=True) if crewed else None

    arch = Architecture(
        study, file, catalog, study.years, stages, study.outpost.power_source, cargo_vehicle, crew_vehicle, owner, by_partner,
        reusable_lander=reusable_lander, trajectory=trajectory, notes=notes,
    )
    if study.destination.body == "mars":
        where = (
            f"TMI and capture from the {arch.trajectory['window']['departure']} transfer, applied to every year's cargo "
            "(an annualized flow; windows recur every ~26 months)"
            if arch.trajectory else "TMI and capture are DRA 5.0 upper bounds (set transportation.mars_window to compute them)"
        )
        arch.notes.append(
            f"Mars: the cargo route is modelled ({where}); crew transit to Mars and back is not "
            "(crew launches are counted per rotation)"
        )
    _set_inputs(arch, study, catalog, site)
    _check_crew_spacecraft(arch, study, catalog, file)
    arch.cost = make_cost_plan(arch)
    _set_cost_inputs(arch, study, catalog)
    if arch.unverified_inputs:
        arch.notes.append(
            f"{len(arch.unverified_inputs)} model inputs come from catalog values not verified in their source "
            f"(see provenance.json): {', '.join(sorted(set(n.rsplit('.', 1)[-1] for n in arch.unverified_inputs)))}"
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


def _set_inputs(arch: Architecture, study: Study, catalog: Catalog, site: dict) -> None:
    o, out = study.outpost, "outpost"
    masks = _masks(study)
    src_study = f"study file {arch.file}"

    def src(path: str, detail: str = "") -> str:
        """Where a study value came from: the file (with its cited source) or the schema default."""
        node, set_here = study, True
        for part in path.split("."):
            set_here = set_here and part in node.model_fields_set
            node = getattr(node, part)
        origin = f"{src_study}: {path}" if set_here else f"default of {path} in the study schema (an assumption; set it in the study)"
        cited = study.input_sources.get(path)
        return origin + (f" [{detail}]" if detail else "") + (f"; cited: {cited}" if cited else "")

    def add_flat(name, cat, key, units):
        arch.add_catalog(name, catalog.entry(cat, "default")[key], units)

    arch.add("crew_size", o.crew_size, "unitless", src("outpost.crew_size"))
    arch.add("crew.stay_days", o.stay_days, "d", src("outpost.stay_days"))
    arch.add("crew.rotations_per_year", o.rotations_per_year, "unitless", src("outpost.rotations_per_year"))
    arch.add("crew.crewed_year", masks["crewed"], "unitless", src("outpost.first_crewed_year", f"first crew {study.first_crewed_year}"))

    add_flat(f"{out}.habitat.volume_per_crew", "outpost", "habitat_volume_per_crew_m3", "m**3")
    add_flat(f"{out}.habitat.mass_per_volume", "outpost", "habitat_mass_per_volume_kg_m3", "kg/m**3")
    add_flat(f"{out}.power_demand.power_per_crew", "outpost", "crew_power_demand_kw_per_crew", "kW")
    if o.power_source == "solar":
        if "illumination_fraction" not in site:
            orbit_night, sunlit = orbits.circular_eclipse(float(site["altitude_km"]["value"]), "earth" if site["body"] == "earth_orbit" else "moon")
            arch.add(f"{out}.power.illumination_fraction", sunlit, "unitless", "computed: circular orbit eclipse, beta 0 (trades.astro.orbits.circular_eclipse)")
            arch.add(f"{out}.power.longest_night", orbit_night, "h", "computed: circular orbit eclipse, beta 0 (trades.astro.orbits.circular_eclipse)")
        else:
            arch.add_catalog(f"{out}.power.illumination_fraction", site["illumination_fraction"], "unitless")
            arch.add_catalog(f"{out}.power.longest_night", site["longest_night_h"], "h")
        if "solar_flux_ratio" in site:
            arch.add_catalog(f"{out}.power.solar_flux_ratio", site["solar_flux_ratio"], "unitless")
        elif study.destination.body == "near_earth_asteroid":
            # arrays rated at 1 AU, sized for the farthest point: the asteroid's aphelion Q = a(1 + e)
            # (the transfers run between Earth's orbit and the asteroid's)
            nea = catalog.entry("neas", study.destination.asteroid)
            aphelion = float(nea["a_au"]["value"]) * (1.0 + float(nea["e"]["value"]))
            arch.add(f"{out}.power.solar_flux_ratio", min(1.0, 1.0 / aphelion**2), "unitless",
                     f"computed: inverse square of {nea['name']}'s aphelion a(1+e) = {aphelion:.3f} AU (neas.yaml)")
        for name, key, units in (
            ("array_specific_power", "solar_array_specific_power_w_kg", "W/kg"),
            ("storage_specific_energy", "battery_specific_energy_wh_kg", "W*h/kg"),
            ("depth_of_discharge", "battery_depth_of_discharge", "unitless"),
        ):
            add_flat(f"{out}.power.{name}", "outpost", key, units)
    else:
        add_flat(f"{out}.power.fission_specific_mass", "outpost", "fission_power_specific_mass_kg_kwe", "kg/kW")

    for name, cat, key, units in (
        ("open_loop_mass_per_crew", "outpost", "eclss_hardware_mass_open_loop_kg_per_crew", "kg"),
        ("water_recovery_mass", "outpost", "water_recovery_system_mass_kg", "kg"),
        ("water_recovery_crew", "outpost", "water_recovery_system_crew", "unitless"),
        ("water_recovery_reference_closure", "life_support", "iss_water_recovery_fraction", "unitless"),
        ("oxygen_generation_mass", "outpost", "oxygen_generation_system_mass_kg", "kg"),
        ("oxygen_generation_crew", "outpost", "oxygen_generation_system_crew", "unitless"),
        ("oxygen_recovery_reference_closure", "life_support", "iss_oxygen_recovery_fraction", "unitless"),
    ):
        add_flat(f"{out}.life_support.{name}", cat, key, units)
    arch.add("water_closure", o.water_closure, "unitless", src("outpost.water_closure"))
    arch.add("oxygen_closure", o.oxygen_closure, "unitless", src("outpost.oxygen_closure"))

    arch.add("isru_oxygen_production", o.isru.oxygen_production_t_per_year, "t/year", src("outpost.isru.oxygen_production_t_per_year"))
    add_flat(f"{out}.isru.plant_specific_mass", "outpost", "isru_oxygen_plant_specific_mass_kg_per_t_yr", "kg*year/t")
    add_flat(f"{out}.isru.specific_energy", "outpost", "isru_oxygen_specific_energy_kwh_per_kg", "kW*h/kg")

    for name, key in (("food_rate", "food_kg_per_cm_d"), ("oxygen_rate", "oxygen_kg_per_cm_d")):
        add_flat(f"logistics.consumables.{name}", "life_support", key, "kg/d")
    water_keys = ("potable_water_kg_per_cm_d", "hygiene_water_kg_per_cm_d", "flush_water_kg_per_cm_d")
    water = [catalog.entry("life_support", "default")[k] for k in water_keys]
    arch.add(
        var.WATER_RATE,
        sum(w["value"] for w in water),
        "kg/d",
        "sum of potable, hygiene and flush water: " + "; ".join(w["source"] for w in water),
        all(w["verified"] for w in water),
    )
    add_flat(var.PACKAGING_FACTOR, "outpost", "cargo_packaging_factor", "unitless")
    arch.add(var.ISRU_OPERATING_YEAR, masks["operating"], "unitless", src("outpost.deploy_year", "ISRU runs from the year after deployment"))
    add_flat(var.SPARES_FRACTION, "outpost", "spares_fraction_per_year", "1/year")
    arch.add(var.MANIFEST_DEPLOY_YEAR, masks["deploy"], "unitless", src("outpost.deploy_year", f"deployed {study.deploy_year}"))
    arch.add(var.OPERATING_YEAR, masks["operating"], "unitless", src("outpost.deploy_year", f"operating after {study.deploy_year}"))
    carrier = study.transportation.cargo_carrier or DEFAULT_CARGO_CARRIER[study.destination.body]
    payload = catalog.entry("elements", carrier)["payload_kg"]  # presence checked by check_study
    arch.add(var.CARGO_FLIGHT_PAYLOAD, payload["value"], "kg", f"{carrier} payload: {payload['source']}", payload["verified"])
    arch.notes.append(f"cargo flights counted with the payload of '{carrier}' ({payload['value']:.0f} kg)")

    if study.transportation.crew_lander is not None:
        lander = catalog.entry("elements", study.transportation.crew_lander)
        arch.add_catalog("crew_lander_demand.unit_mass", lander["mass_kg"], "kg")
    elif study.destination.body == "moon":
        arch.notes.append("crew landers are not in the modelled manifest (e.g. bought as a service); set transportation.crew_lander to include them")

    for stream, stage_list in arch.stages.items():
        for stage in stage_list:
            prefix = f"transfer_{stream}.stage{stage.index}"
            if stage.role == "entry":
                leg = catalog.entry("delta_v", stage.legs[0])
                arch.add_catalog(f"{prefix}.landed_fraction", leg["mass_ratio"], "unitless")
                continue
            p = stage.propellant
            driven = arch.trajectory is not None and stream == "cargo" and (
                stage.index == 0 or (stage.index == 1 and arch.trajectory["propulsive_capture"])
            )
            if not driven:  # else the trajectory table sets it
                arch.add(f"{prefix}.delta_v", stage.delta_v_km_s * 1000.0, "m/s",
                         f"legs {', '.join(stage.legs)} ({stage.source or 'trades/catalogs/delta_v.yaml'})")
            arch.add_catalog(f"{prefix}.isp", catalog.entry("propellants", p)["isp_vac_s"], "s")
            arch.add_catalog(f"{prefix}.inert_fraction", catalog.entry("propellants", p)["stage_inert_fraction"], "unitless")
            arch.add_catalog(f"{prefix}.boiloff_rate", catalog.entry("propellants", p)["boiloff_fraction_per_day"], "1/d")
            arch.add(f"{prefix}.coast_time", study.transportation.loiter_days, "d", src("transportation.loiter_days"))

    if arch.reusable_lander is not None:
        p = study.transportation.lander_propellant
        for direction in ("descent", "ascent"):
            legs = arch.reusable_lander[direction]
            arch.add(f"reusable_lander.{direction}_delta_v", legs["delta_v_km_s"] * 1000.0, "m/s", f"legs {', '.join(legs['legs'])} (trades/catalogs/delta_v.yaml)")
        arch.add_catalog("reusable_lander.isp", catalog.entry("propellants", p)["isp_vac_s"], "s")
        arch.add_catalog("reusable_lander.inert_fraction", catalog.entry("propellants", p)["stage_inert_fraction"], "unitless")
        arch.add("reusable_lander.design_payload", payload["value"], "kg", f"{carrier} payload: {payload['source']}", payload["verified"])
        arch.add("reusable_lander.first_year", masks["deploy"], "unitless", src("outpost.deploy_year", "lander delivered with the outpost"))

    if arch.trajectory is not None:
        best = arch.trajectory["window"]
        arch.add("trajectory.departure_date", best["departure_jd"] - ephemeris.J2000_JD, "d", arch.trajectory["source"] + f" (departs {best['departure']})")
        arch.add("trajectory.time_of_flight", best["tof_days"], "d", arch.trajectory["source"])

    cargo = catalog.entry("launch_vehicles", arch.cargo_vehicle)
    arch.add_catalog(var.CARGO_PAYLOAD_CAPACITY, cargo["payload_leo_kg"], "kg")
    arch.add(var.PACKING_EFFICIENCY, study.launch.packing_efficiency, "unitless", src("launch.packing_efficiency"))
    for vehicle, name in ((arch.cargo_vehicle, "launch_cargo"), (arch.crew_vehicle, "launch_crew")):
        if vehicle is None:
            continue
        value, source = launch_reliability(study, catalog, vehicle)
        arch.add(f"{name}.reliability", value, "unitless", source)
        note = f"launch success probability of {vehicle}: {value:.3f} ({source.split(':')[0]})"
        if note not in arch.notes:
            arch.notes.append(note)


def _set_cost_inputs(arch: Architecture, study: Study, catalog: Catalog) -> None:
    plan = arch.cost
    masks = _masks(study)
    cost = catalog.entry("cost", "default")
    base = study.campaign.dollar_base_year
    src = plan.sources
    for element in plan.elements:
        name = f"cost.{element.name}"
        if element.mass_kg is not None and element.mass_output is None:
            arch.add(f"{name}.dry_mass", element.mass_kg, "kg", f"catalog mass of {element.name}")
        if element.method == "amcm":
            arch.add(f"{name}.specification", element.coefficients["specification"], "unitless", element.source)
            arch.add(f"{name}.ioc_year", float(study.deploy_year), "unitless", "deployment year of the outpost (AMCM IOC)")
            arch.add(f"{name}.quantity", 1.0, "unitless", "one unit (AMCM cost of development and first unit)")
            arch.add(f"{name}.block", 1.0, "unitless", "AMCM block 1: a new design (assumption)")
            arch.add(f"{name}.difficulty", 0.0, "unitless", "AMCM programme difficulty 0: average (assumption)")
    for i, item in enumerate(plan.items):
        units = masks["deploy"] if item.units == "deploy" else np.zeros(len(arch.years))
        if item.units in (None, "deploy"):
            arch.add(f"cost.units.units_{i}", units, "unitless", f"{item.name}: one unit delivered in {study.deploy_year}" if item.units else f"{item.name}: no hardware")
        if item.deploy_mass_output is None:
            arch.add(f"cost.deploy_mass.deploy_mass_{i}", 0.0, "kg", f"{item.name}: no hardware delivered with the outpost")
    arch.add(var.WORK_YEAR_VALUE, plan.work_year_musd, "MUSD", f"converted to {base} $ with CPI-U: {src['work_year_value']}", True)
    arch.add(var.AMCM_INFLATION, plan.amcm_inflation, "unitless", f"CPI-U 1999 to {base}: {src['inflation']}", True)
    arch.add(var.LEARNING_RATE, plan.learning_rate, "unitless",
             "study: cost_sharing.learning_rate" if study.cost_sharing.learning_rate else cost["learning_rate_aerospace"]["source"])
    arch.add(var.OPERATIONS_RATE, plan.operations_rate_musd, "MUSD", f"converted to {base} $: {src['operations_cost_per_crew_position']}", False)
    arch.add(var.CREWED_YEAR, masks["crewed"], "unitless", f"crewed from {study.first_crewed_year}")
    arch.add(var.DEVELOPMENT_PROFILE, plan.development_profile, "unitless", f"development {study.years[0]}-{max(study.years[0], study.deploy_year - 1)}: {src['development_profile']}")
    if arch.crew_vehicle is not None:
        arch.add(var.CREW_LAUNCH_PRICE, plan.crew_launch_price_musd, "MUSD", f"price of a {arch.crew_vehicle} launch in {base} $")
    arch.add(var.LAUNCH_MASS_DEPLOY_YEAR, masks["deploy"], "unitless", f"deployed {study.deploy_year}")
    arch.add(var.DIRECT_LEO_MASS, [item.direct_launch_kg for item in plan.items], "kg",
             "catalog mass of hardware launched as it is (relays)")
    arch.add(var.COST_FACTOR, plan.cost_factor, "unitless", "partners[].cost_factor (default 1, an assumption)")
    arch.add(var.LAUNCH_PRICE_PER_KG, np.nan_to_num(plan.launch_price_per_kg, nan=0.0), "MUSD/kg",
             f"launch price per kg in the launch orbit on {plan.launch_vehicle} ({study.launch.policy} policy), base-year $")
    arch.add(var.COORDINATION_EXPONENT, plan.coordination_exponent, "unitless",
             "study: cost_sharing.coordination_exponent" if study.cost_sharing.coordination_exponent is not None else cost["coordination_exponent"]["source"])
    arch.add(var.DISCOUNT_RATE, study.campaign.discount_rate, "unitless", "campaign.discount_rate")
    arch.add(var.SHARES, plan.initial_shares, "unitless", "warm start: each item wholly to its cheapest eligible provider")

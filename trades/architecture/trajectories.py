"""Interplanetary trajectories of a study: the Mars window's transfer and its porkchop table, or
a near-Earth asteroid's outbound and return legs (boinor Lambert solutions on JPL DE421, the
asteroid propagated from its catalog elements with the study's overrides); they drive the cargo
stages' burns."""

from __future__ import annotations

import functools
import math

from trades.astro import ephemeris
from trades.study.catalog import Catalog
from trades.errors import InfeasibleError
from trades.study.schema import Study
from trades.architecture.description import Stage


def cargo_transfer_spec(study: Study, catalog: Catalog):
    """The cargo route's transfer to Mars: from the launch orbit, captured into the catalog's capture
    orbit unless it aerocaptures (then the arrival is an entry, no capture orbit)."""
    from trades.astro.porkchop import TransferSpec

    capture = catalog.entry("delta_v", "mars_capture_orbit")
    propulsive = not study.transportation.aerocapture
    return TransferSpec(
        parking_altitude_km=study.transportation.launch_orbit_altitude_km,
        capture_periapsis_altitude_km=float(capture["periapsis_altitude_km"]["value"]) if propulsive else None,
        capture_apoapsis_altitude_km=float(capture["apoapsis_altitude_km"]["value"]) if propulsive else None,
    )


def mars_trajectory(study: Study, catalog: Catalog, file: str, cargo_stages: list[Stage], notes: list) -> dict:
    """The window's transfer and the porkchop table around it; updates the stages it drives."""
    from trades.astro.porkchop import find_windows, window_table

    window = study.transportation.mars_window
    capture = catalog.entry("delta_v", "mars_capture_orbit")
    propulsive = not study.transportation.aerocapture
    spec = cargo_transfer_spec(study, catalog)
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


def asteroid_trajectory(study: Study, catalog: Catalog, file: str, cargo_stages: list[Stage], notes: list) -> dict:
    """The asteroid window's outbound transfer (a table around it, like Mars) and the Earth return
    leg after the stay; sets the three stages' delta-v. Transfers come from boinor Lambert
    solutions (:mod:`trades.astro.porkchop`), with the asteroid propagated from its catalog elements."""
    from trades.architecture.asteroid_crew import entry_check, entry_infeasible, required_v_inf
    from trades.astro.porkchop import TransferSpec, find_windows, least_return_v_inf, return_leg, window_table

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
    back_spec, limit = TransferSpec(origin=target, target="earth", asteroid_elements=elements), required_v_inf(study, catalog)
    span = (arrival_jd + window.stay_days, best["departure_jd"] + window.max_mission_days)
    try:
        back = return_leg(back_spec, *span, max_v_inf_arrival_km_s=limit)
        if back is None and limit is not None:  # the capsule's rating rules out every return (as at Mars)
            raise entry_infeasible(study, catalog, where, least_return_v_inf(back_spec, *span),
                                   f"leaving {window.stay_days:g} d after the {best['departure']} outbound arrives and reaching "
                                   f"Earth within max_mission_days ({window.max_mission_days:g} d)")
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
    entry = entry_check(study, catalog, back["v_inf_arrival_km_s"])
    craft = entry["craft"]
    stack = (f"the crew spacecraft '{craft}' rides the three burns with the habitat" if craft else
             "no crew spacecraft is named (launch.crew_spacecraft), so none is in the stack: crew launches are counted, their transit is not modelled")
    notes.append(
        f"{target}: leave LEO {best['departure']} ({best['dv_departure_km_s']:.2f} km/s, C3 {best['c3_km2_s2']:.1f} km2/s2), "
        f"rendezvous after {best['tof_days']:.0f} d ({best['dv_arrival_km_s']:.2f} km/s), {at_target:.0f} d there, leave "
        f"{back['departure']} ({back['dv_departure_km_s']:.2f} km/s), direct Earth entry {back['arrival']} at {entry['text']}: "
        f"{round_trip:.0f} d, {total:.2f} km/s in all; the return burn is sized for the outbound transfer of the window, not "
        f"re-solved when an optimizer moves it; {stack}"
    )
    return {
        "window": best,
        "return": back,
        "round_trip_days": round_trip,
        "entry": entry,
        **_table_inputs(table),
        "propulsive_capture": True,  # the rendezvous burn: the table drives stage 1
        "source": f"{source}, {best['objective']} type {best['type']} transfer of {window.year}",
    }


def coast_days(study: Study, trajectory: dict | None, stage: Stage) -> tuple[float, str]:
    """Days a stage's propellant waits before its burn (it boils off meanwhile), and how they were
    counted: the loiter in the launch orbit, plus, for a stage that burns at the far end of an
    interplanetary trajectory, the flight time to that burn (and the stay at an asteroid before
    the return burn). Lunar and Earth-orbit routes count the loiter only (their few days of
    transfer are not modelled)."""
    if stage.coast is not None:  # planned with the stage (crewed Mars missions)
        return stage.coast
    loiter = float(study.transportation.loiter_days)
    t = trajectory
    if stage.index == 0 or t is None or stage.stream != "cargo":
        return loiter, "loiter in the launch orbit"
    outbound = float(t["window"]["tof_days"])
    if "return" not in t:  # Mars: the capture burn at arrival
        return loiter + outbound, f"loiter + {outbound:.0f} d flight to Mars (window transfer; not moved by an optimizer)"
    if stage.index == 1:
        return loiter + outbound, f"loiter + {outbound:.0f} d outbound flight to the asteroid"
    stay = float(t["return"]["departure_jd"] - (t["window"]["departure_jd"] + outbound))
    return loiter + outbound + stay, f"loiter + {outbound:.0f} d outbound + {stay:.0f} d at the asteroid before the return burn"


@functools.lru_cache(maxsize=256)
def finite_burn_loss(mu: float, radius: float, delta_v: float, isp: float, thrust_to_weight: float) -> float:
    """Gravity loss [km/s] of a departure burn from a circular orbit of ``radius`` [km] (``mu``
    [km^3/s^2]) that gives the specific energy of the impulsive burn ``delta_v`` [km/s], flown
    with constant thrust along the velocity at initial thrust-to-weight ``thrust_to_weight`` (in
    g0) and ``isp`` [s]: the delta-v the engines spend, ``g0 Isp ln(m0/mf)``, less ``delta_v``.
    Planar two-body motion integrated with scipy (DOP853). Thrust along the velocity is the
    steering that adds energy fastest; the direction of the departure asymptote is not
    constrained, so the loss is a lower bound for a burn that must also aim."""
    from scipy.integrate import solve_ivp

    from trades.models.transfer.rocket_stage import STANDARD_GRAVITY

    v_circular = math.sqrt(mu / radius)
    t_unit = radius / v_circular  # s; lengths in radius, speeds in v_circular
    g0 = STANDARD_GRAVITY / 1000.0 * t_unit / v_circular  # g0 in these units
    target = 0.5 * (1.0 + delta_v / v_circular) ** 2 - 1.0  # specific energy after the impulsive burn
    accel0, flow = thrust_to_weight * g0, thrust_to_weight / isp * t_unit  # thrust/m0 and mdot/m0

    def rates(_, s):
        x, y, vx, vy, m = s
        r3 = (x * x + y * y) ** 1.5
        a = accel0 / (m * math.hypot(vx, vy))
        return [vx, vy, -x / r3 + a * vx, -y / r3 + a * vy, -flow]

    def reached(_, s):
        return 0.5 * (s[2] ** 2 + s[3] ** 2) - 1.0 / math.hypot(s[0], s[1]) - target

    reached.terminal, reached.direction = True, 1
    burn_out = 0.999 / flow  # all the mass gone: the target is out of reach
    sol = solve_ivp(rates, (0.0, burn_out), [1.0, 0.0, 0.0, 1.0, 1.0], method="DOP853", events=reached,
                    rtol=1e-10, atol=1e-12)
    if not sol.t_events[0].size:
        return math.inf
    spent = STANDARD_GRAVITY / 1000.0 * isp * math.log(1.0 / sol.y_events[0][0][4])
    return spent - delta_v


def gravity_loss(study: Study, catalog: Catalog, stage: Stage) -> tuple[float, str]:
    """Gravity loss [km/s] of a stage and how it was found: the finite burn of a departure stage
    leaving the circular launch orbit in one burn for the Moon or an interplanetary transfer, at
    its propellant's design thrust-to-weight; zero for other stages (their burns are short, or,
    for a two-burn transfer to a station, not one energy-raising burn; lander legs' published
    delta-v already include their losses)."""
    if stage.index != 0 or stage.role != "departure" or study.destination.body == "earth_orbit":
        return 0.0, "no finite-burn loss counted for this stage"
    from trades.astro import orbits

    mu, earth_radius = orbits.body_constants("earth")
    radius = earth_radius + study.transportation.launch_orbit_altitude_km
    isp = catalog.value("propellants", stage.propellant, "isp_vac_s")
    tw = catalog.value("propellants", stage.propellant, "design_thrust_to_weight")
    loss = finite_burn_loss(mu, radius, round(stage.delta_v_km_s, 9), isp, tw)
    return loss, (f"finite burn of {stage.delta_v_km_s:.3f} km/s from {radius - earth_radius:.0f} km at thrust-to-weight {tw:g} "
                  f"(Isp {isp:g} s), thrust along the velocity, integrated with scipy (trades.architecture.trajectories)")

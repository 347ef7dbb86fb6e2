"""Crewed Mars missions planned per launch window (``transportation.mars_crew``).

Each mission departs in a window the toolkit finds (:func:`trades.astro.porkchop.find_windows`,
the study's transfer type and objective), flies that window's transfer to Mars, captures into
the one-sol parking orbit, leaves after the surface stay on the least-delta-v return leg
(:func:`trades.astro.porkchop.return_leg`, Mars to Earth) and enters Earth's atmosphere directly
in its capsule. Its stages (trans-Mars injection, Mars orbit capture, trans-Earth injection, on
the departure propellant) form a payload stream of its own, ``mars_crew_<k>``, whose payload (the
transit habitat and the capsules) leaves low Earth orbit in the mission's departure year.
"""

from __future__ import annotations

import math

from trades.architecture.description import Stage
from trades.astro import ephemeris, orbits
from trades.errors import InfeasibleError
from trades.architecture.mars_stay import chosen_text, set_stay_inputs, stay_errors, stay_return, stay_span_text

#: the outpost's logistics rates the crew vehicle's transit supplies take (trades/architecture/model_inputs.py)
TRANSIT_RATES = ("food_rate", "water_rate", "oxygen_rate", "packaging_dry", "packaging_liquid", "packaging_gas", "hygiene_rate", "clothing_per_change",
                 "clothing_change_days", "items_per_stay", "expendables_rate", "reference_closure", "leak_rate", "atmosphere_density")

# Orion's entry interface, 400,000 ft: Aviation Week, 'NASA's Artemis I Orion Prepared To Take The
# Heat' (Aug 2022): 're-enter the Earth's atmosphere at an altitude of about 400,000 ft'
ENTRY_INTERFACE_KM = 400_000 * 0.3048 / 1000.0


def entry_speed(v_inf_km_s: float) -> float:
    """Speed [km/s] at Earth's entry interface of a hyperbola with excess speed ``v_inf``:
    ``sqrt(v_inf^2 + 2 mu / r)`` (energy conservation, Curtis Sec. 8.6)."""
    mu, radius = orbits.body_constants("earth")
    return math.sqrt(v_inf_km_s**2 + 2.0 * mu / (radius + ENTRY_INTERFACE_KM))


def _return(spec, earliest_jd: float, latest_jd: float, rating: float, min_tof: float = 20.0, step: float = 2.0,
            last_departure_jd: float | None = None):
    """The least-departure-delta-v return from Mars leaving no earlier than ``earliest_jd`` (and no
    later than ``last_departure_jd``, when given: the end of a stay chosen in a range) and
    reaching Earth by ``latest_jd`` whose direct entry is within ``rating`` [km/s] (a 2-day grid of
    Lambert transfers, :func:`trades.astro.porkchop.compute_grid`, its best cell re-solved), and the
    least entry speed of all returns in the span (None if none fits the span)."""
    import numpy as np

    from trades.astro.porkchop import compute_grid, single_transfer

    last = latest_jd - min_tof if last_departure_jd is None else min(last_departure_jd + 1e-9, latest_jd - min_tof)
    departures = np.arange(earliest_jd, last, step)
    if departures.size == 0:
        return None, None
    arrivals = np.arange(earliest_jd + min_tof, latest_jd + 1e-9, step)
    grid = compute_grid(spec, departures, arrivals)
    fits = (grid.tof_days >= min_tof) & np.isfinite(grid.dv_departure) & np.isfinite(grid.v_inf_arrival)
    if not fits.any():
        return None, None
    mu, radius = orbits.body_constants("earth")
    entry = np.sqrt(np.where(fits, grid.v_inf_arrival, np.inf) ** 2 + 2.0 * mu / (radius + ENTRY_INTERFACE_KM))
    masked = np.where(fits & (entry <= rating), grid.dv_departure, np.inf)
    if not np.isfinite(masked).any():
        return None, float(entry.min())
    i, j = np.unravel_index(np.argmin(masked), masked.shape)
    record = single_transfer(spec, departures[i], grid.tof_days[i, j])
    record.update(departure=f"{ephemeris.to_date(record['departure_jd']):%Y-%m-%d}",
                  arrival=f"{ephemeris.to_date(record['departure_jd'] + record['tof_days']):%Y-%m-%d}")
    return record, float(entry.min())


def plan_missions(study, catalog, file: str, notes: list) -> tuple[dict[str, list[Stage]], list[dict]]:
    """The crewed missions' windows, transfers and stages; exit 3 (InfeasibleError) when the first
    window has no transfer of the chosen type, a mission leaves the campaign or the ephemeris, or
    the capsule is not rated for the Earth entry of a return."""
    from trades.astro.porkchop import TransferSpec, find_windows

    crew = study.transportation.mars_crew
    where = f"{file}: transportation.mars_crew"
    capture = catalog.entry("delta_v", "mars_capture_orbit")
    peri, apo = float(capture["periapsis_altitude_km"]["value"]), float(capture["apoapsis_altitude_km"]["value"])
    out_spec = TransferSpec(parking_altitude_km=study.transportation.launch_orbit_altitude_km,
                            capture_periapsis_altitude_km=peri, capture_apoapsis_altitude_km=apo)
    back_spec = TransferSpec(origin="mars", target="earth", parking_altitude_km=peri)
    mu_mars, r_mars = orbits.body_constants("mars")
    capsule = catalog.entry("elements", crew.return_capsule)
    rating = float(capsule["max_entry_speed_km_s"]["value"])
    per_capsule = int(capsule["crew"]["value"])
    capsules = math.ceil(study.outpost.crew_size / per_capsule)
    kind = "I" if crew.transfer_type == 1 else "II"
    missions, year = [], crew.first_window
    while len(missions) < crew.missions:
        if year > study.years[-1]:
            raise InfeasibleError(
                f"{where}: mission {len(missions) + 1} of {crew.missions} finds no type {kind} window by the campaign's last "
                f"year {study.years[-1]} (windows recur every ~26 months); fewer missions or a longer campaign"
            )
        try:
            found = find_windows(out_spec, year)
        except ephemeris.EphemerisRangeError as exc:
            raise InfeasibleError(f"{where}: {exc}") from None
        chosen = [w for w in found if w["type"] == crew.transfer_type and w["objective"] == crew.objective and not w["at_year_edge"]]
        if not chosen:
            if not missions:
                raise InfeasibleError(
                    f"{where}.first_window: no type {kind} transfer to Mars departs in {year} with a flight time of 80-500 d "
                    "(the least value of the year is at its edge, on the slope of a neighbouring year's window); "
                    "name a year with a window (trades windows mars YEAR)"
                )
            year += 1
            continue
        out = chosen[0]
        arrival = out["departure_jd"] + out["tof_days"]
        back, fastest = stay_return(study, back_spec, arrival, rating, f"{where}: mission {len(missions) + 1} ({out['departure']})")
        if back is None:
            raise InfeasibleError(
                f"{where}.return_capsule: '{crew.return_capsule}' is rated for Earth entry at {rating:.2f} km/s "
                f"(elements.{crew.return_capsule}.max_entry_speed_km_s) but every return of mission {len(missions) + 1} "
                f"({out['departure']}) {stay_span_text(study)} enters faster: at least "
                f"{fastest:.2f} km/s (direct entry at {ENTRY_INTERFACE_KM:.0f} km), over its limit by {fastest - rating:.2f} km/s"
            )
        tei = float(orbits.hyperbolic_burn(math.sqrt(back["c3_km2_s2"]), r_mars + peri, mu_mars, r_mars + apo))
        v_entry = entry_speed(back["v_inf_arrival_km_s"])
        if ephemeris.to_date(out["departure_jd"]).year not in study.years:
            raise InfeasibleError(f"{where}: mission {len(missions) + 1} departs {out['departure']}, outside the campaign years")
        at_mars = back["departure_jd"] - arrival
        missions.append({
            "window": out, "return": back, "tei_km_s": tei, "entry_speed_km_s": v_entry, "days_at_mars": at_mars,
            "stay_days": at_mars if crew.stay == "window" else float(study.outpost.stay_days),  # the stay its crew is supplied for
            "year": ephemeris.to_date(out["departure_jd"]).year, "transit_days": out["tof_days"] + back["tof_days"],
            "capsules": capsules,
        })
        year = ephemeris.to_date(out["departure_jd"]).year + 1
    loiter = float(study.transportation.loiter_days)
    propellant = study.transportation.departure_propellant
    core = crew.stage_arrangement == "core_stage"
    source = "Lambert (boinor Izzo) on JPL DE421: trades.architecture.mars_missions"
    stages = {}
    for k, m in enumerate(missions, start=1):
        w, back = m["window"], m["return"]
        stream = f"mars_crew_{k}"
        stages[stream] = [
            Stage(stream, 0, "departure", [f"crew window {m['year']} type {kind} departure {w['departure']}"], [w["dv_departure_km_s"]],
                  propellant, source=source, coast=(loiter, "loiter in the launch orbit"), core_engines=core),
            Stage(stream, 1, "departure", [f"capture into {peri:g} x {apo:g} km after {w['tof_days']:.0f} d"], [w["dv_arrival_km_s"]],
                  propellant, source=source, coast=(loiter + w["tof_days"], f"loiter + {w['tof_days']:.0f} d flight to Mars"),
                  core_engines=core, at_destination=True),
            Stage(stream, 2, "departure", [f"Earth return leaving {back['departure']}"], [m["tei_km_s"]], propellant, source=source,
                  coast=(loiter + w["tof_days"] + m["days_at_mars"],
                         f"loiter + {w['tof_days']:.0f} d flight + {m['days_at_mars']:.0f} d at Mars"), core_engines=core,
                  at_destination=True),
        ]
        notes.append(
            f"Mars crew mission {k}: leaves LEO {w['departure']} ({w['dv_departure_km_s']:.2f} km/s), captures after "
            f"{w['tof_days']:.0f} d ({w['dv_arrival_km_s']:.2f} km/s), {m['days_at_mars']:.0f} d at Mars{chosen_text(crew)}, leaves {back['departure']} "
            f"({m['tei_km_s']:.2f} km/s), enters Earth's atmosphere {back['arrival']} at {m['entry_speed_km_s']:.2f} km/s in "
            f"{capsules} x {crew.return_capsule}"
        )
    if core:
        notes.append("Mars crew vehicles: one core stage makes the three burns (transportation.mars_crew.stage_arrangement: core_stage): "
                     "its engines, sized for the departure burn, ride every burn; each burn's tank is dropped after it")
    return stages, missions


def crew_vehicle_stage_elements(stages: list[Stage]) -> list[tuple[str, str, Stage]]:
    """The first crew vehicle's stages as cost elements: (name, model output of its dry mass, stage),
    one a burn, or the one core stage (its engines and every burn's tank; a departure stage)."""
    if stages[0].core_engines:
        return [("mars_crew_core_stage", "transfer_mars_crew_1.core_inert_mass", stages[0])]
    return [(f"mars_crew_stage{s.index}", f"transfer_mars_crew_1.stage{s.index}.inert_mass", s) for s in stages]


def mars_crew_errors(study, catalog) -> list:
    """Bad input in ``transportation.mars_crew`` (exit 2): only at Mars, after the cargo window
    (cargo is pre-deployed one window ahead, as in DRA 5.0), with a capsule the catalog rates."""
    crew = study.transportation.mars_crew
    if crew is None:
        return []
    path = ("transportation", "mars_crew")
    if study.destination.body != "mars":
        return [study.error(path, f"crewed Mars missions need destination.body mars, not '{study.destination.body}'")]
    window = study.transportation.mars_window
    if window is None:
        return [study.error(path, "needs transportation.mars_window: the cargo is pre-deployed in the window before the first crew")]
    errors = stay_errors(study)
    if crew.first_window <= window.year:
        errors.append(study.error(path + ("first_window",), f"{crew.first_window} is not after the cargo window "
                                  f"{window.year} (transportation.mars_window.year): the cargo is pre-deployed one window ahead"))
    elements = catalog.entries["elements"]
    capsule = elements.get(crew.return_capsule)
    if capsule is None:
        errors.append(study.error(path + ("return_capsule",), f"unknown element '{crew.return_capsule}'; one of {sorted(elements)}"))
    else:
        for field in ("mass_kg", "crew", "max_entry_speed_km_s"):
            if (capsule.get(field) or {}).get("value") is None:
                errors.append(study.error(path + ("return_capsule",), f"element '{crew.return_capsule}' has no {field} in the "
                                          f"catalog; override elements.{crew.return_capsule}.{field}"))
    return errors


def set_mars_crew_inputs(arch, study, catalog) -> None:
    """The crew vehicle's inputs: the transit habitat sized like the outpost's (same relationship
    and coefficients) for the crew and the longest mission's outbound + return flights, the food,
    water, oxygen, crew provisions and life-support expendables for those flights (the outpost's rates,
    closures and packaging), the capsules'
    mass (carried by the stages, lifted to the launch orbit by the crew launches), each mission's
    departure year, and crew rotations that follow the missions (one crew per mission, in its
    departure year)."""
    import numpy as np

    years = np.array(study.years)
    crew = study.transportation.mars_crew
    capsule = catalog.entry("elements", crew.return_capsule)
    for given in [i for i in arch.inputs if i.name.startswith("outpost.habitat.")]:
        arch.add(given.name.replace("outpost.habitat.", "mars_transit_habitat."), given.value, given.units, given.source, given.verified, given.note)
    longest = max(arch.mars_crew, key=lambda m: m["transit_days"])
    flights = (f"outbound + return flights of the longest crewed mission ({longest['window']['departure']}): "
               f"{longest['window']['tof_days']:.0f} + {longest['return']['tof_days']:.0f} d")
    arch.add("mars_transit_habitat.stay_days", longest["transit_days"], "d", flights)
    # the transit's supplies: the outpost's per-crew-day rates, closures and packaging, one stay's personal items
    for outpost, transit in (("consumables", "consumables"), ("provisions", "provisions"), ("expendables", "expendables"),
                             ("makeup_gas", "makeup_gas")):
        for given in [i for i in arch.inputs if i.name.startswith(f"logistics.{outpost}.") and i.name.split(".")[-1] in TRANSIT_RATES]:
            arch.add(f"mars_transit_{transit}.{given.name.split('.')[-1]}", given.value, given.units, given.source, given.verified, given.note)
    arch.add("mars_transit_crew_days.days", [study.outpost.crew_size * longest["transit_days"]], "d",
             f"crew of {study.outpost.crew_size:g} x {flights}")
    arch.add("mars_transit_provisions.crew_rotations", [1.0], "unitless", "one crew (one stay's personal items) per mission")
    # the transit habitat leaks cabin gas for the whole flight (the outpost's leak rate and cabin density)
    arch.add("mars_transit_makeup_gas.operating_year", [longest["transit_days"] / 365.25], "unitless", f"{flights}, in years of 365.25 d")
    capsules = longest["capsules"]
    arch.add("mars_crew_capsule.capsule_mass", capsules * float(capsule["mass_kg"]["value"]), "kg",
             f"{capsules} x {crew.return_capsule} (crew {study.outpost.crew_size:g}, {capsule['crew']['value']:g} per capsule): "
             f"{capsule['mass_kg']['source']}", bool(capsule["mass_kg"].get("verified")), capsule["mass_kg"].get("note"))
    counts = np.zeros(len(years))
    share = crew.crew_share  # a coalition's demand share in the demand game (trades.analyses.coalition_demand), else 1
    flown = "" if share == 1.0 else f", {share:.6g} of it flown (transportation.mars_crew.crew_share)"
    for k, m in enumerate(arch.mars_crew, start=1):
        mask = (years == m["year"]).astype(float)
        counts += mask
        arch.add(f"mars_crew_{k}_demand.crew_rotations", share * mask, "unitless",
                 f"mission {k} departs in the {m['year']} window ({m['window']['departure']}){flown}")
    arch.inputs = [i for i in arch.inputs if i.name not in ("crew.rotations_per_year", "crew.crewed_year")]
    arch.add("crew.rotations_per_year", share, "unitless", f"one crew per mission (transportation.mars_crew){flown}")
    arch.add("crew.crewed_year", counts, "unitless", "crewed Mars missions departing each year (transportation.mars_crew)")
    set_stay_inputs(arch, study)

"""The crew's descent vehicle pre-deployed in Mars orbit one window ahead
(``transportation.mars_crew.surface_access.descent_vehicle: predeployed_in_orbit``).

DRA 5.0 sends the lander the crew descends in on a cargo flight one window before the crew and
leaves it waiting in the one-sol parking orbit; the crew's transit vehicle carries only the crew
payload and meets it there (Drake ed., NASA/SP-2009-566, 2009; Borowski et al.'s crewed NTR
vehicle carries no descent vehicle). Here the descent vehicle of mission ``k`` (the cabin with
its entry and descent systems, :class:`trades.models.transfer.entry_descent.EntryDescent`'s mass
at entry) is the payload of its own stream ``mars_descent_<k>``: the cargo route's stages without
the entry step (the departure burn, and the capture burn into the one-sol orbit when the cargo
captures propulsively; with aerocapture, the descent vehicle's own aeroshell captures it, as the
cargo's does), flown on the transfer of the window it leaves in, the same window as its mission's
ascent vehicle (:func:`trades.architecture.mars_surface_access.predeploy_years`): the cargo
window for the first mission, found by the window planner with the cargo's transfer type and
objective for the others. The stages' coasts are that window's (loiter, then the flight to Mars
before a capture burn). The descent propellant is inside the entry fractions, a fixed share of the
mass at entry, so its wait in orbit for the crew has no boil-off (as with the crew: none is
counted on its flight either).
"""

from __future__ import annotations

from dataclasses import replace

from trades.astro import ephemeris
from trades.errors import InfeasibleError

STREAM_PREFIX = "mars_descent_"


def predeployed(study) -> bool:
    """True when the crew's descent vehicle waits in Mars orbit, sent one window ahead."""
    crew = study.transportation.mars_crew
    return crew is not None and crew.surface_access.descent_vehicle == "predeployed_in_orbit"


def stream_name(k: int) -> str:
    return f"{STREAM_PREFIX}{k}"


def _window(study, catalog, file: str, year: int, k: int) -> dict:
    """The cargo's transfer (type and objective of ``transportation.mars_window``) departing in ``year``."""
    from trades.architecture.trajectories import cargo_transfer_spec
    from trades.astro.porkchop import find_windows

    window = study.transportation.mars_window
    spec = cargo_transfer_spec(study, catalog)
    where = f"{file}: transportation.mars_crew.surface_access.descent_vehicle"
    try:
        found = find_windows(spec, year)
    except ephemeris.EphemerisRangeError as exc:
        raise InfeasibleError(f"{where}: mission {k}'s descent vehicle: {exc}") from None
    chosen = [w for w in found if w["type"] == window.transfer_type and w["objective"] == window.objective and not w["at_year_edge"]]
    if not chosen:
        raise InfeasibleError(
            f"{where}: mission {k}'s descent vehicle leaves in {year} (one window ahead of its crew) but no type "
            f"{window.transfer_type} transfer to Mars ({window.objective}) departs in {year}; keep it with the crew (with_crew)"
        )
    return chosen[0]


def descent_streams(study, catalog, file: str, cargo_stages: list, trajectory: dict, years: list[int], coast, notes: list) -> dict[str, list]:
    """Each mission's descent-vehicle stream: the cargo route's stages without its entry step, on
    the transfer of the window it leaves in (``years``, one per mission); ``coast(stage)`` gives
    the cargo stages' coasts (the cargo window's). Appends a note per mission to ``notes``."""
    loiter = float(study.transportation.loiter_days)
    out = {}
    for k, year in enumerate(years, start=1):
        name = stream_name(k)
        flown = [s for s in cargo_stages if s.role != "entry"]
        if year == study.transportation.mars_window.year:  # the cargo's own window: its stages as they are
            w = trajectory["window"]
            out[name] = [replace(s, stream=name, legs=list(s.legs), leg_delta_v_km_s=list(s.leg_delta_v_km_s), coast=coast(s))
                         for s in flown]
        else:
            w = _window(study, catalog, file, year, k)
            source = f"Lambert (boinor Izzo) on JPL DE421: the cargo's type {w['type']} {w['objective']} transfer of {year}"
            stages = [replace(flown[0], stream=name, legs=[f"window {year} departure {w['departure']} (descent vehicle)"],
                              leg_delta_v_km_s=[w["dv_departure_km_s"]], source=source, coast=(loiter, "loiter in the launch orbit"))]
            if len(flown) > 1:  # a propulsive capture into the one-sol orbit
                stages.append(replace(flown[1], stream=name, legs=[f"window {year} capture after {w['tof_days']:.0f} d"],
                                      leg_delta_v_km_s=[w["dv_arrival_km_s"]], source=source,
                                      coast=(loiter + w["tof_days"], f"loiter + {w['tof_days']:.0f} d flight to Mars")))
            out[name] = stages
        notes.append(f"Mars crew mission {k}: its descent vehicle leaves LEO {w['departure']} ({out[name][0].delta_v_km_s:.2f} km/s) "
                     f"on the cargo route and waits for the crew in the one-sol orbit from {w['arrival']} (no boil-off counted there)")
    return out

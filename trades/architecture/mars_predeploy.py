"""What a crewed Mars mission sends one window ahead of its crew on the cargo route: its Mars ascent
vehicle (the streams ``mars_ascent_<k>``, :mod:`trades.architecture.mars_surface_access`) and, in
DRA 5.0's split, its descent vehicle (``mars_descent_<k>``, :mod:`trades.architecture.mars_descent`).

Each flies the transfer of the window it leaves in (:func:`trades.architecture.mars_surface_access.predeploy_years`):
the cargo window for the first mission, for the others the transfer the window planner finds with
the cargo's transfer type and objective (``transportation.mars_window``) departing in that year.
Its stages are the cargo route's (same propellants and roles) with that window's burns: the
departure, and the capture into the one-sol orbit when the cargo captures propulsively (with
aerocapture the vehicle's own aeroshell captures it, as the cargo's does); a landed vehicle keeps
the cargo route's entry step. The stages' coasts are that window's (loiter, then the flight to
Mars before a capture burn).
"""

from __future__ import annotations

from dataclasses import replace

from trades.astro import ephemeris
from trades.errors import InfeasibleError


def ahead_windows(study, catalog, file: str, trajectory: dict, years: list[int]) -> list[dict]:
    """The transfer each mission's vehicles sent ahead fly (``years``: one per mission): the cargo
    window's own record in its year, otherwise the cargo's type and objective departing in that year."""
    from trades.architecture.trajectories import cargo_transfer_spec
    from trades.astro.porkchop import find_windows

    window = study.transportation.mars_window
    where = f"{file}: transportation.mars_crew"
    windows = []
    for k, year in enumerate(years, start=1):
        if year == window.year:  # the cargo's own window
            windows.append(trajectory["window"])
            continue
        try:
            found = find_windows(cargo_transfer_spec(study, catalog), year)
        except ephemeris.EphemerisRangeError as exc:
            raise InfeasibleError(f"{where}: mission {k}'s ascent vehicle: {exc}") from None
        chosen = [w for w in found if w["type"] == window.transfer_type and w["objective"] == window.objective and not w["at_year_edge"]]
        if not chosen:
            raise InfeasibleError(
                f"{where}: mission {k}'s ascent vehicle leaves in {year} (one window ahead of its crew) but no type "
                f"{window.transfer_type} transfer to Mars ({window.objective}) departs in {year}"
            )
        windows.append(chosen[0])
    return windows


def window_streams(study, cargo_stages: list, trajectory: dict, windows: list[dict], prefix: str, what: str, landed: bool,
                   coast, notes: list) -> dict[str, list]:
    """Each mission's stream ``<prefix><k>``: the cargo route's stages (with its entry step when
    ``landed``, else without: it waits in the one-sol orbit) on its window (``windows``, from
    :func:`ahead_windows`); ``coast(stage)`` gives the cargo stages' coasts (the cargo window's).
    ``what`` names the vehicle in the stages' legs and in the note appended to ``notes`` per mission."""
    loiter = float(study.transportation.loiter_days)
    flown = [s for s in cargo_stages if s.role != "entry"]
    entry = [s for s in cargo_stages if s.role == "entry"] if landed else []
    out = {}
    for k, w in enumerate(windows, start=1):
        name = f"{prefix}{k}"
        if w is trajectory["window"]:  # the cargo's own window: its stages as they are
            stages = [replace(s, stream=name, legs=list(s.legs), leg_delta_v_km_s=list(s.leg_delta_v_km_s), coast=coast(s)) for s in flown]
        else:
            year = w["departure"][:4]
            source = f"Lambert (boinor Izzo) on JPL DE421: the cargo's type {w['type']} {w['objective']} transfer of {year}"
            stages = [replace(flown[0], stream=name, legs=[f"window {year} departure {w['departure']} ({what})"],
                              leg_delta_v_km_s=[w["dv_departure_km_s"]], source=source, coast=(loiter, "loiter in the launch orbit"))]
            if len(flown) > 1:  # a propulsive capture into the one-sol orbit
                stages.append(replace(flown[1], stream=name, legs=[f"window {year} capture after {w['tof_days']:.0f} d"],
                                      leg_delta_v_km_s=[w["dv_arrival_km_s"]], source=source,
                                      coast=(loiter + w["tof_days"], f"loiter + {w['tof_days']:.0f} d flight to Mars")))
        out[name] = stages + [replace(s, stream=name, legs=list(s.legs), leg_delta_v_km_s=[], coast=None) for s in entry]
        there = f"lands {w['arrival']}" if landed else f"waits for the crew in the one-sol orbit from {w['arrival']} (no boil-off counted there)"
        notes.append(f"Mars crew mission {k}: its {what} leaves LEO {w['departure']} ({stages[0].delta_v_km_s:.2f} km/s) on the cargo route and {there}")
    return out

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
ascent vehicle (:mod:`trades.architecture.mars_predeploy`): the cargo window for the first
mission, found by the window planner with the cargo's transfer type and objective for the others. The stages' coasts are that window's (loiter, then the flight to Mars
before a capture burn). The descent propellant is inside the entry fractions, a fixed share of the
mass at entry, so its wait in orbit for the crew has no boil-off (as with the crew: none is
counted on its flight either).
"""

from __future__ import annotations

from trades.architecture.mars_predeploy import window_streams

STREAM_PREFIX = "mars_descent_"


def predeployed(study) -> bool:
    """True when the crew's descent vehicle waits in Mars orbit, sent one window ahead."""
    crew = study.transportation.mars_crew
    return crew is not None and crew.surface_access.descent_vehicle == "predeployed_in_orbit"


def descent_streams(study, cargo_stages: list, trajectory: dict, windows: list[dict], coast, notes: list) -> dict[str, list]:
    """Each mission's descent-vehicle stream: the cargo route's stages without its entry step, on
    the transfer of the window it leaves in (``windows``, one per mission:
    :func:`trades.architecture.mars_predeploy.ahead_windows`); ``coast(stage)`` gives the cargo
    stages' coasts (the cargo window's). Appends a note per mission to ``notes``."""
    return window_streams(study, cargo_stages, trajectory, windows, STREAM_PREFIX, "descent vehicle", False, coast, notes)

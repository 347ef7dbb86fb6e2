"""The surface stay of each crewed Mars mission (``transportation.mars_crew.stay``).

``fixed`` (the default): the return leaves Mars no earlier than ``outpost.stay_days`` after the
crew arrives (one minimum for every mission) and reaches Earth within ``max_return_days`` of that
minimum's end; the crew is supplied for ``outpost.stay_days`` at Mars.

``window``: each mission's stay is chosen between ``min_stay_days`` and ``max_stay_days`` as a
mission architect plans a conjunction-class ("long-stay") mission, whose stay follows from the
outbound and return windows (Drake ed., NASA/SP-2009-566, 2009): the return is the least-TEI
Lambert transfer (:func:`trades.architecture.mars_missions._return`, within the capsule's entry
rating) that leaves Mars in that range and reaches Earth within ``max_return_days`` of the range's
end; the stay is its departure less the arrival. The crew of each mission is supplied for its own
stay (crew-days ``n_crew t_k`` in the mission's departure year, through the crew schedule's
``stay_fraction``), and the surface habitat is sized for the longest stay chosen.
"""

from __future__ import annotations

import numpy as np

from trades.errors import InfeasibleError


def stay_span_text(study) -> str:
    """The span of the return search, in words (for messages)."""
    crew = study.transportation.mars_crew
    if crew.stay == "window":
        return (f"leaving Mars {crew.min_stay_days:g} to {crew.max_stay_days:g} d after arrival (min_stay_days, max_stay_days) "
                f"and reaching Earth within max_return_days ({crew.max_return_days:g} d) of the longest stay's end")
    return f"within max_return_days ({crew.max_return_days:g} d) after the {study.outpost.stay_days:g}-d stay"


def chosen_text(crew) -> str:
    """What a mission's note says of its stay: chosen in the range, or the fixed minimum."""
    if crew.stay != "window":
        return ""
    return f" (stay chosen in {crew.min_stay_days:g}-{crew.max_stay_days:g} d: the least return burn)"


def stay_return(study, back_spec, arrival_jd: float, rating: float, where: str):
    """The mission's return (least TEI within ``rating``, None when every return of the span enters
    faster) and the least entry speed of the span; exit 3 (InfeasibleError naming ``where``) when no
    return leaves Mars in the span at all."""
    from trades.architecture.mars_missions import _return
    from trades.astro import ephemeris

    crew = study.transportation.mars_crew
    if crew.stay == "window":
        earliest, last = arrival_jd + crew.min_stay_days, arrival_jd + crew.max_stay_days
        latest = last + crew.max_return_days
    else:
        earliest, last = arrival_jd + study.outpost.stay_days, None
        latest = earliest + crew.max_return_days
    try:
        back, fastest = _return(back_spec, earliest, latest, rating, last_departure_jd=last)
    except (ephemeris.EphemerisRangeError, ValueError) as exc:
        raise InfeasibleError(f"{where}: return: {exc}") from None
    if fastest is None:
        raise InfeasibleError(f"{where}: no return from Mars found {stay_span_text(study)}"
                              + ("; widen the stay range" if crew.stay == "window" else ""))
    return back, fastest


def stay_errors(study) -> list:
    """Bad input of the stay setting (exit 2): the range with ``stay: window`` only, both ends given,
    ordered, and holding ``outpost.stay_days`` (the study's nominal stay)."""
    crew = study.transportation.mars_crew
    path = ("transportation", "mars_crew")
    given = [f for f in ("min_stay_days", "max_stay_days") if getattr(crew, f) is not None]
    if crew.stay != "window":
        return [study.error(path + (f,), "is used only with stay: window (stay is fixed: outpost.stay_days)") for f in given]
    missing = [f for f in ("min_stay_days", "max_stay_days") if f not in given]
    if missing:
        return [study.error(path + (f,), "stay: window needs the range of stays, min_stay_days and max_stay_days") for f in missing]
    if crew.min_stay_days > crew.max_stay_days:
        return [study.error(path + ("min_stay_days",), f"{crew.min_stay_days:g} d is above max_stay_days ({crew.max_stay_days:g} d)")]
    if not crew.min_stay_days <= study.outpost.stay_days <= crew.max_stay_days:
        return [study.error(("outpost", "stay_days"), f"{study.outpost.stay_days:g} d is outside the crews' stay range "
                            f"{crew.min_stay_days:g}-{crew.max_stay_days:g} d (transportation.mars_crew.min_stay_days, "
                            "max_stay_days): it is the study's nominal stay, one the range holds")]
    return []


def set_stay_inputs(arch, study) -> None:
    """With stays chosen per window: the crew schedule's stay is the longest chosen (the surface
    habitat is sized for it) and each year's ``stay_fraction`` scales its crew-days to the stays of
    the missions that depart that year (each crew supplied for its own stay)."""
    if study.transportation.mars_crew.stay != "window":
        return
    years = np.array(study.years)
    stays = [m["stay_days"] for m in arch.mars_crew]
    longest = max(stays)
    listed = ", ".join(f"{m['year']}: {m['stay_days']:.0f} d" for m in arch.mars_crew)
    fraction = np.ones(len(years))
    for i, year in enumerate(years):
        mine = [m["stay_days"] for m in arch.mars_crew if m["year"] == year]
        if mine:
            fraction[i] = sum(mine) / (len(mine) * longest)
    arch.inputs = [i for i in arch.inputs if i.name != "crew.stay_days"]
    arch.add("crew.stay_days", longest, "d", f"the longest surface stay chosen per window (transportation.mars_crew.stay: window; "
             f"stays by departure year {listed}): the surface habitat is sized for it")
    arch.add("crew.stay_fraction", fraction, "unitless", "each departure year's stays over the longest (transportation.mars_crew.stay: "
             f"window; {listed}): each crew is supplied for its own stay")

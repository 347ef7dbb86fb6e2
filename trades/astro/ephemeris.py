"""Planet states from JPL's DE421 development ephemeris, offline.

The ``de421`` package ships the ephemeris as arrays and ``jplephem`` (legacy
``jplephem.Ephemeris`` API) evaluates it for whole arrays of dates at once. Dates are accepted
from 1900-01-01 to 2050-12-31, inside DE421's fitted span (1899-07-29 to 2053-10-09); the
package's header advertises more (to 2200), which is not fitted data, so it is not trusted. Astropy's built-in
ephemeris is not used: it is several percent off in launch C3.

States are heliocentric, in the ecliptic frame of J2000 (DE421's equatorial ICRF rotated by the
J2000 obliquity), in km and km/s, so that 'prograde' means counter-clockwise seen from ecliptic
north. Dates are Julian dates in TDB; the toolkit takes calendar dates as TDB (the ~69 s
offset from UTC is immaterial at porkchop resolution).

References
----------
Folkner, Williams & Boggs, 'The Planetary and Lunar Ephemeris DE 421', JPL IOM 343R-08-003 (2008).
IAU 2006 obliquity of the ecliptic at J2000: 84381.406 arcsec (Capitaine et al. 2003, A&A 412).
"""

from __future__ import annotations

import functools
from datetime import date, datetime, timezone

import numpy as np

J2000_JD = 2451545.0
SECONDS_PER_DAY = 86400.0
OBLIQUITY_J2000_RAD = np.deg2rad(84381.406 / 3600.0)
#: Accepted span, Julian dates (TDB): 1900-01-01 0h to 2051-01-01 0h
ACCEPTED_SPAN_JD = (2415020.5, 2470172.5)
PLANETS = ("mercury", "venus", "earth", "mars", "jupiter")


class EphemerisRangeError(ValueError):
    """A date outside the ephemeris."""


@functools.lru_cache(maxsize=1)
def _ephemeris():
    import de421
    from jplephem import Ephemeris

    return Ephemeris(de421)


def coverage_jd() -> tuple[float, float]:
    """First and last Julian date the toolkit evaluates the ephemeris at."""
    return ACCEPTED_SPAN_JD


def to_jd(when) -> float:
    """Julian date of a ``date``/``datetime``/ISO string (taken as TDB)."""
    if isinstance(when, str):
        when = datetime.fromisoformat(when)
    if isinstance(when, datetime):
        if when.tzinfo is not None:
            when = when.astimezone(timezone.utc).replace(tzinfo=None)
        delta = when - datetime(2000, 1, 1, 12, 0, 0)
    elif isinstance(when, date):
        delta = datetime(when.year, when.month, when.day) - datetime(2000, 1, 1, 12, 0, 0)
    else:
        raise TypeError(f"not a date: {when!r}")
    return J2000_JD + delta.total_seconds() / SECONDS_PER_DAY


def to_date(jd: float) -> datetime:
    """Calendar datetime (TDB) of a Julian date."""
    from datetime import timedelta

    return datetime(2000, 1, 1, 12, 0, 0) + timedelta(days=float(jd) - J2000_JD)


def _equatorial_to_ecliptic(vec: np.ndarray) -> np.ndarray:
    c, s = np.cos(OBLIQUITY_J2000_RAD), np.sin(OBLIQUITY_J2000_RAD)
    x, y, z = vec
    return np.array([x, c * y + s * z, -s * y + c * z])


AU_KM = 149597870.7  # IAU 2012 Resolution B2, exact


@functools.lru_cache(maxsize=1)
def _nea_catalog() -> dict:
    from trades.study.catalog import load_catalog

    return load_catalog().entries.get("neas", {})


def nea_ids() -> list[str]:
    """Ids of the near-Earth asteroids in the catalog."""
    return sorted(_nea_catalog())


def body_data(body: str, elements: dict | None = None) -> dict:
    """What a body's states depend on (for cache keys): the ephemeris for planets, the elements for
    asteroids (``elements``, a study's with its overrides, else the catalog's)."""
    if body in PLANETS:
        return {"ephemeris": "de421", "obliquity_rad": OBLIQUITY_J2000_RAD}
    if elements is not None:
        return dict(elements)
    entry = _nea_catalog().get(body, {})
    return {k: v["value"] for k, v in entry.items() if isinstance(v, dict) and "value" in v}


def _check_span(jd) -> None:
    first, last = coverage_jd()
    if np.any(np.asarray(jd) < first) or np.any(np.asarray(jd) > last):
        raise EphemerisRangeError(
            f"date outside the DE421 ephemeris span the toolkit uses ({to_date(first):%Y-%m-%d} to {to_date(last):%Y-%m-%d})"
        )


def state(body: str, jd, elements: dict | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Heliocentric ecliptic J2000 state of a planet (DE421) or a catalog NEA (two-body, boinor);
    ``elements`` (names as in the catalog: a_au, e, i_deg, ...) replace the NEA's catalog values,
    as a study's overrides do."""
    if body in PLANETS:
        return heliocentric_state(body, jd)
    neas = _nea_catalog()
    if body not in neas:
        raise ValueError(f"unknown body '{body}'; planets {PLANETS}, asteroids {sorted(neas)}")
    from trades.astro import orbits

    _check_span(jd)  # the same span as the planets: transfers start at Earth
    values = body_data(body, elements)
    elements = {
        "a_km": values["a_au"] * AU_KM,
        "e": values["e"],
        "i_deg": values["i_deg"],
        "raan_deg": values["raan_deg"],
        "argp_deg": values["argp_deg"],
        "mean_anomaly_deg": values["mean_anomaly_deg"],
        "epoch_jd": values["epoch_jd"],
    }
    mu_sun, _ = orbits.body_constants("sun")
    r, v = orbits.propagate_elements(elements, jd, mu_sun)
    if np.ndim(jd) == 0:
        return r[:, 0], v[:, 0]
    return r, v


def heliocentric_state(body: str, jd) -> tuple[np.ndarray, np.ndarray]:
    """Position [km] and velocity [km/s] of a planet relative to the Sun, ecliptic J2000.

    Parameters
    ----------
    body : str
        One of ``PLANETS``.
    jd : float or array
        Julian dates (TDB).

    Returns
    -------
    (r, v) arrays of shape (3,) or (3, n).
    """
    if body not in PLANETS:
        raise ValueError(f"unknown body '{body}'; one of {PLANETS}")
    jd = np.asarray(jd, dtype=float)
    _check_span(jd)
    eph = _ephemeris()
    if body == "earth":
        r_emb, v_emb = eph.position_and_velocity("earthmoon", jd)
        r_moon, v_moon = eph.position_and_velocity("moon", jd)  # geocentric Moon
        share = 1.0 / (1.0 + eph.EMRAT)
        r, v = r_emb - r_moon * share, v_emb - v_moon * share
    else:
        r, v = eph.position_and_velocity(body, jd)
    r_sun, v_sun = eph.position_and_velocity("sun", jd)
    r = _equatorial_to_ecliptic(r - r_sun)
    v = _equatorial_to_ecliptic((v - v_sun) / SECONDS_PER_DAY)
    return r, v

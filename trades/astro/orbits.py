"""Orbital mechanics for the toolkit: the one module that imports boinor.

boinor is the maintained fork of poliastro (same API). Keeping every call here means the
backend is one import to change. boinor's numba kernels take about ten seconds to compile in a
fresh process: their machine code is cached on disk (:func:`compiled_on_disk`), and results of the
(cheap, deterministic) maneuver calculations are memoised in memory and in a small JSON cache on
disk keyed by the inputs and the boinor version. The cache
lives in ``$TRADES_CACHE_DIR`` or ``$XDG_CACHE_HOME/trades`` (default ``~/.cache/trades``), never
in the working directory.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import math
import os
import warnings
from importlib.metadata import version
from pathlib import Path

from trades.errors import TradesError
from trades.fileio import atomic_write, is_regular_file


#: Earth's equatorial radius [km]: IAU 2015 Resolution B3 nominal value, the one boinor uses
#: (a test checks they agree); here so that input checks need not import boinor.
EARTH_RADIUS_KM = 6378.1366


def cache_dir() -> Path:
    """Folder of the toolkit's on-disk cache."""
    if os.environ.get("TRADES_CACHE_DIR"):
        return Path(os.environ["TRADES_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "trades"


def _disk_cached(func):
    """Memoise a function of floats/strings returning a JSON-able value, in memory and on disk."""

    @functools.lru_cache(maxsize=None)
    def wrapper(*args):
        key_text = json.dumps([func.__name__, args, version("boinor")])
        key = hashlib.sha256(key_text.encode()).hexdigest()[:24]
        path = cache_dir() / "orbits" / f"{key}.json"
        if is_regular_file(path):  # a FIFO or device planted in the cache would block or never end
            try:
                return tuple(json.loads(path.read_text()))
            except (OSError, ValueError):
                pass
        result = func(*args)
        try:  # a cache that cannot be written is only slower, never an error
            atomic_write(path, lambda tmp: tmp.write_text(json.dumps(list(result))))
        except (OSError, TradesError):
            pass
        return result

    wrapper.uncached = func
    return wrapper


def body_constants(body: str = "earth") -> tuple[float, float]:
    """Gravitational parameter [km^3/s^2] and equatorial radius [km] of a body, from boinor."""
    from boinor import bodies

    obj = {"earth": bodies.Earth, "moon": bodies.Moon, "mars": bodies.Mars, "sun": bodies.Sun}[body]
    return float(obj.k.to_value("km3/s2")), float(obj.R.to_value("km"))


@contextlib.contextmanager
def _quiet_numba():
    """Silence numba's performance hints raised while boinor's kernels compile."""
    from numba.core.errors import NumbaPerformanceWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NumbaPerformanceWarning)
        yield


def _circular_state(k: float, r: float):
    import numpy as np

    return (np.array([r, 0.0, 0.0]), np.array([0.0, math.sqrt(k / r), 0.0]))


@_disk_cached
def hohmann(r_initial_km: float, r_final_km: float, body: str = "earth") -> tuple[float, float, float]:
    """Hohmann transfer between coplanar circular orbits, by boinor.

    Returns
    -------
    (dv_first_km_s, dv_second_km_s, transfer_time_s)
    """
    import numpy as np
    from boinor.core.maneuver import hohmann as _hohmann

    k, _ = body_constants(body)
    compiled_on_disk()
    with _quiet_numba():
        dv_a, dv_b, t = _hohmann(k, _circular_state(k, r_initial_km), float(r_final_km))
    return float(np.linalg.norm(dv_a)), float(np.linalg.norm(dv_b)), float(t)


@_disk_cached
def bielliptic(
    r_initial_km: float, r_intermediate_km: float, r_final_km: float, body: str = "earth"
) -> tuple[float, float, float, float]:
    """Bi-elliptic transfer between coplanar circular orbits, by boinor.

    Returns
    -------
    (dv_first_km_s, dv_second_km_s, dv_third_km_s, transfer_time_s)
    """
    import numpy as np
    from boinor.core.maneuver import bielliptic as _bielliptic

    k, _ = body_constants(body)
    compiled_on_disk()
    with _quiet_numba():
        dv_a, dv_b, dv_c, _t1, t2 = _bielliptic(
            k, float(r_intermediate_km), float(r_final_km), _circular_state(k, r_initial_km)
        )
    return (
        float(np.linalg.norm(dv_a)),
        float(np.linalg.norm(dv_b)),
        float(np.linalg.norm(dv_c)),
        float(t2),
    )


def circular_eclipse(altitude_km: float, body: str = "earth") -> tuple[float, float]:
    """Longest eclipse [h] and sunlit fraction of a circular orbit with the Sun in its plane.

    Cylindrical shadow, beta angle 0 (the worst case): the orbit is in shadow over the arc
    2*asin(R/r). Written here because boinor offers eclipse events for propagation, not this
    closed form.

    References
    ----------
    Wertz & Larson (eds.), Space Mission Analysis and Design, 3rd ed., Sec. 5.1 (eclipse geometry).
    """
    k, radius = body_constants(body)
    r = radius + altitude_km
    period_h = 2 * math.pi * math.sqrt(r**3 / k) / 3600.0
    shadow_fraction = math.asin(radius / r) / math.pi
    return period_h * shadow_fraction, 1.0 - shadow_fraction


# ---- Lambert transfers between planets ------------------------------------------------------

#: izzo settings: boinor's defaults (boinor.iod.izzo.lambert), so grids match boinor cell by cell
LAMBERT_NUMITER = 35
LAMBERT_RTOL = 1e-8

#: Half-width [deg] of the neighbourhood of a 180-degree transfer angle where no transfer is
#: offered. There r1 and r2 are nearly opposite, the transfer plane is set by the arrival planet's
#: small latitude divided by sin(angle), and a Lambert solution jumps with the dates: the 2026 type I
#: search settled at exactly 180 deg on C3 10.42 km2/s2 while points 0.01 day away give 11.46. The
#: width is a convention, not a physical limit; it is 3 deg because the handbook's least-C3 type I
#: transfer of 2026 lies 3.2 deg from 180 deg (Burke, Falck & McGuire, NASA/TM-2010-216764, Table 2:
#: 2026-11-14 to 2027-08-09, C3 11.11) and near-planar transfers inside 3 deg would otherwise beat it
#: (docs/model.md, Windows).
SINGULAR_HALF_WIDTH_DEG = 3.0


def transfer_angle_deg(r1, r2) -> float:
    """Prograde transfer angle [deg] between two positions: under 180 when the ecliptic-normal
    component of ``r1 x r2`` is positive (type I), 360 minus the angle between them otherwise."""
    import numpy as np

    r1, r2 = np.asarray(r1, dtype=float), np.asarray(r2, dtype=float)
    angle = math.degrees(math.atan2(float(np.linalg.norm(np.cross(r1, r2))), float(np.dot(r1, r2))))
    return angle if r1[0] * r2[1] - r1[1] * r2[0] >= 0 else 360.0 - angle


def near_singular(angle_deg: float) -> bool:
    """Whether a transfer angle lies in the excluded neighbourhood of 180 deg."""
    return abs(angle_deg - 180.0) < SINGULAR_HALF_WIDTH_DEG


@functools.lru_cache(maxsize=1)
def _grid_kernel():
    """The grid loop (:mod:`trades.astro.lambert_kernel`), compiled once and cached on disk."""
    compiled_on_disk()
    from trades.astro.lambert_kernel import kernel

    _enable_caching(kernel)
    return kernel


@functools.lru_cache(maxsize=1)
def compiled_on_disk() -> None:
    """boinor's numba kernels compiled again in every new process (6-9 s for a Mars window):
    point numba's cache at the toolkit's cache folder (one subfolder per boinor and numba version,
    since numba checks only the caller's source for staleness) and enable it on the boinor
    functions this module calls. A cache that cannot be written is only slower, never an error."""
    import numba
    from boinor.core import angles, elements, iod, maneuver

    numba.config.CACHE_DIR = str(cache_dir() / "numba" / f"boinor-{version('boinor')}-numba-{numba.__version__}")
    for function in (iod.izzo, angles.E_to_nu, angles.M_to_E, elements.coe2rv, maneuver.hohmann, maneuver.bielliptic):
        _enable_caching(function)


def _enable_caching(dispatcher) -> None:
    try:
        dispatcher.enable_caching()
    except (RuntimeError, OSError):  # no writable cache folder
        pass


def lambert_grid(r_dep, v_dep, r_arr, v_arr, tof_s, mu_km3_s2: float):
    """Hyperbolic excess speeds of every prograde zero-revolution Lambert transfer of a grid.

    ``r_dep, v_dep`` (3, n_dep) and ``r_arr, v_arr`` (3, n_arr) are the planets' heliocentric
    states in the ecliptic frame [km, km/s]; ``tof_s`` (n_dep, n_arr) the times of flight [s]
    (cells with tof <= 0 are NaN, and so are cells within :data:`SINGULAR_HALF_WIDTH_DEG` of a
    180-degree transfer, whose type is 0). Each cell is solved by boinor's Izzo solver inside one
    compiled loop: no Orbit object per cell.

    Returns
    -------
    (v_inf_departure, v_inf_arrival, transfer_type) with type 1 (under 180 deg) or 2, 0 if none.
    """
    import numpy as np

    with _quiet_numba():
        return _grid_kernel()(
            float(mu_km3_s2),
            np.ascontiguousarray(r_dep, dtype=float),
            np.ascontiguousarray(v_dep, dtype=float),
            np.ascontiguousarray(r_arr, dtype=float),
            np.ascontiguousarray(v_arr, dtype=float),
            np.ascontiguousarray(tof_s, dtype=float),
            LAMBERT_NUMITER,
            LAMBERT_RTOL,
            math.sin(math.radians(SINGULAR_HALF_WIDTH_DEG)),
        )


def lambert(r1_km, r2_km, tof_s: float, mu_km3_s2: float, prograde: bool = True):
    """One Lambert solution (zero revolutions) by boinor's Izzo solver: (v1, v2) in km/s."""
    import numpy as np
    from boinor.core.iod import izzo

    compiled_on_disk()
    with _quiet_numba():
        v1, v2 = izzo(
            float(mu_km3_s2), np.asarray(r1_km, dtype=float), np.asarray(r2_km, dtype=float), float(tof_s),
            0, prograde, True, LAMBERT_NUMITER, LAMBERT_RTOL,
        )
    return v1, v2


def hyperbolic_burn(v_inf_km_s, periapsis_radius_km: float, mu_km3_s2: float, apoapsis_radius_km: float | None = None):
    """Delta-v between a hyperbola of excess speed ``v_inf`` and an orbit with the given periapsis,
    circular or (with ``apoapsis_radius_km``) elliptical, burned at periapsis.

    ``dv = sqrt(v_inf^2 + 2 mu / r_p) - sqrt(mu (2 / r_p - 2 / (r_p + r_a)))`` (Curtis,
    Orbital Mechanics for Engineering Students, Sec. 8.6 and 8.7).
    """
    import numpy as np

    rp = float(periapsis_radius_km)
    ra = rp if apoapsis_radius_km is None else float(apoapsis_radius_km)
    v_orbit = np.sqrt(mu_km3_s2 * (2.0 / rp - 2.0 / (rp + ra)))
    return np.sqrt(np.asarray(v_inf_km_s) ** 2 + 2.0 * mu_km3_s2 / rp) - v_orbit


def propagate_elements(elements: dict, jd, mu_km3_s2: float):
    """Two-body states of a body from classical elements at an epoch, at Julian dates ``jd``.

    ``elements``: ``a_km, e, i_deg, raan_deg, argp_deg, mean_anomaly_deg, epoch_jd`` (elliptic
    orbits). The mean anomaly advances at the mean motion; boinor solves Kepler's equation and
    converts to position and velocity (``boinor.core.angles``, ``boinor.core.elements``).

    Returns (r, v) of shape (3, n) [km, km/s] in the elements' frame.
    """
    import numpy as np
    from boinor.core.angles import E_to_nu, M_to_E
    from boinor.core.elements import coe2rv

    compiled_on_disk()

    a, ecc = float(elements["a_km"]), float(elements["e"])
    if not 0.0 <= ecc < 1.0:
        raise ValueError(f"eccentricity {ecc} is not elliptic")
    inc, raan, argp = (np.deg2rad(float(elements[k])) for k in ("i_deg", "raan_deg", "argp_deg"))
    n_motion = np.sqrt(mu_km3_s2 / a**3)  # rad/s
    p = a * (1.0 - ecc**2)
    jd = np.atleast_1d(np.asarray(jd, dtype=float))
    r, v = np.empty((3, jd.size)), np.empty((3, jd.size))
    with _quiet_numba():
        for k, when in enumerate(jd):
            mean = np.deg2rad(float(elements["mean_anomaly_deg"])) + n_motion * (when - float(elements["epoch_jd"])) * 86400.0
            mean = (mean + np.pi) % (2.0 * np.pi) - np.pi
            nu = E_to_nu(M_to_E(mean, ecc), ecc)
            r[:, k], v[:, k] = coe2rv(mu_km3_s2, p, ecc, inc, raan, argp, nu)
    return r, v

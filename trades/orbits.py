"""Orbital mechanics for the toolkit: the one module that imports boinor.

boinor is the maintained fork of poliastro (same API). Keeping every call here means the
backend is one import to change. boinor's numba kernels take about ten seconds to compile in a
fresh process, so results of the (cheap, deterministic) maneuver calculations are memoised in
memory and in a small JSON cache on disk keyed by the inputs and the boinor version. The cache
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
import tempfile
import warnings
from importlib.metadata import version
from pathlib import Path


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
        try:
            return tuple(json.loads(path.read_text()))
        except (OSError, ValueError):
            pass
        result = func(*args)
        try:  # a cache that cannot be written is only slower, never an error
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, suffix=".tmp") as fh:
                json.dump(list(result), fh)
            os.replace(fh.name, path)
        except OSError:
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

"""Porkchop grids and launch windows between planets.

A grid evaluates the ephemeris once per departure date and once per arrival date, then solves
every cell's Lambert problem in one compiled loop (:func:`trades.astro.orbits.lambert_grid`). From the
hyperbolic excess speeds it derives the departure C3, the burn from a circular parking orbit, the
arrival v-infinity and the burn into a capture orbit (or none, for atmospheric entry). Grids are
cached on disk by a hash of their inputs.

Window search: a coarse grid over a calendar year and a range of flight times finds, per transfer
type, the cells of least C3 and least total delta-v; each is then refined by Nelder-Mead on the
continuous departure date and time of flight (scipy), solving single Lambert problems.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from importlib.metadata import version

import numpy as np

from trades.astro import ephemeris, orbits
from trades.errors import TradesError
from trades.fileio import atomic_write, is_regular_file

DEFAULT_PARKING_ALTITUDE_KM = 407.0  # the handbook's reference LEO (Burke et al., NASA/TM-2010-216764)
GRID_FORMAT_VERSION = 3  # bump when the grid's formulas or layout change: old cache files are ignored


@dataclass(frozen=True)
class TransferSpec:
    """What a grid computes: bodies, parking orbit, capture orbit (None: entry, no burn)."""

    origin: str = "earth"
    target: str = "mars"
    parking_altitude_km: float = DEFAULT_PARKING_ALTITUDE_KM
    capture_periapsis_altitude_km: float | None = None
    capture_apoapsis_altitude_km: float | None = None
    # an asteroid's orbital elements as the study has them (catalog values with its overrides),
    # as sorted (name, value) pairs; empty: the packaged catalog's
    asteroid_elements: tuple[tuple[str, float], ...] = ()

    def key(self) -> dict:
        return asdict(self)

    def elements(self, body: str) -> dict | None:
        """The elements of ``body`` this transfer uses, when it is the study's asteroid."""
        return dict(self.asteroid_elements) if self.asteroid_elements and body not in ephemeris.PLANETS else None


@dataclass
class PorkchopGrid:
    """Arrays over departure (rows) x arrival (columns) dates."""

    spec: TransferSpec
    departure_jd: np.ndarray
    arrival_jd: np.ndarray
    c3: np.ndarray
    v_inf_arrival: np.ndarray
    dv_departure: np.ndarray
    dv_arrival: np.ndarray
    transfer_type: np.ndarray
    tof_days: np.ndarray = field(init=False)

    def __post_init__(self):
        self.tof_days = self.arrival_jd[None, :] - self.departure_jd[:, None]

    @property
    def dv_total(self) -> np.ndarray:
        return self.dv_departure + self.dv_arrival


def _burns(spec: TransferSpec, v_inf_dep, v_inf_arr):
    if spec.origin in ephemeris.PLANETS:
        mu_o, radius_o = orbits.body_constants(spec.origin)
        dv_dep = orbits.hyperbolic_burn(v_inf_dep, radius_o + spec.parking_altitude_km, mu_o)
    else:  # leaving an asteroid (negligible gravity): the burn is the excess speed itself
        dv_dep = np.asarray(v_inf_dep, dtype=float).copy()
    if spec.target not in ephemeris.PLANETS:  # an asteroid: rendezvous, match its velocity
        dv_arr = np.asarray(v_inf_arr, dtype=float).copy()
    elif spec.capture_periapsis_altitude_km is None:
        dv_arr = np.zeros_like(v_inf_arr)
    else:
        mu_t, radius_t = orbits.body_constants(spec.target)
        apo = spec.capture_apoapsis_altitude_km
        dv_arr = orbits.hyperbolic_burn(
            v_inf_arr, radius_t + spec.capture_periapsis_altitude_km, mu_t, None if apo is None else radius_t + apo
        )
    return dv_dep, dv_arr


def _cache_path(spec: TransferSpec, departure_jd, arrival_jd):
    """A file named by everything the grid depends on: request, bodies' data, library versions."""
    bodies = {b: ephemeris.body_data(b, spec.elements(b)) for b in (spec.origin, spec.target)}
    digest = hashlib.sha256(
        json.dumps([GRID_FORMAT_VERSION, spec.key(), bodies, list(map(float, departure_jd)), list(map(float, arrival_jd)),
                    {p: version(p) for p in ("boinor", "jplephem", "de421")},
                    orbits.LAMBERT_NUMITER, orbits.LAMBERT_RTOL, orbits.SINGULAR_HALF_WIDTH_DEG], sort_keys=True).encode()
    ).hexdigest()[:32]
    return orbits.cache_dir() / "porkchop" / f"{digest}.npz"


def compute_grid(spec: TransferSpec, departure_jd, arrival_jd, use_cache: bool = True) -> PorkchopGrid:
    """The porkchop grid of ``spec`` over the given Julian dates (TDB)."""
    departure_jd = np.asarray(departure_jd, dtype=float)
    arrival_jd = np.asarray(arrival_jd, dtype=float)
    path = _cache_path(spec, departure_jd, arrival_jd)
    if use_cache and is_regular_file(path):  # a FIFO or device planted in the cache is never read
        try:
            with np.load(path) as data:
                return PorkchopGrid(spec, departure_jd, arrival_jd, *(data[k] for k in ("c3", "vinf", "dvd", "dva", "kind")))
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
            pass  # an empty or damaged cache file is a miss: computed again and replaced
    r_dep, v_dep = ephemeris.state(spec.origin, departure_jd, spec.elements(spec.origin))
    r_arr, v_arr = ephemeris.state(spec.target, arrival_jd, spec.elements(spec.target))
    tof_s = (arrival_jd[None, :] - departure_jd[:, None]) * ephemeris.SECONDS_PER_DAY
    mu_sun, _ = orbits.body_constants("sun")
    v_inf_dep, v_inf_arr, kind = orbits.lambert_grid(r_dep, v_dep, r_arr, v_arr, tof_s, mu_sun)
    dv_dep, dv_arr = _burns(spec, v_inf_dep, v_inf_arr)
    grid = PorkchopGrid(spec, departure_jd, arrival_jd, v_inf_dep**2, v_inf_arr, dv_dep, dv_arr, kind)
    if use_cache:
        try:  # a cache that cannot be written is only slower, never an error
            def save(tmp: Path):
                with open(tmp, "wb") as fh:  # a file object: np.savez adds ".npz" to a path that lacks it
                    np.savez(fh, c3=grid.c3, vinf=grid.v_inf_arrival, dvd=grid.dv_departure, dva=grid.dv_arrival, kind=kind)

            atomic_write(path, save)
        except (OSError, TradesError):
            pass
    return grid


def single_transfer(spec: TransferSpec, departure_jd: float, tof_days: float) -> dict:
    """One transfer: C3, arrival v-infinity, burns, transfer angle and type, from single Lambert
    solutions. Type 0 marks a transfer within :data:`orbits.SINGULAR_HALF_WIDTH_DEG` of 180 deg,
    which no search offers."""
    r1, v1p = (a.reshape(3) for a in ephemeris.state(spec.origin, float(departure_jd), spec.elements(spec.origin)))
    r2, v2p = (a.reshape(3) for a in ephemeris.state(spec.target, float(departure_jd + tof_days), spec.elements(spec.target)))
    mu_sun, _ = orbits.body_constants("sun")
    v1, v2 = orbits.lambert(r1, r2, tof_days * ephemeris.SECONDS_PER_DAY, mu_sun)
    v_inf_dep = float(np.linalg.norm(v1 - v1p))
    v_inf_arr = float(np.linalg.norm(v2 - v2p))
    dv_dep, dv_arr = _burns(spec, np.array(v_inf_dep), np.array(v_inf_arr))
    angle = orbits.transfer_angle_deg(r1, r2)
    return {
        "type": 0 if orbits.near_singular(angle) else (1 if angle < 180.0 else 2),
        "transfer_angle_deg": angle,
        "departure_jd": float(departure_jd),
        "tof_days": float(tof_days),
        "c3_km2_s2": v_inf_dep**2,
        "v_inf_arrival_km_s": v_inf_arr,
        "dv_departure_km_s": float(dv_dep),
        "dv_arrival_km_s": float(dv_arr),
        "dv_total_km_s": float(dv_dep + dv_arr),
    }


def find_windows(
    spec: TransferSpec,
    year: int,
    tof_range_days: tuple[float, float] = (80.0, 500.0),
    step_days: float = 2.0,
) -> list[dict]:
    """Minimum-C3 and minimum-total-delta-v transfers per type for departures in ``year``.

    Returns a list of records (type, objective, dates, C3, v-infinity, burns, time of flight),
    each refined off the grid; an empty list when no transfer of a type exists in the grid.
    ``at_year_edge`` marks a least value found within two grid steps of the year's first or last
    day: the slope continues into the neighbouring year, so it is not a window of this year.
    ``on_ridge_edge`` marks one on the edge of the excluded neighbourhood of 180 deg
    (:data:`orbits.SINGULAR_HALF_WIDTH_DEG`): its figures move with that width.
    """
    start, end = ephemeris.to_jd(f"{year}-01-01"), ephemeris.to_jd(f"{year + 1}-01-01")
    departures = np.arange(start, end, step_days)
    arrivals = np.arange(start + tof_range_days[0], end + tof_range_days[1], step_days)
    grid = compute_grid(spec, departures, arrivals)
    tof = grid.tof_days
    inside = (tof >= tof_range_days[0]) & (tof <= tof_range_days[1])
    found = []
    for kind in (1, 2):
        for objective, values, key in (("min_c3", grid.c3, "c3_km2_s2"), ("min_dv", grid.dv_total, "dv_total_km_s")):
            masked = np.where(inside & (grid.transfer_type == kind) & np.isfinite(values)
                              & (grid.departure_jd[:, None] < end), values, np.inf)
            if not np.isfinite(masked).any():
                continue
            i, j = np.unravel_index(np.argmin(masked), masked.shape)
            record = _refine(spec, departures[i], tof[i, j], key, kind, step_days,
                             lambda d, t: start <= d < end and tof_range_days[0] <= t <= tof_range_days[1])
            edge = min(record["departure_jd"] - start, end - record["departure_jd"]) <= 2 * step_days
            ridge = abs(abs(record["transfer_angle_deg"] - 180.0) - orbits.SINGULAR_HALF_WIDTH_DEG) < 0.01
            record.update(objective=objective, at_year_edge=bool(edge), on_ridge_edge=bool(ridge), departure=f"{ephemeris.to_date(record['departure_jd']):%Y-%m-%d}",
                          arrival=f"{ephemeris.to_date(record['departure_jd'] + record['tof_days']):%Y-%m-%d}")
            found.append(record)
    return found


def _refine(spec: TransferSpec, departure_jd: float, tof_days: float, key: str, kind: int, step_days: float, inside,
            admissible=None) -> dict:
    """Nelder-Mead on the continuous departure date and flight time from a grid cell, minimizing
    ``key`` among transfers of type ``kind`` that satisfy ``inside(departure_jd, tof_days)`` (and,
    given, ``admissible(transfer)``)."""
    from scipy.optimize import minimize

    def cost(x):
        if not inside(x[0], x[1]):
            return 1e9
        result = single_transfer(spec, x[0], x[1])
        return result[key] if result["type"] == kind and (admissible is None or admissible(result)) else 1e9

    best = minimize(cost, [departure_jd, tof_days], method="Nelder-Mead",
                    options={"xatol": 1e-3, "fatol": 1e-7, "initial_simplex": [
                        [departure_jd, tof_days], [departure_jd + step_days, tof_days], [departure_jd, tof_days + step_days]]})
    return single_transfer(spec, *best.x)


def _return_grid(spec: TransferSpec, earliest_departure_jd: float, latest_arrival_jd: float, min_tof_days: float, step_days: float):
    """The grid of returns leaving from ``earliest_departure_jd`` and arriving by ``latest_arrival_jd``,
    its departure dates and the cells that are transfers of at least ``min_tof_days`` (None: no date fits)."""
    departures = np.arange(earliest_departure_jd, latest_arrival_jd - min_tof_days, step_days)
    if departures.size == 0:
        return None
    arrivals = np.arange(earliest_departure_jd + min_tof_days, latest_arrival_jd + 1e-9, step_days)
    grid = compute_grid(spec, departures, arrivals)
    fits = (grid.tof_days >= min_tof_days) & np.isfinite(grid.dv_departure) & np.isfinite(grid.v_inf_arrival)
    return grid, departures, fits


def return_leg(spec: TransferSpec, earliest_departure_jd: float, latest_arrival_jd: float,
               min_tof_days: float = 20.0, step_days: float = 2.0, max_v_inf_arrival_km_s: float | None = None) -> dict | None:
    """The least-delta-v transfer from ``spec.origin`` (an asteroid) back to Earth that leaves no
    earlier than ``earliest_departure_jd`` and arrives by ``latest_arrival_jd`` (and, given
    ``max_v_inf_arrival_km_s``, arrives no faster: a capsule's entry rating): a grid over
    departure and arrival dates, refined like :func:`find_windows`. None if no transfer fits.
    ``min_tof_days`` keeps the search off the singular zero-length transfers."""
    found = _return_grid(spec, earliest_departure_jd, latest_arrival_jd, min_tof_days, step_days)
    if found is None:
        return None
    grid, departures, fits = found
    limit = np.inf if max_v_inf_arrival_km_s is None else max_v_inf_arrival_km_s
    masked = np.where(fits & (grid.v_inf_arrival <= limit), grid.dv_departure, np.inf)
    if not np.isfinite(masked).any():
        return None
    i, j = np.unravel_index(np.argmin(masked), masked.shape)
    record = _refine(spec, departures[i], grid.tof_days[i, j], "dv_departure_km_s", int(grid.transfer_type[i, j]), step_days,
                     lambda d, t: d >= earliest_departure_jd and t >= min_tof_days and d + t <= latest_arrival_jd,
                     None if max_v_inf_arrival_km_s is None else (lambda r: r["v_inf_arrival_km_s"] <= limit))
    record.update(departure=f"{ephemeris.to_date(record['departure_jd']):%Y-%m-%d}",
                  arrival=f"{ephemeris.to_date(record['departure_jd'] + record['tof_days']):%Y-%m-%d}")
    return record


def least_return_v_inf(spec: TransferSpec, earliest_departure_jd: float, latest_arrival_jd: float,
                       min_tof_days: float = 20.0, step_days: float = 2.0) -> float | None:
    """The least arrival v-infinity [km/s] at Earth among the returns :func:`return_leg` searches
    (grid cells, not refined); None if no transfer fits the dates."""
    found = _return_grid(spec, earliest_departure_jd, latest_arrival_jd, min_tof_days, step_days)
    if found is None or not found[2].any():
        return None
    grid, _, fits = found
    return float(np.min(np.where(fits, grid.v_inf_arrival, np.inf)))


@dataclass
class WindowTable:
    """Burns over departure date x time of flight around one transfer, all of one type."""

    departure_jd: np.ndarray
    tof_days: np.ndarray
    dv_departure: np.ndarray  # (n_dep, n_tof) km/s
    dv_arrival: np.ndarray
    departure_span_days: float
    tof_span_days: float


def window_table(spec: TransferSpec, best: dict, departure_span_days: float, tof_span_days: float,
                 step_days: float = 2.0, min_span_days: float = 4.0) -> WindowTable:
    """The table a model interpolates: departures and flight times around ``best``.

    Computed on one (departure x arrival) grid whose arrival dates are every departure plus every
    flight time (a common step makes them one uniform axis), then re-indexed to (departure, time
    of flight). The spans are halved until every cell is a transfer of ``best``'s type, so the
    table never straddles the 180-degree ridge between types; ValueError if even
    ``min_span_days`` does not.
    """
    dep_span, tof_span = float(departure_span_days), float(tof_span_days)
    while True:
        n_dep, n_tof = int(round(dep_span / step_days)), int(round(tof_span / step_days))
        dep = best["departure_jd"] + step_days * np.arange(-n_dep, n_dep + 1)
        tof = best["tof_days"] + step_days * np.arange(-n_tof, n_tof + 1)
        arr = dep[0] + tof[0] + step_days * np.arange(dep.size + tof.size - 1)
        grid = compute_grid(spec, dep, arr)
        rows = np.arange(dep.size)[:, None]
        cols = rows + np.arange(tof.size)[None, :]  # arrival index of departure i after tof j
        kind = grid.transfer_type[rows, cols]
        dv_dep, dv_arr = grid.dv_departure[rows, cols], grid.dv_arrival[rows, cols]
        if np.all(kind == best["type"]) and np.isfinite(dv_dep).all() and np.isfinite(dv_arr).all():
            return WindowTable(dep, tof, dv_dep, dv_arr, step_days * n_dep, step_days * n_tof)
        if dep_span <= min_span_days and tof_span <= min_span_days:
            raise ValueError(
                f"the transfers within {min_span_days:g} days of {best['departure']} are not all type {best['type']}"
            )
        dep_span, tof_span = max(dep_span / 2, min_span_days), max(tof_span / 2, min_span_days)

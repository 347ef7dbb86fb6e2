"""Porkchop grid: our compiled Izzo loop vs boinor's own porkchop targeting on the same dates.

Goal (issue 3): at least 30 times faster on a 200 x 200 Earth-Mars grid. Both sides are warmed up
first (numba compilation excluded). boinor's targeting reads planet states from astropy's
built-in ephemeris, ours from DE421, so the C3 agreement line measures the ephemeris difference
as well; the exact agreement of the two solvers on identical states is a test
(tests/trades/test_trajectories.py, 1e-9).
"""

from __future__ import annotations

import warnings

import numpy as np

from benchmarks.harness import Result, median_time


def run(quick: bool) -> list[Result]:
    from astropy import units as u
    from astropy.time import Time
    from boinor.bodies import Earth, Mars
    from boinor.plotting.porkchop import targetting_vec

    from trades.astro import ephemeris
    from trades.astro.porkchop import TransferSpec, compute_grid

    n = 20 if quick else 200
    step = 365.0 / n
    dep_days = np.arange(n) * step
    arr_days = 150.0 + np.arange(n) * 2.5 * step
    start = "2033-01-01"
    jd0 = ephemeris.to_jd(start)
    spec = TransferSpec()

    def ours():
        return compute_grid(spec, jd0 + dep_days, jd0 + arr_days, use_cache=False)

    t0 = Time(start, scale="tdb")
    dep = t0 + dep_days * u.day
    arr = t0 + arr_days * u.day

    def baseline():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return targetting_vec(Earth, Mars, dep[:, np.newaxis], arr[np.newaxis, :])

    ours()  # warm-up both sides: numba compilation is not what is measured
    small = t0 + np.arange(2) * u.day
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        targetting_vec(Earth, Mars, small[:, np.newaxis], (small + 200 * u.day)[np.newaxis, :])
    ours_s, grid = median_time(ours, 5)
    base_s, base = median_time(baseline, 3 if quick else 1)
    c3_boinor = np.asarray(base[2], dtype=float)
    both = np.isfinite(grid.c3) & np.isfinite(c3_boinor) & (grid.transfer_type > 0)
    rel = np.abs(grid.c3[both] - c3_boinor[both]) / c3_boinor[both]
    note = (f"{n}x{n} cells; C3 vs boinor (astropy built-in ephemeris): median rel. diff "
            f"{np.median(rel):.2%}, 95th pct {np.percentile(rel, 95):.2%}")
    return [Result(f"porkchop {n}x{n} Earth-Mars", ours_s, base_s, "boinor targetting_vec", ">= 30x", note)]

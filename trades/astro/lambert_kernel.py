"""The porkchop grid's compiled loop: boinor's Izzo solver for every cell, in one numba function.

At module level (not built inside a function) so that numba can cache its machine code on disk:
:func:`trades.astro.orbits.compiled_on_disk` points numba's cache at the toolkit's cache folder
and enables it here before the first call.
"""

from __future__ import annotations

import numpy as np
from boinor.core.iod import izzo
from numba import njit


@njit
def kernel(k, r_dep, v_dep, r_arr, v_arr, tof_s, numiter, rtol, ridge_sine):
    n_dep, n_arr = tof_s.shape
    v_inf_dep = np.full((n_dep, n_arr), np.nan)
    v_inf_arr = np.full((n_dep, n_arr), np.nan)
    kind = np.zeros((n_dep, n_arr), dtype=np.int8)
    for i in range(n_dep):
        r1 = np.ascontiguousarray(r_dep[:, i])
        for j in range(n_arr):
            tof = tof_s[i, j]
            if not tof > 0.0:
                continue
            r2 = np.ascontiguousarray(r_arr[:, j])
            cz = r1[0] * r2[1] - r1[1] * r2[0]
            cx = r1[1] * r2[2] - r1[2] * r2[1]
            cy = r1[2] * r2[0] - r1[0] * r2[2]
            chord_sine = np.sqrt(cx * cx + cy * cy + cz * cz) / (np.linalg.norm(r1) * np.linalg.norm(r2))
            if chord_sine < 1e-10:  # collinear: Lambert's problem has no unique plane
                continue
            if chord_sine < ridge_sine and r1[0] * r2[0] + r1[1] * r2[1] + r1[2] * r2[2] < 0.0:
                continue  # near 180 deg: the plane is ill-defined (orbits.SINGULAR_HALF_WIDTH_DEG)
            try:
                v1, v2 = izzo(k, r1, r2, tof, 0, True, True, numiter, rtol)
            except Exception:  # noqa: BLE001 - a cell the solver cannot converge stays NaN
                continue
            v_inf_dep[i, j] = np.linalg.norm(v1 - v_dep[:, i])
            v_inf_arr[i, j] = np.linalg.norm(v2 - v_arr[:, j])
            kind[i, j] = 1 if cz >= 0.0 else 2  # prograde sweep under 180 deg: type I
    return v_inf_dep, v_inf_arr, kind

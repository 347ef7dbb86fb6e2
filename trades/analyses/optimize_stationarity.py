"""Whether a start the optimizer reports converged is a stationary point in the study's design
variables: a first-order check of the driver's answer (issue 19 item 3: a coalition's cost must
be an optimum).

SciPy's SLSQP (1.17) can report "Optimization terminated successfully" after one function
evaluation at its starting point when that point is a degenerate vertex: every item wholly with
one provider and several providers of exactly the same cost (partners of the same cost factor),
so that the equality constraints on the shares and the bounds at zero leave its least-squares
subproblem degenerate. Measured on the ILRS study's coalitions (studies/ilrs_lunar_station_many_partners.yaml):
every coalition of six members with CNSA and Roscosmos stopped at the study's water closure (its
upper bound) though the cost falls by 320 MUSD towards the lower bound; breaking the tie by one
part in ten million, or a seventh provider, lets the same subproblem step. The check below finds
such a stop: a design variable along which the objective still falls with no bound and no active
constraint in the way (the first-order conditions fail along that coordinate), and the start is
then counted as not converged, so that the interior starts (:func:`trades.analyses.optimize_starts.starting_points`)
run.
"""

from __future__ import annotations

import numpy as np

#: slope of the scaled objective (near one at the study's design) per scaled design variable
#: below which a coordinate is taken as flat; SLSQP's own tolerance on the objective is 1e-9
SLOPE_TOLERANCE = 1e-6
#: how near its bound (scaled) a design variable or a constraint counts as at it
ACTIVE_TOLERANCE = 1e-6


def descent_left(prob, names: list[str], objective: str) -> str | None:
    """The first design variable of ``names`` (driver names) along which the scaled objective
    still decreases at the problem's current point without leaving its bounds or crossing an
    active constraint to first order, worded with its slope; None when there is none (the
    point is stationary along every one of them)."""
    driver = prob.driver
    names = [n for n in names if n in driver._designvars]
    if not names:
        return None
    values = driver.get_design_var_values(driver_scaling=True)
    cons = driver.get_constraint_values(driver_scaling=True)
    # the problem's own totals: the driver's cached Jacobian (its design variables and responses) stays as it is
    totals = prob.compute_totals(of=[objective, *cons], wrt=names, return_format="dict", driver_scaling=True)
    for name in names:
        meta = driver._designvars[name]
        x = float(np.ravel(values[name])[0])
        slope = float(np.ravel(totals[objective][name])[0])
        if abs(slope) <= SLOPE_TOLERANCE:
            continue
        step = -np.sign(slope)  # the way down
        lower, upper = (float(np.ravel(_scaled(meta, meta[b]))[0]) for b in ("lower", "upper"))
        if (step < 0 and x <= lower + ACTIVE_TOLERANCE * max(1.0, abs(lower))) or (step > 0 and x >= upper - ACTIVE_TOLERANCE * max(1.0, abs(upper))):
            continue
        if all(_allows(driver._cons[c], np.ravel(cons[c]), np.ravel(totals[c][name]) * step) for c in cons):
            return f"{name}: the objective still falls along it (scaled slope {slope:.3g}) with no bound or active constraint in the way"
    return None


def _allows(meta: dict, value: np.ndarray, change: np.ndarray) -> bool:
    """Whether moving a constraint's value by ``change`` (per unit step) keeps each row that is at
    its bound within it, to first order."""
    if meta.get("equals") is not None:  # (the bounds in the driver's metadata are in model units; the values driver-scaled)
        return bool(np.all(np.abs(change) <= SLOPE_TOLERANCE))
    ok = np.ones(value.shape, dtype=bool)
    upper, lower = (None if meta.get(b) is None else _scaled(meta, meta[b]) for b in ("upper", "lower"))
    if upper is not None and np.all(np.abs(np.asarray(meta["upper"], dtype=float)) < 1e29):
        at = value >= np.asarray(upper, dtype=float) - ACTIVE_TOLERANCE * np.maximum(1.0, np.abs(upper))
        ok &= ~at | (change <= SLOPE_TOLERANCE)
    if lower is not None and np.all(np.abs(np.asarray(meta["lower"], dtype=float)) < 1e29):
        at = value <= np.asarray(lower, dtype=float) + ACTIVE_TOLERANCE * np.maximum(1.0, np.abs(lower))
        ok &= ~at | (change >= -SLOPE_TOLERANCE)
    return bool(np.all(ok))


def _scaled(meta: dict, bound) -> np.ndarray:
    """A bound of the driver's metadata (model units) in the driver's scaling, as its values are."""
    adder = meta.get("total_adder")
    scaler = meta.get("total_scaler")
    return (np.asarray(bound, dtype=float) + (0.0 if adder is None else adder)) * (1.0 if scaler is None else scaler)

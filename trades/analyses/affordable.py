"""Fair shares partners can afford (issue 19 item 2): the least core and the nucleolus of a cost
game restricted to allocations within every partner's budget, and, when the budgets forbid the
fairest allocations, which budgets and by how much.

An allocation ``x`` of the grand coalition's cost ``c(N)`` is *affordable* when ``x_i <= B_i`` for
every partner with a budget ``B_i`` (a partner without one is unbounded). Restricted to affordable
allocations:

- the affordable least core: the least ``eps`` with ``x(S) <= c(S) + eps`` for every proper
  coalition ``S``, ``x(N) = c(N)``, ``x_i <= B_i``; it exists exactly when the budgets cover
  ``c(N)`` (some partner unbounded, or ``sum B_i >= c(N)``);
- the affordable nucleolus: the nucleolus (Schmeidler 1969) over that set, by the sequential LP
  method of Maschler, Peleg and Shapley (1979) with the budgets as hard bounds;
- the budget raises: the least total raise ``sum r_i`` of the budgets that makes some allocation
  at the unrestricted least core's level ``eps*`` affordable (``x_i <= B_i + r_i``); zero when the
  budgets do not stand between the partners and the fairest allocations.

Every LP is solved by scipy's HiGHS (``linprog(method="highs")``).
"""

from __future__ import annotations

import math
from typing import Sequence

import numpy as np
from scipy.optimize import linprog

from trades.analyses.games import TOLERANCE, _cost, _incidence, coalitions, least_core


def _bounds(players: Sequence[str], budgets: dict[str, float | None]) -> list[tuple]:
    return [(None, budgets.get(p)) for p in players]


def affordable_least_core(players: Sequence[str], game: dict, budgets: dict[str, float | None]) -> tuple[float, np.ndarray] | None:
    """``(eps, x)``: the least core restricted to ``x_i <= budgets[i]`` (None: a budget-less
    partner), or None when no allocation is affordable (the budgets sum to less than ``c(N)``)."""
    n = len(players)
    proper = [s for s in coalitions(players) if len(s) < n]
    a = _incidence(players, proper)
    res = linprog(np.r_[np.zeros(n), 1.0], A_ub=np.hstack([a, -np.ones((len(proper), 1))]), b_ub=[_cost(game, s) for s in proper],
                  A_eq=np.r_[np.ones(n), 0.0][None, :], b_eq=[_cost(game, frozenset(players))],
                  bounds=_bounds(players, budgets) + [(None, None)], method="highs")
    if res.status == 2:
        return None
    if res.status != 0:
        raise RuntimeError(f"affordable least-core LP failed: {res.message}")
    return float(res.x[-1]), res.x[:n]


def affordable_nucleolus(players: Sequence[str], game: dict, budgets: dict[str, float | None]) -> dict[str, float] | None:
    """The nucleolus over the allocations within every budget (None when none is affordable).

    Each round minimizes the largest excess of the coalitions not yet fixed, keeping the fixed
    ones at their levels and every ``x_i <= B_i``; a coalition is fixed when no allocation at the
    round's level lowers its excess. The rounds stop when the remaining set is one point (each
    ``x_i``'s least and greatest value over it agree)."""
    n = len(players)
    grand = frozenset(players)
    scale = max(abs(_cost(game, grand)), 1.0)
    bounds = _bounds(players, budgets) + [(None, None)]
    a_eq, b_eq = np.r_[np.ones(n), 0.0][None, :], [_cost(game, grand)]
    free = [s for s in coalitions(players) if len(s) < n]
    fixed_rows, fixed_rhs = np.zeros((0, n + 1)), np.zeros(0)
    x = None
    for _ in range(len(free) + 1):
        if not free:
            break
        a_free = np.hstack([_incidence(players, free), -np.ones((len(free), 1))])
        c_free = np.array([_cost(game, s) for s in free])
        a_ub, b_ub = np.vstack([a_free, fixed_rows]), np.r_[c_free, fixed_rhs]
        res = linprog(np.r_[np.zeros(n), 1.0], A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
        if res.status == 2:
            return None
        if res.status != 0:
            raise RuntimeError(f"affordable nucleolus LP failed: {res.message}")
        eps, x = float(res.x[-1]), res.x
        level = (np.vstack([a_eq, np.r_[np.zeros(n), 1.0]]), np.r_[b_eq, eps])
        newly = []
        for s, row, cs in zip(free, a_free, c_free):
            if row[:n] @ x[:n] - cs < eps - TOLERANCE * scale:
                continue
            low = linprog(np.r_[row[:n], 0.0], A_ub=a_ub, b_ub=b_ub, A_eq=level[0], b_eq=level[1], bounds=bounds, method="highs")
            if low.status == 0 and low.fun - cs >= eps - TOLERANCE * scale:
                newly.append(s)
        if not newly:  # numerically degenerate: fix the tightest one to make progress
            newly = [free[int(np.argmax(a_free[:, :n] @ x[:n] - c_free))]]
        fixed_rows = np.vstack([fixed_rows, np.hstack([_incidence(players, newly), np.zeros((len(newly), 1))])])
        fixed_rhs = np.r_[fixed_rhs, [_cost(game, s) + eps for s in newly]]
        free = [s for s in free if s not in newly]
        if _single_point(n, fixed_rows, fixed_rhs, a_eq, b_eq, bounds, scale):
            break
    return dict(zip(players, map(float, x[:n])))


def _single_point(n, rows, rhs, a_eq, b_eq, bounds, scale) -> bool:
    """Whether the allocations meeting the fixed coalitions' levels and the budgets are one point."""
    for i in range(n):
        spread = []
        for sign in (1.0, -1.0):
            c = np.zeros(n + 1)
            c[i] = sign
            res = linprog(c, A_ub=rows, b_ub=rhs, A_eq=a_eq, b_eq=b_eq, bounds=bounds[:n] + [(0.0, 0.0)], method="highs")
            if res.status != 0:
                return False
            spread.append(sign * res.fun)
        if spread[1] - spread[0] > TOLERANCE * scale:
            return False
    return True


def budget_raises(players: Sequence[str], game: dict, budgets: dict[str, float | None]) -> dict:
    """Which budgets stand between the partners and the fairest allocations, and by how much.

    ``eps*`` is the unrestricted least core's level; the raises ``r`` minimize ``sum r_i`` subject
    to ``x(S) <= c(S) + eps*``, ``x(N) = c(N)``, ``x_i <= B_i + r_i``, ``r_i >= 0``. Returns the
    level, each budgeted partner's raise (0 when its budget does not bind) and the shortfall of
    the budgets on ``c(N)`` (positive: no allocation at all is affordable)."""
    n = len(players)
    grand_cost = _cost(game, frozenset(players))
    eps_star, _ = least_core(players, game)
    proper = [s for s in coalitions(players) if len(s) < n]
    capped = [i for i, p in enumerate(players) if budgets.get(p) is not None]
    k = len(capped)
    # variables x (n), r (k)
    a_core = np.hstack([_incidence(players, proper), np.zeros((len(proper), k))])
    b_core = np.array([_cost(game, s) + eps_star for s in proper])
    a_budget = np.zeros((k, n + k))
    for j, i in enumerate(capped):
        a_budget[j, i], a_budget[j, n + j] = 1.0, -1.0
    b_budget = np.array([budgets[players[i]] for i in capped])
    res = linprog(np.r_[np.zeros(n), np.ones(k)], A_ub=np.vstack([a_core, a_budget]), b_ub=np.r_[b_core, b_budget],
                  A_eq=np.r_[np.ones(n), np.zeros(k)][None, :], b_eq=[grand_cost],
                  bounds=[(None, None)] * n + [(0.0, None)] * k, method="highs")
    if res.status != 0:
        raise RuntimeError(f"budget-raise LP failed: {res.message}")
    scale = max(abs(grand_cost), 1.0)
    raises = {players[i]: (float(res.x[n + j]) if res.x[n + j] > TOLERANCE * scale else 0.0) for j, i in enumerate(capped)}
    covered = math.inf if k < n else sum(b_budget)
    return {"target_epsilon_musd": eps_star, "raises_musd": raises,
            "shortfall_musd": float(max(grand_cost - covered, 0.0)) if math.isfinite(covered) else 0.0}

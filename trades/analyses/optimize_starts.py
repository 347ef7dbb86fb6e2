"""Where the optimizer starts and how it chooses among starts: the study's design with each
partner's providers graded, the cheapest-provider vertex when it settles the problem, and the
best feasible optimum of several starts."""

from __future__ import annotations

import contextlib
import io
import warnings

import numpy as np
import openmdao.api as om

from trades.models import variables as var
from trades.architecture.costing import providers_by_cost


def starting_points(plan) -> list[tuple[str, np.ndarray]]:
    """Where the optimizer starts (it keeps the best feasible optimum).

    The coordination overhead makes the problem non-convex. At a vertex (an item wholly with one
    partner) a capped partner's payment has zero slope in its own share, so a gradient method
    cannot see how to relieve the cap from there; at an equal split between partners of equal
    cost the overhead is at a stationary point (a saddle) that the method cannot leave either.
    So two interior starts: a graded split (weights 1/2, 1/4, ... by cost rank) and the cheapest
    provider keeping 80 % with the rest graded; plus two per barred pair. The optimizer stops
    early when two starts agree (feasible, same objective). The vertex (each item with its
    cheapest provider) is a start only where it is exact (:func:`cheapest_vertex`): as a third
    start it never improved on the interior ones, measured on the 255 coalitions of the 8-partner
    game (0 of 67 coalitions where the interior starts disagreed, 0 of 37 where both ended
    infeasible), on every study and on the integrated architecture, and took a quarter of the
    game's time (docs/performance.md). The result is the best local optimum found, not a proven
    global one.
    """
    cheapest = plan.initial_shares
    graded = _graded(plan, excluded=None)
    mixed = 0.8 * cheapest + 0.2 * np.where(cheapest > 0, 0.0, graded)
    mixed = mixed / mixed.sum(axis=1, keepdims=True)
    starts = [("graded split", graded), ("cheapest 80 %", mixed)]
    # a barred pair splits the feasible set into regions (one partner or the other on each item);
    # start once in each: graded splits without one partner of the pair
    for a, b in plan.barred_pairs:
        for left_out in (a, b):
            starts.append((f"graded split without {plan.partners[left_out]}", _graded(plan, excluded=left_out)))
    return starts


def cheapest_vertex(arch, prob: om.Problem) -> np.ndarray | None:
    """Each item wholly with its cheapest eligible provider, when that minimizes the cost over
    the shares whatever the design (else None).

    Item ``i`` costs ``k_i(s) b_i sum_p s_ip f_p + c m_i + q_i`` (built, launched, bought; see
    :class:`~models.partners.PartnerContributions`) when every partner launches at one price per
    kg ``c`` (the open market): its launch and purchases do not depend on who provides it, the
    overhead ``k_i = N_eff^alpha`` is at least one and is one at a vertex (``alpha >= 0``), and
    ``sum_p s_ip f_p >= min_p f_p``. So at any design the vertex of the least cost factors is
    the cheapest shares. Only when no rule on money or work shares can bind (no budget cap,
    share limit or return rule: a cap that binds once the design variables move makes other
    shares better, and other starts find them); barred pairs are met at any vertex. The inputs
    price and exponent are read from the problem (a sweep may have scaled them; scaling every
    partner's cost factor alike keeps their ranking)."""
    plan = arch.cost
    if (any(cap is not None for cap in plan.budget_cap) or any(plan.min_share > 0) or any(plan.max_share < 1)
            or plan.return_bounds is not None):
        return None
    prices = np.asarray(prob.get_val(var.LAUNCH_PRICE_PER_KG))
    if float(prob.get_val(var.COORDINATION_EXPONENT)[0]) < 0 or np.ptp(prices) > 0:
        return None
    return plan.initial_shares  # ranked by cost factor, then launch price (here one for all)


def _graded(plan, excluded: int | None) -> np.ndarray:
    shares = np.zeros_like(plan.initial_shares)
    for i in range(len(plan.items)):
        ranked = [j for j in providers_by_cost(plan, i) if j != excluded] or providers_by_cost(plan, i)
        weights = 0.5 ** np.arange(1, len(ranked) + 1)
        shares[i, ranked] = weights / weights.sum()
    return shares


def run_starts(prob: om.Problem, starts: list[tuple[str, dict]], objective: str, check, keep: list[str], agree_after: int = 0,
               on_start=None, stationary=None) -> list[dict]:
    """Run the driver from each start (label, values of variables by name) until two starts
    after the first ``agree_after`` converge, feasible, to the same objective; returns each
    attempt: label, objective, success, the rules it breaks (``check()``) and the values of the
    variables ``keep``. ``on_start(label)``, if given, is told of each start (a progress bar).
    ``stationary()``, if given, says why a start the driver reports converged is not a stationary
    point (:func:`trades.analyses.optimize_stationarity.descent_left`), or None: such a start
    counts as not converged (``success`` False, the reason in ``stalled``)."""
    attempts = []
    for label, values in starts:
        if on_start is not None:
            on_start(label)
        for name, value in values.items():
            prob.set_val(name, value)
        # SciPy's messages and OpenMDAO's warnings about constraints a start cannot move (a
        # partner's payments before anything it may provide is spent) go to a buffer: the
        # outcome of every start is reported in the result instead
        with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            prob.run_driver()
        success = bool(prob.driver.result.success)
        stalled = stationary() if success and stationary is not None else None
        attempts.append({
            "start": label, "objective": float(prob.get_val(objective)[0]), "success": success and stalled is None,
            "violations": check(), "state": {name: np.array(prob.get_val(name)) for name in keep},
            **({"stalled": stalled} if stalled else {}),
        })
        if _two_starts_agree(attempts[agree_after:]):  # the landscape gives one answer: further starts would repeat it
            break
    return attempts


#: two objectives closer than this (relative) are the same optimum
SAME_OPTIMUM_REL = 1e-7


def best_attempt(attempts: list[dict]) -> dict:
    """The feasible, converged start with the least objective (else the least bad); among starts
    whose objectives are the same optimum (:data:`SAME_OPTIMUM_REL`), the earliest start.

    Why the earliest: where the optimum has flat directions (operations that cost the same
    whoever runs them), two starts end at the same cost with different work splits, and which
    one is cheaper by 1e-13 flips with the last bits of floating point (measured: the flagship
    game's grand coalition gave NASA 99,824 or 97,183 MUSD of work, 3e-11 MUSD apart in cost,
    depending on whether the orbit cache was warm). The start order is fixed, so the split is too."""
    best = min(attempts, key=lambda a: (len(a["violations"]) > 0, not a["success"], a["objective"]))
    if best["violations"] or not best["success"]:
        return best
    return next(a for a in attempts if a["success"] and not a["violations"] and _same_optimum(a["objective"], best["objective"]))


def _same_optimum(a: float, b: float) -> bool:
    return abs(b - a) <= SAME_OPTIMUM_REL * max(abs(a), 1.0)


def _two_starts_agree(attempts: list[dict]) -> bool:
    """Whether two starts converged, feasible, to the same objective (:data:`SAME_OPTIMUM_REL`)."""
    good = sorted(a["objective"] for a in attempts if a["success"] and not a["violations"])
    return any(_same_optimum(a, b) for a, b in zip(good, good[1:]))

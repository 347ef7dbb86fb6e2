"""Choosing among the optimizer's starts (trades.analyses.optimize_starts.best_attempt)."""

from __future__ import annotations

from trades.analyses.optimize_starts import best_attempt


def _attempt(label, objective, success=True, violations=()):
    return {"start": label, "objective": objective, "success": success, "violations": list(violations)}


def test_equal_optima_go_to_the_earliest_start():
    """Two starts 3e-11 apart on a cost of 1.2e5 (the flagship game's grand coalition, measured) are one
    optimum: the earlier start wins whichever is cheaper in the last bits, so the work split is the same every run."""
    first, second = _attempt("graded split", 124485.63094587394), _attempt("cheapest 80 %", 124485.63094587391)
    assert best_attempt([first, second]) is first
    assert best_attempt([second, first]) is second


def test_a_cheaper_optimum_wins_beyond_the_tolerance():
    first, second = _attempt("graded split", 100.0), _attempt("cheapest 80 %", 100.0 - 1e-4)
    assert best_attempt([first, second]) is second


def test_feasible_converged_starts_come_before_cheaper_failed_ones():
    failed, infeasible, good = _attempt("a", 90.0, success=False), _attempt("b", 80.0, violations=["cap"]), _attempt("c", 100.0)
    assert best_attempt([failed, infeasible, good]) is good
    assert best_attempt([failed, infeasible]) is failed  # none feasible: the least bad, as before

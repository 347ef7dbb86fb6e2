"""``trades optimize``: minimize the study's objective over the work shares and the study's
design variables, subject to budget caps and the partnership rules, with a gradient-based
driver (SciPy SLSQP through OpenMDAO) and OpenMDAO's analytic total derivatives.
"""

from __future__ import annotations

import time
import weakref
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import openmdao.api as om

from trades.models import variables as var
from trades.architecture.checks import design_variable_bounds
from trades.analyses.optimize_rules import (
    OBJECTIVES, add_variables_rules_and_objective, binding, check_optimizable, configure, share_variables, violations,
)
from trades.analyses.evaluate import rechosen_for_flight_rates
from trades.analyses.optimize_starts import best_attempt, cheapest_vertex, run_starts, starting_points
from trades.analyses.optimize_stationarity import descent_left


def optimize(study, file: str, recorder_path: str | None = None, finite_difference: bool = False):
    """Resolve, build and optimize; returns ``(architecture, problem, result)``.

    ``result`` holds the objective before and after, the driver's iterations, model and
    derivative evaluations, wall time, success and message, the binding constraints and the
    violated ones (empty when feasible).
    """
    arch, prob = build_optimization(study, file, recorder_path, finite_difference)
    result = solve(arch, prob)
    if recorder_path is not None:
        prob.record("final")
        prob.cleanup()
    return arch, prob, result


def build_optimization(study, file: str, recorder_path: str | None = None, finite_difference: bool = False):
    """Resolve and build the study's optimization problem, run once at the study's design (the
    objective is scaled by its value there); returns ``(architecture, problem)``. The problem can
    be solved many times (:func:`solve`), e.g. by a sweep that changes inputs between solves, and
    aimed at another study of the same structure (:func:`reuse_optimization`)."""
    arch = resolve_for_optimization(study, file)
    prob = optimization_problem(arch, recorder_path, finite_difference)
    rechosen = rechosen_for_flight_rates(study, file, arch, prob)
    if rechosen is None:
        return arch, prob
    check_optimizable(rechosen)
    prob.cleanup()
    return rechosen, optimization_problem(rechosen, recorder_path, finite_difference)


def resolve_for_optimization(study, file: str):
    """The study's architecture, refused when it cannot be optimized (:func:`check_optimizable`)."""
    from trades.architecture.resolve import resolve

    arch = resolve(study, file)
    check_optimizable(arch)
    return arch


def optimization_problem(arch, recorder_path: str | None = None, finite_difference: bool = False) -> om.Problem:
    """The resolved architecture's optimization problem, built and run at the study's design."""
    from trades.architecture.assemble import build_problem

    def before_setup(prob):
        configure(prob, arch, finite_difference)
        if recorder_path is not None:  # every driver iteration, and the final design as a problem case
            recorder = om.SqliteRecorder(recorder_path)
            prob.driver.add_recorder(recorder)
            prob.add_recorder(recorder)
            prob.recording_options["includes"] = ["*"]
            prob.recording_options["record_inputs"] = True

    prob = build_problem(arch, None, before_setup=before_setup)
    _PREPARED[prob] = Prepared(
        evaluations=count_evaluations(prob),
        derivatives="finite differences (whole model)" if finite_difference else "analytic (OpenMDAO total derivatives)",
        reuse_key=reuse_key(arch),
    )
    _run_at_study_design(prob, arch)
    return prob


@dataclass
class Prepared:
    """What the optimizer keeps about a problem built by :func:`optimization_problem`."""

    evaluations: Callable[[], int]  # model runs so far
    derivatives: str  # how total derivatives are computed, as reported
    reuse_key: tuple  # :func:`reuse_key` of the architecture it was built for
    design: dict[str, np.ndarray] = field(default_factory=dict)  # design variables at the study's values


# by problem, without hanging attributes on OpenMDAO's object; gone with the problem
_PREPARED: "weakref.WeakKeyDictionary[om.Problem, Prepared]" = weakref.WeakKeyDictionary()


def reuse_key(arch) -> tuple:
    """What must be equal for a built problem to be aimed at another architecture: the model's
    structure (:func:`trades.architecture.assemble.structure_key`) and the names of the design variables,
    constraints and objective (OpenMDAO works out once, at its first final setup, which systems
    a driver run evaluates, from these names: a problem built without share variables, for one,
    would not evaluate the overhead when shares move)."""
    from trades.architecture.assemble import structure_key

    scratch = om.Group()
    add_variables_rules_and_objective(scratch, arch)
    return structure_key(arch), tuple(sorted(scratch._static_design_vars)), tuple(sorted(scratch._static_responses))


def reuse_optimization(prob: om.Problem, arch, key: tuple | None = None) -> om.Problem | None:
    """Aim a problem built by :func:`optimization_problem` at another resolved architecture with
    the same :func:`reuse_key` (``key`` when already computed; else None is returned): its
    design variables, rules, objective and inputs replace the problem's, and the driver takes
    them at a final setup, instead of a new OpenMDAO setup. For the coalitions of a game, which
    differ in who may provide what, at what cost and under which caps."""
    from trades.architecture.assemble import set_inputs

    if (key or reuse_key(arch)) != _PREPARED[prob].reuse_key:
        return None
    model = prob.model
    for variables in (model._design_vars, model._static_design_vars, model._responses, model._static_responses):
        variables.clear()  # OpenMDAO keeps what is added outside setup in the static dicts
    add_variables_rules_and_objective(model, arch)
    model._design_vars.update(model._static_design_vars)
    model._responses.update(model._static_responses)
    prob.final_setup()  # the driver takes the new variables and rules (and, in 'auto' mode,
    # OpenMDAO picks forward or reverse derivatives by their sizes at each computation)
    set_inputs(arch, prob)
    _run_at_study_design(prob, arch)
    return prob


def _run_at_study_design(prob: om.Problem, arch) -> None:
    """Run once at the study's design, scale the objective by its value there and keep the
    design variables' values (every start begins from them)."""
    prob.run_model()
    objective = OBJECTIVES[arch.study.objective.name]
    scale_by_initial_objective(prob, arch, objective, float(prob.get_val(objective)[0]))
    _PREPARED[prob].design = {dv.name: np.array(prob.get_val(dv.name)) for dv in arch.study.design_variables}


def solve(arch, prob) -> dict:
    """Optimize a built problem (:func:`build_optimization`) from each starting point, with the
    design variables at the study's values and every other input as currently set; leaves the
    best start's optimum in the problem and returns the result."""
    study = arch.study
    objective = OBJECTIVES[study.objective.name]
    prepared = _PREPARED[prob]
    for name, value in prepared.design.items():
        prob.set_val(name, value)
    prob.run_model()
    initial = float(prob.get_val(objective)[0])
    initial_violations = violations(arch, prob)  # the study's own design, before any start
    evaluations = prepared.evaluations
    runs_before = evaluations()
    start_time = time.perf_counter()
    has_design_variables = bool(share_variables(arch.cost)[0] or study.design_variables)
    # each start from the study's design
    starts = [(label, {var.SHARES: shares, **prepared.design}) for label, shares in starting_points(arch.cost)]
    check, keep = (lambda: violations(arch, prob)), [var.SHARES, *prepared.design]
    stationary = lambda: descent_left(prob, list(prepared.design), objective)  # noqa: E731 (a stop short of an optimum)
    attempts = []
    vertex = cheapest_vertex(arch, prob) if has_design_variables else None
    if vertex is not None:  # optimal in the shares whatever the design: one start settles it
        attempts = run_starts(prob, [("cheapest provider", {var.SHARES: vertex, **prepared.design})], objective, check, keep,
                              stationary=stationary)
        if attempts[0]["success"] and not attempts[0]["violations"]:
            starts = []
    attempts += run_starts(prob, starts if has_design_variables else [], objective, check, keep, stationary=stationary)
    wall = time.perf_counter() - start_time
    model_runs = evaluations() - runs_before
    if not attempts:  # nothing to choose (every item has one possible provider): the design as evaluated
        attempts.append({"start": "only design", "objective": float(prob.get_val(objective)[0]), "success": True,
                         "violations": violations(arch, prob), "state": {}})
    best = best_attempt(attempts)
    for name, value in best["state"].items():
        prob.set_val(name, value)
    prob.run_model()  # the reported state is the best start's optimum, evaluated once more
    return {
        "objective": study.objective.name,
        "objective_units": _objective_units(study.objective.name),
        "initial": initial,
        "initial_violations": initial_violations,
        "optimum": float(prob.get_val(objective)[0]),
        "success": best["success"],
        "starts": [{k: a[k] for k in ("start", "objective", "success", "stalled") if k in a} | {"feasible": not a["violations"]}
                   for a in attempts],
        "best_start": best["start"],
        "model_evaluations": model_runs,
        "wall_time_s": wall,
        "derivatives": prepared.derivatives,
        "design_variables": {dv.name: float(prob.get_val(dv.name, units=design_variable_bounds(dv)[2])[0]) for dv in study.design_variables},
        "binding_constraints": binding(arch, prob),
        "violations": violations(arch, prob),
    }


def scale_by_initial_objective(prob: om.Problem, arch, objective: str, initial: float) -> None:
    """Scale the objective (and the return-rule constraints, in the same money) by its value at
    the study's design, known only once the problem is built and run: the driver then works with
    numbers near one."""
    scale_objective(prob, objective, initial, [arch] if _objective_units(arch.study.objective.name) == "MUSD" else [])


def scale_objective(prob: om.Problem, objective: str, initial: float, money_rules: list, prefixes: list[str] | None = None) -> None:
    """Scale the objective by its value ``initial``, and the return-rule constraints of each
    architecture of ``money_rules`` (at its prefix in the model) in the same money, then take the
    new scales into the driver."""
    ref = abs(initial) if initial != 0 else 1.0
    prob.model.set_objective_options(objective, ref=ref, ref0=0.0)
    for arch, prefix in zip(money_rules, prefixes or [""] * len(money_rules)):
        if arch.cost.return_bounds is not None:
            for name in ("return_low", "return_high"):
                prob.model.set_constraint_options(f"{prefix}cost.partners.{name}", ref=ref, ref0=0.0)
    prob.final_setup()


def count_evaluations(prob: om.Problem):
    """A function returning how many times the model has been evaluated since this call,
    finite-difference steps included (counted at the partner-contributions component, which
    every objective depends on)."""
    component = prob.model.cost.partners.contributions
    compute = component.compute
    calls = [0]

    def counted(inputs, outputs):
        calls[0] += 1
        return compute(inputs, outputs)

    component.compute = counted
    return lambda: calls[0]


def _objective_units(name: str) -> str:
    return {"launch_mass": "kg", "life_cycle_cost": "MUSD", "npv_cost": "MUSD", "cost_per_crew_day": "MUSD/d"}[name]

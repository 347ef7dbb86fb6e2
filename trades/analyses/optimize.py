"""``trades optimize``: minimize the study's objective over the work shares and the study's
design variables, subject to budget caps and the partnership rules, with a gradient-based
driver (SciPy SLSQP through OpenMDAO) and OpenMDAO's analytic total derivatives.
"""

from __future__ import annotations

import contextlib
import io
import time
import warnings
import weakref
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import openmdao.api as om

from trades.models import variables as var
from trades.architecture.checks import design_variable_bounds
from trades.architecture.costing import providers_by_cost
from trades.errors import StudyErrors

OBJECTIVES = {
    "launch_mass": "campaign_launch_mass.campaign_launch_mass",
    "life_cycle_cost": var.PARTNER_LIFE_CYCLE_COST,
    "npv_cost": var.PRESENT_VALUE,
    "cost_per_crew_day": var.COST_PER_CREW_DAY,
}
FEASIBILITY_TOLERANCE = 1e-6  # relative, on caps and shares


def share_variables(plan) -> tuple[list[int], list[int]]:
    """Flat indices of the shares the optimizer moves (items with two or more eligible partners)
    and the indices of those items."""
    p = len(plan.partners)
    items = [i for i, item in enumerate(plan.items) if sum(item.eligible) > 1]
    flat = [i * p + j for i in items for j, ok in enumerate(plan.items[i].eligible) if ok]
    return flat, items


def configure(prob: om.Problem, arch, finite_difference: bool = False) -> None:
    """Driver, design variables, constraints and objective of the study (before setup); the
    objective's scale is set once the problem is built (:func:`scale_by_initial_objective`)."""
    add_driver(prob, finite_difference)
    prob.driver.recording_options["includes"] = ["cost.partners.*", var.PRESENT_VALUE]
    add_variables_rules_and_objective(prob.model, arch)


def add_variables_rules_and_objective(model: om.Group, arch) -> None:
    """The study's design variables, every rule (budget caps included) and its objective."""
    plan, n = arch.cost, len(arch.years)
    add_design_and_rules(model, arch)
    capped = [(j, cap) for j, cap in enumerate(plan.budget_cap) if cap is not None]
    if capped:
        indices = [j * n + y for j, _ in capped for y in range(n)]
        caps = np.array([cap for _, cap in capped for _ in range(n)])
        ref = max(float(caps.max()), 1.0)
        model.add_constraint(var.PAYS, upper=caps, indices=indices, flat_indices=True, ref=ref)
    if plan.pooled_cap is not None:  # a coalition's whole spending within its members' caps
        model.add_constraint(var.TOTAL_COST, upper=plan.pooled_cap, ref=max(plan.pooled_cap, 1.0))
    model.add_objective(OBJECTIVES[arch.study.objective.name])


def add_driver(prob: om.Problem, finite_difference: bool = False) -> None:
    """The gradient-based driver (SLSQP); whole-model finite differences only as a baseline."""
    driver = prob.driver = om.ScipyOptimizeDriver(optimizer="SLSQP", tol=1e-9, maxiter=300, disp=False)
    driver.options["debug_print"] = []
    if finite_difference:
        prob.model.approx_totals(method="fd")


def add_design_and_rules(model: om.Group, arch, prefix: str = "") -> None:
    """The architecture's design variables (its work shares and the study's own) and the
    partnership rules other than budget caps, on the architecture's model at ``prefix``."""
    study, plan = arch.study, arch.cost
    flat, items = share_variables(plan)
    if flat:
        model.add_design_var(f"{prefix}{var.SHARES}", lower=0.0, upper=1.0, indices=flat, flat_indices=True)
        model.add_constraint(f"{prefix}{var.SHARE_SUM}", equals=1.0, indices=items)
    for dv in study.design_variables:
        lower, upper, units = design_variable_bounds(dv)
        model.add_design_var(f"{prefix}{dv.name}", lower=lower, upper=upper, units=units, ref=max(abs(upper), 1e-3))
    if any(plan.min_share > 0) or any(plan.max_share < 1):
        model.add_constraint(f"{prefix}{var.WORK_SHARE}", lower=plan.min_share, upper=plan.max_share)
    if plan.return_bounds is not None:  # on the partners who pay: what a coalition buys, its members pay
        payers = [j for j, pid in enumerate(plan.partners) if pid not in study._vendors]
        model.add_constraint(f"{prefix}{var.RETURN_LOW}", lower=0.0, indices=payers)
        model.add_constraint(f"{prefix}{var.RETURN_HIGH}", upper=0.0, indices=payers)
    if plan.barred_pairs:
        model.add_constraint(f"{prefix}{var.BARRED_OVERLAP}", upper=0.0)


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


def run_starts(prob: om.Problem, starts: list[tuple[str, dict]], objective: str, check, keep: list[str], agree_after: int = 0) -> list[dict]:
    """Run the driver from each start (label, values of variables by name) until two starts
    after the first ``agree_after`` converge, feasible, to the same objective; returns each
    attempt: label, objective, success, the rules it breaks (``check()``) and the values of the
    variables ``keep``."""
    attempts = []
    for label, values in starts:
        for name, value in values.items():
            prob.set_val(name, value)
        # SciPy's messages and OpenMDAO's warnings about constraints a start cannot move (a
        # partner's payments before anything it may provide is spent) go to a buffer: the
        # outcome of every start is reported in the result instead
        with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            prob.run_driver()
        attempts.append({
            "start": label, "objective": float(prob.get_val(objective)[0]), "success": bool(prob.driver.result.success),
            "violations": check(), "state": {name: np.array(prob.get_val(name)) for name in keep},
        })
        if _two_starts_agree(attempts[agree_after:]):  # the landscape gives one answer: further starts would repeat it
            break
    return attempts


def best_attempt(attempts: list[dict]) -> dict:
    """The feasible, converged start with the least objective (else the least bad)."""
    return min(attempts, key=lambda a: (len(a["violations"]) > 0, not a["success"], a["objective"]))


def _two_starts_agree(attempts: list[dict]) -> bool:
    """Whether two starts converged, feasible, to the same objective (within 1e-7)."""
    good = sorted(a["objective"] for a in attempts if a["success"] and not a["violations"])
    return any(abs(b - a) <= 1e-7 * max(abs(a), 1.0) for a, b in zip(good, good[1:]))


def _capped_payments(plan, years, prob):
    """(who, year, payment, cap) for every partner with a budget cap and every year, and for a
    coalition's pooled caps (:attr:`~trades.architecture.costing.CostPlan.pooled_cap`)."""
    pays = prob.get_val(var.PAYS)
    for j, cap in enumerate(plan.budget_cap):
        if cap is not None:
            for y, year in enumerate(years):
                yield plan.partners[j], year, float(pays[j, y]), cap
    if plan.pooled_cap is not None:
        total = prob.get_val(var.TOTAL_COST)
        members = "+".join(pid for pid, cap in zip(plan.partners, plan.budget_cap) if cap is not None)
        for y, year in enumerate(years):
            yield f"the coalition ({members}, caps pooled)", year, float(total[y]), plan.pooled_cap


def check_optimizable(arch) -> None:
    """Refuse what cannot be optimized meaningfully: a cost objective without prices."""
    study, plan = arch.study, arch.cost
    crew_free = any(dv.name == "crew.rotations_per_year" for dv in study.design_variables)
    if study.objective.name == "cost_per_crew_day" and study.outpost.rotations_per_year == 0 and not crew_free:
        raise StudyErrors([study.error(("objective", "name"), "'cost_per_crew_day' needs crew: outpost.rotations_per_year is 0")])
    if study.objective.name != "launch_mass" and plan.missing_prices:
        raise StudyErrors([study.error(
            ("objective", "name"),
            f"'{study.objective.name}' needs launch prices, and the catalog has none for {', '.join(plan.missing_prices)}; "
            "add overrides.launch_vehicles.<id>.price {value, unit: MUSD, source} or choose priced vehicles",
        )])


def violations(arch, prob) -> list[str]:
    """Each rule the final design breaks, naming the constraint and by how much."""
    plan, years = arch.cost, arch.years
    found = []
    for partner, year, pay, cap in _capped_payments(plan, years, prob):
        if pay - cap > FEASIBILITY_TOLERANCE * max(cap, 1.0):
            found.append(f"budget cap of {partner} in {year}: pays {pay:,.0f} MUSD, cap {cap:,.0f}, over by {pay - cap:,.0f}")
    share = prob.get_val(var.WORK_SHARE)
    for j, pid in enumerate(plan.partners):
        if share[j] < plan.min_share[j] - FEASIBILITY_TOLERANCE:
            found.append(f"min_share of {pid}: work share {share[j]:.4f} below {plan.min_share[j]:.4f} by {plan.min_share[j] - share[j]:.4f}")
        if share[j] > plan.max_share[j] + FEASIBILITY_TOLERANCE:
            found.append(f"max_share of {pid}: work share {share[j]:.4f} above {plan.max_share[j]:.4f} by {share[j] - plan.max_share[j]:.4f}")
    if plan.return_bounds is not None:
        low, high = plan.return_bounds
        provided, paid = prob.get_val(var.PROVIDED_TOTAL), prob.get_val(var.PAID_TOTAL)
        for j, pid in enumerate(plan.partners):
            if pid in arch.study._vendors:  # a coalition's seller: paid by its members, the rule is theirs
                continue
            if paid[j] > 0:
                ratio = provided[j] / paid[j]
                if not low - 1e-4 <= ratio <= high + 1e-4:
                    found.append(f"return of {pid}: work/funding {ratio:.3f} outside [{low:g}, {high:g}]")
            elif provided[j] > FEASIBILITY_TOLERANCE * max(float(provided.sum()), 1.0):
                found.append(f"return of {pid}: provides {provided[j]:,.0f} MUSD of work and pays nothing (key 0)")
    sums = prob.get_val(var.SHARE_SUM)
    for i, item in enumerate(plan.items):
        if abs(sums[i] - 1.0) > 1e-4:
            found.append(f"shares of {item.name} sum to {sums[i]:.4f}, not 1")
    overlap = prob.get_val(var.BARRED_OVERLAP)
    k = len(plan.items)
    for m, (a, b) in enumerate(plan.barred_pairs):
        for i in range(k):
            if overlap[m * k + i] > 1e-4:
                found.append(f"barred pair {plan.partners[a]}/{plan.partners[b]} share {plan.items[i].name} "
                             f"({prob.get_val(var.SHARES)[i, a]:.3f} and {prob.get_val(var.SHARES)[i, b]:.3f})")
    return found


def binding(arch, prob) -> list[str]:
    """Constraints at their bound at the optimum (within 0.01 %)."""
    plan, years = arch.cost, arch.years
    found = []
    for partner, year, pay, cap in _capped_payments(plan, years, prob):
        if pay >= cap * (1 - 1e-4) and cap > 0:
            found.append(f"budget cap of {partner} in {year} ({cap:,.0f} MUSD)")
    for dv in arch.study.design_variables:
        lower, upper, units = design_variable_bounds(dv)
        value = float(prob.get_val(dv.name, units=units)[0])
        for bound, which in ((lower, "lower"), (upper, "upper")):
            if abs(value - bound) <= 1e-6 * max(1.0, abs(bound)):
                found.append(f"design variable {dv.name} at its {which} bound {bound:g} {units}")
    share = prob.get_val(var.WORK_SHARE)
    for j, pid in enumerate(plan.partners):
        if plan.min_share[j] > 0 and share[j] <= plan.min_share[j] + 1e-4:
            found.append(f"min_share of {pid} ({plan.min_share[j]:g})")
        if plan.max_share[j] < 1 and share[j] >= plan.max_share[j] - 1e-4:
            found.append(f"max_share of {pid} ({plan.max_share[j]:g})")
    return found


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
    return arch, optimization_problem(arch, recorder_path, finite_difference)


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
    evaluations = prepared.evaluations
    runs_before = evaluations()
    start_time = time.perf_counter()
    has_design_variables = bool(share_variables(arch.cost)[0] or study.design_variables)
    # each start from the study's design
    starts = [(label, {var.SHARES: shares, **prepared.design}) for label, shares in starting_points(arch.cost)]
    check, keep = (lambda: violations(arch, prob)), [var.SHARES, *prepared.design]
    attempts = []
    vertex = cheapest_vertex(arch, prob) if has_design_variables else None
    if vertex is not None:  # optimal in the shares whatever the design: one start settles it
        attempts = run_starts(prob, [("cheapest provider", {var.SHARES: vertex, **prepared.design})], objective, check, keep)
        if attempts[0]["success"] and not attempts[0]["violations"]:
            starts = []
    attempts += run_starts(prob, starts if has_design_variables else [], objective, check, keep)
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
        "optimum": float(prob.get_val(objective)[0]),
        "success": best["success"],
        "starts": [{k: a[k] for k in ("start", "objective", "success")} | {"feasible": not a["violations"]} for a in attempts],
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

"""What an optimization varies, obeys and minimizes: the work-share and design variables, the
budget caps and partnership rules as constraints, the objective, the driver; and, after a run,
which rules bind and which are broken (with their excess)."""

from __future__ import annotations


import numpy as np
import openmdao.api as om

from trades.models import variables as var
from trades.architecture.checks import design_variable_bounds
from trades.architecture.flight_rates import limited_flights, max_flights, year_ranges
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
    add_launch_rules(model, arch)
    model.add_objective(OBJECTIVES[arch.study.objective.name])


def add_launch_rules(model: om.Group, arch) -> None:
    """Each vehicle's flight-rate limit in every year (one vehicle flying both counts both) and a
    required probability that every launch succeeds."""
    for vehicle, path in limited_flights(arch):
        limit = max_flights(arch.catalog, vehicle)
        model.add_constraint(path, upper=limit, ref=limit)
    required = arch.study.launch.min_all_launches_succeed
    if required is not None:
        model.add_constraint(var.ALL_LAUNCHES_SUCCEED, lower=required, ref=required)


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
    found, over = [], {}
    for partner, year, pay, cap in _capped_payments(plan, years, prob):
        if pay - cap > FEASIBILITY_TOLERANCE * max(cap, 1.0):
            over.setdefault(partner, []).append((year, pay, cap))
    for partner, cases in over.items():  # one line a payer: the years, and the worst one
        year, pay, cap = max(cases, key=lambda c: c[1] - c[2])
        found.append(f"budget cap of {partner}: above it in {year_ranges([c[0] for c in cases])}; most in {year}: "
                     f"pays {pay:,.0f} MUSD, cap {cap:,.0f}, over by {pay - cap:,.0f}")
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
    for vehicle, path in limited_flights(arch):
        limit = max_flights(arch.catalog, vehicle)
        busy = [year for year, f in zip(years, prob.get_val(path)) if f >= limit * (1 - 1e-4)]
        if busy:
            found.append(f"flight rate of {vehicle} ({limit:g} a year) in {year_ranges(busy)}")
    share = prob.get_val(var.WORK_SHARE)
    for j, pid in enumerate(plan.partners):
        if plan.min_share[j] > 0 and share[j] <= plan.min_share[j] + 1e-4:
            found.append(f"min_share of {pid} ({plan.min_share[j]:g})")
        if plan.max_share[j] < 1 and share[j] >= plan.max_share[j] - 1e-4:
            found.append(f"max_share of {pid} ({plan.max_share[j]:g})")
    return found


def relief(broken: str) -> str:
    """Which change of the study would relax a broken rule (as :func:`violations`,
    :func:`trades.architecture.flight_rates.flight_rate_excess` and the launch-success check word it)."""
    words = broken.split()
    if broken.startswith("budget cap of the coalition"):
        return "the members' caps are pooled: raise them, or add a member"
    if broken.startswith("budget cap of "):
        partner = words[3].rstrip(":")
        return f"raise partners[{partner}].budget_cap_musd, or add a partner that can take over what {partner} provides"
    if broken.startswith(("min_share of ", "max_share of ")):
        return f"{'lower' if words[0] == 'min_share' else 'raise'} partners[{words[2].rstrip(':')}].{words[0]}"
    if broken.startswith("return of "):
        return "widen cost_sharing.return_min / return_max, or change the partners' keys"
    if broken.startswith("flight rate of ") and "refuelled crew lander" in broken:
        lander = broken.rsplit("refuelled crew lander ", 1)[1].split("'s")[0]
        return (f"fly fewer landings a year (outpost.rotations_per_year), or override elements.{lander}.launches_per_landing or "
                f"launch_vehicles.{words[3].rstrip(':')}.max_flights_per_year with its source")
    if broken.startswith("flight rate of "):
        vehicle = words[3].rstrip(":")
        return (f"name another vehicle in launch, add a partner that has one, or override "
                f"launch_vehicles.{vehicle}.max_flights_per_year with its source")
    if broken.startswith("launch.min_all_launches_succeed"):
        return "lower launch.min_all_launches_succeed, or fly fewer launches on more reliable vehicles"
    if broken.startswith("barred pair "):
        return "lift the bar, or let a third partner provide the item"
    return "see docs/model.md, Optimization"


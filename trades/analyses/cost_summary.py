"""The cost and partner figures of an evaluated (or optimized) problem, as JSON-able data and as
the text table the commands print."""

from __future__ import annotations

import io

import numpy as np

from trades.analyses.transport_costs import explain_transport, format_transport
from trades.models import variables as var
from trades.analyses.policy_outcomes import policy_summary
from trades.architecture.discounting import discount_rate


def summarize_cost(arch, prob) -> dict:
    """What the campaign costs each year, per item and per partner, and who uses the outpost."""
    plan = arch.cost
    val = lambda name: np.asarray(prob.get_val(name), dtype=float)  # noqa: E731
    years = arch.years
    shares = val(var.SHARES)
    built, bought, leo = val(var.BUILT), val(var.BOUGHT), val(var.LEO_MASS)
    overhead = val(var.OVERHEAD_FACTOR)
    factor, ppk = plan.cost_factor, np.nan_to_num(plan.launch_price_per_kg, nan=0.0)
    development, production = val(var.DEVELOPMENT), val(var.PRODUCTION_COST)
    wraps = val(var.WRAPS).reshape(len(plan.items), len(plan.wrap_names))
    operations = val(var.OPERATIONS_COST)
    provides, pays = val(var.PROVIDES), val(var.PAYS)
    provided, paid = provides.sum(axis=1), pays.sum(axis=1)
    lcc = float(val(var.PARTNER_LIFE_CYCLE_COST)[0])
    crew_days = val("crew.crew_days")
    sharing = arch.study.cost_sharing
    use_share = (np.asarray(plan.key) if sharing.crew_time == "key" else paid / (lcc if lcc > 0 else 1.0))
    launch_mass = val(var.PARTNER_LAUNCH_MASS)
    packing = arch.study.launch.packing_efficiency

    items = []
    for i, item in enumerate(plan.items):
        scale = float(shares[i] @ factor)  # what building it costs its providers per dollar of the relationships
        # development at a reported figure or a government programme's cost (a crew launcher's, the NTR engines'):
        # paid as quoted with the purchases (no cost factor, no overhead), shown as development
        reported_i = float(plan.fixed_development[i].sum()) if plan.fixed_development is not None else 0.0
        development_i = float(development[i]) * scale * overhead[i] + reported_i  # the phasing profile sums to one
        wraps_i = {name: float(wraps[i, w]) * scale * overhead[i] for w, name in enumerate(plan.wrap_names)}
        production_i = float(production[i].sum()) * scale  # the coordination overhead is a development penalty
        operations_i = float(operations.sum()) if item.name == "operations" else 0.0  # paid at its rate: no cost factor
        launch_i = float(np.sum(shares[i][:, None] * ppk[:, None] * leo[i][None, :]))
        bought_i = float(bought[i].sum()) - operations_i - reported_i  # the model pays operations with what is bought
        items.append({
            "item": item.name,
            "providers": {pid: float(shares[i, j]) for j, pid in enumerate(plan.partners) if shares[i, j] > 1e-6},
            "eligible": [pid for j, pid in enumerate(plan.partners) if item.eligible[j]],
            "coordination_overhead": float(overhead[i]),
            "development_musd": development_i,
            "development_reported_musd": reported_i,
            "wraps_musd": sum(wraps_i.values()),
            "wraps_by_kind_musd": wraps_i,
            "production_musd": production_i,
            "operations_musd": operations_i,
            "launch_musd": launch_i,
            "bought_musd": bought_i,
            "total_musd": development_i + sum(wraps_i.values()) + production_i + operations_i + launch_i + bought_i,
        })
    partners = []
    for j, pid in enumerate(plan.partners):
        vehicle = plan.launch_vehicle[j]
        launches = None
        if vehicle is not None:
            capacity = plan.payload_leo_kg[vehicle] * packing
            launches = [float(m / capacity) for m in launch_mass[j]]
        partners.append({
            "partner": pid,
            "budget_cap_musd": plan.budget_cap[j],
            "provides_musd": float(provided[j]),
            "pays_musd": float(paid[j]),
            "cash_musd": float(paid[j] - provided[j]),
            "work_share": float(provided[j] / lcc) if lcc > 0 else 0.0,
            "funding_share": float(paid[j] / lcc) if lcc > 0 else 0.0,
            "crew_time_share": float(use_share[j]),
            "crew_days": float(use_share[j] * crew_days.sum()),
            "launch_vehicle": vehicle,
            "launch_mass_kg": float(launch_mass[j].sum()),
            "elements": {it["item"]: it["providers"][pid] for it in items if it["providers"].get(pid, 0.0) > 1e-4},
            "pays_by_year_musd": [float(x) for x in pays[j]],
            "provides_by_year_musd": [float(x) for x in provides[j]],
            "launches_by_year": launches,
        })
    rate, rate_source, rate_verified, _ = discount_rate(arch.study, arch.catalog.entry("cost", "default"))
    return {
        "currency": f"MUSD {arch.study.campaign.dollar_base_year} (CPI-U)",
        "rule": sharing.rule,
        "launch_policy": arch.study.launch.policy,
        "life_cycle_cost_musd": lcc,
        "npv_musd": float(val(var.PRESENT_VALUE)[0]),
        "discount_rate": rate,
        "discount_rate_source": rate_source + (" (verified: false)" if rate_verified is False else ""),
        "present_value_year": arch.study.present_value_year,
        "campaign_start_year": arch.study.campaign.start_year,
        "wraps": dict(zip(plan.wrap_names, plan.wrap_fractions)),
        "cost_per_crew_day_musd": float(val(var.COST_PER_CREW_DAY)[0]) if crew_days.sum() > 0 else None,
        "total_by_year_musd": [float(x) for x in val(var.TOTAL_COST)],
        "launch_prices_complete": not plan.missing_prices,
        "missing_prices": plan.missing_prices,
        "items": items,
        "transport": explain_transport(arch, prob, items),
        "partners": partners,
        "years": list(years),
        **policy_summary(arch, prob),  # issue 20's instruments, when the study sets them
    }


def format_cost(cost: dict) -> str:
    """The cost tables: per item, per partner, and each partner's payments per year against its cap."""
    out = io.StringIO()
    p = lambda *a: print(*a, file=out)  # noqa: E731
    p(
        f"Cost [{cost['currency']}]: life-cycle {cost['life_cycle_cost_musd']:,.0f}, NPV at {cost['discount_rate']:.0%} "
        f"to {cost.get('present_value_year', cost.get('campaign_start_year'))} {cost['npv_musd']:,.0f}, per crew-day "
        + (f"{cost['cost_per_crew_day_musd']:,.2f}" if cost["cost_per_crew_day_musd"] is not None else "- (no crew)")
        + ("" if cost["launch_prices_complete"] else f"  (INCOMPLETE: no price for {', '.join(cost['missing_prices'])})")
    )
    if "cooperation" in cost:  # issue 20: standards or a transport policy
        c = cost["cooperation"]
        p(f"Mission success (every launch, model count, x every deployed element to the campaign's end): {c['mission_success_probability']:.3f} "
          f"(launches {c['all_launches_succeed_probability_model']:.3f}, elements {c['all_elements_work_probability']:.3f}; quality levels "
          + ", ".join(f"{k} {v}" for k, v in c["quality_levels"].items()) + ")")
    p(f"{'item':<18} {'development':>11} {'wraps':>8} {'production':>10} {'operations':>10} {'launch':>9} {'bought':>9} {'total':>9}  providers")
    for it in cost["items"]:
        providers = ", ".join(f"{k} {v:.0%}" for k, v in it["providers"].items())
        p(
            f"{it['item']:<18} {it['development_musd']:>11,.0f} {it.get('wraps_musd', 0.0):>8,.0f} {it['production_musd']:>10,.0f} {it['operations_musd']:>10,.0f} "
            f"{it['launch_musd']:>9,.0f} {it['bought_musd']:>9,.0f} {it['total_musd']:>9,.0f}  {providers}"
        )
    for line in format_transport(cost.get("transport") or {}, cost["currency"].split(" (")[0]):
        p(line)
    p(f"{'partner':<10} {'provides':>9} {'pays':>9} {'cash':>8} {'work':>6} {'funding':>8} {'crew time':>9}  cargo launches it pays for; elements")
    for q in cost["partners"]:
        launches = f"{sum(q['launches_by_year']):.1f} on {q['launch_vehicle']}" if q["launches_by_year"] and q["launch_mass_kg"] > 0 else "-"
        p(
            f"{q['partner']:<10} {q['provides_musd']:>9,.0f} {q['pays_musd']:>9,.0f} {q['cash_musd']:>8,.0f} {q['work_share']:>6.1%} "
            f"{q['funding_share']:>8.1%} {q['crew_time_share']:>9.1%}  {launches}; {', '.join(f'{k} {v:.0%}' for k, v in q['elements'].items()) or '-'}"
        )
    names = [q["partner"] for q in cost["partners"]]
    start = cost.get("campaign_start_year", cost["years"][0])
    before = f"; years before {start} (marked d) are development before the campaign's first year" if cost["years"][0] < start else ""
    p("Payments per year [" + cost["currency"].split(" (")[0] + f"] (cap in brackets; * above it{before}):")
    p(f"{'year':>5} " + " ".join(f"{n:>16}" for n in names) + f" {'total':>9}")
    for y, year in enumerate(cost["years"]):
        cells = []
        for q in cost["partners"]:
            pay, cap = q["pays_by_year_musd"][y], q["budget_cap_musd"]
            mark = "*" if cap is not None and pay > cap * (1 + 1e-6) + 1e-6 else " "
            cells.append(f"{pay:>8,.0f}{mark}" + (f"[{cap:>6,.0f}]" if cap is not None else " " * 8))
        p(f"{year:>4}{'d' if year < start else ' '} " + " ".join(f"{c:>16}" for c in cells) + f" {cost['total_by_year_musd'][y]:>9,.0f}")
    return out.getvalue()



def format_optimization(result: dict) -> str:
    """The optimizer's outcome: objective before and after, effort, binding and broken constraints."""
    out = io.StringIO()
    p = lambda *a: print(*a, file=out)  # noqa: E731
    status = "converged" if result["success"] else "did NOT converge"
    p(
        f"Optimization ({result['derivatives']}): {result['objective']} {result['initial']:,.6g} -> {result['optimum']:,.6g} "
        f"{result['objective_units']}; {status} (best of {len(result['starts'])} starts: {result['best_start']}); "
        f"{result['model_evaluations']} model evaluations in {result['wall_time_s']:.2f} s"
    )
    if result.get("initial_violations"):
        p(f"  the study's own design ({result['objective']} {result['initial']:,.6g}) broke "
          f"{len(result['initial_violations'])} rule(s), so the optimum can cost more: "
          + "; ".join(result["initial_violations"]))
    for name, value in result["design_variables"].items():
        p(f"  design variable {name} = {value:.6g}")
    p("  binding constraints: " + ("; ".join(result["binding_constraints"]) if result["binding_constraints"] else "none"))
    for v in result["violations"]:
        p(f"  BROKEN: {v}")
    return out.getvalue()

"""A partner leaving mid-campaign (``trades coalitions --leave``): the others replan from that
year and redo the development it carried, and what that costs them."""

from __future__ import annotations


import numpy as np

from trades.models import variables as var
from trades.analyses.coalition_study import coalition_study
from trades.errors import InfeasibleError, StudyErrors
from trades.study.schema import Study


def partner_leaving(study: Study, file: str, partner: str, year: int) -> dict:
    """The campaign's cost when ``partner`` leaves the grand coalition at the start of ``year``.

    First-order model (work shares are constant within a plan, so the campaign is two plans
    joined at ``year``): before ``year`` the grand coalition's optimum is spent as planned; from
    ``year`` on the remaining partners fly their own optimum, without the leaving partner
    (neither member nor vendor), and pay again the development the leaving partner had done on
    every item still produced from ``year`` on (its share of the item's development, at the
    remaining plan's providers, cost factors and overhead). Hardware, operations and launches
    delivered before ``year`` stay; schedule slips are not modelled. Returns the grand
    coalition's cost, the campaign's cost with the partner leaving, the replacement and who
    provides it, or ``status: infeasible`` with the reason when the others cannot go on alone.
    """
    from trades.analyses.optimize import optimize

    years = study.years
    grand_arch, grand, grand_result = optimize(study, file)
    if grand_result["violations"]:
        raise InfeasibleError(f"{study._file}: the grand coalition cannot do the mission: {'; '.join(grand_result['violations'][:3])}")
    record = {"partner": partner, "year": year, "grand_coalition_musd": grand_result["optimum"], "status": "ok", "reason": ""}
    remaining = frozenset(p.id for p in study.partners) - {partner}
    data = study.model_dump(mode="json")
    data["coalitions"]["missing_capability"] = "penalty"  # the leaving partner sells nothing either
    without = Study.model_validate(data)
    without._file, without._lines = study._file, study._lines
    try:
        arch, rest, result = optimize(coalition_study(without, remaining), file)
    except (InfeasibleError, StudyErrors) as exc:
        return record | {"status": "infeasible", "reason": " ".join(str(exc).split())[:500]}
    if result["violations"]:
        return record | {"status": "infeasible", "reason": "breaks its rules: " + "; ".join(result["violations"][:3])}
    before = [y < year for y in years]
    after = ~np.array(before)
    grand_spent = float(grand.get_val(var.TOTAL_COST)[np.array(before)].sum())
    rest_spent = float(rest.get_val(var.TOTAL_COST)[after].sum())
    leaving_shares = grand.get_val(var.SHARES)[:, grand_arch.cost.partners.index(partner)]
    by_name = dict(zip((i.name for i in grand_arch.cost.items), leaving_shares))
    replacement = replacement_development(
        leaving_share=np.array([by_name.get(i.name, 0.0) for i in arch.cost.items]),
        still_produced=rest.get_val(var.PRODUCTION_COST)[:, after].sum(axis=1) > 0,
        development=rest.get_val(var.WRAPPED_DEVELOPMENT),
        shares=rest.get_val(var.SHARES),
        cost_factor=rest.get_val(var.COST_FACTOR),
        overhead=rest.get_val(var.PARTNER_OVERHEAD_FACTOR),
    )
    total = grand_spent + rest_spent + float(replacement.sum())
    staying = float(grand.get_val(var.TOTAL_COST).sum())  # undiscounted, like the total (also for npv_cost)
    return record | {
        "campaign_musd": total,
        "staying_musd": staying,
        "extra_musd": total - staying,
        "spent_before_musd": grand_spent,
        "remaining_plan_after_musd": rest_spent,
        "replacement_musd": float(replacement.sum()),
        "replacement_by_partner_musd": {pid: float(v) for pid, v in zip(arch.cost.partners, replacement) if v > 0},
    }


def replacement_development(leaving_share, still_produced, development, shares, cost_factor, overhead) -> np.ndarray:
    """Per remaining partner: the development it redoes for the leaving partner,
    ``sum_i [still produced] leaving_share_i s[i, p] f_p k_i development_i``."""
    needed = np.where(still_produced, leaving_share * overhead * development, 0.0)
    return (shares * cost_factor[None, :]).T @ needed


def format_leaving(record: dict) -> str:
    head = f"{record['partner']} leaves in {record['year']}: "
    if record["status"] != "ok":
        return head + f"INFEASIBLE: {record['reason']}\n"
    who = ", ".join(f"{pid} {v:,.0f}" for pid, v in record["replacement_by_partner_musd"].items()) or "nothing to redo"
    return (head + f"campaign {record['campaign_musd']:,.0f} MUSD ({record['extra_musd']:+,.0f} against staying): spent before "
            f"{record['spent_before_musd']:,.0f}, the others' plan after {record['remaining_plan_after_musd']:,.0f}, "
            f"development redone {record['replacement_musd']:,.0f} ({who})\n")

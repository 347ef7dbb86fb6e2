"""What the cooperation instruments (issue 20) do to a mission, and their policy scenarios.

- :func:`mission_success`: the probability that every launch succeeds (the model's own output)
  times the probability that every deployed element works to the campaign's end, each element's
  failure rate scaled by the quality levels of its providers (share-weighted);
- :func:`standards_scenarios`: one row per instrument the study configures, for
  ``trades coalitions --scenarios``; :func:`format_scenarios` the table with each partner's Shapley
  share and the mission-success probability;
- :func:`apply_scenario_policies`: a ``trades integrated`` scenario's standards and transport policy
  given to every member study.
"""

from __future__ import annotations

import io
import math

import numpy as np

from trades.models import variables as var
from trades.architecture.standards import book, partner_levels, success_of_elements


def mission_success(arch, prob) -> dict:
    """``{launches, elements, mission, by_element}``: success probabilities at the problem's design."""
    launches = float(prob.get_val(var.ALL_LAUNCHES_SUCCEED)[0])
    elements = success_of_elements(arch.cost, prob.get_val(var.SHARES), arch.study, arch.catalog) if arch.cost is not None else {}
    product = math.prod(elements.values()) if elements else 1.0
    return {"launches": launches, "elements": product, "mission": launches * product, "by_element": elements}


def policy_summary(arch, prob) -> dict:
    """The run summary's ``cooperation`` block (empty for a study without the sections)."""
    study = arch.study
    if study.standards is None and study.transport_policy is None:
        return {}
    success = mission_success(arch, prob)
    return {"cooperation": {
        "quality_levels": dict(zip((p.id for p in study.partners), partner_levels(study, arch.catalog))),
        "mission_success_probability": success["mission"],
        "all_launches_succeed_probability_model": success["launches"],
        "all_elements_work_probability": success["elements"],
        "element_success_probability": success["by_element"],
        "element_failure_rate_source": book(arch.catalog)["quality"]["reference_failure_rate_per_year"]["source"],
    }}


def standards_scenarios(study, variant) -> list[tuple[str, object]]:
    """One scenario per instrument the study configures, each the study with that instrument
    switched (``variant(edit)`` makes the edited study): interface standard adopted or not, a
    common quality level (the most reliable level any partner builds to) or each its own, no
    technology-transfer rules, the shared transport service on or off, flight-rate limits lifted."""
    s, t = study.standards, study.transport_policy
    rows = []
    if s is not None and s.interface is not None:
        adopt = not s.interface.adopted
        rows.append((f"{'interface standard ' + s.interface.standard if adopt else 'no interface standard'}",
                     variant(lambda d: d["standards"]["interface"].update(adopted=adopt))))
    if s is not None and s.quality is not None:
        if s.quality.common is None:
            from trades.study.catalog import load_catalog

            levels = book(load_catalog())["quality"]["levels"]
            best = min(set(partner_levels(study, load_catalog())), key=lambda lv: float(levels[lv]["pi_q"]["value"]))
            rows.append((f"common quality level {best}", variant(lambda d: d["standards"]["quality"].update(common=best, levels={}))))
        else:
            rows.append(("own quality levels", variant(lambda d: d["standards"]["quality"].update(common=None))))
    if s is not None and s.technology_transfer:
        rows.append(("no technology-transfer rules", variant(lambda d: d["standards"].update(technology_transfer=[]))))
    if t is not None:
        shared = not t.shared_service
        rows.append(("shared transport service" if shared else "no shared transport service",
                     variant(lambda d: d["transport_policy"].update(shared_service=shared, pool=d["transport_policy"]["pool"] if shared else []))))
        if t.flight_rate_limits:
            rows.append(("flight-rate limits lifted", variant(lambda d: d["transport_policy"].update(flight_rate_limits={}))))
    return rows


def grand_success(report: dict) -> float | None:
    """The grand coalition's mission-success probability in a coalition game's report."""
    players = set(report["partners"])
    grand = next((r for r in report.get("coalitions", []) if set(r["members"]) == players), None)
    return None if grand is None else grand.get("mission_success_probability")


def scenario_rows(compared: list[tuple[str, dict]], failed: list[dict]) -> list[dict]:
    """The ``scenarios`` list of the coalitions report."""
    return [{"scenario": name, "grand_coalition_musd": r["grand_coalition_musd"], "shapley_musd": r["allocations"]["shapley"],
             "dividend_musd": r["cooperation_dividend_musd"]["total"], "core_empty": r["core_empty"],
             "mission_success_probability": grand_success(r)} for name, r in compared] + failed


def format_scenarios(results: list[tuple[str, dict]]) -> str:
    """Grand-coalition cost, each partner's Shapley share, the dividend, the core and the
    mission-success probability, per scenario."""
    out = io.StringIO()
    players = results[0][1]["partners"]
    p = lambda *a: print(*a, file=out)  # noqa: E731
    width = max([34] + [len(name) for name, _ in results])
    p(f"{'scenario':<{width}} {'grand':>10} " + " ".join(f"{q:>10}" for q in players) + f" {'dividend':>10} {'P(success)':>10}  core")
    for name, r in results:
        success = grand_success(r)
        p(f"{name:<{width}} {r['grand_coalition_musd']:>10,.0f} " + " ".join(f"{r['allocations']['shapley'][q]:>10,.0f}" for q in players)
          + f" {r['cooperation_dividend_musd']['total']:>10,.0f} {'-' if success is None else f'{success:.4f}':>10}"
          + f"  {'empty' if r['core_empty'] else 'non-empty'}")
    p("(partner columns: Shapley shares of the grand coalition's cost; P(success): every launch succeeds and every deployed "
      "element works to the campaign's end, for the grand coalition's design)")
    return out.getvalue()


def apply_scenario_policies(data: dict, scenario) -> None:
    """A ``trades integrated`` scenario's ``standards`` and ``transport_policy``, when it sets
    them, replace the member study's (``data``: the member study as a mapping)."""
    if scenario is None:
        return
    for name in ("standards", "transport_policy"):
        value = getattr(scenario, name, None)
        if value is not None:
            data[name] = value.model_dump(mode="json")


def destinations_success(values: list[float]) -> float:
    """Every destination's mission succeeding (independent destinations)."""
    return float(np.prod(values)) if values else 1.0

"""The shared space situational awareness study (studies/cislunar_ssa_shared.yaml) states what the
toolkit finds; these tests reproduce each figure of its description. Its coalition game is a demand
game since issue 19 (before, every coalition cost the same 76,813 MUSD and each partner paid a
quarter): the slow test checks the new finding from a run and by independent calculation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trades.cli import main
from trades.study import load_study
from trades.study.catalog import load_catalog
from trades.study.money import sourced_to_base_musd

STUDY = Path(__file__).resolve().parents[1] / "studies" / "cislunar_ssa_shared.yaml"
INNER, OUTER = 42164.0, 384400.0


def _text() -> str:
    return " ".join(load_study(STUDY).description.split())


def test_ssa_study_sizing_and_cost(tmp_path, capsys):
    from trades.architecture.assemble import build_problem
    from trades.architecture.resolve import resolve
    from trades.models import variables as var

    arch = resolve(load_study(STUDY))
    design = arch.ssa
    counts = dict(zip(design.sensors, design.counts))
    assert counts == {"darc_radar": 0, "sst_optical": 6, "oracle_cislunar": 1, "dscovr_l1": 2}
    text = _text()
    assert "6 Space Surveillance Telescope sites, 1 Oracle-class spacecraft" in text and "2 DSCOVR-class monitors" in text
    # independent: the catalog prices converted to 2024 dollars, times the counts
    catalog = load_catalog()
    system = sum(n * sourced_to_base_musd(catalog.entry("ssa_sensors", s)["price"], 2024, catalog) for s, n in counts.items())
    assert f"{system:,.0f} MUSD (2024 dollars)" in text
    prob = build_problem(arch)
    prob.run_model()
    share = prob.get_val(var.SSA_TRACKED_SHARE)[0]
    assert share >= 0.75 and f"watches {share:.1%} of the volume" in text
    # independent: 1.5e6 km at 1,000 km/s is 1,500 s
    assert prob.get_val(var.SSA_WARNING_TIME, units="min")[0] == pytest.approx(25.0)
    assert "warns crews 25 min ahead" in text
    # independent: DARC's 1 m range scaled by the radar equation from 0.22 m at 36,000 km, and the
    # share of the shell's volume inside it (closed form) x half the sky
    darc = 36000.0 * (1.0 / 0.22) ** 0.5
    assert prob.get_val(var.SSA_DETECTION_RANGE)[0] == pytest.approx(darc)
    assert f"only to {darc:,.0f} km" in text
    assert 0.5 * (darc**3 - INNER**3) / (OUTER**3 - INNER**3) < 0.01
    assert main(["run", str(STUDY), "-o", str(tmp_path), "--format", "json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    totals = summary["totals"]
    assert f"of the {summary['cost']['life_cycle_cost_musd']:,.0f} MUSD life-cycle cost" in text
    assert f"every launch succeeds ({totals['all_launches_succeed_probability']:.3f})" in text


@pytest.mark.slow
def test_ssa_study_demand_game_and_national_systems(tmp_path, capsys):
    """`trades coalitions --scenarios`: the demand game of the description (its figures from the
    run), with independent checks: Australia (no crew time, the SSA data) alone pays the catalog
    price of the system and adds nothing to a crew coalition, so its Shapley share is a quarter of
    the system (the airport game's closed form: its marginal cost is the system when it comes first
    of the four, else 0) and its nucleolus share half (the excesses of {asa} and of the other three,
    x - system and -x, balance there, the least core's level); every fair share is efficient and
    within the stand-alone cost of a partner that does no work (the audit's condition); the
    campaign budgets are the caps times the 12 years; national SSA adds (partners - 1) systems."""
    assert main(["coalitions", str(STUDY), "--scenarios", "-o", str(tmp_path), "--workers", "1", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    text = _text()
    catalog = load_catalog()
    unit = {s: sourced_to_base_musd(catalog.entry("ssa_sensors", s)["price"], 2024, catalog) for s in ("sst_optical", "oracle_cislunar", "dscovr_l1")}
    system = 6 * unit["sst_optical"] + unit["oracle_cislunar"] + 2 * unit["dscovr_l1"]
    grand, alone, alloc = report["grand_coalition_musd"], report["stand_alone_musd"], report["allocations"]
    cost = {frozenset(r["members"]): r["cost_musd"] for r in report["coalitions"]}
    # the game is not degenerate (tests/test_studies_audit.py's conditions)
    assert len({round(c, 6) for c in cost.values()}) > 1
    assert report["demand"] == {"nasa": 76.6, "esa": 8.3, "jaxa": 12.8, "asa": 0.0}
    # Australia alone fields the system, buying the Oracle and the monitors; it adds nothing to a crew coalition
    assert alone["asa"] == pytest.approx(system, rel=1e-9)
    asa_alone = next(r for r in report["coalitions"] if r["members"] == ["asa"])
    assert asa_alone["bought_musd"] == pytest.approx(unit["oracle_cislunar"] + 2 * unit["dscovr_l1"], rel=1e-9)
    assert f"({asa_alone['bought_musd']:,.0f} MUSD)" in text
    for s, c in cost.items():
        if "asa" not in s:
            assert cost[s | {"asa"}] == pytest.approx(c, rel=1e-9)
    assert alloc["shapley"]["asa"] == pytest.approx(system / 4, rel=1e-6)
    assert alloc["nucleolus"]["asa"] == pytest.approx(system / 2, rel=1e-6)
    assert report["least_core_epsilon_musd"] == pytest.approx(-system / 2, rel=1e-6)
    for name in ("shapley", "nucleolus", "affordable_nucleolus"):  # efficiency
        assert sum(alloc[name].values()) == pytest.approx(grand, rel=1e-9)
    # NASA provides everything at the optimum; those that do no work pay less than alone
    provided = next(r for r in report["coalitions"] if len(r["members"]) == 4)["provided_musd"]
    assert provided["nasa"] == pytest.approx(grand, rel=1e-9) and all(provided.get(p, 0.0) == 0.0 for p in ("esa", "jaxa", "asa"))
    for p in ("esa", "jaxa", "asa"):
        for name in ("shapley", "nucleolus", "affordable_nucleolus"):
            assert alloc[name][p] < alone[p]
    # the three crew partners save the same (a third of the station, three quarters of the SSA system each)
    dividend = report["cooperation_dividend_musd"]
    assert dividend["nasa"] == pytest.approx(dividend["esa"], rel=1e-3)
    assert dividend["jaxa"] == pytest.approx(dividend["esa"], rel=1e-3)
    assert f"each save the same {dividend['esa']:,.0f}" in text
    # the description's figures
    assert (f"All four cost {grand:,.0f} MUSD; alone NASA {alone['nasa']:,.0f}, JAXA {alone['jaxa']:,.0f}, ESA {alone['esa']:,.0f}, "
            f"Australia {alone['asa']:,.0f}") in text
    s = alloc["shapley"]
    assert f"NASA {s['nasa']:,.0f}, JAXA {s['jaxa']:,.0f}, ESA {s['esa']:,.0f} and Australia {s['asa']:,.0f}, a quarter" in text
    n = alloc["nucleolus"]
    assert f"(NASA {n['nasa']:,.0f}, JAXA {n['jaxa']:,.0f}, ESA {n['esa']:,.0f}, Australia {n['asa']:,.0f})" in text
    # budgets: a tenth of each agency's yearly budget, over the 12 campaign years
    budget = report["campaign_budget_musd"]
    assert budget["nasa"] is None
    assert [budget[p] for p in ("esa", "jaxa", "asa")] == pytest.approx([867.5 * 12, 113.6 * 12, 1.2 * 12])
    assert f"ESA {budget['esa']:,.0f}, JAXA {budget['jaxa']:,.0f}, Australia {budget['asa']:,.0f} MUSD" in text
    assert set(report["over_budget"]["shapley"]) == set(report["over_budget"]["nucleolus"]) == {"esa", "jaxa", "asa"}
    a = alloc["affordable_nucleolus"]
    assert all(a[p] == pytest.approx(budget[p], rel=1e-6) for p in ("esa", "jaxa", "asa"))
    assert a["nasa"] == pytest.approx(grand - sum(budget[p] for p in ("esa", "jaxa", "asa")), rel=1e-6) and a["nasa"] > alone["nasa"]
    assert f"NASA {a['nasa']:,.0f}, more than NASA alone" in text
    assert report["core"]["affordable_nucleolus"]["would_leave"] == ["asa", "esa", "nasa"]
    assert f"without JAXA, by {report['core']['affordable_nucleolus']['excess_musd']:,.0f})" in text
    # national SSA: each partner fields its own system
    rows = {r["scenario"]: r for r in report["scenarios"]}
    shared, national = rows["as given"], rows["SSA: each partner its own"]
    more = national["grand_coalition_musd"] - shared["grand_coalition_musd"]
    assert more == pytest.approx(3 * system, rel=1e-6)
    assert national["shapley_musd"]["asa"] == pytest.approx(system, rel=1e-6)  # its own system in every order
    for p in ("nasa", "esa", "jaxa"):  # its own system, less the quarter of the shared one
        assert national["shapley_musd"][p] - shared["shapley_musd"][p] == pytest.approx(0.75 * system, rel=1e-6)
    assert f"costs {more:,.0f} MUSD more" in text
    assert f"rises from {shared['grand_coalition_musd']:,.0f} to {national['grand_coalition_musd']:,.0f} MUSD" in text
    assert f"by {0.75 * system:,.0f} (NASA from {shared['shapley_musd']['nasa']:,.0f} to {national['shapley_musd']['nasa']:,.0f})" in text
    # national launch: the coalitions without NASA cannot fly crews, so the demand game is not defined
    table = report["scenarios_table"]
    assert "national launch: INFEASIBLE" in table and "6 of 15 coalitions" in table and "the six coalitions without NASA" in text
    assert "(esa, jaxa, esa+jaxa, asa+esa, asa+jaxa, asa+esa+jaxa)" in table

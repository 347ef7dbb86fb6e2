"""The shared space situational awareness study (studies/cislunar_ssa_shared.yaml) states what the
toolkit finds; this test reproduces each figure of its description."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
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
def test_ssa_study_shared_against_national(tmp_path, capsys):
    """`trades coalitions --scenarios`: each partner fielding its own system costs the grand coalition
    (partners - 1) systems more (independent: the system's price from the catalog, above)."""
    assert main(["coalitions", str(STUDY), "--scenarios", "-o", str(tmp_path), "--workers", "1", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    rows = {r["scenario"]: r for r in report["scenarios"]}
    shared, national = rows["as given"], rows["SSA: each partner its own"]
    arch_counts = {"sst_optical": 6, "oracle_cislunar": 1, "dscovr_l1": 2}
    catalog = load_catalog()
    system = sum(n * sourced_to_base_musd(catalog.entry("ssa_sensors", s)["price"], 2024, catalog) for s, n in arch_counts.items())
    more = national["grand_coalition_musd"] - shared["grand_coalition_musd"]
    assert more == pytest.approx(3 * system, rel=1e-6)
    text = _text()
    assert f"costs {more:,.0f} MUSD more" in text
    assert f"rises from {shared['grand_coalition_musd']:,.0f} to {national['grand_coalition_musd']:,.0f} MUSD" in text
    assert np.allclose(list(national["shapley_musd"].values()), national["grand_coalition_musd"] / 4)
    assert f"from {shared['shapley_musd']['nasa']:,.0f} to {national['shapley_musd']['nasa']:,.0f} MUSD" in text

"""Partners that want the SSA system's data and no crew time (``ssa.data_users``,
trades/analyses/coalition_ssa.py): in the demand game their coalition alone fields the SSA system
and no station. Expected costs are the catalog's sensor prices converted to 2024 dollars times the
counts the sizing fields (an independent sum), not the code's output."""

from __future__ import annotations

from pathlib import Path

import pytest

from trades.analyses.coalition_demand import zero_demand_record
from trades.analyses.coalition_ssa import data_users, ssa_only_record
from trades.cli import main
from trades.study import load_study
from trades.study.catalog import load_catalog
from trades.study.money import sourced_to_base_musd
from trades.study.schema import Study

STUDY = Path(__file__).resolve().parents[2] / "studies" / "cislunar_ssa_shared.yaml"
#: the counts the study's sizing fields (tests/test_studies_ssa.py checks them against the model)
FIELDED = {"sst_optical": 6, "oracle_cislunar": 1, "dscovr_l1": 2}


def _price(sensor: str) -> float:
    catalog = load_catalog()
    return FIELDED[sensor] * sourced_to_base_musd(catalog.entry("ssa_sensors", sensor)["price"], 2024, catalog)


def _variant(edit) -> Study:
    study = load_study(STUDY)
    data = study.model_dump(mode="json")
    edit(data)
    result = Study.model_validate(data)
    result._file, result._lines = study._file, study._lines
    return result


def test_data_user_alone_fields_the_system_and_buys_what_it_cannot_provide():
    study = load_study(STUDY)
    record = zero_demand_record(study, frozenset({"asa"}))
    system = sum(_price(s) for s in FIELDED)
    assert record["status"] == "ok" and record["cost_musd"] == pytest.approx(system, rel=1e-9)
    # Australia hosts telescope sites (ssa_optical); the Oracle and the monitors only the United States sells
    assert record["provided_musd"]["asa"] == pytest.approx(_price("sst_optical"), rel=1e-9)
    assert record["bought_musd"] == pytest.approx(_price("oracle_cislunar") + _price("dscovr_l1"), rel=1e-9)
    assert record["provided_musd"]["nasa"] == pytest.approx(record["bought_musd"], rel=1e-9)
    # a coalition with crew demand is optimized as a whole mission (no shortcut record)
    assert zero_demand_record(study, frozenset({"asa", "esa"})) is None
    assert data_users(study, {"nasa", "asa"}) == ["asa"] and data_users(study, {"nasa"}) == []


def test_partner_without_demand_or_data_costs_nothing_and_national_systems_are_one_per_member():
    def edit(d):
        d["partners"].append({"id": "csa", "demand": 0.0})
        d["ssa"]["sharing"] = "national"

    study = _variant(edit)
    system = sum(_price(s) for s in FIELDED)
    assert zero_demand_record(study, frozenset({"csa"}))["cost_musd"] == 0.0  # wants nothing: serves nothing
    both = zero_demand_record(study, frozenset({"asa", "csa"}))
    # national: every member fields (buys) a whole system of its own, as in the full model's items
    assert both["cost_musd"] == pytest.approx(2 * system, rel=1e-9)
    assert both["provided_musd"] == pytest.approx({"asa": system, "csa": system}, rel=1e-9)
    assert both["bought_musd"] == 0.0


def test_data_users_need_the_undiscounted_objective(tmp_path, capsys):
    text = STUDY.read_text().replace("partners:\n", "objective:\n  name: npv_cost\npartners:\n", 1)
    path = tmp_path / "npv.yaml"
    path.write_text(text)
    assert main(["coalitions", str(path), "-o", str(tmp_path / "out"), "--workers", "1"]) == 2
    err = capsys.readouterr().err
    assert f"{path}" in err and "ssa.data_users" in err and "needs objective life_cycle_cost" in err
    assert not (tmp_path / "out" / "coalitions.json").exists()


def test_a_sensor_nobody_can_provide_leaves_the_data_users_coalition_unserved():
    """As in the full model (no partner with the capability): the record says so, and the demand
    game stops naming it (trades.analyses.coalition_demand.unserved)."""
    def edit(d):
        d["partners"] = [p for p in d["partners"] if p["id"] != "nasa"]  # the only partner with ssa_space and space_weather

    record = zero_demand_record(_variant(edit), frozenset({"asa"}))
    assert record["status"] == "infeasible" and "ssa:oracle_cislunar" in record["reason"] and "'ssa_space'" in record["reason"]

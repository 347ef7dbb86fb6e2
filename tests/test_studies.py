"""Every study in studies/ validates and runs."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from trades.cli import main

STUDY_FILES = sorted((Path(__file__).resolve().parents[1] / "studies").glob("*.yaml"))


def test_there_are_studies():
    assert STUDY_FILES


@pytest.mark.parametrize("path", STUDY_FILES, ids=lambda p: p.stem)
def test_study_runs(path, tmp_path, capsys):
    assert main(["validate", str(path)]) == 0
    capsys.readouterr()
    assert main(["run", str(path), "--output-dir", str(tmp_path), "--format", "json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    written = json.loads((tmp_path / "summary.json").read_text())
    assert printed["output_dir"] == str(tmp_path)
    assert printed["totals"] == written["totals"]
    assert written["totals"]["mass_in_launch_orbit_kg"] > 0
    assert sum(written["totals"]["launches_by_vehicle"].values()) > 0
    for row in written["per_year"]:
        for key, value in row.items():
            if isinstance(value, float):
                assert math.isfinite(value) and value >= 0, (row["year"], key, value)


SWEPT = [p for p in STUDY_FILES if "\nsweep:" in p.read_text()]


@pytest.mark.parametrize("path", SWEPT, ids=lambda p: p.stem)
def test_study_sweep_runs(path, tmp_path, capsys):
    """A study's sweep records every case; the case that is the study's own design gives what
    `trades run` / `trades optimize` gives for the study itself."""
    import csv

    import yaml

    from trades.study import load_study
    from trades.analyses.sweep_cases import number_of_cases

    study = load_study(path)
    assert main(["sweep", str(path), "--output-dir", str(tmp_path / "sweep"), "--format", "json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["recorded"] == summary["cases"] == number_of_cases(study)
    rows = list(csv.DictReader((tmp_path / "sweep" / "sweep.csv").open()))
    data = yaml.safe_load(path.read_text())
    own = [r for r in rows if all(_same(r[f["field"]], _get(data, f["field"])) for f in data["sweep"]["factors"])]
    assert own, "a study's sweep includes the study's own design, as a check"
    command = "optimize" if study.sweep.evaluate == "optimize" else "run"
    assert main([command, str(path), "--output-dir", str(tmp_path / "own"), "--format", "json"]) in (0, 3)
    cost = json.loads(capsys.readouterr().out)["cost"]["life_cycle_cost_musd"]
    assert float(own[0]["life_cycle_cost_musd"]) == pytest.approx(cost, rel=1e-6)


def _get(data, field):
    node = data
    for part in field.split("."):
        node = node[part]
    return [p["id"] for p in node] if field == "partners" else node


def _same(text, value):
    if isinstance(value, list):
        return text == "+".join(value)
    if isinstance(value, (int, float)):
        return float(text) == pytest.approx(float(value))
    return text == str(value)


def test_mars_description_states_what_the_run_finds(tmp_path, capsys):
    """The Mars study's 'Finding' must not drift from what the toolkit computes."""
    import yaml

    path = Path(__file__).resolve().parents[1] / "studies" / "crewed_mars_2033.yaml"
    assert main(["run", str(path), "--output-dir", str(tmp_path), "--format", "json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    description = " ".join(yaml.safe_load(path.read_text())["description"].split())
    departure = next(s for s in summary["stages"] if s["stream"] == "cargo" and s["stage"] == "departure")
    assert f"needs a {departure['delta_v_km_s']:.2f} km/s departure burn" in description
    totals, cost = summary["totals"], summary["cost"]
    assert f"{totals['mass_in_launch_orbit_kg'] / 1000:.0f} t go to LEO" in description
    assert f"{totals['launches_by_vehicle']['falcon_heavy']} Falcon Heavy cargo launches and {totals['launches_by_vehicle']['sls_block1']} crew launches" in description
    assert f"{cost['life_cycle_cost_musd'] / 1000:.0f} billion 2024 dollars" in description
    assert f"{max(cost['total_by_year_musd']) / 1000:.0f} billion in the peak year" in description


def _cpi(year):
    from trades.study.catalog import load_catalog

    return float(load_catalog().entry("cost", "default")["cpi_u"]["values"][year])


# Published totals as read in their sources, in 2024 dollars with the catalog's CPI-U: Apollo, 264 billion
# 2019 dollars (The Planetary Society, 2019); Artemis, 93 billion then-year FY2012-2025 of which 53 billion
# in FY2021-2025 (NASA OIG IG-22-003), each tranche from its middle year.
CAMPAIGNS = {
    "apollo_like_lunar_campaign": (lambda: 264.0 * _cpi(2024) / _cpi(2019), "the six crew launches", "a fifth"),
    "artemis_like_lunar_campaign": (lambda: 40.0 * _cpi(2024) / _cpi(2016) + 53.0 * _cpi(2024) / _cpi(2023), "the crew launch", "three tenths"),
}


@pytest.mark.parametrize("stem", sorted(CAMPAIGNS))
def test_campaign_description_states_what_the_run_finds(stem, tmp_path, capsys):
    """The Apollo- and Artemis-like studies' 'Finding' must not drift from the run or from the published totals."""
    import yaml

    path = Path(__file__).resolve().parents[1] / "studies" / f"{stem}.yaml"
    assert main(["run", str(path), "--output-dir", str(tmp_path), "--format", "json"]) == 0
    cost = json.loads(capsys.readouterr().out)["cost"]
    description = " ".join(yaml.safe_load(path.read_text())["description"].split())
    published, launches, fraction = CAMPAIGNS[stem]
    crew = next(i for i in cost["items"] if i["item"] == "crew_transport")["total_musd"]
    lcc = cost["life_cycle_cost_musd"] / 1000
    assert f"life-cycle cost is {lcc:.0f} billion 2024 dollars, of which {crew / 1000:.0f} billion for {launches}" in description
    assert f"{published():.0f} billion in 2024 dollars" in description
    assert f"about {fraction} of it" in description
    assert {"a fifth": 1 / 5, "three tenths": 0.3}[fraction] == pytest.approx(lcc / published(), abs=0.02)


def test_leo_station_develops_before_its_first_flight(tmp_path, capsys):
    """The LEO station's campaign starts in its deployment year (2030); with six years of development
    (schedule.development_years) every dollar of development and wraps in the item table is paid in
    2024-2029, each partner's yearly payments add up to the life-cycle cost, and the description states
    the peak year the run finds (changed with the development schedule, issue 18)."""
    import yaml

    path = Path(__file__).resolve().parents[1] / "studies" / "leo_station_after_iss.yaml"
    assert main(["run", str(path), "--output-dir", str(tmp_path), "--format", "json"]) == 0
    cost = json.loads(capsys.readouterr().out)["cost"]
    years, totals = cost["years"], cost["total_by_year_musd"]
    assert years[0] == 2024 and cost["campaign_start_year"] == 2030
    before = sum(t for y, t in zip(years, totals) if y < 2030)
    development = sum(i["development_musd"] + i["wraps_musd"] for i in cost["items"])
    assert before == pytest.approx(development, rel=1e-6)
    assert sum(sum(q["pays_by_year_musd"]) for q in cost["partners"]) == pytest.approx(cost["life_cycle_cost_musd"], rel=1e-9)
    assert sum(i["total_musd"] for i in cost["items"]) == pytest.approx(cost["life_cycle_cost_musd"], rel=1e-6)
    peak = max(range(len(years)), key=lambda y: totals[y])
    description = " ".join(yaml.safe_load(path.read_text())["description"].split())
    assert f"the {development / 1000:.0f} billion 2024 dollars of development are paid in 2024-2029, peaking at {totals[peak] / 1000:.1f} billion in {years[peak]}" in description

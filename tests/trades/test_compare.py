"""`trades compare`: cases side by side (issue 21: trade studies are comparisons). Each figure it
shows is checked against the case's own `summary.json`, written by `trades run` of that study;
the differing inputs against the one edit made to the study file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from trades.cli import main

STUDIES = Path(__file__).resolve().parents[2] / "studies"
LEO = STUDIES / "leo_station_after_iss.yaml"


def _variant(tmp_path: Path, name: str, **outpost) -> Path:
    data = yaml.safe_load(LEO.read_text())
    data["outpost"].update(outpost)
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    """Two run folders: the LEO station as published and with a crew of four."""
    tmp = tmp_path_factory.mktemp("compare")
    base, four = tmp / "base", tmp / "four"
    assert main(["run", str(LEO), "-o", str(base), "--format", "json"]) == 0
    assert main(["run", str(_variant(tmp, "four", crew_size=4)), "-o", str(four), "--format", "json"]) == 0
    return base, four


def test_folders_side_by_side(folders, capsys):
    base, four = folders
    capsys.readouterr()
    assert main(["compare", str(base), str(four), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [c["case"] for c in report["cases"]] == ["base", "four"]
    for case, folder in zip(report["cases"], folders):
        summary = json.loads((folder / "summary.json").read_text())
        assert case["life_cycle_cost_musd"] == summary["cost"]["life_cycle_cost_musd"]
        assert case["paid_by_partner_musd"] == {p["partner"]: p["pays_musd"] for p in summary["cost"]["partners"]}
        assert case["launches_by_vehicle"] == summary["totals"]["launches_by_vehicle"]
        assert case["mass_in_launch_orbit_kg"] == summary["totals"]["mass_in_launch_orbit_kg"]
        assert case["all_launches_succeed_probability"] == summary["totals"]["all_launches_succeed_probability"]
    # the one edit is the one input that differs (name and description are prose, not inputs)
    assert report["inputs_that_differ"] == {"outpost.crew_size": {"base": 7, "four": 4}}
    assert report["files"] == []


def test_text_table_and_figure(folders, tmp_path, capsys):
    base, four = folders
    out = tmp_path / "cmp"
    assert main(["compare", str(base), str(four), "-o", str(out), "--formats", "png", "svg"]) == 0
    text = capsys.readouterr().out
    header, cost = text.splitlines()[:2]
    assert header.split() == ["base", "four"] and cost.startswith("life-cycle cost [MUSD")
    assert "Inputs that differ:" in text and "outpost.crew_size" in text
    assert sorted(p.name for p in out.iterdir()) == ["compare.json", "compare.png", "compare.svg"]
    report = json.loads((out / "compare.json").read_text())
    from trades.outputs import figures

    fig = figures.comparison(report)
    cost_ax, launch_ax, mass_ax, success_ax = fig.axes[:4]
    tops = {}
    for patch in cost_ax.patches:  # stacked by partner: each bar's top is the case's cost
        x = round(patch.get_x() + patch.get_width() / 2)
        tops[x] = max(tops.get(x, 0.0), patch.get_y() + patch.get_height())
    assert [tops[0], tops[1]] == pytest.approx([c["life_cycle_cost_musd"] for c in report["cases"]], rel=1e-9)
    assert [p.get_height() for p in mass_ax.patches] == pytest.approx([c["mass_in_launch_orbit_kg"] / 1000 for c in report["cases"]])
    assert [p.get_height() for p in success_ax.patches] == pytest.approx([c["all_launches_succeed_probability"] for c in report["cases"]])
    assert sum(p.get_height() for p in launch_ax.patches) == sum(c["launches"] for c in report["cases"])


def test_study_files_are_run_first(folders, tmp_path, capsys, monkeypatch):
    """A study file is run into -o DIR/runs/<name>; without -o into a scratch folder that is gone
    afterwards (nothing is written in the working folder)."""
    base, _ = folders
    four = _variant(tmp_path, "four", crew_size=4)
    monkeypatch.chdir(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    assert main(["compare", str(base), str(four), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    ran = json.loads((folders[1] / "summary.json").read_text())
    assert report["cases"][1]["life_cycle_cost_musd"] == pytest.approx(ran["cost"]["life_cycle_cost_musd"], rel=1e-12)
    assert main(["compare", str(base), str(four), "-o", str(tmp_path / "cmp"), "--format", "json"]) == 0
    capsys.readouterr()
    assert (tmp_path / "cmp" / "runs" / "four" / "summary.json").is_file()


@pytest.mark.parametrize("make, fragment", [
    (lambda tmp, base: [str(base)], "at least two"),
    (lambda tmp, base: [str(base), str(tmp / "nowhere")], "is neither an output folder nor a study file"),
    (lambda tmp, base: [str(base), str(tmp / "empty")], "no readable summary.json"),
])
def test_bad_arguments_are_one_line_exit_2(folders, tmp_path, capsys, make, fragment):
    (tmp_path / "empty").mkdir()
    out = tmp_path / "cmp"
    assert main(["compare", *make(tmp_path, folders[0]), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert fragment in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_cases_in_different_dollar_years_are_refused(folders, tmp_path, capsys):
    data = yaml.safe_load(LEO.read_text())
    data["campaign"]["dollar_base_year"] = 2020
    path = tmp_path / "old_dollars.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    assert main(["compare", str(folders[0]), str(path)]) == 2
    err = capsys.readouterr().err
    assert "different currencies" in err and "MUSD 2020" in err and "MUSD 2024" in err

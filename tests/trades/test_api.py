"""The notebook facade (trades/api.py): what it returns is what the command line writes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import trades
from trades.errors import StudyErrors

LEO = Path(__file__).resolve().parents[2] / "studies" / "leo_station_after_iss.yaml"


@pytest.fixture(scope="module")
def four(tmp_path_factory):
    out = tmp_path_factory.mktemp("api") / "four"
    return trades.load_study(LEO).set("outpost.crew_size", 4).run(out)


def test_run_without_a_folder_writes_nothing_where_you_work(tmp_path, monkeypatch):
    """Issue 21: no folder unless one is asked for; the results are in memory."""
    monkeypatch.chdir(tmp_path)
    results = trades.load_study(LEO).set("outpost.crew_size", 4).run()
    assert results.folder is None and list(tmp_path.iterdir()) == []
    assert results.life_cycle_cost_musd > 0 and len(results.by_year) == len(results.summary["per_year"])


def test_set_returns_a_new_validated_study():
    study = trades.load_study(LEO)
    changed = study.set("outpost.crew_size", 4)
    assert (study.get("outpost.crew_size"), changed.get("outpost.crew_size")) == (7, 4)
    assert changed.changes == {"outpost.crew_size": 4} and study.changes == {}
    with pytest.raises(KeyError, match="outpost.crew_sise"):
        study.set("outpost.crew_sise", 4)
    with pytest.raises(StudyErrors) as info:
        study.set("outpost.crew_size", 0)
    (error,) = info.value.errors
    assert (error.field, error.line) == ("outpost.crew_size", None) and "greater than or equal to 1" in error.reason


def test_changed_study_runs_as_the_command_line_would(four, tmp_path):
    """The changed study is written into its output folder, and `trades run` of that file gives
    the same summary as the facade's run."""
    from trades.cli import main

    written = four.folder / "study.yaml"
    assert written.is_file() and json.loads((four.folder / "provenance.json").read_text())
    assert main(["run", str(written), "-o", str(tmp_path / "cli"), "--format", "json"]) == 0
    again = json.loads((tmp_path / "cli" / "summary.json").read_text())
    assert again["cost"]["life_cycle_cost_musd"] == pytest.approx(four.life_cycle_cost_musd, rel=1e-12)
    assert again["totals"] == four.totals


def test_tables_are_the_summary_as_dataframes(four):
    summary = four.summary
    years = four.by_year
    assert list(years.index) == [r["year"] for r in summary["per_year"]]
    assert list(years["crew_days"]) == [r["crew_days"] for r in summary["per_year"]]
    assert list(years["cost_musd"]) == summary["cost"]["total_by_year_musd"]
    for p in summary["cost"]["partners"]:
        assert list(years[f"pays_musd.{p['partner']}"]) == p["pays_by_year_musd"]
        assert four.partners.loc[p["partner"], "pays_musd"] == p["pays_musd"]
    assert list(four.costs.index) == [i["item"] for i in summary["cost"]["items"]]
    assert list(four.costs["total_musd"]) == [i["total_musd"] for i in summary["cost"]["items"]]
    assert four.currency.startswith("MUSD 2024")
    assert trades.load_results(four.folder).summary == summary
    with pytest.raises(ValueError, match="spend"):
        four.plot("pareto")


def test_not_an_output_folder(tmp_path):
    with pytest.raises(StudyErrors, match="not an output folder"):
        trades.load_results(tmp_path)


def test_import_trades_stays_light():
    """`import trades` (the CLI's first import) does not pull in pandas or the facade."""
    code = "import sys, trades; print('pandas' in sys.modules, 'trades.api' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False"]

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

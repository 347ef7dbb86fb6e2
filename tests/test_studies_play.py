"""Every shipped study optimizes and plays its coalition game, or says by design why not
(issue: 'A new user's day', item 3: a shipped study passed validate, then optimize exited 2 and
coalitions 3). Slow: a full optimization and a whole game per study."""

from __future__ import annotations

from pathlib import Path

import pytest

from trades.cli import main

STUDY_FILES = sorted((Path(__file__).resolve().parents[1] / "studies").glob("*.yaml"))
#: why a study's game is not played, by design: the refusal must say one of these
NOT_A_GAME = ("a coalition game needs at least two partners", "coalitions split a cost")


@pytest.mark.slow
@pytest.mark.parametrize("path", STUDY_FILES, ids=lambda p: p.stem)
def test_study_optimizes_and_plays_its_game(path, tmp_path, capsys, played_game):
    assert main(["validate", str(path)]) == 0
    assert "warning" not in capsys.readouterr().out  # validate sees nothing optimize would refuse
    assert main(["optimize", str(path), "-o", str(tmp_path / "opt"), "--format", "json"]) == 0, capsys.readouterr().err
    capsys.readouterr()
    code, err, _ = played_game(path)  # the game the audit of every shipped game checks (tests/test_studies_audit.py)
    if code != 0:
        assert code == 2 and any(reason in err for reason in NOT_A_GAME), (code, err)
        assert err.startswith(f"{path}:"), err


def test_validate_warns_of_what_optimize_would_refuse(tmp_path, capsys):
    """A cost objective with a named vehicle that has no price: run works, optimize refuses;
    validate says so and still exits 0 (the study is valid input)."""
    text = (Path(__file__).resolve().parents[1] / "studies" / "lunar_research_station_cnsa_roscosmos.yaml").read_text()
    study = tmp_path / "priced_objective.yaml"
    study.write_text(text.replace("  name: launch_mass", "  name: life_cycle_cost"))
    assert main(["validate", str(study)]) == 0
    out = capsys.readouterr().out
    assert "warning: objective.name: 'life_cycle_cost' needs launch prices" in out and "'long_march_10'" in out
    assert main(["optimize", str(study), "-o", str(tmp_path / "o")]) == 2
    assert "needs launch prices" in capsys.readouterr().err

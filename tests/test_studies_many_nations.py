"""The two many-partner studies (issue 19 item 4) play their sampled coalition games and state
what the games find. Slow: the ILRS game optimizes 851 of its 4,095 coalitions (10 rounds; 4,043 in 269 rounds
while 201 coalitions stalled short of their optimum, which widened the founders' intervals).

The figures checked are the description's, read back from a run of the game (they move when the
cost model moves: restate them from a run, as for every study); the structure is checked beside
them: efficiency (the sampled shares add up to the grand coalition's cost exactly, since every
round's estimates do), partners without a capability pay more than those with one.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from trades.cli import main

STUDIES = Path(__file__).resolve().parents[1] / "studies"


def _play(name, tmp_path, capsys):
    path = STUDIES / f"{name}.yaml"
    assert main(["coalitions", str(path), "-o", str(tmp_path), "--format", "json"]) == 0
    capsys.readouterr()
    report = json.loads((tmp_path / "coalitions.json").read_text())
    description = " ".join(yaml.safe_load(path.read_text())["description"].split())
    assert report["method"] == "sampled" and report["sampling"]["target_met"]
    assert sum(report["allocations"]["shapley"].values()) == pytest.approx(report["grand_coalition_musd"], rel=1e-9)
    return report, description


@pytest.mark.slow
def test_ilrs_station_game(played_game):
    path = STUDIES / "ilrs_lunar_station_many_partners.yaml"
    code, err, report = played_game(path)  # played once, shared with the audit of every game (tests/test_studies_audit.py)
    assert code == 0, err
    text = " ".join(yaml.safe_load(path.read_text())["description"].split())
    assert report["method"] == "sampled" and report["sampling"]["target_met"]
    assert sum(report["allocations"]["shapley"].values()) == pytest.approx(report["grand_coalition_musd"], rel=1e-9)
    s, shapley, half = report["sampling"], report["allocations"]["shapley"], report["shapley_half_width_musd"]
    assert len(report["partners"]) == 12
    assert f"{s['coalitions']} coalitions in {s['rounds']} rounds of 12 rotated orders" in text
    assert f"grand coalition's {report['grand_coalition_musd'] / 1000:.0f} billion" in text
    founders, others = ["cnsa", "roscosmos"], [p for p in report["partners"] if p not in ("cnsa", "roscosmos")]
    assert max(shapley[p] for p in founders) + max(half[p] for p in founders) < min(shapley[p] - half[p] for p in others)
    mean = sum(shapley[p] for p in others) / len(others)
    assert f"each pay about {mean / 1000:.1f} billion" in text
    assert f"({shapley['cnsa'] / 1000:.1f} and {shapley['roscosmos'] / 1000:.1f} billion" in text
    proportional = report["allocations"]["proportional_to_contribution"]
    assert f"CNSA would pay {proportional['cnsa'] / 1000:.0f} and Roscosmos {proportional['roscosmos'] / 1000:.0f} billion" in text
    # every coalition with both founders does the grand coalition's mission (the others provide
    # nothing and are bought from by nobody), so it costs what the grand coalition costs; before
    # the stationarity check (trades/analyses/optimize_stationarity.py) 201 of them, every one of
    # six members, stopped 320 MUSD above it at the study's water closure
    grand, spread = report["grand_coalition_musd"], report["start_spread"]
    both = [r for r in report["coalitions"] if {"cnsa", "roscosmos"} <= set(r["members"])]
    assert max(r["cost_musd"] for r in both) == pytest.approx(grand, rel=1e-7)
    assert spread["coalitions_not_converged"] == []
    assert f"{spread['coalitions_with_a_stalled_start']} of the {s['coalitions']} coalitions" in text
    assert f"intervals at most {max(half[p] for p in others) / 1000:.2f} billion wide" in text


@pytest.mark.slow
@pytest.mark.xfail(run=False, strict=True, reason=(
    "restatement pending (issue 19, branch wip-games, 2026-12-06): the description's figures (465 coalitions in 3 rounds) "
    "come from the 3-round t-intervals, which under-cover (74 % on the 8-partner flagship game); the sampled game now "
    "needs at least 10 rounds and Cochran's rule, and a run of this 14-partner game did not finish on two shared cores "
    "(332 coalitions in 6 minutes before it was stopped). Not run: it would play the whole game"))
def test_artemis_accords_outpost_game(tmp_path, capsys):
    report, text = _play("artemis_accords_lunar_outpost", tmp_path, capsys)
    s, shapley = report["sampling"], report["allocations"]["shapley"]
    assert len(report["partners"]) == 14
    assert f"{s['coalitions']} coalitions in {s['rounds']} rounds of 14 rotated orders" in text
    assert f"grand coalition's {report['grand_coalition_musd'] / 1000:.0f} billion" in text
    cash_only = ["cnes", "dlr", "kasa", "uaesa", "asa", "aeb", "isa", "polsa", "aem"]
    assert max(shapley["nasa"], shapley["esa"]) < min(shapley[p] for p in cash_only)
    mean = sum(shapley[p] for p in cash_only) / len(cash_only)
    assert f"each pay about {mean / 1000:.1f} billion (a fourteenth of the outpost is {report['grand_coalition_musd'] / 14000:.1f})" in text
    assert f"ESA pays least ({shapley['esa'] / 1000:.1f} billion within {report['shapley_half_width_musd']['esa'] / 1000:.1f})" in text
    assert shapley["esa"] == min(shapley.values())
    assert f"ESA alone ({report['stand_alone_musd']['esa'] / 1000:.1f} billion)" in text

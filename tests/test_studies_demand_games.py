"""The studies given a demand game by the audit of every shipped game (tests/test_studies_audit.py
found their mission games flat): the figures their findings state, read back from the game the
audit plays (the ``played_game`` fixture, once per test process). The Shapley shares are recomputed
here from the coalition costs by the formula (an independent calculation of what the game gives),
and must match the report and the description. Slow: each plays a whole game."""

from __future__ import annotations

from itertools import combinations
from math import factorial
from pathlib import Path

import pytest
import yaml

STUDIES = Path(__file__).resolve().parents[1] / "studies"


def _shapley(players, cost):
    n = len(players)
    value = {}
    for p in players:
        others = [q for q in players if q != p]
        value[p] = sum(factorial(k) * factorial(n - k - 1) / factorial(n) * (cost[frozenset(s) | {p}] - cost.get(frozenset(s), 0.0))
                       for k in range(n) for s in combinations(others, k))
    return value


@pytest.mark.slow
@pytest.mark.parametrize("stem, alone", [("leo_station_after_iss", ("nasa", "csa")), ("mars_outpost_2033", ("nasa", "esa"))])
def test_demand_game_finding(stem, alone, played_game):
    path = STUDIES / f"{stem}.yaml"
    code, err, report = played_game(path)
    assert code == 0, err
    text = " ".join(yaml.safe_load(path.read_text())["description"].split())
    cost = {frozenset(r["members"]): r["cost_musd"] for r in report["coalitions"]}
    shapley = _shapley(report["partners"], cost)
    assert shapley == pytest.approx(report["allocations"]["shapley"], rel=1e-9)
    assert f"The grand coalition costs {report['grand_coalition_musd']:,.0f} MUSD, {alone[0].upper()} alone " \
           f"{report['stand_alone_musd'][alone[0]]:,.0f} and {alone[1].upper()} alone {report['stand_alone_musd'][alone[1]]:,.0f}" in text
    ranked = sorted(report["partners"], key=lambda p: -shapley[p])
    stated = ", ".join(f"{p.upper()} {shapley[p]:,.0f}" for p in ranked[:-1]) + f" and {ranked[-1].upper()} {shapley[ranked[-1]]:,.0f} MUSD"
    assert f"The Shapley shares are {stated}" in text
    # every partner but NASA does no work at the optimum and is charged less than alone (not degenerate)
    assert all(report["allocations"]["shapley"][p] < report["stand_alone_musd"][p] for p in report["partners"])


@pytest.mark.slow
def test_mars_outpost_split_by_demand(played_game):
    """The Mars outpost study flies its crews per mission (transportation.mars_crew), and a coalition
    flies its demand share of every mission (mars_crew.crew_share): ESA alone (8.3 of 97.7) costs
    less than NASA alone, and the split by demand is the grand coalition's cost times 8.3 / 97.7,
    computed here by hand and quoted by the description."""
    path = STUDIES / "mars_outpost_2033.yaml"
    code, err, report = played_game(path)
    assert code == 0, err
    text = " ".join(yaml.safe_load(path.read_text())["description"].split())
    alone = report["stand_alone_musd"]
    assert alone["esa"] < alone["jaxa"] < alone["nasa"] < report["grand_coalition_musd"]
    by_hand = report["grand_coalition_musd"] * 8.3 / (76.6 + 8.3 + 12.8)
    assert report["allocations"]["proportional_to_demand"]["esa"] == pytest.approx(by_hand, rel=1e-12)
    assert f"far above a split by demand (ESA {by_hand:,.0f})" in text

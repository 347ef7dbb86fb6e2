"""The demand game, allocations within budgets and the causes of subadditivity failures (issue 19
items 1-3). Expected values are computed by hand in the docstrings or come from an independent
implementation (games.nucleolus), never from the code under test."""

from __future__ import annotations

from collections import OrderedDict

import numpy as np
import pytest
import yaml

from trades.analyses import games
from trades.analyses.affordable import affordable_least_core, affordable_nucleolus, budget_raises
from trades.analyses.coalition_budgets import failure_causes, start_spread
from trades.analyses.coalition_demand import demand_fraction, unserved, zero_demand_record
from trades.analyses.coalition_study import coalition_study
from trades.errors import InfeasibleError
from trades.study.schema import parse_study_text

SYMMETRIC = {frozenset(s): v for s, v in [("a", 10.0), ("b", 10.0), ("c", 10.0), ("ab", 15.0), ("ac", 15.0), ("bc", 15.0), ("abc", 18.0)]}


def test_affordable_nucleolus_by_hand():
    """Symmetric game c(i) = 10, c(ij) = 15, c(N) = 18: nucleolus (6, 6, 6), least-core level -3
    (every pair at 12 - 15). With a's budget 4, x_a <= 4 forces x_b + x_c >= 14, so the pair {b, c}
    is at best 14 - 15 = -1 and the nucleolus splits the rest equally: (4, 7, 7). The least core
    at level -3 needs x_b + x_c <= 12, so x_a >= 6: a's budget raised by 2. With every budget
    (4, 5, 5) their sum 14 falls 4 short of 18: nothing is affordable, and the level -3 needs the
    point (6, 6, 6): raises 2, 1, 1."""
    players = ["a", "b", "c"]
    assert affordable_nucleolus(players, SYMMETRIC, {}) == pytest.approx({"a": 6.0, "b": 6.0, "c": 6.0})
    assert affordable_nucleolus(players, SYMMETRIC, {"a": 4.0}) == pytest.approx({"a": 4.0, "b": 7.0, "c": 7.0})
    assert affordable_least_core(players, SYMMETRIC, {"a": 4.0})[0] == pytest.approx(-1.0)
    raised = budget_raises(players, SYMMETRIC, {"a": 4.0})
    assert raised["target_epsilon_musd"] == pytest.approx(-3.0)
    assert raised["raises_musd"] == pytest.approx({"a": 2.0}) and raised["shortfall_musd"] == 0.0
    capped = {"a": 4.0, "b": 5.0, "c": 5.0}
    assert affordable_nucleolus(players, SYMMETRIC, capped) is None and affordable_least_core(players, SYMMETRIC, capped) is None
    raised = budget_raises(players, SYMMETRIC, capped)
    assert raised["shortfall_musd"] == pytest.approx(4.0)
    assert raised["raises_musd"] == pytest.approx({"a": 2.0, "b": 1.0, "c": 1.0})


@pytest.mark.parametrize("seed", range(12))
def test_affordable_nucleolus_on_random_games(seed):
    """Without budgets it is the nucleolus (games.nucleolus, a separate implementation); with
    budgets it stays within them, splits c(N), and reaches the affordable least core's level."""
    rng = np.random.default_rng(seed)
    players = [f"p{i}" for i in range(int(rng.integers(3, 6)))]
    game = {s: float(rng.uniform(1, 10) * len(s) ** 0.7) for s in games.coalitions(players)}
    free = affordable_nucleolus(players, game, {})
    assert free == pytest.approx(games.nucleolus(players, game), abs=1e-6)
    grand = game[frozenset(players)]
    budgets = {p: float(rng.uniform(0.1, 0.5) * grand) if i % 2 == 0 else None for i, p in enumerate(players)}
    x = affordable_nucleolus(players, game, budgets)
    assert sum(x.values()) == pytest.approx(grand)
    assert all(x[p] <= b + 1e-7 * grand for p, b in budgets.items() if b is not None)
    eps, _ = affordable_least_core(players, game, budgets)
    worst = max(sum(x[p] for p in s) - game[s] for s in games.coalitions(players) if len(s) < len(players))
    assert worst == pytest.approx(eps, abs=1e-6 * grand)


def _flagship(flagship, **edits):
    data = yaml.safe_load(flagship.read_text())
    data.update(edits)
    return parse_study_text(yaml.safe_dump(data), str(flagship))


def test_a_coalition_flies_its_members_share_of_the_rotations_without_caps(flagship):
    """ESA and CSA want 8.3 + 2.3 of the flagship's 100 (76.6 + 12.8 + 8.3 + 2.3): they fly 10.6 %
    of its one rotation a year to the same outpost; no member keeps a cap; the others sell."""
    study = _flagship(flagship)
    assert demand_fraction(study, {"esa", "csa"}) == pytest.approx(10.6 / 100.0)
    sub = coalition_study(study, frozenset({"esa", "csa"}))
    assert sub.outpost.rotations_per_year == pytest.approx(study.outpost.rotations_per_year * 0.106)
    assert (sub.outpost.stay_days, sub.outpost.crew_size) == (study.outpost.stay_days, study.outpost.crew_size)
    assert all(p.budget_cap_musd is None for p in sub.partners)
    assert sub._vendors == frozenset({"nasa", "jaxa"})


def test_a_coalition_carries_its_members_share_of_the_research_cargo():
    """Research cargo is the station's use, which the demand shares: in the LEO station study (NASA
    76.6, ESA 8.3, JAXA 12.8, CSA 2.3) ESA and CSA carry 10.6 % of its 4,221 kg a crewed year
    (448.4 kg, worked by hand) with 10.6 % of its two rotations; the grand coalition all of it."""
    from pathlib import Path

    from trades.study.schema import load_study

    study = load_study(Path(__file__).resolve().parents[2] / "studies" / "leo_station_after_iss.yaml")
    sub = coalition_study(study, frozenset({"esa", "csa"}))
    assert sub.utilisation.cargo_kg_per_crewed_year == pytest.approx(4221.0 * 0.106)
    assert sub.outpost.rotations_per_year == pytest.approx(2 * 0.106)
    grand = coalition_study(study, frozenset({"nasa", "esa", "jaxa", "csa"}))
    assert grand.utilisation.cargo_kg_per_crewed_year == pytest.approx(4221.0)


def test_a_coalition_that_wants_nothing_costs_nothing(flagship):
    data = yaml.safe_load(flagship.read_text())
    data["partners"][3]["demand"] = 0.0
    study = parse_study_text(yaml.safe_dump(data), str(flagship))
    assert zero_demand_record(study, {"csa"})["cost_musd"] == 0.0
    assert zero_demand_record(study, {"csa", "esa"}) is None


def test_a_coalition_that_cannot_serve_its_demand_stops_the_game_naming_it(flagship):
    study = _flagship(flagship)
    records = [{"members": ["csa"], "status": "infeasible", "reason": "no crew vehicle"},
               {"members": ["esa"], "status": "infeasible", "reason": "no crew vehicle"},
               {"members": ["nasa"], "status": "ok", "reason": "", "cost_musd": 1.0}]
    with pytest.raises(InfeasibleError, match=r"partners.demand: the demand game is not defined: 2 of 3 .*2 coalition\(s\) \(csa, esa\): no crew vehicle"):
        unserved(study, records)


def test_subadditivity_failures_name_their_cause():
    """A rule binding in the union only is the cause; else disagreeing starts; else the overhead."""
    a, b = frozenset({"a"}), frozenset({"b"})
    records = {a: {"binding": []}, b: {"binding": ["min_share of b (0.02)"]},
               a | b: {"binding": ["min_share of b (0.02)", "budget cap of a"], "starts": []}}
    assert failure_causes([(a, b, 5.0)], records)[0]["cause"] == "binds in the union only: budget cap of a"
    records[a | b] = {"binding": [], "starts": [{"objective": 10.0, "feasible": True, "success": True},
                                                {"objective": 12.0, "feasible": True, "success": True}]}
    assert "starts disagree (10 to 12)" in failure_causes([(a, b, 5.0)], records)[0]["cause"]
    records[a | b]["starts"] = records[a | b]["starts"][:1]
    assert failure_causes([(a, b, 5.0)], records)[0]["cause"].startswith("coordination overhead")
    assert start_spread([{"members": ["a", "b"], "starts": [{"objective": 10.0, "feasible": True, "success": True},
                                                            {"objective": 12.0, "feasible": True, "success": True}]}]) == {
        "coalitions_with_disagreeing_starts": ["a+b"], "widest_gap_musd": 2.0, "coalitions_with_one_feasible_start": 0,
        "coalitions_not_converged": [], "coalitions_with_a_stalled_start": 0}
    # a start that stalled short of a stationary point (replaced by another), and a coalition no start of which converged
    stalled = {"members": ["a"], "starts": [{"objective": 12.0, "feasible": True, "success": False, "stalled": "x: falls"},
                                            {"objective": 10.0, "feasible": True, "success": True}]}
    failed = {"members": ["b"], "starts": [{"objective": 9.0, "feasible": True, "success": False}]}
    spread = start_spread([stalled, failed])
    assert spread["coalitions_with_a_stalled_start"] == 1 and spread["coalitions_not_converged"] == ["b"]


def test_the_mission_games_grand_coalition_costs_what_nasa_esa_and_csa_cost(flagship):
    """Issue 19 item 3: in the mission game (no demands) NASA+ESA+CSA once cost less than all four
    (100,438 against 100,720 MUSD), and JAXA's 2 % minimum work share explained the whole gap.
    Since operations are paid at their dollar rate whoever runs them (TRANSCOST's f8 scales
    development and production only), that minimum share can be met with operations at no cost:
    all four cost what the three cost, with and without the rule (no local optimum, no failure
    of monotonicity)."""
    from trades.analyses.coalitions import _coalition_record

    data = yaml.safe_load(flagship.read_text())
    for partner in data["partners"]:
        partner.pop("demand")
    mission = parse_study_text(yaml.safe_dump(data), str(flagship))
    data["partners"][2]["min_share"] = 0.0
    no_minimum = parse_study_text(yaml.safe_dump(data), str(flagship))
    built = OrderedDict()
    three = _coalition_record(mission, str(flagship), frozenset({"nasa", "esa", "csa"}), built)["cost_musd"]
    four = _coalition_record(mission, str(flagship), frozenset({"nasa", "esa", "jaxa", "csa"}), built)["cost_musd"]
    freed = _coalition_record(no_minimum, str(flagship), frozenset({"nasa", "esa", "jaxa", "csa"}), built)["cost_musd"]
    assert four == pytest.approx(three, rel=1e-6)
    assert freed == pytest.approx(three, rel=1e-6)


def test_the_demand_game_refuses_rotations_as_a_design_variable(flagship, tmp_path, capsys):
    """The demand game scales the crew rotations, so `coalitions` refuses them as a design variable
    (exit 2, naming the demand); `validate` (and so run and optimize) accepts the study."""
    from trades.cli import main

    data = yaml.safe_load(flagship.read_text())
    data["design_variables"] = [{"name": "crew.rotations_per_year", "lower": 0.5, "upper": 1}]
    path = tmp_path / "variant.yaml"
    path.write_text(yaml.safe_dump(data))
    assert main(["validate", str(path)]) == 0
    assert main(["coalitions", str(path), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "partners[0].demand" in err and "cannot also be a design variable" in err
    assert not (tmp_path / "out" / "coalitions.json").exists()


@pytest.mark.slow
def test_cislunar_station_description_states_its_demand_game(tmp_path):
    """The cislunar station's game is no longer flat (issue 19: all 15 coalitions cost the same
    before demands): figures of its description read from a run of the game."""
    import json
    from pathlib import Path

    from trades.cli import main

    path = Path(__file__).resolve().parents[2] / "studies" / "cislunar_nrho_station.yaml"
    assert main(["coalitions", str(path), "-o", str(tmp_path / "out"), "--workers", "2", "--format", "json"]) == 0
    report = json.loads((tmp_path / "out" / "coalitions.json").read_text())
    description = " ".join(yaml.safe_load(path.read_text())["description"].split())
    b = lambda musd: f"{musd / 1000:.1f}"  # noqa: E731
    game = {"+".join(r["members"]): r["cost_musd"] for r in report["coalitions"]}
    assert len({round(v) for v in game.values()}) == len(game)  # every coalition its own cost
    phi, nuc = report["allocations"]["shapley"], report["allocations"]["nucleolus"]
    assert f"All four cost {b(report['grand_coalition_musd'])} billion" in description
    assert f"still costs {b(game['csa'])} billion" in description
    assert (f"NASA {b(phi['nasa'])}, JAXA {b(phi['jaxa'])}, ESA {b(phi['esa'])}, CSA {b(phi['csa'])} billion") in description
    assert nuc == pytest.approx(phi, rel=1e-4) and report["core"]["shapley"]["in_core"]
    saved = {round(report["cooperation_dividend_musd"][p]) for p in report["partners"]}
    assert len(saved) == 1 and f"saves the same {b(saved.pop())} billion" in description
    assert report["utilisation"]["nasa"]["provided_share"] == pytest.approx(1.0)

"""Coalition games beyond exact enumeration (issue 19 items 5 and 6): the sampled game, the
coalition database and --resume, the choice between exact and sampled, Dask, and bad input.

The fast tests replace the coalition optimization by a game whose Shapley value is known exactly
(Littlechild and Owen's airport game: a coalition pays for the longest runway it needs; its
Shapley value is the exact formula of trades.analyses.games.shapley, itself tested against the
airport game's closed form in test_games.py), so that they test the game machinery, not the model.
"""

from __future__ import annotations

import json
import sqlite3
from collections import OrderedDict

import pytest
import yaml

from trades.analyses import coalitions as coalitions_module
from trades.analyses import games
from trades.analyses.coalition_store import DATABASE, open_store
from trades.analyses.coalitions import CoalitionCosts
from trades.analyses.coalitions_sampled import sampled_game, use_sampling
from trades.cli import main
from trades.errors import StudyErrors
from trades.study import parse_study_text

TWELVE = ["cnsa", "roscosmos", "suparco", "sansa", "gistda", "azercosmos", "abae", "nasb", "egsa", "ases", "abe", "uaesa"]
RUNWAYS = dict(zip(TWELVE, [40.0, 35.0, 3.0, 5.0, 2.0, 1.0, 1.0, 2.0, 3.0, 1.0, 1.0, 8.0]))


def _study(flagship, partners, **coalitions):
    data = yaml.safe_load(flagship.read_text())
    data["partners"] = [{"id": p} for p in partners]
    data.pop("design_variables", None)
    data.pop("sweep", None)
    data["input_sources"] = {}
    if coalitions:
        data["coalitions"] = coalitions
    # the airport game below gives partners with the same data (suparco, sansa, gistda, ...) different runways: it is not
    # a function of the partners' data, so the model's symmetry (trades.analyses.coalition_symmetry) is switched off
    data.setdefault("coalitions", {})["symmetric_partners"] = False
    return parse_study_text(yaml.safe_dump(data, sort_keys=False), str(flagship))


class AirportGame:
    """Stands in for the coalition optimization: counts calls, can be told to fail on the n-th."""

    def __init__(self, interrupt_at: int | None = None):
        self.calls, self.interrupt_at = 0, interrupt_at

    def __call__(self, text, file, members, built=None):
        self.calls += 1
        if self.interrupt_at is not None and self.calls == self.interrupt_at:
            raise KeyboardInterrupt
        return {"members": sorted(members), "status": "ok", "reason": "", "cost_musd": max(RUNWAYS[m] for m in members),
                "bought_musd": 0.0, "seconds": 0.0}


def test_every_coalition_is_stored_as_it_finishes_and_a_killed_game_resumes(flagship, tmp_path, monkeypatch):
    study = _study(flagship, TWELVE[:5])
    everything = games.coalitions(TWELVE[:5])  # 31
    killed = AirportGame(interrupt_at=11)
    monkeypatch.setattr(coalitions_module, "evaluate_coalition", killed)
    db = open_store(tmp_path / DATABASE, study, resume=False)
    with pytest.raises(KeyboardInterrupt):
        CoalitionCosts(study, "s.yaml", workers=1, progress=False, db=db).evaluate(everything)
    db.close()
    with sqlite3.connect(tmp_path / DATABASE) as check:
        assert check.execute("SELECT COUNT(*) FROM coalitions").fetchone()[0] == 10  # the ten that finished
    with pytest.raises(Exception, match="--resume"):
        open_store(tmp_path / DATABASE, study, resume=False)
    resumed = AirportGame()
    monkeypatch.setattr(coalitions_module, "evaluate_coalition", resumed)
    db = open_store(tmp_path / DATABASE, study, resume=True)
    records = CoalitionCosts(study, "s.yaml", workers=1, progress=False, db=db).evaluate(everything)
    db.close()
    assert resumed.calls == 31 - 10  # only the missing ones
    assert [frozenset(r["members"]) for r in records] == everything
    assert all(r["cost_musd"] == max(RUNWAYS[m] for m in r["members"]) for r in records)


def test_a_changed_study_does_not_resume_but_a_new_half_width_does(flagship, tmp_path):
    study = _study(flagship, TWELVE[:3])
    open_store(tmp_path / DATABASE, study, resume=False).close()
    tighter = _study(flagship, TWELVE[:3], relative_half_width=0.001, method="sampled", seed=4)
    open_store(tmp_path / DATABASE, tighter, resume=True).close()  # what only chooses coalitions may change
    other = _study(flagship, TWELVE[:3], purchase_markup=1.5)
    with pytest.raises(StudyErrors, match="the study changed"):
        open_store(tmp_path / DATABASE, other, resume=True)


def test_each_coalition_is_optimized_once(flagship, monkeypatch):
    study = _study(flagship, TWELVE[:4])
    counting = AirportGame()
    monkeypatch.setattr(coalitions_module, "evaluate_coalition", counting)
    costs = CoalitionCosts(study, "s.yaml", workers=1, progress=False)
    costs.evaluate([frozenset(["cnsa"]), frozenset(["cnsa", "sansa"])])
    costs.evaluate([frozenset(["cnsa", "sansa"]), frozenset(["sansa"]), frozenset(["cnsa"])])
    assert counting.calls == 3


def test_sampled_game_of_twelve_partners_covers_the_exact_shapley_value(flagship, monkeypatch):
    """12 partners (4,095 coalitions): the sampled game reaches 8 % of the grand coalition's cost
    (a rough game: the two long runways swing every marginal) with fewer coalitions than the exact
    game, its intervals cover the exact values (computed here with the exact formula over all 4,095
    coalitions), and stand-alone costs and marginal values are exact.

    With the 3-round minimum it needed under half of them; since the intervals must also meet
    Cochran's rule (games.shapley_sampled: the short runways' marginals are rare jumps, strongly
    skewed) it took 2,977 in 75 rounds; with each round's estimate averaged with its reversed order's
    (antithetic, no coalition added) 1,453 in 20 rounds (both measured 2026-12-06 with
    games.shapley_sampled on this game, seed 0): honest intervals cost samples."""
    study = _study(flagship, TWELVE, method="auto", relative_half_width=0.08)
    assert use_sampling(study) and not use_sampling(study, "exact") and use_sampling(_study(flagship, TWELVE[:3]), "sampled")
    monkeypatch.setattr(coalitions_module, "evaluate_coalition", AirportGame())
    report = sampled_game(study, CoalitionCosts(study, "s.yaml", workers=1, progress=False), progress=False)
    exact_game = {s: max(RUNWAYS[m] for m in s) for s in games.coalitions(TWELVE)}
    exact = games.shapley(TWELVE, exact_game)
    sampling = report["sampling"]
    assert sampling["target_met"] and sampling["coalitions"] < len(exact_game)
    assert sampling["target_half_width_musd"] == pytest.approx(0.08 * 40.0)
    for p in TWELVE:
        assert report["shapley_half_width_musd"][p] <= sampling["target_half_width_musd"]
        # about four standard errors (the 95 % level itself is tested in test_games.py)
        assert abs(report["allocations"]["shapley"][p] - exact[p]) <= 2 * report["shapley_half_width_musd"][p] + 1e-9
        assert report["stand_alone_musd"][p] == RUNWAYS[p]
    assert report["marginal_value_musd"] == pytest.approx(games.marginal_values(TWELVE, exact_game))
    assert report["core_empty"] is None and report["method"] == "sampled"
    from trades.outputs import figures  # the report's figures draw a sampled game too (no core; intervals)

    for kind in (figures.shares, figures.dividend):
        figure = kind(report)
        assert figure.axes[0].get_xticklabels()[0].get_text() == TWELVE[0]


def _bad(tmp_path, flagship, edit):
    data = yaml.safe_load(flagship.read_text())
    edit(data)
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path, path.read_text().splitlines()


def _line_of(lines, text):
    return next(i for i, line in enumerate(lines, 1) if text in line)


def test_bad_half_width_and_unknown_partner_name_the_real_line(flagship, tmp_path, capsys):
    path, lines = _bad(tmp_path, flagship, lambda d: d.update(coalitions={"relative_half_width": 0}))
    assert main(["coalitions", str(path), "-o", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{path}:{_line_of(lines, 'relative_half_width')}: coalitions.relative_half_width:") and "greater than 0" in err
    assert not (tmp_path / "o").exists()

    path, lines = _bad(tmp_path, flagship, lambda d: d["partners"].append({"id": "kazcosmos", "demand": 1.0}))
    assert main(["coalitions", str(path), "-o", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{path}:{_line_of(lines, 'id: kazcosmos')}: partners[4].id: unknown partner 'kazcosmos'")

    path, lines = _bad(tmp_path, flagship, lambda d: d.update(coalitions={"workers": 2}))
    assert main(["coalitions", str(path), "-o", str(tmp_path / "o"), "--half-width", "-0.5"]) == 2
    err = capsys.readouterr().err
    assert f"{path}:{_line_of(lines, 'coalitions:')}: coalitions.relative_half_width: --half-width -0.5: must be positive" in err
    assert "Traceback" not in err and not (tmp_path / "o").exists()


def test_the_ilrs_station_study_is_blamed_at_its_own_objective_line(capsys):
    """It once blamed line 78 of a 64-line file; the line must be the one of `name: launch_mass`."""
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "studies" / "lunar_research_station_cnsa_roscosmos.yaml"
    lines = path.read_text().splitlines()
    assert main(["coalitions", str(path), "-o", "/nonexistent/never-written"]) == 2
    err = capsys.readouterr().err
    line = _line_of(lines, "name: launch_mass")
    assert err.startswith(f"{path}:{line}: objective.name: coalitions split a cost") and line <= len(lines)


def test_many_partners_refuse_scenarios_which_need_an_exact_game(flagship, tmp_path, capsys):
    data = yaml.safe_load(flagship.read_text())
    data["partners"] = [{"id": p} for p in TWELVE]
    path = tmp_path / "twelve.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    assert main(["coalitions", str(path), "-o", str(tmp_path / "o"), "--scenarios"]) == 2
    assert "--scenarios and --leave play exact games: 12 partners are sampled" in capsys.readouterr().err


@pytest.mark.slow
def test_sampled_against_exact_on_the_eight_partner_flagship(flagship, tmp_path):
    """The 8-partner flagship game (the benchmark's), sampled to 2 % of the grand coalition's cost
    on the exact game's coalition costs (seed 0), against the exact Shapley values: every error is
    within two half-widths (about four standard errors), and at least 6 of the 8 95 % intervals
    cover (binomial(8, 0.95) gives 5 or fewer with probability 0.006). That all 8 cover is not
    what a 95 % interval promises (probability 0.66): the benchmark's run of this game had 7 of 8;
    the 95 % level itself is tested over 300 games in test_games.py.

    This was a strict xfail: with a 3-round minimum the t-intervals missed the exact values by 4-8
    half-widths (their coverage over 40 seeds of this game's exact coalition costs: 237 of 320,
    74 %). With at least 10 rounds and Cochran's rule R > 25 g1^2 (games.shapley_sampled) the
    same 40 seeds cover 306 of 320 (95.6 %), each stopping after 10 to 400 rounds (median 319):
    the skewed round estimates of this game ask for many rounds, which cost nothing new once the
    255 coalitions are known (measured 2026-12-06 on the records of this test's exact game, with
    the sampler before its rounds were averaged with their reversed orders and over interchangeable
    partners; not measured again since: this game has no interchangeable partners, and the
    averages are tested for coverage in test_games.py)."""
    from benchmarks.bench_coalitions import PARTNERS, study_with
    from trades.analyses.coalitions import analyse

    study = study_with(PARTNERS)
    costs = CoalitionCosts(study, str(flagship), progress=False)
    exact = analyse(study, [dict(r) for r in costs.evaluate(games.coalitions(PARTNERS))])
    data = study.model_dump(mode="json")
    data["coalitions"].update(relative_half_width=0.02, method="sampled")
    sampled_study = parse_study_text(yaml.safe_dump(data, sort_keys=False), str(flagship))
    costs.study = sampled_study
    report = sampled_game(sampled_study, costs, progress=False)
    assert report["sampling"]["target_met"]
    gaps = {p: abs(report["allocations"]["shapley"][p] - exact["allocations"]["shapley"][p]) for p in PARTNERS}
    # a partner whose every marginal cost is the same (CSA's: it adds nothing) has a zero-width
    # interval, and its exact and sampled values then differ only by the order in which the same
    # floating-point costs are summed (2e-11 MUSD measured); a floor of 1e-12 of the grand
    # coalition's cost (1e-7 MUSD here) covers that rounding and nothing a sample could get wrong
    rounding = 1e-12 * exact["grand_coalition_musd"]
    half = {p: w + rounding for p, w in report["shapley_half_width_musd"].items()}
    assert all(gaps[p] <= 2 * half[p] for p in PARTNERS), (gaps, half)
    assert sum(gaps[p] <= half[p] for p in PARTNERS) >= 6, (gaps, half)


@pytest.mark.slow
def test_a_game_on_a_dask_cluster_equals_the_local_game(flagship, tmp_path, capsys):
    """`--scheduler`: the same executor as the sweep; the records equal a local run's."""
    from tests.trades.test_sweep import _start_dask

    data = yaml.safe_load(flagship.read_text())
    data["partners"] = data["partners"][:3]
    data.pop("design_variables")
    path = tmp_path / "three.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    assert main(["coalitions", str(path), "-o", str(tmp_path / "local"), "--workers", "1", "--format", "json"]) == 0
    address, scheduler, workers = _start_dask(tmp_path)
    try:
        assert main(["coalitions", str(path), "-o", str(tmp_path / "dask"), "--scheduler", address, "--format", "json"]) == 0
    finally:
        for process in (*workers, scheduler):
            process.kill()
            process.wait()
    capsys.readouterr()
    local, remote = (json.loads((tmp_path / d / "coalitions.json").read_text())["coalitions"] for d in ("local", "dask"))
    assert [r["members"] for r in local] == [r["members"] for r in remote]
    assert [r["status"] for r in local] == [r["status"] for r in remote]
    for a, b in zip(local, remote):
        assert a["cost_musd"] == pytest.approx(b["cost_musd"], rel=1e-6)

"""`trades coalitions`: the characteristic function from the study, allocations, core, dividend."""

from __future__ import annotations

import csv
import json

import pytest
import yaml

from trades.cli import main
from trades.analyses.coalitions import analyse
from trades.analyses.coalition_study import coalition_study
from trades.study import parse_study_text

FIRST_CREWED_YEAR = 2032  # the flagship's
OPS_RATE_2024 = 183.3 * 313.689 / 251.107  # ISS O&M per crew position (2018 $) in 2024 $ (CPI-U)


def _two_partner_study(flagship, tmp_path, **coalitions):
    """The optimize test's reduced case: NASA can build everything, ESA (factor 0.8) only the life
    support, within a yearly cap that makes 90 % of it its best share; no coordination overhead
    (exponent 0), so costs are linear in the shares. Returns the study, the life support's cost C
    at factor 1 (development and first unit, without its launch) and the cap."""
    data = yaml.safe_load(flagship.read_text())
    data["partners"] = [{"id": "nasa"}, {"id": "esa", "capabilities": ["life_support"], "cost_factor": 0.8}]
    data["cost_sharing"] = {**data.get("cost_sharing", {}), "coordination_exponent": 0.0}
    data.pop("design_variables")
    if coalitions:
        data["coalitions"] = coalitions
    path = tmp_path / "two.yaml"
    path.write_text(yaml.safe_dump(data))
    # the warm start gives ESA the whole life support: before the first crew ESA pays only that
    assert main(["run", str(path), "-o", str(tmp_path / "uncapped"), "--format", "json"]) == 0
    summary = json.loads((tmp_path / "uncapped" / "summary.json").read_text())["cost"]
    esa = next(p for p in summary["partners"] if p["partner"] == "esa")
    cap = 0.9 * max(pay for year, pay in zip(summary["years"], esa["pays_by_year_musd"]) if year < FIRST_CREWED_YEAR)
    life_support = next(i for i in summary["items"] if i["item"] == "life_support")
    hardware = (life_support["development_musd"] + life_support["production_musd"]) / 0.8
    data["partners"][1]["budget_cap_musd"] = cap
    path.write_text(yaml.safe_dump(data))
    return path, hardware, cap


def test_two_partner_game_by_hand(flagship, tmp_path):
    path, hardware, _ = _two_partner_study(flagship, tmp_path)
    out = tmp_path / "out"
    assert main(["coalitions", str(path), "-o", str(out), "--workers", "1", "--format", "json"]) == 0
    report = json.loads((out / "coalitions.json").read_text())
    cost = {"+".join(r["members"]): r for r in report["coalitions"]}
    nasa, esa, both = cost["nasa"], cost["esa"], cost["esa+nasa"]
    # NASA alone builds the life support itself (factor 1): C + L; together ESA takes the share
    # s = 0.9 its cap buys at factor 0.8, no overhead (exponent 0): (1 - 0.2 s) C + L; operations
    # cost the same whoever runs them
    assert both["cost_musd"] - nasa["cost_musd"] == pytest.approx(-0.2 * 0.9 * hardware, rel=1e-5)
    # ESA alone must buy everything but the life support from NASA and build all of it: 0.8 x_y + l_y
    # in its costliest year, above its cap, so it is infeasible and charged the costliest feasible
    # coalition (NASA alone)
    assert esa["status"] == "infeasible" and "budget cap of esa" in esa["reason"]
    assert esa["bought_musd"] > 0
    assert esa["cost_musd"] == nasa["cost_musd"] == report["infeasible_charge_musd"]
    # Shapley by hand for two players
    c1, c2, c12 = nasa["cost_musd"], esa["cost_musd"], both["cost_musd"]
    shapley = report["allocations"]["shapley"]
    assert shapley["nasa"] == pytest.approx(0.5 * c1 + 0.5 * (c12 - c2))
    assert shapley["esa"] == pytest.approx(0.5 * c2 + 0.5 * (c12 - c1))
    # two players: the nucleolus splits the saving equally too (standard solution)
    assert report["allocations"]["nucleolus"] == pytest.approx(shapley, rel=1e-9)
    assert report["cooperation_dividend_musd"]["total"] == pytest.approx(c1 + c2 - c12)
    assert report["marginal_value_musd"]["esa"] == pytest.approx(c1 - c12)
    assert report["core"]["shapley"]["in_core"]
    rows = list(csv.DictReader((out / "coalitions.csv").open()))
    assert [r["coalition"] for r in rows] == ["nasa", "esa", "esa+nasa"]


def test_penalty_mode(flagship, tmp_path):
    path, *_ = _two_partner_study(flagship, tmp_path, missing_capability="penalty", penalty_musd=1.0e6)
    out = tmp_path / "out"
    assert main(["coalitions", str(path), "-o", str(out), "--workers", "1", "--format", "json"]) == 0
    report = json.loads((out / "coalitions.json").read_text())
    esa = next(r for r in report["coalitions"] if r["members"] == ["esa"])
    assert esa["status"] == "infeasible" and esa["cost_musd"] == 1.0e6
    assert "'sls_block1' is not available" in esa["reason"]  # ESA has no crew vehicle of its own


def test_coalition_study_buys_only_what_members_cannot_provide(flagship):
    study = parse_study_text(flagship.read_text(), str(flagship))
    sub = coalition_study(study, frozenset({"esa"}))
    assert [p.id for p in sub.partners] == ["esa", "nasa", "jaxa", "csa"]  # members first: ESA leads
    assert sub._vendors == {"nasa", "jaxa", "csa"}
    assert all(p.budget_cap_musd is None and p.min_share == 0 for p in sub.partners[1:])
    from trades.architecture.resolve import resolve

    plan = resolve(sub).cost
    eligible = {i.name: [p for p, ok in zip(plan.partners, i.eligible) if ok] for i in plan.items}
    assert eligible["habitat"] == ["esa"] and eligible["operations"] == ["esa"]
    assert eligible["crew_transport"] == ["nasa"]  # bought, as ESA has no crew vehicle


def _flagship_with_caps(flagship, caps: dict[str, float | None]):
    data = yaml.safe_load(flagship.read_text())  # the mission game: the demand game lifts caps
    for partner in data["partners"]:
        partner.pop("demand", None)
        if partner["id"] in caps:
            partner["budget_cap_musd"] = caps[partner["id"]]
    return parse_study_text(yaml.safe_dump(data), str(flagship))


def _mission_game(flagship) -> str:
    """The flagship without its partners' demands: every coalition flies the whole mission."""
    data = yaml.safe_load(flagship.read_text())
    for partner in data["partners"]:
        partner.pop("demand", None)
    return yaml.safe_dump(data)


def test_coalition_of_capped_members_pools_its_caps(flagship):
    """Who pays for what a coalition buys is the coalition's choice (it changes no cost): each
    member's own work stays within its cap, and, when every member is capped, the year's whole
    spending within the sum of the caps. Payments stay one-to-one (a seller's row is what the
    coalition pays it)."""
    import numpy as np

    from trades.architecture.resolve import resolve

    study = parse_study_text(_mission_game(flagship), str(flagship))  # the demand game lifts caps
    capped = resolve(coalition_study(study, frozenset({"esa", "jaxa"}))).cost
    assert capped.pooled_cap == 1000 + 400  # the flagship's ESA and JAXA caps
    assert np.array_equal(capped.payment_matrix, np.eye(len(capped.partners)))
    assert resolve(coalition_study(study, frozenset({"nasa", "esa"}))).cost.pooled_cap is None  # NASA has no cap
    # under a fixed key each member pays its key's part of everything, purchases included
    keyed = yaml.safe_load(_mission_game(flagship))
    keyed["cost_sharing"] = {"rule": "fixed_key", "key": {"nasa": 0.7, "esa": 0.2, "jaxa": 0.05, "csa": 0.05}}
    plan = resolve(coalition_study(parse_study_text(yaml.safe_dump(keyed), str(flagship)), frozenset({"esa", "jaxa"}))).cost
    assert plan.pooled_cap is None
    nasa = plan.partners.index("nasa")
    assert plan.payment_matrix[[plan.partners.index("esa"), plan.partners.index("jaxa")], nasa] == pytest.approx([0.8, 0.2])


def test_pooled_caps_let_a_member_pay_what_the_coalition_buys(flagship):
    """JAXA with a 300 MUSD cap and ESA with one far above the mission's yearly cost: ESA can pay
    for everything the pair buys, so the pair costs what it costs with ESA uncapped (the pooled
    cap never binds; that optimum, found without it, is the reference). Under an equal split of
    purchases JAXA would pay half of them: on average over the campaign more than its cap, so
    more than its cap in some year."""
    from trades.analyses.coalitions import _coalition_record

    members = frozenset({"esa", "jaxa"})
    pooled = _coalition_record(_flagship_with_caps(flagship, {"esa": 1.0e6, "jaxa": 300.0}), str(flagship), members)
    uncapped = _coalition_record(_flagship_with_caps(flagship, {"esa": None, "jaxa": 300.0}), str(flagship), members)
    assert pooled["status"] == uncapped["status"] == "ok"
    assert pooled["cost_musd"] == pytest.approx(uncapped["cost_musd"], rel=1e-6)
    years = len(_flagship_with_caps(flagship, {}).years)
    assert pooled["bought_musd"] / 2 / years > 300


def test_pooled_caps_too_small_make_the_coalition_infeasible(flagship, tmp_path):
    """ESA and a second partner like it (building only the life support, a cap of twice the yearly
    operations each) can run the operations between them but must buy the rest of the outpost
    from NASA: more a year than their pooled caps."""
    from trades.analyses.coalitions import _coalition_record

    path, *_ = _two_partner_study(flagship, tmp_path)
    data = yaml.safe_load(path.read_text())
    operations = OPS_RATE_2024 * data["outpost"]["crew_size"]
    data["partners"][1]["budget_cap_musd"] = 2 * operations
    data["partners"].append({**data["partners"][1], "id": "jaxa"})
    record = _coalition_record(parse_study_text(yaml.safe_dump(data), str(path)), str(path), frozenset({"esa", "jaxa"}))
    assert record["status"] == "infeasible"
    # from the first development year: since the crew landers' hardware is costed (Altair's derived
    # dry mass, wip-landercost) the coalition buys their development from NASA in 2026-2029 too;
    # from issue 18 until then only the deployment year on (habitat and life support by AMCM fitted)
    assert record["reason"].startswith(f"breaks its rules: budget cap of the coalition (esa+jaxa, caps pooled): above it in {data['campaign']['start_year']}-")
    assert f"cap {4 * operations:,.0f}" in record["reason"]


def test_return_rule_binds_the_members_only(flagship):
    """Under a fixed key with a return rule, a coalition's sellers are paid by its members and
    pay nothing themselves: the work/funding rule is on the two members, not on the sellers
    (whose ratio has no funding), and the optimizer ends converged."""
    from collections import OrderedDict

    from trades.analyses.coalitions import optimize_reusing

    data = yaml.safe_load(flagship.read_text())
    data["partners"] = [{"id": "nasa"}, {"id": "esa", "cost_factor": 0.86}, {"id": "jaxa"}]
    data.pop("design_variables")
    data["cost_sharing"] = {"rule": "fixed_key", "key": {"nasa": 76.6 / 97.7, "esa": 8.3 / 97.7, "jaxa": 12.8 / 97.7},
                            "return_min": 0.8, "return_max": 1.25}
    study = parse_study_text(yaml.safe_dump(data), str(flagship))
    arch, prob, result = optimize_reusing(coalition_study(study, frozenset({"nasa", "esa"})), str(flagship), OrderedDict())
    assert {name: meta["size"] for name, meta in prob.driver._cons.items() if "return" in name} == {
        "cost.partners.return_low": 2, "cost.partners.return_high": 2}
    assert result["success"] and result["violations"] == []


def test_reused_problems_give_the_optimum_of_a_new_one(flagship):
    """The game builds one problem per structure and aims it at each coalition in turn (its
    variables, rules and inputs): every coalition's record equals the one from a problem built
    for it alone."""
    from collections import OrderedDict

    from trades.analyses.coalitions import _coalition_record
    from trades.analyses.games import coalitions as all_coalitions

    study = parse_study_text(flagship.read_text(), str(flagship))
    built, played = OrderedDict(), all_coalitions([p.id for p in study.partners])
    for members in played:
        reused = _coalition_record(study, str(flagship), frozenset(members), built)
        new = _coalition_record(study, str(flagship), frozenset(members))
        assert new["status"] != "error" and (reused["status"], reused["reason"]) == (new["status"], new["reason"])
        if new["status"] == "ok":
            assert reused["cost_musd"] == pytest.approx(new["cost_musd"], rel=1e-12)
            assert reused["provided_musd"] == pytest.approx(new["provided_musd"], rel=1e-9, abs=1e-9)
    assert len(built) < len(played)  # a problem per set of rules (caps, share limits), not per coalition


def test_analysis_of_given_records():
    """A synthetic three-partner record set: allocations efficient, infeasible coalitions charged."""
    study = parse_study_text(yaml.safe_dump({"name": "t", "partners": [{"id": "nasa"}, {"id": "esa"}, {"id": "jaxa"}]}), "t.yaml")
    costs = {("nasa",): 100.0, ("esa",): None, ("jaxa",): None, ("esa", "nasa"): 90.0, ("jaxa", "nasa"): 95.0,
             ("esa", "jaxa"): None, ("esa", "jaxa", "nasa"): 88.0}
    records = [{"members": list(k), "status": "ok" if v is not None else "infeasible", "reason": "" if v else "no crew vehicle",
                "cost_musd": v, "bought_musd": 0.0} for k, v in costs.items()]
    report = analyse(study, records)
    assert report["infeasible_charge_musd"] == 100.0
    assert sum(report["allocations"]["shapley"].values()) == pytest.approx(88.0)
    assert sum(report["allocations"]["nucleolus"].values()) == pytest.approx(88.0)
    assert report["cooperation_dividend_musd"]["total"] == pytest.approx(300.0 - 88.0)
    assert report["subadditivity_failures"] == []


def test_policy_scenarios_side_by_side(flagship, tmp_path, capsys):
    path, *_ = _two_partner_study(flagship, tmp_path)
    out = tmp_path / "out"
    assert main(["coalitions", str(path), "-o", str(out), "--workers", "2", "--scenarios", "--bar", "nasa,esa"]) == 0
    printed = capsys.readouterr().out
    assert "Policy scenarios:" in printed and "national launch" in printed and "nasa and esa barred" in printed
    report = json.loads((out / "coalitions.json").read_text())
    by_name = {s["scenario"]: s for s in report["scenarios"]}
    assert set(by_name) == {"as given", "national launch", "interface standard (alpha 0.25)", "nasa and esa barred"}
    # the two-partner case has no coordination overhead (exponent 0): the interface standard's
    # exponent 0.25 is higher, and a higher exponent cannot make the shared life support cheaper
    assert by_name["interface standard (alpha 0.25)"]["grand_coalition_musd"] >= by_name["as given"]["grand_coalition_musd"] * (1 - 1e-9)
    # barred from working together, NASA and ESA cannot share the life support (and ESA cannot
    # afford all of it): the grand coalition loses the 90/10 split and costs what NASA alone does
    nasa_alone = next(r for r in report["coalitions"] if r["members"] == ["nasa"])["cost_musd"]
    assert by_name["nasa and esa barred"]["grand_coalition_musd"] == pytest.approx(nasa_alone, rel=1e-6)
    for s in report["scenarios"]:
        assert sum(s["shapley_musd"].values()) == pytest.approx(s["grand_coalition_musd"])


def test_bad_bar_option(flagship, tmp_path, capsys):
    path, *_ = _two_partner_study(flagship, tmp_path)
    assert main(["coalitions", str(path), "-o", str(tmp_path / "out"), "--scenarios", "--bar", "nasa,cnsa"]) == 2
    assert "needs two different partners of the study" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


@pytest.fixture(scope="module")
def flagship_game(tmp_path_factory, flagship):
    """The flagship's game, played in a fresh interpreter with one worker and Python's hash seed fixed (0).

    The game's optimum is flat along the work split (operations cost the same whoever runs them), so the
    split follows the last bits of the grand coalition's optimization. Those moved with the hash seed
    (measured, PYTHONHASHSEED 0-5: seed 4 gave ESA 15.07, JAXA 2.75, CSA 0.03 % of the work, the others
    14.56, 3.54, 0.27 %, the same cost) until a coalition's demand was summed in the study's order instead
    of its member set's (trades/analyses/coalition_demand.py); since, seeds 0-4 and 7 give the same split.
    The seed stays fixed so that the figures checked here stay reproducible should another order
    dependence appear; test_flagship_game_does_not_follow_the_hash_seed looks for one."""
    import os
    import subprocess
    import sys

    out = tmp_path_factory.mktemp("game") / "out"
    done = subprocess.run([sys.executable, "-m", "trades", "coalitions", str(flagship), "-o", str(out), "--workers", "1",
                           "--format", "json"], capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads((out / "coalitions.json").read_text())


def test_flagship_game_does_not_follow_the_hash_seed(flagship_game, flagship, tmp_path):
    """Played with another hash seed (4, which moved the work split before the demand was summed in the
    study's order), the game gives the same costs and the same work split to the last bit."""
    import os
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "trades", "coalitions", str(flagship), "-o", str(tmp_path / "out"), "--workers",
                           "1", "--format", "json"], capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "4"})
    assert done.returncode == 0, done.stderr[-2000:]
    other = json.loads((tmp_path / "out" / "coalitions.json").read_text())
    assert other["grand_coalition_musd"] == flagship_game["grand_coalition_musd"]
    assert {r["cost_musd"] for r in other["coalitions"]} == {r["cost_musd"] for r in flagship_game["coalitions"]}
    assert ({p: u["provided_share"] for p, u in other["utilisation"].items()}
            == {p: u["provided_share"] for p, u in flagship_game["utilisation"].items()})


def test_demand_is_summed_in_the_studys_order(flagship):
    """demand_fraction sums the members' demands in the study's partner order whatever the set's order."""
    from trades.analyses.coalition_demand import demand_fraction, demand_shares
    from trades.study.schema import load_study

    study = load_study(flagship)
    demand = demand_shares(study)
    members = frozenset(["csa", "jaxa", "esa"])
    in_order = 0.0
    for p in demand:  # the study's order, by hand
        if p in members:
            in_order += demand[p]
    assert demand_fraction(study, members) == in_order / sum(demand.values())


def test_flagship_game_is_subadditive_or_says_where_not(flagship_game):
    """The grand coalition's cost is not above any partition's summed cost; where a pair of
    disjoint coalitions costs more together, the report lists it."""
    game = {frozenset(r["members"]): r["cost_musd"] for r in flagship_game["coalitions"]}
    grand = frozenset(flagship_game["partners"])
    listed = {(frozenset(f["coalition"]), frozenset(f["with"])) for f in flagship_game["subadditivity_failures"]}
    from trades.analyses.games import coalitions as all_coalitions

    for s in all_coalitions(sorted(grand)):
        rest = grand - s
        if s and rest and min(s) < min(rest):
            if game[grand] > game[s] + game[rest] + 1e-6:
                assert (s, rest) in listed
    assert flagship_game["subadditivity_failures"] == []  # for the flagship it holds
    # every partner does the same mission alone, so the game splits the outpost like a public
    # good: the Shapley value asks CSA (cap 100 MUSD a year) for more than 19 years of its cap
    assert "csa" in flagship_game["over_budget"]["shapley"]
    assert flagship_game["campaign_budget_musd"]["csa"] == pytest.approx(100 * 19)
    for name, allocation in flagship_game["allocations"].items():
        assert sum(allocation.values()) == pytest.approx(game[grand]), name


def test_flagship_description_states_what_coalitions_finds(flagship_game, flagship):
    """The flagship's demand game, restated from a run (issue 19 items 1-2): the figures of its
    description are read from the game's report, so a change that moves them fails here."""
    description = " ".join(yaml.safe_load(flagship.read_text())["description"].split())
    b = lambda musd: f"{musd / 1000:.1f}"  # noqa: E731
    game = {"+".join(r["members"]): r["cost_musd"] for r in flagship_game["coalitions"]}
    shapley, affordable = flagship_game["allocations"]["shapley"], flagship_game["affordable"]
    assert f"All four together cost {b(flagship_game['grand_coalition_musd'])} billion" in description
    assert f"CSA alone, flying 2.3 % of the rotations, still costs {b(game['csa'])} billion" in description
    assert (f"Shapley shares are NASA {b(shapley['nasa'])}, JAXA {b(shapley['jaxa'])}, ESA {b(shapley['esa'])} and "
            f"CSA {b(shapley['csa'])} billion, in the core") in description and flagship_game["core"]["shapley"]["in_core"]
    # ESA too since the crew lander's development takes TRANSCOST's first-generation f1, 1.3 (wip-f1): its 20.4 billion
    # against 19 years of its 1,000 MUSD cap
    assert flagship_game["over_budget"]["shapley"] == ["csa", "esa", "jaxa"]
    assert f"above ESA's, JAXA's and CSA's campaign budgets ({b(flagship_game['campaign_budget_musd']['esa'])}" in description
    nuc = affordable["nucleolus_musd"]
    assert (f"affordable nucleolus (NASA {b(nuc['nasa'])}, ESA {b(nuc['esa'])}, JAXA {b(nuc['jaxa'])}, CSA {b(nuc['csa'])} billion)"
            in description)
    # CSA too while the crew lander was flown at its low-lunar-orbit size (wip-nrho resizes it for NRHO)
    assert f"leaves NASA and ESA {b(affordable['least_core_epsilon_musd'])} billion above their own mission" in description
    assert flagship_game["core"]["affordable_nucleolus"]["would_leave"] == ["esa", "nasa"]
    raises = affordable["raises_musd"]
    # ESA's too since wip-f1 (the crew lander's f1 1.3); it was 0 at f1 1.0
    assert (f"ESA's budget raised by {b(raises['esa'])} billion, JAXA's by {b(raises['jaxa'])} and CSA's by {b(raises['csa'])}"
            in description)
    assert raises["esa"] > 0.0
    use = flagship_game["utilisation"]
    # the work split sits on a flat optimum (operations cost the same whoever runs them); the first start's of equal
    # cost is reported (trades.analyses.optimize_starts.best_attempt), so every run gives the same split
    text = description.replace(" %", "%")
    assert f"ESA provides {use['esa']['provided_share']:.0%} of the work for 8.3% of the use" in text
    assert f"JAXA {use['jaxa']['provided_share']:.0%} for 12.8%" in text
    assert f"CSA {use['csa']['provided_share']:.1%} for 2.3%" in text


@pytest.mark.parametrize("edit, args, fragment", [
    (lambda d: d.update(partners=[{"id": "nasa"}]), [], "partners: a coalition game needs at least two partners"),
    (lambda d: d.update(objective={"name": "launch_mass"}), [], "coalitions split a cost: use life_cycle_cost or npv_cost"),
    (lambda d: None, ["--workers", "0"], "--workers 0: must be at least 1"),
    (lambda d: None, ["--bar", "nasa,esa"], "--bar: applies with --scenarios only"),
])
def test_coalition_requests_that_cannot_be_played(flagship, tmp_path, capsys, edit, args, fragment):
    data = yaml.safe_load(flagship.read_text())
    edit(data)
    path = tmp_path / "study.yaml"
    path.write_text(yaml.safe_dump(data))
    assert main(["coalitions", str(path), "-o", str(tmp_path / "out"), *args]) == 2
    err = capsys.readouterr().err
    assert fragment in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_partner_leaving_by_hand(flagship, tmp_path):
    """ESA leaves the two-partner case for its last five crewed years. By hand, nothing costs more:
    ESA's only work, 90 % of the life support, was developed and built by the 2031 deployment, so
    nothing it developed is redone; and operations, the only work left in those years, are paid at
    their dollar rate whoever runs them (no cost factor on operations, no overhead)."""
    path, *_ = _two_partner_study(flagship, tmp_path)
    last = yaml.safe_load(path.read_text())["campaign"]
    year = last["start_year"] + last["num_years"] - 5
    out = tmp_path / "out"
    assert main(["coalitions", str(path), "-o", str(out), "--workers", "1", "--leave", f"esa,{year}", "--format", "json"]) == 0
    leaving = json.loads((out / "coalitions.json").read_text())["leaving"]
    assert leaving["status"] == "ok" and leaving["year"] == year
    assert leaving["replacement_musd"] == 0.0
    assert leaving["extra_musd"] == pytest.approx(0.0, abs=1e-6 * leaving.get("cost_musd", 1e5))


def test_replacement_development_by_hand():
    """Two items, the leaving partner had 50 % of the first and 100 % of the second; only the
    first is still produced. The two remaining partners share it 30/70 at factors 1.0 and 0.5
    with overhead 1.1 on a 200 MUSD development: they redo 0.5 x 1.1 x 200 x (0.3 x 1, 0.7 x 0.5)."""
    from trades.analyses.coalitions_leaving import replacement_development
    import numpy as np

    redone = replacement_development(
        leaving_share=np.array([0.5, 1.0]), still_produced=np.array([True, False]), development=np.array([200.0, 999.0]),
        shares=np.array([[0.3, 0.7], [1.0, 0.0]]), cost_factor=np.array([1.0, 0.5]), overhead=np.array([1.1, 1.0]))
    assert redone == pytest.approx([0.5 * 1.1 * 200 * 0.3, 0.5 * 1.1 * 200 * 0.7 * 0.5])


@pytest.mark.parametrize("leave, fragment", [
    ("cnsa", "--leave cnsa: not a partner of the study"),
    ("esa,1990", "the year must be after"),
    ("esa,soon", "must be PARTNER or PARTNER,YEAR"),
])
def test_bad_leave_option(flagship, tmp_path, capsys, leave, fragment):
    path, *_ = _two_partner_study(flagship, tmp_path)
    assert main(["coalitions", str(path), "-o", str(tmp_path / "out"), "--leave", leave]) == 2
    err = capsys.readouterr().err
    assert fragment in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_status_column_keeps_the_whole_reason():
    """Issue 21 item 8: the status column was cut at 80 characters, mid-sentence. A long reason
    is wrapped onto continuation lines, every word of it printed."""
    from trades.analyses.coalitions import format_report

    study = parse_study_text(yaml.safe_dump({"name": "t", "partners": [{"id": "nasa"}, {"id": "esa"}]}), "t.yaml")
    reason = ("no crew vehicle: none of the members flies crew and missing capabilities are not bought "
              "(coalitions.missing_capability: penalty), so this coalition cannot serve its own demand")
    costs = {("nasa",): 100.0, ("esa",): None, ("esa", "nasa"): 90.0}
    records = [{"members": list(k), "status": "ok" if v is not None else "infeasible", "reason": "" if v else reason,
                "cost_musd": v, "bought_musd": 0.0} for k, v in costs.items()]
    text = format_report(analyse(study, records))
    printed = " ".join(" ".join(text.split("\n")).split())
    assert f"infeasible: {reason}" in printed
    assert max(len(line) for line in text.splitlines()[:6]) <= 28 + 1 + 11 + 1 + 9 + 2 + 100

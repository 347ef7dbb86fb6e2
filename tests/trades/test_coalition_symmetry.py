"""Interchangeable partners (trades.analyses.coalition_symmetry): which partners are, that a
relabelled coalition's own optimization gives the representative's cost and contributions
relabelled (the claim the saving rests on, checked on the model, not assumed), and that a game
optimizes one coalition per class."""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

import pytest
import yaml

from trades.analyses import coalitions as coalitions_module
from trades.analyses import games
from trades.analyses.coalition_symmetry import Symmetry, partner_classes
from trades.analyses.coalitions import CoalitionCosts, _coalition_record
from trades.study import parse_study_text
from trades.study.schema import load_study

ARTEMIS = Path(__file__).resolve().parents[2] / "studies" / "artemis_accords_lunar_outpost.yaml"
CASH_ONLY = ["cnes", "dlr", "kasa", "uaesa", "aeb", "isa", "polsa", "aem"]


def _edited(edit):
    data = yaml.safe_load(ARTEMIS.read_text())
    edit(data)
    return parse_study_text(yaml.safe_dump(data, sort_keys=False), str(ARTEMIS))


def test_partners_with_the_same_data_named_nowhere_else_are_interchangeable():
    study = load_study(ARTEMIS)
    symmetry = Symmetry(study)
    # the eight agencies with no vehicle and no capability in the catalog; Australia has SSA sensors, so it is its own
    assert symmetry.interchangeable == [CASH_ONLY]
    assert symmetry.classes_count() == 2 ** 6 * 9 - 1 == 575  # six partners of their own, 0 to 8 of the eight
    assert symmetry.representative(frozenset(["nasa", "polsa", "aem"])) == frozenset(["nasa", "cnes", "dlr"])
    # a partner named elsewhere (a barred pair), a different cost factor or a study-given capability: its own class
    barred = partner_classes(_edited(lambda d: d.setdefault("cost_sharing", {}).update(barred_pairs=[["nasa", "dlr"]])))
    assert barred["dlr"] != barred["cnes"] and barred["kasa"] == barred["cnes"]
    factor = partner_classes(_edited(lambda d: d["partners"][6].update(cost_factor=0.9)))  # dlr
    assert factor["dlr"] != factor["cnes"]
    capable = partner_classes(_edited(lambda d: d["partners"][7].update(capabilities=["rover"])))  # kasa
    assert capable["kasa"] != capable["cnes"] and capable["dlr"] == capable["cnes"]
    # the study's caps differ among the eight, but its demand game lifts every cap inside the game
    # (coalition_demand.apply_demand), so they do not split a class; without demands a cap does
    assert len({p.budget_cap_musd for p in study.partners if p.id in CASH_ONLY}) == 8
    def mission_game(d):
        for p in d["partners"]:
            p.pop("demand", None)
    uncapped_game = partner_classes(_edited(mission_game))
    assert uncapped_game["dlr"] != uncapped_game["cnes"]
    off = Symmetry(_edited(lambda d: d["coalitions"].update(symmetric_partners=False)))
    assert off.interchangeable == [] and off.classes_count() == 2 ** 14 - 1


@pytest.mark.parametrize("coalition", [("polsa",), ("nasa", "aem", "isa"), ("esa", "jaxa", "uaesa")])
def test_a_relabelled_coalition_optimized_on_its_own_gives_the_representatives_optimum(coalition):
    """Each coalition optimized itself (fresh problems) against its representative's record
    relabelled: the same cost to 1e-9 and the same contributions, partner by partner, to 1e-6
    of the cost (an optimizer's tolerance: the relabelled problem orders its partners otherwise)."""
    study = load_study(ARTEMIS)
    symmetry = Symmetry(study)
    members = frozenset(coalition)
    rep = symmetry.representative(members)
    assert rep != members
    own = _coalition_record(study, str(ARTEMIS), members, OrderedDict())
    relabelled = symmetry.relabelled(_coalition_record(study, str(ARTEMIS), rep, OrderedDict()), members)
    assert own["status"] == relabelled["status"] == "ok"
    assert relabelled["members"] == sorted(members) and relabelled["same_as"] == sorted(rep)
    assert relabelled["cost_musd"] == pytest.approx(own["cost_musd"], rel=1e-9)
    assert set(relabelled["provided_musd"]) == set(own["provided_musd"])
    for pid, value in own["provided_musd"].items():
        assert relabelled["provided_musd"][pid] == pytest.approx(value, abs=1e-6 * own["cost_musd"]), pid


def test_a_game_optimizes_one_coalition_per_class(monkeypatch):
    """Every coalition of the 14-partner game asked for: 575 optimizations, 16,383 records, each
    coalition's cost its representative's."""
    calls = []

    def fake(text, file, members, built=None):  # members: a tuple; a cost that depends on the partners' classes only, as the model's does
        members = frozenset(members)
        calls.append(members)
        return {"members": sorted(members), "status": "ok", "reason": "", "bought_musd": 0.0, "seconds": 0.0,
                "cost_musd": 1000.0 - 10 * len(members & {"nasa", "esa"}) - len(members & set(CASH_ONLY)) ** 0.5,
                "provided_musd": {pid: float(pid in members) for pid in ["nasa", "esa", *CASH_ONLY]}}

    monkeypatch.setattr(coalitions_module, "evaluate_coalition", fake)
    study = load_study(ARTEMIS)
    everything = games.coalitions([p.id for p in study.partners])
    records = CoalitionCosts(study, str(ARTEMIS), workers=1, progress=False).evaluate(everything)
    assert len(calls) == len(set(calls)) == 575 and len(records) == 16_383
    assert sum("same_as" not in r for r in records) == 575
    for r in records:
        members = frozenset(r["members"])
        assert r["cost_musd"] == fake(None, None, members)["cost_musd"]
        assert {pid for pid, v in r["provided_musd"].items() if v} == members & {"nasa", "esa", *CASH_ONLY}

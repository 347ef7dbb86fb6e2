"""Development paid at a reported figure or a government programme's cost (a crew launcher's and
spacecraft's, the nuclear-thermal engines') is paid as quoted, like a purchase, and shown in the
cost table as development, not as bought (trades/analyses/cost_summary.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml

from trades.analyses.cost_summary import summarize_cost
from trades.analyses.evaluate import evaluate
from trades.study import parse_study_text

STUDIES = Path(__file__).resolve().parents[2] / "studies"


def _summary(study_file: Path, edit=None):
    data = yaml.safe_load(study_file.read_text())
    if edit:
        edit(data)
    study = parse_study_text(yaml.safe_dump(data), str(study_file))
    arch, prob = evaluate(study, str(study_file))
    return arch, {it["item"]: it for it in summarize_cost(arch, prob)["items"]}


def test_a_government_crew_programme_is_development_and_its_crewed_flights_are_bought():
    """Apollo-like: the Saturn V's and the CSM's development, their ground facilities, programme items
    and test flights (ProgrammeCost.upfront_musd) are the crew transport's development; what is
    left bought is the crewed flights' hardware and operations; the item's total is unchanged."""
    arch, items = _summary(STUDIES / "apollo_like_lunar_campaign.yaml")
    crew = items["crew_transport"]
    upfront = arch.cost.crew_programme.upfront_musd
    assert upfront > 1e5  # a programme's development, not a rounding residue
    assert crew["development_reported_musd"] == pytest.approx(upfront, rel=1e-9)
    assert crew["development_musd"] == pytest.approx(upfront, rel=1e-9)  # no relationship develops the crew item
    assert crew["bought_musd"] > 0
    assert crew["total_musd"] == pytest.approx(crew["development_musd"] + crew["bought_musd"], rel=1e-12)
    np.testing.assert_allclose(arch.cost.fixed_development.sum(axis=1)[arch.cost.item_index("crew_transport")], upfront, rtol=1e-9)
    assert all(it["development_reported_musd"] == 0.0 for name, it in items.items() if name != "crew_transport")


def test_the_nuclear_thermal_engines_development_is_the_cargo_stages_development():
    """The NTR cargo study: 4,500 MUSD of 1986 (Howe, LANL) in 2024 dollars by BLS CPI-U annual
    averages (1986 109.6, 2024 313.689), 12,879.57 MUSD, in the cargo transport's development and
    not in what it buys."""
    def ntr(data):
        data["transportation"]["departure_propellant"] = "nuclear_thermal_lh2"
    _, items = _summary(STUDIES / "mars_outpost_2033.yaml", ntr)
    cargo = items["cargo_transport"]
    by_hand = 4500.0 * 313.689 / 109.6
    assert cargo["development_reported_musd"] == pytest.approx(by_hand, rel=1e-9)
    assert cargo["development_musd"] > by_hand  # beside the stages' own development by TRANSCOST
    assert cargo["bought_musd"] == pytest.approx(0.0, abs=1e-6)

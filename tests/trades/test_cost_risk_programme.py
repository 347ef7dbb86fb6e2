"""Cost risk on a government-developed crew programme (trades/analyses/cost_risk_programme.py)."""

import json
import math
from pathlib import Path

import pytest

from trades.analyses.cost_risk_programme import CLASSES, combined_sigma

ROOT = Path(__file__).resolve().parents[2]


def test_combined_sigma_by_hand():
    # two equal parts at sigma 0.2, correlation 0.3: v^2 = e^0.04 - 1 = 0.0408108; V^2 = (2 + 2 x 0.3) v^2 / 4
    v2 = math.exp(0.04) - 1.0
    assert combined_sigma([1.0, 1.0], [0.2, 0.2], 0.3) == pytest.approx(math.sqrt(math.log(1 + 0.65 * v2)), rel=1e-12)
    assert combined_sigma([5.0], [0.3], 0.3) == pytest.approx(0.3, rel=1e-12)  # one part keeps its sigma
    assert combined_sigma([1.0, 3.0], [0.25, 0.25], 1.0) == pytest.approx(0.25, rel=1e-12)  # fully correlated: no diversification
    assert combined_sigma([1.0, 1.0], [0.2, 0.0], 0.3) < 0.2  # a part without spread (facilities) narrows the sum


def test_artemis_cost_risk_covers_the_programme(tmp_path):
    """The Artemis study's S-curve samples the programme (its development, each crewed flight's hardware and
    each launch's operations) with sigmas of its relationships, no longer the contract and crew-price
    classes (whose sigma, 0.348, is the spread of two Commercial Crew seat prices); the programme's
    development is most of the life-cycle cost, so its class covers most of it."""
    from trades.analyses.cost_risk import run_cost_risk

    report, _ = run_cost_risk(ROOT / "studies" / "artemis_like_lunar_campaign.yaml", tmp_path / "risk", samples=20, seed=3,
                              workers=1, progress=False)
    classes = {u["relationship"]: u["sigma"] for u in report["uncertainties"] if u["part"] == "price"}
    assert set(CLASSES) <= set(classes)
    assert "contract_price" not in classes and "crew_transport_price" not in classes
    # each class's sigma within the range of its parts' published sigmas (TRANSCOST 0.124-0.26: Orion's crew module by the
    # crewed-space-system CER, 0.124, since issue 18, before by AMCM crewed re-entry, 0.354; its service module by the liquid
    # propulsion module, 0.173, since wip-costrows; facilities 0): diversified
    # below the widest
    assert 0.0 < classes["government_programme_development"] < 0.26
    assert 0.124 * 0.5 < classes["government_programme_flight"] < 0.26
    by_group = report["coverage"]["by_group"]
    assert by_group["government_programme_development"] > 0.5
    assert by_group["launch_operations"] > 0.0  # the crewed launch's operations are sampled
    assert json.loads((tmp_path / "risk" / "cost_risk.json").read_text())["samples"] == 20

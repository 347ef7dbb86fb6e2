"""The year the net present value is discounted to: campaign.present_value_year, default the
campaign's start, not the model's first year (which schedule.development_years moves earlier)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml

from trades.analyses.evaluate import evaluate
from trades.models import variables as var
from trades.study import parse_study_text

LEO = Path(__file__).resolve().parents[2] / "studies" / "leo_station_after_iss.yaml"
CATALOG_RATE = 0.020  # OMB Circular A-94 Appendix C (March 2026), 30-year real rate: the catalog's cost.discount_rate


def _npv(data: dict) -> tuple[float, np.ndarray, list[int]]:
    study = parse_study_text(yaml.safe_dump(data, sort_keys=False), str(LEO))
    arch, prob = evaluate(study, str(LEO))
    return float(prob.get_val(var.PRESENT_VALUE)[0]), np.asarray(prob.get_val(var.TOTAL_COST)), list(arch.years)


def test_npv_is_discounted_to_the_campaign_start_whatever_the_development_span():
    """By hand from the model's own yearly totals: sum_y C_y / 1.02^(y - 2030) (the catalog's A-94 rate; the study sets none) for the LEO station,
    whose six development years start the model in 2024; with four development years the yearly
    totals change but the reference stays 2030."""
    data = yaml.safe_load(LEO.read_text())
    rate = data["campaign"].get("discount_rate") or CATALOG_RATE
    npv, totals, years = _npv(data)
    assert years[0] == 2024 and data["campaign"]["start_year"] == 2030
    by_hand = sum(c / (1 + rate) ** (y - 2030) for c, y in zip(totals, years))
    assert npv == pytest.approx(by_hand, rel=1e-12)
    data["schedule"]["development_years"] = 4
    npv4, totals4, years4 = _npv(data)
    assert years4[0] == 2026
    assert npv4 == pytest.approx(sum(c / (1 + rate) ** (y - 2030) for c, y in zip(totals4, years4)), rel=1e-12)


def test_a_stated_reference_year_is_used():
    data = yaml.safe_load(LEO.read_text())
    data["campaign"]["present_value_year"] = 2024
    rate = data["campaign"].get("discount_rate") or CATALOG_RATE
    npv, totals, years = _npv(data)
    assert npv == pytest.approx(sum(c / (1 + rate) ** (y - 2024) for c, y in zip(totals, years)), rel=1e-12)


def test_the_default_rate_is_the_a94_cost_effectiveness_rate_and_a_study_rate_wins():
    """Without campaign.discount_rate the model discounts at OMB A-94 Appendix C's 30-year real
    rate for 2026 (2.0 %, the published figure); a study's own rate replaces it."""
    data = yaml.safe_load(LEO.read_text())
    assert "discount_rate" not in data["campaign"]
    study = parse_study_text(yaml.safe_dump(data, sort_keys=False), str(LEO))
    _, prob = evaluate(study, str(LEO))
    assert prob.get_val(var.DISCOUNT_RATE)[0] == pytest.approx(0.020, abs=1e-12)
    data["campaign"]["discount_rate"] = 0.07
    data.setdefault("input_sources", {})["campaign.discount_rate"] = "OMB Circular A-94 (1992), base case for benefit-cost analysis"
    study = parse_study_text(yaml.safe_dump(data, sort_keys=False), str(LEO))
    arch, prob = evaluate(study, str(LEO))
    assert prob.get_val(var.DISCOUNT_RATE)[0] == pytest.approx(0.07, abs=1e-12)

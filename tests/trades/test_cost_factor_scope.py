"""A partner's cost factor (TRANSCOST's f8, country productivity) scales what it develops and
produces, as its source applies it, and not operations, which are paid at their dollar rate."""

from __future__ import annotations

import pytest

from trades.analyses.cost_summary import summarize_cost
from trades.analyses.evaluate import evaluate
from trades.study import parse_study_text


def test_operations_are_not_scaled_by_the_providers_cost_factor(flagship):
    """By hand: 183.3 MUSD (2018) per crew position and year, in 2024 dollars by CPI-U
    (313.689 / 251.107), times the crew, times the crewed years; the flagship gives operations to
    ESA (cost factor 0.86, the cheapest), and the item costs the unscaled figure."""
    study = parse_study_text(flagship.read_text(), str(flagship))
    arch, prob = evaluate(study, str(flagship))
    ops = next(i for i in summarize_cost(arch, prob)["items"] if i["item"] == "operations")
    factor = dict(zip(arch.cost.partners, arch.cost.cost_factor))
    assert any(factor[pid] != 1.0 for pid in ops["providers"])  # a provider whose factor would have moved it
    crewed = [y for y in arch.years if study.first_crewed_year <= y]
    by_hand = 183.3 * 313.689 / 251.107 * study.outpost.crew_size * len(crewed)
    assert ops["operations_musd"] == pytest.approx(by_hand, rel=1e-6)
    assert ops["total_musd"] == pytest.approx(by_hand, rel=1e-6)

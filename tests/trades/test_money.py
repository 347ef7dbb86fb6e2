"""Prices in base-year dollars against the conversions worked in docs/research/cost_research.md."""

import pytest

from trades.study.catalog import load_catalog
from trades.study.money import MoneyError, inflation_factor, to_base_musd


def test_ariane_62_in_2024_dollars():
    """70 MEUR (2018) at 1.1817 USD/EUR (Fed G.5A 2018) = 82.7 MUSD 2018; CPI-U 313.689/251.107
    gives 103.3 MUSD 2024 (research note, sec. 2c)."""
    assert to_base_musd(70.0, "MEUR", 2018, 2024, load_catalog()) == pytest.approx(70 * 1.1817 * 313.689 / 251.107, rel=1e-9)
    assert to_base_musd(70.0, "MEUR", 2018, 2024, load_catalog()) == pytest.approx(103.3, abs=0.05)


def test_lvm3_rupees():
    assert to_base_musd(4338.0, "MINR", 2018, 2024, load_catalog()) == pytest.approx(4338 / 68.3734 * 313.689 / 251.107, rel=1e-9)


def test_fy1999_to_2024():
    # CPI-U 313.689 / 166.6 = 1.8829 (research note sec. 1b); the AMCM note's 1999->2023 factor 1.82 agrees
    assert inflation_factor(1999, 2024, load_catalog()) == pytest.approx(1.8829, abs=1e-4)
    assert inflation_factor(1999, 2023, load_catalog()) == pytest.approx(1.82, abs=0.01)


@pytest.mark.parametrize("args, fragment", [
    ((5000.0, "MJPY", 2016, 2024), "no JPY/USD exchange rate for 2016"),
    ((1.0, "MUSD", 1985, 2024), "no consumer price index for 1985"),
    ((1.0, "MGBP", 2020, 2024), "unknown currency unit"),
])
def test_what_cannot_be_converted_says_why(args, fragment):
    with pytest.raises(MoneyError, match=fragment):
        to_base_musd(*args, load_catalog())

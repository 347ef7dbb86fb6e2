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


def test_g5a_currencies_added_for_agency_budgets():
    """The Federal Reserve G.5A annual rates read for issue 19 (release 2024-02-01 for 2023, 2021-01-04
    for 2019): CAD 1.3494 and KRW 1306.7637 per USD in 2023, USD 0.6644 per AUD in 2023, BRL 3.9440
    and MXN 19.2469 per USD in 2019; then CPI-U to 2024."""
    cat, cpi23, cpi19 = load_catalog(), 313.689 / 304.702, 313.689 / 255.657
    assert to_base_musd(413.7, "MCAD", 2023, 2024, cat) == pytest.approx(413.7 / 1.3494 * cpi23, rel=1e-9)
    assert to_base_musd(964900.0, "MKRW", 2023, 2024, cat) == pytest.approx(964900 / 1306.7637 * cpi23, rel=1e-9)
    assert to_base_musd(10.0, "MAUD", 2023, 2024, cat) == pytest.approx(10 * 0.6644 * cpi23, rel=1e-9)
    assert to_base_musd(181.6, "MBRL", 2019, 2024, cat) == pytest.approx(181.6 / 3.9440 * cpi19, rel=1e-9)
    assert to_base_musd(100.0, "MMXN", 2019, 2024, cat) == pytest.approx(100 / 19.2469 * cpi19, rel=1e-9)


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

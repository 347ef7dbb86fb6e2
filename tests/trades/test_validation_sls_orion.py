"""The SLS and Orion component rows (trades/analyses/validation_programmes.py, wip-artemis, issue 18):
the published figures inflated here by hand with the catalog's CPI-U (2017 245.12, 2018 251.107, 2021
270.970, 2024 313.689), the toolkit's parts adding up to the programme's whole (the SLS-with-Orion flight
row and its development), and the ground-operations row worked from TRANSCOST's C_PLO by hand. Since wip-costrows
Orion's development row is the crew module against NASA's development since 2006 (the 2012 figure and Constellation's
6.3 billion, 2009 taken: CPI-U 214.537), and the service module, by TRANSCOST's liquid propulsion module, has its own row
against ESA's 2014 contract (488 MUSD of 2014, the press's conversion of 390 MEUR: CPI-U 236.736)."""

import math

import pytest

from trades.analyses.validation import Row
from trades.analyses.validation_programmes import sls_orion_component_rows, sls_orion_flight_row
from trades.architecture.government_development import programme_cost
from trades.study.catalog import load_catalog

CPI = {2009: 214.537, 2014: 236.736, 2017: 245.12, 2018: 251.107, 2021: 270.970, 2024: 313.689}


def test_component_rows_by_hand():
    production, orion, sls_dev, orion_dev, ground, esm = sls_orion_component_rows(Row)
    # published: NASA OIG IG-22-003 per launch (FY2021), NASA's baselines via The Planetary Society (then-year, middle years)
    assert production.published == pytest.approx(2200.0 * CPI[2024] / CPI[2021], rel=1e-4)
    assert orion.published == pytest.approx((1000.0 + 300.0) * CPI[2024] / CPI[2021], rel=1e-4)
    assert sls_dev.published == pytest.approx(11_800.0 * CPI[2024] / CPI[2017], rel=1e-4)
    assert orion_dev.published == pytest.approx(13_800.0 * CPI[2024] / CPI[2018] + 6_300.0 * CPI[2024] / CPI[2009], rel=1e-4)
    assert esm.published == pytest.approx(488.0 * CPI[2024] / CPI[2014], rel=1e-4)
    assert ground.published == pytest.approx(568.0 * CPI[2024] / CPI[2021], rel=1e-4)
    # ours: the launcher and spacecraft parts add up to the flight row's average hardware (units 1-4 at p = 0.8)
    learning = (1 + 0.8 + 3 ** math.log2(0.8) + 0.64) / 4
    assert production.quantity.endswith(f"learning {learning:.3f})")
    assert production.ours + orion.ours == pytest.approx(sls_orion_flight_row().ours, rel=1e-9)
    cost = programme_cost(load_catalog(), "artemis_sls_orion", 2, 2024)
    parts = {name: (d, f) for name, d, f in cost.parts}
    esm_dev, esm_first = parts["Orion European service module"]
    assert sls_dev.ours + orion_dev.ours + esm_dev == pytest.approx(cost.development_musd, rel=1e-12)
    assert orion_dev.ours == pytest.approx(parts["Orion crew module"][0], rel=1e-12)
    # the service module by TRANSCOST's liquid propulsion module on 6,185 kg, f1 = 1.0: H = 14.2 M^0.577, F = 3.04 M^0.581
    # work-years at 0.3674 MUSD of 2018 a work-year; ESA develops it, so the row carries ESA's f8 = 0.86 (TRANSCOST's
    # country productivity for Europe, as a study applies it to what ESA provides)
    assert esm.ours == pytest.approx(0.86 * (14.2 * 6185.0 ** 0.577 + 3.04 * 6185.0 ** 0.581) * 0.3674 * CPI[2024] / CPI[2018], rel=1e-4)
    assert esm.ours == pytest.approx(0.86 * (esm_dev + esm_first), rel=1e-12)
    # ground operations of one launch at 3 a year: 8 M0^0.67 L^-0.9 N^0.7 f_v f_c work-years (SLS: 2,608 t, 3 stages,
    # f_v 0.767, f_c 0.7), at 0.3674 MUSD of 2018 a work-year
    wyr = 8.0 * 2608.0 ** 0.67 * 3.0 ** -0.9 * 3.0 ** 0.7 * 0.767 * 0.7
    assert ground.ours == pytest.approx(wyr * 0.3674 * CPI[2024] / CPI[2018], rel=1e-4)
    for row in (production, orion, sls_dev, orion_dev, ground, esm):
        assert row.comment.startswith("Agrees" if abs(row.ratio - 1) <= 0.5 else "Does not agree")
        assert "as reported by" in row.source

"""A government-developed crew programme's ground facilities and launch operations
(trades/architecture/government_development.py, launch_operations.py), worked by hand from the
catalog's sourced inputs (crew_programmes.yaml, cost.yaml)."""

import pytest

from trades.architecture.government_development import programme_cost
from trades.study.catalog import load_catalog


def _cpi(year):
    return float(load_catalog().entry("cost", "default")["cpi_u"]["values"][year])


def test_artemis_facilities_and_test_flight_operations_by_hand():
    cost = programme_cost(load_catalog(), "artemis_sls_orion", 1, 2024)
    # NASA OIG (2015): 975 MUSD spent FY2010-2014 (taken at 2012) and 2,400 planned FY2015-2019 (taken at 2017)
    assert cost.facilities_musd == pytest.approx(975.0 * _cpi(2024) / _cpi(2012) + 2400.0 * _cpi(2024) / _cpi(2017), rel=1e-12)
    # Artemis I and II at 3 launches a year (the CERs' lowest fitted rate): SLS 2,608 t, N 3, fv 0.767, fc 0.7,
    # sum Q 4.6, 4 crew, 10 days; one work-year 0.3674 MUSD of 2018
    w = 0.3674 * _cpi(2024) / _cpi(2018)
    ground = 8 * 2608**0.67 * 3**-0.9 * 3**0.7 * 0.767 * 0.7
    mission = 20 * 4.6 * 3**-0.65 + 75 * 10**0.5 * 4**0.5 * 3**-0.8
    assert cost.test_flight_operations_musd == pytest.approx(2 * w * (ground + mission), rel=1e-9)
    assert cost.upfront_musd == pytest.approx(cost.development_musd + cost.facilities_musd + cost.test_flight_musd
                                              + cost.test_flight_operations_musd, rel=1e-12)


def test_apollo_launch_complex_in_2024_dollars():
    """SP-4204: LC-39 at 481,576,000 dollars (1963), inflated with CPI-U 30.6 (1963) to 2024."""
    cost = programme_cost(load_catalog(), "apollo_saturn_v_csm", 6, 2024)
    assert cost.facilities_musd == pytest.approx(481.576 * _cpi(2024) / 30.6, rel=1e-12)


def test_the_model_charges_each_crewed_launch_its_operations():
    """In the Apollo study's model the crew item pays, each year, its crew launch attempts at the
    programme's price plus their operations; the operations worked by hand from the attempts the model
    computes (Saturn V 2,950 t, N 3, fv 1, fc 0.7, sum Q 6.2, 3 crew, 12 days, at max(L, 3) a year)."""
    from pathlib import Path

    import numpy as np

    from trades.architecture.assemble import build_problem
    from trades.architecture.resolve import resolve
    from trades.models import variables as var
    from trades.study import load_study

    path = Path(__file__).resolve().parents[2] / "studies" / "apollo_like_lunar_campaign.yaml"
    arch = resolve(load_study(path), str(path))
    prob = build_problem(arch)
    prob.run_model()
    attempts = prob.get_val(var.CREW_LAUNCH_ATTEMPTS)
    assert attempts.sum() > 5.9
    w = 0.3674 * _cpi(2024) / _cpi(2018)
    rate = np.maximum(attempts, 3.0)
    per_launch = (8 * 2950**0.67 * rate**-0.9 * 3**0.7 * 1.0 * 0.7 + 20 * 6.2 * rate**-0.65 + 75 * 12**0.5 * 3**0.5 * rate**-0.8)
    expected = w * attempts * per_launch
    np.testing.assert_allclose(prob.get_val(var.launch_operations_input("launch_operations")), expected, rtol=1e-9)
    crew = arch.cost.item_index("crew_transport")
    bought = prob.get_val(var.BOUGHT)[crew]
    np.testing.assert_allclose(bought, arch.cost.purchases[crew] + attempts * arch.cost.crew_launch_price_musd + expected, rtol=1e-9)

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

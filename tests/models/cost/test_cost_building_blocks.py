"""Learning curve and present value against independent calculations."""

import math

import numpy as np
import pytest
from openmdao.utils.assert_utils import assert_check_partials

from trades.models.cost import LearningCurveProduction, PresentValue
from trades.models.testing import run_component


@pytest.mark.parametrize("rate", [0.75, 0.8, 0.85, 0.9, 0.95])
@pytest.mark.parametrize("first, later", [(1, 1), (2, 3), (3, 10), (5, 2)])
def test_learning_curve_within_its_stated_accuracy_of_the_exact_sum(rate, first, later):
    """Exact Wright sum: unit n costs T1 n^log2(b). The docstring's accuracy: the first year at
    most 3 % high, later years under 1 %."""
    prob = run_component(LearningCurveProduction(num_years=2), first_unit_cost=100.0, learning_rate=rate,
                         units=[float(first), float(later)])
    x = math.log2(rate)
    exact_first = sum(100.0 * n**x for n in range(1, first + 1))
    exact_later = sum(100.0 * n**x for n in range(first + 1, first + later + 1))
    cost_first, cost_later = prob.get_val("production_cost")
    assert 0.0 <= cost_first / exact_first - 1.0 < 0.03
    assert 0.0 <= cost_later / exact_later - 1.0 < 0.01


def test_doubling_costs_the_learning_rate():
    # the second unit costs 80 % of the first at b = 0.8 (Wright's definition)
    assert 100.0 * 2 ** math.log2(0.8) == pytest.approx(80.0)


def test_learning_curve_partials():
    prob = run_component(LearningCurveProduction(num_years=4), first_unit_cost=75.0, learning_rate=0.85,
                         units=np.array([0.0, 1.5, 2.0, 4.0]))
    data = prob.check_partials(method="cs", compact_print=True, out_stream=None)
    assert_check_partials(data, atol=1e-6, rtol=1e-6)


def test_present_value_by_hand():
    # 100 MUSD a year for 3 years at 7 %: 100 + 100/1.07 + 100/1.07^2 = 280.80
    prob = run_component(PresentValue(num_years=3), cost=[100.0, 100.0, 100.0], discount_rate=0.07)
    assert prob.get_val("present_value")[0] == pytest.approx(100 + 100 / 1.07 + 100 / 1.07**2, rel=1e-12)
    assert prob.get_val("present_value")[0] == pytest.approx(280.80, abs=0.01)


def test_present_value_to_a_later_reference_year_compounds_the_earlier_years():
    """By hand: the reference two years after the model's first year, 100 a year over four years:
    100 (1.07)^2 + 100 (1.07) + 100 + 100 / 1.07."""
    prob = run_component(PresentValue(num_years=4), cost=[100.0] * 4, discount_rate=0.07, reference_offset=2.0)
    assert prob.get_val("present_value")[0] == pytest.approx(100 * 1.07**2 + 100 * 1.07 + 100 + 100 / 1.07, rel=1e-12)
    assert prob.get_val("discount_factor")[2] == 1.0


@pytest.mark.parametrize("offset", [0.0, 3.0])
def test_present_value_partials(offset):
    prob = run_component(PresentValue(num_years=5), cost=[10.0, 0.0, 40.0, 25.0, 5.0], discount_rate=0.05, reference_offset=offset)
    data = prob.check_partials(method="cs", compact_print=True, out_stream=None)
    assert_check_partials(data, atol=1e-8, rtol=1e-8)


# AMCM coefficients typed from the public AMCM calculator's values, independent of the catalog file
AMCM = {"a": 0.000504839, "b": 0.594183, "c": 0.653948, "d": 76.99939, "e": 1.68051e-52, "f": -0.355322, "g": 1.554983}


def test_amcm_by_hand():
    """The AMCM formula written out: a 36,930 kg crewed habitat (S = 2.13), one unit, IOC 2031,
    new design, average difficulty: about 3.4 billion FY1999 dollars."""
    from trades.models.cost import AmcmCost

    w_lb = 36930.4 / 0.45359237
    expected = (0.000504839 * 1.0**0.594183 * w_lb**0.653948 * 76.99939**2.13
                * 1.68051e-52 ** (1.0 / (2031 - 1900)) * 1.0**-0.355322 * 1.554983**0.0)
    prob = run_component(AmcmCost(coefficients=AMCM), dry_mass=36930.4, quantity=1.0, specification=2.13, ioc_year=2031.0)
    assert prob.get_val("cost_fy1999")[0] == pytest.approx(expected, rel=1e-9)  # the CER sees sqrt(M^2 + 1 kg^2)
    assert 3000 < expected < 4000


def test_amcm_partials():
    from trades.models.cost import AmcmCost

    prob = run_component(AmcmCost(num_elements=2, coefficients=AMCM), dry_mass=[12000.0, 3000.0], quantity=[1.0, 4.0],
                         specification=[2.46, 2.13], ioc_year=[2030.0, 2034.0], block=[1.0, 2.0], difficulty=[1.0, -1.0])
    data = prob.check_partials(method="cs", compact_print=True, out_stream=None)
    assert_check_partials(data, atol=1e-6, rtol=1e-6)


def test_catalog_amcm_matches_the_reference_data():
    from trades.study.catalog import load_catalog

    amcm = load_catalog().entry("cost", "default")["amcm"]
    assert {k: amcm[k]["value"] for k in AMCM} == AMCM

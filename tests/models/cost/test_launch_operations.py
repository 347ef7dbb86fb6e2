"""TRANSCOST's per-flight operations CERs (models/cost/launch_operations.py) against the worked
examples of MIT lvreuse's TRANSCOST lesson, and their partials."""

import math

import numpy as np
import pytest
from openmdao.utils.assert_utils import assert_check_partials

from trades.models.cost.launch_operations import LaunchOperationsCost
from trades.models.testing import run_component

#: the catalog's coefficients (trades/catalogs/cost.yaml transcost_operations), as lvreuse transcribes them
COEFFICIENTS = dict(a_g=8.0, x_M=0.67, x_L=-0.9, x_N=0.7, a_m=20.0, x_Lm=-0.65, a_c=75.0, x_T=0.5, x_Na=0.5, x_Lc=-0.8, min_rate=3.0)


def test_catalog_holds_these_coefficients():
    from trades.study.catalog import load_catalog

    ops = load_catalog().entry("cost", "default")["transcost_operations"]
    assert {k: float(ops[k]["value"]) for k in COEFFICIENTS} == COEFFICIENTS


def test_shuttle_mission_operations_example():
    """lvreuse lessons/transcost.ipynb (commit e2ac6ac), printed outputs: the Space Shuttle's 10th flight at
    4 launches a year, 7 crew, 14 days, sum Q = 5.4, learning 0.9 (f4 = 10^log2 0.9 = 0.7047):
    'Cm_unmanned: 30.9087660726', 'Cm_manned: 172.593014721' work-years. The component has f4 = 1, so its
    per-launch cost times f4 must give the notebook's figures."""
    prob = run_component(LaunchOperationsCost(num_years=1, coefficients=COEFFICIENTS), launches=[4.0], complexity=5.4,
                         mission_days=14.0, crew=7.0, work_year_value=1.0)
    f4 = 10 ** math.log2(0.9)
    per_launch = float(prob.get_val("mission_operations")[0]) / 4.0
    assert per_launch * f4 == pytest.approx(30.9087660726 + 172.593014721, rel=1e-9)


def test_athena_uncrewed_example():
    """The notebook's Athena case 1: sum Q = 0.85, 5 launches a year, 10th flight (f4 0.704688049512):
    'Cm_early: 4.20838365447'."""
    prob = run_component(LaunchOperationsCost(num_years=1, coefficients=COEFFICIENTS), launches=[5.0], complexity=0.85,
                         work_year_value=1.0)
    assert float(prob.get_val("mission_operations")[0]) / 5.0 * 0.704688049512 == pytest.approx(4.20838365447, rel=1e-9)


def test_ground_operations_by_hand_and_below_the_fitted_rate():
    """C_PLO = 8 M0^0.67 L^-0.9 N^0.7 fv fc, worked by hand for a 2,900 t, 3-stage cryogenic vehicle assembled
    vertically and rolled out (fc 0.7) at 4 a year; below 3 a year each launch costs what it costs at 3 a year."""
    comp = LaunchOperationsCost(num_years=3, coefficients=COEFFICIENTS)
    prob = run_component(comp, launches=[4.0, 1.0, 0.0], liftoff_mass=2900.0, stages=3.0, vehicle_type_factor=1.0,
                         assembly_factor=0.7, complexity=0.0, work_year_value=0.5)
    per_launch = lambda rate: 8 * 2900**0.67 * rate**-0.9 * 3**0.7 * 0.7  # noqa: E731
    assert prob.get_val("ground_operations") == pytest.approx([0.5 * 4 * per_launch(4.0), 0.5 * per_launch(3.0), 0.0], rel=1e-12)
    assert prob.get_val("launch_operations") == pytest.approx(prob.get_val("ground_operations"), rel=1e-12)


def test_partials():
    comp = LaunchOperationsCost(num_years=4, coefficients=COEFFICIENTS)
    prob = run_component(comp, launches=[0.5, 2.0, 4.5, 7.0], liftoff_mass=2600.0, stages=2.5, vehicle_type_factor=0.65,
                         assembly_factor=0.7, complexity=5.2, mission_days=25.0, crew=4.0, work_year_value=0.46)
    data = prob.check_partials(method="cs", compact_print=True, out_stream=None)
    assert_check_partials(data, atol=1e-6, rtol=1e-6)
    assert np.all(prob.get_val("launch_operations") > 0)

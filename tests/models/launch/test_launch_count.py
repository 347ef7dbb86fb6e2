"""LaunchCount and CrewLaunches: launches per year and campaign success probability."""

import numpy as np
import openmdao.api as om
import pytest
from openmdao.utils.assert_utils import assert_check_partials

from trades.models.launch.launch_count import CrewLaunches, LaunchCount
from trades.models.testing import run_component

MASS = np.array([0.0, 1.2e5, 3.4e4, 0.0, 8.05e4])  # kg to the launch orbit per year


def _problem(comp, **values):
    return run_component(comp, **values)


def test_launch_count_partials():
    prob = _problem(LaunchCount(num_years=5), mass_to_orbit=MASS, payload_capacity=27500.0,
                    packing_efficiency=0.8, reliability=0.97)
    data = prob.check_partials(method="cs", compact_print=True, out_stream=None)
    assert_check_partials(data, atol=1e-6, rtol=1e-6)


def test_launch_count_hand_calculation():
    # launches = M / (m_LEO eta) with 27.5 t x 0.8 = 22 t usable per launch:
    #   [0, 120/22, 34/22, 0, 80.5/22] = [0, 5.4545, 1.5455, 0, 3.6591]; total 10.6591
    # attempts = launches / 0.97; P(all succeed) = 0.97 ** 10.6591 = 0.72277
    prob = _problem(LaunchCount(num_years=5), mass_to_orbit=MASS, payload_capacity=27500.0,
                    packing_efficiency=0.8, reliability=0.97)
    launches = MASS / 22000.0
    np.testing.assert_allclose(prob.get_val("launches"), launches, rtol=1e-12)
    np.testing.assert_allclose(prob.get_val("expected_attempts"), launches / 0.97, rtol=1e-12)
    total = (120.0 + 34.0 + 80.5) / 22.0
    assert prob.get_val("campaign_success_probability")[0] == pytest.approx(0.97**total, rel=1e-12)
    assert 0.97**total == pytest.approx(0.72277, abs=1e-5)


def test_launch_count_units():
    # 120 t to orbit on a 20 t vehicle (eta 0.85): 120 / 17 = 7.0588 launches
    prob = _problem(LaunchCount(num_years=1), payload_capacity=20000.0, packing_efficiency=0.85, reliability=0.98)
    prob.set_val("mass_to_orbit", 120.0, units="t")
    prob.run_model()
    assert prob.get_val("launches")[0] == pytest.approx(120.0 / 17.0, rel=1e-12)
    assert prob.get_val("campaign_success_probability")[0] == pytest.approx(0.98 ** (120.0 / 17.0), rel=1e-12)


def test_crew_launches_partials():
    prob = _problem(CrewLaunches(num_years=5), crew_rotations=np.array([0.0, 0.0, 2.0, 3.0, 1.0]), reliability=0.99,
                    launches_per_rotation=2.0)
    data = prob.check_partials(method="cs", compact_print=True, out_stream=None)
    assert_check_partials(data, atol=1e-6, rtol=1e-6)


def test_crew_launches_hand_calculation():
    # One launch per rotation: 6 launches; P = 0.99 ** 6 = 0.94148
    rotations = np.array([0.0, 0.0, 2.0, 3.0, 1.0])
    prob = _problem(CrewLaunches(num_years=5), crew_rotations=rotations, reliability=0.99)
    np.testing.assert_allclose(prob.get_val("launches"), rotations, rtol=1e-15)
    np.testing.assert_allclose(prob.get_val("expected_attempts"), rotations / 0.99, rtol=1e-12)
    assert prob.get_val("campaign_success_probability")[0] == pytest.approx(0.99 * 0.99 * 0.99 * 0.99 * 0.99 * 0.99, rel=1e-12)
    assert 0.99**6 == pytest.approx(0.94148, abs=1e-5)


def test_no_launches_is_certain_success():
    prob = _problem(CrewLaunches(num_years=3), crew_rotations=np.zeros(3), reliability=0.9)
    assert prob.get_val("campaign_success_probability")[0] == 1.0
    prob = _problem(LaunchCount(num_years=3), mass_to_orbit=np.zeros(3), reliability=0.9)
    assert prob.get_val("campaign_success_probability")[0] == 1.0


def test_crew_larger_than_its_seats_flies_on_more_launches():
    """Seven crew on four-seat spacecraft: ceil(7 / 4) = 2 launches a rotation, so 12 launches over
    the 6 rotations and P = 0.99 ** 12 = 0.88638 (by hand)."""
    rotations = np.array([0.0, 0.0, 2.0, 3.0, 1.0])
    prob = _problem(CrewLaunches(num_years=5), crew_rotations=rotations, reliability=0.99, launches_per_rotation=2.0)
    np.testing.assert_allclose(prob.get_val("launches"), 2 * rotations, rtol=1e-15)
    assert prob.get_val("campaign_success_probability")[0] == pytest.approx(0.88638, abs=1e-5)

"""ReusableLander: closed-form round-trip sizing checked by flying the trip step by step."""

from __future__ import annotations

import math

import numpy as np
import openmdao.api as om
import pytest
from openmdao.utils.assert_utils import assert_check_partials

from trades.models.transfer import ReusableLander

G0 = 9.80665


def _problem(**values):
    prob = om.Problem(reports=False)
    prob.model.add_subsystem("lander", ReusableLander(num_years=4), promotes=["*"])
    prob.setup(force_alloc_complex=True)
    defaults = {
        "delivered_mass": [0.0, 40000.0, 3000.0, 3500.0],
        "design_payload": 5000.0,
        "descent_delta_v": 2920.0,
        "ascent_delta_v": 2863.0,
        "isp": 380.0,
        "tank_mass_per_volume": 113.6,
        "propellant_density": 833.0,
        "thrust_to_weight": 0.2,
        "engine_thrust_to_weight": 40.5,
        "first_year": [0.0, 1.0, 0.0, 0.0],
    }
    defaults.update(values)
    for name, value in defaults.items():
        prob.set_val(name, value)
    prob.run_model()
    return prob


def test_round_trip_closes_when_flown_step_by_step():
    """Independent check: load the lander at the staging orbit, burn down, drop the payload,
    burn back up; what is left must be exactly the dry mass, and the dry mass must be the tanks
    for its propellant plus the engines for its thrust at the staging orbit."""
    prob = _problem()
    payload = 5000.0
    dry = prob.get_val("lander_dry_mass")[0]
    propellant = prob.get_val("propellant_per_trip")[0]
    loaded = payload + dry + propellant
    after_descent = loaded / math.exp(2920.0 / (G0 * 380.0))
    after_ascent = (after_descent - payload) / math.exp(2863.0 / (G0 * 380.0))
    assert after_ascent == pytest.approx(dry, rel=1e-12)
    tanks = 113.6 / 833.0 * propellant
    engines = 0.2 / 40.5 * loaded  # thrust (T/W)0 g0 m0 over (T/W)e g0
    assert dry == pytest.approx(tanks + engines, rel=1e-12)


def test_yearly_mass_to_staging_orbit():
    prob = _problem()
    dry = prob.get_val("lander_dry_mass")[0]
    propellant = prob.get_val("propellant_per_trip")[0]
    delivered = np.array([0.0, 40000.0, 3000.0, 3500.0])
    trips = delivered / 5000.0
    expected = delivered + trips * propellant + dry * np.array([0, 1, 0, 0])
    assert prob.get_val("trips") == pytest.approx(trips)
    assert prob.get_val("mass_to_staging_orbit") == pytest.approx(expected, rel=1e-12)


def test_partials():
    prob = _problem()
    data = prob.check_partials(method="fd", form="central", compact_print=True, out_stream=None)
    assert_check_partials(data, atol=1e-4, rtol=1e-5)


def test_impossible_round_trip_raises():
    with pytest.raises(om.AnalysisError, match="cannot fly"):
        _problem(isp=200.0)

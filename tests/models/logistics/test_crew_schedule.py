"""CrewSchedule: crew-days and rotations per campaign year."""

import numpy as np
import openmdao.api as om
import pytest
from openmdao.utils.assert_utils import assert_check_partials

from trades.models.logistics.crew_schedule import CrewSchedule
from trades.models.testing import run_component

CREWED = np.array([0.0, 0.0, 1.0, 1.0, 1.0])


def _problem(num_years=5, **values):
    return run_component(CrewSchedule(num_years=num_years), **values)


def test_partials():
    prob = _problem(crew_size=6.0, stay_days=75.0, rotations_per_year=3.0, crewed_year=CREWED,
                    stay_fraction=np.array([1.0, 0.5, 0.9, 1.0, 0.7]))
    data = prob.check_partials(method="cs", compact_print=True, out_stream=None)
    assert_check_partials(data, atol=1e-6, rtol=1e-6)


def test_stays_that_differ_by_year():
    # crewed Mars missions whose stays are chosen per window: stay_days the longest (542 d), each
    # year's crews their own (500 d = 500/542 of it): 6 x 500 x 1 = 3000 crew-days, by hand
    prob = _problem(crew_size=6.0, stay_days=542.0, rotations_per_year=1.0, crewed_year=CREWED,
                    stay_fraction=np.array([1.0, 1.0, 1.0, 500.0 / 542.0, 1.0]))
    np.testing.assert_allclose(prob.get_val("crew_days"), [0.0, 0.0, 3252.0, 3000.0, 3252.0], rtol=1e-12)
    np.testing.assert_allclose(prob.get_val("crew_rotations"), [0.0, 0.0, 1.0, 1.0, 1.0], rtol=1e-15)
    assert prob.get_val("stay_duration")[0] == 542.0  # the habitat is sized for the longest


def test_flagship_like_schedule():
    # 4 crew, 60-day stays, 2 rotations a year: 4 x 60 x 2 = 480 crew-member-days in crewed years.
    prob = _problem(crew_size=4.0, stay_days=60.0, rotations_per_year=2.0, crewed_year=CREWED)
    np.testing.assert_allclose(prob.get_val("crew_days"), [0.0, 0.0, 480.0, 480.0, 480.0], rtol=1e-15)
    np.testing.assert_allclose(prob.get_val("crew_rotations"), [0.0, 0.0, 2.0, 2.0, 2.0], rtol=1e-15)


def test_defaults_and_units():
    # Defaults: 4 crew x 180 d x 2 = 1440 crew-days in every year; a 26-week stay is 182 days.
    prob = _problem(num_years=3)
    np.testing.assert_allclose(prob.get_val("crew_days"), [1440.0] * 3, rtol=1e-15)
    prob.set_val("stay_days", 26.0, units="wk")
    prob.run_model()
    np.testing.assert_allclose(prob.get_val("crew_days"), [4 * 182.0 * 2] * 3, rtol=1e-12)

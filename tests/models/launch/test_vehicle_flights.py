"""VehicleFlights: each vehicle's flights per year and the campaign's launch success."""

import numpy as np
import openmdao.api as om
import pytest
from openmdao.utils.assert_utils import assert_check_partials

from trades.models.launch import VehicleFlights

CARGO = np.array([0.0, 3.2, 7.5, 1.0])
CREW = np.array([1.0, 2.0, 0.5, 0.0])


def _problem(**options):
    prob = om.Problem(reports=False)
    prob.model.add_subsystem("flights", VehicleFlights(num_years=4, **options), promotes=["*"])
    prob.setup(force_alloc_complex=True)
    prob.set_val("cargo_launches", CARGO)
    prob.set_val("cargo_success_probability", 0.9)
    if options.get("crew_launches", True):
        prob.set_val("crew_launches", CREW)
        prob.set_val("crew_success_probability", 0.8)
    prob.run_model()
    return prob


@pytest.mark.parametrize("same", [False, True])
def test_flights_add_up_on_a_vehicle_that_flies_both(same):
    prob = _problem(same_vehicle=same)
    # by hand: separate vehicles keep their own counts; one vehicle flies the sum
    expected_cargo = CARGO + CREW if same else CARGO
    expected_crew = CREW + CARGO if same else CREW
    np.testing.assert_allclose(prob.get_val("cargo_vehicle_flights"), expected_cargo)
    np.testing.assert_allclose(prob.get_val("crew_vehicle_flights"), expected_crew)
    assert prob.get_val("all_launches_succeed")[0] == pytest.approx(0.9 * 0.8)
    assert_check_partials(prob.check_partials(method="cs", out_stream=None), atol=1e-10, rtol=1e-10)


def test_without_crew_launches():
    prob = _problem(crew_launches=False)
    np.testing.assert_allclose(prob.get_val("cargo_vehicle_flights"), CARGO)
    assert prob.get_val("all_launches_succeed")[0] == pytest.approx(0.9)
    assert_check_partials(prob.check_partials(method="cs", out_stream=None), atol=1e-10, rtol=1e-10)

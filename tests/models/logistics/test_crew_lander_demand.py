"""CrewLanderDemand: one crew lander per rotation."""

import numpy as np
import openmdao.api as om
import pytest
from openmdao.utils.assert_utils import assert_check_partials

from trades.models.logistics.crew_lander_demand import CrewLanderDemand
from trades.models.testing import run_component


def _problem(**values):
    return run_component(CrewLanderDemand(num_years=5), **values)


def test_partials():
    prob = _problem(crew_rotations=np.array([0.0, 1.0, 2.0, 3.0, 0.0]), unit_mass=26500.0)
    data = prob.check_partials(method="cs", compact_print=True, out_stream=None)
    assert_check_partials(data, atol=1e-6, rtol=1e-6)


def test_values():
    # 26.5 t per lander x rotations [0, 1, 2, 3, 0]
    prob = _problem(crew_rotations=np.array([0.0, 1.0, 2.0, 3.0, 0.0]))
    prob.set_val("unit_mass", 26.5, units="t")
    prob.run_model()
    np.testing.assert_allclose(prob.get_val("lander_mass"), [0.0, 26500.0, 53000.0, 79500.0, 0.0], rtol=1e-12)

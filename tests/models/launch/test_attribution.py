"""Launch mass per cost item against a hand calculation."""

import numpy as np
import pytest
from openmdao.utils.assert_utils import assert_check_partials

from trades.models.launch import LaunchMassByItem
from trades.models.testing import run_component


def _problem(**overrides):
    inputs = dict(cargo_leo_mass=[0.0, 700.0, 140.0], delivered_mass=[0.0, 100.0, 20.0], deploy_mass=[60.0, 30.0, 0.0, 5.0],
                  deploy_year=[0.0, 1.0, 0.0], logistics_mass=[0.0, 10.0, 20.0], crew_lander_leo_mass=[0.0, 50.0, 50.0],
                  direct_leo_mass=[0.0, 0.0, 0.0, 3.0])
    inputs.update(overrides)
    return run_component(LaunchMassByItem(num_items=4, num_years=3, logistics_item=2, crew_lander_item=3), **inputs)


def test_by_hand():
    """Gear ratio 7 in years 2 and 3 (700/100, 140/20); nothing delivered in year 1."""
    leo = _problem().get_val("leo_mass")
    assert leo[0] == pytest.approx([0.0, 420.0, 0.0])
    assert leo[1] == pytest.approx([0.0, 210.0, 0.0])
    assert leo[2] == pytest.approx([0.0, 70.0, 140.0])
    assert leo[3] == pytest.approx([0.0, 35.0 + 3.0 + 50.0, 50.0])  # deploy mass x gear, direct mass, the crew lander stream
    # attributed cargo mass equals the cargo stream's mass in the launch orbit when the items are the manifest
    assert leo[:3].sum(axis=0)[1] == pytest.approx(700.0)


def test_partials():
    data = _problem().check_partials(method="cs", compact_print=True, out_stream=None)
    assert_check_partials(data, atol=1e-8, rtol=1e-8)

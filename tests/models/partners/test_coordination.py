"""CoordinationOverhead: inverse-Herfindahl effective partners and the sqrt(N) rule."""

import numpy as np
import pytest
from openmdao.utils.assert_utils import assert_check_partials

from trades.models.partners import CoordinationOverhead
from trades.models.testing import run_component


def test_hand_cases():
    # one builder: N_eff = 1, no overhead; four equal partners: N_eff = 4, sqrt(4) = 2;
    # shares 0.5/0.3/0.2: H = 0.25 + 0.09 + 0.04 = 0.38, N_eff = 2.6316, factor = 1.6222
    shares = np.array([[1.0, 0.0, 0.0, 0.0], [0.25, 0.25, 0.25, 0.25], [0.5, 0.3, 0.2, 0.0]])
    prob = run_component(CoordinationOverhead(num_elements=3, num_partners=4), shares=shares)
    assert prob.get_val("effective_partners") == pytest.approx([1.0, 4.0, 1 / 0.38], rel=1e-12)
    assert prob.get_val("overhead_factor") == pytest.approx([1.0, 2.0, (1 / 0.38) ** 0.5], rel=1e-12)


def test_partials():
    shares = np.array([[0.6, 0.3, 0.1], [0.2, 0.5, 0.3]])
    prob = run_component(CoordinationOverhead(num_elements=2, num_partners=3), shares=shares, exponent=0.4)
    data = prob.check_partials(method="cs", compact_print=True, out_stream=None)
    assert_check_partials(data, atol=1e-8, rtol=1e-8)

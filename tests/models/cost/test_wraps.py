"""Programme wraps against a hand calculation, and their partials."""

import numpy as np
import pytest
from openmdao.utils.assert_utils import assert_check_partials

from trades.models.cost.wraps import ProgrammeWraps
from trades.models.testing import run_component


def test_wraps_by_hand_and_partials():
    # item 0: 1000 MUSD of element development with wraps 0.10 and 0.25 -> 100 and 250, 1350 in all;
    # item 1 (no hardware): none
    prob = run_component(ProgrammeWraps(num_items=2, num_wraps=2), element_development=[1000.0, 0.0], wrap_fraction=[0.10, 0.25])
    assert prob.get_val("wraps") == pytest.approx(np.array([[100.0, 250.0], [0.0, 0.0]]))
    assert prob.get_val("development") == pytest.approx([1350.0, 0.0])
    prob = run_component(ProgrammeWraps(num_items=3, num_wraps=4), element_development=[120.0, 7.0, 3000.0], wrap_fraction=[0.1, 0.05, 0.2, 0.3])
    assert_check_partials(prob.check_partials(method="cs", compact_print=True, out_stream=None), atol=1e-8, rtol=1e-8)

"""The partners' envelope over several destinations against a hand calculation, and its partials."""

import numpy as np
import pytest
from openmdao.utils.assert_utils import assert_check_partials

from trades.models.partners import PartnerEnvelope
from trades.models.testing import run_component


def _envelope():
    # destination a: partners x, y over 2030-2031; destination b: partners y, z over 2031-2033
    return run_component(
        PartnerEnvelope(partners=["x", "y", "z"], years=[2030, 2031, 2032, 2033],
                        destinations=[("a", ["x", "y"], [2030, 2031]), ("b", ["y", "z"], [2031, 2032, 2033])]),
        pays_a=np.array([[1.0, 2.0], [3.0, 4.0]]), pays_b=np.array([[10.0, 20.0, 30.0], [40.0, 50.0, 60.0]]),
        life_cycle_cost_a=10.0, life_cycle_cost_b=210.0,
    )


def test_envelope_by_hand():
    prob = _envelope()
    # x pays only at a (2030, 2031); y pays 3, 4 at a and 10, 20, 30 at b from 2031; z only at b
    expected = np.array([[1.0, 2.0, 0.0, 0.0], [3.0, 4.0 + 10.0, 20.0, 30.0], [0.0, 40.0, 50.0, 60.0]])
    assert prob.get_val("spend") == pytest.approx(expected)
    assert prob.get_val("life_cycle_cost")[0] == pytest.approx(220.0)


def test_envelope_partials():
    prob = _envelope()
    assert_check_partials(prob.check_partials(method="cs", out_stream=None), atol=1e-10, rtol=1e-10)

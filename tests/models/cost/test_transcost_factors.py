"""TRANSCOST correction factors on the CER component, and Koelle's SSME check case."""

import math

import pytest
from openmdao.utils.assert_utils import assert_check_partials

from trades.models.cost import TranscostCost
from trades.models.testing import run_component

#: Koelle's SSME check case as transcribed in MIT lvreuse, lessons/transcost.ipynb (commit 3d22ecb, 2018):
#: engine CER H = 277 M^0.48 f1 f2 f3 with M = 3,180 kg, f1 = 1.3, f3 = 0.85, f2 = 0.026 (ln 900)^2
#: (900 qualification firings); the notebook computes "roughly 17672 PYr" against "the actual development cost
#: [of] 18146 PYr" (Koelle's figure, TRANSCOST handbook, not read itself).
SSME_MASS_KG = 3180.0
SSME_FACTORS = 1.3 * 0.85 * 0.026 * math.log(900.0) ** 2
SSME_CER_WYR, SSME_ACTUAL_WYR = 17672.0, 18146.0


def test_ssme_check_case():
    prob = run_component(TranscostCost(num_elements=1, dev_a=[277.0], dev_x=[0.48], prod_a=[3.15], prod_x=[0.535]),
                         dry_mass=[SSME_MASS_KG], development_factor=[SSME_FACTORS])
    development = float(prob.get_val("development")[0])
    assert development == pytest.approx(SSME_CER_WYR, abs=1.0)  # the notebook's printed CER value
    assert development == pytest.approx(SSME_ACTUAL_WYR, rel=0.03)  # within 3 % of the SSME's actual effort


def test_factors_multiply_and_partials():
    """Development x f_d, first unit x f_p, by hand; the partials (mass and both factors) checked."""
    comp = TranscostCost(num_elements=2, dev_a=[277.0, 98.5], dev_x=[0.48, 0.555], prod_a=[3.15, 1.84], prod_x=[0.535, 0.59],
                         dev_factor=[1.3, 0.9], prod_factor=[1.0, 0.5])
    prob = run_component(comp, dry_mass=[3180.0, 13610.0])
    assert prob.get_val("development") == pytest.approx([1.3 * 277.0 * 3180.0**0.48, 0.9 * 98.5 * 13610.0**0.555], rel=1e-6)
    assert prob.get_val("first_unit") == pytest.approx([3.15 * 3180.0**0.535, 0.5 * 1.84 * 13610.0**0.59], rel=1e-6)
    data = prob.check_partials(method="cs", compact_print=True, out_stream=None)
    assert_check_partials(data, atol=1e-7, rtol=1e-7)

"""sum_component: output = sum of terms (AddSubtractComp, or a pass-through ExecComp for one term)."""

import numpy as np
import openmdao.api as om
from openmdao.utils.assert_utils import assert_check_partials

from trades.models.sums import sum_component


def _problem(terms, vec_size, values, units="kg"):
    prob = om.Problem(reports=False)
    prob.model.add_subsystem("total", sum_component("mass", terms, vec_size=vec_size, units=units), promotes=["*"])
    prob.setup(force_alloc_complex=True)
    for name, value in zip(terms, values):
        prob.set_val(name, value)
    prob.run_model()
    return prob


def test_three_terms_partials_and_value():
    values = [np.array([1.0, 2.0, 3.0]), np.array([10.0, 0.0, -4.0]), np.array([0.5, 7.25, 100.0])]
    prob = _problem(["a", "b", "c"], 3, values)
    # Hand sum: [11.5, 9.25, 99.0]
    np.testing.assert_allclose(prob.get_val("mass"), [11.5, 9.25, 99.0], rtol=1e-15)
    data = prob.check_partials(method="cs", compact_print=True, out_stream=None)
    assert_check_partials(data, atol=1e-6, rtol=1e-6)


def test_single_term_pass_through():
    prob = _problem(["a"], 4, [np.array([1.0, 2.5, 0.0, 42.0])])
    np.testing.assert_allclose(prob.get_val("mass"), [1.0, 2.5, 0.0, 42.0], rtol=1e-15)
    # ExecComp partials are complex-step: check with central finite differences.
    data = prob.check_partials(method="fd", form="central", compact_print=True, out_stream=None)
    assert_check_partials(data, atol=1e-5, rtol=1e-5)


def test_units_apply_to_terms_and_output():
    prob = om.Problem(reports=False)
    prob.model.add_subsystem("total", sum_component("mass", ["a", "b"], vec_size=1), promotes=["*"])
    prob.setup()
    prob.set_val("a", 1.5, units="t")
    prob.set_val("b", 250.0, units="kg")
    prob.run_model()
    assert prob.get_val("mass", units="kg")[0] == 1750.0

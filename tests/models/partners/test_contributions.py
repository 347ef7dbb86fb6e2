"""Partner contributions and payments against hand calculations, and their partials."""

import numpy as np
import openmdao.api as om
import pytest
from openmdao.utils.assert_utils import assert_check_partials

from trades.models.partners import PartnerContributions, PartnerPayments


def _problem(k, p, n, key=None, bounds=(1.0, 1.0), pairs=(), matrix=None, **inputs):
    prob = om.Problem(reports=False)
    prob.model.add_subsystem("contributions", PartnerContributions(num_items=k, num_partners=p, num_years=n, barred_pairs=pairs), promotes=["*"])
    prob.model.add_subsystem("payments", PartnerPayments(
        num_partners=p, num_years=n, return_bounds=bounds,
        payment_matrix=matrix if matrix is not None else (None if key is None else np.outer(key, np.ones(p)))), promotes=["*"])
    prob.setup(force_alloc_complex=True)
    for name, value in inputs.items():
        prob.set_val(name, value)
    prob.run_model()
    return prob


def _two_partner_case(key=None):
    # item 0 shared 70/30 with overhead 1.2; item 1 wholly partner 1; cost factors 1 and 0.8;
    # development spend only (the overhead scales development)
    return _problem(
        2, 2, 2, key=key, bounds=(0.9, 1.1), pairs=((0, 1),),
        shares=np.array([[0.7, 0.3], [0.0, 1.0]]), overhead_factor=[1.2, 1.0], cost_factor=[1.0, 0.8],
        launch_price_per_kg=[0.002, 0.003], developed=np.array([[100.0, 50.0], [10.0, 0.0]]), bought=np.array([[0.0, 4.0], [0.0, 0.0]]),
        leo_mass=np.array([[1000.0, 0.0], [0.0, 500.0]]),
    )


def test_contribution_rule_by_hand():
    prob = _two_partner_case()
    # partner 0: 0.7 (1.0*1.2*100 + 0.002*1000 + 0) = 85.4 ; year 2: 0.7 (1.2*50 + 4) = 44.8
    # partner 1: 0.3 (0.8*1.2*100 + 0.003*1000) + (0.8*10) = 29.7 + 8 = 37.7 ; year 2: 0.3 (0.8*1.2*50 + 4) + 0.003*500 = 15.6 + 1.5 = 17.1
    provides = prob.get_val("provides")
    assert provides == pytest.approx(np.array([[85.4, 44.8], [37.7, 17.1]]))
    assert prob.get_val("pays") == pytest.approx(provides)
    assert prob.get_val("total_cost") == pytest.approx([85.4 + 37.7, 44.8 + 17.1])
    assert prob.get_val("life_cycle_cost")[0] == pytest.approx(85.4 + 44.8 + 37.7 + 17.1)
    assert prob.get_val("work_share") == pytest.approx(np.array([130.2, 54.8]) / 185.0)
    assert prob.get_val("share_sum") == pytest.approx([1.0, 1.0])
    assert prob.get_val("barred_overlap") == pytest.approx([0.21, 0.0])
    assert prob.get_val("launch_mass") == pytest.approx(np.array([[700.0, 0.0], [300.0, 500.0]]))


def test_overhead_scales_development_not_production_or_operations():
    """The same spend as production and operations (``built``) is not scaled by the coordination
    overhead: Jones's collaboration model is a development penalty (trades/catalogs/cost.yaml,
    coordination_exponent)."""
    prob = _problem(
        2, 2, 2, shares=np.array([[0.7, 0.3], [0.0, 1.0]]), overhead_factor=[1.2, 1.0], cost_factor=[1.0, 0.8],
        launch_price_per_kg=[0.0, 0.0], built=np.array([[100.0, 50.0], [10.0, 0.0]]),
    )
    # partner 0: 0.7 x 1.0 x 100 = 70, 0.7 x 50 = 35; partner 1: 0.3 x 0.8 x 100 + 0.8 x 10 = 32, 0.3 x 0.8 x 50 = 12
    assert prob.get_val("provides") == pytest.approx(np.array([[70.0, 35.0], [32.0, 12.0]]))


def test_fixed_key_by_hand():
    prob = _two_partner_case(key=[0.75, 0.25])
    total = np.array([85.4 + 37.7, 44.8 + 17.1])
    assert prob.get_val("pays") == pytest.approx(np.vstack([0.75 * total, 0.25 * total]))
    provided, paid = prob.get_val("provided_total"), prob.get_val("paid_total")
    assert paid == pytest.approx([0.75 * 185.0, 0.25 * 185.0])
    assert prob.get_val("return_low") == pytest.approx(provided - 0.9 * paid)
    assert prob.get_val("return_high") == pytest.approx(provided - 1.1 * paid)


def test_members_pay_for_what_they_buy():
    """Partner 1 sells to a coalition of partner 0 alone: partner 0 pays its own provision and partner 1's."""
    prob = _two_partner_case(key=None)
    provides = prob.get_val("provides")
    matrix = np.array([[1.0, 1.0], [0.0, 0.0]])
    bought = _problem(
        2, 2, 2, matrix=matrix, bounds=(0.9, 1.1), pairs=((0, 1),),
        **{name: prob.get_val(name) for name in ("shares", "overhead_factor", "cost_factor", "launch_price_per_kg", "developed", "built", "bought", "leo_mass")},
    )
    assert bought.get_val("pays") == pytest.approx(np.vstack([provides.sum(axis=0), np.zeros(2)]))


@pytest.mark.parametrize("key", [None, [0.6, 0.1, 0.3]])
def test_partials(key):
    rng = np.random.default_rng(7)
    k, p, n = 3, 3, 4
    prob = _problem(
        k, p, n, key=key, bounds=(0.8, 1.2), pairs=((0, 2), (1, 2)),
        shares=rng.dirichlet(np.ones(p), size=k), overhead_factor=1 + rng.random(k), cost_factor=0.5 + rng.random(p),
        launch_price_per_kg=rng.random(p) * 1e-3, developed=rng.random((k, n)) * 100, built=rng.random((k, n)) * 100, bought=rng.random((k, n)) * 10,
        leo_mass=rng.random((k, n)) * 1e4,
    )
    data = prob.check_partials(method="cs", compact_print=True, out_stream=None)
    assert_check_partials(data, atol=1e-6, rtol=1e-6)

"""TRANSCOST relationships, the cost rollup, multi-item learning and the yearly spend of items,
each against an independent calculation."""

import math

import numpy as np
import pytest
from openmdao.utils.assert_utils import assert_check_partials

from trades.models.cost import CostRollup, ItemSpend, LearningCurveProduction, OperationsCost, TranscostCost
from trades.models.testing import run_component


def _check(prob, tol=1e-7):
    data = prob.check_partials(method="cs", compact_print=True, out_stream=None)
    assert_check_partials(data, atol=tol, rtol=tol)


def test_transcost_by_hand():
    """Crewed space system CER typed from lvreuse/cost/elements.py (TRANSCOST): H = 1113 M^0.383,
    F = 0.16 M^0.98 work-years; a 36,930 kg habitat: H = 62,000-63,000 WYr, F about 4,800 WYr."""
    prob = run_component(TranscostCost(num_elements=2, dev_a=[1113.0, 98.5], dev_x=[0.383, 0.555], prod_a=[0.16, 1.84], prod_x=[0.98, 0.59]),
                         dry_mass=[36930.0, 1430.0])
    dev, first = prob.get_val("development"), prob.get_val("first_unit")
    # the CER sees sqrt(M^2 + 1 kg^2): relative difference x / (2 M^2), 1.4e-7 at 1,430 kg
    assert dev[0] == pytest.approx(1113.0 * 36930.0**0.383, rel=1e-9)
    assert first[1] == pytest.approx(1.84 * 1430.0**0.59, rel=1e-6)
    assert 62000 < dev[0] < 63000 and 4700 < first[0] < 4900


@pytest.mark.filterwarnings("ignore:.*zero derivatives")  # the slope is exactly 0 at 0 kg
def test_zero_mass_is_finite_in_value_and_slope():
    """An element sized to nothing (an ISRU plant at zero output) must not make the gradient NaN."""
    from trades.models.cost import AmcmCost

    for component, inputs in (
        (TranscostCost(num_elements=1, dev_a=[14.2], dev_x=[0.577], prod_a=[3.04], prod_x=[0.581]), {}),
        (AmcmCost(coefficients={"a": 0.000504839, "b": 0.594183, "c": 0.653948, "d": 76.99939, "e": 1.68051e-52,
                                "f": -0.355322, "g": 1.554983}), {"quantity": 1.0, "ioc_year": 2031.0}),
    ):
        prob = run_component(component, dry_mass=0.0, **inputs)
        totals = prob.compute_totals(of=list(prob.model.comp._var_rel_names["output"]), wrt=["dry_mass"])
        assert all(np.all(np.isfinite(v)) for v in totals.values())
        _check(prob, 1e-6)


def test_transcost_partials():
    _check(run_component(TranscostCost(num_elements=2, dev_a=[1113.0, 14.2], dev_x=[0.383, 0.577], prod_a=[0.16, 3.04], prod_x=[0.98, 0.581]),
                         dry_mass=[5000.0, 800.0]))


def test_rollup_by_hand_and_partials():
    elements = [("hab", "transcost", 0), ("stage_a", "transcost", 1), ("stage_b", "transcost", 1), ("relay", "amcm", 2)]
    prob = run_component(CostRollup(num_items=3, elements=elements), work_year_value=0.459, amcm_inflation=1.88,
                         hab_development=100.0, hab_first_unit=10.0, stage_a_development=20.0, stage_a_first_unit=2.0,
                         stage_b_development=30.0, stage_b_first_unit=3.0, relay_cost=50.0)
    assert prob.get_val("development") == pytest.approx([45.9, 0.459 * 50.0, 1.88 * 50.0])
    assert prob.get_val("first_unit") == pytest.approx([4.59, 0.459 * 5.0, 0.0])
    _check(prob)


def test_rollup_multipliers_scale_each_element_by_hand_and_partials():
    """The cost-risk hook: each element's development, first unit (TRANSCOST) or cost (AMCM)
    times its multiplier, by hand: item 1 = 0.459 (1.5 x 20 + 30) development and
    0.459 (2 + 0.5 x 3) first unit; the relay 1.88 x 0.8 x 50."""
    elements = [("hab", "transcost", 0), ("stage_a", "transcost", 1), ("stage_b", "transcost", 1), ("relay", "amcm", 2)]
    prob = run_component(CostRollup(num_items=3, elements=elements), work_year_value=0.459, amcm_inflation=1.88,
                         hab_development=100.0, hab_first_unit=10.0, stage_a_development=20.0, stage_a_first_unit=2.0,
                         stage_b_development=30.0, stage_b_first_unit=3.0, relay_cost=50.0,
                         stage_a_development_multiplier=1.5, stage_b_first_unit_multiplier=0.5, relay_cost_multiplier=0.8)
    assert prob.get_val("development") == pytest.approx([45.9, 0.459 * 60.0, 1.88 * 40.0])
    assert prob.get_val("first_unit") == pytest.approx([4.59, 0.459 * 3.5, 0.0])
    _check(prob)


def test_rollup_splits_amcm_by_its_quantity_law():
    """AMCM's C(Q) = C(1) Q^b with b = 0.5 (a round value for the hand calculation): the second
    unit adds C(1) (sqrt 2 - 1) = 0.41421 C(1), the first unit; development is the rest, 0.58579 C(1)."""
    prob = run_component(CostRollup(num_items=1, elements=[("hab", "amcm", 0)], amcm_quantity_exponent=0.5),
                         work_year_value=0.459, amcm_inflation=2.0, hab_cost=100.0)
    assert prob.get_val("development") == pytest.approx([2.0 * 58.578644])
    assert prob.get_val("first_unit") == pytest.approx([2.0 * 41.421356])
    _check(prob)


def test_learning_curve_per_item_equals_separate_curves():
    units = np.array([[1.0, 0.0, 0.0], [0.0, 2.0, 3.5]])
    together = run_component(LearningCurveProduction(num_years=3, num_items=2), first_unit_cost=[40.0, 7.0], learning_rate=0.85, units=units)
    for i, t1 in enumerate((40.0, 7.0)):
        alone = run_component(LearningCurveProduction(num_years=3), first_unit_cost=t1, learning_rate=0.85, units=units[i])
        assert together.get_val("production_cost")[i] == pytest.approx(alone.get_val("production_cost"), rel=1e-12)
    _check(together, 1e-6)


def test_operations_by_hand_and_partials():
    prob = run_component(OperationsCost(num_years=4), rate=229.0, crew_size=4.0, crewed_year=[0, 0, 1, 1])
    assert prob.get_val("operations_cost") == pytest.approx([0, 0, 916.0, 916.0])
    _check(prob)


def test_item_spend_by_hand_and_partials():
    profile = np.array([[0.3, 0.7, 0.0], [0.5, 0.5, 0.0], [1.0, 0.0, 0.0]])  # each item's own phasing
    prob = run_component(ItemSpend(num_items=3, num_years=3, operations_item=1, crew_transport_item=2),
                         development=[100.0, 0.0, 0.0], profile=profile, production=np.array([[0, 0, 5.0], [0, 0, 0], [0, 0, 0]]),
                         operations_cost=[0, 10.0, 10.0], crew_launch_attempts=[0, 1.0, 2.1], crew_launch_price=4746.0)
    assert prob.get_val("developed") == pytest.approx(np.array([[30.0, 70.0, 0.0], [0, 0, 0], [0, 0, 0]]))
    # operations are paid at their rate (bought), not built: a builder's cost factor (TRANSCOST f8) does not scale them
    assert prob.get_val("built") == pytest.approx(np.array([[0.0, 0.0, 5.0], [0, 0, 0], [0, 0, 0]]))
    assert prob.get_val("bought")[2] == pytest.approx([0.0, 4746.0, 2.1 * 4746.0])
    assert prob.get_val("bought")[1] == pytest.approx([0.0, 10.0, 10.0])
    assert not prob.get_val("bought")[0].any()
    _check(prob)


def test_item_spend_purchases_by_hand_and_partials():
    """A contract price phased over the development years is bought as quoted and adds to the crew
    launches of the same item: 935 x [0.3, 0.7, 0] on item 0; 10 on item 2 in year 2 beside
    2 launches at 50 and the launches' operations (by hand)."""
    purchases = np.array([[280.5, 654.5, 0.0], [0, 0, 0], [0, 0, 10.0]])
    prob = run_component(ItemSpend(num_items=3, num_years=3, operations_item=1, crew_transport_item=2),
                         development=[100.0, 0.0, 0.0], profile=np.array([[0.3, 0.7, 0.0]] * 3), production=np.zeros((3, 3)),
                         operations_cost=[0, 1.0, 1.0], crew_launch_attempts=[0, 1.0, 2.0], crew_launch_price=50.0,
                         purchases=purchases, crew_launch_operations=[0.0, 7.0, 3.0])
    # a government-operated launcher's operations of the year add to the crew item (by hand: 50 + 7, 110 + 3)
    assert prob.get_val("bought") == pytest.approx(np.array([[280.5, 654.5, 0.0], [0, 1.0, 1.0], [0, 57.0, 113.0]]))
    assert prob.get_val("developed")[0] == pytest.approx([30.0, 70.0, 0.0])  # the relationship's cost is unchanged
    _check(prob)


def test_sixty_forty_profile():
    """The development profile spends 60 % at half the schedule (Beta(2, 2.488), the 60/40 rule)."""
    from trades.architecture.schedule import development_profile

    profile = development_profile(list(range(2026, 2045)), 2034, 2.0, 2.488)  # 8 development years
    assert profile.sum() == pytest.approx(1.0)
    assert profile[:4].sum() == pytest.approx(0.60, abs=1e-3)
    assert not profile[8:].any()
    assert development_profile([2030, 2031], 2030, 2.0, 2.488).tolist() == [1.0, 0.0]  # deployed in year one
    assert math.isclose(development_profile([2030, 2031, 2032], 2032, 2.0, 2.488)[:2].sum(), 1.0)


def test_profile_over_the_development_years_before_deployment():
    """With a development duration the S-curve covers exactly the years before deployment, even
    when the model's years start earlier; Beta(2, 2.488) CDF at 0.5 is 0.60 (the 60/40 rule)."""
    from trades.architecture.schedule import development_profile

    years = list(range(2024, 2040))  # model years reach back 6 years before a 2030 deployment
    profile = development_profile(years, 2030, 2.0, 2.488, development_years=6)
    assert profile.sum() == pytest.approx(1.0)
    assert profile[:3].sum() == pytest.approx(0.60, abs=1e-3)  # 2024-2026: half the schedule
    assert not profile[6:].any()  # nothing from the deployment year on
    later = development_profile(list(range(2020, 2040)), 2030, 2.0, 2.488, development_years=4)
    assert not later[:6].any() and later[6:10].sum() == pytest.approx(1.0)  # 2026-2029 only
    with pytest.raises(ValueError, match="before the model's first year"):
        development_profile(list(range(2028, 2040)), 2030, 2.0, 2.488, development_years=4)

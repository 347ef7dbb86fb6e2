"""StageChain: stages sized from the destination back, checked against hand-computed gear ratios."""

import math

import numpy as np
import openmdao.api as om
import pytest
from openmdao.utils.assert_utils import assert_check_partials, assert_check_totals

from trades.models.transfer.chain import StageChain

pytestmark = pytest.mark.filterwarnings("ignore:(?s).*has zero derivatives")

G0 = 9.80665  # m/s^2


def _stage(dv, isp, tank, density, tw=0.2, tw_engine=40.0, **extra):
    return dict(delta_v=dv, isp=isp, tank_mass_per_volume=tank, propellant_density=density,
                thrust_to_weight=tw, engine_thrust_to_weight=tw_engine, **extra)


def _denominator(s, growth=1.0):
    """1 - (1 + aB)(1 - 1/R) - b of RocketStage's closed form."""
    ratio = math.exp(s["delta_v"] / (G0 * s["isp"]))
    a = s["tank_mass_per_volume"] / s["propellant_density"] * growth
    return ratio, 1.0 - (1.0 + a) * (1.0 - 1.0 / ratio) - s["thrust_to_weight"] / s["engine_thrust_to_weight"]


def _gear_ratio(s, growth=1.0):
    """Initial mass per unit payload of one stage: (1 + (1 - 1/R)(B - 1)) / denominator."""
    ratio, denom = _denominator(s, growth)
    return (1.0 + (1.0 - 1.0 / ratio) * (growth - 1.0)) / denom


def _burned_per_payload(s, growth=1.0):
    """Burned propellant per unit payload: (1 - 1/R) / denominator."""
    ratio, denom = _denominator(s, growth)
    return (1.0 - 1.0 / ratio) / denom


def _chain(num_stages, num_nodes, payload, stages):
    prob = om.Problem(reports=False)
    prob.model.add_subsystem("chain", StageChain(num_stages=num_stages, num_nodes=num_nodes), promotes=["*"])
    prob.setup(force_alloc_complex=True)
    prob.set_val("payload_mass", payload)
    for i, values in enumerate(stages):
        for name, value in values.items():
            prob.set_val(f"chain.stage{i}.{name}", value)
    return prob


TWO_STAGES = [  # stage0 leaves the launch orbit, stage1 arrives
    _stage(3200.0, 380.0, 113.6, 833.0),
    _stage(2500.0, 450.0, 42.3, 358.0),
]


def test_partials_and_totals():
    stages = [dict(s, boiloff_rate=0.001 * (i + 1), coast_time=20.0 + 5 * i) for i, s in enumerate(TWO_STAGES)]
    prob = _chain(2, 3, np.array([4000.0, 9000.0, 15500.0]), stages)
    prob.run_model()
    # the stages' partials are complex step: check them against central differences
    data = prob.check_partials(method="fd", form="central", compact_print=True, out_stream=None)
    assert_check_partials(data, atol=1e-3, rtol=1e-5)
    totals = prob.check_totals(
        of=["mass_in_launch_orbit", "propellant_mass"],
        wrt=["payload_mass", "chain.stage0.delta_v", "chain.stage1.delta_v", "chain.stage1.boiloff_rate"],
        method="cs", out_stream=None,
    )
    assert_check_totals(totals, atol=1e-6, rtol=1e-6)


def test_single_stage_partials():
    # One stage: the propellant "sum" is a pass-through ExecComp whose partials are complex-step,
    # so check against central finite differences.
    prob = _chain(1, 2, np.array([1000.0, 2000.0]), [TWO_STAGES[1]])
    prob.run_model()
    data = prob.check_partials(method="fd", form="central", compact_print=True, out_stream=None)
    assert_check_partials(data, atol=1e-5, rtol=1e-5)


def test_two_stages_equal_product_of_gear_ratios():
    # Hand calc: each stage multiplies the mass it pushes by its gear ratio, so the mass in the
    # launch orbit is P * G1 * G0, and the propellant is the sum of each stage's burn.
    payload = 5000.0
    g1 = _gear_ratio(TWO_STAGES[1])  # destination-side stage
    g0 = _gear_ratio(TWO_STAGES[0])  # launch-orbit stage
    prop1 = payload * _burned_per_payload(TWO_STAGES[1])
    prop0 = payload * g1 * _burned_per_payload(TWO_STAGES[0])

    prob = _chain(2, 1, payload, TWO_STAGES)
    prob.run_model()  # a single pass: only right if stage1 runs before stage0
    assert prob.get_val("mass_in_launch_orbit")[0] == pytest.approx(payload * g1 * g0, rel=1e-12)
    assert prob.get_val("chain.stage1.initial_mass")[0] == pytest.approx(payload * g1, rel=1e-12)
    assert prob.get_val("chain.stage0.payload_mass")[0] == pytest.approx(payload * g1, rel=1e-12)
    assert prob.get_val("propellant_mass")[0] == pytest.approx(prop0 + prop1, rel=1e-12)
    # Rounded hand numbers: R1 = exp(2500 / 4412.99) = 1.76210, a1 = 42.3 / 358 = 0.118156, b = 0.2 / 40 = 0.005,
    # denominator1 = 1 - 1.118156 x 0.432497 - 0.005 = 0.511401, G1 = 1.95541
    assert g1 == pytest.approx(1.95541, abs=1e-5)


def test_run_order_is_destination_first():
    prob = _chain(3, 1, 1.0, [{}, {}, {}])
    order = [s.name for s in prob.model.chain._subsystems_myproc]
    assert order == ["stage2", "stage1", "stage0", "propellant_total"]


def test_three_stages_vectorized_with_boiloff():
    # The upper stage's boiled-off propellant rides on the stage below as payload.
    stages = [
        _stage(3100.0, 450.0, 42.3, 358.0),
        _stage(900.0, 450.0, 42.3, 358.0, boiloff_rate=0.002, coast_time=60.0),
        _stage(1900.0, 320.0, 285.1, 1156.0),
    ]
    payloads = np.array([2000.0, 8000.0])
    prob = _chain(3, 2, payloads, stages)
    prob.run_model()

    growth = math.exp(0.002 * 60.0)
    g2, g1, g0 = _gear_ratio(stages[2]), _gear_ratio(stages[1], growth), _gear_ratio(stages[0])
    np.testing.assert_allclose(prob.get_val("mass_in_launch_orbit"), payloads * g2 * g1 * g0, rtol=1e-12)
    propellant = payloads * (
        _burned_per_payload(stages[2])
        + g2 * _burned_per_payload(stages[1], growth) * growth
        + g2 * g1 * _burned_per_payload(stages[0])
    )
    np.testing.assert_allclose(prob.get_val("propellant_mass"), propellant, rtol=1e-12)


def test_single_stage_chain():
    prob = _chain(1, 2, np.array([1000.0, 3000.0]), [TWO_STAGES[1]])
    prob.run_model()
    g = _gear_ratio(TWO_STAGES[1])
    np.testing.assert_allclose(prob.get_val("mass_in_launch_orbit"), [1000.0 * g, 3000.0 * g], rtol=1e-12)
    np.testing.assert_allclose(prob.get_val("propellant_mass"), prob.get_val("chain.stage0.propellant_mass"), rtol=1e-15)


def _rider_chain(payload, rider, stages):
    prob = om.Problem(reports=False)
    prob.model.add_subsystem("chain", StageChain(num_stages=2, num_nodes=len(payload), rider_stage=0), promotes=["*"])
    prob.setup(force_alloc_complex=True)
    prob.set_val("payload_mass", payload)
    prob.set_val("rider_mass", rider)
    for i, values in enumerate(stages):
        for name, value in values.items():
            prob.set_val(f"chain.stage{i}.{name}", value)
    return prob


def test_rider_rides_the_first_stage_only():
    # Hand calc: the rider (Apollo's CSM) joins what stage0 pushes, after stage1 is sized for the
    # payload alone: mass in the launch orbit = (P G1 + R) G0; stage1's initial mass is P G1.
    payload, rider = np.array([16456.0, 0.0]), np.array([30369.0, 5000.0])
    prob = _rider_chain(payload, rider, TWO_STAGES)
    prob.run_model()
    g1, g0 = _gear_ratio(TWO_STAGES[1]), _gear_ratio(TWO_STAGES[0])
    np.testing.assert_allclose(prob.get_val("chain.stage1.initial_mass"), payload * g1, rtol=1e-12)
    np.testing.assert_allclose(prob.get_val("mass_in_launch_orbit"), (payload * g1 + rider) * g0, rtol=1e-12)
    np.testing.assert_allclose(prob.get_val("propellant_mass"), payload * _burned_per_payload(TWO_STAGES[1])
                               + (payload * g1 + rider) * _burned_per_payload(TWO_STAGES[0]), rtol=1e-12)


def test_rider_partials_and_totals():
    prob = _rider_chain(np.array([4000.0, 9000.0]), np.array([3000.0, 0.0]), TWO_STAGES)
    prob.run_model()
    data = prob.check_partials(method="fd", form="central", compact_print=True, out_stream=None)
    assert_check_partials(data, atol=1e-3, rtol=1e-5)
    totals = prob.check_totals(of=["mass_in_launch_orbit"], wrt=["payload_mass", "rider_mass"], method="cs", out_stream=None)
    assert_check_totals(totals, atol=1e-6, rtol=1e-6)


def test_rider_must_leave_before_the_last_stage():
    prob = om.Problem(reports=False)
    prob.model.add_subsystem("chain", StageChain(num_stages=2, rider_stage=1))
    with pytest.raises(ValueError, match="rider_stage 1 must be a stage before the last"):
        prob.setup()

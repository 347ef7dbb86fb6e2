"""StageChain with ``core_stage``: one set of engines, sized for the first burn, makes every burn
(DRA 5.0's nuclear-thermal crew vehicle); each burn's tank is dropped after it. Checked against a
fixed-point iteration on the engines' mass done by hand (no closed form), and against the closed
form derived for this test; partials and totals checked."""

import math

import numpy as np
import openmdao.api as om
import pytest
from openmdao.utils.assert_utils import assert_check_partials, assert_check_totals

from trades.models.transfer.chain import StageChain
from trades.models.transfer.core_engines import CoreEngines

pytestmark = pytest.mark.filterwarnings("ignore:(?s).*has zero derivatives", "ignore:(?s).*Nested complex step")

G0 = 9.80665  # m/s^2
# Kos & Russell's NCPS coefficients as the catalog carries them (trades/catalogs/propellants.yaml):
# tanks 32.9 kg/m3 of LH2 at 71 kg/m3, engines with shields T/W 1.81, design T/W 0.15, Isp 900 s
NTR = dict(isp=900.0, tank_mass_per_volume=32.9, propellant_density=71.0)
TW, TW_ENGINE = 0.15, 1.81
# the crewed Mars study's first mission (2035): TMI with its finite-burn loss, capture, Earth return
BURNS = [dict(delta_v=3650.0, gravity_loss=369.0), dict(delta_v=887.0), dict(delta_v=1378.0)]


def _core(payload, burns, boiloff=(0.0, 0.0, 0.0), coast=(0.0, 0.0, 0.0), rider=None, rider_stage=None):
    prob = om.Problem(reports=False)
    prob.model.add_subsystem("chain", StageChain(num_stages=len(burns), num_nodes=len(payload), core_stage=True,
                                                 rider_stage=rider_stage), promotes=["*"])
    prob.setup(force_alloc_complex=True)
    prob.set_val("payload_mass", payload)
    if rider is not None:
        prob.set_val("rider_mass", rider)
    for i, burn in enumerate(burns):
        for name, value in dict(NTR, boiloff_rate=boiloff[i], coast_time=coast[i], **burn).items():
            prob.set_val(f"chain.stage{i}.{name}", value)
    prob.set_val("chain.engines.thrust_to_weight", TW)
    prob.set_val("chain.engines.engine_thrust_to_weight", TW_ENGINE)
    return prob


def _by_hand(payload, burns, boiloff, coast, rider=0.0, rider_stage=None):
    """Guess the engines, size each burn's tank for its propellant from the last burn back (the
    engines ride in the last burn's payload), size the engines again on the first burn's ignition
    mass, repeat until it settles. Returns mass in LEO, engines, propellant loaded."""
    a = NTR["tank_mass_per_volume"] / NTR["propellant_density"]
    engines = 0.0
    for _ in range(500):
        mass, loaded = payload + engines, 0.0
        for i in reversed(range(len(burns))):
            growth = math.exp(boiloff[i] * coast[i])
            ratio = math.exp((burns[i]["delta_v"] + burns[i].get("gravity_loss", 0.0)) / (G0 * NTR["isp"]))
            if i == rider_stage:
                mass += rider
            burnout = mass
            for _ in range(500):  # the tank is sized for the propellant it holds, which depends on the tank
                ignition = burnout * ratio
                burned = ignition - burnout
                burnout = mass + a * growth * burned
            loaded += burned * growth
            mass = ignition + burned * (growth - 1.0)
            if i == 0:
                first_ignition = ignition
        engines = TW / TW_ENGINE * first_ignition
    return mass, engines, loaded


def test_core_stage_matches_a_hand_iteration_with_boiloff():
    payload, boiloff, coast = np.array([62500.0, 0.0]), (0.001, 0.001, 0.001), (5.0, 207.0, 749.0)
    prob = _core(payload, BURNS, boiloff, coast)
    prob.run_model()
    leo, engines, loaded = _by_hand(62500.0, BURNS, boiloff, coast)
    assert prob.get_val("mass_in_launch_orbit")[0] == pytest.approx(leo, rel=1e-9)
    assert prob.get_val("chain.engines.engine_mass")[0] == pytest.approx(engines, rel=1e-9)
    assert prob.get_val("propellant_mass")[0] == pytest.approx(loaded, rel=1e-9)
    assert prob.get_val("mass_in_launch_orbit")[1] == pytest.approx(0.0, abs=1e-6)  # nothing to push, nothing built
    # the stage that is built: engines and every burn's tank
    tanks = sum(prob.get_val(f"chain.stage{i}.inert_mass")[0] for i in range(3))
    assert prob.get_val("core_inert_mass")[0] == pytest.approx(engines + tanks, rel=1e-12)


def test_core_stage_closed_form_without_boiloff():
    # Derived for this test: with gear ratio g_i = R_i / (1 - a (R_i - 1)) per burn (tanks only),
    # G = g0 g1 g2, and the engines b m1 with m1 the first burn's ignition mass = mass in LEO here,
    # m_LEO = G (P + b m_LEO), so m_LEO = G P / (1 - b G).
    a, b = 32.9 / 71.0, TW / TW_ENGINE
    ratios = [math.exp((s["delta_v"] + s.get("gravity_loss", 0.0)) / (G0 * 900.0)) for s in BURNS]
    gear = math.prod(r / (1.0 - a * (r - 1.0)) for r in ratios)
    prob = _core(np.array([62500.0]), BURNS)
    prob.run_model()
    assert prob.get_val("mass_in_launch_orbit")[0] == pytest.approx(gear * 62500.0 / (1.0 - b * gear), rel=1e-12)


def test_core_stage_is_lighter_than_one_stage_per_burn_without_boiloff():
    # One set of engines instead of three: with no boil-off the core stage needs less mass in LEO.
    per_burn = om.Problem(reports=False)
    per_burn.model.add_subsystem("chain", StageChain(num_stages=3), promotes=["*"])
    per_burn.setup()
    per_burn.set_val("payload_mass", 62500.0)
    for i, burn in enumerate(BURNS):
        for name, value in dict(NTR, thrust_to_weight=TW, engine_thrust_to_weight=TW_ENGINE, **burn).items():
            per_burn.set_val(f"chain.stage{i}.{name}", value)
    per_burn.run_model()
    core = _core(np.array([62500.0]), BURNS)
    core.run_model()
    assert core.get_val("mass_in_launch_orbit")[0] < per_burn.get_val("mass_in_launch_orbit")[0]


def test_rider_leaves_after_its_burn():
    # The descent vehicle rides the departure and capture burns (rider_stage 1) and leaves in Mars orbit.
    boiloff, coast = (0.001, 0.001, 0.001), (5.0, 207.0, 749.0)
    prob = _core(np.array([62500.0]), BURNS, boiloff, coast, rider=np.array([25800.0]), rider_stage=1)
    prob.run_model()
    leo, engines, _ = _by_hand(62500.0, BURNS, boiloff, coast, rider=25800.0, rider_stage=1)
    assert prob.get_val("mass_in_launch_orbit")[0] == pytest.approx(leo, rel=1e-9)
    assert prob.get_val("chain.engines.engine_mass")[0] == pytest.approx(engines, rel=1e-9)


def test_partials_and_totals():
    prob = _core(np.array([62500.0, 30000.0]), BURNS, (0.001, 0.002, 0.001), (5.0, 207.0, 749.0))
    prob.run_model()
    data = prob.check_partials(method="fd", form="central", compact_print=True, out_stream=None)
    assert_check_partials(data, atol=1e-3, rtol=1e-5)
    # the stages' partials are complex step, so the totals are checked by central differences
    totals = prob.check_totals(of=["mass_in_launch_orbit", "core_inert_mass", "propellant_mass"],
                               wrt=["payload_mass", "chain.stage2.delta_v", "chain.engines.thrust_to_weight"],
                               method="fd", form="central", step=1e-6, out_stream=None)
    assert_check_totals(totals, atol=1e-3, rtol=1e-6)


def test_core_engines_partials():
    prob = om.Problem(reports=False)
    prob.model.add_subsystem("engines", CoreEngines(num_nodes=3), promotes=["*"])
    prob.setup(force_alloc_complex=True)
    prob.set_val("ignition_mass", [400000.0, 2.0, 0.0])
    prob.set_val("thrust_to_weight", 0.15)
    prob.set_val("engine_thrust_to_weight", 1.81)
    prob.run_model()
    assert prob.get_val("engine_mass")[0] == pytest.approx(400000.0 * 0.15 / 1.81, rel=1e-15)
    assert prob.get_val("thrust")[0] == pytest.approx(400000.0 * 0.15 * G0, rel=1e-15)
    assert_check_partials(prob.check_partials(method="cs", compact_print=True, out_stream=None), atol=1e-9, rtol=1e-9)


def test_a_core_stage_that_cannot_close_is_refused():
    # Engines of 0.4 of the stack carried through three large burns: no positive mass closes it.
    prob = _core(np.array([62500.0]), [dict(delta_v=4000.0)] * 3)
    prob.set_val("chain.engines.thrust_to_weight", 0.4 * TW_ENGINE)
    with pytest.raises(om.AnalysisError, match="the core stage does not close"):
        prob.run_model()


def test_core_stage_and_entry_exclude_each_other():
    prob = om.Problem(reports=False)
    prob.model.add_subsystem("chain", StageChain(num_stages=2, core_stage=True, entry_last=True))
    with pytest.raises(ValueError, match="entry_last and core_stage"):
        prob.setup()

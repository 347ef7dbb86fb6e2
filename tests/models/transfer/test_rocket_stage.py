"""RocketStage: analytic partials, and values against the textbook rocket equation."""

import math

import numpy as np
import openmdao.api as om
import pytest
from openmdao.utils.assert_utils import assert_check_partials

from trades.models.transfer.rocket_stage import RocketStage

G0 = 9.80665  # m/s^2, standard gravity (exact by definition)


def _problem(num_nodes=1, **values):
    prob = om.Problem(reports=False)
    prob.model.add_subsystem("stage", RocketStage(num_nodes=num_nodes), promotes=["*"])
    prob.setup(force_alloc_complex=True)
    for name, value in values.items():
        prob.set_val(name, value)
    return prob


def test_partials_with_boiloff_and_coast():
    prob = _problem(
        num_nodes=4,
        payload_mass=np.array([1000.0, 2500.0, 7300.0, 12.5]),
        delta_v=3200.0,
        isp=448.0,
        inert_fraction=0.12,
        boiloff_rate=0.0017,
        coast_time=35.0,
    )
    prob.run_model()
    data = prob.check_partials(method="cs", compact_print=True, out_stream=None)
    assert_check_partials(data, atol=1e-6, rtol=1e-6)


@pytest.mark.filterwarnings("ignore:(?s).*has zero derivatives")  # zero here (no boil-off), not by structure
def test_partials_without_boiloff():
    prob = _problem(num_nodes=2, payload_mass=np.array([800.0, 3.0e4]), delta_v=950.0, isp=320.0,
                    inert_fraction=0.2, boiloff_rate=0.0, coast_time=12.0)
    prob.run_model()
    data = prob.check_partials(method="cs", compact_print=True, out_stream=None)
    assert_check_partials(data, atol=1e-6, rtol=1e-6)


def test_tsiolkovsky_hand_calculation_without_boiloff():
    # Textbook Tsiolkovsky: m0 / mf = exp(dv / (g0 Isp)), with the stage inert mass a fraction f of
    # (inert + propellant). Hand calc: payload 1000 kg, dv 3000 m/s, Isp 450 s, f = 0.1.
    payload, dv, isp, f = 1000.0, 3000.0, 450.0, 0.1
    ratio = math.exp(dv / (G0 * isp))  # = 1.97317...
    # Closed form of (P + s) / (P + f s) = R:  m0 = P R (1 - f) / (1 - R f)
    m0_hand = payload * ratio * (1.0 - f) / (1.0 - ratio * f)
    stage_hand = m0_hand - payload
    prob = _problem(payload_mass=payload, delta_v=dv, isp=isp, inert_fraction=f)
    prob.run_model()
    m0 = prob.get_val("initial_mass")[0]
    prop = prob.get_val("propellant_mass")[0]
    inert = prob.get_val("inert_mass")[0]

    assert m0 == pytest.approx(m0_hand, rel=1e-12)
    assert m0 / (m0 - prop) == pytest.approx(ratio, rel=1e-12)
    assert inert == pytest.approx(f * (inert + prop), rel=1e-12)
    assert inert + prop == pytest.approx(stage_hand, rel=1e-12)
    assert m0 == pytest.approx(payload + inert + prop, rel=1e-12)
    assert prob.get_val("boiloff_mass")[0] == 0.0
    # The delta-v recovered from the masses by the rocket equation is the one asked for.
    assert G0 * isp * math.log(m0 / (payload + inert)) == pytest.approx(dv, rel=1e-12)
    # Rounded hand numbers: dv / (g0 Isp) = 0.67981, R = 1.97350, m0 = 2212.86 kg
    assert ratio == pytest.approx(1.97350, abs=1e-5)
    assert m0 == pytest.approx(2212.86, abs=0.01)


def test_boiloff_is_carried_but_not_burned():
    # Propellant loaded = burned * exp(b t); the burn itself still obeys the rocket equation
    # between ignition (after the boil-off) and burnout.
    payload, dv, isp, f, rate, days = 5000.0, 2000.0, 440.0, 0.15, 0.002, 90.0
    ratio = math.exp(dv / (G0 * isp))
    stage = payload * (ratio - 1.0) / (1.0 - ratio * f)  # s = P (R - 1) / (1 - R f)
    burned = (1.0 - f) * stage
    growth = math.exp(rate * days)
    prob = _problem(payload_mass=payload, delta_v=dv, isp=isp, inert_fraction=f,
                    boiloff_rate=rate, coast_time=days)
    prob.run_model()
    m0 = prob.get_val("initial_mass")[0]
    prop = prob.get_val("propellant_mass")[0]
    inert = prob.get_val("inert_mass")[0]
    boil = prob.get_val("boiloff_mass")[0]

    assert prop == pytest.approx(burned * growth, rel=1e-12)
    assert boil == pytest.approx(burned * (growth - 1.0), rel=1e-12)
    assert prop - boil == pytest.approx(burned, rel=1e-12)
    assert inert == pytest.approx(f * stage, rel=1e-12)
    assert m0 == pytest.approx(payload + inert + prop, rel=1e-12)
    ignition, burnout = m0 - boil, payload + inert
    assert ignition / burnout == pytest.approx(ratio, rel=1e-12)


def test_vectorized_nodes_are_independent_and_linear_in_payload():
    payloads = np.array([0.0, 1.0, 1000.0, 25000.0])
    prob = _problem(num_nodes=4, payload_mass=payloads, delta_v=3100.0, isp=360.0,
                    inert_fraction=0.08, boiloff_rate=0.001, coast_time=10.0)
    prob.run_model()
    m0 = prob.get_val("initial_mass")
    assert m0[0] == 0.0
    np.testing.assert_allclose(m0, payloads * m0[1], rtol=1e-12)


def test_units_are_converted():
    # 3 km/s and 1 t through the unit system give the same stage as 3000 m/s and 1000 kg.
    prob = _problem()
    prob.set_val("payload_mass", 1.0, units="t")
    prob.set_val("delta_v", 3.0, units="km/s")
    prob.set_val("boiloff_rate", 0.01, units="1/h")  # 0.24 per day
    prob.set_val("coast_time", 12.0, units="h")  # 0.5 day
    prob.run_model()
    ratio = math.exp(3000.0 / (G0 * 450.0))
    burned = 0.9 * 1000.0 * (ratio - 1.0) / (1.0 - 0.1 * ratio)
    assert prob.get_val("propellant_mass", units="kg")[0] == pytest.approx(burned * math.exp(0.24 * 0.5), rel=1e-12)


def test_raises_beyond_single_stage_limit():
    # A single stage closes only if R f < 1, i.e. dv < g0 Isp ln(1/f): here 9.80665*450*ln(10) = 10161.29 m/s.
    limit = G0 * 450.0 * math.log(1.0 / 0.1)
    assert limit == pytest.approx(10161.29, abs=0.01)
    ok = _problem(delta_v=0.99 * limit, isp=450.0, inert_fraction=0.1)
    ok.run_model()
    assert np.all(ok.get_val("initial_mass") > 0.0)
    for dv in (1.0001 * limit, 12000.0):
        prob = _problem(delta_v=dv, isp=450.0, inert_fraction=0.1)
        with pytest.raises(om.AnalysisError, match="10161 m/s"):
            prob.run_model()

"""RocketStage: partials, and values against a hand calculation of the rocket equation with
tanks scaling with the propellant and engines with the thrust."""

import math

import numpy as np
import openmdao.api as om
import pytest
from openmdao.utils.assert_utils import assert_check_partials

from trades.models.transfer.rocket_stage import RocketStage

G0 = 9.80665  # m/s^2, standard gravity (exact by definition)

# an NTR-like stage: Kos & Russell's core stage coefficients (trades/catalogs/propellants.yaml)
NTR = dict(isp=900.0, tank_mass_per_volume=41.2, propellant_density=71.0, thrust_to_weight=0.15,
           engine_thrust_to_weight=1.81)


def _problem(num_nodes=1, **values):
    prob = om.Problem(reports=False)
    prob.model.add_subsystem("stage", RocketStage(num_nodes=num_nodes), promotes=["*"])
    prob.setup(force_alloc_complex=True)
    for name, value in values.items():
        prob.set_val(name, value)
    return prob


def _flown(payload, dv, isp, tank_per_volume, density, tw, tw_engine, rate=0.0, days=0.0, loss=0.0):
    """Independent check by fixed-point iteration (no closed form): guess the ignition mass, size
    tanks for the loaded propellant and engines for the thrust, repeat until it settles."""
    ratio = math.exp((dv + loss) / (G0 * isp))
    growth = math.exp(rate * days)
    ignition = payload
    for _ in range(2000):
        burned = ignition * (1.0 - 1.0 / ratio)
        tanks = tank_per_volume * burned * growth / density
        engines = tw * G0 * ignition / (tw_engine * G0)
        ignition = payload + tanks + engines + burned
    return ignition, burned, tanks + engines, burned * (growth - 1.0)


def test_partials_with_boiloff_coast_and_gravity_loss():
    prob = _problem(num_nodes=4, payload_mass=np.array([1000.0, 2500.0, 7300.0, 12.5]), delta_v=3200.0,
                    gravity_loss=120.0, boiloff_rate=0.0017, coast_time=35.0, **NTR)
    prob.run_model()
    data = prob.check_partials(method="fd", form="central", compact_print=True, out_stream=None)
    assert_check_partials(data, atol=1e-3, rtol=1e-5)


def test_closed_form_matches_the_stage_flown_by_iteration():
    # NTR departure: payload 100 t, 3.7 km/s, 0.1 %/day for 20 days
    payload, dv, rate, days = 100000.0, 3700.0, 0.001, 20.0
    prob = _problem(payload_mass=payload, delta_v=dv, boiloff_rate=rate, coast_time=days, **NTR)
    prob.run_model()
    ignition, burned, inert, boil = _flown(payload, dv, 900.0, 41.2, 71.0, 0.15, 1.81, rate, days)
    assert prob.get_val("initial_mass")[0] == pytest.approx(ignition + boil, rel=1e-9)
    assert prob.get_val("inert_mass")[0] == pytest.approx(inert, rel=1e-9)
    assert prob.get_val("propellant_mass")[0] == pytest.approx(burned + boil, rel=1e-9)
    assert prob.get_val("boiloff_mass")[0] == pytest.approx(boil, rel=1e-9)
    assert prob.get_val("thrust")[0] == pytest.approx(0.15 * G0 * ignition, rel=1e-9)
    # the burn itself obeys the rocket equation between ignition and burnout
    assert G0 * 900.0 * math.log(ignition / (payload + inert)) == pytest.approx(dv, rel=1e-9)


def test_hand_calculation_chemical_stage():
    # Hand calc: P = 1000 kg, dv 3000 m/s, Isp 450 s, tanks 42.3 kg/m3 at 358 kg/m3 (a = 0.118156),
    # engines (T/W)0 / (T/W)e = 0.2 / 40.5 (b = 0.0049383), no boil-off:
    # R = exp(3000 / 4412.99) = 1.97350; 1 - 1/R = 0.49329; denom = 1 - 1.118156 x 0.49329 - 0.0049383 = 0.443490
    # m0 = 1000 / 0.443490 = 2254.84 kg
    prob = _problem(payload_mass=1000.0, delta_v=3000.0, isp=450.0, tank_mass_per_volume=42.3, propellant_density=358.0,
                    thrust_to_weight=0.2, engine_thrust_to_weight=40.5)
    prob.run_model()
    assert prob.get_val("initial_mass")[0] == pytest.approx(2254.84, abs=0.05)
    assert prob.get_val("boiloff_mass")[0] == 0.0


def test_gravity_loss_is_burned_like_delta_v():
    a = _problem(payload_mass=5000.0, delta_v=3100.0, gravity_loss=150.0, **NTR)
    b = _problem(payload_mass=5000.0, delta_v=3250.0, **NTR)
    a.run_model(), b.run_model()
    assert a.get_val("initial_mass")[0] == pytest.approx(b.get_val("initial_mass")[0], rel=1e-12)


def test_vectorized_nodes_are_independent_and_linear_in_payload():
    payloads = np.array([0.0, 1.0, 1000.0, 25000.0])
    prob = _problem(num_nodes=4, payload_mass=payloads, delta_v=3100.0, isp=360.0, boiloff_rate=0.001, coast_time=10.0)
    prob.run_model()
    m0 = prob.get_val("initial_mass")
    assert m0[0] == 0.0
    np.testing.assert_allclose(m0, payloads * m0[1], rtol=1e-12)


def test_units_are_converted():
    # 3 km/s, 1 t and hours through the unit system give the same stage as m/s, kg and days.
    prob = _problem(**NTR)
    prob.set_val("payload_mass", 1.0, units="t")
    prob.set_val("delta_v", 3.0, units="km/s")
    prob.set_val("boiloff_rate", 0.01, units="1/h")  # 0.24 per day
    prob.set_val("coast_time", 12.0, units="h")  # 0.5 day
    prob.run_model()
    ignition, burned, _, boil = _flown(1000.0, 3000.0, 900.0, 41.2, 71.0, 0.15, 1.81, 0.24, 0.5)
    assert prob.get_val("propellant_mass", units="kg")[0] == pytest.approx(burned + boil, rel=1e-9)


def test_raises_beyond_single_stage_limit():
    # Closes only while R < (1 + a) / (a + b): a = 41.2 / 71 = 0.580282, b = 0.15 / 1.81 = 0.082873,
    # limit = 9.80665 x 900 x ln(1.580282 / 0.663155) = 8825.99 x 0.868349 = 7664.0 m/s.
    a, b = 41.2 / 71.0, 0.15 / 1.81
    limit = G0 * 900.0 * math.log((1.0 + a) / (a + b))
    assert limit == pytest.approx(7664.0, abs=0.1)
    ok = _problem(delta_v=0.99 * limit, **NTR)
    ok.run_model()
    assert np.all(ok.get_val("initial_mass") > 0.0)
    for dv in (1.0001 * limit, 12000.0):
        prob = _problem(delta_v=dv, **NTR)
        with pytest.raises(om.AnalysisError, match="7664 m/s"):
            prob.run_model()


def test_gear_ratio_is_the_components_initial_mass_per_kg_pushed():
    # the resolver's float form of the closed form (trades.architecture resolve and cryogenic_storage)
    from trades.models.transfer.rocket_stage import gear_ratio, stage_coefficients

    payload, dv, rate, days = 100000.0, 3700.0, 0.001, 20.0
    prob = _problem(payload_mass=payload, delta_v=dv, boiloff_rate=rate, coast_time=days, **NTR)
    prob.run_model()
    growth = math.exp(rate * days)
    tank, engine = stage_coefficients(41.2, 71.0, 0.15, 1.81, growth)
    assert gear_ratio(math.exp(dv / (G0 * 900.0)), growth, tank, engine) == pytest.approx(
        prob.get_val("initial_mass")[0] / payload, rel=1e-12)
    assert gear_ratio(math.exp(20000.0 / (G0 * 900.0)), 1.0, tank, engine) == math.inf  # beyond one stage's reach

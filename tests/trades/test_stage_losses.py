"""Finite-burn gravity losses and coast times of the stages a study resolves to."""

from __future__ import annotations

import math

import pytest

from trades.architecture.trajectories import finite_burn_loss

MU, R_EARTH = 398600.4418, 6378.1366
G0 = 9.80665e-3  # km/s^2


def _rk4_loss(mu, radius, dv, isp, tw, steps_per_second=2):
    """Independent check: the same burn integrated by a hand-written fixed-step RK4 in km and s
    (no scipy, no scaling), stopped where the energy crosses the impulsive burn's by linear
    interpolation."""
    v_c = math.sqrt(mu / radius)
    target = 0.5 * (v_c + dv) ** 2 - mu / radius
    accel0, flow = tw * G0, tw / isp  # km/s^2 per unit initial mass, 1/s

    def f(s):
        x, y, vx, vy, m = s
        r3 = (x * x + y * y) ** 1.5
        a = accel0 / (m * math.hypot(vx, vy))
        return (vx, vy, -mu * x / r3 + a * vx, -mu * y / r3 + a * vy, -flow)

    def energy(s):
        return 0.5 * (s[2] ** 2 + s[3] ** 2) - mu / math.hypot(s[0], s[1])

    s, h = (radius, 0.0, 0.0, v_c, 1.0), 1.0 / steps_per_second
    while True:
        k1 = f(s)
        k2 = f(tuple(a + h / 2 * b for a, b in zip(s, k1)))
        k3 = f(tuple(a + h / 2 * b for a, b in zip(s, k2)))
        k4 = f(tuple(a + h * b for a, b in zip(s, k3)))
        new = tuple(a + h / 6 * (b + 2 * c + 2 * d + e) for a, b, c, d, e in zip(s, k1, k2, k3, k4))
        if energy(new) >= target:
            w = (target - energy(s)) / (energy(new) - energy(s))
            m = s[4] + w * (new[4] - s[4])
            return G0 * isp * math.log(1.0 / m) - dv
        s = new


@pytest.mark.parametrize("dv, isp, tw", [(3.724, 900.0, 0.15), (3.234, 462.0, 0.2)])
def test_finite_burn_loss_matches_an_independent_integration(dv, isp, tw):
    radius = R_EARTH + 407.0
    assert finite_burn_loss(MU, radius, dv, isp, tw) == pytest.approx(_rk4_loss(MU, radius, dv, isp, tw), abs=5e-4)


def test_loss_vanishes_for_an_impulsive_burn_and_grows_with_the_square_of_burn_time():
    radius = R_EARTH + 407.0
    high = finite_burn_loss(MU, radius, 3.2, 450.0, 4.0)
    assert 0.0 < high < 1e-3  # under 1 m/s at 4 g
    # for short burns the loss goes as the burn time squared: halving the thrust quadruples it
    assert finite_burn_loss(MU, radius, 3.2, 450.0, 2.0) / high == pytest.approx(4.0, rel=0.05)


def test_out_of_reach_burn_is_infinite():
    # 25 km/s is more than g0 Isp ln(1000) = 20.3 km/s: the propellant runs out first
    assert math.isinf(finite_burn_loss(MU, R_EARTH + 407.0, 25.0, 300.0, 0.2))


def test_flagship_stages_losses_and_coasts(flagship):
    from trades.architecture.resolve import resolve
    from trades.study.schema import load_study

    arch = resolve(load_study(flagship), str(flagship))
    departure, lander = arch.stages["cargo"]
    inputs = {i.name: i.value for i in arch.inputs}
    expected = finite_burn_loss(MU, R_EARTH + 407.0, round(departure.delta_v_km_s, 9), 462.0, 0.2) * 1000.0
    assert float(inputs["transfer_cargo.stage0.gravity_loss"]) == pytest.approx(expected, rel=1e-9)
    assert float(inputs["transfer_cargo.stage1.gravity_loss"]) == 0.0  # lander legs' published delta-v hold their losses
    assert float(inputs["transfer_cargo.stage1.coast_time"]) == arch.study.transportation.loiter_days


def test_mars_capture_stage_coasts_the_flight_time():
    from pathlib import Path

    from trades.architecture.resolve import resolve
    from trades.study.schema import load_study

    path = Path(__file__).resolve().parents[2] / "studies" / "mars_outpost_2033.yaml"
    arch = resolve(load_study(path), str(path))
    coast = float(next(i.value for i in arch.inputs if i.name == "transfer_cargo.stage1.coast_time"))
    assert coast == pytest.approx(arch.study.transportation.loiter_days + arch.trajectory["window"]["tof_days"], rel=1e-12)
    assert coast > 200.0  # a type II transfer: the capture stage waits months, boiling off


@pytest.mark.parametrize("propellant, days", [("lox_lh2", 0.0), ("nuclear_thermal_lh2", 200.0), ("lox_ch4", 30.0)])
def test_resolver_limit_is_where_the_model_stage_stops_closing(propellant, days):
    """The resolver's feasibility check and RocketStage use one relationship: just under the
    resolver's limit the stage closes, just over it the model refuses."""
    import openmdao.api as om

    from trades.architecture.model_inputs import STAGE_PROPELLANT_FIELDS
    from trades.architecture.resolve import _stage_limit
    from trades.models.transfer.rocket_stage import RocketStage
    from trades.study.catalog import load_catalog

    catalog = load_catalog()
    limit = _stage_limit(propellant, catalog, days)[0] * 1000.0
    for factor, closes in ((0.999, True), (1.001, False)):
        prob = om.Problem(reports=False)
        prob.model.add_subsystem("stage", RocketStage(), promotes=["*"])
        prob.setup()
        for name, field, units in STAGE_PROPELLANT_FIELDS:
            prob.set_val(name, catalog.value("propellants", propellant, field), units=units)
        prob.set_val("boiloff_rate", catalog.value("propellants", propellant, "boiloff_fraction_per_day"))
        prob.set_val("coast_time", days)
        prob.set_val("delta_v", factor * limit)
        if closes:
            prob.run_model()
            assert prob.get_val("initial_mass")[0] > 0.0
        else:
            with pytest.raises(om.AnalysisError, match="exceeds what a single stage"):
                prob.run_model()

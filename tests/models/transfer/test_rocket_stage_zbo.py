"""RocketStage with zero-boil-off storage: one NTR stage sized by hand with passive boil-off and with
cryocoolers and their solar arrays instead (transportation.cryogenic_storage: zero_boiloff), and the
partials of the storage inputs."""

import math

import numpy as np
import openmdao.api as om
from openmdao.utils.assert_utils import assert_check_partials

from trades.models.transfer.rocket_stage import RocketStage

G0 = 9.80665  # m/s^2, standard gravity (exact by definition)
# nuclear-thermal LH2 stage, trades/catalogs/propellants.yaml (nuclear_thermal_lh2)
NTR = dict(isp=900.0, tank_mass_per_volume=32.9, propellant_density=71.0, thrust_to_weight=0.15,
           engine_thrust_to_weight=1.81)
RATE, DAYS = 0.001, 750.0  # passive boil-off [1/d]; a Mars Earth-return stage's coast [d]
# Zero boil-off by hand, from the figures as typed (catalog: LH2 latent heat 446 kJ/kg; 20 W / 20 K
# reverse turbo-Brayton cryocooler, Nugent et al. 2022: 5.5 kg/W, 91.6 W/W; iROSA arrays 58.8 W/kg):
HEAT = 0.001 / 86400.0 * 446e3  # W of heat leak per kg of LH2 = 5.162 mW/kg
POWER = 91.6 * HEAT  # W of cryocooler input per kg = 0.4729 W/kg
STORAGE = 5.5 * HEAT + POWER / 58.8  # kg of cryocoolers + arrays per kg = 0.02839 + 0.00804 = 0.03643


def _problem(**values):
    prob = om.Problem(reports=False)
    prob.model.add_subsystem("stage", RocketStage(), promotes=["*"])
    prob.setup(force_alloc_complex=True)
    for name, value in {**NTR, **values}.items():
        prob.set_val(name, value)
    prob.run_model()
    return prob


def _by_hand(payload, dv, growth, storage):
    """Fixed-point iteration of the stage's mass balance (no closed form): tanks and storage sized
    for the loaded propellant, engines for the thrust."""
    ratio = math.exp(dv / (G0 * NTR["isp"]))
    ignition = payload
    for _ in range(3000):
        burned = ignition * (1.0 - 1.0 / ratio)
        loaded = burned * growth
        tanks = (NTR["tank_mass_per_volume"] / NTR["propellant_density"] + storage) * loaded
        engines = NTR["thrust_to_weight"] * ignition / NTR["engine_thrust_to_weight"]
        ignition = payload + tanks + engines + burned
    return ignition + burned * (growth - 1.0), loaded


def test_the_catalogs_coefficients_are_the_hand_figures():
    # trades.architecture.cryogenic_storage computes them from the catalog entries (propellants.yaml,
    # outpost.yaml): the same figures as typed above, by hand
    from trades.architecture.cryogenic_storage import coefficients
    from trades.study.catalog import load_catalog

    zbo = coefficients(load_catalog(), "nuclear_thermal_lh2")
    assert np.isclose(zbo["heat"], HEAT, rtol=1e-12) and np.isclose(zbo["power"], POWER, rtol=1e-12)
    assert np.isclose(zbo["mass"], STORAGE, rtol=1e-12)
    assert abs(HEAT - 5.162e-3) < 1e-6 and abs(POWER - 0.4729) < 1e-4 and abs(STORAGE - 0.03643) < 1e-5


def test_passive_and_zero_boiloff_against_hand_calculation():
    payload, dv = 60000.0, 1500.0
    passive = _problem(payload_mass=payload, delta_v=dv, boiloff_rate=RATE, coast_time=DAYS)
    zbo = _problem(payload_mass=payload, delta_v=dv, boiloff_rate=0.0, coast_time=DAYS,
                   storage_mass_per_propellant=STORAGE, storage_power_per_propellant=POWER)
    m0_passive, loaded_passive = _by_hand(payload, dv, math.exp(RATE * DAYS), 0.0)
    m0_zbo, loaded_zbo = _by_hand(payload, dv, 1.0, STORAGE)
    assert np.isclose(passive.get_val("initial_mass")[0], m0_passive, rtol=1e-9)
    assert np.isclose(passive.get_val("propellant_mass")[0], loaded_passive, rtol=1e-9)
    assert np.isclose(zbo.get_val("initial_mass")[0], m0_zbo, rtol=1e-9)
    assert np.isclose(zbo.get_val("propellant_mass")[0], loaded_zbo, rtol=1e-9)
    assert zbo.get_val("boiloff_mass")[0] == 0.0
    assert np.isclose(zbo.get_val("storage_power", units="W")[0], POWER * loaded_zbo, rtol=1e-9)
    assert passive.get_val("storage_power")[0] == 0.0
    # 750 days at 0.1 %/day: the passive tanks hold exp(0.75) = 2.117 times the burned hydrogen
    burned_passive = passive.get_val("propellant_mass")[0] - passive.get_val("boiloff_mass")[0]
    assert np.isclose(loaded_passive / burned_passive, math.exp(0.75), rtol=1e-9)
    assert m0_zbo < 0.8 * m0_passive


def test_partials_with_storage():
    prob = _problem(payload_mass=45000.0, delta_v=1800.0, boiloff_rate=0.0002, coast_time=300.0,
                    storage_mass_per_propellant=STORAGE, storage_power_per_propellant=POWER)
    data = prob.check_partials(method="fd", form="central", compact_print=True, out_stream=None)
    assert_check_partials(data, atol=1e-3, rtol=1e-5)

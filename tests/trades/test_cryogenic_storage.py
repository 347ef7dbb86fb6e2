"""transportation.cryogenic_storage: zero_boiloff sets the in-space stages' boil-off to 0 and their
cryocooler and solar-array mass and power per kg of loaded propellant, computed here by hand from
the catalog figures as typed; stages of a propellant without cryocooler figures, and landers, stay
passive. (The stage's rocket equation with and without it: tests/models/transfer/test_rocket_stage_zbo.py.)"""

from pathlib import Path

import pytest
import yaml

from trades.architecture.resolve import resolve
from trades.study import parse_study_text

FLAGSHIP = Path(__file__).resolve().parents[2] / "studies" / "lunar_south_pole_outpost.yaml"
# By hand: LH2 latent heat 446 kJ/kg, passive 0.001/d, cryocooler 5.5 kg/W and 91.6 W/W (Nugent et al.
# 2022, NTRS 20220009350), iROSA arrays 58.8 W/kg (trades/catalogs/propellants.yaml, outpost.yaml)
HEAT = 0.001 / 86400.0 * 446e3  # W per kg loaded
POWER = 91.6 * HEAT
MASS = 5.5 * HEAT + POWER / 58.8


def _arch(**transportation):
    data = yaml.safe_load(FLAGSHIP.read_text())
    data["transportation"].update(transportation)
    return resolve(parse_study_text(yaml.safe_dump(data), "edited.yaml"))


def _inputs(arch):
    return {i.name: i for i in arch.inputs}


def test_zero_boiloff_departure_stage_carries_cryocoolers_instead_of_boiling_off():
    # a 60-day loiter: cooling saves more than it weighs (passive: about 6 % of the propellant boils off)
    arch = _arch(departure_propellant="nuclear_thermal_lh2", cryogenic_storage="zero_boiloff", loiter_days=60.0)
    inputs = _inputs(arch)
    assert inputs["transfer_cargo.stage0.boiloff_rate"].value == 0.0
    assert inputs["transfer_cargo.stage0.storage_mass_per_propellant"].value == pytest.approx(MASS, rel=1e-12)
    assert inputs["transfer_cargo.stage0.storage_power_per_propellant"].value == pytest.approx(POWER, rel=1e-12)
    assert MASS == pytest.approx(0.03643, abs=1e-5) and POWER == pytest.approx(0.4729, abs=1e-4)
    assert "Nugent" in inputs["transfer_cargo.stage0.storage_mass_per_propellant"].source
    assert inputs["transfer_cargo.stage0.storage_mass_per_propellant"].verified is False
    # the lander (LOX/CH4 capture and descent) stays passive, at the catalog's rate
    assert inputs["transfer_cargo.stage1.boiloff_rate"].value == pytest.approx(0.0003)
    assert "transfer_cargo.stage1.storage_mass_per_propellant" not in inputs


def test_passive_is_the_default_and_sets_no_storage():
    inputs = _inputs(_arch(departure_propellant="nuclear_thermal_lh2"))
    assert inputs["transfer_cargo.stage0.boiloff_rate"].value == pytest.approx(0.001)
    assert not any(name.endswith("storage_mass_per_propellant") for name in inputs)


def test_propellant_without_cryocooler_figures_stays_passive_and_says_so():
    arch = _arch(cryogenic_storage="zero_boiloff")  # flagship's LOX/LH2 departure stage: no 90 K figure read
    inputs = _inputs(arch)
    assert inputs["transfer_cargo.stage0.boiloff_rate"].value == pytest.approx(0.001)
    assert any("no cryocooler figures for lox_lh2" in note for note in arch.notes)


def _gear_ratios(arch, days):
    """By hand, the flagship's hydrogen departure stage's initial mass per kg pushed (RocketStage's
    closed form, Humble, Henry & Larson ch. 1 and 3): passive, tanks for B = exp(k t) and the
    boiled-off part carried, against cooled, tanks plus the cryocoolers and arrays (MASS)."""
    import math

    inputs = _inputs(arch)
    value = lambda name: inputs[f"transfer_cargo.stage0.{name}"].value  # noqa: E731
    burned = 1.0 - math.exp(-(value("delta_v") + value("gravity_loss")) / (9.80665 * value("isp")))
    a, b = value("tank_mass_per_volume") / value("propellant_density"), value("thrust_to_weight") / value("engine_thrust_to_weight")
    growth = math.exp(0.001 * days)
    return (1.0 + burned * (growth - 1.0)) / (1.0 - (1.0 + a * growth) * burned - b), 1.0 / (1.0 - (1.0 + a + MASS) * burned - b)


def test_a_short_coast_stays_passive_where_cryocoolers_weigh_more_than_they_save():
    # The flagship's 5-day loiter: passive storage loads B = exp(0.005) = 1.005 times the burned hydrogen,
    # about (1 + a)(B - 1) = 0.0073 kg per kg burned with tanks a = 32.9 / 71 = 0.463 kg/kg, against
    # the cryocoolers' and arrays' 0.0364 kg per kg loaded.
    arch = _arch(departure_propellant="nuclear_thermal_lh2", cryogenic_storage="zero_boiloff", loiter_days=5.0)
    inputs = _inputs(arch)
    assert inputs["transfer_cargo.stage0.boiloff_rate"].value == pytest.approx(0.001)
    assert "transfer_cargo.stage0.storage_mass_per_propellant" not in inputs
    assert any(note.startswith("zero boil-off: these stages stay passive") and "cargo stage 0 (5 d)" in note for note in arch.notes)
    # the choice follows the stage's gear ratios by hand: passive lighter at 30 d, cooled lighter at 60 d
    at_30 = _arch(departure_propellant="nuclear_thermal_lh2", cryogenic_storage="zero_boiloff", loiter_days=30.0)
    passive, cooled = _gear_ratios(at_30, 30.0)
    assert passive < cooled and _inputs(at_30)["transfer_cargo.stage0.boiloff_rate"].value == pytest.approx(0.001)
    at_60 = _arch(departure_propellant="nuclear_thermal_lh2", cryogenic_storage="zero_boiloff", loiter_days=60.0)
    passive, cooled = _gear_ratios(at_60, 60.0)
    assert cooled < passive and _inputs(at_60)["transfer_cargo.stage0.boiloff_rate"].value == 0.0

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


# A tank that waits at Mars: its arrays sized for the sunlight at Mars' aphelion, by the inverse square
# (NASA's Mars Fact Sheet, Williams 2022: aphelion 249.261e6 km, Earth's semimajor axis 149.598e6 km,
# 1 AU where the iROSA arrays are rated); the catalog keeps it as typed, 0.3602 (sites.yaml, mars_equatorial)
MARS_FLUX = (149.598 / 249.261) ** 2
MASS_MARS = 5.5 * HEAT + POWER / (58.8 * 0.3602)
CREWED = Path(__file__).resolve().parents[2] / "studies" / "crewed_mars_2033.yaml"


def test_the_coefficient_at_mars_is_the_inverse_square_hand_calculation():
    from trades.architecture.cryogenic_storage import coefficients
    from trades.study.catalog import load_catalog

    catalog = load_catalog()
    entry = catalog.entry("sites", "mars_equatorial")["aphelion_solar_flux_ratio"]
    assert float(entry["value"]) == pytest.approx(MARS_FLUX, abs=5e-5)  # 0.36020, rounded as typed
    zbo = coefficients(catalog, "nuclear_thermal_lh2", float(entry["value"]), entry)
    assert zbo["mass"] == pytest.approx(MASS_MARS, rel=1e-12) and zbo["power"] == pytest.approx(POWER, rel=1e-12)
    # the arrays weigh 1 / 0.3602 = 2.78 times what they weigh at 1 AU; the cryocoolers are the same
    assert MASS_MARS == pytest.approx(0.05072, abs=1e-5) and MASS_MARS - 5.5 * HEAT == pytest.approx((MASS - 5.5 * HEAT) / 0.3602)
    assert "aphelion" in zbo["source"] and "Mars Fact Sheet" in zbo["source"]
    assert coefficients(catalog, "nuclear_thermal_lh2")["mass"] == pytest.approx(MASS, rel=1e-12)  # at 1 AU, as before


def test_the_crewed_mars_studys_capture_and_return_tanks_get_the_mars_figure():
    """The crewed Mars study (zero_boiloff, core stage): the crew vehicles' capture and Earth-return tanks
    wait at Mars and carry arrays for Mars' aphelion; the departure tanks burn in Earth orbit (1 AU) and,
    on their 5-day loiter, stay passive."""
    from trades.study.schema import load_study

    arch = resolve(load_study(CREWED))
    inputs = _inputs(arch)
    for k in (1, 2, 3):
        assert inputs[f"transfer_mars_crew_{k}.stage0.boiloff_rate"].value == pytest.approx(0.001)
        for stage in (1, 2):
            assert inputs[f"transfer_mars_crew_{k}.stage{stage}.boiloff_rate"].value == 0.0
            given = inputs[f"transfer_mars_crew_{k}.stage{stage}.storage_mass_per_propellant"]
            assert given.value == pytest.approx(MASS_MARS, rel=1e-12) and "aphelion" in given.source
            assert inputs[f"transfer_mars_crew_{k}.stage{stage}.storage_power_per_propellant"].value == pytest.approx(POWER, rel=1e-12)
    assert [s.at_destination for s in arch.stages["mars_crew_1"]] == [False, True, True]
    assert not any(s.at_destination for s in arch.stages["cargo"])


def test_the_cooled_or_passive_choice_uses_the_coefficient_at_mars():
    """lighter_cooled compares with the same coefficient: on a coast where cooling is lighter with
    arrays rated at 1 AU but heavier with arrays for Mars' aphelion, a capture tank at Mars stays
    passive. By hand, the first crew vehicle's capture burn on its core stage (no engine term):
    cooled 1 / (1 - (1 + a + c) f), passive (1 + f(B - 1)) / (1 - (1 + aB) f), f = 1 - 1/R."""
    import math

    from trades.architecture.cryogenic_storage import cooled
    from trades.study.schema import load_study

    study = load_study(CREWED)
    arch = resolve(study)
    stage = arch.stages["mars_crew_1"][1]
    burned = 1.0 - math.exp(-stage.delta_v_km_s * 1000.0 / (9.80665 * 900.0))  # nuclear_thermal_lh2: 900 s
    a = 32.9 / 71.0
    cooled_by_hand = lambda c: 1.0 / (1.0 - (1.0 + a + c) * burned)  # noqa: E731

    def passive(days):
        growth = math.exp(0.001 * days)
        return (1.0 + burned * (growth - 1.0)) / (1.0 - (1.0 + a * growth) * burned)

    days = next(d for d in range(1, 400) if cooled_by_hand(MASS) < passive(d) < cooled_by_hand(MASS_MARS))
    assert cooled(study, arch.catalog, stage, float(days), 0.0) is None  # passive: the arrays at Mars weigh too much
    later = next(d for d in range(days, 400) if cooled_by_hand(MASS_MARS) < passive(d))
    assert cooled(study, arch.catalog, stage, float(later), 0.0)["mass"] == pytest.approx(MASS_MARS, rel=1e-12)

"""The Mars ascent vehicle's oxidizer made on Mars and its wait on the surface
(trades.architecture.mars_ascent_isru, trades.models.outpost.ascent_oxygen_plant)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

STUDY = Path(__file__).resolve().parents[2] / "studies" / "crewed_mars_2033.yaml"
OPTION = "      ascent_oxidizer_from_isru: true\n"


def _evaluate(path):
    from trades.architecture.assemble import build_problem
    from trades.architecture.resolve import resolve
    from trades.study.schema import load_study

    arch = resolve(load_study(path), str(path))
    prob = build_problem(arch)
    prob.run_model()
    return arch, prob


@pytest.fixture(scope="module")
def evaluated():
    return _evaluate(STUDY)


@pytest.fixture(scope="module")
def variant(tmp_path_factory):
    """The study with a different surface access section (``text`` replaces the ISRU option)."""
    def make(text):
        source = STUDY.read_text()
        assert OPTION in source
        path = tmp_path_factory.mktemp("variant") / "study.yaml"
        path.write_text(source.replace(OPTION, text))
        return _evaluate(path)
    return make


def _hand_landings(arch):
    """Each MAV's landing (Julian day), from the window planner called here: the first at the cargo
    window's arrival, the others at the arrival of the cargo's transfer (type and objective of
    transportation.mars_window; aerocapture, so departure from the launch orbit only) departing in
    the previous crew's year, the window each MAV leaves in."""
    from trades.astro.porkchop import TransferSpec, find_windows

    cargo, window = arch.trajectory["window"], arch.study.transportation.mars_window
    assert arch.study.transportation.aerocapture
    landings = [cargo["departure_jd"] + cargo["tof_days"]]
    for m in arch.mars_crew[:-1]:
        found = [w for w in find_windows(TransferSpec(parking_altitude_km=arch.study.transportation.launch_orbit_altitude_km), m["year"])
                 if w["type"] == window.transfer_type and w["objective"] == window.objective]
        landings.append(found[0]["departure_jd"] + found[0]["tof_days"])
    return landings


def _hand_waits(arch):
    """Days from each MAV's landing to its crew's ascent (the crew's return departure)."""
    return [m["return"]["departure_jd"] - landing for m, landing in zip(arch.mars_crew, _hand_landings(arch))]


def _hand_production_days(arch):
    """Days from each MAV's landing to its crew's Earth departure (the study's isru_oxygen_ready_by
    default: the tanks are full before the crew is sent)."""
    return [m["window"]["departure_jd"] - landing for m, landing in zip(arch.mars_crew, _hand_landings(arch))]


def test_plant_sizing_by_hand(evaluated):
    """Independent hand calculation: the oxygen is O/F / (1 + O/F) of the loaded propellant (LOX/CH4 at
    O/F 3.6: 3.6/4.6); it is made before the crew leaves Earth, in the shortest time from a MAV's
    landing to its crew's Earth departure, so the rate is m_O / (24 h x days); MOXIE
    scaled up (1 t and 25 kW for 2 kg/h: 500 kg and 12.5 kW per kg/h) sizes the plant, and fission
    power at 150 kg/kWe (NASA GRC FSP request) its power system; what lands is the fuelled MAV less
    the oxygen plus the two."""
    arch, prob = evaluated
    propellant = prob.get_val("mars_ascent_stage.propellant_mass", units="kg")[0]
    fuelled = prob.get_val("mars_ascent_stage.initial_mass", units="kg")[0]
    oxygen = propellant * 3.6 / 4.6
    days = min(_hand_production_days(arch))
    assert 340.0 < days < 370.0  # the 2037 crew leaves Earth about 12 months after its MAV lands (2036-09-14 to 2037-09-02)
    rate = oxygen / (24.0 * days)
    plant, power = 1000.0 / 2.0 * rate, 25.0 / 2.0 * rate
    power_system = 150.0 * power
    got = lambda name, units: prob.get_val(f"mars_ascent_isru.{name}", units=units)[0]
    assert got("production_time", "d") == pytest.approx(days, rel=1e-9)
    assert got("oxygen_mass", "kg") == pytest.approx(oxygen, rel=1e-9)
    assert got("production_rate", "kg/h") == pytest.approx(rate, rel=1e-9)
    assert got("plant_mass", "kg") == pytest.approx(plant, rel=1e-9)
    assert got("plant_power", "kW") == pytest.approx(power, rel=1e-9)
    assert got("power_system_mass", "kg") == pytest.approx(power_system, rel=1e-9)
    assert got("landed_mass", "kg") == pytest.approx(fuelled - oxygen + plant + power_system, rel=1e-9)
    # the ascent stream carries what lands, and the plant is launched with it on the cargo route
    for k in range(1, len(arch.mars_crew) + 1):
        launched = prob.get_val(f"mars_ascent_{k}_demand.crew_rotations")
        assert prob.get_val(f"transfer_mars_ascent_{k}.payload_mass", units="kg") == pytest.approx(got("landed_mass", "kg") * launched)


def test_plant_is_modules_of_the_relationship_point(evaluated):
    """The relationship is MOXIE's scale-up at one point, 2 kg/h (1 t, 25 kW): a plant of rate Q is
    Q / 2 modules of that plant, each at its point (no economy of scale credited). With the tanks full
    before the crew leaves Earth the study needs about 4.3 kg/h, two modules and a seventh (one and a
    half while the later MAVs were taken to land a cargo flight time after the previous crew left;
    on their own windows' transfers the 2035 one lands 2036-09-14, a year before its crew leaves)."""
    _, prob = evaluated
    modules = prob.get_val("mars_ascent_isru.production_rate", units="kg/h")[0] / 2.0
    assert 2.0 < modules < 3.0
    assert prob.get_val("mars_ascent_isru.plant_mass", units="kg")[0] == pytest.approx(1000.0 * modules, rel=1e-9)


def test_surface_wait_and_no_boiloff_by_default(evaluated):
    """The stage coasts the longest wait (hand calculation above); with no sourced rate on Mars none
    boils off, and the run says so."""
    arch, prob = evaluated
    assert prob.get_val("mars_ascent_stage.coast_time", units="d")[0] == pytest.approx(max(_hand_waits(arch)), rel=1e-9)
    assert prob.get_val("mars_ascent_stage.boiloff_rate", units="1/d")[0] == 0.0
    assert prob.get_val("mars_ascent_stage.boiloff_mass", units="kg")[0] == 0.0
    assert any("no boil-off is counted" in note for note in arch.notes)


def test_boiloff_rate_input_keeps_the_propellant_over_the_wait(variant):
    """A rate k grows the loaded propellant to exp(k t) times the burned over the longest wait t
    (the stage's relationship), and the plant makes the oxygen of all of it."""
    arch, prob = variant(OPTION + "      surface_boiloff_rate_per_day: 0.0001\n")
    t = max(_hand_waits(arch))
    loaded = prob.get_val("mars_ascent_stage.propellant_mass", units="kg")[0]
    boiled = prob.get_val("mars_ascent_stage.boiloff_mass", units="kg")[0]
    assert loaded == pytest.approx((loaded - boiled) * np.exp(1e-4 * t), rel=1e-9)
    assert prob.get_val("mars_ascent_isru.oxygen_mass", units="kg")[0] == pytest.approx(loaded * 3.6 / 4.6, rel=1e-9)


def test_option_off_carries_all_propellant_and_no_plant(variant, evaluated):
    """Without the option the MAV lands fuelled (the stream's payload is the stage's initial mass),
    no plant is flown or costed, and the campaign's mass in LEO is higher by the ascent stream's
    difference alone."""
    arch_off, prob_off = variant("      ascent_oxidizer_from_isru: false\n")
    arch_on, prob_on = evaluated
    assert "mars_ascent_isru" not in [s.name for s in prob_off.model.system_iter(recurse=False)]
    assert not any(e.name.startswith("mars_ascent_isru") for e in arch_off.cost.elements)
    fuelled = prob_off.get_val("mars_ascent_stage.initial_mass", units="kg")[0]
    missions = range(1, len(arch_off.mars_crew) + 1)
    for k in missions:
        launched = prob_off.get_val(f"mars_ascent_{k}_demand.crew_rotations")
        assert prob_off.get_val(f"transfer_mars_ascent_{k}.payload_mass", units="kg") == pytest.approx(fuelled * launched)
    total = lambda p: p.get_val("total_launch_mass.mass_in_launch_orbit", units="kg").sum()
    stream = lambda p: sum(p.get_val(f"transfer_mars_ascent_{k}.mass_in_launch_orbit", units="kg").sum() for k in missions)
    assert total(prob_off) - total(prob_on) == pytest.approx(stream(prob_off) - stream(prob_on), rel=1e-9)
    assert total(prob_off) > total(prob_on)


def test_plant_and_power_are_costed_per_ascent_vehicle(evaluated):
    """The plant by the catalog's isru relationship, its power system by the power relationship, in
    the crew vehicle item (one per mission), from the model's masses."""
    from trades.architecture.cost_relationships import relationship

    arch, prob = evaluated
    elements = {e.name: e for e in arch.cost.elements}
    for name, element_type, output in (("mars_ascent_isru_plant", "isru", "plant_mass"),
                                       ("mars_ascent_isru_power", "power", "power_system_mass")):
        expected = relationship(arch.catalog.entry("cost", "default"), element_type, arch.study)
        assert elements[name].method == expected.method and elements[name].coefficients == expected.coefficients
        assert elements[name].item == arch.cost.item_index("mars_crew_vehicle")
        assert prob.get_val(f"cost.{name}.dry_mass", units="kg") == pytest.approx(prob.get_val(f"mars_ascent_isru.{output}", units="kg"))


def test_ascent_oxygen_plant_partials():
    """The component's analytic partials against complex step, away from the study's point."""
    import openmdao.api as om
    from openmdao.utils.assert_utils import assert_check_partials

    from trades.models.outpost.ascent_oxygen_plant import AscentOxygenPlant

    prob = om.Problem(reports=False)
    prob.model.add_subsystem("plant", AscentOxygenPlant())
    prob.setup(force_alloc_complex=True)
    for name, value, units in (("propellant_mass", 70_000.0, "kg"), ("vehicle_mass", 90_000.0, "kg"), ("mixture_ratio", 3.3, "unitless"),
                               ("production_time", 900.0, "d"), ("plant_mass_per_rate", 450.0, "kg/(kg/h)"),
                               ("specific_energy", 11.0, "kW*h/kg"), ("power_specific_mass", 140.0, "kg/kW")):
        prob.set_val(f"plant.{name}", value, units=units)
    prob.run_model()
    data = prob.check_partials(out_stream=None, method="cs")
    assert_check_partials(data, atol=1e-8, rtol=1e-10)


def test_plant_working_until_the_ascent(variant):
    """isru_oxygen_ready_by: crew_ascent gives the plant the shortest wait from landing to ascent, longer
    than to the crew's departure, so a slower, lighter plant (rate inversely proportional to the time)."""
    arch, prob = variant(OPTION + "      isru_oxygen_ready_by: crew_ascent\n")
    days = min(_hand_waits(arch))
    assert prob.get_val("mars_ascent_isru.production_time", units="d")[0] == pytest.approx(days, rel=1e-9)
    assert days > max(_hand_production_days(arch))
    oxygen = prob.get_val("mars_ascent_isru.oxygen_mass", units="kg")[0]
    assert prob.get_val("mars_ascent_isru.production_rate", units="kg/h")[0] == pytest.approx(oxygen / (24.0 * days), rel=1e-9)

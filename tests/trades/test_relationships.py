"""Cost relationships by element class: the catalog's table, the study's override and its errors,
and a launch vehicle costed from its stages and engines (TRANSCOST)."""

import math

import pytest

from trades.architecture.cost_relationships import relationship
from trades.architecture.relationships import Part, element_cost, engine_f2, launch_vehicle_cost
from trades.errors import StudyErrors
from trades.study.catalog import load_catalog


def _cost():
    return load_catalog().entry("cost", "default")


def test_each_class_has_its_relationship():
    """Habitats and life support by AMCM (not TRANSCOST's crewed-vehicle CER), capsules and crew landers by
    TRANSCOST's crewed-space-system CER (issue 18: docs/research/crewed_vehicle_cost_research.md), cargo landers
    by AMCM's planetary lander, stages and engines by TRANSCOST picked by propellant."""
    cost = _cost()
    assert (relationship(cost, "habitat").method, relationship(cost, "habitat").name) == ("amcm", "habitat")
    assert relationship(cost, "life_support").name == "habitat" and relationship(cost, "life_support").method == "amcm"
    for crewed in ("crew_spacecraft", "crew_lander"):
        assert (relationship(cost, crewed).method, relationship(cost, crewed).name) == ("transcost", "crewed_space_system")
    assert (relationship(cost, "cargo_lander").method, relationship(cost, "cargo_lander").name) == ("amcm", "planetary_lander")
    assert relationship(cost, "rocket_engine", propellant="lox_lh2").name == "engine_lh2_turbofed"
    assert relationship(cost, "rocket_engine", propellant="lox_rp1").name == "engine_storable_turbofed"
    assert relationship(cost, "launch_vehicle_stage", propellant="solid").name == "solid_propellant_booster"


def test_ssme_by_element_cost():
    """The SSME check case through element_cost: 17,672 WYr (lvreuse lessons/transcost.ipynb), 2.6 % under
    Koelle's actual 18,146 WYr."""
    h = element_cost("rocket_engine", 3180.0, propellant="lox_lh2", factors={"f1": 1.3, "f3": 0.85, "f2": engine_f2(900)})
    assert h.development_wyr == pytest.approx(17672.0, abs=1.0)
    assert h.development_wyr == pytest.approx(18146.0, rel=0.03)


def test_ariane_5_development_as_lvreuse():
    """lvreuse's Ariane 5 case (lvreuse/cost/transcost_unittests.py, commit e2ac6ac): elements 5,025 (two
    boosters, developed once), 18,092 (core), 6,592 (Vulcain), 5,750 (upper stage), 438 (Aestus) WYr and the
    vehicle 40,379 WYr with f0 = 1.04^3; first vehicle 1,183 WYr with f0 = 1.025^4, f9 = 1.07, p = 0.9."""
    stages = [Part("srb", 39300.0, "solid", 2, {"f1": 1.1, "f3": 0.9, "f8": 0.86}),
              Part("core", 13610.0, "lox_lh2", 1, {"f1": 1.1, "f2": 1.16, "f3": 0.85, "f8": 0.86}),
              Part("stage2", 2500.0, "storable", 1, {"f1": 0.9, "f2": 1.09, "f3": 0.9, "f8": 0.86})]
    engines = [Part("vulcain", 1685.0, "lox_lh2", 1, {"f1": 1.1, "f2": 0.79, "f3": 0.9, "f8": 0.86}),
               Part("aestus", 119.0, "storable", 1, {"f1": 0.8, "f3": 0.8, "f8": 0.77}, category="engine_pressure_fed")]
    dev = launch_vehicle_cost(stages, engines, num_stages=3, learning_rate=0.9)
    assert [round(h) for _, h, _ in dev.parts] == [5025, 18092, 5750, 6592, 438]
    assert dev.development_wyr == pytest.approx(40379.0, abs=5.0)
    prod = launch_vehicle_cost(stages, engines, num_stages=4, f9=1.07, learning_rate=0.9)
    assert prod.first_unit_wyr == pytest.approx(1183.0, abs=1.0)
    assert dev.development_musd == pytest.approx(dev.development_wyr * 0.3674 * 313.689 / 251.107, rel=1e-6)


def test_amcm_element_splits_by_quantity_law():
    """A 36.9 t habitat by AMCM (IOC 2030): C(1) = 6.45 billion 2024 dollars by hand from the catalog's
    coefficients (FY1999 to 2024 by CPI-U 313.689 / 166.6); development 2 C(1) - C(2), first unit C(2) - C(1)."""
    w = 36930.0 / 0.45359237
    one = 0.000504839 * w**0.653948 * 76.99939**2.13 * 1.68051e-52 ** (1 / 130) * 313.689 / 166.6
    c = element_cost("habitat", 36930.0, ioc_year=2030)
    assert c.development_musd + c.first_unit_musd == pytest.approx(one, rel=1e-5)
    assert c.first_unit_musd == pytest.approx(one * (2**0.594183 - 1), rel=1e-5)
    assert 6000 < one < 7000  # issue 18: AMCM gives 6.5 billion for it, against 28.7 by the crewed-system CER
    with pytest.raises(ValueError, match="ioc_year"):
        element_cost("habitat", 36930.0)


def _flagship(tmp_path, cost_section):
    import yaml

    from trades.study.schema import load_study

    path = __import__("pathlib").Path(__file__).resolve().parents[2] / "studies" / "lunar_south_pole_outpost.yaml"
    data = yaml.safe_load(path.read_text())
    data["cost"] = cost_section
    out = tmp_path / "s.yaml"
    out.write_text(yaml.safe_dump(data, sort_keys=False))
    return load_study(out)


def test_study_overrides_a_relationship(tmp_path):
    """cost.relationships replaces the catalog's entry: life support by TRANSCOST with f1 = 1.3 here."""
    from trades.architecture.resolve import resolve

    study = _flagship(tmp_path, {"relationships": {"life_support": {"method": "transcost", "category": "crewed_space_system", "factors": {"f1": 1.3}}}})
    plan = resolve(study).cost
    element = next(e for e in plan.elements if e.name == "life_support")
    assert element.method == "transcost" and element.coefficients["development_factor"] == pytest.approx(1.3)
    assert "study cost.relationships.life_support" in element.source
    assert next(e for e in plan.elements if e.name == "habitat").method == "amcm"


@pytest.mark.parametrize("section, words", [
    ({"relationships": {"habitats": {"method": "amcm", "specification": "habitat"}}}, ["unknown element type 'habitats'", "did you mean 'habitat'"]),
    ({"relationships": {"habitat": {"method": "amcm", "specification": "hab"}}}, ["unknown AMCM specification 'hab'"]),
    ({"relationships": {"habitat": {"method": "transcost", "category": "crewed"}}}, ["unknown TRANSCOST category 'crewed'"]),
    ({"relationships": {"habitat": {"method": "amcm"}}}, ["method 'amcm' needs a specification"]),
    ({"relationships": {"habitat": {"method": "amcm", "specification": "habitat", "factors": {"f1": 1.2}}}}, ["applies to method 'transcost' only"]),
])
def test_bad_relationships_are_named(tmp_path, section, words):
    from trades.architecture.checks import check_study

    study = _flagship(tmp_path, section)
    with pytest.raises(StudyErrors) as info:
        check_study(study)
    text = str(info.value)
    assert "cost.relationships" in text and all(w in text for w in words), text


def test_unknown_method_is_a_schema_error(tmp_path):
    with pytest.raises(StudyErrors, match="method"):
        _flagship(tmp_path, {"relationships": {"habitat": {"method": "nafcom"}}})


def test_crew_lander_class_default_is_first_generation():
    """The crew lander class's development standard factor f1 is 1.3 (TRANSCOST's 'first generation system',
    1.3-1.4: no crewed lander is in operation), a capsule's 1.0; a crew lander's development is then 1.3 times the
    crewed-space-system CER at f1 = 1, by hand from the CER's coefficients (H = 1113 M^0.383 WYr, lvreuse
    CrewedSpaceSystem), the work-year value 0.3674 MUSD 2018 and CPI-U 313.689 / 251.107 (2024 / 2018): for the
    flagship's Altair resized for NRHO, 19,286 kg dry, 1113 x 19286^0.383 = 48,724.0 WYr (22,363 MUSD 2024)
    at f1 = 1, so 63,341.2 WYr and 29,071.4 MUSD 2024 at f1 = 1.3 (the flagship's run: 29,072 MUSD, from its unrounded
    mass); its first unit, 0.16 M^0.98 WYr, takes no f1."""
    cost = _cost()
    lander, capsule = relationship(cost, "crew_lander"), relationship(cost, "crew_spacecraft")
    assert lander.coefficients["development_factor"] == pytest.approx(1.3, abs=1e-12)
    assert lander.coefficients["first_unit_factor"] == 1.0  # f1 multiplies development only
    assert capsule.coefficients["development_factor"] == 1.0
    assert "f1 = 1.3" in lander.factor_source and "first generation" in lander.source
    h = element_cost("crew_lander", 19286.0)  # the catalog's factors when none are given
    assert h.development_wyr == pytest.approx(1.3 * 48724.0, rel=1e-5)
    assert h.development_musd == pytest.approx(29071.4, rel=1e-5)
    assert h.first_unit_wyr == pytest.approx(0.16 * 19286.0 ** 0.98, rel=1e-12)

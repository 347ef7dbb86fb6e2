"""A power system is costed by its source's class (issue 18 item 1): a solar one by the catalog's
photovoltaic unit rate (the ISS's S6 module per kg, no development), a fission one, or one whose
source is not given, by AMCM's planetary spacecraft; a study's override replaces both. The expected
figures are computed here from the published figures the catalog cites, not read from the code."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pytest
import yaml
from openmdao.utils.assert_utils import assert_check_partials
from openmdao.utils.om_warnings import DerivativesWarning

from trades.architecture.cost_relationships import relationship
from trades.architecture.relationships import element_cost
from trades.study import parse_study_text
from trades.study.catalog import load_catalog

ROOT = Path(__file__).resolve().parents[2]
# Florida Today (18 Dec 2008): S6 'The $300 million truss segment', 'The 31,127-pound ... truss segment'
S6_MUSD, S6_KG = 300.0, 31_127 * 0.45359237
# BLS CPI-U annual averages (cost.yaml cpi_u): 2008, 2018 (the work-year value's year), 2023, 2024
CPI = {2008: 215.303, 2018: 251.107, 2023: 304.702, 2024: 313.689}
WORK_YEAR_MUSD_2018 = 0.3674  # lvreuse's 2018 USD per TRANSCOST work-year (cost.yaml work_year_value)


@pytest.fixture(scope="module")
def cost():
    return load_catalog().entry("cost", "default")


def test_a_solar_power_system_takes_the_photovoltaic_rate_and_others_amcm(cost):
    solar = relationship(cost, "power", power_source="solar")
    assert solar.name == "photovoltaic_power_module"
    expected = S6_MUSD / S6_KG * CPI[2018] / CPI[2008] / WORK_YEAR_MUSD_2018  # work-years per kg
    assert solar.coefficients["prod_a"] == pytest.approx(expected, rel=2e-4)  # the catalog rounds the rate to 0.02125
    assert solar.coefficients["dev_a"] == 0.0 and solar.coefficients["prod_x"] == 1.0
    assert "no development" in solar.source and "Florida Today" in solar.source
    for source in ("fission", None):
        rel = relationship(cost, "power", power_source=source)
        assert (rel.method, rel.name) == ("amcm", "planetary_spacecraft")
    # other element types ignore a power source
    assert relationship(cost, "habitat", power_source="solar").name == "habitat"


def test_one_solar_power_system_costs_the_rate_in_base_year_dollars():
    one = element_cost("power", 1000.0, base_year=2024, power_source="solar")
    assert one.development_musd == 0.0
    assert one.first_unit_musd == pytest.approx(1000.0 * S6_MUSD / S6_KG * CPI[2024] / CPI[2008], rel=2e-4)


def test_a_study_override_replaces_the_power_source_entry(cost):
    text = (ROOT / "studies" / "cislunar_nrho_station.yaml").read_text()
    study = parse_study_text(text)
    assert study.outpost.power_source == "solar" and "power" in study.cost.relationships
    rel = relationship(cost, "power", study, power_source="solar")
    assert (rel.method, rel.name) == ("amcm", "planetary_spacecraft") and "study cost.relationships.power" in rel.source


def _solar_study_without_override():
    data = yaml.safe_load((ROOT / "studies" / "cislunar_nrho_station.yaml").read_text())
    data.pop("cost")
    return parse_study_text(yaml.safe_dump(data, sort_keys=False)), str(ROOT / "studies" / "cislunar_nrho_station.yaml")


def test_the_solar_outposts_power_element_and_its_cost_risk_sigma():
    from trades.analyses.cost_risk import uncertain_parts
    from trades.architecture.resolve import resolve

    study, file = _solar_study_without_override()
    arch = resolve(study, file)
    power = next(e for e in arch.cost.elements if e.name == "power")
    assert power.method == "transcost" and power.relationship == "photovoltaic_power_module"
    parts = {p["part"]: p for p in uncertain_parts(study, arch)[0] if p["element"] == "power"}
    assert parts["first_unit"]["sigma"] == pytest.approx(0.556) and parts["development"]["sigma"] == 0.0
    # the sigma: sd (n - 1) of ln(MUSD/kg, 2024 dollars) over S6, the eight original wings (2000 dollars taken), iROSA
    per_kg = np.log([S6_MUSD / S6_KG * CPI[2024] / CPI[2008], 450.0 / (8 * 1088.6) * CPI[2024] / 172.2,
                     35.0 / 680.0 * CPI[2024] / CPI[2023]])
    assert float(np.std(per_kg, ddof=1)) == pytest.approx(0.556, abs=5e-4)


def test_the_mars_ascent_vehicles_fission_power_stays_on_amcm():
    from trades.architecture.resolve import resolve
    from trades.study.schema import load_study

    path = ROOT / "studies" / "crewed_mars_2033.yaml"
    arch = resolve(load_study(path), str(path))
    methods = {e.name: (e.method, e.relationship) for e in arch.cost.elements if "power" in e.name}
    assert methods == {"power": ("amcm", "amcm"), "mars_ascent_isru_power": ("amcm", "amcm")}


def test_the_rate_in_transcost_form_has_exact_partials(cost):
    from trades.models.cost.transcost import TranscostCost
    from trades.models.testing import run_component

    c = relationship(cost, "power", power_source="solar").coefficients
    prob = run_component(TranscostCost(num_elements=1, dev_a=[c["dev_a"]], dev_x=[c["dev_x"]], prod_a=[c["prod_a"]],
                                       prod_x=[c["prod_x"]]), dry_mass=3362.0)
    assert prob.get_val("development")[0] == 0.0
    assert prob.get_val("first_unit")[0] == pytest.approx(c["prod_a"] * np.sqrt(3362.0**2 + 1.0))
    with warnings.catch_warnings():  # the rate's development is 0: its partials are zero, as declared
        warnings.simplefilter("ignore", DerivativesWarning)
        data = prob.check_partials(method="cs", out_stream=None)
    assert_check_partials(data, atol=1e-8, rtol=1e-8)


def test_the_irosa_validation_row():
    from trades.analyses.validation import Row
    from trades.analyses.validation_power import power_rows

    (row,) = power_rows(Row)
    ours = 2 * 340.0 * S6_MUSD / S6_KG * CPI[2024] / CPI[2008]
    assert row.ours == pytest.approx(ours, rel=2e-4)
    assert row.published == pytest.approx(35.0 * CPI[2024] / CPI[2023])
    assert row.comment.startswith("Agrees (band 50 %)") and "0.33 of the contract" in row.comment

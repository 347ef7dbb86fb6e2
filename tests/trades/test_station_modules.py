"""A station of several named elements costed element by element (trades/architecture/station_modules.py,
trades/catalogs/stations.yaml) and the ISS development row built on it
(trades/analyses/validation_programmes.py).

The regression values are independent: the masses are re-added from the figures as the sources print
them (pounds converted here), and the costs are AMCM's formula written out by hand with the catalog's
coefficients and CPI-U values, not the code's intermediate results."""

import copy
import math

import pytest

from trades.architecture.station_modules import station_cost
from trades.study.catalog import load_catalog

LB = 0.45359237
BASE = 2024


def _amcm_one_unit(kg, specification, ioc, k, cpi):
    """AMCM's cost of one unit (development and first unit, C(1)) in 2024 dollars, block 1, average difficulty."""
    return k["a"] * (kg / LB) ** k["c"] * k["d"] ** specification * k["e"] ** (1.0 / (ioc - 1900)) * cpi[2024] / cpi[1999]


@pytest.fixture(scope="module")
def coefficients():
    cost = load_catalog().entry("cost", "default")
    return {c: float(cost["amcm"][c]["value"]) for c in "abcde"}, cost["cpi_u"]["values"]


@pytest.fixture(scope="module")
def iss():
    return station_cost(load_catalog(), "iss_us_segment", BASE)


def test_sum_of_the_sourced_masses(iss):
    """The figures as printed in the sources named in stations.yaml: kilograms where the source gives
    them, pounds (short tons for Quest) converted here."""
    inside = {
        # Unity launched with PMA-1 and PMA-2 on it: 12.8 short tons together (NASA's STS-88 status report)
        "unity_with_pma_1_2": 12.8 * 2000 * LB, "destiny": 32_000 * LB, "quest": 6.5 * 2000 * LB, "pma_3": 1_156,  # pressurized
        "p6": 15_400, "p3_p4": 34_885 * LB, "s3_s4": 35_581 * LB, "s6": 31_127 * LB,  # photovoltaic modules
        "s0": 12_247, "s1": 31_000 * LB, "p1": 12_700, "z1": 8_300, "p5": 4_110 * LB, "s5": 3_900 * LB,  # truss
    }
    barter = 14_288 + 15_500 + 1_805  # Harmony (NASA), Tranquility and Cupola launch masses (ESA)
    # the catalog rounds each converted figure to the kilogram: at most 0.5 kg each
    assert iss.mass_kg("relationship", "reported_unit_cost", "not_priced") == pytest.approx(sum(inside.values()), abs=14 * 0.5)
    assert iss.mass_kg("outside_scope") == pytest.approx(barter, abs=0.5)
    assert iss.mass_kg("not_priced") == pytest.approx(inside["s0"] + inside["s1"] + inside["p1"] + inside["p5"] + inside["s5"], abs=2.5)
    # a third of the station's 419,455 kg (NASA, ISS Facts and Figures, 2014) is NASA's, built in the U.S.
    assert 0.3 < iss.mass_kg("relationship", "reported_unit_cost", "not_priced") / 419_455 < 0.4


def test_destiny_by_amcm_by_hand(iss, coefficients):
    """Destiny, one unit of its design: AMCM's manned habitat (specification 2.13), 14,515 kg, IOC 2001;
    development 2 C(1) - C(2) = C(1) (2 - 2^b), production C(1) - development = C(1) (2^b - 1)."""
    k, cpi = coefficients
    one = _amcm_one_unit(14_515.0, 2.13, 2001, k, cpi)
    destiny = iss.designs["destiny"]
    assert destiny.units == 1
    assert destiny.development_musd == pytest.approx(one * (2 - 2 ** k["b"]), rel=1e-9)
    assert destiny.production_musd == pytest.approx(one * (2 ** k["b"] - 1), rel=1e-9)
    # about 2.7 billion 2024 dollars: 8 % above the 1.4 billion of 2001 the press reported for Destiny
    check = 1400.0 * cpi[2024] / cpi[2001]
    assert (destiny.development_musd + destiny.production_musd) / check == pytest.approx(1.08, abs=0.01)


def test_three_adapters_are_three_units_of_one_design(iss, coefficients):
    """AMCM's quantity term: three units cost C(1) 3^b, the development once (on PMA-1, the first flown)."""
    k, cpi = coefficients
    one = _amcm_one_unit(1_156.0, 2.13, 1998, k, cpi)
    pma = iss.designs["pressurized_mating_adapter"]
    assert pma.units == 3
    assert pma.development_musd + pma.production_musd == pytest.approx(one * 3 ** k["b"], rel=1e-9)
    shares = {e.id: e for e in iss.elements if e.design == "pressurized_mating_adapter"}
    assert shares["pma_1"].development_musd == pytest.approx(pma.development_musd) and shares["pma_3"].development_musd == 0.0
    assert shares["pma_2"].production_musd == pytest.approx(pma.production_musd / 3)


def test_reported_unit_costs_by_hand(iss, coefficients):
    _, cpi = coefficients
    assert iss.designs["photovoltaic_module"].production_musd == pytest.approx(4 * 300.0 * cpi[2024] / cpi[2008], rel=1e-12)
    assert iss.designs["z1_truss"].production_musd == pytest.approx(273.0 * cpi[2024] / cpi[2000], rel=1e-12)
    assert iss.designs["photovoltaic_module"].development_musd == 0.0
    for design in ("s0_truss", "s1_p1_truss", "p5_s5_spacer", "node_2_3", "cupola"):
        assert iss.designs[design].development_musd == iss.designs[design].production_musd == 0.0


def test_iss_development_row_by_hand(coefficients):
    """The row: the pressurized modules by AMCM's habitat relationship, the photovoltaic modules and Z1 at their
    reported unit costs, against GAO-08-581T's 31 billion (taken as 2002 dollars)."""
    from trades.analyses.validation import Row, _run_study
    from trades.analyses.validation_programmes import iss_development_row

    k, cpi = coefficients
    habitat = (_amcm_one_unit(9_300.0, 2.13, 1998, k, cpi) + _amcm_one_unit(14_515.0, 2.13, 2001, k, cpi)
               + _amcm_one_unit(5_897.0, 2.13, 2001, k, cpi) + _amcm_one_unit(1_156.0, 2.13, 1998, k, cpi) * 3 ** k["b"])
    reported = 4 * 300.0 * cpi[2024] / cpi[2008] + 273.0 * cpi[2024] / cpi[2000]
    row = iss_development_row(_run_study, Row)
    assert row.ours == pytest.approx(habitat + reported, rel=1e-9)
    assert row.published == pytest.approx(31000.0 * cpi[2024] / cpi[2002], rel=1e-12)
    assert row.comment.startswith("Agrees" if abs(row.ratio - 1) <= 0.3 else "Does not agree")
    assert "Shuttle" in row.comment and "barter" in row.comment  # GAO's scope is stated


def test_transcost_class_uses_the_learning_curve():
    """A design of a TRANSCOST-costed class: development once, production its first unit times the
    learning sum 1 + 2^log2(0.8) = 1.8 over two units."""
    from trades.architecture.relationships import element_cost

    catalog = load_catalog()
    station = copy.deepcopy(catalog.entries["stations"]["iss_us_segment"])
    for element in station["elements"]:
        if element["design"] == "s1_p1_truss":
            element["element_type"], element["basis"] = "propulsion_module", "relationship"
    catalog.entries["stations"]["iss_us_segment"] = station
    design = station_cost(catalog, "iss_us_segment", BASE).designs["s1_p1_truss"]
    one = element_cost("propulsion_module", (14_061.0 + 12_700.0) / 2, base_year=BASE, catalog=catalog)
    assert design.development_musd == pytest.approx(one.development_musd, rel=1e-12)
    assert design.production_musd == pytest.approx(one.first_unit_musd * (1 + 2 ** math.log2(0.8)), rel=1e-12)


@pytest.mark.parametrize("change, message", [
    ({"basis": "bought"}, "element s0 basis: 'bought' is not one of"),
    ({"basis": "relationship"}, "element_type 'station_structure' has no relationship"),
])
def test_bad_catalog_entry_names_the_file_station_and_field(change, message):
    catalog = load_catalog()
    for element in catalog.entries["stations"]["iss_us_segment"]["elements"]:
        if element["id"] == "s0":
            element.update(change)
    with pytest.raises(ValueError, match="trades/catalogs/stations.yaml, station iss_us_segment") as info:
        station_cost(catalog, "iss_us_segment", BASE)
    assert message in str(info.value)

"""Make-up gas, EVA consumables and water-recovery expendables against hand calculations."""

import numpy as np
import pytest
from openmdao.utils.assert_utils import assert_check_partials

from trades.models.logistics import AtmosphereMakeup, CrewProvisions, EvaConsumables, LifeSupportExpendables, UtilisationCargo
from trades.models.testing import run_component

YEARS = np.array([0.0, 1.0, 1.0, 0.0, 1.0])


def test_makeup_gas_leo_station_hand_calc():
    # 0.05 %/day of the cabin gas (BVAD 2004 Table 4.1.1, as cited), 1.196 kg/m^3 (sea-level air at
    # 22 C), 168.2 m^3: 0.0005 x 1.196 x 168.2 x 365.25 = 36.74 kg a year in use, 0 otherwise.
    prob = run_component(AtmosphereMakeup(num_years=5), pressurized_volume=168.2, atmosphere_density=1.196,
                         leak_rate=0.0005, operating_year=YEARS)
    np.testing.assert_allclose(prob.get_val("makeup_gas_mass"), 0.0005 * 1.196 * 168.2 * 365.25 * YEARS, rtol=1e-12)
    assert prob.get_val("makeup_gas_mass")[1] == pytest.approx(36.74, abs=0.01)


def test_eva_default_iss_rate_hand_calc():
    # 146 crew-hours a year x (0.076 kg O2 + 0.57 kg sublimator water) per hour = 94.316 kg.
    prob = run_component(EvaConsumables(num_years=5), eva_hours_per_year=146.0, crewed_year=YEARS,
                         oxygen_per_eva_hour=0.076, water_per_eva_hour=0.57)
    np.testing.assert_allclose(prob.get_val("eva_mass"), 94.316 * YEARS, rtol=1e-12)
    # split by class of supply for packing: oxygen 146 x 0.076 = 11.096 kg (a gas), water 146 x 0.57 = 83.22 kg (a liquid)
    np.testing.assert_allclose(prob.get_val("eva_oxygen_mass"), 11.096 * YEARS, rtol=1e-12)
    np.testing.assert_allclose(prob.get_val("eva_water_mass"), 83.22 * YEARS, rtol=1e-12)


def test_expendables_reproduce_the_iss_figure_at_its_design_point():
    # Six crew all year at the ISS closure give back the ISS's 653 kg (Wieland, NASA/TM-1998-206956,
    # 478 kg water processor + 175 kg urine processor a year); at half the closure, half of it.
    rate = 653.0 / (6 * 365.25)
    days = 6 * 365.25 * YEARS
    prob = run_component(LifeSupportExpendables(num_years=5), crew_days=days, water_closure=0.98,
                         reference_closure=0.98, expendables_rate=rate)
    np.testing.assert_allclose(prob.get_val("expendables_mass"), 653.0 * YEARS, rtol=1e-12)
    prob.set_val("water_closure", 0.49)
    prob.run_model()
    np.testing.assert_allclose(prob.get_val("expendables_mass"), 326.5 * YEARS, rtol=1e-12)


def test_provisions_flagship_year_hand_calc():
    # SpaceNet 1.3 defaults: hygiene 0.27778 kg per crew-member-day, 2.3 kg of clothing per 4-day
    # change, 1.8 + 10 kg of kit and personal items per crew member and stay. Flagship year: 480
    # crew-days, 2 rotations of 4 crew: 480 x (0.27778 + 0.575) + 2 x 4 x 11.8 = 409.3344 + 94.4 kg.
    prob = run_component(CrewProvisions(num_years=2), crew_days=np.array([0.0, 480.0]), crew_rotations=np.array([0.0, 2.0]),
                         crew_size=4.0, hygiene_rate=0.27778, clothing_per_change=2.3, clothing_change_days=4.0,
                         items_per_stay=11.8)
    np.testing.assert_allclose(prob.get_val("provisions_mass"), [0.0, 503.7344], rtol=1e-12)


@pytest.mark.parametrize("component, values", [
    (CrewProvisions, dict(crew_days=np.array([0.0, 200.0, 730.0, 1460.0, 50.0]), crew_rotations=np.array([0.0, 1.0, 2.0, 4.0, 0.5]),
                          crew_size=3.0, hygiene_rate=0.3, clothing_per_change=2.0, clothing_change_days=5.0, items_per_stay=12.0)),
    (AtmosphereMakeup, dict(pressurized_volume=120.0, atmosphere_density=0.9, leak_rate=0.0007, operating_year=YEARS)),
    (EvaConsumables, dict(eva_hours_per_year=300.0, crewed_year=YEARS, oxygen_per_eva_hour=0.08, water_per_eva_hour=0.3)),
    (LifeSupportExpendables, dict(crew_days=np.array([0.0, 200.0, 730.0, 1460.0, 50.0]), water_closure=0.9,
                                  reference_closure=0.98, expendables_rate=0.3)),
])
def test_partials(component, values):
    prob = run_component(component(num_years=5), **values)
    data = prob.check_partials(method="cs", compact_print=True, out_stream=None)
    assert_check_partials(data, atol=1e-8, rtol=1e-8)


def test_utilisation_cargo_in_crewed_years_only():
    # A study's 2,000 kg a crewed year (an arbitrary test figure) lands in the crewed years and nowhere else.
    prob = run_component(UtilisationCargo(num_years=5), cargo_per_crewed_year=2000.0, crewed_year=YEARS)
    np.testing.assert_allclose(prob.get_val("utilisation_mass"), [0.0, 2000.0, 2000.0, 0.0, 2000.0], rtol=1e-12)


def test_utilisation_cargo_partials():
    prob = run_component(UtilisationCargo(num_years=5), cargo_per_crewed_year=1500.0, crewed_year=YEARS * 0.7)
    assert_check_partials(prob.check_partials(out_stream=None, method="cs"), atol=1e-10, rtol=1e-10)

"""PowerDemand and PowerSystem (solar and fission)."""

import openmdao.api as om
import pytest
from openmdao.utils.assert_utils import assert_check_partials

from trades.models.outpost.power import PowerDemand, PowerSystem
from trades.models.testing import run_component

# Complex-step partials are declared "*" x "*", so many pairs are structurally zero.
pytestmark = pytest.mark.filterwarnings("ignore:(?s).*has zero derivatives")

SOLAR_INPUTS = {
    "power_demand": 72.5,  # kW
    "illumination_fraction": 0.82,
    "longest_night": 96.0,  # h
    "array_specific_power": 63.0,  # W/kg
    "storage_specific_energy": 145.0,  # W h/kg
    "depth_of_discharge": 0.6,
    "fission_specific_mass": 123.0,  # kg/kW
}


def _problem(comp, **values):
    return run_component(comp, **values)


def test_demand_partials():
    prob = _problem(PowerDemand(), crew_size=6.0, power_per_crew=12.5, isru_power=27.7)
    data = prob.check_partials(method="cs", compact_print=True, out_stream=None)
    assert_check_partials(data, atol=1e-6, rtol=1e-6)


def test_demand_values():
    # 6 crew x 12.5 kW + 27.7 kW ISRU = 102.7 kW; defaults 4 x 14 = 56 kW
    prob = _problem(PowerDemand(), crew_size=6.0, power_per_crew=12.5, isru_power=27.7)
    assert prob.get_val("power_demand")[0] == pytest.approx(102.7, rel=1e-12)
    # catalog value: 14 kW per crew (ISS average power over six crew), 4 crew
    assert _problem(PowerDemand(), crew_size=4.0, power_per_crew=14.0).get_val("power_demand")[0] == pytest.approx(56.0, rel=1e-12)


@pytest.mark.parametrize("source", ["solar", "fission"])
def test_system_partials(source):
    # Partials are complex-step, so check against central finite differences.
    prob = _problem(PowerSystem(source=source), **SOLAR_INPUTS)
    data = prob.check_partials(method="fd", form="central", compact_print=True, out_stream=None)
    assert_check_partials(data, atol=1e-5, rtol=1e-5)


def test_solar_hand_calculation():
    # Energy balance (SMAD 11.4 form, no storage losses):
    #   array   = P / f_sun / sigma        = 72,500 W / 0.82 / 63 W/kg
    #   storage = P t_night / DoD / e_spec = 72,500 W x 96 h / 0.6 / 145 W h/kg
    array = 72500.0 / 0.82 / 63.0  # = 1403.41 kg
    storage = 72500.0 * 96.0 / 0.6 / 145.0  # = 80,000 kg
    prob = _problem(PowerSystem(source="solar"), **SOLAR_INPUTS)
    assert prob.get_val("array_mass")[0] == pytest.approx(array, rel=1e-12)
    assert prob.get_val("storage_mass")[0] == pytest.approx(storage, rel=1e-12)
    assert prob.get_val("power_system_mass")[0] == pytest.approx(array + storage, rel=1e-12)
    assert array == pytest.approx(1403.41, abs=0.01)
    assert storage == pytest.approx(80000.0, rel=1e-12)


def test_solar_defaults_and_units():
    # Catalog-like case: 56 kW, f_sun 0.9, 120 h night, 58.8 W/kg, 100 W h/kg, DoD 0.35
    #   array = 56,000 / 0.9 / 58.8 = 1058.2 kg; storage = 56,000 x 120 / 0.35 / 100 = 192,000 kg
    prob = _problem(
        PowerSystem(source="solar"), power_demand=56.0, illumination_fraction=0.9, longest_night=120.0,
        array_specific_power=58.8, storage_specific_energy=100.0, depth_of_discharge=0.35,
    )
    assert prob.get_val("array_mass")[0] == pytest.approx(56000.0 / 0.9 / 58.8, rel=1e-12)
    assert prob.get_val("storage_mass")[0] == pytest.approx(192000.0, rel=1e-12)
    # Same case with the night in days and the demand in MW.
    prob.set_val("longest_night", 5.0, units="d")
    prob.set_val("power_demand", 0.056, units="MW")
    prob.run_model()
    assert prob.get_val("storage_mass")[0] == pytest.approx(192000.0, rel=1e-12)


def test_fission_hand_calculation():
    # Fission: m = P alpha = 72.5 kW x 123 kg/kW = 8917.5 kg; no array or storage.
    prob = _problem(PowerSystem(source="fission"), **SOLAR_INPUTS)
    assert prob.get_val("power_system_mass")[0] == pytest.approx(8917.5, rel=1e-12)
    assert prob.get_val("array_mass")[0] == 0.0
    assert prob.get_val("storage_mass")[0] == 0.0
    # Site inputs do not matter for fission.
    prob.set_val("longest_night", 354.0)
    prob.set_val("illumination_fraction", 0.5)
    prob.run_model()
    assert prob.get_val("power_system_mass")[0] == pytest.approx(8917.5, rel=1e-12)

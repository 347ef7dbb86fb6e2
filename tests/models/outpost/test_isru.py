"""IsruPlant: plant mass and power versus oxygen production."""

import openmdao.api as om
import pytest
from openmdao.utils.assert_utils import assert_check_partials

from trades.models.outpost.isru import IsruPlant
from trades.models.testing import run_component


# Catalog values (trades/catalogs/outpost.yaml): 143 kg per t/yr (molten regolith electrolysis),
# 24.3 kWh/kg (hydrogen reduction). The component's own defaults are neutral.
CATALOG = {"plant_specific_mass": 143.0, "specific_energy": 24.3}


def _problem(**values):
    return run_component(IsruPlant(), **{**CATALOG, **values})


def test_partials():
    prob = _problem(oxygen_production=12.5, plant_specific_mass=131.0, specific_energy=27.9)
    data = prob.check_partials(method="cs", compact_print=True, out_stream=None)
    assert_check_partials(data, atol=1e-6, rtol=1e-6)


def test_hand_calculation():
    # 10 t/yr: mass = 143 kg yr/t x 10 t/yr = 1430 kg;
    # power = 24.3 kWh/kg x 10,000 kg/yr / 8765.81 h/yr (OpenMDAO year, 365.242199 d) = 27.721 kW
    prob = _problem(oxygen_production=10.0)
    assert prob.get_val("isru_plant_mass")[0] == pytest.approx(1430.0, rel=1e-12)
    assert prob.get_val("isru_power")[0] == pytest.approx(24.3 * 10000.0 / (365.242199 * 24.0), rel=1e-9)
    assert prob.get_val("isru_power")[0] == pytest.approx(27.721, abs=1e-3)


def test_zero_production_and_units():
    prob = _problem()
    assert prob.get_val("isru_plant_mass")[0] == 0.0
    assert prob.get_val("isru_power")[0] == 0.0
    # 10,000 kg/yr is 10 t/yr
    prob.set_val("oxygen_production", 10000.0, units="kg/year")
    prob.run_model()
    assert prob.get_val("isru_plant_mass")[0] == pytest.approx(1430.0, rel=1e-12)

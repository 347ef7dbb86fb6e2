"""ModulePowerSupply: the modules' rated power meets the outpost's load first; the sized power
system meets the rest, never less than zero, and the surplus is reported (issue 17)."""

import openmdao.api as om
import pytest
from openmdao.utils.assert_utils import assert_check_partials

from trades.models.outpost.module_power import ModulePowerSupply
from trades.models.outpost.outpost_group import OutpostGroup
from trades.models.testing import run_component

# On each side of the kink one output's partials are zero (the surplus, or the sized load): declared, and zero there.
pytestmark = pytest.mark.filterwarnings("ignore:(?s).*has zero derivatives")


@pytest.mark.parametrize("demand, powers", [
    (56.0, [20.0, 0.0, 10.0]),  # the modules fall short: the sized system meets 26 kW
    (56.0, [60.0, 0.0, 0.0]),  # they cover it: 4 kW surplus
])
def test_partials_on_each_side(demand, powers):
    prob = run_component(ModulePowerSupply(num_modules=3), power_demand=demand, module_power=powers)
    data = prob.check_partials(method="cs", compact_print=True, out_stream=None)
    assert_check_partials(data, atol=1e-9, rtol=1e-9)
    # and against central finite differences (the complex step could share a branch error with compute)
    data = prob.check_partials(method="fd", form="central", compact_print=True, out_stream=None)
    assert_check_partials(data, atol=1e-5, rtol=1e-5)


def test_hand_values():
    # by hand: 56 - (20 + 10) = 26 kW left, no surplus; 56 - 60 < 0: nothing left, 60 - 56 = 4 kW surplus
    short = run_component(ModulePowerSupply(num_modules=3), power_demand=56.0, module_power=[20.0, 0.0, 10.0])
    assert short.get_val("sized_power_demand")[0] == pytest.approx(26.0, rel=1e-15)
    assert short.get_val("power_surplus")[0] == 0.0
    assert short.get_val("module_power_supplied")[0] == pytest.approx(30.0, rel=1e-15)
    over = run_component(ModulePowerSupply(num_modules=3), power_demand=56.0, module_power=[60.0, 0.0, 0.0])
    assert over.get_val("sized_power_demand")[0] == 0.0  # never negative
    assert over.get_val("power_surplus")[0] == pytest.approx(4.0, rel=1e-15)


def test_units():
    # 0.06 MW = 60 kW and 56,000 W = 56 kW: the same 4 kW surplus
    prob = run_component(ModulePowerSupply(num_modules=1))
    prob.set_val("module_power", [0.06], units="MW")
    prob.set_val("power_demand", 56000.0, units="W")
    prob.run_model()
    assert prob.get_val("power_surplus", units="W")[0] == pytest.approx(4000.0, rel=1e-12)


def _outpost(module_power_kw: float) -> om.Problem:
    prob = om.Problem(OutpostGroup(power_source="solar", num_modules=1), reports=False)
    prob.setup()
    prob.set_val("crew_size", 4.0)
    prob.set_val("power_demand.power_per_crew", 14.0, units="kW")  # 56 kW
    prob.set_val("power.illumination_fraction", 0.9)
    prob.set_val("power.longest_night", 120.0, units="h")
    prob.set_val("power.array_specific_power", 58.8, units="W/kg")
    prob.set_val("power.storage_specific_energy", 100.0, units="W*h/kg")
    prob.set_val("power.depth_of_discharge", 0.35)
    prob.set_val("module_power.module_power", [module_power_kw], units="kW")
    prob.run_model()
    return prob


def test_outpost_sizes_power_for_the_load_the_modules_leave():
    # 56 kW load, a 20 kW module: the power system is sized for 36 kW. By hand (SMAD 11.4 form, as
    # tests/models/outpost/test_outpost_power.py): array 36,000 / 0.9 / 58.8, storage 36,000 x 120 / 0.35 / 100
    prob = _outpost(20.0)
    array, storage = 36000.0 / 0.9 / 58.8, 36000.0 * 120.0 / 0.35 / 100.0
    assert prob.get_val("power.power_system_mass", units="kg")[0] == pytest.approx(array + storage, rel=1e-12)
    assert prob.get_val("power_demand.power_demand", units="kW")[0] == pytest.approx(56.0, rel=1e-15)  # the load itself is unchanged


def test_outpost_with_power_to_spare_sizes_nothing():
    # a 60 kW module on a 56 kW load: no power system (0 kg, not negative), 4 kW surplus reported
    prob = _outpost(60.0)
    assert prob.get_val("power.power_system_mass", units="kg")[0] == 0.0
    assert prob.get_val("module_power.power_surplus", units="kW")[0] == pytest.approx(4.0, rel=1e-12)
    without = _outpost(0.0)  # a module rated 0 kW changes nothing: the power system of the whole 56 kW
    assert without.get_val("power.power_system_mass", units="kg")[0] == pytest.approx(
        56000.0 / 0.9 / 58.8 + 56000.0 * 120.0 / 0.35 / 100.0, rel=1e-12)


def test_no_modules_is_refused():
    with pytest.raises(ValueError):
        ModulePowerSupply(num_modules=0)

"""OutpostModules: catalog modules summed into one mass; OutpostGroup adds them to the dry mass."""

import openmdao.api as om
import pytest
from openmdao.utils.assert_utils import assert_check_partials

from trades.models.outpost.modules import OutpostModules
from trades.models.outpost.outpost_group import OutpostGroup
from trades.models.testing import run_component


def test_partials():
    prob = run_component(OutpostModules(num_modules=3), module_mass=[5000.0, 10000.0, 7321.5])
    data = prob.check_partials(method="cs", compact_print=True, out_stream=None)
    assert_check_partials(data, atol=1e-9, rtol=1e-9)


def test_hand_sum_and_units():
    # 5 t + 10 t + 10 t = 25 t, the sum done by hand
    prob = run_component(OutpostModules(num_modules=3), module_mass=[5000.0, 10000.0, 10000.0])
    assert prob.get_val("modules_mass", units="t")[0] == pytest.approx(25.0, rel=1e-15)


def test_no_modules_is_refused():
    with pytest.raises(ValueError):
        OutpostModules(num_modules=0)


def test_outpost_dry_mass_adds_the_modules():
    # the same outpost with and without two modules differs by exactly their 3 + 4 t
    masses = []
    for k in (0, 2):
        prob = om.Problem(OutpostGroup(power_source="solar", num_modules=k), reports=False)
        prob.setup()
        prob.set_val("crew_size", 4.0)
        if k:
            prob.set_val("modules.module_mass", [3000.0, 4000.0])
        prob.run_model()
        masses.append(float(prob.get_val("outpost_dry_mass", units="kg")[0]))
    assert masses[1] - masses[0] == pytest.approx(7000.0, rel=1e-12)

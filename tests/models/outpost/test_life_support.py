"""LifeSupportHardware: ECLSS mass scaled from ISS hardware by crew and closure."""

import openmdao.api as om
import pytest
from openmdao.utils.assert_utils import assert_check_partials

from trades.models.outpost.life_support import LifeSupportHardware
from trades.models.testing import run_component


# Catalog values (trades/catalogs/outpost.yaml, life_support.yaml): open loop 100 kg/crew
# (unverified), ISS WRS 1542 kg for 6 crew at 98 %, OGS 658 kg for 4 crew at 50 %; the study's
# closures 0.9 / 0.5. The component's own defaults are neutral.
CATALOG = {
    "water_closure": 0.9, "oxygen_closure": 0.5, "open_loop_mass_per_crew": 100.0,
    "water_recovery_mass": 1542.0, "water_recovery_crew": 6.0, "water_recovery_reference_closure": 0.98,
    "oxygen_generation_mass": 658.0, "oxygen_generation_crew": 4.0, "oxygen_recovery_reference_closure": 0.5,
}


def _problem(**values):
    return run_component(LifeSupportHardware(), **{**CATALOG, **values})


def test_partials():
    # Partials are complex-step, so check against central finite differences.
    prob = _problem(crew_size=6.0, water_closure=0.93, oxygen_closure=0.42, open_loop_mass_per_crew=115.0,
                    water_recovery_mass=1600.0, water_recovery_crew=5.0, water_recovery_reference_closure=0.95,
                    oxygen_generation_mass=700.0, oxygen_generation_crew=3.0, oxygen_recovery_reference_closure=0.55)
    data = prob.check_partials(method="fd", form="central", compact_print=True, out_stream=None)
    assert_check_partials(data, atol=1e-5, rtol=1e-5)


def test_defaults_hand_calculation():
    # 4 crew x [100 + (1542 / 6)(0.9 / 0.98) + (658 / 4)(0.5 / 0.5)] kg
    #   = 4 x [100 + 236.0204 + 164.5] = 2002.08 kg
    expected = 4.0 * (100.0 + 1542.0 / 6.0 * 0.9 / 0.98 + 658.0 / 4.0 * 1.0)
    prob = _problem()
    assert prob.get_val("life_support_mass")[0] == pytest.approx(expected, rel=1e-12)
    assert expected == pytest.approx(2002.08, abs=0.01)


def test_open_loop_and_iss_point():
    # Open loop (no closure): only the open-loop hardware, 4 x 100 = 400 kg.
    assert _problem(water_closure=0.0, oxygen_closure=0.0).get_val("life_support_mass")[0] == pytest.approx(400.0)
    # At the ISS reference closures, with the crew equal to the crew each ISS system serves
    # (4 crew, WRS and OGS both set to serve 4), the hardware is the ISS systems themselves plus
    # the open-loop part: 1542 + 658 + 4 x 100 = 2600 kg.
    prob = _problem(water_closure=0.98, oxygen_closure=0.5, water_recovery_crew=4.0)
    assert prob.get_val("life_support_mass")[0] == pytest.approx(2600.0, rel=1e-12)

"""HabitatSizing: V = n v_crew, m = rho V."""

import openmdao.api as om
import pytest
from openmdao.utils.assert_utils import assert_check_partials

from trades.models.outpost.habitat import HabitatSizing
from trades.models.testing import run_component


# Catalog values (trades/catalogs/outpost.yaml): 67 m^3 per crew (Rucker & Thompson, GLEX-2012),
# 137.8 kg/m^3 (mean of ISS Destiny and Columbus). The component's own defaults are neutral.
CATALOG = {"volume_per_crew": 67.0, "mass_per_volume": 137.8}


def _problem(**values):
    return run_component(HabitatSizing(), **{**CATALOG, **values})


def test_partials():
    prob = _problem(crew_size=6.0, volume_per_crew=52.5, mass_per_volume=121.3)
    data = prob.check_partials(method="cs", compact_print=True, out_stream=None)
    assert_check_partials(data, atol=1e-6, rtol=1e-6)


def test_default_four_crew_habitat():
    # Hand calc with the catalog defaults: 4 crew x 67 m^3 = 268 m^3; 268 m^3 x 137.8 kg/m^3 = 36,930.4 kg
    prob = _problem()
    assert prob.get_val("pressurized_volume")[0] == pytest.approx(268.0, rel=1e-12)
    assert prob.get_val("habitat_mass")[0] == pytest.approx(36930.4, rel=1e-12)


def test_six_crew_other_coefficients():
    # 6 x 52.5 = 315 m^3; 315 x 121.3 = 38,209.5 kg; volume per crew given in ft^3 converts.
    prob = _problem(crew_size=6.0, mass_per_volume=121.3)
    prob.set_val("volume_per_crew", 52.5 / 0.3048**3, units="ft**3")
    prob.run_model()
    assert prob.get_val("pressurized_volume")[0] == pytest.approx(315.0, rel=1e-12)
    assert prob.get_val("habitat_mass", units="t")[0] == pytest.approx(38.2095, rel=1e-12)

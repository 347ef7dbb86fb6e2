"""Consumables and smooth_min: yearly resupply against hand calculations from BVAD rates."""

import numpy as np
import openmdao.api as om
import pytest
from openmdao.utils.assert_utils import assert_check_partials

from trades.models.logistics.consumables import SMOOTH_MIN_FLOOR, Consumables, smooth_min
from trades.models.testing import run_component

# Complex-step partials are declared "*" x "*", so many pairs are structurally zero.
pytestmark = pytest.mark.filterwarnings("ignore:(?s).*has zero derivatives")


# BVAD Rev2 rates (NASA/TP-2015-218570/REV2, Table 3-31; water adds ISS hygiene and flush, Tables
# 4-20/4-21), closures 0.9 / 0.5 and MIT SpaceNet's default packing factors per class of supply (scenario
# Configuration: 0.2 per kg of pressurized dry goods, 0.5 of liquids, 1.0 of gases). Component defaults are neutral.
PACKING = {"packaging_dry": 0.2, "packaging_liquid": 0.5, "packaging_gas": 1.0}
CATALOG = {
    "food_rate": 0.8, "water_rate": 3.917, "oxygen_rate": 0.895,
    "water_closure": 0.9, "oxygen_closure": 0.5, **PACKING,
}


def _problem(num_years, **values):
    return run_component(Consumables(num_years=num_years), **{**CATALOG, **values})


def test_partials():
    # Partials are complex-step, so check against central finite differences. Every year has crew or
    # ISRU (or both) so no year sits at a = b = 0, where the smoothing width is 1e-6 kg and a
    # finite-difference step of that size cannot resolve the curvature.
    prob = _problem(
        5,
        crew_days=np.array([0.0, 240.0, 480.0, 480.0, 720.0]),
        food_rate=0.75, water_rate=3.6, oxygen_rate=0.91,
        water_closure=0.93, oxygen_closure=0.45,
        isru_oxygen_production=0.15,  # 150 kg/yr against 120-360 kg/yr of oxygen need
        isru_operating_year=np.array([1.0, 1.0, 0.0, 1.0, 0.0]),
        packaging_dry=0.25, packaging_liquid=0.4, packaging_gas=0.9,
        other_dry=np.array([10.0, 20.0, 0.0, 5.0, 1.0]), other_liquid=np.array([3.0, 0.0, 1.0, 2.0, 0.5]),
        other_gas=np.array([7.0, 1.0, 0.0, 4.0, 2.0]),
    )
    data = prob.check_partials(method="fd", form="central", compact_print=True, out_stream=None)
    assert_check_partials(data, atol=1e-5, rtol=1e-5)


def test_flagship_fifteen_years_bvad_rates():
    # BVAD Rev2 NASA/TP-2015-218570/REV2 Table 3-31 rates per crew-member-day: food 0.8 kg,
    # water 3.917 kg (3.217 drink/food prep + 0.4 hygiene + 0.3 other), O2 0.895 kg.
    # Crew 4, 60-day stays, 2 rotations/yr -> 4 x 60 x 2 = 480 crew-days/yr.
    # Water closure 0.98, oxygen closure 0.5, SpaceNet's packing (food 0.2, water 0.5, oxygen 1.0), no ISRU:
    #   per year = 480 x (0.8 x 1.2 + 3.917 x 0.02 x 1.5 + 0.895 x 0.5 x 2.0) kg = 480 x 1.97251 = 946.8048 kg
    # The smooth min with ISRU = 0 adds ~2.5e-7 of the oxygen need (5e-5 kg/yr): inside rel 1e-6.
    crew_days = 4 * 60 * 2
    assert 3.217 + 0.4 + 0.3 == pytest.approx(3.917)
    per_year = crew_days * (0.8 * 1.2 + 3.917 * 0.02 * 1.5 + 0.895 * 0.5 * 2.0)
    prob = _problem(15, crew_days=np.full(15, float(crew_days)), food_rate=0.8, water_rate=3.917, oxygen_rate=0.895,
                    water_closure=0.98, oxygen_closure=0.5, **PACKING)
    total = prob.get_val("consumables_mass")
    np.testing.assert_allclose(total, per_year, rtol=1e-6)
    assert total.sum() == pytest.approx(15 * per_year, rel=1e-6)
    assert per_year == pytest.approx(946.8048, abs=1e-3)
    # the packing alone: 480 x (0.8 x 0.2 + 3.917 x 0.02 x 0.5 + 0.895 x 0.5 x 1.0) = 480 x 0.64667 = 310.4016 kg
    np.testing.assert_allclose(prob.get_val("packaging_mass"), 310.4016, rtol=1e-6)
    np.testing.assert_allclose(prob.get_val("food_mass"), 480 * 0.8, rtol=1e-12)
    np.testing.assert_allclose(prob.get_val("water_mass"), 480 * 3.917 * 0.02, rtol=1e-12)
    np.testing.assert_allclose(prob.get_val("oxygen_mass"), 480 * 0.895 * 0.5, rtol=1e-6)
    np.testing.assert_allclose(prob.get_val("isru_oxygen_surplus"), 0.0, atol=1e-3)


def test_uncrewed_years_need_nothing():
    prob = _problem(3, crew_days=np.array([0.0, 480.0, 0.0]))
    total = prob.get_val("consumables_mass")
    # what is left is the smooth min's floor on the oxygen, half of SMOOTH_MIN_FLOOR, packed as a gas: a milligram
    residue = 0.5 * SMOOTH_MIN_FLOOR * (1.0 + PACKING["packaging_gas"])
    assert abs(total[0]) <= residue * (1 + 1e-9) and abs(total[2]) <= residue * (1 + 1e-9)
    assert total[1] > 100.0


def test_isru_oxygen_beyond_need_is_surplus():
    # Need: 480 crew-days x 0.895 kg x (1 - 0.5) = 214.8 kg/yr of oxygen. ISRU 1 t/yr in the years it runs.
    # Running years: resupply ~0 and surplus = 1000 - 214.8 = 785.2 kg (within 0.05 %).
    need = 480 * 0.895 * 0.5
    prob = _problem(4, crew_days=np.full(4, 480.0), water_closure=0.98, oxygen_closure=0.5,
                    isru_oxygen_production=1.0, isru_operating_year=np.array([0.0, 1.0, 1.0, 0.0]))
    oxygen = prob.get_val("oxygen_mass")
    surplus = prob.get_val("isru_oxygen_surplus")
    assert oxygen[1] == pytest.approx(0.0, abs=5e-4 * (need + 1000.0))
    assert oxygen[2] == pytest.approx(0.0, abs=5e-4 * (need + 1000.0))
    assert surplus[1] == pytest.approx(1000.0 - need, rel=5e-4)
    assert surplus[2] == pytest.approx(1000.0 - need, rel=5e-4)
    # Years without the plant: full resupply, no surplus.
    assert oxygen[0] == pytest.approx(need, rel=1e-6)
    assert surplus[3] == pytest.approx(0.0, abs=1e-3)
    # Packed total in a running year: food and water only, each with its class's packing.
    assert prob.get_val("consumables_mass")[1] == pytest.approx(480 * (0.8 * 1.2 + 3.917 * 0.02 * 1.5), abs=1.0)


def test_isru_below_need_reduces_resupply():
    # ISRU 0.1 t/yr < 214.8 kg need: resupply 114.8 kg, no surplus (within 0.05 % of a + b).
    prob = _problem(1, crew_days=np.array([480.0]), oxygen_closure=0.5, isru_oxygen_production=0.1,
                    isru_operating_year=np.array([1.0]))
    tol = 5e-4 * (214.8 + 100.0)
    assert prob.get_val("oxygen_mass")[0] == pytest.approx(114.8, abs=tol)
    assert prob.get_val("isru_oxygen_surplus")[0] == pytest.approx(0.0, abs=tol)


@pytest.mark.parametrize("a, b", [(0.0, 5.0), (3.0, 7.0), (100.0, 99.0), (1e4, 2.0), (250.0, 250.0), (1e-3, 0.0)])
def test_smooth_min_close_to_min_and_symmetric(a, b):
    value = smooth_min(a, b)
    assert abs(value - min(a, b)) <= 5e-4 * (a + b) + 5e-7
    assert value <= min(a, b)  # the smoothing only ever lowers the min
    assert smooth_min(b, a) == pytest.approx(value, rel=1e-15, abs=1e-18)


def test_smooth_min_at_zero_and_vectorized():
    assert abs(smooth_min(0.0, 0.0)) <= 1e-6  # exact to below a milligram
    a = np.array([0.0, 10.0, 200.0])
    b = np.array([50.0, 10.0, 100.0])
    np.testing.assert_allclose(smooth_min(a, b), np.minimum(a, b), atol=5e-4 * 300.0)


def test_smooth_min_complex_step_derivative():
    # d/da of the smooth min is ~1 when a << b and ~0 when a >> b.
    h = 1e-30
    assert (smooth_min(10.0 + 1j * h, 500.0).imag / h) == pytest.approx(1.0, abs=1e-3)
    assert (smooth_min(500.0 + 1j * h, 10.0).imag / h) == pytest.approx(0.0, abs=1e-3)


@pytest.mark.parametrize("kind, packed", [("other_dry", 120.0), ("other_liquid", 150.0), ("other_gas", 200.0)])
def test_other_supplies_are_packed_by_their_class(kind, packed):
    # Other supplies (provisions and expendables dry, EVA water liquid, make-up gas and EVA oxygen gas) are
    # packed with their class's factor: 100 kg more in a year adds 100 x (1 + k) kg of packed supplies.
    base = _problem(2, crew_days=np.array([480.0, 480.0]))
    more = _problem(2, crew_days=np.array([480.0, 480.0]), **{kind: np.array([0.0, 100.0])})
    np.testing.assert_allclose(more.get_val("consumables_mass") - base.get_val("consumables_mass"), [0.0, packed], rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(more.get_val("packaging_mass") - base.get_val("packaging_mass"), [0.0, packed - 100.0], rtol=1e-9, atol=1e-9)

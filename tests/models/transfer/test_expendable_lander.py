"""expendable_lander_masses: a two-stage lander's dry mass from its gross mass, checked against a
hand calculation chosen so that every exponential is a whole number, and against the rocket
equation it must satisfy."""

from __future__ import annotations

import math

import pytest

from trades.models.transfer.expendable_lander import expendable_lander_masses

G0 = 9.80665  # m/s^2, standard gravity (CGPM 1901)


def test_hand_calculation_with_round_mass_ratios():
    """Isp 300 s both stages; the descent burns through a mass ratio of exactly 2 (dv = c ln 2)
    and the ascent through exactly 3 (dv = c ln 3); descent-stage inert fraction 0.2. By hand,
    for a 16,000 kg lander: descent propellant 16,000 (1 - 1/2) = 8,000 kg; descent stage dry
    8,000 x 0.2 / 0.8 = 2,000 kg; ascent stage 16,000 - 8,000 - 2,000 = 6,000 kg at lift-off,
    6,000 / 3 = 2,000 kg at burnout, 4,000 kg of propellant; dry mass 2,000 + 2,000 = 4,000 kg."""
    c = 300.0 * G0
    masses = expendable_lander_masses(16_000.0, c * math.log(2.0), c * math.log(3.0), 300.0, 300.0, 0.2)
    assert masses.descent_propellant == pytest.approx(8_000.0, rel=1e-12)
    assert masses.descent_dry == pytest.approx(2_000.0, rel=1e-12)
    assert masses.ascent_gross == pytest.approx(6_000.0, rel=1e-12)
    assert masses.ascent_propellant == pytest.approx(4_000.0, rel=1e-12)
    assert masses.ascent_dry == pytest.approx(2_000.0, rel=1e-12)
    assert masses.dry == pytest.approx(4_000.0, rel=1e-12)


@pytest.mark.parametrize("gross, dv_d, dv_a, isp_d, isp_a, f", [
    (33_000.0, 2180.0, 2013.0, 462.0, 316.0, 0.198),  # Altair's catalog inputs
    (26_000.0, 2180.0, 2013.0, 316.0, 316.0, 0.198),  # Lanyue's
    (16_456.0, 2180.0, 2013.0, 316.0, 316.0, 0.10),
])
def test_masses_satisfy_the_rocket_equation_and_close(gross, dv_d, dv_a, isp_d, isp_a, f):
    """Whatever the inputs: the parts add up to the gross mass, each stage's mass ratio is the
    rocket equation's for its delta-v, and the descent stage's inert fraction is the one given."""
    m = expendable_lander_masses(gross, dv_d, dv_a, isp_d, isp_a, f)
    assert m.descent_propellant + m.descent_dry + m.ascent_propellant + m.ascent_dry == pytest.approx(gross, rel=1e-12)
    assert gross / (gross - m.descent_propellant) == pytest.approx(math.exp(dv_d / (G0 * isp_d)), rel=1e-12)
    assert m.ascent_gross / m.ascent_dry == pytest.approx(math.exp(dv_a / (G0 * isp_a)), rel=1e-12)
    assert m.descent_dry / (m.descent_dry + m.descent_propellant) == pytest.approx(f, rel=1e-12)


def test_a_heavier_descent_stage_raises_the_dry_mass():
    """Mass moved from the ascent stage into the descent stage's structure is all dry, where the
    ascent stage keeps only its burnout part: the dry mass grows with the inert fraction."""
    light, heavy = (expendable_lander_masses(33_000.0, 2180.0, 2013.0, 462.0, 316.0, f).dry for f in (0.15, 0.25))
    assert heavy > light


@pytest.mark.parametrize("f, match", [(1.0, "not in"), (-0.1, "not in"), (0.9, "nothing for the ascent stage")])
def test_impossible_inputs_are_refused(f, match):
    with pytest.raises(ValueError, match=match):
        expendable_lander_masses(10_000.0, 3000.0, 2000.0, 300.0, 300.0, f)

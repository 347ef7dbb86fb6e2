"""Dry mass of an expendable two-stage crew lander from its gross mass, by the rocket equation."""

from __future__ import annotations

import math
from dataclasses import dataclass

from trades.models.transfer.rocket_stage import STANDARD_GRAVITY


@dataclass(frozen=True)
class LanderMasses:
    """Masses of a two-stage lander [kg], from its gross mass in the staging orbit."""

    descent_propellant: float
    descent_dry: float  # the descent stage left on the surface
    ascent_gross: float  # the ascent stage at lift-off (cabin, crew, propellant)
    ascent_propellant: float
    ascent_dry: float  # the ascent stage at burnout (cabin, with the crew and what it returns)

    @property
    def dry(self) -> float:
        """Both stages without propellant."""
        return self.descent_dry + self.ascent_dry


def expendable_lander_masses(gross_mass, descent_delta_v, ascent_delta_v, descent_isp, ascent_isp,
                             descent_inert_fraction) -> LanderMasses:
    """Split a two-stage lander's gross mass into propellant and dry mass.

    The descent stage takes the whole lander (gross ``M``, in the staging orbit) through the descent
    delta-v ``dv_d`` and stays on the surface; the ascent stage (with the crew cabin) lifts off from
    the surface through ``dv_a``. With exhaust velocities ``c = g0 Isp``:

        descent propellant  p_d = M (1 - exp(-dv_d / c_d))
        descent dry mass    D_d = p_d f / (1 - f)        (``f`` the descent stage's inert fraction,
                                                          inert / (inert + propellant))
        ascent stage        A   = M - p_d - D_d
        ascent burnout      D_a = A exp(-dv_a / c_a),   ascent propellant A - D_a

    and the lander's dry mass is ``D_d + D_a``. The ascent burnout mass includes the crew and
    whatever the cabin returns (a few hundred kilograms for four crew), so it slightly overstates
    the cabin's own dry mass; whatever the lander lands that is neither propellant nor descent-stage
    structure (surface cargo) is counted in the ascent stage, which overstates it too.

    Parameters are floats in SI units: kg, m/s, s and unitless.

    References
    ----------
    Tsiolkovsky rocket equation, staged as in Humble, Henry & Larson, Space Propulsion Analysis and
    Design (1995), ch. 1. The inert-fraction definition is that of ``stage_inert_fraction`` in
    trades/catalogs/propellants.yaml. docs/model.md, "Crew landers".
    """
    if not 0.0 <= descent_inert_fraction < 1.0:
        raise ValueError(f"descent inert fraction {descent_inert_fraction} is not in [0, 1)")
    burned = 1.0 - math.exp(-descent_delta_v / (STANDARD_GRAVITY * descent_isp))
    descent_propellant = gross_mass * burned
    descent_dry = descent_propellant * descent_inert_fraction / (1.0 - descent_inert_fraction)
    ascent_gross = gross_mass - descent_propellant - descent_dry
    if ascent_gross <= 0.0:
        raise ValueError(
            f"a descent stage of inert fraction {descent_inert_fraction} burning {burned:.3f} of the lander's mass "
            "leaves nothing for the ascent stage"
        )
    ascent_dry = ascent_gross * math.exp(-ascent_delta_v / (STANDARD_GRAVITY * ascent_isp))
    return LanderMasses(descent_propellant, descent_dry, ascent_gross, ascent_gross - ascent_dry, ascent_dry)


class LanderDoesNotClose(ValueError):
    """A resized lander needs more propellant than its stages' inert fraction lets them carry."""


def resized_expendable_lander(design: LanderMasses, descent_delta_v, ascent_delta_v, descent_isp, ascent_isp,
                              descent_inert_fraction) -> LanderMasses:
    """The lander of ``design`` (:func:`expendable_lander_masses`) resized for other descent and
    ascent delta-v, keeping what the design carries.

    Kept: the ascent stage's burnout mass ``B`` (cabin, crew, what it returns, its design tankage
    and engine), the descent stage's inert fraction ``f``, both propellants' exhaust velocities
    ``c = g0 Isp``. The ascent now burns ``dv_a`` and the descent ``dv_d``. Propellant the ascent
    stage carries beyond its design load ``p_a0`` needs tankage, added at the descent stage's rule
    (``f / (1 - f) = k`` kg of tankage per kg of propellant; a lighter load sheds it at the same
    rule). With ``r = exp(dv_a / c_a) - 1`` the ascent propellant is ``p_a = r B'`` and

        B' = B + k (p_a - p_a0) = B + k (r B' - p_a0)   =>   B' = (B - k p_a0) / (1 - k r),
        A' = B' (1 + r) = B' exp(dv_a / c_a)               (ascent stage at lift-off).

    The descent stage takes the whole lander (gross ``M``) down and stays: with
    ``b = 1 - exp(-dv_d / c_d)`` its propellant is ``p_d = b M`` and its dry mass ``k p_d``, so
    ``M = A' + b M / (1 - f)``, that is

        M = A' / (1 - b / (1 - f)),

    and the dry mass is ``k b M + B'``. It closes when ``k r < 1`` (the ascent stage's tankage
    does not grow faster than the propellant it holds) and ``b < 1 - f``; otherwise
    :class:`LanderDoesNotClose` says which stage fails. With the design's delta-v it returns the
    design (``B' = B``, ``A' = A``, ``M`` the design gross mass: ``A = M (1 - b / (1 - f))``).

    Parameters are floats in SI units: m/s, s and unitless.

    References
    ----------
    Tsiolkovsky rocket equation, staged as in Humble, Henry & Larson, Space Propulsion Analysis and
    Design (1995), ch. 1; the inert-fraction definition of ``stage_inert_fraction`` in
    trades/catalogs/propellants.yaml. docs/model.md, "Crew landers".
    """
    f = descent_inert_fraction
    if not 0.0 <= f < 1.0:
        raise ValueError(f"descent inert fraction {f} is not in [0, 1)")
    k = f / (1.0 - f)
    r = math.exp(ascent_delta_v / (STANDARD_GRAVITY * ascent_isp)) - 1.0
    if k * r >= 1.0:
        raise LanderDoesNotClose(
            f"the ascent stage does not close: {ascent_delta_v / 1000:.3f} km/s at {ascent_isp:.0f} s needs {r:.2f} kg of "
            f"propellant per kg at burnout, whose tankage ({k:.3f} kg per kg) outweighs what it lifts")
    burnout = (design.ascent_dry - k * design.ascent_propellant) / (1.0 - k * r)
    if burnout <= 0.0:
        raise LanderDoesNotClose("the ascent stage sheds more tankage than it has at burnout")
    ascent_gross = burnout * (1.0 + r)
    burned = 1.0 - math.exp(-descent_delta_v / (STANDARD_GRAVITY * descent_isp))
    if burned >= 1.0 - f:
        raise LanderDoesNotClose(
            f"the descent stage does not close: {descent_delta_v / 1000:.3f} km/s at {descent_isp:.0f} s burns {burned:.3f} "
            f"of the lander's mass, and with its inert fraction {f:.3f} nothing is left for the ascent stage")
    gross = ascent_gross / (1.0 - burned / (1.0 - f))
    descent_propellant = burned * gross
    return LanderMasses(descent_propellant, k * descent_propellant, ascent_gross, ascent_gross - burnout, burnout)

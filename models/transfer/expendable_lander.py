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

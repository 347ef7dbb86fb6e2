"""Pressurized habitat volume and mass from crew size."""

from __future__ import annotations

import openmdao.api as om


class HabitatSizing(om.ExplicitComponent):
    """Habitat pressurized volume ``V = n_crew v_crew`` and mass ``m = rho_hab V``.

    ``v_crew`` is a long-duration habitable volume per crew member (catalog: 67 m^3 from the
    4-crew, 380-day NEA habitat) and ``rho_hab`` a module mass per pressurized volume derived
    from flown ISS modules (catalog). No duration dependence: no sourced relation was found.

    References
    ----------
    Rucker & Thompson, 'Developing a Habitat for Long Duration, Deep Space Missions',
    GLEX-2012.05.3.8x12222 (NTRS 20120008183).
    """

    def setup(self):
        self.add_input("crew_size", val=4.0, units="unitless")
        self.add_input("volume_per_crew", val=1.0, units="m**3", desc="pressurized volume per crew member")
        self.add_input("mass_per_volume", val=1.0, units="kg/m**3", desc="module mass per pressurized volume")
        self.add_output("pressurized_volume", val=1.0, units="m**3")
        self.add_output("habitat_mass", val=1.0, units="kg")
        self.declare_partials("pressurized_volume", ["crew_size", "volume_per_crew"])
        self.declare_partials("habitat_mass", ["crew_size", "volume_per_crew", "mass_per_volume"])

    def compute(self, inputs, outputs):
        volume = inputs["crew_size"] * inputs["volume_per_crew"]
        outputs["pressurized_volume"] = volume
        outputs["habitat_mass"] = volume * inputs["mass_per_volume"]

    def compute_partials(self, inputs, partials):
        n, v, rho = inputs["crew_size"], inputs["volume_per_crew"], inputs["mass_per_volume"]
        partials["pressurized_volume", "crew_size"] = v
        partials["pressurized_volume", "volume_per_crew"] = n
        partials["habitat_mass", "crew_size"] = v * rho
        partials["habitat_mass", "volume_per_crew"] = n * rho
        partials["habitat_mass", "mass_per_volume"] = n * v

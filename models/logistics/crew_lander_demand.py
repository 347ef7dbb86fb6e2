"""Crew landers to deliver per year: one per crew rotation."""

from __future__ import annotations

import numpy as np
import openmdao.api as om


class CrewLanderDemand(om.ExplicitComponent):
    """Crew-lander mass to deliver to the staging orbit per year: ``m_y = m_lander R_y``."""

    def initialize(self):
        self.options.declare("num_years", types=int)

    def setup(self):
        n = self.options["num_years"]
        self.add_input("crew_rotations", val=np.zeros(n), units="unitless")
        self.add_input("unit_mass", val=1.0, units="kg", desc="gross mass of one crew lander")
        self.add_output("lander_mass", val=np.zeros(n), units="kg")
        ar = np.arange(n)
        self.declare_partials("lander_mass", "crew_rotations", rows=ar, cols=ar)
        self.declare_partials("lander_mass", "unit_mass", rows=ar, cols=np.zeros(n, dtype=int))

    def compute(self, inputs, outputs):
        outputs["lander_mass"] = inputs["unit_mass"] * inputs["crew_rotations"]

    def compute_partials(self, inputs, partials):
        partials["lander_mass", "crew_rotations"] = inputs["unit_mass"] * np.ones(self.options["num_years"])
        partials["lander_mass", "unit_mass"] = inputs["crew_rotations"]

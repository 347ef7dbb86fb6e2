"""Extravehicular-activity consumables per year."""

from __future__ import annotations

import numpy as np
import openmdao.api as om


class EvaConsumables(om.ExplicitComponent):
    """EVA oxygen and cooling water: ``m_y = H c_y (m_O2 + m_w)``.

    ``H`` EVA crew-member hours per crewed year, ``c_y`` 1 in crewed years, ``m_O2`` the suit's
    oxygen use (metabolic and leakage) and ``m_w`` its sublimator water per EVA hour. Both leave
    the suit (vented), so life-support closure does not reduce them.

    References
    ----------
    Rates and the default EVA hours, with sources: trades/catalogs/life_support.yaml and the
    ``outpost.eva_hours_per_year`` field of the study schema.
    """

    def initialize(self):
        self.options.declare("num_years", types=int)

    def setup(self):
        n = self.options["num_years"]
        self.add_input("eva_hours_per_year", val=0.0, units="h", desc="EVA crew-member hours per crewed year")
        self.add_input("crewed_year", val=np.zeros(n), units="unitless", desc="1 in crewed years")
        self.add_input("oxygen_per_eva_hour", val=0.0, units="kg/h")
        self.add_input("water_per_eva_hour", val=0.0, units="kg/h")
        self.add_output("eva_mass", val=np.zeros(n), units="kg", desc="EVA consumables per year")
        self.add_output("eva_oxygen_mass", val=np.zeros(n), units="kg", desc="EVA oxygen per year (a gas, for packing)")
        self.add_output("eva_water_mass", val=np.zeros(n), units="kg", desc="EVA cooling water per year (a liquid, for packing)")
        ar, zeros = np.arange(n), np.zeros(n, dtype=int)
        self.declare_partials("eva_mass", ["eva_hours_per_year", "oxygen_per_eva_hour", "water_per_eva_hour"], rows=ar, cols=zeros)
        self.declare_partials("eva_mass", "crewed_year", rows=ar, cols=ar)
        for output, rate in (("eva_oxygen_mass", "oxygen_per_eva_hour"), ("eva_water_mass", "water_per_eva_hour")):
            self.declare_partials(output, ["eva_hours_per_year", rate], rows=ar, cols=zeros)
            self.declare_partials(output, "crewed_year", rows=ar, cols=ar)

    def compute(self, inputs, outputs):
        per_hour = inputs["oxygen_per_eva_hour"] + inputs["water_per_eva_hour"]
        outputs["eva_mass"] = inputs["eva_hours_per_year"] * per_hour * inputs["crewed_year"]
        outputs["eva_oxygen_mass"] = inputs["eva_hours_per_year"] * inputs["oxygen_per_eva_hour"] * inputs["crewed_year"]
        outputs["eva_water_mass"] = inputs["eva_hours_per_year"] * inputs["water_per_eva_hour"] * inputs["crewed_year"]

    def compute_partials(self, inputs, partials):
        hours, c = inputs["eva_hours_per_year"], inputs["crewed_year"]
        per_hour = inputs["oxygen_per_eva_hour"] + inputs["water_per_eva_hour"]
        partials["eva_mass", "eva_hours_per_year"] = per_hour * c
        partials["eva_mass", "oxygen_per_eva_hour"] = hours * c
        partials["eva_mass", "water_per_eva_hour"] = hours * c
        partials["eva_mass", "crewed_year"] = np.full(self.options["num_years"], (hours * per_hour)[0])
        for output, rate in (("eva_oxygen_mass", "oxygen_per_eva_hour"), ("eva_water_mass", "water_per_eva_hour")):
            partials[output, "eva_hours_per_year"] = inputs[rate] * c
            partials[output, rate] = hours * c
            partials[output, "crewed_year"] = np.full(self.options["num_years"], (hours * inputs[rate])[0])

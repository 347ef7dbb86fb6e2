"""Crew rotations and crew-days per campaign year."""

from __future__ import annotations

import numpy as np
import openmdao.api as om


class CrewSchedule(om.ExplicitComponent):
    """Crew-days per year ``D_y = n_crew t_stay r c_y f_y`` and rotations ``R_y = r c_y``.

    ``c_y`` is 1 in crewed years and 0 before the first crew (set from the study); ``t_stay``
    the length of a stay and ``r`` the rotations per year; ``f_y`` (``stay_fraction``, 1 by
    default) the stays of year ``y``'s crews over ``t_stay``, when stays differ from year to year
    (crewed Mars missions whose stays are chosen per window: ``t_stay`` is the longest). The stay
    length is also passed on as ``stay_duration`` so that the habitat is sized by the same
    (design-variable) stay.
    """

    def initialize(self):
        self.options.declare("num_years", types=int)

    def setup(self):
        n = self.options["num_years"]
        self.add_input("crew_size", val=4.0, units="unitless")
        self.add_input("stay_days", val=180.0, units="d")
        self.add_input("rotations_per_year", val=2.0, units="unitless", desc="stays per year once crewed")
        self.add_input("crewed_year", val=np.ones(n), units="unitless", desc="1 in crewed years, else 0")
        self.add_input("stay_fraction", val=np.ones(n), units="unitless", desc="each year's crews' stay over stay_days")
        self.add_output("crew_days", val=np.zeros(n), units="d", desc="crew-member-days per year")
        self.add_output("crew_rotations", val=np.zeros(n), units="unitless", desc="crew rotations per year")
        self.add_output("stay_duration", val=180.0, units="d", desc="length of one stay (for habitat sizing)")
        ar = np.arange(n)
        zeros = np.zeros(n, dtype=int)
        self.declare_partials("crew_days", ["crew_size", "stay_days", "rotations_per_year"], rows=ar, cols=zeros)
        self.declare_partials("crew_days", ["crewed_year", "stay_fraction"], rows=ar, cols=ar)
        self.declare_partials("crew_rotations", "rotations_per_year", rows=ar, cols=zeros)
        self.declare_partials("crew_rotations", "crewed_year", rows=ar, cols=ar)
        self.declare_partials("stay_duration", "stay_days", val=1.0)

    def compute(self, inputs, outputs):
        rotations = inputs["rotations_per_year"] * inputs["crewed_year"]
        outputs["crew_rotations"] = rotations
        outputs["crew_days"] = inputs["crew_size"] * inputs["stay_days"] * rotations * inputs["stay_fraction"]
        outputs["stay_duration"] = inputs["stay_days"]

    def compute_partials(self, inputs, partials):
        n_crew, stay, rot = inputs["crew_size"], inputs["stay_days"], inputs["rotations_per_year"]
        c, f = inputs["crewed_year"], inputs["stay_fraction"]
        partials["crew_days", "crew_size"] = stay * rot * c * f
        partials["crew_days", "stay_days"] = n_crew * rot * c * f
        partials["crew_days", "rotations_per_year"] = n_crew * stay * c * f
        partials["crew_days", "crewed_year"] = n_crew * stay * rot * f
        partials["crew_days", "stay_fraction"] = n_crew * stay * rot * c
        partials["crew_rotations", "rotations_per_year"] = c
        partials["crew_rotations", "crewed_year"] = rot * np.ones_like(c)

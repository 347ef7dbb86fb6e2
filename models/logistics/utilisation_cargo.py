"""Research and utilisation cargo per year: what a station with a utilisation purpose receives
for its experiments and their upkeep, beside the crew's supplies."""

from __future__ import annotations

import numpy as np
import openmdao.api as om


class UtilisationCargo(om.ExplicitComponent):
    """Utilisation cargo: ``m_y = U c_y``.

    ``U`` the research and utilisation cargo a crewed year receives (a study-level figure with
    its source: the study's ``utilisation_cargo_kg_per_year``) and ``c_y`` 1 in crewed years.
    It is packaged with the other supplies (:class:`~trades.models.logistics.consumables.Consumables`).

    References
    ----------
    The figure and its source: the study file (no catalog default; 0 when a study sets none).
    """

    def initialize(self):
        self.options.declare("num_years", types=int)

    def setup(self):
        n = self.options["num_years"]
        self.add_input("cargo_per_crewed_year", val=0.0, units="kg", desc="utilisation cargo a crewed year receives")
        self.add_input("crewed_year", val=np.zeros(n), units="unitless", desc="1 in crewed years")
        self.add_output("utilisation_mass", val=np.zeros(n), units="kg", desc="utilisation cargo per year")
        ar = np.arange(n)
        self.declare_partials("utilisation_mass", "cargo_per_crewed_year", rows=ar, cols=np.zeros(n, dtype=int))
        self.declare_partials("utilisation_mass", "crewed_year", rows=ar, cols=ar)

    def compute(self, inputs, outputs):
        outputs["utilisation_mass"] = inputs["cargo_per_crewed_year"] * inputs["crewed_year"]

    def compute_partials(self, inputs, partials):
        partials["utilisation_mass", "cargo_per_crewed_year"] = inputs["crewed_year"]
        partials["utilisation_mass", "crewed_year"] = np.full(self.options["num_years"], inputs["cargo_per_crewed_year"][0])

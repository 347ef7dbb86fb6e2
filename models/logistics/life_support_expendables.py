"""Expendables of the water recovery system per year, scaled from the ISS."""

from __future__ import annotations

import numpy as np
import openmdao.api as om


class LifeSupportExpendables(om.ExplicitComponent):
    """Water-recovery expendables (filters, beds, pretreat): ``m_y = r D_y c_w / c_w,ISS``.

    ``r`` the ISS water recovery system's yearly expendables per crew-member-day, ``D_y`` the
    crew-member-days of the year and ``c_w`` the water closure against the ISS's ``c_w,ISS``:
    expendables scale with the water processed, as the recovery hardware does
    (:class:`~trades.models.outpost.life_support.LifeSupportHardware`).

    References
    ----------
    Rates and sources: trades/catalogs/life_support.yaml and outpost.yaml.
    """

    def initialize(self):
        self.options.declare("num_years", types=int)

    def setup(self):
        n = self.options["num_years"]
        self.add_input("crew_days", val=np.zeros(n), units="d")
        self.add_input("water_closure", val=0.0, units="unitless")
        self.add_input("reference_closure", val=1.0, units="unitless", desc="water closure of the ISS system")
        self.add_input("expendables_rate", val=0.0, units="kg/d", desc="ISS expendables per crew-member-day")
        self.add_output("expendables_mass", val=np.zeros(n), units="kg", desc="expendables per year")
        ar, zeros = np.arange(n), np.zeros(n, dtype=int)
        self.declare_partials("expendables_mass", "crew_days", rows=ar, cols=ar)
        self.declare_partials("expendables_mass", ["water_closure", "reference_closure", "expendables_rate"], rows=ar, cols=zeros)

    def compute(self, inputs, outputs):
        scale = inputs["expendables_rate"] * inputs["water_closure"] / inputs["reference_closure"]
        outputs["expendables_mass"] = scale * inputs["crew_days"]

    def compute_partials(self, inputs, partials):
        days, r = inputs["crew_days"], inputs["expendables_rate"]
        c, ref = inputs["water_closure"], inputs["reference_closure"]
        partials["expendables_mass", "crew_days"] = np.full(self.options["num_years"], (r * c / ref)[0])
        partials["expendables_mass", "expendables_rate"] = days * c / ref
        partials["expendables_mass", "water_closure"] = days * r / ref
        partials["expendables_mass", "reference_closure"] = -days * r * c / ref**2

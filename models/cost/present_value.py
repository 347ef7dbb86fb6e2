"""Present value of a yearly cost stream at a real discount rate."""

from __future__ import annotations

import numpy as np
import openmdao.api as om


class PresentValue(om.ExplicitComponent):
    """``PV = sum_y C_y / (1 + r)^t_y`` with ``t_y = y - t_ref`` the years from the reference year:
    ``y`` counts the model's years from its first (the first development year when development
    starts before the campaign) and input ``reference_offset`` ``t_ref`` is the reference year's
    distance from that first year, so that moving development earlier does not move the year the
    money is discounted to (years before it are compounded forward, ``t_y < 0``).

    Costs are in constant (base-year) dollars and ``r`` is a real rate, as OMB Circular A-94
    prescribes for constant-dollar flows (the 7 % real base case of its 1992 edition is the
    toolkit's default; OMB revised the Circular in November 2023, and the revision's rate was not
    read in a source: docs/model.md, "Present value").

    References
    ----------
    OMB Circular A-94, 'Guidelines and Discount Rates for Benefit-Cost Analysis of Federal
    Programs' (1992), Sec. 8.
    """

    def initialize(self):
        self.options.declare("num_years", types=int)

    def setup(self):
        n = self.options["num_years"]
        self.add_input("cost", val=np.zeros(n), units="MUSD", desc="constant base-year dollars per year")
        self.add_input("discount_rate", val=0.07, units="unitless", desc="real rate per year")
        self.add_input("reference_offset", val=0.0, units="year", desc="reference year less the model's first year")
        self.add_output("discount_factor", val=np.ones(n), units="unitless")
        self.add_output("present_value", val=0.0, units="MUSD")
        self.declare_partials("discount_factor", "discount_rate", rows=np.arange(n), cols=np.zeros(n, dtype=int))
        self.declare_partials("discount_factor", "reference_offset", rows=np.arange(n), cols=np.zeros(n, dtype=int))
        self.declare_partials("present_value", ["cost", "discount_rate", "reference_offset"])

    def _years(self, inputs):
        return np.arange(self.options["num_years"]) - inputs["reference_offset"][0]

    def compute(self, inputs, outputs):
        factor = (1.0 + inputs["discount_rate"][0]) ** (-self._years(inputs))
        outputs["discount_factor"] = factor
        outputs["present_value"] = np.sum(inputs["cost"] * factor)

    def compute_partials(self, inputs, partials):
        t = self._years(inputs)
        r = inputs["discount_rate"][0]
        factor = (1.0 + r) ** (-t)
        d_factor = -t * (1.0 + r) ** (-t - 1.0)
        d_offset = factor * np.log(1.0 + r)
        partials["discount_factor", "discount_rate"] = d_factor
        partials["discount_factor", "reference_offset"] = d_offset
        partials["present_value", "cost"] = factor
        partials["present_value", "discount_rate"] = np.sum(inputs["cost"] * d_factor)
        partials["present_value", "reference_offset"] = np.sum(inputs["cost"] * d_offset)

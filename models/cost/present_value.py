"""Present value of a yearly cost stream at a real discount rate."""

from __future__ import annotations

import numpy as np
import openmdao.api as om


class PresentValue(om.ExplicitComponent):
    """``PV = sum_y C_y / (1 + r)^t_y`` with ``t_y`` the years from the model's first year (the
    first development year when development starts before the campaign).

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
        self.add_output("discount_factor", val=np.ones(n), units="unitless")
        self.add_output("present_value", val=0.0, units="MUSD")
        self.declare_partials("discount_factor", "discount_rate", rows=np.arange(n), cols=np.zeros(n, dtype=int))
        self.declare_partials("present_value", ["cost", "discount_rate"])

    def compute(self, inputs, outputs):
        t = np.arange(self.options["num_years"])
        factor = (1.0 + inputs["discount_rate"][0]) ** (-t)
        outputs["discount_factor"] = factor
        outputs["present_value"] = np.sum(inputs["cost"] * factor)

    def compute_partials(self, inputs, partials):
        t = np.arange(self.options["num_years"])
        r = inputs["discount_rate"][0]
        factor = (1.0 + r) ** (-t)
        d_factor = -t * (1.0 + r) ** (-t - 1.0)
        partials["discount_factor", "discount_rate"] = d_factor
        partials["present_value", "cost"] = factor
        partials["present_value", "discount_rate"] = np.sum(inputs["cost"] * d_factor)

"""NASA Advanced Missions Cost Model (AMCM): development plus production cost of an element."""

from __future__ import annotations

import numpy as np
import openmdao.api as om

from trades.models.cost.transcost import smooth_mass, smooth_mass_slope

KG_TO_LB = 1.0 / 0.45359237  # exact (international avoirdupois pound)


class AmcmCost(om.ExplicitComponent):
    """Cost [FY1999 $M] of developing and building ``Q`` units of an element:

        C = a Q^b W^c d^S e^(1/(IOC - 1900)) B^f g^D

    ``W`` dry mass in pounds, ``S`` the specification value of the element type (e.g. 2.13 crewed
    habitat, 2.46 planetary lander), ``IOC`` the year of initial operating capability, ``B`` the
    block number (1 new design, 2 first modification, ...), ``D`` the programme difficulty
    (-2 very low to +2 very high). Vectorized over ``num_elements``.

    The coefficients ``a..g`` are an option read from ``trades/catalogs/cost.yaml`` with their
    source. The mass enters as ``sqrt(M^2 + 1 kg^2)`` (finite value and slope at zero mass).

    References
    ----------
    NASA Johnson Space Center, Advanced Missions Cost Model, as implemented in a public AMCM
    calculator (a secondary transcription, not checked against the NASA JSC AMCM page).
    """

    def initialize(self):
        self.options.declare("num_elements", types=int, default=1)
        self.options.declare("coefficients", types=dict, desc="a..g, from trades/catalogs/cost.yaml")

    def setup(self):
        n = self.options["num_elements"]
        self.add_input("dry_mass", val=np.ones(n), units="kg")
        self.add_input("quantity", val=np.ones(n), units="unitless")
        self.add_input("specification", val=np.full(n, 2.13), units="unitless")
        self.add_input("ioc_year", val=np.full(n, 2030.0), units="unitless")
        self.add_input("block", val=np.ones(n), units="unitless")
        self.add_input("difficulty", val=np.zeros(n), units="unitless")
        self.add_output("cost_fy1999", val=np.ones(n), units="MUSD", desc="FY1999 dollars")
        ar = np.arange(n)
        self.declare_partials("cost_fy1999", "*", rows=ar, cols=ar)

    def compute(self, inputs, outputs):
        k = self.options["coefficients"]
        w = smooth_mass(inputs["dry_mass"]) * KG_TO_LB
        outputs["cost_fy1999"] = (
            k["a"] * inputs["quantity"] ** k["b"] * w ** k["c"] * k["d"] ** inputs["specification"]
            * k["e"] ** (1.0 / (inputs["ioc_year"] - 1900.0)) * inputs["block"] ** k["f"] * k["g"] ** inputs["difficulty"]
        )

    def compute_partials(self, inputs, partials):
        k = self.options["coefficients"]
        out = {}
        self.compute(inputs, out)
        c = out["cost_fy1999"]
        partials["cost_fy1999", "dry_mass"] = c * k["c"] / smooth_mass(inputs["dry_mass"]) * smooth_mass_slope(inputs["dry_mass"])
        partials["cost_fy1999", "quantity"] = c * k["b"] / inputs["quantity"]
        partials["cost_fy1999", "specification"] = c * np.log(k["d"])
        partials["cost_fy1999", "ioc_year"] = c * np.log(k["e"]) * (-1.0 / (inputs["ioc_year"] - 1900.0) ** 2)
        partials["cost_fy1999", "block"] = c * k["f"] / inputs["block"]
        partials["cost_fy1999", "difficulty"] = c * np.log(k["g"])

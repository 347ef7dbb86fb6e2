"""TRANSCOST (Koelle) work-year relationships: development and first-unit cost from dry mass."""

from __future__ import annotations

import numpy as np
import openmdao.api as om


class TranscostCost(om.ExplicitComponent):
    """Development ``H = a_d M^x_d f_d`` and theoretical first unit ``F = a_p M^x_p f_p`` [work-years]
    of ``num_elements`` elements of dry mass ``M`` [kg], each with its own category's coefficients.

    ``f_d`` (input ``development_factor``) is the product of TRANSCOST's development correction
    factors of the element (f1 development standard, f2 technical quality, f3 team experience,
    f10, f11); ``f_p`` (input ``first_unit_factor``) those of its production (f10, f11). Both are
    unitless inputs, 1 by default (the CER's reference case), their initial values set by the
    options ``dev_factor`` and ``prod_factor``.

    Options ``dev_a, dev_x, prod_a, prod_x`` are sequences (one value per element) read from
    ``trades/catalogs/cost.yaml``. A work-year (WYr) is turned into dollars by the caller. The
    mass enters as ``sqrt(M^2 + 1 kg^2)``: identical for real hardware, and finite in value and
    slope when an element's mass goes to zero (an ISRU plant sized to nothing).

    References
    ----------
    D. E. Koelle, TRANSCOST handbook, CERs and correction factors as implemented in MIT lvreuse
    (lvreuse/cost/elements.py, cost_factors.py, lessons/transcost.ipynb) (tier S).
    """

    def initialize(self):
        self.options.declare("num_elements", types=int)
        for name in ("dev_a", "dev_x", "prod_a", "prod_x"):
            self.options.declare(name, desc="one coefficient per element")
        self.options.declare("dev_factor", default=None, allow_none=True, desc="initial development_factor per element (1)")
        self.options.declare("prod_factor", default=None, allow_none=True, desc="initial first_unit_factor per element (1)")

    def setup(self):
        n = self.options["num_elements"]
        self.add_input("dry_mass", val=np.ones(n), units="kg")
        for name, option in (("development_factor", "dev_factor"), ("first_unit_factor", "prod_factor")):
            val = np.ones(n) if self.options[option] is None else np.asarray(self.options[option], dtype=float)
            self.add_input(name, val=val, units="unitless", desc="product of TRANSCOST correction factors")
        self.add_output("development", val=np.ones(n), units="unitless", desc="work-years")
        self.add_output("first_unit", val=np.ones(n), units="unitless", desc="work-years")
        ar = np.arange(n)
        self.declare_partials(["development", "first_unit"], "dry_mass", rows=ar, cols=ar)
        self.declare_partials("development", "development_factor", rows=ar, cols=ar)
        self.declare_partials("first_unit", "first_unit_factor", rows=ar, cols=ar)

    def _coefficients(self):
        return [np.asarray(self.options[k], dtype=float) for k in ("dev_a", "dev_x", "prod_a", "prod_x")]

    def compute(self, inputs, outputs):
        dev_a, dev_x, prod_a, prod_x = self._coefficients()
        m = smooth_mass(inputs["dry_mass"])
        outputs["development"] = dev_a * m**dev_x * inputs["development_factor"]
        outputs["first_unit"] = prod_a * m**prod_x * inputs["first_unit_factor"]

    def compute_partials(self, inputs, partials):
        dev_a, dev_x, prod_a, prod_x = self._coefficients()
        m, dm = smooth_mass(inputs["dry_mass"]), smooth_mass_slope(inputs["dry_mass"])
        fd, fp = inputs["development_factor"], inputs["first_unit_factor"]
        partials["development", "dry_mass"] = dev_a * dev_x * m ** (dev_x - 1.0) * dm * fd
        partials["first_unit", "dry_mass"] = prod_a * prod_x * m ** (prod_x - 1.0) * dm * fp
        partials["development", "development_factor"] = dev_a * m**dev_x
        partials["first_unit", "first_unit_factor"] = prod_a * m**prod_x


def smooth_mass(mass):
    """``sqrt(M^2 + 1)`` [kg]: the mass a cost relationship sees, never zero."""
    return np.sqrt(mass * mass + 1.0)


def smooth_mass_slope(mass):
    return mass / np.sqrt(mass * mass + 1.0)

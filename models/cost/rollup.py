"""Development and first-unit cost of each cost item from its hardware elements, in dollars."""

from __future__ import annotations

import numpy as np
import openmdao.api as om


class CostRollup(om.ExplicitComponent):
    """``development_i = V_wyr sum_e k^H_e H_e + r_1999 (2 - 2^b) sum_e k^C_e C_e`` and
    ``first_unit_i = V_wyr sum_e k^F_e F_e + r_1999 (2^b - 1) sum_e k^C_e C_e`` over the elements
    ``e`` of item ``i``: TRANSCOST elements give development ``H`` and first unit ``F`` in
    work-years (``V_wyr`` base-year MUSD per work-year); AMCM elements give the cost ``C`` of one
    unit, development and first unit together, in FY1999 MUSD (``r_1999`` the inflation factor to
    the base year). AMCM's quantity law ``C(Q) = C Q^b`` splits it: the second unit adds
    ``C(2) - C(1) = (2^b - 1) C``, booked as the first unit (production), the rest
    ``2 C(1) - C(2)`` as development. Option ``amcm_quantity_exponent`` is ``b`` (0 books
    everything as development).

    Each element's relationship output enters through a unitless multiplier ``k`` (default 1: the
    relationship's own estimate), the hook of ``trades cost-risk``, which draws each multiplier from
    the relationship's published uncertainty.

    Option ``elements``: a list of ``(name, method, item_index)``; inputs are named
    ``<name>_development`` and ``<name>_first_unit`` (transcost) or ``<name>_cost`` (amcm), and
    their multipliers ``<name>_development_multiplier``, ``<name>_first_unit_multiplier``,
    ``<name>_cost_multiplier``.
    """

    def initialize(self):
        self.options.declare("num_items", types=int)
        self.options.declare("elements", types=list)
        self.options.declare("amcm_quantity_exponent", default=0.0, desc="AMCM's b (quantity exponent)")

    def setup(self):
        k = self.options["num_items"]
        self.add_input("work_year_value", val=0.0, units="MUSD")
        self.add_input("amcm_inflation", val=1.0, units="unitless", desc="FY1999 dollars to base-year dollars")
        self.add_output("development", val=np.zeros(k), units="MUSD")
        self.add_output("first_unit", val=np.zeros(k), units="MUSD")
        for name, method, item in self.options["elements"]:
            if method == "transcost":
                self.add_input(f"{name}_development", val=0.0, units="unitless", desc="work-years")
                self.add_input(f"{name}_first_unit", val=0.0, units="unitless", desc="work-years")
                for part in ("development", "first_unit"):
                    self.add_input(f"{name}_{part}_multiplier", val=1.0, units="unitless", desc="on the relationship's estimate")
                    self.declare_partials(part, [f"{name}_{part}", f"{name}_{part}_multiplier"], rows=[item], cols=[0])
            else:
                self.add_input(f"{name}_cost", val=0.0, units="MUSD", desc="FY1999 dollars")
                self.add_input(f"{name}_cost_multiplier", val=1.0, units="unitless", desc="on the relationship's estimate")
                self.declare_partials(["development", "first_unit"], [f"{name}_cost", f"{name}_cost_multiplier"], rows=[item], cols=[0])
        self.declare_partials(["development", "first_unit"], "work_year_value")
        self.declare_partials(["development", "first_unit"], "amcm_inflation")

    def _sums(self, inputs):
        k = self.options["num_items"]
        dtype = inputs["work_year_value"].dtype  # complex under complex-step checks
        dev_wyr, first_wyr, amcm = (np.zeros(k, dtype=dtype) for _ in range(3))
        for name, method, item in self.options["elements"]:
            if method == "transcost":
                dev_wyr[item] += inputs[f"{name}_development"][0] * inputs[f"{name}_development_multiplier"][0]
                first_wyr[item] += inputs[f"{name}_first_unit"][0] * inputs[f"{name}_first_unit_multiplier"][0]
            else:
                amcm[item] += inputs[f"{name}_cost"][0] * inputs[f"{name}_cost_multiplier"][0]
        return dev_wyr, first_wyr, amcm

    def _amcm_split(self):
        """Fractions of an AMCM cost booked as development and as first unit."""
        unit = 2.0 ** self.options["amcm_quantity_exponent"] - 1.0
        return 1.0 - unit, unit

    def compute(self, inputs, outputs):
        dev_wyr, first_wyr, amcm = self._sums(inputs)
        dev_share, unit_share = self._amcm_split()
        outputs["development"] = inputs["work_year_value"] * dev_wyr + inputs["amcm_inflation"] * dev_share * amcm
        outputs["first_unit"] = inputs["work_year_value"] * first_wyr + inputs["amcm_inflation"] * unit_share * amcm

    def compute_partials(self, inputs, partials):
        dev_wyr, first_wyr, amcm = self._sums(inputs)
        dev_share, unit_share = self._amcm_split()
        v, r = inputs["work_year_value"], inputs["amcm_inflation"]
        for name, method, _ in self.options["elements"]:
            if method == "transcost":
                for part in ("development", "first_unit"):
                    partials[part, f"{name}_{part}"] = v * inputs[f"{name}_{part}_multiplier"]
                    partials[part, f"{name}_{part}_multiplier"] = v * inputs[f"{name}_{part}"]
            else:
                for part, share in (("development", dev_share), ("first_unit", unit_share)):
                    partials[part, f"{name}_cost"] = r * share * inputs[f"{name}_cost_multiplier"]
                    partials[part, f"{name}_cost_multiplier"] = r * share * inputs[f"{name}_cost"]
        partials["development", "work_year_value"] = dev_wyr[:, None]
        partials["first_unit", "work_year_value"] = first_wyr[:, None]
        partials["development", "amcm_inflation"] = dev_share * amcm[:, None]
        partials["first_unit", "amcm_inflation"] = unit_share * amcm[:, None]

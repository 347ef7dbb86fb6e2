"""Consumables to deliver per year: food, make-up water and oxygen, after closure and ISRU, and
the other supplies, packed by class of supply."""

from __future__ import annotations

import numpy as np
import openmdao.api as om

SMOOTH_MIN_RELATIVE_WIDTH = 1e-3  # blending width as a fraction of a + b
SMOOTH_MIN_FLOOR = 1e-6  # kg, keeps the root away from zero when both terms vanish
CLASSES = ("dry", "liquid", "gas")  # classes of supply, each with its packing factor


def smooth_min(a, b):
    """Differentiable min(a, b) of non-negative masses: ``(a + b - sqrt((a - b)^2 + w^2)) / 2``.

    The width ``w = 1e-3 (a + b) + 1e-6`` makes the error at most 0.05 % of ``a + b`` (and
    below a milligram when both vanish) while keeping derivatives continuous. Complex-step safe.
    """
    width = SMOOTH_MIN_RELATIVE_WIDTH * (a + b) + SMOOTH_MIN_FLOOR
    return 0.5 * (a + b - np.sqrt((a - b) ** 2 + width**2))


class Consumables(om.ExplicitComponent):
    """Yearly resupply of consumables for the crew-days of each year, packed by class of supply.

        food  = D m_food
        water = D m_water (1 - c_w)
        O2    = D m_O2 (1 - c_o) - min(D m_O2 (1 - c_o), Q_isru)
        total = (food + dry)(1 + k_dry) + (water + liquid)(1 + k_liquid) + (O2 + gas)(1 + k_gas)

    ``D`` crew-member-days in the year, ``m_*`` per crew-member-day rates (NASA BVAD), ``c_w``
    and ``c_o`` water and oxygen closure, ``Q_isru`` ISRU oxygen available that year; ``dry``,
    ``liquid`` and ``gas`` the rest of the yearly supplies by class (crew provisions, life-support
    expendables and research cargo; EVA cooling water; cabin make-up gas and EVA oxygen: their own
    components) and ``k_*`` the packing mass per kg of each class (bags and racks for pressurized dry
    goods, tanks for liquids and gases; MIT SpaceNet's defaults, trades/catalogs/outpost.yaml). ISRU
    oxygen beyond the life-support need is reported as surplus (for propellant). The min is smoothed
    (:func:`smooth_min`).

    References
    ----------
    Anderson, Ewert & Keener (eds.), Life Support Baseline Values and Assumptions Document,
    NASA/TP-2015-218570/REV2 (2022), Table 3-31. MIT SpaceNet (space-logistics-org/spacenet),
    scenario ``Configuration``: generic packing factors per class of supply.
    """

    def initialize(self):
        self.options.declare("num_years", types=int)

    def setup(self):
        n = self.options["num_years"]
        self.add_input("crew_days", val=np.zeros(n), units="d")
        self.add_input("food_rate", val=0.0, units="kg/d")
        self.add_input("water_rate", val=0.0, units="kg/d")
        self.add_input("oxygen_rate", val=0.0, units="kg/d")
        self.add_input("water_closure", val=0.0, units="unitless")
        self.add_input("oxygen_closure", val=0.0, units="unitless")
        self.add_input("isru_oxygen_production", val=0.0, units="t/year", desc="ISRU plant oxygen output")
        self.add_input("isru_operating_year", val=np.zeros(n), units="unitless", desc="1 in years the plant runs")
        for kind in CLASSES:
            self.add_input(f"packaging_{kind}", val=0.0, units="unitless", desc=f"packing mass per kg of {kind} supplies")
            self.add_input(f"other_{kind}", val=np.zeros(n), units="kg", desc=f"other {kind} supplies per year, unpacked")
        self.add_output("food_mass", val=np.zeros(n), units="kg")
        self.add_output("water_mass", val=np.zeros(n), units="kg")
        self.add_output("oxygen_mass", val=np.zeros(n), units="kg")
        self.add_output("consumables_mass", val=np.zeros(n), units="kg", desc="packaged, per year")
        self.add_output("packaging_mass", val=np.zeros(n), units="kg", desc="packing (bags, racks, tanks) per year")
        self.add_output("isru_oxygen_surplus", val=np.zeros(n), units="kg", desc="ISRU O2 beyond life support")
        self.declare_partials("*", "*", method="cs")

    def compute(self, inputs, outputs):
        days = inputs["crew_days"]
        food = days * inputs["food_rate"]
        water = days * inputs["water_rate"] * (1.0 - inputs["water_closure"])
        oxygen_need = days * inputs["oxygen_rate"] * (1.0 - inputs["oxygen_closure"])
        isru = 1000.0 * inputs["isru_oxygen_production"] * inputs["isru_operating_year"]
        from_isru = smooth_min(oxygen_need, isru)
        oxygen = oxygen_need - from_isru
        outputs["food_mass"] = food
        outputs["water_mass"] = water
        outputs["oxygen_mass"] = oxygen
        net = {"dry": food + inputs["other_dry"], "liquid": water + inputs["other_liquid"], "gas": oxygen + inputs["other_gas"]}
        packing = sum(net[kind] * inputs[f"packaging_{kind}"] for kind in CLASSES)
        outputs["packaging_mass"] = packing
        outputs["consumables_mass"] = sum(net.values()) + packing
        outputs["isru_oxygen_surplus"] = isru - from_isru

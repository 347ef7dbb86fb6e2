"""ISRU oxygen plant: mass and power versus production."""

from __future__ import annotations

import openmdao.api as om

from openmdao.utils.units import convert_units

# kg/h per t/year, in OpenMDAO's own year (365.2422 d) so that unit conversions stay consistent
KG_PER_HOUR_PER_T_PER_YEAR = convert_units(1.0, "t/year", "kg/h")


class IsruPlant(om.ExplicitComponent):
    """Oxygen-from-regolith plant: ``m = alpha Q`` and ``P = e Q`` (Q in kg/h).

    ``Q`` is the oxygen production per year, ``alpha`` the plant mass per unit of yearly
    production and ``e`` the energy per kilogram of oxygen (catalog values, with sources).
    """

    def setup(self):
        self.add_input("oxygen_production", val=0.0, units="t/year")
        self.add_input("plant_specific_mass", val=1.0, units="kg*year/t")
        self.add_input("specific_energy", val=1.0, units="kW*h/kg")
        self.add_output("isru_plant_mass", val=0.0, units="kg")
        self.add_output("isru_power", val=0.0, units="kW")
        self.declare_partials("isru_plant_mass", ["oxygen_production", "plant_specific_mass"])
        self.declare_partials("isru_power", ["oxygen_production", "specific_energy"])

    def compute(self, inputs, outputs):
        q = inputs["oxygen_production"]
        outputs["isru_plant_mass"] = inputs["plant_specific_mass"] * q
        outputs["isru_power"] = inputs["specific_energy"] * q * KG_PER_HOUR_PER_T_PER_YEAR

    def compute_partials(self, inputs, partials):
        q = inputs["oxygen_production"]
        partials["isru_plant_mass", "oxygen_production"] = inputs["plant_specific_mass"]
        partials["isru_plant_mass", "plant_specific_mass"] = q
        partials["isru_power", "oxygen_production"] = inputs["specific_energy"] * KG_PER_HOUR_PER_T_PER_YEAR
        partials["isru_power", "specific_energy"] = q * KG_PER_HOUR_PER_T_PER_YEAR

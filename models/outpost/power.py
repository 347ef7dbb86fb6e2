"""Outpost electrical power: demand, and the mass of a solar or fission power system."""

from __future__ import annotations

import openmdao.api as om


class PowerDemand(om.ExplicitComponent):
    """Continuous electrical demand: ``P = n_crew p_crew + P_isru``.

    ``p_crew`` is the habitat's average power per crew member (catalog, from ISS average power
    over its crew) and ``P_isru`` the ISRU plant's draw.
    """

    def setup(self):
        self.add_input("crew_size", val=4.0, units="unitless")
        self.add_input("power_per_crew", val=1.0, units="kW", desc="average habitat power per crew member")
        self.add_input("isru_power", val=0.0, units="kW")
        self.add_output("power_demand", val=1.0, units="kW")
        self.declare_partials("power_demand", ["crew_size", "power_per_crew", "isru_power"])

    def compute(self, inputs, outputs):
        outputs["power_demand"] = inputs["crew_size"] * inputs["power_per_crew"] + inputs["isru_power"]

    def compute_partials(self, inputs, partials):
        partials["power_demand", "crew_size"] = inputs["power_per_crew"]
        partials["power_demand", "power_per_crew"] = inputs["crew_size"]
        partials["power_demand", "isru_power"] = 1.0


class PowerSystem(om.ExplicitComponent):
    """Mass of the power system that meets the demand at the site.

    Solar: the array delivers the average demand over the illumination cycle,
    ``P_array = P / f_sun``, and storage carries the load through the longest night,
    ``E = P t_night / DoD``; mass ``P_array / (sigma_array phi) + E / e_storage`` where
    ``phi`` is the solar flux at the site relative to 1 AU (1 near Earth and Moon, 0.43 at Mars).
    Storage round-trip losses are neglected (optimistic; stated in the model theory).
    Fission: ``m = P alpha_fission`` with a specific mass per kWe.

    References
    ----------
    Energy balance as in Wertz & Larson, SMAD 3rd ed., Sec. 11.4 (power subsystem sizing).
    Coefficients and their sources: trades/catalogs/outpost.yaml and sites.yaml.
    """

    def initialize(self):
        self.options.declare("source", values=["solar", "fission"], default="solar")

    def setup(self):
        self.add_input("power_demand", val=1.0, units="kW")
        self.add_input("illumination_fraction", val=1.0, units="unitless")
        self.add_input("longest_night", val=0.0, units="h")
        self.add_input("array_specific_power", val=1.0, units="W/kg", desc="at 1 AU")
        self.add_input("solar_flux_ratio", val=1.0, units="unitless", desc="solar flux at the site / at 1 AU")
        self.add_input("storage_specific_energy", val=1.0, units="W*h/kg")
        self.add_input("depth_of_discharge", val=1.0, units="unitless")
        self.add_input("fission_specific_mass", val=1.0, units="kg/kW")
        self.add_output("array_mass", val=0.0, units="kg")
        self.add_output("storage_mass", val=0.0, units="kg")
        self.add_output("power_system_mass", val=1000.0, units="kg")
        self.declare_partials("*", "*", method="cs")

    def compute(self, inputs, outputs):
        if self.options["source"] == "fission":
            outputs["array_mass"] = 0.0
            outputs["storage_mass"] = 0.0
            outputs["power_system_mass"] = inputs["power_demand"] * inputs["fission_specific_mass"]
            return
        demand_w = inputs["power_demand"] * 1000.0
        rated = inputs["array_specific_power"] * inputs["solar_flux_ratio"]
        outputs["array_mass"] = demand_w / inputs["illumination_fraction"] / rated
        outputs["storage_mass"] = demand_w * inputs["longest_night"] / inputs["depth_of_discharge"] / inputs["storage_specific_energy"]
        outputs["power_system_mass"] = outputs["array_mass"] + outputs["storage_mass"]

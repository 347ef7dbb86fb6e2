"""The outpost: habitat, ISRU plant, power and life support, and any catalog modules, summed into
its dry mass."""

from __future__ import annotations

import openmdao.api as om

from trades.models.outpost.habitat import HabitatSizing
from trades.models.outpost.isru import IsruPlant
from trades.models.outpost.life_support import LifeSupportHardware
from trades.models.outpost.module_power import ModulePowerSupply
from trades.models.outpost.modules import OutpostModules
from trades.models.outpost.power import PowerDemand, PowerSystem


class OutpostGroup(om.Group):
    """Habitat, ISRU, power and life support, and ``num_modules`` catalog modules
    (:class:`OutpostModules`), summed into the outpost's dry mass. With modules, the power system
    is sized for the load the modules' rated power leaves (:class:`ModulePowerSupply`)."""

    def initialize(self):
        self.options.declare("power_source", values=["solar", "fission"])
        self.options.declare("num_modules", types=int, default=0, lower=0, desc="catalog modules flown besides the sized parts")

    def setup(self):
        self.add_subsystem("habitat", HabitatSizing(), promotes_inputs=["crew_size"])
        self.add_subsystem("isru", IsruPlant(), promotes_inputs=[("oxygen_production", "isru_oxygen_production")])
        self.add_subsystem("power_demand", PowerDemand(), promotes_inputs=["crew_size"])
        if self.options["num_modules"]:  # before the power system it feeds (run order)
            self.add_subsystem("module_power", ModulePowerSupply(num_modules=self.options["num_modules"]))
        self.add_subsystem("power", PowerSystem(source=self.options["power_source"]))
        self.add_subsystem(
            "life_support", LifeSupportHardware(), promotes_inputs=["crew_size", "water_closure", "oxygen_closure"]
        )
        parts = ["habitat_mass", "power_system_mass", "life_support_mass", "isru_plant_mass"]
        if self.options["num_modules"]:
            self.add_subsystem("modules", OutpostModules(num_modules=self.options["num_modules"]))
            parts.append("modules_mass")
        total = om.AddSubtractComp()
        total.add_equation("outpost_dry_mass", parts, units="kg")
        self.add_subsystem("dry_mass", total, promotes_outputs=["outpost_dry_mass"])
        self.connect("isru.isru_power", "power_demand.isru_power")
        if self.options["num_modules"]:  # the modules' rated power first, the sized system the rest
            self.connect("power_demand.power_demand", "module_power.power_demand")
            self.connect("module_power.sized_power_demand", "power.power_demand")
        else:
            self.connect("power_demand.power_demand", "power.power_demand")
        self.connect("habitat.habitat_mass", "dry_mass.habitat_mass")
        self.connect("power.power_system_mass", "dry_mass.power_system_mass")
        self.connect("life_support.life_support_mass", "dry_mass.life_support_mass")
        self.connect("isru.isru_plant_mass", "dry_mass.isru_plant_mass")
        if self.options["num_modules"]:
            self.connect("modules.modules_mass", "dry_mass.modules_mass")

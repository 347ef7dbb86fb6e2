"""Power the outpost's catalog modules supply, and the load left for its sized power system."""

from __future__ import annotations

import numpy as np
import openmdao.api as om


class ModulePowerSupply(om.ExplicitComponent):
    """The load the sized power system must meet once the modules' rated power is used:

        P_sized   = max(0, P - sum_k P_k)
        P_surplus = max(0, sum_k P_k - P)

    ``P`` is the outpost's continuous demand (:class:`PowerDemand`) and ``P_k`` each catalog
    module's rated electrical power (zero for a module that supplies none). A module's rating is
    taken as a continuous supply to the outpost's loads: its own storage carries it through the
    site's nights, and its own uses of the power (a power and propulsion element's thrusters) are
    not deducted; both are assumptions, stated in docs/model.md. Power beyond the demand is the
    surplus, reported: it never makes the sized power system's mass or cost negative.

    The partials are those of each branch (at ``P = sum_k P_k`` exactly, the surplus branch's:
    the sized load's slope is zero there). Non-smooth at that point only.

    Options
    -------
    num_modules : int
        Number of catalog modules (at least 1).
    """

    def initialize(self):
        self.options.declare("num_modules", types=int, lower=1)

    def setup(self):
        k = self.options["num_modules"]
        self.add_input("power_demand", val=1.0, units="kW", desc="the outpost's continuous electrical demand")
        self.add_input("module_power", val=np.zeros(k), units="kW", desc="each module's rated electrical power (catalog; 0 if none)")
        self.add_output("sized_power_demand", val=1.0, units="kW", desc="the load the sized power system must meet")
        self.add_output("module_power_supplied", val=0.0, units="kW", desc="the modules' rated power together")
        self.add_output("power_surplus", val=0.0, units="kW", desc="the modules' power beyond the demand (reported, not credited)")
        self.declare_partials("sized_power_demand", ["power_demand", "module_power"])
        self.declare_partials("power_surplus", ["power_demand", "module_power"])
        self.declare_partials("module_power_supplied", "module_power", val=np.ones((1, k)))

    def compute(self, inputs, outputs):
        supplied = np.sum(inputs["module_power"])
        net = inputs["power_demand"] - supplied
        outputs["module_power_supplied"] = supplied
        outputs["sized_power_demand"] = np.maximum(net, 0.0)
        outputs["power_surplus"] = np.maximum(-net, 0.0)

    def compute_partials(self, inputs, partials):
        k = self.options["num_modules"]
        short = float((inputs["power_demand"] - np.sum(inputs["module_power"]))[0] > 0.0)  # 1 if the modules fall short
        partials["sized_power_demand", "power_demand"] = short
        partials["sized_power_demand", "module_power"] = np.full((1, k), -short)
        partials["power_surplus", "power_demand"] = short - 1.0
        partials["power_surplus", "module_power"] = np.full((1, k), 1.0 - short)

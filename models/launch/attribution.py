"""Mass in the launch orbit attributed to each cost item, so its provider pays its launches."""

from __future__ import annotations

import numpy as np
import openmdao.api as om


class LaunchMassByItem(om.ExplicitComponent):
    """``leo[i, y] = gear_y x payload[i, y] (+ crew lander stream for the crew lander item)``.

    The cargo stream's gear ratio ``gear_y = cargo_leo_y / delivered_y`` (mass in the launch orbit
    per kg delivered, 0 in years that deliver nothing) is exact for attribution because the stage
    chain is linear in its payload at fixed delta-v. ``payload[i, y]`` is
    ``deploy_mass_i x deploy_y`` for hardware delivered with the outpost and the year's consumables
    and spares for the logistics item. Hardware that reaches its orbit on its own propulsion from
    the launch orbit (a relay satellite) puts ``direct_leo_mass_i x deploy_y`` there instead.
    """

    def initialize(self):
        self.options.declare("num_items", types=int)
        self.options.declare("num_years", types=int)
        self.options.declare("logistics_item", types=int, default=None, allow_none=True)
        self.options.declare("crew_lander_item", types=int, default=None, allow_none=True)

    def setup(self):
        k, n = self.options["num_items"], self.options["num_years"]
        self.add_input("cargo_leo_mass", val=np.zeros(n), units="kg")
        self.add_input("delivered_mass", val=np.zeros(n), units="kg")
        self.add_input("deploy_mass", val=np.zeros(k), units="kg", desc="hardware delivered in the deployment year")
        self.add_input("deploy_year", val=np.zeros(n), units="unitless")
        self.add_input("logistics_mass", val=np.zeros(n), units="kg", desc="consumables and spares delivered")
        self.add_input("crew_lander_leo_mass", val=np.zeros(n), units="kg")
        self.add_input("direct_leo_mass", val=np.zeros(k), units="kg", desc="launched as it is, in the deployment year")
        self.add_output("leo_mass", val=np.zeros((k, n)), units="kg")
        self.declare_partials("leo_mass", ["cargo_leo_mass", "delivered_mass", "deploy_year"], rows=np.arange(k * n), cols=np.tile(np.arange(n), k))
        self.declare_partials("leo_mass", ["deploy_mass", "direct_leo_mass"], rows=np.arange(k * n), cols=np.repeat(np.arange(k), n))
        log = self.options["logistics_item"]
        if log is not None:
            self.declare_partials("leo_mass", "logistics_mass", rows=log * n + np.arange(n), cols=np.arange(n))
        lander = self.options["crew_lander_item"]
        if lander is not None:
            self.declare_partials("leo_mass", "crew_lander_leo_mass", rows=lander * n + np.arange(n), cols=np.arange(n), val=1.0)

    def _payload(self, inputs):
        payload = np.outer(inputs["deploy_mass"], inputs["deploy_year"])
        if self.options["logistics_item"] is not None:
            payload[self.options["logistics_item"]] += inputs["logistics_mass"]
        return payload

    def _gear(self, inputs):
        delivered = inputs["delivered_mass"]
        active = delivered > 1e-9
        safe = np.where(active, delivered, 1.0)
        return np.where(active, inputs["cargo_leo_mass"] / safe, 0.0), active, safe

    def compute(self, inputs, outputs):
        gear, _, _ = self._gear(inputs)
        leo = gear * self._payload(inputs) + np.outer(inputs["direct_leo_mass"], inputs["deploy_year"])
        if self.options["crew_lander_item"] is not None:
            leo[self.options["crew_lander_item"]] += inputs["crew_lander_leo_mass"]
        outputs["leo_mass"] = leo

    def compute_partials(self, inputs, partials):
        gear, active, safe = self._gear(inputs)
        payload = self._payload(inputs)
        partials["leo_mass", "cargo_leo_mass"] = (np.where(active, 1.0 / safe, 0.0) * payload).ravel()
        partials["leo_mass", "delivered_mass"] = (np.where(active, -inputs["cargo_leo_mass"] / safe**2, 0.0) * payload).ravel()
        partials["leo_mass", "deploy_year"] = (gear * inputs["deploy_mass"][:, None] + inputs["direct_leo_mass"][:, None]).ravel()
        partials["leo_mass", "direct_leo_mass"] = np.tile(inputs["deploy_year"], self.options["num_items"])
        partials["leo_mass", "deploy_mass"] = np.tile(gear * inputs["deploy_year"], self.options["num_items"])
        if self.options["logistics_item"] is not None:
            partials["leo_mass", "logistics_mass"] = gear

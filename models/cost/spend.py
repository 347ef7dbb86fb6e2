"""Yearly spend of each cost item: development phased over its years, production, operations,
crew transport bought per launch."""

from __future__ import annotations

import numpy as np
import openmdao.api as om


class OperationsCost(om.ExplicitComponent):
    """Ground, mission and sustaining operations while the outpost is crewed:
    ``ops_y = rate x crew_size x crewed_y`` (rate per crew position and year)."""

    def initialize(self):
        self.options.declare("num_years", types=int)

    def setup(self):
        n = self.options["num_years"]
        self.add_input("rate", val=1.0, units="MUSD", desc="per crew position and year")
        self.add_input("crew_size", val=4.0, units="unitless")
        self.add_input("crewed_year", val=np.zeros(n), units="unitless", desc="1 in crewed years")
        self.add_output("operations_cost", val=np.zeros(n), units="MUSD", desc="per year")
        ar = np.arange(n)
        self.declare_partials("operations_cost", ["rate", "crew_size"], rows=ar, cols=np.zeros(n, dtype=int))
        self.declare_partials("operations_cost", "crewed_year", rows=ar, cols=ar)

    def compute(self, inputs, outputs):
        outputs["operations_cost"] = inputs["rate"] * inputs["crew_size"] * inputs["crewed_year"]

    def compute_partials(self, inputs, partials):
        partials["operations_cost", "rate"] = inputs["crew_size"] * inputs["crewed_year"]
        partials["operations_cost", "crew_size"] = inputs["rate"] * inputs["crewed_year"]
        partials["operations_cost", "crewed_year"] = np.full(self.options["num_years"], inputs["rate"][0] * inputs["crew_size"][0])


class ItemSpend(om.ExplicitComponent):
    """Spend per cost item and year, in three parts (base-year MUSD).

    ``developed[i, y] = development_i x profile[i, y]`` is what a builder's cost factor and the
    coordination overhead scale; ``built[i, y] = production[i, y]`` what the cost factor alone
    scales (the overhead is a development penalty); ``bought[i, y] = crew_launch_attempts_y x
    crew_launch_price + crew_launch_operations_y [i = crew transport item] + purchases[i, y] + operations_y [i = ops item]``
    is paid as priced, with neither (crew transport per launch; ``purchases``: contract prices per
    item and year, e.g. a fixed-price contract paid over the development years; operations at
    their dollar rate per crew position: the cost factor is TRANSCOST's f8, which its source
    applies to development and production only). ``profile[i]`` is item ``i``'s development spend
    fraction of each year (sums to 1 over its development years).
    """

    def initialize(self):
        self.options.declare("num_items", types=int)
        self.options.declare("num_years", types=int)
        self.options.declare("operations_item", types=int, default=None, allow_none=True)
        self.options.declare("crew_transport_item", types=int, default=None, allow_none=True)

    def setup(self):
        k, n = self.options["num_items"], self.options["num_years"]
        self.add_input("development", val=np.zeros(k), units="MUSD")
        self.add_input("profile", val=np.zeros((k, n)), units="unitless", desc="development fraction of each item spent per year")
        self.add_input("production", val=np.zeros((k, n)), units="MUSD")
        self.add_input("operations_cost", val=np.zeros(n), units="MUSD")
        self.add_input("crew_launch_attempts", val=np.zeros(n), units="unitless")
        self.add_input("crew_launch_price", val=0.0, units="MUSD")
        self.add_input("crew_launch_operations", val=np.zeros(n), units="MUSD", desc="a government-operated crew launcher's operations, per year")
        self.add_input("purchases", val=np.zeros((k, n)), units="MUSD", desc="contract prices paid per item and year")
        self.add_output("developed", val=np.zeros((k, n)), units="MUSD")
        self.add_output("built", val=np.zeros((k, n)), units="MUSD")
        self.add_output("bought", val=np.zeros((k, n)), units="MUSD")
        flat = np.arange(k * n)
        self.declare_partials("developed", "development", rows=flat, cols=flat // n)
        self.declare_partials("developed", "profile", rows=flat, cols=flat)
        self.declare_partials("built", "production", rows=flat, cols=flat, val=1.0)
        self.declare_partials("bought", "purchases", rows=flat, cols=flat, val=1.0)
        ops = self.options["operations_item"]
        if ops is not None:
            self.declare_partials("bought", "operations_cost", rows=ops * n + np.arange(n), cols=np.arange(n), val=1.0)
        crew = self.options["crew_transport_item"]
        if crew is not None:
            self.declare_partials("bought", "crew_launch_attempts", rows=crew * n + np.arange(n), cols=np.arange(n))
            self.declare_partials("bought", "crew_launch_price", rows=crew * n + np.arange(n), cols=np.zeros(n, dtype=int))
            self.declare_partials("bought", "crew_launch_operations", rows=crew * n + np.arange(n), cols=np.arange(n), val=1.0)

    def compute(self, inputs, outputs):
        outputs["developed"] = inputs["development"][:, None] * inputs["profile"]
        built = inputs["production"].copy()
        bought = np.array(inputs["purchases"], dtype=built.dtype)
        if self.options["operations_item"] is not None:
            bought[self.options["operations_item"]] += inputs["operations_cost"]
        if self.options["crew_transport_item"] is not None:
            bought[self.options["crew_transport_item"]] += (inputs["crew_launch_attempts"] * inputs["crew_launch_price"]
                                                            + inputs["crew_launch_operations"])
        outputs["built"], outputs["bought"] = built, bought

    def compute_partials(self, inputs, partials):
        k = self.options["num_items"]
        partials["developed", "development"] = inputs["profile"].ravel()
        partials["developed", "profile"] = np.repeat(inputs["development"], self.options["num_years"])
        if self.options["crew_transport_item"] is not None:
            partials["bought", "crew_launch_attempts"] = np.full(self.options["num_years"], inputs["crew_launch_price"][0])
            partials["bought", "crew_launch_price"] = inputs["crew_launch_attempts"]

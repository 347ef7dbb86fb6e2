"""Flights each launch vehicle makes per year, and the chance that every launch succeeds."""

from __future__ import annotations

import numpy as np
import openmdao.api as om


class VehicleFlights(om.ExplicitComponent):
    """Flights per year of the cargo and the crew vehicle, and the campaign's launch success.

        F_cargo = N_cargo + s N_crew,   F_crew = N_crew + s N_cargo,   P = P_cargo P_crew

    ``N`` launches per year of each stream, ``s`` 1 when one vehicle flies both cargo and crews
    (its flights add up against its flight-rate limit), else 0; ``P`` the probability that every
    launch of the campaign succeeds (independent launches). Without crew launches the crew terms
    are absent. The limits themselves are constraints set by the toolkit from the catalog.

    A refuelled crew lander's launches ``N_lander`` (its tankers and itself, on its provider's
    launcher; option ``lander_vehicle``) add to the cargo vehicle's flights (``'cargo'``), the crew
    vehicle's (``'crew'``) or make the flights of a vehicle of their own (``'own'``:
    ``F_lander = N_lander``), and ``P`` is multiplied by their success probability.
    """

    def initialize(self):
        self.options.declare("num_years", types=int)
        self.options.declare("crew_launches", types=bool, default=True, desc="a crew vehicle flies crews")
        self.options.declare("same_vehicle", types=bool, default=False, desc="one vehicle flies cargo and crews")
        self.options.declare("lander_vehicle", default=None, values=[None, "cargo", "crew", "own"],
                             desc="whose flights a refuelled crew lander's launches add to: the cargo vehicle's, the crew "
                                  "vehicle's or a vehicle of their own (None: no such launches)")

    def setup(self):
        n, crew = self.options["num_years"], self.options["crew_launches"]
        ar = np.arange(n)
        self.add_input("cargo_launches", val=np.zeros(n), units="unitless")
        self.add_input("cargo_success_probability", val=1.0, units="unitless")
        self.add_output("cargo_vehicle_flights", val=np.zeros(n), units="1/year", desc="flights of the cargo vehicle per year")
        self.add_output("all_launches_succeed", val=1.0, units="unitless", desc="probability that every launch succeeds")
        self.declare_partials("cargo_vehicle_flights", "cargo_launches", rows=ar, cols=ar, val=1.0)
        self.declare_partials("all_launches_succeed", "cargo_success_probability")
        if crew:
            self.add_input("crew_launches", val=np.zeros(n), units="unitless")
            self.add_input("crew_success_probability", val=1.0, units="unitless")
            self.add_output("crew_vehicle_flights", val=np.zeros(n), units="1/year", desc="flights of the crew vehicle per year")
            self.declare_partials("crew_vehicle_flights", "crew_launches", rows=ar, cols=ar, val=1.0)
            self.declare_partials("all_launches_succeed", "crew_success_probability")
            if self.options["same_vehicle"]:
                self.declare_partials("cargo_vehicle_flights", "crew_launches", rows=ar, cols=ar, val=1.0)
                self.declare_partials("crew_vehicle_flights", "cargo_launches", rows=ar, cols=ar, val=1.0)
        lander = self.options["lander_vehicle"]
        if lander is not None:
            self.add_input("lander_launches", val=np.zeros(n), units="unitless", desc="a refuelled crew lander's launches per year")
            self.add_input("lander_success_probability", val=1.0, units="unitless")
            self.declare_partials("all_launches_succeed", "lander_success_probability")
            if lander == "own":
                self.add_output("lander_vehicle_flights", val=np.zeros(n), units="1/year",
                                desc="flights of the refuelled crew lander's launcher per year")
                self.declare_partials("lander_vehicle_flights", "lander_launches", rows=ar, cols=ar, val=1.0)
            else:  # they add to the flights of the vehicle they share (and of the other one when it flies both)
                shared = {"cargo_vehicle_flights", "crew_vehicle_flights"} if self.options["same_vehicle"] else {f"{lander}_vehicle_flights"}
                for output in sorted(shared):
                    self.declare_partials(output, "lander_launches", rows=ar, cols=ar, val=1.0)

    def compute(self, inputs, outputs):
        cargo, p_cargo = inputs["cargo_launches"], inputs["cargo_success_probability"]
        outputs["cargo_vehicle_flights"] = cargo
        outputs["all_launches_succeed"] = p_cargo
        if self.options["crew_launches"]:
            crew = inputs["crew_launches"]
            same = 1.0 if self.options["same_vehicle"] else 0.0
            outputs["cargo_vehicle_flights"] = cargo + same * crew
            outputs["crew_vehicle_flights"] = crew + same * cargo
            outputs["all_launches_succeed"] = p_cargo * inputs["crew_success_probability"]
        lander = self.options["lander_vehicle"]
        if lander is not None:
            launches = inputs["lander_launches"]
            if lander == "own":
                outputs["lander_vehicle_flights"] = launches
            else:
                shared = ("cargo", "crew") if self.options["same_vehicle"] else (lander,)
                for name in shared:
                    outputs[f"{name}_vehicle_flights"] += launches
            outputs["all_launches_succeed"] *= inputs["lander_success_probability"]

    def compute_partials(self, inputs, partials):
        terms = {"cargo_success_probability": inputs["cargo_success_probability"]}
        if self.options["crew_launches"]:
            terms["crew_success_probability"] = inputs["crew_success_probability"]
        if self.options["lander_vehicle"] is not None:
            terms["lander_success_probability"] = inputs["lander_success_probability"]
        for name in terms:  # d(prod)/d(p_k) = product of the others
            partials["all_launches_succeed", name] = np.prod([v for k, v in terms.items() if k != name] or [1.0])

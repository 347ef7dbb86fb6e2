"""Mass to deliver to the destination per year: elements, spares and consumables."""

from __future__ import annotations

import numpy as np
import openmdao.api as om


class DeliveryManifest(om.ExplicitComponent):
    """Yearly mass delivered to the outpost.

        spares_y   = k_spares M_dry o_y
        delivery_y = M_dry d_y + spares_y + consumables_y + propellant_y
        flights_y  = delivery_y / m_lander

    ``M_dry`` the outpost hardware (habitat, power, life support, ISRU), ``d_y`` 1 in the
    deployment year, ``o_y`` 1 in the years after it (operating), ``k_spares`` the yearly spares
    fraction of hardware mass, ``propellant_y`` the station-keeping propellant of the year
    (:class:`~trades.models.logistics.station_keeping.StationKeepingPropellant`; delivered in tanks,
    not packaged) and ``m_lander`` the payload of one cargo flight. Flights are a continuous count
    for derivatives; reports round them up.
    """

    def initialize(self):
        self.options.declare("num_years", types=int)

    def setup(self):
        n = self.options["num_years"]
        self.add_input("outpost_dry_mass", val=1.0, units="kg")
        self.add_input("deploy_year", val=np.zeros(n), units="unitless", desc="1 in the deployment year")
        self.add_input("operating_year", val=np.zeros(n), units="unitless", desc="1 once deployed and in use")
        self.add_input("spares_fraction", val=0.0, units="1/year")
        self.add_input("consumables_mass", val=np.zeros(n), units="kg")
        self.add_input("station_keeping_propellant", val=np.zeros(n), units="kg", desc="station-keeping propellant per year")
        self.add_input("cargo_flight_payload", val=1.0, units="kg")
        self.add_output("spares_mass", val=np.zeros(n), units="kg")
        self.add_output("delivered_mass", val=np.zeros(n), units="kg", desc="mass delivered per year")
        self.add_output("cargo_flights", val=np.zeros(n), units="unitless")
        ar = np.arange(n)
        zeros = np.zeros(n, dtype=int)
        for out in ("spares_mass", "delivered_mass", "cargo_flights"):
            self.declare_partials(out, ["outpost_dry_mass", "spares_fraction"], rows=ar, cols=zeros)
            self.declare_partials(out, "operating_year", rows=ar, cols=ar)
        for out in ("delivered_mass", "cargo_flights"):
            self.declare_partials(out, ["deploy_year", "consumables_mass", "station_keeping_propellant"], rows=ar, cols=ar)
        self.declare_partials("cargo_flights", "cargo_flight_payload", rows=ar, cols=zeros)

    def compute(self, inputs, outputs):
        dry = inputs["outpost_dry_mass"]
        spares = inputs["spares_fraction"] * dry * inputs["operating_year"]
        delivered = dry * inputs["deploy_year"] + spares + inputs["consumables_mass"] + inputs["station_keeping_propellant"]
        outputs["spares_mass"] = spares
        outputs["delivered_mass"] = delivered
        outputs["cargo_flights"] = delivered / inputs["cargo_flight_payload"]

    def compute_partials(self, inputs, partials):
        dry, k = inputs["outpost_dry_mass"], inputs["spares_fraction"]
        o, d = inputs["operating_year"], inputs["deploy_year"]
        m = inputs["cargo_flight_payload"]
        d_spares = {"outpost_dry_mass": k * o, "spares_fraction": dry * o, "operating_year": k * dry * np.ones_like(o)}
        d_delivered = dict(d_spares)
        d_delivered["outpost_dry_mass"] = k * o + d
        d_delivered["deploy_year"] = dry * np.ones_like(d)
        d_delivered["consumables_mass"] = np.ones_like(d)
        d_delivered["station_keeping_propellant"] = np.ones_like(d)
        for name, value in d_spares.items():
            partials["spares_mass", name] = value
        for name, value in d_delivered.items():
            partials["delivered_mass", name] = value
            partials["cargo_flights", name] = value / m
        delivered = dry * d + k * dry * o + inputs["consumables_mass"] + inputs["station_keeping_propellant"]
        partials["cargo_flights", "cargo_flight_payload"] = -delivered / m**2

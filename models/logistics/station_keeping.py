"""Propellant a station in low Earth orbit needs each year against atmospheric drag (reboost,
attitude control and debris avoidance), delivered like the rest of its logistics."""

from __future__ import annotations

import numpy as np
import openmdao.api as om


class StationKeepingPropellant(om.ExplicitComponent):
    """Station-keeping propellant per year: ``m_y = k_sk M_dry o_y``.

    ``M_dry`` the station's dry mass, ``k_sk`` the yearly propellant per kg of station and ``o_y`` 1
    in the years the station is in orbit after its deployment. The drag impulse a station must make
    up scales with its drag area, not its mass; a ratio to mass holds for a station of the reference
    station's mass per drag area (ballistic coefficient), at its altitude and over the same phase of
    the solar cycle. Outside that class (another altitude, a station without drag) the caller sets
    ``k_sk`` to 0.

    References
    ----------
    ``k_sk`` and its source: the ISS's propellant delivered by Progress over the ISS's mass,
    trades/catalogs/outpost.yaml ``iss_station_keeping_propellant_kg_per_year`` and
    ``iss_station_mass_kg`` (trades/architecture/logistics_inputs.py).
    """

    def initialize(self):
        self.options.declare("num_years", types=int)

    def setup(self):
        n = self.options["num_years"]
        self.add_input("outpost_dry_mass", val=1.0, units="kg")
        self.add_input("propellant_fraction", val=0.0, units="1/year", desc="station-keeping propellant per year per kg of station")
        self.add_input("operating_year", val=np.zeros(n), units="unitless", desc="1 once deployed and in orbit")
        self.add_output("propellant_mass", val=np.zeros(n), units="kg", desc="station-keeping propellant to deliver per year")
        ar, zeros = np.arange(n), np.zeros(n, dtype=int)
        self.declare_partials("propellant_mass", ["outpost_dry_mass", "propellant_fraction"], rows=ar, cols=zeros)
        self.declare_partials("propellant_mass", "operating_year", rows=ar, cols=ar)

    def compute(self, inputs, outputs):
        outputs["propellant_mass"] = inputs["propellant_fraction"] * inputs["outpost_dry_mass"] * inputs["operating_year"]

    def compute_partials(self, inputs, partials):
        k, dry, o = inputs["propellant_fraction"], inputs["outpost_dry_mass"], inputs["operating_year"]
        partials["propellant_mass", "outpost_dry_mass"] = k * o
        partials["propellant_mass", "propellant_fraction"] = dry * o
        partials["propellant_mass", "operating_year"] = np.full(self.options["num_years"], (k * dry)[0])

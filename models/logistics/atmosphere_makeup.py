"""Cabin gas lost by leakage and made up from supplies, per year."""

from __future__ import annotations

import numpy as np
import openmdao.api as om

DAYS_PER_YEAR = 365.25


class AtmosphereMakeup(om.ExplicitComponent):
    """Make-up gas (nitrogen and oxygen) for cabin leakage: ``m_y = f rho V 365.25 d o_y``.

    ``f`` is the fraction of the cabin's gas mass lost per day, ``rho`` the cabin gas density,
    ``V`` the pressurized volume and ``o_y`` 1 in the years the habitat is in use. Leaked gas is
    not recovered, so life-support closure does not reduce it.

    References
    ----------
    Leak fraction, density and their sources: trades/catalogs/life_support.yaml.
    """

    def initialize(self):
        self.options.declare("num_years", types=int)

    def setup(self):
        n = self.options["num_years"]
        self.add_input("pressurized_volume", val=1.0, units="m**3")
        self.add_input("atmosphere_density", val=1.0, units="kg/m**3")
        self.add_input("leak_rate", val=0.0, units="1/d", desc="fraction of the cabin gas mass lost per day")
        self.add_input("operating_year", val=np.zeros(n), units="unitless", desc="1 in years the habitat is in use")
        self.add_output("makeup_gas_mass", val=np.zeros(n), units="kg", desc="gas to deliver per year")
        ar, zeros = np.arange(n), np.zeros(n, dtype=int)
        self.declare_partials("makeup_gas_mass", ["pressurized_volume", "atmosphere_density", "leak_rate"], rows=ar, cols=zeros)
        self.declare_partials("makeup_gas_mass", "operating_year", rows=ar, cols=ar)

    def compute(self, inputs, outputs):
        per_year = inputs["leak_rate"] * inputs["atmosphere_density"] * inputs["pressurized_volume"] * DAYS_PER_YEAR
        outputs["makeup_gas_mass"] = per_year * inputs["operating_year"]

    def compute_partials(self, inputs, partials):
        f, rho, vol = inputs["leak_rate"], inputs["atmosphere_density"], inputs["pressurized_volume"]
        o = inputs["operating_year"] * DAYS_PER_YEAR
        partials["makeup_gas_mass", "leak_rate"] = rho * vol * o
        partials["makeup_gas_mass", "atmosphere_density"] = f * vol * o
        partials["makeup_gas_mass", "pressurized_volume"] = f * rho * o
        partials["makeup_gas_mass", "operating_year"] = np.full(self.options["num_years"], (f * rho * vol * DAYS_PER_YEAR)[0])

"""Crew provisions per year: hygiene consumables, clothing and per-stay personal items."""

from __future__ import annotations

import numpy as np
import openmdao.api as om


class CrewProvisions(om.ExplicitComponent):
    """Crew provisions: ``m_y = D_y (r_hyg + m_cloth / t_cloth) + n_crew R_y m_stay``.

    ``D_y`` crew-member-days and ``R_y`` crew rotations of the year, ``r_hyg`` hygiene consumables
    per crew-member-day, ``m_cloth`` the mass of one change of clothing worn ``t_cloth`` days (no
    laundry), ``m_stay`` the hygiene kit and personal items each crew member brings per stay.
    None of it is recovered, so closure does not apply.

    References
    ----------
    Rates and their source: trades/catalogs/life_support.yaml.
    """

    def initialize(self):
        self.options.declare("num_years", types=int)

    def setup(self):
        n = self.options["num_years"]
        self.add_input("crew_days", val=np.zeros(n), units="d")
        self.add_input("crew_rotations", val=np.zeros(n), units="unitless")
        self.add_input("crew_size", val=4.0, units="unitless")
        self.add_input("hygiene_rate", val=0.0, units="kg/d", desc="hygiene consumables per crew-member-day")
        self.add_input("clothing_per_change", val=0.0, units="kg")
        self.add_input("clothing_change_days", val=1.0, units="d", desc="days one change of clothing is worn")
        self.add_input("items_per_stay", val=0.0, units="kg", desc="hygiene kit and personal items per crew member and stay")
        self.add_output("provisions_mass", val=np.zeros(n), units="kg", desc="crew provisions per year")
        ar, zeros = np.arange(n), np.zeros(n, dtype=int)
        self.declare_partials("provisions_mass", ["crew_days", "crew_rotations"], rows=ar, cols=ar)
        scalars = ["crew_size", "hygiene_rate", "clothing_per_change", "clothing_change_days", "items_per_stay"]
        self.declare_partials("provisions_mass", scalars, rows=ar, cols=zeros)

    def compute(self, inputs, outputs):
        daily = inputs["hygiene_rate"] + inputs["clothing_per_change"] / inputs["clothing_change_days"]
        per_stay = inputs["crew_size"] * inputs["items_per_stay"]
        outputs["provisions_mass"] = inputs["crew_days"] * daily + inputs["crew_rotations"] * per_stay

    def compute_partials(self, inputs, partials):
        n = self.options["num_years"]
        days, rotations = inputs["crew_days"], inputs["crew_rotations"]
        cloth, life = inputs["clothing_per_change"], inputs["clothing_change_days"]
        daily = inputs["hygiene_rate"] + cloth / life
        partials["provisions_mass", "crew_days"] = np.full(n, daily[0])
        partials["provisions_mass", "crew_rotations"] = np.full(n, (inputs["crew_size"] * inputs["items_per_stay"])[0])
        partials["provisions_mass", "crew_size"] = rotations * inputs["items_per_stay"]
        partials["provisions_mass", "items_per_stay"] = rotations * inputs["crew_size"]
        partials["provisions_mass", "hygiene_rate"] = days
        partials["provisions_mass", "clothing_per_change"] = days / life
        partials["provisions_mass", "clothing_change_days"] = -days * cloth / life**2

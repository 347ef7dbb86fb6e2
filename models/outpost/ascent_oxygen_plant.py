"""Oxygen plant that makes a Mars ascent vehicle's oxidizer on the surface, and what then lands."""

from __future__ import annotations

import openmdao.api as om

HOURS_PER_DAY = 24.0


class AscentOxygenPlant(om.ExplicitComponent):
    """The ascent vehicle's oxidizer made on Mars between its landing and its ascent.

    With ``p`` the propellant loaded in the ascent stage (burned and boiled off) and ``r`` its
    oxidizer-to-fuel mass ratio, the plant makes the oxygen ``m_O = p r / (1 + r)`` in the
    production time ``t`` [d], at the rate ``Q = m_O / (24 t)`` [kg/h]; the plant weighs
    ``m_p = alpha Q`` and draws ``P = e Q`` [kW], supplied by a power system of ``m_s = s P``.
    What lands is the vehicle with its fuel only, the plant and its power system:

        m_landed = m_MAV - m_O + m_p + m_s

    ``alpha`` (plant mass per production rate), ``e`` (energy per kg of oxygen) and ``s`` (power
    system mass per kW) are catalog values with their sources; analytic partials.

    References
    ----------
    MOXIE scaled up (about 1 t and 25 kW for 2 kg/h of oxygen): Hoffman, Hecht, Rapp et al., "Mars
    Oxygen ISRU Experiment (MOXIE) - Preparing for human Mars exploration", Science Advances 8
    (2022), read in a secondary summary (trades/catalogs/outpost.yaml); fission power 150 kg/kWe
    (NASA GRC Fission Surface Power request). See docs/model.md, Mars ascent and descent vehicles.
    """

    def setup(self):
        self.add_input("propellant_mass", val=1.0, units="kg", desc="propellant loaded in the ascent stage")
        self.add_input("vehicle_mass", val=1.0, units="kg", desc="ascent vehicle fully fuelled (as the stage sizes it)")
        self.add_input("mixture_ratio", val=3.6, units="unitless", desc="oxidizer-to-fuel mass ratio")
        self.add_input("production_time", val=1.0, units="d", desc="time from the vehicle's landing to its ascent")
        self.add_input("plant_mass_per_rate", val=1.0, units="kg/(kg/h)", desc="plant mass per kg/h of oxygen")
        self.add_input("specific_energy", val=1.0, units="kW*h/kg", desc="plant energy per kg of oxygen")
        self.add_input("power_specific_mass", val=1.0, units="kg/kW", desc="power system mass per kW")
        self.add_output("oxygen_mass", val=1.0, units="kg", desc="oxidizer made on Mars")
        self.add_output("production_rate", val=1.0, units="kg/h", desc="plant oxygen output")
        self.add_output("plant_mass", val=1.0, units="kg", desc="oxygen plant mass")
        self.add_output("plant_power", val=1.0, units="kW", desc="plant power demand")
        self.add_output("power_system_mass", val=1.0, units="kg", desc="mass of the plant's power system")
        self.add_output("landed_mass", val=1.0, units="kg", desc="ascent vehicle with its fuel only, plant and power system")
        self.declare_partials("oxygen_mass", ["propellant_mass", "mixture_ratio"])
        rate_inputs = ["propellant_mass", "mixture_ratio", "production_time"]
        self.declare_partials("production_rate", rate_inputs)
        self.declare_partials("plant_mass", rate_inputs + ["plant_mass_per_rate"])
        self.declare_partials("plant_power", rate_inputs + ["specific_energy"])
        self.declare_partials("power_system_mass", rate_inputs + ["specific_energy", "power_specific_mass"])
        self.declare_partials("landed_mass", ["vehicle_mass"] + rate_inputs + ["plant_mass_per_rate", "specific_energy", "power_specific_mass"])

    def compute(self, inputs, outputs):
        p, r, t = inputs["propellant_mass"], inputs["mixture_ratio"], inputs["production_time"]
        alpha, e, s = inputs["plant_mass_per_rate"], inputs["specific_energy"], inputs["power_specific_mass"]
        oxygen = p * r / (1.0 + r)
        rate = oxygen / (HOURS_PER_DAY * t)
        outputs["oxygen_mass"] = oxygen
        outputs["production_rate"] = rate
        outputs["plant_mass"] = alpha * rate
        outputs["plant_power"] = e * rate
        outputs["power_system_mass"] = s * e * rate
        outputs["landed_mass"] = inputs["vehicle_mass"] - oxygen + (alpha + s * e) * rate

    def compute_partials(self, inputs, partials):
        p, r, t = inputs["propellant_mass"], inputs["mixture_ratio"], inputs["production_time"]
        alpha, e, s = inputs["plant_mass_per_rate"], inputs["specific_energy"], inputs["power_specific_mass"]
        share = r / (1.0 + r)
        dshare_dr = 1.0 / (1.0 + r) ** 2
        oxygen = p * share
        rate = oxygen / (HOURS_PER_DAY * t)
        drate = {"propellant_mass": share / (HOURS_PER_DAY * t), "mixture_ratio": p * dshare_dr / (HOURS_PER_DAY * t),
                 "production_time": -rate / t}
        doxygen = {"propellant_mass": share, "mixture_ratio": p * dshare_dr, "production_time": 0.0}
        partials["oxygen_mass", "propellant_mass"] = share
        partials["oxygen_mass", "mixture_ratio"] = p * dshare_dr
        per_rate = alpha + s * e
        for name, d in drate.items():
            partials["production_rate", name] = d
            partials["plant_mass", name] = alpha * d
            partials["plant_power", name] = e * d
            partials["power_system_mass", name] = s * e * d
            partials["landed_mass", name] = -doxygen[name] + per_rate * d
        partials["plant_mass", "plant_mass_per_rate"] = rate
        partials["plant_power", "specific_energy"] = rate
        partials["power_system_mass", "specific_energy"] = s * rate
        partials["power_system_mass", "power_specific_mass"] = e * rate
        partials["landed_mass", "vehicle_mass"] = 1.0
        partials["landed_mass", "plant_mass_per_rate"] = rate
        partials["landed_mass", "specific_energy"] = s * rate
        partials["landed_mass", "power_specific_mass"] = e * rate

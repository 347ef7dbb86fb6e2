"""Habitat habitable and pressurized volume from crew size and stay, and its mass from the volume."""

from __future__ import annotations

import numpy as np
import openmdao.api as om

DAYS_PER_MONTH = 30.0  # the duration axis of the volume curve is in months of 30 d


class HabitatSizing(om.ExplicitComponent):
    """Habitat volume from crew and stay, mass from pressurized volume.

        tau = t_stay / 30 d                                  months on the volume curve
        v_h = c0 + c1 tau + c2 tau^2 + c3 tau^3   (t_stay <= t_end)   habitable volume per crew member
        v_h = v_long                              (t_stay >  t_end)
        V_h = n_crew v_h,   V = k V_h                         habitable, pressurized volume
        m   = a (V / 1 m^3)^b                                 habitat mass

    Up to ``t_end`` = 6 months ``v_h`` is the 'performance' curve of habitable volume per crew
    member against mission duration (Celentano, Amorelli & Freeman 1963, as adopted in
    NASA-STD-3000), a cubic in months. Longer stays take ``v_long``, the bottom-up minimum net
    habitable volume per crew member for long-duration (over 180 days) exploration missions
    (Stromgren et al. 2020), which does not vary with duration; the volume steps up at ``t_end``.
    ``k`` is the ISS ratio of pressurized to habitable volume and ``a``, ``b`` Heineman's
    crew-module mass against pressurized volume. Coefficients, sources and ranges:
    trades/catalogs/outpost.yaml; the model theory states where each was read.

    References
    ----------
    NASA-STD-3000 Rev. B, Man-Systems Integration Standards (1995), Fig. 8.6.2.1-1.
    Stromgren, Burke, Cho, Calderon & Rucker, 'Defining the Required Net Habitable Volume for
    Long-Duration Exploration Missions', IEEE Aerospace Conference 2020 (NTRS 20200002973), Table 16.
    Heineman, 'Mass Estimation and Forecasting for Aerospace Vehicles Based on Historical Data',
    NASA JSC-26098 (1994), p. 20.
    """

    def setup(self):
        self.add_input("crew_size", val=4.0, units="unitless")
        self.add_input("stay_days", val=180.0, units="d", desc="length of one crew stay")
        self.add_input("volume_curve", val=np.zeros(4), units="m**3",
                       desc="c0..c3 of habitable volume per crew member, cubic in months")
        self.add_input("curve_end", val=180.0, units="d", desc="longest stay on the volume curve")
        self.add_input("long_stay_volume", val=1.0, units="m**3",
                       desc="habitable volume per crew member for stays longer than curve_end")
        self.add_input("pressurized_per_habitable", val=1.0, units="unitless")
        self.add_input("mass_coefficient", val=1.0, units="kg", desc="a in m = a (V / 1 m^3)^b")
        self.add_input("mass_exponent", val=1.0, units="unitless", desc="b in m = a (V / 1 m^3)^b")
        self.add_output("habitable_volume_per_crew", val=1.0, units="m**3")
        self.add_output("habitable_volume", val=1.0, units="m**3")
        self.add_output("pressurized_volume", val=1.0, units="m**3")
        self.add_output("habitat_mass", val=1.0, units="kg")
        curve = ["stay_days", "volume_curve", "curve_end", "long_stay_volume"]
        self.declare_partials("habitable_volume_per_crew", curve)
        self.declare_partials("habitable_volume", ["crew_size"] + curve)
        self.declare_partials(["pressurized_volume", "habitat_mass"], ["crew_size", "pressurized_per_habitable"] + curve)
        self.declare_partials("habitat_mass", ["mass_coefficient", "mass_exponent"])

    def _curve(self, inputs):
        """Volume per crew member and its derivatives by stay, curve coefficients and long-stay volume."""
        stay, end = inputs["stay_days"][0], inputs["curve_end"][0]
        if stay > end:  # a long stay: the long-duration volume, which does not vary with the stay
            return float(inputs["long_stay_volume"][0]), {"stay_days": 0.0, "curve_end": 0.0,
                                                          "volume_curve": np.zeros(4), "long_stay_volume": 1.0}
        tau = stay / DAYS_PER_MONTH
        powers = tau ** np.arange(4)
        c = inputs["volume_curve"]
        slope = (c[1] + 2.0 * c[2] * tau + 3.0 * c[3] * tau**2) / DAYS_PER_MONTH
        return float(c @ powers), {"stay_days": slope, "curve_end": 0.0, "volume_curve": powers, "long_stay_volume": 0.0}

    def compute(self, inputs, outputs):
        v, _ = self._curve(inputs)
        habitable = inputs["crew_size"] * v
        pressurized = inputs["pressurized_per_habitable"] * habitable
        outputs["habitable_volume_per_crew"] = v
        outputs["habitable_volume"] = habitable
        outputs["pressurized_volume"] = pressurized
        outputs["habitat_mass"] = inputs["mass_coefficient"] * pressurized ** inputs["mass_exponent"]

    def compute_partials(self, inputs, partials):
        v, d_v = self._curve(inputs)
        n, k = inputs["crew_size"][0], inputs["pressurized_per_habitable"][0]
        a, b = inputs["mass_coefficient"][0], inputs["mass_exponent"][0]
        pressurized = k * n * v
        dm_dvol = a * b * pressurized ** (b - 1.0)
        for name, value in d_v.items():
            partials["habitable_volume_per_crew", name] = value
            partials["habitable_volume", name] = n * value
            partials["pressurized_volume", name] = k * n * value
            partials["habitat_mass", name] = dm_dvol * k * n * value
        partials["habitable_volume", "crew_size"] = v
        partials["pressurized_volume", "crew_size"] = k * v
        partials["pressurized_volume", "pressurized_per_habitable"] = n * v
        partials["habitat_mass", "crew_size"] = dm_dvol * k * v
        partials["habitat_mass", "pressurized_per_habitable"] = dm_dvol * n * v
        partials["habitat_mass", "mass_coefficient"] = pressurized**b
        partials["habitat_mass", "mass_exponent"] = a * pressurized**b * np.log(pressurized)

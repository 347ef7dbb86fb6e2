"""How long before a solar storm's shock reaches the Earth-Moon system a monitor at L1 sees it."""

from __future__ import annotations

import openmdao.api as om


class WarningTime(om.ExplicitComponent):
    """Warning time a solar-wind monitor at Sun-Earth L1 gives a crew::

        t_warn = d_L1 / v

    ``d_L1`` is the monitor's distance sunward of the Earth and ``v`` the speed of the
    coronal mass ejection's shock (the design event of the study). The energetic storm particles
    a shock drives peak as it passes, so the monitor warns of that peak and of the geomagnetic
    storm. It does not warn of the prompt solar energetic protons, which reach L1 and the Earth
    within seconds of each other (warning of those needs an energetic-electron instrument and is
    not modelled). Data latency and forecaster time are not subtracted.

    References
    ----------
    NOAA on DSCOVR (2015): the solar wind 'reaches L1 about an hour before reaching Earth', giving
    '15-60 minute warnings'. JHU/APL release on ACE (1997-02-20): 'up to an hour's advance warning'.
    """

    def setup(self):
        self.add_input("l1_distance", val=1.5e6, units="km", desc="monitor's distance sunward of the Earth")
        self.add_input("shock_speed", val=1000.0, units="km/s", desc="speed of the design event's shock")
        self.add_output("warning_time", val=25.0, units="min", desc="time between the monitor and the Earth seeing the shock")
        self.declare_partials("warning_time", ["l1_distance", "shock_speed"])

    def compute(self, inputs, outputs):
        outputs["warning_time"] = inputs["l1_distance"] / inputs["shock_speed"] / 60.0

    def compute_partials(self, inputs, partials):
        d, v = inputs["l1_distance"], inputs["shock_speed"]
        partials["warning_time", "l1_distance"] = 1.0 / v / 60.0
        partials["warning_time", "shock_speed"] = -d / v**2 / 60.0

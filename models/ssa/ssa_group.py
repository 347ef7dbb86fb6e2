"""The space situational awareness system: detection ranges, tracked share and warning time."""

from __future__ import annotations

import openmdao.api as om

from trades.models.ssa.detection_range import DetectionRange
from trades.models.ssa.tracked_share import TrackedShare
from trades.models.ssa.warning_time import WarningTime


class SsaGroup(om.Group):
    """Sensors' detection ranges for the study's object size -> share of the cislunar volume they
    watch; and the warning time of the solar-wind monitors (when the system has any)."""

    def initialize(self):
        self.options.declare("orbit_radius_km", types=(list, tuple), desc="per tracking sensor type: 0 on the ground, else its orbit radius")
        self.options.declare("inner_radius_km", types=float, default=42164.0)
        self.options.declare("outer_radius_km", types=float, default=384400.0)
        self.options.declare("monitors", types=bool, default=False, desc="solar-wind monitors at L1 are fielded")

    def setup(self):
        o = self.options
        s = len(o["orbit_radius_km"])
        if s:
            self.add_subsystem("detection", DetectionRange(num_sensors=s))
            self.add_subsystem("tracked", TrackedShare(orbit_radius_km=list(o["orbit_radius_km"]), inner_radius_km=o["inner_radius_km"],
                                                       outer_radius_km=o["outer_radius_km"]))
            self.connect("detection.detection_range", "tracked.detection_range")
        if o["monitors"]:
            self.add_subsystem("warning", WarningTime())

"""How far each sensor type detects an object of the study's size."""

from __future__ import annotations

import numpy as np
import openmdao.api as om


class DetectionRange(om.ExplicitComponent):
    """Detection range of each sensor type, scaled from one published detection::

        R_s = R_ref,s (d / d_ref,s) ** k_s

    ``d`` is the object's diameter, ``(d_ref,s, R_ref,s)`` a detection the sensor is known to make
    and ``k_s`` the physics of its signal at a fixed detection threshold: 1 for reflected sunlight
    (a Lambertian sphere's flux goes as d^2 / R^2), 1/2 for a radar (received power goes as
    sigma / R^4 and a sphere's cross section sigma as d^2 when it is larger than the wavelength).
    The scaling keeps the reference detection's phase angle, weather and integration time.

    References
    ----------
    Radar range equation: R_max = [P G^2 lambda^2 sigma / ((4 pi)^3 S_min)]^(1/4).
    Blake, J.A. et al. (2020), DebrisWatch I, Adv. Space Res., doi:10.1016/j.asr.2020.08.008
    (sizes of faint debris as Lambertian spheres).
    """

    def initialize(self):
        self.options.declare("num_sensors", types=int)

    def setup(self):
        s = self.options["num_sensors"]
        self.add_input("object_diameter", val=1.0, units="m", desc="diameter of the objects to track")
        self.add_input("reference_diameter", val=np.ones(s), units="m", desc="diameter of a published detection")
        self.add_input("reference_range", val=np.full(s, 36000.0), units="km", desc="range of that detection")
        self.add_input("range_exponent", val=np.ones(s), units="unitless", desc="k in R ~ d**k (1 optical, 1/2 radar)")
        self.add_output("detection_range", val=np.full(s, 36000.0), units="km", desc="range at which each sensor detects the object")
        diag = np.arange(s)
        self.declare_partials("detection_range", "object_diameter")
        self.declare_partials("detection_range", ["reference_diameter", "reference_range", "range_exponent"], rows=diag, cols=diag)

    def compute(self, inputs, outputs):
        ratio = inputs["object_diameter"] / inputs["reference_diameter"]
        outputs["detection_range"] = inputs["reference_range"] * ratio ** inputs["range_exponent"]

    def compute_partials(self, inputs, partials):
        d, d_ref, k = inputs["object_diameter"], inputs["reference_diameter"], inputs["range_exponent"]
        ratio = d / d_ref
        scaled = ratio**k
        r = inputs["reference_range"] * scaled
        partials["detection_range", "object_diameter"] = (k * r / d).reshape(-1, 1)
        partials["detection_range", "reference_diameter"] = -k * r / d_ref
        partials["detection_range", "reference_range"] = scaled
        partials["detection_range", "range_exponent"] = r * np.log(ratio)

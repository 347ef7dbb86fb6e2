"""The share of the cislunar volume a set of sensors watches, for an object of a given size."""

from __future__ import annotations

import numpy as np
import openmdao.api as om

#: the largest probability a unit sees a point (keeps log(1 - a p) finite)
_SURE = 1.0 - 1e-9


def sample_points(inner_radius_km: float, outer_radius_km: float, num_points: int) -> np.ndarray:
    """Points spread evenly through the shell between two geocentric radii (a Halton sequence,
    deterministic): columns geocentric distance r and distance rho from the Earth-Moon axis of
    symmetry, in km, and height z above the Moon's orbital plane. Uniform in volume: the traffic
    is taken as spread evenly through the cislunar volume."""
    from scipy.stats import qmc

    u = qmc.Halton(d=2, scramble=False).random(num_points + 1)[1:]  # the first Halton point is the origin
    r = (inner_radius_km**3 + u[:, 0] * (outer_radius_km**3 - inner_radius_km**3)) ** (1.0 / 3.0)
    cos_theta = 2.0 * u[:, 1] - 1.0
    return np.column_stack((r, r * np.sqrt(1.0 - cos_theta**2), r * cos_theta))


def reach_probability(detection_range: np.ndarray, orbit_radius: np.ndarray, points: np.ndarray,
                      derivative: bool = False):
    """Probability p[s, x] that one unit of sensor type s is within detection range of point x.

    A ground sensor (``orbit_radius`` 0) reaches the points closer to the Earth than its range (the
    Earth's radius neglected). A space sensor sits on a circle of radius ``orbit_radius`` in the
    Moon's orbital plane at a phase unknown in advance (uniform): it reaches a point from the
    share of the circle within its range, arccos(q) / pi with
    q = (r^2 + D^2 - R^2) / (2 rho D). With ``derivative``, also dp/dR (zero for ground sensors,
    whose reach is a step)."""
    r, rho = points[:, 0][None, :], points[:, 1][None, :]
    big_r, orbit = np.asarray(detection_range, float)[:, None], np.asarray(orbit_radius, float)[:, None]
    space = orbit > 0
    ground = (r <= big_r).astype(float)
    safe_orbit = np.where(space, orbit, 1.0)
    safe_rho = np.maximum(rho, 1e-9)
    q = (r**2 + safe_orbit**2 - big_r**2) / (2.0 * safe_rho * safe_orbit)
    inside = np.abs(q) < 1.0
    circle = np.arccos(np.clip(q, -1.0, 1.0)) / np.pi
    p = np.where(space, circle, ground)
    if not derivative:
        return p
    dq = np.where(inside, 1.0 / np.sqrt(np.maximum(1.0 - q**2, 1e-300)), 0.0) * big_r / (safe_rho * safe_orbit) / np.pi
    return p, np.where(space, dq, 0.0)


def tracked_share(counts: np.ndarray, sky_fraction: np.ndarray, reach: np.ndarray) -> np.ndarray:
    """Share of the sample points watched by at least one unit, for each row of ``counts``
    (combinations x sensor types), units seeing independently: 1 - mean_x prod_s (1 - a_s p_sx)^n_s."""
    log_unseen = np.log(1.0 - np.minimum(np.asarray(sky_fraction)[:, None] * reach, _SURE))
    # einsum, not @: a BLAS matrix product of these thin shapes is slower on a shared machine
    return 1.0 - np.exp(np.einsum("ks,sx->kx", np.atleast_2d(counts), log_unseen)).mean(axis=1)


class TrackedShare(om.ExplicitComponent):
    """Share of the cislunar volume watched by the sensors, for objects of the study's size::

        share = 1 - mean_x prod_s (1 - a_s p_s(x; R_s)) ** n_s

    over points ``x`` spread evenly through the shell between ``inner_radius_km`` (geosynchronous)
    and ``outer_radius_km`` (the Moon's distance). ``n_s`` is the number of units of sensor type
    ``s`` (continuous: a relaxed count), ``a_s`` the share of directions and time one unit watches
    (its sky fraction), ``p_s`` the probability that a unit is within its detection range ``R_s``
    of the point (:func:`reach_probability`). Units see independently of each other, so more units
    of one type watch more of the sky within their reach but never beyond it.

    Approximations: traffic uniform in volume (not concentrated near the Moon), a detection
    range that is a sharp sphere, independent sky coverage of the units of a type, the Earth's
    radius and shadow neglected.
    """

    def initialize(self):
        self.options.declare("orbit_radius_km", types=(list, tuple, np.ndarray), desc="per sensor type: 0 on the ground, else its orbit radius")
        self.options.declare("inner_radius_km", types=float, default=42164.0)
        self.options.declare("outer_radius_km", types=float, default=384400.0)
        self.options.declare("num_points", types=int, default=2048)

    def setup(self):
        orbit = np.asarray(self.options["orbit_radius_km"], dtype=float)
        s = len(orbit)
        self._points = sample_points(self.options["inner_radius_km"], self.options["outer_radius_km"], self.options["num_points"])
        self.add_input("sensor_count", val=np.ones(s), units="unitless", desc="units of each sensor type (relaxed)")
        self.add_input("sky_fraction", val=np.full(s, 0.5), units="unitless", desc="share of directions and time a unit watches")
        self.add_input("detection_range", val=np.full(s, 36000.0), units="km", desc="range at which each type detects the object")
        self.add_output("tracked_share", val=0.0, units="unitless", desc="share of the cislunar volume watched")
        self.declare_partials("tracked_share", ["sensor_count", "sky_fraction", "detection_range"])

    def _terms(self, inputs):
        orbit = np.asarray(self.options["orbit_radius_km"], dtype=float)
        p, dp = reach_probability(inputs["detection_range"], orbit, self._points, derivative=True)
        a, n = inputs["sky_fraction"][:, None], inputs["sensor_count"][:, None]
        ap = np.minimum(a * p, _SURE)
        log_unseen = np.log(1.0 - ap)
        unseen = np.exp((n * log_unseen).sum(axis=0))  # per point
        return p, dp, a, n, ap, log_unseen, unseen

    def compute(self, inputs, outputs):
        outputs["tracked_share"] = 1.0 - self._terms(inputs)[-1].mean()

    def compute_partials(self, inputs, partials):
        p, dp, a, n, ap, log_unseen, unseen = self._terms(inputs)
        free = ap < _SURE  # where the probability is capped, it does not move
        partials["tracked_share", "sensor_count"] = -(unseen * log_unseen).mean(axis=1)
        partials["tracked_share", "sky_fraction"] = (unseen * np.where(free, n * p / (1.0 - ap), 0.0)).mean(axis=1)
        partials["tracked_share", "detection_range"] = (unseen * np.where(free, n * a * dp / (1.0 - ap), 0.0)).mean(axis=1)

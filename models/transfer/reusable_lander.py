"""A reusable lander shuttling cargo between a staging orbit and the surface."""

from __future__ import annotations

import numpy as np
import openmdao.api as om

from trades.models.transfer.rocket_stage import STANDARD_GRAVITY


class ReusableLander(om.ExplicitComponent):
    """Lander sized for a design payload; it descends loaded and returns empty to be refuelled.

    Per trip with design payload ``P``, descent and ascent mass ratios
    ``R_d = exp(dv_d / (g0 Isp))`` and ``R_u = exp(dv_u / (g0 Isp))``, and the lander's dry mass
    ``D`` a fraction ``f`` of dry plus propellant (``D = k p``, ``k = f / (1 - f)``):

        at the staging orbit  m0 = (P + D R_u) R_d
        propellant per trip   p  = m0 - P - D
        dry mass              D  = k P (R_d - 1) / (1 + k - k R_u R_d)

    The round trip closes only if ``1 + k - k R_u R_d > 0``. Per year, ``n_y = M_y / P`` trips
    deliver ``M_y`` to the surface, so the staging orbit must receive ``M_y + n_y p`` plus the
    lander itself once, in its first year (``first_y`` = 1). Boil-off during the short
    staging-orbit-to-surface trips is neglected.

    References
    ----------
    Rocket equation with inert fraction as in :class:`~models.transfer.rocket_stage.RocketStage`;
    the closed-form round-trip sizing is derived here from it (see docs/model.md).
    """

    def initialize(self):
        self.options.declare("num_years", types=int)

    def setup(self):
        n = self.options["num_years"]
        self.add_input("delivered_mass", val=np.zeros(n), units="kg", desc="mass landed per year")
        self.add_input("design_payload", val=10000.0, units="kg", desc="payload landed per trip")
        self.add_input("descent_delta_v", val=2000.0, units="m/s")
        self.add_input("ascent_delta_v", val=2000.0, units="m/s", desc="surface back to the staging orbit")
        self.add_input("isp", val=380.0, units="s")
        self.add_input("inert_fraction", val=0.12, units="unitless")
        self.add_input("first_year", val=np.zeros(n), units="unitless", desc="1 in the year the lander is delivered")
        self.add_output("lander_dry_mass", val=1.0, units="kg")
        self.add_output("propellant_per_trip", val=1.0, units="kg")
        self.add_output("trips", val=np.zeros(n), units="unitless")
        self.add_output("mass_to_staging_orbit", val=np.zeros(n), units="kg")
        sizing = ["design_payload", "descent_delta_v", "ascent_delta_v", "isp", "inert_fraction"]
        ar, zeros = np.arange(n), np.zeros(n, dtype=int)
        self.declare_partials(["lander_dry_mass", "propellant_per_trip"], sizing, method="cs")
        self.declare_partials("trips", "delivered_mass", rows=ar, cols=ar, method="cs")
        self.declare_partials("trips", "design_payload", rows=ar, cols=zeros, method="cs")
        self.declare_partials("mass_to_staging_orbit", ["delivered_mass", "first_year"], rows=ar, cols=ar, method="cs")
        self.declare_partials("mass_to_staging_orbit", sizing, rows=ar, cols=zeros, method="cs")

    def _sizing(self, inputs):
        g = STANDARD_GRAVITY * inputs["isp"]
        r_down = np.exp(inputs["descent_delta_v"] / g)
        r_up = np.exp(inputs["ascent_delta_v"] / g)
        k = inputs["inert_fraction"] / (1.0 - inputs["inert_fraction"])
        denom = 1.0 + k - k * r_up * r_down
        if np.real(denom[0]) <= 0.0:
            raise om.AnalysisError(
                f"{self.pathname}: a reusable lander with Isp {np.real(inputs['isp'][0]):.0f} s and inert fraction "
                f"{np.real(inputs['inert_fraction'][0]):.3f} cannot fly {np.real(inputs['descent_delta_v'][0]):.0f} m/s down "
                f"and {np.real(inputs['ascent_delta_v'][0]):.0f} m/s back up"
            )
        payload = inputs["design_payload"]
        dry = k * payload * (r_down - 1.0) / denom
        propellant = (payload + dry * r_up) * r_down - payload - dry
        return dry, propellant

    def compute(self, inputs, outputs):
        dry, propellant = self._sizing(inputs)
        trips = inputs["delivered_mass"] / inputs["design_payload"]
        outputs["lander_dry_mass"] = dry
        outputs["propellant_per_trip"] = propellant
        outputs["trips"] = trips
        outputs["mass_to_staging_orbit"] = inputs["delivered_mass"] + trips * propellant + dry * inputs["first_year"]

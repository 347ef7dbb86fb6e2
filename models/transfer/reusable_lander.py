"""A reusable lander shuttling cargo between a staging orbit and the surface."""

from __future__ import annotations

import numpy as np
import openmdao.api as om

from trades.models.transfer.rocket_stage import STANDARD_GRAVITY, stage_coefficients


class ReusableLander(om.ExplicitComponent):
    """Lander sized for a design payload; it descends loaded and returns empty to be refuelled.

    Per trip with design payload ``P``, descent and ascent mass ratios
    ``R_d = exp(dv_d / (g0 Isp))`` and ``R_u = exp(dv_u / (g0 Isp))``, and the lander's dry mass
    from the relationship of :class:`~models.transfer.rocket_stage.RocketStage`: tanks ``a`` per
    kg of propellant, engines ``b`` of the loaded mass ``m0`` (thrust set by the design
    thrust-to-weight at the staging orbit, the heaviest point), ``D = a p + b m0``:

        at the staging orbit  m0 = (P + D R_u) R_d
        propellant per trip   p  = m0 - P - D
        dry mass              D  = P ((a + b) R_d - a) / (1 + a - (a + b) R_u R_d)

    The round trip closes only if ``1 + a - (a + b) R_u R_d > 0``. Per year, ``n_y = M_y / P`` trips
    deliver ``M_y`` to the surface, so the staging orbit must receive ``M_y + n_y p`` plus the
    lander itself once, in its first year (``first_y`` = 1). Boil-off during the short
    staging-orbit-to-surface trips is neglected.

    References
    ----------
    Rocket equation with tank and engine masses as in
    :class:`~models.transfer.rocket_stage.RocketStage`; the closed-form round-trip sizing is
    derived here from it (see docs/model.md).
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
        self.add_input("tank_mass_per_volume", val=42.0, units="kg/m**3", desc="tankage per m^3 of propellant")
        self.add_input("propellant_density", val=833.0, units="kg/m**3", desc="bulk density of the propellant")
        self.add_input("thrust_to_weight", val=0.2, units="unitless", desc="design thrust / (g0 loaded mass)")
        self.add_input("engine_thrust_to_weight", val=40.0, units="unitless", desc="engine thrust / (g0 engine mass)")
        self.add_input("first_year", val=np.zeros(n), units="unitless", desc="1 in the year the lander is delivered")
        self.add_output("lander_dry_mass", val=1.0, units="kg")
        self.add_output("propellant_per_trip", val=1.0, units="kg")
        self.add_output("trips", val=np.zeros(n), units="unitless")
        self.add_output("mass_to_staging_orbit", val=np.zeros(n), units="kg")
        sizing = ["design_payload", "descent_delta_v", "ascent_delta_v", "isp", "tank_mass_per_volume",
                  "propellant_density", "thrust_to_weight", "engine_thrust_to_weight"]
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
        a, b = stage_coefficients(inputs["tank_mass_per_volume"], inputs["propellant_density"],
                                  inputs["thrust_to_weight"], inputs["engine_thrust_to_weight"])
        denom = 1.0 + a - (a + b) * r_up * r_down
        if np.real(denom[0]) <= 0.0:
            raise om.AnalysisError(
                f"{self.pathname}: a reusable lander with Isp {np.real(inputs['isp'][0]):.0f} s, tankage "
                f"{np.real(a[0]):.3f} kg per kg of propellant and engines {np.real(b[0]):.3f} of its loaded mass cannot fly "
                f"{np.real(inputs['descent_delta_v'][0]):.0f} m/s down and {np.real(inputs['ascent_delta_v'][0]):.0f} m/s back up"
            )
        payload = inputs["design_payload"]
        dry = payload * ((a + b) * r_down - a) / denom
        propellant = (payload + dry * r_up) * r_down - payload - dry
        return dry, propellant

    def compute(self, inputs, outputs):
        dry, propellant = self._sizing(inputs)
        trips = inputs["delivered_mass"] / inputs["design_payload"]
        outputs["lander_dry_mass"] = dry
        outputs["propellant_per_trip"] = propellant
        outputs["trips"] = trips
        outputs["mass_to_staging_orbit"] = inputs["delivered_mass"] + trips * propellant + dry * inputs["first_year"]

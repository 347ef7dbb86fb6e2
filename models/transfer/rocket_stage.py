"""One propulsive stage sized by the rocket equation, with boil-off during a coast."""

from __future__ import annotations

import numpy as np
import openmdao.api as om

STANDARD_GRAVITY = 9.80665  # m/s^2, exact by definition (CGPM 1901; NIST SP 330)


class RocketStage(om.ExplicitComponent):
    """Stage (propellant + inert) mass needed to push a payload through a delta-v.

    The stage's inert mass is a fixed fraction ``f`` of its inert plus burned-propellant mass
    (tanks, engines and structure scale with the propellant they burn; tankage for the small
    boil-off margin is neglected). With mass ratio ``R = exp(dv / (g0 Isp))``
    the stage mass ``s`` obeys ``(P + s) / (P + f s) = R``, hence

        s = P (R - 1) / (1 - R f),  burned propellant p = (1 - f) s,  inert = f s.

    Cryogenic propellant boils off while the stage coasts ``t`` days before its burn at a
    fractional rate ``b`` per day, so the propellant loaded is ``p exp(b t)``; the boiled-off
    part is carried but not burned. The stage closes only if ``R f < 1``, i.e.
    ``dv < g0 Isp ln(1/f)``; otherwise an AnalysisError names the limit.

    Vectorized over ``num_nodes`` payloads (e.g. campaign years) with diagonal partials.

    References
    ----------
    Tsiolkovsky rocket equation; stage form with inert fraction as in Humble, Henry & Larson,
    Space Propulsion Analysis and Design (1995), ch. 1, and Wertz & Larson, SMAD 3rd ed., Sec. 17.
    """

    def initialize(self):
        self.options.declare("num_nodes", types=int, default=1, desc="payloads sized at once")

    def setup(self):
        n = self.options["num_nodes"]
        self.add_input("payload_mass", val=np.ones(n), units="kg", desc="mass pushed by the stage")
        self.add_input("delta_v", val=1000.0, units="m/s", desc="delta-v the stage delivers")
        self.add_input("isp", val=450.0, units="s", desc="vacuum specific impulse")
        self.add_input("inert_fraction", val=0.1, units="unitless", desc="inert / (inert + propellant)")
        self.add_input("boiloff_rate", val=0.0, units="1/d", desc="propellant fraction lost per day")
        self.add_input("coast_time", val=0.0, units="d", desc="coast before the burn")
        self.add_output("initial_mass", val=np.ones(n), units="kg", desc="payload + loaded stage")
        self.add_output("propellant_mass", val=np.ones(n), units="kg", desc="propellant loaded")
        self.add_output("inert_mass", val=np.ones(n), units="kg", desc="stage inert mass")
        self.add_output("boiloff_mass", val=np.zeros(n), units="kg", desc="propellant boiled off")

        ar = np.arange(n)
        scalars = ["delta_v", "isp", "inert_fraction", "boiloff_rate", "coast_time"]
        for out in ["initial_mass", "propellant_mass", "inert_mass", "boiloff_mass"]:
            # the inert mass does not depend on the coast (boil-off tankage is neglected)
            wrt = scalars[:3] if out == "inert_mass" else scalars
            self.declare_partials(out, "payload_mass", rows=ar, cols=ar)
            self.declare_partials(out, wrt, rows=ar, cols=np.zeros(n, dtype=int))

    def _terms(self, inputs):
        g = STANDARD_GRAVITY * inputs["isp"][0]
        ratio = np.exp(inputs["delta_v"][0] / g)
        f = inputs["inert_fraction"][0]
        denom = 1.0 - ratio * f
        if denom <= 0.0:
            limit = g * np.log(1.0 / f) if f > 0 else np.inf
            raise om.AnalysisError(
                f"{self.pathname}: delta-v {inputs['delta_v'][0]:.0f} m/s exceeds what a single stage "
                f"with Isp {inputs['isp'][0]:.0f} s and inert fraction {f:.3f} can deliver "
                f"({limit:.0f} m/s)"
            )
        boil = np.exp(inputs["boiloff_rate"][0] * inputs["coast_time"][0])
        return g, ratio, f, denom, boil

    def compute(self, inputs, outputs):
        _, ratio, f, denom, boil = self._terms(inputs)
        payload = inputs["payload_mass"]
        stage = payload * (ratio - 1.0) / denom
        burned = (1.0 - f) * stage
        outputs["inert_mass"] = f * stage
        outputs["propellant_mass"] = burned * boil
        outputs["boiloff_mass"] = burned * (boil - 1.0)
        outputs["initial_mass"] = payload + stage + burned * (boil - 1.0)

    def compute_partials(self, inputs, partials):
        g, ratio, f, denom, boil = self._terms(inputs)
        payload = inputs["payload_mass"]
        dv = inputs["delta_v"][0]
        rate, time = inputs["boiloff_rate"][0], inputs["coast_time"][0]

        stage = payload * (ratio - 1.0) / denom
        d_stage = {
            "payload_mass": (ratio - 1.0) / denom * np.ones_like(payload),
            "delta_v": payload * (1.0 - f) / denom**2 * (ratio / g),
            "isp": payload * (1.0 - f) / denom**2 * (-ratio * dv / (g * inputs["isp"][0])),
            "inert_fraction": payload * (ratio - 1.0) * ratio / denom**2,
            "boiloff_rate": np.zeros_like(payload),
            "coast_time": np.zeros_like(payload),
        }
        d_boil = {"boiloff_rate": time * boil, "coast_time": rate * boil}
        for name, ds in d_stage.items():
            d_burned = (1.0 - f) * ds - (stage if name == "inert_fraction" else 0.0)
            d_inert = f * ds + (stage if name == "inert_fraction" else 0.0)
            burned = (1.0 - f) * stage
            db = d_boil.get(name, 0.0)
            if name not in ("boiloff_rate", "coast_time"):
                partials["inert_mass", name] = d_inert
            partials["propellant_mass", name] = d_burned * boil + burned * db
            partials["boiloff_mass", name] = d_burned * (boil - 1.0) + burned * db
            partials["initial_mass", name] = (
                (1.0 if name == "payload_mass" else 0.0) + ds + d_burned * (boil - 1.0) + burned * db
            )

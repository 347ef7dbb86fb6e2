"""The engines of a core stage that makes several burns (DRA 5.0's nuclear-thermal crew vehicle)."""

from __future__ import annotations

import numpy as np
import openmdao.api as om

from trades.models.transfer.rocket_stage import STANDARD_GRAVITY


class CoreEngines(om.ExplicitComponent):
    """Engines sized for the first burn's design thrust-to-weight: thrust ``F = (T/W)_0 g0 m1`` on
    the ignition mass ``m1`` of the first burn, engine mass ``F / (g0 (T/W)_e)`` (with reactors and
    shields for nuclear-thermal engines), the same relationship as :class:`RocketStage`'s engine
    term. The engines then ride every later burn, whose lighter stack they push at a higher
    thrust-to-weight. Vectorized over ``num_nodes``; analytic partials."""

    def initialize(self):
        self.options.declare("num_nodes", types=int, default=1)

    def setup(self):
        n = self.options["num_nodes"]
        self.add_input("ignition_mass", val=np.ones(n), units="kg", desc="mass at the first burn's ignition")
        self.add_input("thrust_to_weight", val=0.2, units="unitless", desc="design thrust / (g0 ignition mass) of the first burn")
        self.add_input("engine_thrust_to_weight", val=40.0, units="unitless", desc="engine thrust / (g0 engine mass)")
        self.add_output("engine_mass", val=np.ones(n), units="kg", desc="engines (reactors and shields included)")
        self.add_output("thrust", val=np.ones(n), units="N", desc="engine thrust")
        ar, zeros = np.arange(n), np.zeros(n, dtype=int)
        self.declare_partials(["engine_mass", "thrust"], "ignition_mass", rows=ar, cols=ar)
        self.declare_partials(["engine_mass", "thrust"], "thrust_to_weight", rows=ar, cols=zeros)
        self.declare_partials("engine_mass", "engine_thrust_to_weight", rows=ar, cols=zeros)

    def compute(self, inputs, outputs):
        mass, tw, tw_engine = inputs["ignition_mass"], inputs["thrust_to_weight"][0], inputs["engine_thrust_to_weight"][0]
        if np.any(np.real(mass) < -1e-6):  # (round-off of an empty year aside) the chain's solution when engines sized on the stack outweigh what they push
            raise om.AnalysisError(
                f"{self.pathname}: the core stage does not close: engines of {np.real(tw / tw_engine):.3f} of the first burn's "
                "ignition mass, carried through every burn, need more mass than the burns can push (a negative mass solves "
                "the stack); fewer or smaller burns, a higher engine thrust-to-weight or one stage per burn"
            )
        outputs["engine_mass"] = tw / tw_engine * mass
        outputs["thrust"] = tw * STANDARD_GRAVITY * mass

    def compute_partials(self, inputs, partials):
        mass, tw, tw_engine = inputs["ignition_mass"], inputs["thrust_to_weight"][0], inputs["engine_thrust_to_weight"][0]
        partials["engine_mass", "ignition_mass"] = np.full(mass.shape, tw / tw_engine)
        partials["engine_mass", "thrust_to_weight"] = mass / tw_engine
        partials["engine_mass", "engine_thrust_to_weight"] = -tw / tw_engine**2 * mass
        partials["thrust", "ignition_mass"] = np.full(mass.shape, tw * STANDARD_GRAVITY)
        partials["thrust", "thrust_to_weight"] = STANDARD_GRAVITY * mass

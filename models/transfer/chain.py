"""A chain of stages that moves one payload stream from the launch orbit to its destination."""

from __future__ import annotations

import openmdao.api as om

from trades.models.sums import sum_component
from trades.models.transfer.entry_descent import EntryDescent
from trades.models.transfer.rocket_stage import RocketStage


class StageChain(om.Group):
    """Stages ``stage0 .. stageN-1`` in flight order; each stage's payload is the next stage's
    initial mass, so they are sized from the destination back to the launch orbit.

    Promoted: ``payload_mass`` (what arrives, per node), ``mass_in_launch_orbit`` (initial mass
    of ``stage0``) and ``propellant_mass`` (all stages' loaded propellant). With ``rider_stage``
    ``k``, also ``rider_mass``: a payload that rides stages ``0 .. k`` only and leaves the chain
    after stage ``k``'s burn (Apollo's command and service module, which rode the S-IVB to
    trans-lunar injection and then flew on its own engine): stage ``k`` pushes the next stage
    plus the rider.
    """

    def initialize(self):
        self.options.declare("num_stages", types=int)
        self.options.declare("num_nodes", types=int, default=1)
        self.options.declare(
            "entry_last", types=bool, default=False, desc="the last step is atmospheric entry, not a stage"
        )
        self.options.declare("rider_stage", default=None, allow_none=True, types=int,
                             desc="the last stage a rider payload (rider_mass) rides; None: no rider")

    def setup(self):
        n, k = self.options["num_nodes"], self.options["num_stages"]
        rider = self.options["rider_stage"]
        if rider is not None and not 0 <= rider < k - 1:
            raise ValueError(f"rider_stage {rider} must be a stage before the last (0 .. {k - 2})")
        for i in reversed(range(k)):  # executed from the destination back: each sizes the one before
            if i == rider:  # the rider joins the next stage's initial mass as this stage's payload
                self.add_subsystem("rider_payload", sum_component("payload_mass", ["next_stage", "rider"], vec_size=n),
                                   promotes_inputs=[("rider", "rider_mass")])
            if i == k - 1 and self.options["entry_last"]:
                self.add_subsystem(f"stage{i}", EntryDescent(num_nodes=n))
            else:
                self.add_subsystem(f"stage{i}", RocketStage(num_nodes=n))
        for i in range(k - 1):
            if i == rider:
                self.connect(f"stage{i + 1}.initial_mass", "rider_payload.next_stage")
                self.connect("rider_payload.payload_mass", f"stage{i}.payload_mass")
            else:
                self.connect(f"stage{i + 1}.initial_mass", f"stage{i}.payload_mass")
        self.promotes(f"stage{k - 1}", inputs=[("payload_mass", "payload_mass")])
        self.promotes("stage0", outputs=[("initial_mass", "mass_in_launch_orbit")])
        total = sum_component("propellant_mass", [f"propellant_{i}" for i in range(k)], vec_size=n)
        self.add_subsystem("propellant_total", total, promotes_outputs=["propellant_mass"])
        for i in range(k):
            self.connect(f"stage{i}.propellant_mass", f"propellant_total.propellant_{i}")

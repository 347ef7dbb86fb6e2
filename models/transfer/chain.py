"""A chain of stages that moves one payload stream from the launch orbit to its destination."""

from __future__ import annotations

import openmdao.api as om

from trades.models.sums import sum_component
from trades.models.transfer.core_engines import CoreEngines
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

    With ``core_stage``, the stages are the burns of one core stage (DRA 5.0's nuclear-thermal crew
    vehicle, Borowski et al.): each burn's propellant in its own tank, dropped after that burn, and
    one set of engines (:class:`CoreEngines`, sized for the first burn's design thrust-to-weight)
    that makes every burn and rides to the end, in the last burn's payload. The engines' mass sets
    the stack it pushes, which sets the engines' mass: the group solves that loop with Newton's
    method (one step: every relation is linear in mass). Also promoted then: ``core_inert_mass``
    (engines and all tanks: the stage that is built and costed).
    """

    def initialize(self):
        self.options.declare("num_stages", types=int)
        self.options.declare("num_nodes", types=int, default=1)
        self.options.declare(
            "entry_last", types=bool, default=False, desc="the last step is atmospheric entry, not a stage"
        )
        self.options.declare("rider_stage", default=None, allow_none=True, types=int,
                             desc="the last stage a rider payload (rider_mass) rides; None: no rider")
        self.options.declare("core_stage", types=bool, default=False,
                             desc="the stages are the burns of one core stage: tanks per burn, engines shared (CoreEngines)")

    def setup(self):
        n, k = self.options["num_nodes"], self.options["num_stages"]
        rider = self.options["rider_stage"]
        if rider is not None and not 0 <= rider < k - 1:
            raise ValueError(f"rider_stage {rider} must be a stage before the last (0 .. {k - 2})")
        core = self.options["core_stage"]
        if core and self.options["entry_last"]:
            raise ValueError("a core stage's burns are all propulsive: entry_last and core_stage exclude each other")
        if core:  # what the last burn pushes: the payload and the core stage's engines
            self.add_subsystem("core_payload", sum_component("payload_mass", ["delivered", "engines"], vec_size=n),
                               promotes_inputs=[("delivered", "payload_mass")])
        for i in reversed(range(k)):  # executed from the destination back: each sizes the one before
            if i == rider:  # the rider joins the next stage's initial mass as this stage's payload
                self.add_subsystem("rider_payload", sum_component("payload_mass", ["next_stage", "rider"], vec_size=n),
                                   promotes_inputs=[("rider", "rider_mass")])
            if i == k - 1 and self.options["entry_last"]:
                self.add_subsystem(f"stage{i}", EntryDescent(num_nodes=n))
            else:
                self.add_subsystem(f"stage{i}", RocketStage(num_nodes=n, carries_engines=not core))
        for i in range(k - 1):
            if i == rider:
                self.connect(f"stage{i + 1}.initial_mass", "rider_payload.next_stage")
                self.connect("rider_payload.payload_mass", f"stage{i}.payload_mass")
            else:
                self.connect(f"stage{i + 1}.initial_mass", f"stage{i}.payload_mass")
        if core:
            self.add_subsystem("engines", CoreEngines(num_nodes=n))
            self.connect("stage0.ignition_mass", "engines.ignition_mass")
            self.connect("engines.engine_mass", "core_payload.engines")
            self.connect("core_payload.payload_mass", f"stage{k - 1}.payload_mass")
            inert = sum_component("core_inert_mass", ["engines"] + [f"tanks_{i}" for i in range(k)], vec_size=n)
            self.add_subsystem("core_inert", inert, promotes_outputs=["core_inert_mass"])
            self.connect("engines.engine_mass", "core_inert.engines")
            for i in range(k):
                self.connect(f"stage{i}.inert_mass", f"core_inert.tanks_{i}")
            self.nonlinear_solver = om.NewtonSolver(solve_subsystems=False, maxiter=10, atol=1e-8, rtol=1e-12, iprint=-1,
                                                    err_on_non_converge=True)
            self.linear_solver = om.DirectSolver()
        else:
            self.promotes(f"stage{k - 1}", inputs=[("payload_mass", "payload_mass")])
        self.promotes("stage0", outputs=[("initial_mass", "mass_in_launch_orbit")])
        total = sum_component("propellant_mass", [f"propellant_{i}" for i in range(k)], vec_size=n)
        self.add_subsystem("propellant_total", total, promotes_outputs=["propellant_mass"])
        for i in range(k):
            self.connect(f"stage{i}.propellant_mass", f"propellant_total.propellant_{i}")

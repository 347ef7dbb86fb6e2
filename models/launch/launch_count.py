"""Launches needed per year on a vehicle, and the chance they all succeed."""

from __future__ import annotations

import numpy as np
import openmdao.api as om


class LaunchCount(om.ExplicitComponent):
    """Launches per year ``N_y = M_y / (eta m_LEO)``; attempts ``N_y / r``; ``P = r^(sum N)``.

    ``M_y`` mass to place in the launch orbit in year ``y``, ``m_LEO`` the vehicle's payload to
    low Earth orbit, ``eta`` the usable fraction when manifesting and ``r`` the launch success
    probability. The count is continuous for derivatives (it assumes payloads can be split
    and aggregated in orbit); reports round each year up to whole launches. ``P`` is the
    probability that every launch of the campaign succeeds (independent launches).
    """

    def initialize(self):
        self.options.declare("num_years", types=int)

    def setup(self):
        n = self.options["num_years"]
        self.add_input("mass_to_orbit", val=np.zeros(n), units="kg")
        self.add_input("payload_capacity", val=1.0, units="kg")
        self.add_input("packing_efficiency", val=1.0, units="unitless")
        self.add_input("reliability", val=1.0, units="unitless")
        self.add_output("launches", val=np.zeros(n), units="unitless")
        self.add_output("expected_attempts", val=np.zeros(n), units="unitless")
        self.add_output("campaign_success_probability", val=1.0, units="unitless")
        ar = np.arange(n)
        zeros = np.zeros(n, dtype=int)
        self.declare_partials(["launches", "expected_attempts"], "mass_to_orbit", rows=ar, cols=ar)
        self.declare_partials(["launches", "expected_attempts"], ["payload_capacity", "packing_efficiency"], rows=ar, cols=zeros)
        self.declare_partials("expected_attempts", "reliability", rows=ar, cols=zeros)
        self.declare_partials("campaign_success_probability", ["mass_to_orbit", "payload_capacity", "packing_efficiency", "reliability"])

    def compute(self, inputs, outputs):
        capacity = inputs["payload_capacity"] * inputs["packing_efficiency"]
        launches = inputs["mass_to_orbit"] / capacity
        outputs["launches"] = launches
        outputs["expected_attempts"] = launches / inputs["reliability"]
        outputs["campaign_success_probability"] = inputs["reliability"] ** np.sum(launches)

    def compute_partials(self, inputs, partials):
        m, cap, eta, r = (inputs[k] for k in ("mass_to_orbit", "payload_capacity", "packing_efficiency", "reliability"))
        launches = m / (cap * eta)
        total = np.sum(launches)
        prob = r**total
        d_n_dm = np.ones_like(m) / (cap * eta)
        d_n_dcap = -launches / cap
        d_n_deta = -launches / eta
        partials["launches", "mass_to_orbit"] = d_n_dm
        partials["launches", "payload_capacity"] = d_n_dcap
        partials["launches", "packing_efficiency"] = d_n_deta
        partials["expected_attempts", "mass_to_orbit"] = d_n_dm / r
        partials["expected_attempts", "payload_capacity"] = d_n_dcap / r
        partials["expected_attempts", "packing_efficiency"] = d_n_deta / r
        partials["expected_attempts", "reliability"] = -launches / r**2
        log_r = np.log(r)
        partials["campaign_success_probability", "mass_to_orbit"] = prob * log_r * d_n_dm
        partials["campaign_success_probability", "payload_capacity"] = prob * log_r * np.sum(d_n_dcap)
        partials["campaign_success_probability", "packing_efficiency"] = prob * log_r * np.sum(d_n_deta)
        partials["campaign_success_probability", "reliability"] = total * r ** (total - 1.0)


class CrewLaunches(om.ExplicitComponent):
    """Crew launches ``N_y = k R_y`` (``k`` launches per rotation: a crew larger than its
    spacecraft's seats flies on ``ceil(crew / seats)`` launches); attempts ``N_y / r``;
    ``P = r^(sum N)``."""

    def initialize(self):
        self.options.declare("num_years", types=int)

    def setup(self):
        n = self.options["num_years"]
        self.add_input("crew_rotations", val=np.zeros(n), units="unitless")
        self.add_input("launches_per_rotation", val=1.0, units="unitless", desc="ceil(crew / seats of the crew spacecraft)")
        self.add_input("reliability", val=1.0, units="unitless")
        self.add_output("launches", val=np.zeros(n), units="unitless")
        self.add_output("expected_attempts", val=np.zeros(n), units="unitless")
        self.add_output("campaign_success_probability", val=1.0, units="unitless")
        ar, zeros = np.arange(n), np.zeros(n, dtype=int)
        self.declare_partials(["launches", "expected_attempts"], "crew_rotations", rows=ar, cols=ar)
        self.declare_partials(["launches", "expected_attempts"], "launches_per_rotation", rows=ar, cols=zeros)
        self.declare_partials("expected_attempts", "reliability", rows=ar, cols=zeros)
        self.declare_partials("campaign_success_probability", ["crew_rotations", "launches_per_rotation", "reliability"])

    def compute(self, inputs, outputs):
        launches = inputs["launches_per_rotation"] * inputs["crew_rotations"]
        outputs["launches"] = launches
        outputs["expected_attempts"] = launches / inputs["reliability"]
        outputs["campaign_success_probability"] = inputs["reliability"] ** np.sum(launches)

    def compute_partials(self, inputs, partials):
        k, rotations, r = inputs["launches_per_rotation"], inputs["crew_rotations"], inputs["reliability"]
        launches = k * rotations
        total = np.sum(launches)
        partials["launches", "crew_rotations"] = k * np.ones_like(rotations)
        partials["launches", "launches_per_rotation"] = rotations
        partials["expected_attempts", "crew_rotations"] = k * np.ones_like(rotations) / r
        partials["expected_attempts", "launches_per_rotation"] = rotations / r
        partials["expected_attempts", "reliability"] = -launches / r**2
        d_total = r**total * np.log(r)
        partials["campaign_success_probability", "crew_rotations"] = d_total * k * np.ones_like(rotations)
        partials["campaign_success_probability", "launches_per_rotation"] = d_total * np.sum(rotations)
        partials["campaign_success_probability", "reliability"] = total * r ** (total - 1.0)

"""Atmospheric entry, descent and landing: what enters, what lands, and the useful payload."""

from __future__ import annotations

import numpy as np
import openmdao.api as om


class EntryDescent(om.ExplicitComponent):
    """Mass at entry for a useful payload ``P``, keeping the payload apart from the systems that
    deliver it: ``m_landed = P / psi`` (``psi`` the payload's share of the landed mass, the rest
    being the descent stage: engines, tanks, landing propellant residuals, legs) and
    ``m_entry = m_landed / phi`` (``phi`` the landed share of the mass at entry, the rest being
    the aeroshell and the descent propellant burned). DRA 5.0 lands 56.8 t of 109.7 t at entry
    (``phi`` = 0.518) with about 40 t of payload (``psi`` = 0.704), so 2.74 t enter per tonne of
    payload. The same aeroshell can perform aerocapture before entry (DRA 5.0's dual-use
    aeroshell), so an aerocapture route drops the propulsive capture stage and keeps this
    component. Outputs mirror :class:`RocketStage` (``propellant_mass`` is zero: the descent
    propellant is inside ``phi``) so the two can be chained.

    References
    ----------
    Drake (ed.), Human Exploration of Mars Design Reference Architecture 5.0,
    NASA/SP-2009-566 (2009), Table 4-3 (entry 109.7 t, landed 56.8 t); the 40 t payload per
    cargo lander is unverified (trades/catalogs/delta_v.yaml).
    """

    def initialize(self):
        self.options.declare("num_nodes", types=int, default=1)

    def setup(self):
        n = self.options["num_nodes"]
        self.add_input("payload_mass", val=np.ones(n), units="kg", desc="useful payload landed")
        self.add_input("landed_fraction", val=0.5, units="unitless", desc="landed mass / mass at entry")
        self.add_input("payload_fraction", val=1.0, units="unitless", desc="useful payload / landed mass")
        self.add_output("initial_mass", val=np.ones(n), units="kg", desc="mass at entry interface")
        self.add_output("entry_system_mass", val=np.zeros(n), units="kg", desc="aeroshell and descent propellant")
        self.add_output("descent_stage_mass", val=np.zeros(n), units="kg", desc="landed but not payload")
        self.add_output("propellant_mass", val=np.zeros(n), units="kg")
        ar, zeros = np.arange(n), np.zeros(n, dtype=int)
        for out in ("initial_mass", "entry_system_mass", "descent_stage_mass"):
            self.declare_partials(out, "payload_mass", rows=ar, cols=ar)
            self.declare_partials(out, "payload_fraction", rows=ar, cols=zeros)
        for out in ("initial_mass", "entry_system_mass"):
            self.declare_partials(out, "landed_fraction", rows=ar, cols=zeros)

    def compute(self, inputs, outputs):
        landed = inputs["payload_mass"] / inputs["payload_fraction"]
        initial = landed / inputs["landed_fraction"]
        outputs["initial_mass"] = initial
        outputs["entry_system_mass"] = initial - landed
        outputs["descent_stage_mass"] = landed - inputs["payload_mass"]
        outputs["propellant_mass"] = 0.0

    def compute_partials(self, inputs, partials):
        phi, psi, payload = inputs["landed_fraction"], inputs["payload_fraction"], inputs["payload_mass"]
        d_landed_d_payload = np.ones_like(payload) / psi
        d_landed_d_psi = -payload / psi**2
        partials["initial_mass", "payload_mass"] = d_landed_d_payload / phi
        partials["initial_mass", "payload_fraction"] = d_landed_d_psi / phi
        partials["initial_mass", "landed_fraction"] = -payload / psi / phi**2
        partials["entry_system_mass", "payload_mass"] = d_landed_d_payload * (1.0 / phi - 1.0)
        partials["entry_system_mass", "payload_fraction"] = d_landed_d_psi * (1.0 / phi - 1.0)
        partials["entry_system_mass", "landed_fraction"] = -payload / psi / phi**2
        partials["descent_stage_mass", "payload_mass"] = d_landed_d_payload - 1.0
        partials["descent_stage_mass", "payload_fraction"] = d_landed_d_psi

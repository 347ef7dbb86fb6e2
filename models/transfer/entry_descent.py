"""Atmospheric entry, descent and landing as a landed-mass fraction."""

from __future__ import annotations

import numpy as np
import openmdao.api as om


class EntryDescent(om.ExplicitComponent):
    """Mass before entry ``m0 = m_landed / phi`` for a landed fraction ``phi``.

    ``phi`` bundles aeroshell, parachutes or supersonic retropropulsion and landing propellant
    (catalog: Mars DRA 5.0 landed 56.8 t of 109.7 t at entry, phi = 0.518). The same aeroshell
    can perform aerocapture before entry (DRA 5.0's dual-use aeroshell), so an aerocapture route
    drops the propulsive capture stage and keeps this component. Outputs mirror
    :class:`RocketStage` (``propellant_mass`` is zero: descent propellant is inside ``phi``) so
    the two can be chained.

    References
    ----------
    Drake (ed.), Human Exploration of Mars Design Reference Architecture 5.0,
    NASA/SP-2009-566 (2009), Table 4-3.
    """

    def initialize(self):
        self.options.declare("num_nodes", types=int, default=1)

    def setup(self):
        n = self.options["num_nodes"]
        self.add_input("payload_mass", val=np.ones(n), units="kg", desc="mass landed")
        self.add_input("landed_fraction", val=0.5, units="unitless")
        self.add_output("initial_mass", val=np.ones(n), units="kg", desc="mass at entry interface")
        self.add_output("entry_system_mass", val=np.zeros(n), units="kg")
        self.add_output("propellant_mass", val=np.zeros(n), units="kg")
        ar = np.arange(n)
        for out in ("initial_mass", "entry_system_mass"):
            self.declare_partials(out, "payload_mass", rows=ar, cols=ar)
            self.declare_partials(out, "landed_fraction", rows=ar, cols=np.zeros(n, dtype=int))

    def compute(self, inputs, outputs):
        initial = inputs["payload_mass"] / inputs["landed_fraction"]
        outputs["initial_mass"] = initial
        outputs["entry_system_mass"] = initial - inputs["payload_mass"]
        outputs["propellant_mass"] = 0.0

    def compute_partials(self, inputs, partials):
        phi = inputs["landed_fraction"]
        d_payload = np.ones_like(inputs["payload_mass"]) / phi
        d_phi = -inputs["payload_mass"] / phi**2
        partials["initial_mass", "payload_mass"] = d_payload
        partials["initial_mass", "landed_fraction"] = d_phi
        partials["entry_system_mass", "payload_mass"] = d_payload - 1.0
        partials["entry_system_mass", "landed_fraction"] = d_phi

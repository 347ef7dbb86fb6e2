"""Outpost modules flown as catalog elements (a station of several named modules)."""

from __future__ import annotations

import numpy as np
import openmdao.api as om


class OutpostModules(om.ExplicitComponent):
    """Modules the outpost flies at their catalog masses, summed: ``m = sum_k m_k``.

    A station of several named modules (Gateway's PPE, Lunar View, airlock) flies each at the
    mass its catalog entry gives, with that entry's source; the habitat, life support and power
    the outpost relationships size are beside them (``OutpostGroup``). The masses are inputs so
    that a sweep or sensitivity study can vary them.

    Options
    -------
    num_modules : int
        Number of catalog modules (at least 1).
    """

    def initialize(self):
        self.options.declare("num_modules", types=int, lower=1)

    def setup(self):
        k = self.options["num_modules"]
        self.add_input("module_mass", val=np.zeros(k), units="kg", desc="each module's mass as flown (catalog)")
        self.add_output("modules_mass", val=0.0, units="kg", desc="the modules' mass together")
        self.declare_partials("modules_mass", "module_mass", val=np.ones((1, k)))

    def compute(self, inputs, outputs):
        outputs["modules_mass"] = np.sum(inputs["module_mass"])

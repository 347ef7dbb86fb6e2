"""Programme wraps: costs above the elements, as fractions of their development cost."""

from __future__ import annotations

import numpy as np
import openmdao.api as om


class ProgrammeWraps(om.ExplicitComponent):
    """``wraps[i, w] = f_w D_i`` and ``development_i = D_i (1 + sum_w f_w)``: each wrap ``w``
    (systems engineering and integration above the elements, test flights, ground systems,
    reserves) is a fraction ``f_w`` of item ``i``'s element development ``D_i`` (base-year MUSD),
    paid with that development by the item's providers. Items without hardware have ``D_i = 0``
    and no wraps.

    References
    ----------
    The fractions and their sources are the catalog's ``cost.programme_wraps``
    (docs/model.md, "Programme wraps").
    """

    def initialize(self):
        self.options.declare("num_items", types=int)
        self.options.declare("num_wraps", types=int)

    def setup(self):
        k, w = self.options["num_items"], self.options["num_wraps"]
        self.add_input("element_development", val=np.zeros(k), units="MUSD", desc="development of each item's elements")
        self.add_input("wrap_fraction", val=np.zeros(w), units="unitless", desc="each wrap as a fraction of development")
        self.add_output("wraps", val=np.zeros((k, w)), units="MUSD")
        self.add_output("development", val=np.zeros(k), units="MUSD", desc="development with its wraps")
        flat = np.arange(k * w)
        self.declare_partials("wraps", "element_development", rows=flat, cols=flat // w)
        self.declare_partials("wraps", "wrap_fraction", rows=flat, cols=flat % w)
        self.declare_partials("development", "element_development", rows=np.arange(k), cols=np.arange(k))
        self.declare_partials("development", "wrap_fraction", rows=np.repeat(np.arange(k), w), cols=np.tile(np.arange(w), k))

    def compute(self, inputs, outputs):
        dev, f = inputs["element_development"], inputs["wrap_fraction"]
        outputs["wraps"] = np.outer(dev, f)
        outputs["development"] = dev * (1.0 + np.sum(f))

    def compute_partials(self, inputs, partials):
        dev, f = inputs["element_development"], inputs["wrap_fraction"]
        k, w = self.options["num_items"], self.options["num_wraps"]
        partials["wraps", "element_development"] = np.tile(f, k)
        partials["wraps", "wrap_fraction"] = np.repeat(dev, w)
        partials["development", "element_development"] = np.full(k, 1.0 + np.sum(f))
        partials["development", "wrap_fraction"] = np.repeat(dev, w)

"""Coordination overhead of elements shared among partners."""

from __future__ import annotations

import numpy as np
import openmdao.api as om


class CoordinationOverhead(om.ExplicitComponent):
    """Cost multiplier of an element built by several partners: ``k = N_eff^alpha``.

    ``N_eff = 1 / sum_i s_i^2`` is the effective number of partners (the inverse Herfindahl
    index of the work shares ``s_i``, which sum to one): 1 for a single builder, ``N`` for ``N``
    equal shares, and smooth in between so derivatives exist. ``alpha = 0.5`` is the
    collaborative-programme "square root of the number of nations" rule; a power of ``N`` with an
    exponent in (0, 1) is its general form.

    Vectorized over ``num_elements`` (rows of ``shares``, one column per partner).

    References
    ----------
    R. Ford, 'Is there anything new to learn about armaments cooperation in Europe?', FRS
    Defense & Industries no. 2 (2014), naming the sqrt(N) heuristic; A. R. Jones, Working Guides
    to Estimating & Forecasting (Routledge), ch. doi 10.4324/9781315160092-8, for the power-law
    form (attribution unverified).
    """

    def initialize(self):
        self.options.declare("num_elements", types=int, default=1)
        self.options.declare("num_partners", types=int)

    def setup(self):
        n, p = self.options["num_elements"], self.options["num_partners"]
        self.add_input("shares", val=np.full((n, p), 1.0 / p), units="unitless", desc="work share of each partner")
        self.add_input("exponent", val=0.5, units="unitless", desc="alpha in N_eff^alpha")
        self.add_output("effective_partners", val=np.ones(n), units="unitless")
        self.add_output("overhead_factor", val=np.ones(n), units="unitless")
        rows = np.repeat(np.arange(n), p)
        cols = np.arange(n * p)
        self.declare_partials(["effective_partners", "overhead_factor"], "shares", rows=rows, cols=cols)
        self.declare_partials("overhead_factor", "exponent", rows=np.arange(n), cols=np.zeros(n, dtype=int))

    def compute(self, inputs, outputs):
        herfindahl = np.sum(inputs["shares"] ** 2, axis=1)
        effective = 1.0 / herfindahl
        outputs["effective_partners"] = effective
        outputs["overhead_factor"] = effective ** inputs["exponent"][0]

    def compute_partials(self, inputs, partials):
        shares, alpha = inputs["shares"], inputs["exponent"][0]
        herfindahl = np.sum(shares**2, axis=1)
        effective = 1.0 / herfindahl
        d_eff = -2.0 * shares / herfindahl[:, None] ** 2  # d(1/H)/ds_i = -2 s_i / H^2
        partials["effective_partners", "shares"] = d_eff.ravel()
        partials["overhead_factor", "shares"] = (alpha * effective[:, None] ** (alpha - 1.0) * d_eff).ravel()
        partials["overhead_factor", "exponent"] = effective**alpha * np.log(effective)

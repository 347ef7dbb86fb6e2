"""Production cost of repeated units with a learning curve."""

from __future__ import annotations

import numpy as np
import openmdao.api as om


class LearningCurveProduction(om.ExplicitComponent):
    """Yearly production cost of units built with a Wright learning curve.

    Unit ``n`` costs ``T1 n^x`` with ``x = log2(b)`` (``b`` = 0.8: each doubling of the
    cumulative count costs 80 %). With ``N_y`` the cumulative units built by the end of year
    ``y``, the year's cost is the sum over its units, taken as the integral from
    ``N_(y-1) + 1/2`` to ``N_y + 1/2`` (midpoint rule), which is smooth in continuous unit counts:

        C_y = T1 / (1 + x) [ (N_y + 1/2)^(1+x) - (N_(y-1) + 1/2)^(1+x) ]

    Against the exact sum of unit costs, for learning rates 0.75-0.95 and whole unit counts, this
    overstates the year that builds the first unit by at most 3 % (the curve is steepest there)
    and any later year by under 1 % (tested).

    References
    ----------
    T. P. Wright, 'Factors affecting the cost of airplanes', J. Aeronautical Sciences 3(4), 1936.
    Learning rate 0.8 for aerospace: 'A Systems Design for a Prototype Space Colony' (MIT, 1976),
    ch. 9, via shared/reference/refdata.yaml (learning_curve_aerospace).
    """

    def initialize(self):
        self.options.declare("num_years", types=int)

    def setup(self):
        n = self.options["num_years"]
        self.add_input("first_unit_cost", val=1.0, units="MUSD", desc="theoretical first unit cost T1")
        self.add_input("learning_rate", val=0.8, units="unitless", desc="cost ratio per doubling of units")
        self.add_input("units", val=np.zeros(n), units="unitless", desc="units built each year")
        self.add_output("production_cost", val=np.zeros(n), units="MUSD", desc="per year")
        self.declare_partials("production_cost", ["first_unit_cost", "learning_rate"], rows=np.arange(n), cols=np.zeros(n, dtype=int))
        rows, cols = np.tril_indices(n)  # year y depends on the units of years 0..y
        self.declare_partials("production_cost", "units", rows=rows, cols=cols)

    def _terms(self, inputs):
        x = np.log2(inputs["learning_rate"][0])
        cumulative = np.cumsum(inputs["units"])
        previous = np.concatenate(([0.0], cumulative[:-1]))
        return x, cumulative + 0.5, previous + 0.5

    def compute(self, inputs, outputs):
        x, upper, lower = self._terms(inputs)
        outputs["production_cost"] = inputs["first_unit_cost"] / (1.0 + x) * (upper ** (1 + x) - lower ** (1 + x))

    def compute_partials(self, inputs, partials):
        n = self.options["num_years"]
        t1, b = inputs["first_unit_cost"][0], inputs["learning_rate"][0]
        x, upper, lower = self._terms(inputs)
        bracket = upper ** (1 + x) - lower ** (1 + x)
        partials["production_cost", "first_unit_cost"] = bracket / (1.0 + x)
        d_bracket_dx = upper ** (1 + x) * np.log(upper) - lower ** (1 + x) * np.log(lower)
        d_cost_dx = t1 * (d_bracket_dx / (1.0 + x) - bracket / (1.0 + x) ** 2)
        partials["production_cost", "learning_rate"] = d_cost_dx / (b * np.log(2.0))
        # d C_y / d units_k: upper depends on k <= y, lower on k <= y - 1
        rows, cols = np.tril_indices(n)
        d_upper = t1 * upper**x
        d_lower = t1 * lower**x
        partials["production_cost", "units"] = d_upper[rows] - np.where(cols < rows, d_lower[rows], 0.0)

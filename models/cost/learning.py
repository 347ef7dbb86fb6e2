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
    overstates the year that builds the first unit by at most 3 % and any later year by under 1 %
    (tested).

    With ``num_items`` set, ``first_unit_cost`` has one value per item and ``units`` and
    ``production_cost`` are ``(num_items, num_years)`` (one learning curve per item, one rate).

    References
    ----------
    T. P. Wright, 'Factors affecting the cost of airplanes', J. Aeronautical Sciences 3(4), 1936.
    Learning rate 0.8 for aerospace: 'A Systems Design for a Prototype Space Colony' (MIT, 1976),
    ch. 9.
    """

    def initialize(self):
        self.options.declare("num_years", types=int)
        self.options.declare("num_items", types=int, default=None, allow_none=True)

    def setup(self):
        n, k = self.options["num_years"], self.options["num_items"]
        items = 1 if k is None else k
        shape = (n,) if k is None else (k, n)
        self.add_input("first_unit_cost", val=np.ones(items) if k else 1.0, units="MUSD", desc="theoretical first unit cost T1")
        self.add_input("learning_rate", val=0.8, units="unitless", desc="cost ratio per doubling of units")
        self.add_input("units", val=np.zeros(shape), units="unitless", desc="units built each year")
        self.add_output("production_cost", val=np.zeros(shape), units="MUSD", desc="per year")
        flat = np.arange(items * n)
        self.declare_partials("production_cost", "first_unit_cost", rows=flat, cols=flat // n)
        self.declare_partials("production_cost", "learning_rate", rows=flat, cols=np.zeros(items * n, dtype=int))
        rows, cols = np.tril_indices(n)  # year y depends on the units of years 0..y of its item
        offsets = np.repeat(np.arange(items) * n, len(rows))
        self._rows, self._cols = np.tile(rows, items) + offsets, np.tile(cols, items) + offsets
        self.declare_partials("production_cost", "units", rows=self._rows, cols=self._cols)

    def _terms(self, inputs):
        n = self.options["num_years"]
        x = np.log2(inputs["learning_rate"][0])
        units = inputs["units"].reshape(-1, n)
        cumulative = np.cumsum(units, axis=1)
        previous = np.concatenate((np.zeros((units.shape[0], 1)), cumulative[:, :-1]), axis=1)
        t1 = np.asarray(inputs["first_unit_cost"]).reshape(-1, 1)
        return x, t1, cumulative + 0.5, previous + 0.5

    def compute(self, inputs, outputs):
        x, t1, upper, lower = self._terms(inputs)
        outputs["production_cost"] = (t1 / (1.0 + x) * (upper ** (1 + x) - lower ** (1 + x))).reshape(outputs["production_cost"].shape)

    def compute_partials(self, inputs, partials):
        n = self.options["num_years"]
        b = inputs["learning_rate"][0]
        x, t1, upper, lower = self._terms(inputs)
        bracket = upper ** (1 + x) - lower ** (1 + x)
        partials["production_cost", "first_unit_cost"] = (bracket / (1.0 + x)).ravel()
        d_bracket_dx = upper ** (1 + x) * np.log(upper) - lower ** (1 + x) * np.log(lower)
        d_cost_dx = t1 * (d_bracket_dx / (1.0 + x) - bracket / (1.0 + x) ** 2)
        partials["production_cost", "learning_rate"] = (d_cost_dx / (b * np.log(2.0))).ravel()
        # d C_y / d units_k: upper depends on k <= y, lower on k <= y - 1 (same item)
        item, year, year_k = self._rows // n, self._rows % n, self._cols % n
        d_upper = (t1 * upper**x).ravel()
        d_lower = (t1 * lower**x).ravel()
        flat = item * n + year
        partials["production_cost", "units"] = d_upper[flat] - np.where(year_k < year, d_lower[flat], 0.0)

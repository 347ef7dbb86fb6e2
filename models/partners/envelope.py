"""One budget envelope per partner over several destinations of an integrated architecture."""

from __future__ import annotations

import numpy as np
import openmdao.api as om


class PartnerEnvelope(om.ExplicitComponent):
    """What each partner pays per calendar year over all destinations, and their total cost.

    Destination ``d`` runs over its own campaign years and has its own partners; partner ``P``
    pays in calendar year ``Y``::

        spend[P, Y] = sum_d pays_d[p_d(P), y_d(Y)]     (zero where P or Y is not d's)
        life_cycle_cost = sum_d life_cycle_cost_d

    Both are linear: the partials are constant 0/1 maps, declared once.

    Options
    -------
    partners : list of str
        Partner ids of the envelope (rows of ``spend``).
    years : list of int
        Calendar years of the envelope (columns of ``spend``).
    destinations : list of (name, partner ids, years)
        Each destination's input name suffix, partners (rows of its ``pays``) and years.
    """

    def initialize(self):
        self.options.declare("partners", types=list)
        self.options.declare("years", types=list)
        self.options.declare("destinations", types=list)

    def setup(self):
        partners, years = self.options["partners"], self.options["years"]
        rows_of, cols_of = {p: i for i, p in enumerate(partners)}, {y: i for i, y in enumerate(years)}
        self.add_output("spend", val=np.zeros((len(partners), len(years))), units="MUSD",
                        desc="per partner and calendar year, all destinations")
        self.add_output("life_cycle_cost", val=0.0, units="MUSD", desc="all destinations, base-year dollars")
        self._maps = []
        for name, ids, dest_years in self.options["destinations"]:
            self.add_input(f"pays_{name}", val=np.zeros((len(ids), len(dest_years))), units="MUSD")
            self.add_input(f"life_cycle_cost_{name}", val=0.0, units="MUSD")
            p, y = np.meshgrid([rows_of[i] for i in ids], [cols_of[year] for year in dest_years], indexing="ij")
            rows = (p * len(years) + y).ravel()  # where each (partner, year) of d lands, row-major
            self._maps.append((name, rows))
            self.declare_partials("spend", f"pays_{name}", rows=rows, cols=np.arange(rows.size), val=1.0)
            self.declare_partials("life_cycle_cost", f"life_cycle_cost_{name}", val=1.0)

    def compute(self, inputs, outputs):
        spend = np.zeros(outputs["spend"].size, dtype=inputs[f"pays_{self._maps[0][0]}"].dtype)
        for name, rows in self._maps:
            np.add.at(spend, rows, inputs[f"pays_{name}"].ravel())
        outputs["spend"] = spend.reshape(outputs["spend"].shape)
        outputs["life_cycle_cost"] = sum(inputs[f"life_cycle_cost_{name}"] for name, _ in self._maps)

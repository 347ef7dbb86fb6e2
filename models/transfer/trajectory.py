"""Interplanetary transfer delta-v as a smooth function of departure date and time of flight."""

from __future__ import annotations

import numpy as np
import openmdao.api as om


class TransferTable(om.Group):
    """Departure and capture delta-v interpolated from a porkchop grid.

    The table (departure date, days from J2000 TDB, x time of flight) comes from Lambert solutions
    on a JPL ephemeris, all of one transfer type (:func:`trades.astro.porkchop.window_table`); a cubic
    spline (``MetaModelStructuredComp``) makes it differentiable, so departure date and time of
    flight can be design variables, within the table's range (outside it the component raises
    an AnalysisError: give the design variables the table's bounds).

    Inputs: ``departure_date`` [d from J2000], ``time_of_flight`` [d].
    Outputs: ``departure_delta_v`` and ``arrival_delta_v`` [m/s].
    """

    def initialize(self):
        self.options.declare("departure_days", types=np.ndarray, desc="grid departure dates, d from J2000")
        self.options.declare("tof_days", types=np.ndarray, desc="grid times of flight, d")
        self.options.declare("departure_delta_v", types=np.ndarray, desc="(n_dep, n_tof) m/s")
        self.options.declare("arrival_delta_v", types=np.ndarray, desc="(n_dep, n_tof) m/s")
        self.options.declare("method", default="scipy_cubic", values=["scipy_cubic", "akima", "slinear", "cubic"])

    def setup(self):
        dep, tof = self.options["departure_days"], self.options["tof_days"]
        table = om.MetaModelStructuredComp(method=self.options["method"], extrapolate=False)
        table.add_input("departure_date", float(dep.mean()), training_data=dep, units="d")
        table.add_input("time_of_flight", float(tof.mean()), training_data=tof, units="d")
        table.add_output("departure_delta_v", 0.0, training_data=self.options["departure_delta_v"], units="m/s")
        table.add_output("arrival_delta_v", 0.0, training_data=self.options["arrival_delta_v"], units="m/s")
        self.add_subsystem("table", table, promotes=["*"])

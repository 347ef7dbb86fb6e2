"""Interplanetary transfer delta-v as a smooth function of departure date and time of flight."""

from __future__ import annotations

import numpy as np
import openmdao.api as om


class TransferTable(om.Group):
    """Departure and capture delta-v interpolated from a porkchop grid.

    The grid (departure x arrival dates, days from J2000 TDB) comes from Lambert solutions on a
    JPL ephemeris (:mod:`trades.porkchop`); a cubic spline (``MetaModelStructuredComp``) makes it
    differentiable, so departure date and time of flight can be design variables. The arrival
    date is ``departure_date + time_of_flight``.

    Inputs: ``departure_date`` [d from J2000], ``time_of_flight`` [d].
    Outputs: ``departure_delta_v`` and ``arrival_delta_v`` [m/s].
    """

    def initialize(self):
        self.options.declare("departure_days", types=np.ndarray, desc="grid departure dates, d from J2000")
        self.options.declare("arrival_days", types=np.ndarray, desc="grid arrival dates, d from J2000")
        self.options.declare("departure_delta_v", types=np.ndarray, desc="(n_dep, n_arr) m/s")
        self.options.declare("arrival_delta_v", types=np.ndarray, desc="(n_dep, n_arr) m/s")
        self.options.declare("method", default="scipy_cubic", values=["scipy_cubic", "akima", "slinear", "cubic"])

    def setup(self):
        dep, arr = self.options["departure_days"], self.options["arrival_days"]
        self.add_subsystem(
            "arrival",
            om.ExecComp(
                "arrival_date = departure_date + time_of_flight",
                arrival_date={"units": "d"}, departure_date={"units": "d"}, time_of_flight={"units": "d"},
            ),
            promotes_inputs=["departure_date", "time_of_flight"],
        )
        table = om.MetaModelStructuredComp(method=self.options["method"], extrapolate=False)
        table.add_input("departure_date", float(dep.mean()), training_data=dep, units="d")
        table.add_input("arrival_date", float(arr.mean()), training_data=arr, units="d")
        table.add_output("departure_delta_v", 0.0, training_data=self.options["departure_delta_v"], units="m/s")
        table.add_output("arrival_delta_v", 0.0, training_data=self.options["arrival_delta_v"], units="m/s")
        self.add_subsystem("table", table, promotes_inputs=["departure_date"], promotes_outputs=["departure_delta_v", "arrival_delta_v"])
        self.connect("arrival.arrival_date", "table.arrival_date")
        self.set_input_defaults("departure_date", float(dep.mean()), units="d")
        self.set_input_defaults("time_of_flight", float(arr.mean() - dep.mean()), units="d")

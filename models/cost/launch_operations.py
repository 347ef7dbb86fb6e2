"""TRANSCOST's per-flight operations relationships: pre-launch ground operations and launch,
flight and mission operations of a launcher, per year of a campaign."""

from __future__ import annotations

import numpy as np
import openmdao.api as om


class LaunchOperationsCost(om.ExplicitComponent):
    """Yearly ground and mission operations of ``L_y`` launches of one launcher (base-year MUSD).

    Per launch, in work-years (TRANSCOST, Koelle):

        C_PLO = a_g M0^x_M L^x_L N^x_N f_v f_c                    pre-launch ground operations
        C_m   = a_m (sum Q) L^x_Lm + a_c T^x_T Na^x_Na L^x_Lc      launch, flight and mission operations

    ``M0`` gross lift-off mass [t], ``N`` stages, ``f_v`` vehicle-type and ``f_c`` assembly-mode
    factors, ``sum Q`` the vehicle-complexity sum, ``T`` the crewed mission's days and ``Na`` its
    crew (the second term of ``C_m`` is the crewed-flight addition). The year's cost is
    ``L_y C(L) w`` with ``w`` the value of a work-year [MUSD]. Learning (``f4``) is 1: every flight
    at the relationship's reference level; ``f8`` (country) is 1 and ``f11`` (commercial) 1: a
    government-operated launcher.

    The relationships were fitted for 3 or more launches a year (lvreuse warns below it): at a
    lower rate the per-launch cost is taken at the fitted range's lowest rate, ``L = max(L_y,
    min_rate)`` (the team of a 3-a-year programme paid per launch flown, a lower bound for fewer
    launches). Coefficients are options (from ``trades/catalogs/cost.yaml``); what a sweep may vary
    is an input.

    References
    ----------
    D. E. Koelle, TRANSCOST 8.2, operations chapter, as transcribed in MIT lvreuse
    (lvreuse/cost/vehicle.py ``preflight_ground_ops_cost``, ``flight_mission_ops_cost``;
    lessons/transcost.ipynb), github.com/mvernacc/lvreuse.
    """

    def initialize(self):
        self.options.declare("num_years", types=int)
        self.options.declare("coefficients", types=dict,
                             desc="a_g, x_M, x_L, x_N, a_m, x_Lm, a_c, x_T, x_Na, x_Lc, min_rate")

    def setup(self):
        n = self.options["num_years"]
        self.add_input("launches", val=np.zeros(n), units="unitless", desc="launches of the vehicle per year")
        self.add_input("liftoff_mass", val=1000.0, units="t", desc="gross lift-off mass M0")
        self.add_input("stages", val=2.0, units="unitless", desc="stages or major vehicle elements N")
        self.add_input("vehicle_type_factor", val=1.0, units="unitless", desc="f_v")
        self.add_input("assembly_factor", val=1.0, units="unitless", desc="f_c")
        self.add_input("complexity", val=1.0, units="unitless", desc="sum of the vehicle-complexity factors Q")
        self.add_input("mission_days", val=0.0, units="d", desc="crewed mission duration T (0: uncrewed)")
        self.add_input("crew", val=0.0, units="unitless", desc="crew of a crewed flight Na")
        self.add_input("work_year_value", val=1.0, units="MUSD", desc="base-year MUSD per work-year")
        self.add_output("ground_operations", val=np.zeros(n), units="MUSD", desc="per year")
        self.add_output("mission_operations", val=np.zeros(n), units="MUSD", desc="per year")
        self.add_output("launch_operations", val=np.zeros(n), units="MUSD", desc="ground + mission, per year")
        ar, zero = np.arange(n), np.zeros(n, dtype=int)
        for out in ("ground_operations", "mission_operations", "launch_operations"):
            self.declare_partials(out, "launches", rows=ar, cols=ar)
            self.declare_partials(out, "work_year_value", rows=ar, cols=zero)
        for name in ("liftoff_mass", "stages", "vehicle_type_factor", "assembly_factor"):
            for out in ("ground_operations", "launch_operations"):
                self.declare_partials(out, name, rows=ar, cols=zero)
        for name in ("complexity", "mission_days", "crew"):
            for out in ("mission_operations", "launch_operations"):
                self.declare_partials(out, name, rows=ar, cols=zero)

    def _terms(self, inputs):
        c = self.options["coefficients"]
        launches = inputs["launches"]
        above = launches > c["min_rate"]
        rate = np.where(above, launches, c["min_rate"])
        d_rate = np.where(above, 1.0, 0.0)
        return c, launches, rate, d_rate

    def compute(self, inputs, outputs):
        c, launches, rate, _ = self._terms(inputs)
        w = inputs["work_year_value"]
        ground = c["a_g"] * inputs["liftoff_mass"] ** c["x_M"] * inputs["stages"] ** c["x_N"] * inputs["vehicle_type_factor"] \
            * inputs["assembly_factor"] * rate ** c["x_L"]
        mission = c["a_m"] * inputs["complexity"] * rate ** c["x_Lm"] + _crewed(c, inputs) * rate ** c["x_Lc"]
        outputs["ground_operations"] = w * launches * ground
        outputs["mission_operations"] = w * launches * mission
        outputs["launch_operations"] = outputs["ground_operations"] + outputs["mission_operations"]

    def compute_partials(self, inputs, partials):
        c, launches, rate, d_rate = self._terms(inputs)
        w = inputs["work_year_value"]
        m0, stages, fv, fc = inputs["liftoff_mass"], inputs["stages"], inputs["vehicle_type_factor"], inputs["assembly_factor"]
        g0 = c["a_g"] * m0 ** c["x_M"] * stages ** c["x_N"] * fv * fc  # ground per launch at rate 1
        ground = g0 * rate ** c["x_L"]
        crewed = _crewed(c, inputs)
        mission = c["a_m"] * inputs["complexity"] * rate ** c["x_Lm"] + crewed * rate ** c["x_Lc"]
        d_ground_d_rate = g0 * c["x_L"] * rate ** (c["x_L"] - 1.0)
        d_mission_d_rate = (c["a_m"] * inputs["complexity"] * c["x_Lm"] * rate ** (c["x_Lm"] - 1.0)
                            + crewed * c["x_Lc"] * rate ** (c["x_Lc"] - 1.0))
        dg = w * (ground + launches * d_ground_d_rate * d_rate)
        dm = w * (mission + launches * d_mission_d_rate * d_rate)
        partials["ground_operations", "launches"], partials["mission_operations", "launches"] = dg, dm
        partials["launch_operations", "launches"] = dg + dm
        partials["ground_operations", "work_year_value"] = launches * ground
        partials["mission_operations", "work_year_value"] = launches * mission
        partials["launch_operations", "work_year_value"] = launches * (ground + mission)
        yearly_ground = w * launches * ground
        for name, value, exponent in (("liftoff_mass", m0, c["x_M"]), ("stages", stages, c["x_N"]),
                                      ("vehicle_type_factor", fv, 1.0), ("assembly_factor", fc, 1.0)):
            d = yearly_ground * exponent / value
            partials["ground_operations", name] = partials["launch_operations", name] = d
        d_complexity = w * launches * c["a_m"] * rate ** c["x_Lm"]
        partials["mission_operations", "complexity"] = partials["launch_operations", "complexity"] = d_complexity
        yearly_crewed = w * launches * crewed * rate ** c["x_Lc"]
        for name, exponent in (("mission_days", c["x_T"]), ("crew", c["x_Na"])):
            value = inputs[name]
            d = np.where(value > 0.0, yearly_crewed * exponent / np.where(value > 0.0, value, 1.0), 0.0)
            partials["mission_operations", name] = partials["launch_operations", name] = d


def _crewed(c: dict, inputs) -> np.ndarray:
    """The crewed-flight term at rate 1, ``a_c T^x_T Na^x_Na`` (0 for an uncrewed flight)."""
    return c["a_c"] * inputs["mission_days"] ** c["x_T"] * inputs["crew"] ** c["x_Na"]

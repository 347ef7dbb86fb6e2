"""Cost of every item per year and what each partner provides and pays, configured with plain
data: sizes, the costed elements and their relationship, item indices and the partnership rules."""

from __future__ import annotations

import numpy as np
import openmdao.api as om

from trades.models.cost.amcm import AmcmCost
from trades.models.cost.launch_operations import LaunchOperationsCost
from trades.models.cost.learning import LearningCurveProduction
from trades.models.cost.present_value import PresentValue
from trades.models.cost.rollup import CostRollup
from trades.models.cost.spend import ItemSpend, OperationsCost
from trades.models.cost.transcost import TranscostCost
from trades.models.cost.wraps import ProgrammeWraps
from trades.models.launch import LaunchMassByItem
from trades.models.partners import CoordinationOverhead, PartnerContributions, PartnerPayments
from trades.models.sums import sum_component


class CostGroup(om.Group):
    """Cost of every item per year and what each partner provides and pays.

    Options
    -------
    elements : list of (name, method, item, coefficients)
        Each costed piece of hardware: ``method`` 'transcost' (``coefficients`` dev_a, dev_x,
        prod_a, prod_x) or 'amcm' (the shared ``amcm_coefficients``, whose quantity exponent ``b``
        splits an AMCM cost into development and first unit); ``item`` its item index.
    """

    def initialize(self):
        self.options.declare("num_years", types=int)
        self.options.declare("num_items", types=int)
        self.options.declare("num_partners", types=int)
        self.options.declare("elements", types=list, recordable=False)
        self.options.declare("amcm_coefficients", types=dict, desc="AMCM a..g")
        self.options.declare("operations_item", default=None, allow_none=True)
        self.options.declare("crew_transport_item", default=None, allow_none=True)
        self.options.declare("cargo_transport_item", default=None, allow_none=True)
        self.options.declare("crew_lander_item", default=None, allow_none=True)
        self.options.declare("barred_pairs", types=tuple, default=())
        self.options.declare("payment_matrix", types=np.ndarray, recordable=False)
        self.options.declare("return_bounds", types=tuple, default=(1.0, 1.0))
        self.options.declare("initial_shares", types=np.ndarray, recordable=False)
        self.options.declare("num_wraps", types=int, default=0, desc="programme wraps (ProgrammeWraps)")
        self.options.declare("launch_operations", types=dict, default=None, allow_none=True,
                             desc="TRANSCOST operations coefficients: a government-operated crew launcher (LaunchOperationsCost)")

    def setup(self):
        o = self.options
        n, k, p = o["num_years"], o["num_items"], o["num_partners"]
        rollup_elements = []
        for name, method, item, c in o["elements"]:
            if method == "transcost":
                self.add_subsystem(name, TranscostCost(num_elements=1, dev_a=[c["dev_a"]], dev_x=[c["dev_x"]], prod_a=[c["prod_a"]], prod_x=[c["prod_x"]]))
                self.connect(f"{name}.development", f"rollup.{name}_development")
                self.connect(f"{name}.first_unit", f"rollup.{name}_first_unit")
            else:
                self.add_subsystem(name, AmcmCost(num_elements=1, coefficients=o["amcm_coefficients"]))
                self.connect(f"{name}.cost_fy1999", f"rollup.{name}_cost")
            rollup_elements.append((name, method, item))
        self.add_subsystem("rollup", CostRollup(num_items=k, elements=rollup_elements, amcm_quantity_exponent=o["amcm_coefficients"]["b"]))
        # programme wraps above the elements, before the spend that phases them (execution order)
        self.add_subsystem("wraps", ProgrammeWraps(num_items=k, num_wraps=o["num_wraps"]))
        self.connect("rollup.development", "wraps.element_development")

        units = om.MuxComp(vec_size=k)
        units.add_var("units", shape=(n,), axis=0, units="unitless")
        self.add_subsystem("units", units)
        self.add_subsystem("production", LearningCurveProduction(num_years=n, num_items=k))
        self.connect("units.units", "production.units")
        self.connect("rollup.first_unit", "production.first_unit_cost")

        self.add_subsystem("operations", OperationsCost(num_years=n), promotes_inputs=["crew_size"])
        if o["launch_operations"] is not None:  # each crewed launch's ground and mission operations, in the crew item (before spend)
            self.add_subsystem("launch_operations", LaunchOperationsCost(num_years=n, coefficients=o["launch_operations"]))
            self.connect("launch_operations.launch_operations", "spend.crew_launch_operations")
        self.add_subsystem("spend", ItemSpend(
            num_items=k, num_years=n, operations_item=o["operations_item"], crew_transport_item=o["crew_transport_item"],
        ))
        self.connect("wraps.development", "spend.development")
        self.connect("production.production_cost", "spend.production")
        self.connect("operations.operations_cost", "spend.operations_cost")

        deploy = om.MuxComp(vec_size=k)
        deploy.add_var("deploy_mass", shape=(1,), axis=0, units="kg")
        self.add_subsystem("deploy_mass", deploy)
        self.add_subsystem("logistics_mass", sum_component("logistics_mass", ["consumables", "spares"], n))
        self.add_subsystem("launch_mass", LaunchMassByItem(
            num_items=k, num_years=n, logistics_item=o["cargo_transport_item"], crew_lander_item=o["crew_lander_item"],
        ))
        self.connect("deploy_mass.deploy_mass", "launch_mass.deploy_mass", src_indices=om.slicer[:, 0])
        self.connect("logistics_mass.logistics_mass", "launch_mass.logistics_mass")

        self.add_subsystem("overhead", CoordinationOverhead(num_elements=k, num_partners=p), promotes_inputs=["shares"])
        partners = self.add_subsystem("partners", om.Group(), promotes_inputs=["shares"])
        partners.add_subsystem("contributions", PartnerContributions(
            num_items=k, num_partners=p, num_years=n, barred_pairs=o["barred_pairs"],
        ), promotes=["*"])
        partners.add_subsystem("payments", PartnerPayments(
            num_partners=p, num_years=n, payment_matrix=o["payment_matrix"], return_bounds=o["return_bounds"],
        ), promotes=["*"])
        self.connect("overhead.overhead_factor", "partners.overhead_factor")
        self.connect("spend.developed", "partners.developed")
        self.connect("spend.built", "partners.built")
        self.connect("spend.bought", "partners.bought")
        self.connect("launch_mass.leo_mass", "partners.leo_mass")

        self.add_subsystem("present_value", PresentValue(num_years=n))
        self.connect("partners.total_cost", "present_value.cost")
        self.add_subsystem("per_crew_day", om.ExecComp(
            "cost_per_crew_day = life_cycle_cost / (sum(crew_days) + 1e-9)",
            cost_per_crew_day={"units": "MUSD/d"}, life_cycle_cost={"units": "MUSD"}, crew_days={"shape": (n,), "units": "d"},
        ), promotes_inputs=["crew_days"])
        self.connect("partners.life_cycle_cost", "per_crew_day.life_cycle_cost")
        self.set_input_defaults("shares", val=o["initial_shares"], units="unitless")

"""Build the OpenMDAO problem of an architecture from the components in :mod:`models`.

Data flow inside the model (per campaign year where it says [y])::

    crew schedule -> crew-days[y], rotations[y]
    outpost: ISRU plant -> power demand -> power system; habitat; life support -> dry mass
    logistics: consumables[y] (crew-days, closure, ISRU) -> manifest: delivered mass[y]
    transfer: delivered mass[y] -> stage chain -> mass in launch orbit[y]
              crew landers[y]   -> stage chain -> mass in launch orbit[y]
    launch: mass in launch orbit[y] -> cargo launches[y]; rotations[y] -> crew launches[y]
    cost: dry masses -> development, first unit (TRANSCOST, AMCM) -> production[y] (learning)
          + operations[y] + crew launches[y] x price; launch mass per item[y]
    partners: work shares -> coordination overhead; provides[p, y], pays[p, y], rules
"""

from __future__ import annotations

import numpy as np
import openmdao.api as om

from trades.models import variables as var
from trades.models.cost import AmcmCost, CostRollup, ItemSpend, LearningCurveProduction, OperationsCost, PresentValue, TranscostCost
from trades.models.launch import CrewLaunches, LaunchCount, LaunchMassByItem
from trades.models.partners import CoordinationOverhead, PartnerContributions, PartnerPayments
from trades.models.logistics import Consumables, CrewLanderDemand, CrewSchedule, DeliveryManifest
from trades.models.sums import sum_component
from trades.models.outpost import HabitatSizing, IsruPlant, LifeSupportHardware, PowerDemand, PowerSystem
from trades.models.transfer import ReusableLander, StageChain, TransferTable
from trades.resolve import Architecture


class OutpostGroup(om.Group):
    """Habitat, ISRU, power and life support, summed into the outpost's dry mass."""

    def initialize(self):
        self.options.declare("power_source", values=["solar", "fission"])

    def setup(self):
        self.add_subsystem("habitat", HabitatSizing(), promotes_inputs=["crew_size"])
        self.add_subsystem("isru", IsruPlant(), promotes_inputs=[("oxygen_production", "isru_oxygen_production")])
        self.add_subsystem("power_demand", PowerDemand(), promotes_inputs=["crew_size"])
        self.add_subsystem("power", PowerSystem(source=self.options["power_source"]))
        self.add_subsystem(
            "life_support", LifeSupportHardware(), promotes_inputs=["crew_size", "water_closure", "oxygen_closure"]
        )
        parts = ["habitat_mass", "power_system_mass", "life_support_mass", "isru_plant_mass"]
        total = om.AddSubtractComp()
        total.add_equation("outpost_dry_mass", parts, units="kg")
        self.add_subsystem("dry_mass", total, promotes_outputs=["outpost_dry_mass"])
        self.connect("isru.isru_power", "power_demand.isru_power")
        self.connect("power_demand.power_demand", "power.power_demand")
        self.connect("habitat.habitat_mass", "dry_mass.habitat_mass")
        self.connect("power.power_system_mass", "dry_mass.power_system_mass")
        self.connect("life_support.life_support_mass", "dry_mass.life_support_mass")
        self.connect("isru.isru_plant_mass", "dry_mass.isru_plant_mass")


class ArchitectureModel(om.Group):
    """The whole physical architecture of one study."""

    def initialize(self):
        self.options.declare("architecture", types=Architecture, recordable=False)

    def setup(self):
        arch: Architecture = self.options["architecture"]
        n = len(arch.years)
        shared = ["crew_size", "water_closure", "oxygen_closure", "isru_oxygen_production"]

        self.add_subsystem("crew", CrewSchedule(num_years=n), promotes_inputs=["crew_size"])
        self.add_subsystem("outpost", OutpostGroup(power_source=arch.power_source), promotes_inputs=shared)
        logistics = self.add_subsystem("logistics", om.Group(), promotes_inputs=shared[1:])
        logistics.add_subsystem(
            "consumables", Consumables(num_years=n), promotes_inputs=["water_closure", "oxygen_closure", "isru_oxygen_production"]
        )
        logistics.add_subsystem("manifest", DeliveryManifest(num_years=n))
        logistics.connect("consumables.consumables_mass", "manifest.consumables_mass")
        self.connect("crew.crew_days", var.CONSUMABLES_CREW_DAYS)
        self.connect(var.OUTPOST_DRY_MASS, var.MANIFEST_OUTPOST_DRY_MASS)

        streams = list(arch.stages)
        if arch.reusable_lander is not None:
            self.add_subsystem("reusable_lander", ReusableLander(num_years=n))
            self.connect(var.DELIVERED_MASS, "reusable_lander.delivered_mass")
            self.connect("reusable_lander.mass_to_staging_orbit", "transfer_cargo.payload_mass")
        else:
            self.connect(var.DELIVERED_MASS, "transfer_cargo.payload_mass")
        if "crew_lander" in streams:
            self.add_subsystem("crew_lander_demand", CrewLanderDemand(num_years=n))
            self.connect("crew.crew_rotations", "crew_lander_demand.crew_rotations")
            self.connect("crew_lander_demand.lander_mass", "transfer_crew_lander.payload_mass")
        if arch.trajectory is not None:
            t = arch.trajectory
            self.add_subsystem("trajectory", TransferTable(
                departure_days=t["departure_days"], tof_days=t["tof_days"],
                departure_delta_v=t["departure_delta_v"], arrival_delta_v=t["arrival_delta_v"],
            ))
            self.connect("trajectory.departure_delta_v", "transfer_cargo.stage0.delta_v")
            if t["propulsive_capture"]:
                self.connect("trajectory.arrival_delta_v", "transfer_cargo.stage1.delta_v")
        for stream in streams:
            chain = StageChain(num_stages=len(arch.stages[stream]), num_nodes=n, entry_last=arch.stages[stream][-1].role == "entry")
            self.add_subsystem(f"transfer_{stream}", chain)

        mass_terms = [f"{s}_mass" for s in streams]
        propellant_terms = [f"{s}_propellant" for s in streams]
        self.add_subsystem("total_launch_mass", sum_component("mass_in_launch_orbit", mass_terms, n))
        self.add_subsystem("total_propellant", sum_component("propellant_mass", propellant_terms, n))
        for stream in streams:
            self.connect(f"transfer_{stream}.mass_in_launch_orbit", f"total_launch_mass.{stream}_mass")
            self.connect(f"transfer_{stream}.propellant_mass", f"total_propellant.{stream}_propellant")

        self.add_subsystem("campaign_launch_mass", om.ExecComp(
            "campaign_launch_mass = sum(mass_in_launch_orbit)",
            campaign_launch_mass={"units": "kg"}, mass_in_launch_orbit={"shape": (n,), "units": "kg"},
        ))
        self.connect("total_launch_mass.mass_in_launch_orbit", "campaign_launch_mass.mass_in_launch_orbit")
        self.add_subsystem("launch_cargo", LaunchCount(num_years=n))
        self.connect("total_launch_mass.mass_in_launch_orbit", var.CARGO_MASS_TO_ORBIT)
        if arch.crew_vehicle is not None:
            self.add_subsystem("launch_crew", CrewLaunches(num_years=n))
            self.connect("crew.crew_rotations", var.CREW_ROTATIONS)

        if arch.cost is not None:
            self.add_subsystem("cost", CostGroup(architecture=arch), promotes_inputs=["crew_size"])
            self._connect_cost(arch)

        for name in shared:  # values are set from the study by build_problem
            self.set_input_defaults(name, val=0.0, units="t/year" if name == "isru_oxygen_production" else "unitless")


    def _connect_cost(self, arch: Architecture) -> None:
        plan = arch.cost
        for element in plan.elements:
            if element.mass_output and not element.mass_output.startswith("transfer_cargo."):
                self.connect(element.mass_output, f"cost.{element.name}.dry_mass")
        for i, item in enumerate(plan.items):
            if item.units == "cargo_flights":
                self.connect(var.CARGO_FLIGHTS, f"cost.units.units_{i}")
            elif item.units == "crew_rotations":
                self.connect("crew.crew_rotations", f"cost.units.units_{i}")
            if item.deploy_mass_output:
                self.connect(item.deploy_mass_output, f"cost.deploy_mass.deploy_mass_{i}")
        self.connect("crew.crew_days", var.COST_CREW_DAYS)
        if arch.crew_vehicle is not None:
            self.connect(var.CREW_EXPECTED_ATTEMPTS, var.CREW_LAUNCH_ATTEMPTS)
        self.connect("transfer_cargo.mass_in_launch_orbit", var.CARGO_LEO_MASS)
        self.connect(var.DELIVERED_MASS, var.COST_DELIVERED_MASS)
        self.connect(var.CONSUMABLES_MASS, var.LOGISTICS_CONSUMABLES)
        self.connect(var.SPARES_MASS, var.LOGISTICS_SPARES)
        if "crew_lander" in arch.stages and plan.item_index("crew_lander") is not None:
            self.connect("transfer_crew_lander.mass_in_launch_orbit", var.CREW_LANDER_LEO_MASS)


class CostGroup(om.Group):
    """Cost of every item per year and what each partner provides and pays."""

    def initialize(self):
        self.options.declare("architecture", types=Architecture, recordable=False)

    def setup(self):
        arch: Architecture = self.options["architecture"]
        plan = arch.cost
        n, k, p = len(arch.years), len(plan.items), len(plan.partners)
        amcm = arch.catalog.entry("cost", "default")["amcm"]
        coefficients = {c: float(amcm[c]["value"]) for c in "abcdefg"}
        rollup_elements = []
        for element in plan.elements:
            if element.method == "transcost":
                c = element.coefficients
                self.add_subsystem(element.name, TranscostCost(num_elements=1, dev_a=[c["dev_a"]], dev_x=[c["dev_x"]], prod_a=[c["prod_a"]], prod_x=[c["prod_x"]]))
                self.connect(f"{element.name}.development", f"rollup.{element.name}_development")
                self.connect(f"{element.name}.first_unit", f"rollup.{element.name}_first_unit")
            else:
                self.add_subsystem(element.name, AmcmCost(num_elements=1, coefficients=coefficients))
                self.connect(f"{element.name}.cost_fy1999", f"rollup.{element.name}_cost")
            rollup_elements.append((element.name, element.method, element.item))
        self.add_subsystem("rollup", CostRollup(num_items=k, elements=rollup_elements))

        units = om.MuxComp(vec_size=k)
        units.add_var("units", shape=(n,), axis=0, units="unitless")
        self.add_subsystem("units", units)
        self.add_subsystem("production", LearningCurveProduction(num_years=n, num_items=k))
        self.connect("units.units", "production.units")
        self.connect("rollup.first_unit", "production.first_unit_cost")

        self.add_subsystem("operations", OperationsCost(num_years=n), promotes_inputs=["crew_size"])
        self.add_subsystem("spend", ItemSpend(
            num_items=k, num_years=n, operations_item=plan.item_index("operations"), crew_transport_item=plan.item_index("crew_transport"),
        ))
        self.connect("rollup.development", "spend.development")
        self.connect("production.production_cost", "spend.production")
        self.connect("operations.operations_cost", "spend.operations_cost")

        deploy = om.MuxComp(vec_size=k)
        deploy.add_var("deploy_mass", shape=(1,), axis=0, units="kg")
        self.add_subsystem("deploy_mass", deploy)
        self.add_subsystem("logistics_mass", sum_component("logistics_mass", ["consumables", "spares"], n))
        self.add_subsystem("launch_mass", LaunchMassByItem(
            num_items=k, num_years=n, logistics_item=plan.item_index("cargo_transport"), crew_lander_item=plan.item_index("crew_lander"),
        ))
        self.connect("deploy_mass.deploy_mass", "launch_mass.deploy_mass", src_indices=om.slicer[:, 0])
        self.connect("logistics_mass.logistics_mass", "launch_mass.logistics_mass")

        self.add_subsystem("overhead", CoordinationOverhead(num_elements=k, num_partners=p), promotes_inputs=["shares"])
        partners = self.add_subsystem("partners", om.Group(), promotes_inputs=["shares"])
        partners.add_subsystem("contributions", PartnerContributions(
            num_items=k, num_partners=p, num_years=n, barred_pairs=tuple(plan.barred_pairs),
        ), promotes=["*"])
        partners.add_subsystem("payments", PartnerPayments(
            num_partners=p, num_years=n, payment_matrix=plan.payment_matrix, return_bounds=plan.return_bounds or (1.0, 1.0),
        ), promotes=["*"])
        self.connect("overhead.overhead_factor", "partners.overhead_factor")
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
        self.set_input_defaults("shares", val=plan.initial_shares, units="unitless")


def build_problem(arch: Architecture, recorder_path: str | None = None, before_setup=None) -> om.Problem:
    """An :class:`om.Problem` for the architecture, set up and with every input set.

    Parameters
    ----------
    recorder_path : str, optional
        Where to record cases (OpenMDAO SQLite); no recorder when omitted.
    before_setup : callable, optional
        Called with the problem before setup (to add a driver, design variables, constraints).
    """
    prob = om.Problem(model=ArchitectureModel(architecture=arch), reports=False)
    if before_setup is not None:
        before_setup(prob)
    if recorder_path is not None:
        recorder = om.SqliteRecorder(recorder_path)
        prob.add_recorder(recorder)
        prob.recording_options["record_inputs"] = True
        prob.recording_options["record_outputs"] = True
        prob.recording_options["includes"] = ["*"]
    prob.setup(check=False)
    set_inputs(arch, prob)
    return prob


def set_inputs(arch: Architecture, prob: om.Problem) -> None:
    """Every input of the architecture, and the costed stages' unit masses (one evaluation)."""
    for item in arch.inputs:
        prob.set_val(item.name, item.value, units=item.units)
    if arch.cost is not None:
        set_stage_unit_masses(arch, prob)


def structure_key(arch: Architecture) -> tuple:
    """What :class:`ArchitectureModel` builds its structure from (everything its ``setup`` reads
    but the values it then receives as inputs): two architectures with equal keys give problems
    of the same structure, so one built problem can take the other's inputs (the coalitions of a
    study that buy what they lack all have the study's partners, in another order)."""
    plan = arch.cost
    cost = None
    if plan is not None:
        cost = (
            len(plan.partners),
            tuple((i.name, i.units, i.deploy_mass_output, i.launched) for i in plan.items),
            tuple((e.item, e.name, e.method, repr(e.coefficients), e.mass_output) for e in plan.elements),
            plan.payment_matrix.tobytes(), plan.return_bounds, tuple(plan.barred_pairs),
            repr(arch.catalog.entry("cost", "default")["amcm"]),
        )
    return (
        tuple(arch.years), repr(arch.stages), arch.power_source, _exact(arch.reusable_lander), _exact(arch.trajectory),
        arch.crew_vehicle is None, tuple((i.name, np.shape(i.value), i.units) for i in arch.inputs), cost,
    )


def _exact(value):
    """A hashable, lossless stand-in for options made of dicts, lists and arrays (numpy's repr
    rounds and abbreviates arrays)."""
    if isinstance(value, dict):
        return tuple((k, _exact(v)) for k, v in sorted(value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(_exact(v) for v in value)
    if isinstance(value, np.ndarray):
        return value.shape, str(value.dtype), value.tobytes()
    return repr(value)


def set_stage_unit_masses(arch: Architecture, prob: om.Problem) -> None:
    """Fix the unit dry mass of each costed cargo stage at the baseline design's inert mass per
    cargo flight (campaign average), from one evaluation. The cost relationships are per unit, so
    a unit size is needed; holding it fixed keeps cost linear in the number of flights."""
    stages = [e for e in arch.cost.elements if e.mass_output and e.mass_output.startswith("transfer_cargo.")]
    if not stages:
        return
    prob.run_model()
    flights = float(prob.get_val(var.CARGO_FLIGHTS).sum())
    for element in stages:
        inert = float(prob.get_val(element.mass_output, units="kg").sum())
        element.mass_kg = inert / flights if flights > 0 else 0.0
        prob.set_val(f"cost.{element.name}.dry_mass", max(element.mass_kg, 1e-6), units="kg")

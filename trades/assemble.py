"""Build the OpenMDAO problem of an architecture from the components in :mod:`models`.

Data flow inside the model (per campaign year where it says [y])::

    crew schedule -> crew-days[y], rotations[y]
    outpost: ISRU plant -> power demand -> power system; habitat; life support -> dry mass
    logistics: consumables[y] (crew-days, closure, ISRU) -> manifest: delivered mass[y]
    transfer: delivered mass[y] -> stage chain -> mass in launch orbit[y]
              crew landers[y]   -> stage chain -> mass in launch orbit[y]
    launch: mass in launch orbit[y] -> cargo launches[y]; rotations[y] -> crew launches[y]
"""

from __future__ import annotations

import openmdao.api as om

from models.launch import CrewLaunches, LaunchCount
from models.logistics import Consumables, CrewLanderDemand, CrewSchedule, DeliveryManifest
from models.sums import sum_component
from models.outpost import HabitatSizing, IsruPlant, LifeSupportHardware, PowerDemand, PowerSystem
from models.transfer import ReusableLander, StageChain, TransferTable
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
        self.connect("crew.crew_days", "logistics.consumables.crew_days")
        self.connect("outpost.outpost_dry_mass", "logistics.manifest.outpost_dry_mass")

        streams = list(arch.stages)
        if arch.reusable_lander is not None:
            self.add_subsystem("reusable_lander", ReusableLander(num_years=n))
            self.connect("logistics.manifest.delivered_mass", "reusable_lander.delivered_mass")
            self.connect("reusable_lander.mass_to_staging_orbit", "transfer_cargo.payload_mass")
        else:
            self.connect("logistics.manifest.delivered_mass", "transfer_cargo.payload_mass")
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

        self.add_subsystem("launch_cargo", LaunchCount(num_years=n))
        self.connect("total_launch_mass.mass_in_launch_orbit", "launch_cargo.mass_to_orbit")
        if arch.crew_vehicle is not None:
            self.add_subsystem("launch_crew", CrewLaunches(num_years=n))
            self.connect("crew.crew_rotations", "launch_crew.crew_rotations")

        for name in shared:  # values are set from the study by build_problem
            self.set_input_defaults(name, val=0.0, units="t/year" if name == "isru_oxygen_production" else "unitless")


def build_problem(arch: Architecture, recorder_path: str | None = None) -> om.Problem:
    """An :class:`om.Problem` for the architecture, set up and with every input set.

    Parameters
    ----------
    recorder_path : str, optional
        Where to record cases (OpenMDAO SQLite); no recorder when omitted.
    """
    prob = om.Problem(model=ArchitectureModel(architecture=arch), reports=False)
    if recorder_path is not None:
        recorder = om.SqliteRecorder(recorder_path)
        prob.add_recorder(recorder)
        prob.recording_options["record_inputs"] = True
        prob.recording_options["record_outputs"] = True
        prob.recording_options["includes"] = ["*"]
    prob.setup(check=False)
    for item in arch.inputs:
        prob.set_val(item.name, item.value, units=item.units)
    return prob

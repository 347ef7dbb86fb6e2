"""The whole physical architecture of one study as one group, configured with plain data.

Data flow inside the model (per campaign year where it says [y])::

    crew schedule -> crew-days[y], rotations[y]
    outpost: ISRU plant -> power demand -> power system; habitat; life support -> dry mass
    logistics: make-up gas[y] (pressurized volume), EVA[y], expendables[y] (crew-days, closure),
               crew provisions[y] (crew-days, rotations)
               + consumables[y] (crew-days, closure, ISRU)
               + station-keeping propellant[y] (dry mass) -> manifest: delivered mass[y]
    transfer: delivered mass[y] (+ at an asteroid the crew spacecraft[y]) -> stage chain -> mass in launch orbit[y]
              crew landers[y]   -> stage chain -> mass in launch orbit[y]
    launch: mass in launch orbit[y] (less what the crew launches bring: Mars capsules, an asteroid stack's
            crew spacecraft) -> cargo launches[y];
            rotations[y] -> crew launches[y]; a refuelled crew lander's launches per landing x rotations[y]
    cost: dry masses -> development, first unit (TRANSCOST, AMCM) -> production[y] (learning)
          + operations[y] + crew launches[y] x price; launch mass per item[y]
    partners: work shares -> coordination overhead; provides[p, y], pays[p, y], rules
"""

from __future__ import annotations

import openmdao.api as om

from trades.models import variables as var
from trades.models.cost.cost_group import CostGroup
from trades.models.launch import CrewLaunches, LaunchCount, VehicleFlights
from trades.models.logistics import (
    AtmosphereMakeup, Consumables, CrewLanderDemand, CrewProvisions, CrewSchedule, DeliveryManifest, EvaConsumables, UtilisationCargo,
    LifeSupportExpendables, StationKeepingPropellant,
)
from trades.models.outpost.ascent_oxygen_plant import AscentOxygenPlant
from trades.models.outpost.habitat import HabitatSizing
from trades.models.outpost.outpost_group import OutpostGroup
from trades.models.ssa import SsaGroup
from trades.models.sums import sum_component
from trades.models.transfer import ReusableLander, StageChain, TransferTable
from trades.models.transfer.entry_descent import EntryDescent
from trades.models.transfer.rocket_stage import RocketStage


class ArchitectureModel(om.Group):
    """The whole physical architecture of one study.

    Options
    -------
    streams : list of (name, num_stages, entry_last)
        Each payload stream's stage chain (``cargo`` first; ``crew_lander`` when crews land).
    trajectory : dict or None
        A window's table (``departure_days``, ``tof_days``, ``departure_delta_v``,
        ``arrival_delta_v``) and ``propulsive_capture``; it drives the cargo stages' burns.
    cost : dict or None
        :class:`CostGroup`'s options, and how the cost inputs connect: ``element_mass_outputs``
        (element name, model output of its dry mass), ``item_units`` (item index, 'cargo_flights'
        or 'crew_rotations'), ``item_deploy_outputs`` (item index, model output),
        ``crew_lander_costed``.
    """

    def initialize(self):
        self.options.declare("num_years", types=int)
        self.options.declare("power_source", values=["solar", "fission"])
        self.options.declare("num_modules", types=int, default=0, desc="catalog modules the outpost flies (OutpostModules)")
        self.options.declare("streams", types=list)
        self.options.declare("reusable_lander", types=bool, default=False)
        self.options.declare("crew_launches", types=bool, default=True, desc="a crew vehicle flies crews")
        self.options.declare("same_launch_vehicle", types=bool, default=False, desc="one vehicle flies cargo and crews")
        self.options.declare("trajectory", default=None, allow_none=True, recordable=False)
        self.options.declare("cost", default=None, allow_none=True, recordable=False)
        self.options.declare("crew_spacecraft_rides", types=bool, default=False,
                             desc="a crew spacecraft (crew_spacecraft_demand) rides the crew_lander stream's departure stage")
        self.options.declare("crew_spacecraft_in_stack", types=bool, default=False,
                             desc="the crew spacecraft (stack_crew_spacecraft, one per rotation) rides every burn of the cargo "
                                  "stream with the delivered mass, and reaches the launch orbit on the crew launches (asteroid)")
        self.options.declare("crew_stream_on_crew_launches", types=bool, default=False,
                             desc="the crew_lander stream reaches the launch orbit on the crew launches (a government "
                                  "programme's launcher lifts the lander with the crew), not on cargo launches")
        self.options.declare("lander_launches", default=None, values=[None, "cargo", "crew", "own"],
                             desc="a refuelled crew lander's launches per landing are counted (launch_lander), on the cargo "
                                  "vehicle, the crew vehicle or a launcher of their own (VehicleFlights lander_vehicle)")
        self.options.declare("ssa", default=None, allow_none=True, recordable=False,
                             desc="SsaGroup's options when the study fields a space situational awareness system")
        self.options.declare("mars_crew_missions", types=int, default=0,
                             desc="crewed Mars missions, each the stream mars_crew_<k> carrying the crew vehicle")
        self.options.declare("core_stage_streams", types=list, default=[],
                             desc="streams whose stages are the burns of one core stage (StageChain core_stage)")
        self.options.declare("mars_surface_access", types=bool, default=False,
                             desc="each Mars crew descends in a descent vehicle riding its crew vehicle to the parking orbit and "
                                  "leaves on an ascent vehicle landed one window ahead by its own stream mars_ascent_<k>")
        self.options.declare("mars_descent_predeployed", types=bool, default=False,
                             desc="each Mars crew's descent vehicle flies one window ahead as the payload of its own stream "
                                  "mars_descent_<k> and waits in the parking orbit (the crew vehicle does not carry it)")
        self.options.declare("mars_ascent_isru", types=bool, default=False,
                             desc="the ascent vehicle lands with its fuel only, beside an oxygen plant (mars_ascent_isru) that "
                                  "makes its oxidizer before the ascent")

    def setup(self):
        o = self.options
        n = o["num_years"]
        streams = [name for name, _, _ in o["streams"]]
        shared = ["crew_size", "water_closure", "oxygen_closure", "isru_oxygen_production"]

        self.add_subsystem("crew", CrewSchedule(num_years=n), promotes_inputs=["crew_size"])
        self.add_subsystem("outpost", OutpostGroup(power_source=o["power_source"], num_modules=o["num_modules"]), promotes_inputs=shared)
        logistics = self.add_subsystem("logistics", om.Group(), promotes_inputs=shared)
        # the other supplies first: the consumables package them with food, water and oxygen
        logistics.add_subsystem("makeup_gas", AtmosphereMakeup(num_years=n))
        logistics.add_subsystem("eva", EvaConsumables(num_years=n))
        logistics.add_subsystem("expendables", LifeSupportExpendables(num_years=n), promotes_inputs=["water_closure"])
        logistics.add_subsystem("provisions", CrewProvisions(num_years=n), promotes_inputs=["crew_size"])
        logistics.add_subsystem("utilisation", UtilisationCargo(num_years=n))
        # packed by class of supply: dry goods, liquids (EVA cooling water), gases (make-up gas, EVA oxygen)
        dry = {"expendables": "expendables_mass", "provisions": "provisions_mass", "utilisation": "utilisation_mass"}
        gas = {"makeup_gas": "makeup_gas_mass", "eva": "eva_oxygen_mass"}
        logistics.add_subsystem("other_dry", sum_component("other_dry", [f"{s}_mass" for s in dry], n))
        logistics.add_subsystem("other_gas", sum_component("other_gas", [f"{s}_mass" for s in gas], n))
        for kind, sources in (("dry", dry), ("gas", gas)):
            for name, output in sources.items():
                logistics.connect(f"{name}.{output}", f"other_{kind}.{name}_mass")
        logistics.add_subsystem(
            "consumables", Consumables(num_years=n), promotes_inputs=["water_closure", "oxygen_closure", "isru_oxygen_production"]
        )
        logistics.connect("other_dry.other_dry", "consumables.other_dry")
        logistics.connect("eva.eva_water_mass", "consumables.other_liquid")
        logistics.connect("other_gas.other_gas", "consumables.other_gas")
        logistics.add_subsystem("station_keeping", StationKeepingPropellant(num_years=n))  # drag make-up (0 off low Earth orbit)
        logistics.add_subsystem("manifest", DeliveryManifest(num_years=n))
        logistics.connect("consumables.consumables_mass", "manifest.consumables_mass")
        logistics.connect("station_keeping.propellant_mass", "manifest.station_keeping_propellant")
        self.connect("crew.crew_days", var.CONSUMABLES_CREW_DAYS)
        self.connect("crew.crew_days", "logistics.expendables.crew_days")
        self.connect("crew.crew_days", "logistics.provisions.crew_days")
        self.connect("crew.crew_rotations", "logistics.provisions.crew_rotations")
        self.connect(var.PRESSURIZED_VOLUME, "logistics.makeup_gas.pressurized_volume")
        self.connect("crew.stay_duration", var.HABITAT_STAY_DAYS)
        self.connect(var.OUTPOST_DRY_MASS, var.MANIFEST_OUTPOST_DRY_MASS)
        self.connect(var.OUTPOST_DRY_MASS, "logistics.station_keeping.outpost_dry_mass")

        if o["reusable_lander"]:
            self.add_subsystem("reusable_lander", ReusableLander(num_years=n))
            self.connect(var.DELIVERED_MASS, "reusable_lander.delivered_mass")
            self.connect("reusable_lander.mass_to_staging_orbit", "transfer_cargo.payload_mass")
        elif o["crew_spacecraft_in_stack"]:  # the crew's spacecraft docks with the delivered mass and rides every burn
            self.add_subsystem("stack_crew_spacecraft", CrewLanderDemand(num_years=n))
            self.connect("crew.crew_rotations", "stack_crew_spacecraft.crew_rotations")
            self.add_subsystem("stack_payload", sum_component("payload_mass", ["delivered_mass", "crew_spacecraft_mass"], n))
            self.connect(var.DELIVERED_MASS, "stack_payload.delivered_mass")
            self.connect("stack_crew_spacecraft.lander_mass", "stack_payload.crew_spacecraft_mass")
            self.connect("stack_payload.payload_mass", "transfer_cargo.payload_mass")
        else:
            self.connect(var.DELIVERED_MASS, "transfer_cargo.payload_mass")
        if "crew_lander" in streams:
            self.add_subsystem("crew_lander_demand", CrewLanderDemand(num_years=n))
            self.connect("crew.crew_rotations", "crew_lander_demand.crew_rotations")
            self.connect("crew_lander_demand.lander_mass", "transfer_crew_lander.payload_mass")
            if o["crew_spacecraft_rides"]:  # one per rotation, to the departure burn only: it flies on after it
                self.add_subsystem("crew_spacecraft_demand", CrewLanderDemand(num_years=n))
                self.connect("crew.crew_rotations", "crew_spacecraft_demand.crew_rotations")
                self.connect("crew_spacecraft_demand.lander_mass", "transfer_crew_lander.rider_mass")
        if o["mars_crew_missions"]:
            self._add_mars_crew(n, o["mars_crew_missions"])
        t = o["trajectory"]
        if t is not None:
            self.add_subsystem("trajectory", TransferTable(
                departure_days=t["departure_days"], tof_days=t["tof_days"],
                departure_delta_v=t["departure_delta_v"], arrival_delta_v=t["arrival_delta_v"],
            ))
            self.connect("trajectory.departure_delta_v", "transfer_cargo.stage0.delta_v")
            if t["propulsive_capture"]:
                self.connect("trajectory.arrival_delta_v", "transfer_cargo.stage1.delta_v")
        for stream, num_stages, entry_last in o["streams"]:
            rider = 0 if stream == "crew_lander" and o["crew_spacecraft_rides"] else None
            if stream.startswith("mars_crew_") and o["mars_surface_access"] and not o["mars_descent_predeployed"]:
                rider = 1  # the descent vehicle rides the departure and capture burns, then leaves in the parking orbit
            self.add_subsystem(f"transfer_{stream}", StageChain(num_stages=num_stages, num_nodes=n, entry_last=entry_last,
                                                                rider_stage=rider, core_stage=stream in o["core_stage_streams"]))

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
        # what reaches the launch orbit on the crew launches, not on cargo launches: the Mars capsules,
        # or (Apollo) the LM, the CSM and the trans-lunar stage the Saturn V lifts with the crew
        on_crew_launches = None
        if o["crew_launches"] and o["mars_crew_missions"]:
            on_crew_launches = "mars_crew_capsules.lander_mass"
        elif o["crew_launches"] and o["crew_stream_on_crew_launches"] and "crew_lander" in streams:
            on_crew_launches = "transfer_crew_lander.mass_in_launch_orbit"
        elif o["crew_launches"] and o["crew_spacecraft_in_stack"]:
            on_crew_launches = "stack_crew_spacecraft.lander_mass"
        if on_crew_launches is not None:
            self.add_subsystem("cargo_launch_mass", _difference("mass", "total", "by_crew_launches", n))
            self.connect("total_launch_mass.mass_in_launch_orbit", "cargo_launch_mass.total")
            self.connect(on_crew_launches, "cargo_launch_mass.by_crew_launches")
            self.connect("cargo_launch_mass.mass", var.CARGO_MASS_TO_ORBIT)
        else:
            self.connect("total_launch_mass.mass_in_launch_orbit", var.CARGO_MASS_TO_ORBIT)
        # added after cargo_launch_mass: the group runs its systems once, in the order added, so a count
        # added before its source would use the mass of the previous run (tests/models/test_execution_order.py)
        self.add_subsystem("launch_cargo", LaunchCount(num_years=n))
        if o["crew_launches"]:
            self.add_subsystem("launch_crew", CrewLaunches(num_years=n))
            self.connect("crew.crew_rotations", var.CREW_ROTATIONS)
        if o["lander_launches"] is not None:  # a refuelled lander: launches_per_landing per rotation, on its provider's launcher
            self.add_subsystem("launch_lander", CrewLaunches(num_years=n))
            self.connect("crew.crew_rotations", "launch_lander.crew_rotations")
        self.add_subsystem("launch_rate", VehicleFlights(num_years=n, crew_launches=o["crew_launches"],
                                                         same_vehicle=o["same_launch_vehicle"], lander_vehicle=o["lander_launches"]))
        self.connect(var.CARGO_LAUNCHES, "launch_rate.cargo_launches")
        self.connect("launch_cargo.campaign_success_probability", "launch_rate.cargo_success_probability")
        if o["crew_launches"]:
            self.connect(var.CREW_LAUNCHES, "launch_rate.crew_launches")
            self.connect("launch_crew.campaign_success_probability", "launch_rate.crew_success_probability")
        if o["lander_launches"] is not None:
            self.connect(var.LANDER_LAUNCHES, "launch_rate.lander_launches")
            self.connect("launch_lander.campaign_success_probability", "launch_rate.lander_success_probability")

        if o["ssa"] is not None:
            self.add_subsystem("ssa", SsaGroup(**o["ssa"]))

        cost = o["cost"]
        if cost is not None:
            self._add_mars_crew_leo_mass(cost, streams)
            self.add_subsystem("cost", CostGroup(**cost["group"]), promotes_inputs=["crew_size"])
            self._connect_cost(cost, streams)

        for name in shared:  # values are set from the study
            self.set_input_defaults(name, val=0.0, units="t/year" if name == "isru_oxygen_production" else "unitless")

    def _add_mars_crew(self, n: int, missions: int) -> None:
        """The crew vehicle of each Mars mission: a transit habitat sized like the outpost's (crew,
        outbound + return flights) and the return capsules, one per mission in its departure year."""
        self.add_subsystem("mars_transit_habitat", HabitatSizing(), promotes_inputs=["crew_size"])
        # the crew's supplies for the outbound and return flights, by the outpost's relationships and closures:
        # provisions, life-support expendables and cabin make-up gas, packaged with food, water and oxygen (one crew-days input);
        # no EVA consumables: no EVA is planned in transit (no sourced hours for contingency EVAs)
        self.add_subsystem("mars_transit_crew_days", sum_component("crew_days", ["days"], units="d"))
        self.add_subsystem("mars_transit_provisions", CrewProvisions(num_years=1), promotes_inputs=["crew_size"])
        self.add_subsystem("mars_transit_expendables", LifeSupportExpendables(num_years=1), promotes_inputs=["water_closure"])
        self.add_subsystem("mars_transit_makeup_gas", AtmosphereMakeup(num_years=1))  # cabin leakage over the flights
        self.connect("mars_transit_habitat.pressurized_volume", "mars_transit_makeup_gas.pressurized_volume")
        self.add_subsystem("mars_transit_other", sum_component("other_dry", ["provisions_mass", "expendables_mass"]))
        self.add_subsystem("mars_transit_consumables", Consumables(num_years=1), promotes_inputs=["water_closure", "oxygen_closure"])
        for target in ("mars_transit_provisions", "mars_transit_expendables", "mars_transit_consumables"):
            self.connect("mars_transit_crew_days.crew_days", f"{target}.crew_days")
        self.connect("mars_transit_provisions.provisions_mass", "mars_transit_other.provisions_mass")
        self.connect("mars_transit_expendables.expendables_mass", "mars_transit_other.expendables_mass")
        self.connect("mars_transit_other.other_dry", "mars_transit_consumables.other_dry")
        self.connect("mars_transit_makeup_gas.makeup_gas_mass", "mars_transit_consumables.other_gas")
        self.add_subsystem("mars_crew_capsule", sum_component("mass", ["capsule_mass"]))  # one input feeds both uses
        self.add_subsystem("mars_crew_vehicle", sum_component("unit_mass", ["habitat_mass", "capsule_mass", "consumables_mass"]))
        self.connect("mars_transit_habitat.habitat_mass", "mars_crew_vehicle.habitat_mass")
        self.connect("mars_crew_capsule.mass", "mars_crew_vehicle.capsule_mass")
        self.connect("mars_transit_consumables.consumables_mass", "mars_crew_vehicle.consumables_mass")
        # the capsules ride the crew launches to the launch orbit (one crew per mission, in its year)
        self.add_subsystem("mars_crew_capsules", CrewLanderDemand(num_years=n))
        self.connect("mars_crew_capsule.mass", "mars_crew_capsules.unit_mass")
        self.connect("crew.crew_rotations", "mars_crew_capsules.crew_rotations")
        self._add_per_mission(n, missions, "demand", "mars_crew_vehicle.unit_mass", "payload_mass")
        if self.options["mars_surface_access"]:
            self._add_mars_surface_access(n, missions)

    def _add_mars_surface_access(self, n: int, missions: int) -> None:
        """The crew's cabin, the Mars ascent vehicle (the cabin on an ascent stage, landed one window
        ahead: the payload of mission k's stream mars_ascent_<k>) and the crew's descent vehicle (the
        cabin landed by the entry fractions, riding each crew vehicle to the parking orbit or, sent
        ahead, the payload of its own stream mars_descent_<k>)."""
        self.add_subsystem("mars_crew_cabin", sum_component("mass", ["cabin_mass"]))
        self.add_subsystem("mars_ascent_stage", RocketStage(num_nodes=1))
        self.connect("mars_crew_cabin.mass", "mars_ascent_stage.payload_mass")
        self.add_subsystem("mars_ascent_vehicle", sum_component("dry_mass", ["cabin_mass", "inert_mass"]))
        self.connect("mars_crew_cabin.mass", "mars_ascent_vehicle.cabin_mass")
        self.connect("mars_ascent_stage.inert_mass", "mars_ascent_vehicle.inert_mass")
        if self.options["mars_ascent_isru"]:  # lands with its fuel, the oxygen plant and its power
            self.add_subsystem("mars_ascent_isru", AscentOxygenPlant())
            self.connect("mars_ascent_stage.propellant_mass", "mars_ascent_isru.propellant_mass")
            self.connect("mars_ascent_stage.initial_mass", "mars_ascent_isru.vehicle_mass")
        landed = "mars_ascent_isru.landed_mass" if self.options["mars_ascent_isru"] else "mars_ascent_stage.initial_mass"
        self._add_per_mission(n, missions, "demand", landed, "payload_mass", prefix="mars_ascent_")  # after the plant it reads
        self.add_subsystem("mars_crew_descent", EntryDescent(num_nodes=1))
        self.connect("mars_crew_cabin.mass", "mars_crew_descent.payload_mass")
        self.add_subsystem("mars_crew_descent_vehicle", sum_component("dry_mass", ["cabin_mass", "descent_stage_mass"]))
        self.connect("mars_crew_cabin.mass", "mars_crew_descent_vehicle.cabin_mass")
        self.connect("mars_crew_descent.descent_stage_mass", "mars_crew_descent_vehicle.descent_stage_mass")
        if self.options["mars_descent_predeployed"]:  # the payload of its own stream, one window ahead
            self._add_per_mission(n, missions, "demand", "mars_crew_descent.initial_mass", "payload_mass", prefix="mars_descent_")
        else:
            self._add_per_mission(n, missions, "descent", "mars_crew_descent.initial_mass", "rider_mass")

    def _add_per_mission(self, n: int, missions: int, name: str, unit_mass: str, stage_chain_input: str,
                         prefix: str = "mars_crew_") -> None:
        """For each crewed mission ``k``, ``<prefix><k>_<name>``: the mass ``unit_mass`` in the year its
        mask gives, into the input ``stage_chain_input`` of the stage chain ``transfer_<prefix><k>``."""
        for k in range(1, missions + 1):
            self.add_subsystem(f"{prefix}{k}_{name}", CrewLanderDemand(num_years=n))
            self.connect(unit_mass, f"{prefix}{k}_{name}.unit_mass")
            self.connect(f"{prefix}{k}_{name}.lander_mass", f"transfer_{prefix}{k}.{stage_chain_input}")

    def _connect_cost(self, cost: dict, streams: list[str]) -> None:
        for name, mass_output in cost["element_mass_outputs"]:
            if not mass_output.startswith(("transfer_cargo.", "transfer_mars_crew_", "transfer_mars_ascent_", "transfer_mars_descent_")):  # stage unit masses are set
                self.connect(mass_output, f"cost.{name}.dry_mass")
        for i, units in cost["item_units"]:
            if units == "cargo_flights":
                self.connect(var.CARGO_FLIGHTS, f"cost.units.units_{i}")
            elif units == "crew_rotations":
                self.connect("crew.crew_rotations", f"cost.units.units_{i}")
        for i, output in cost["item_deploy_outputs"]:
            self.connect(output, f"cost.deploy_mass.deploy_mass_{i}")
        self.connect("crew.crew_days", var.COST_CREW_DAYS)
        if self.options["crew_launches"]:
            self.connect(var.CREW_EXPECTED_ATTEMPTS, var.CREW_LAUNCH_ATTEMPTS)
            if cost["group"].get("launch_operations") is not None:
                self.connect(var.CREW_EXPECTED_ATTEMPTS, var.launch_operations_input("launches"))
        if self.options["crew_launches"] and self.options["crew_spacecraft_in_stack"]:
            # the cargo launches lift the stack less its crew spacecraft (cargo_launch_mass: the stack is an
            # asteroid mission's only stream); the items share that mass pro rata to what each delivers
            self.connect("cargo_launch_mass.mass", var.CARGO_LEO_MASS)
        else:
            self.connect("transfer_cargo.mass_in_launch_orbit", var.CARGO_LEO_MASS)
        self.connect(var.DELIVERED_MASS, var.COST_DELIVERED_MASS)
        self.connect(var.CONSUMABLES_MASS, var.LOGISTICS_CONSUMABLES)
        self.connect(var.SPARES_MASS, var.LOGISTICS_SPARES)
        if "crew_lander" in streams and cost["crew_lander_costed"]:
            self.connect("transfer_crew_lander.mass_in_launch_orbit", var.CREW_LANDER_LEO_MASS)

    def _add_mars_crew_leo_mass(self, cost: dict, streams: list[str]) -> None:
        """The mass in LEO of the crew's own Mars vehicles that the cost group charges; added before the
        cost group, which reads it (the group runs its systems once, in the order added)."""
        # the crew's own vehicles: the transit vehicles, the descent vehicles (with them or on their own streams) and the ascent vehicles
        crews = [f"transfer_{s}.mass_in_launch_orbit" for s in streams if s.startswith(("mars_crew_", "mars_descent_", "mars_ascent_"))]
        if crews and cost["crew_lander_costed"]:  # the crew's own vehicles take the crew lander's place
            n = self.options["num_years"]
            self.add_subsystem("mars_crew_leo_mass", sum_component("mass", [f"m{k}" for k in range(len(crews))], n))
            for k, output in enumerate(crews):
                self.connect(output, f"mars_crew_leo_mass.m{k}")
            if not self.options["crew_launches"]:
                self.connect("mars_crew_leo_mass.mass", var.CREW_LANDER_LEO_MASS)
                return
            # what the cargo launches lift for them: the capsules come up on the crew launches
            self.add_subsystem("mars_crew_cargo_leo_mass", _difference("mass", "total", "by_crew_launches", n))
            self.connect("mars_crew_leo_mass.mass", "mars_crew_cargo_leo_mass.total")
            self.connect("mars_crew_capsules.lander_mass", "mars_crew_cargo_leo_mass.by_crew_launches")
            self.connect("mars_crew_cargo_leo_mass.mass", var.CREW_LANDER_LEO_MASS)


def _difference(output: str, whole: str, part: str, vec_size: int) -> om.AddSubtractComp:
    """``output = whole - part`` (kg, per year)."""
    comp = om.AddSubtractComp()
    comp.add_equation(output, [whole, part], vec_size=vec_size, units="kg", scaling_factors=[1.0, -1.0])
    return comp

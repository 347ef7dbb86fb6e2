"""Promoted paths of the assembled model: the one place a model variable is named outside the
component that declares it (after Aviary's variable metadata, much smaller).

Each name is a ``str`` (pass it to ``prob.get_val``/``set_val`` as it is) that also carries its
units and a description. A test builds the problems of the shipped studies and checks that every
registered path exists with these units.
"""

from __future__ import annotations


class Variable(str):
    """A promoted model path with its units and description."""

    units: str
    description: str

    def __new__(cls, path: str, units: str, description: str) -> "Variable":
        self = super().__new__(cls, path)
        self.units, self.description = units, description
        return self

    def __getnewargs__(self):  # pickling and copying (arguments to __new__)
        return str(self), self.units, self.description

    def under(self, prefix: str) -> str:
        """The path inside a group named ``prefix`` (an integrated architecture's destination)."""
        return f"{prefix}.{self}" if prefix else str(self)


REGISTRY: dict[str, Variable] = {}


def _v(path: str, units: str, description: str) -> Variable:
    variable = Variable(path, units, description)
    REGISTRY[path] = variable
    return variable


# ---- outpost -------------------------------------------------------------------------------------
HABITAT_MASS = _v("outpost.habitat.habitat_mass", "kg", "habitat structure and outfitting mass")
HABITAT_STAY_DAYS = _v("outpost.habitat.stay_days", "d", "stay the habitat is sized for")
HABITABLE_VOLUME = _v("outpost.habitat.habitable_volume", "m**3", "habitat habitable volume")
PRESSURIZED_VOLUME = _v("outpost.habitat.pressurized_volume", "m**3", "habitat pressurized volume")
ISRU_PLANT_MASS = _v("outpost.isru.isru_plant_mass", "kg", "ISRU oxygen plant mass")
LIFE_SUPPORT_MASS = _v("outpost.life_support.life_support_mass", "kg", "life-support hardware mass")
MODULE_MASS = _v("outpost.modules.module_mass", "kg", "each catalog module's mass as flown (studies with outpost_modules)")
MODULE_POWER = _v("outpost.module_power.module_power", "kW", "each catalog module's rated electrical power (0 if it supplies none)")
MODULE_POWER_SUPPLIED = _v("outpost.module_power.module_power_supplied", "kW", "the catalog modules' rated power together")
POWER_SIZED_DEMAND = _v("outpost.module_power.sized_power_demand", "kW", "the load left for the sized power system once the modules' power is used")
POWER_SURPLUS = _v("outpost.module_power.power_surplus", "kW", "the modules' power beyond the outpost's demand (reported, not credited)")
MODULES_MASS = _v("outpost.modules.modules_mass", "kg", "the catalog modules' mass together")
OUTPOST_DRY_MASS = _v("outpost.outpost_dry_mass", "kg", "outpost elements' dry mass")
POWER_ARRAY_MASS = _v("outpost.power.array_mass", "kg", "solar array mass of the power system (zero for fission)")
POWER_SYSTEM_MASS = _v("outpost.power.power_system_mass", "kg", "power system mass (solar with storage, or fission)")
POWER_DEMAND = _v("outpost.power_demand.power_demand", "kW", "outpost electrical demand")

# ---- logistics -----------------------------------------------------------------------------------
CONSUMABLES_MASS = _v("logistics.consumables.consumables_mass", "kg", "packaged consumables per year")
CONSUMABLES_CREW_DAYS = _v("logistics.consumables.crew_days", "d", "crew-days per campaign year (consumables input)")
ISRU_OPERATING_YEAR = _v("logistics.consumables.isru_operating_year", "unitless", "1 in years the ISRU plant runs")
PACKAGING_DRY = _v("logistics.consumables.packaging_dry", "unitless", "packing mass per kg of pressurized dry supplies")
PACKAGING_LIQUID = _v("logistics.consumables.packaging_liquid", "unitless", "packing (tank) mass per kg of liquid supplies")
PACKAGING_GAS = _v("logistics.consumables.packaging_gas", "unitless", "packing (tank) mass per kg of gas supplies")
PACKAGING_MASS = _v("logistics.consumables.packaging_mass", "kg", "packing mass of the year's supplies")
WATER_RATE = _v("logistics.consumables.water_rate", "kg/d", "water use per crew-day")
CARGO_FLIGHT_PAYLOAD = _v("logistics.manifest.cargo_flight_payload", "kg", "payload one cargo flight lands")
CARGO_FLIGHTS = _v("logistics.manifest.cargo_flights", "unitless", "cargo flights per year")
DELIVERED_MASS = _v("logistics.manifest.delivered_mass", "kg", "mass delivered to the destination per year")
MANIFEST_DEPLOY_YEAR = _v("logistics.manifest.deploy_year", "unitless", "1 in the deployment year")
OPERATING_YEAR = _v("logistics.manifest.operating_year", "unitless", "1 once deployed and in use")
UTILISATION_CARGO_PER_CREWED_YEAR = _v("logistics.utilisation.cargo_per_crewed_year", "kg", "research and utilisation cargo a crewed year receives")
UTILISATION_CREWED_YEAR = _v("logistics.utilisation.crewed_year", "unitless", "1 in crewed years (utilisation cargo input)")
MANIFEST_OUTPOST_DRY_MASS = _v("logistics.manifest.outpost_dry_mass", "kg", "outpost dry mass (manifest input)")
SPARES_FRACTION = _v("logistics.manifest.spares_fraction", "1/year", "spares per year as a fraction of dry mass")
SPARES_MASS = _v("logistics.manifest.spares_mass", "kg", "spares delivered per year")
STATION_KEEPING_FRACTION = _v("logistics.station_keeping.propellant_fraction", "1/year", "station-keeping propellant per year per kg of station")
STATION_KEEPING_OPERATING_YEAR = _v("logistics.station_keeping.operating_year", "unitless", "1 once deployed (station-keeping input)")
STATION_KEEPING_PROPELLANT = _v("logistics.station_keeping.propellant_mass", "kg", "station-keeping propellant delivered per year")

# ---- launch --------------------------------------------------------------------------------------
CARGO_LAUNCHES = _v("launch_cargo.launches", "unitless", "cargo launches per year (continuous)")
CARGO_MASS_TO_ORBIT = _v("launch_cargo.mass_to_orbit", "kg", "cargo mass to the launch orbit per year")
PACKING_EFFICIENCY = _v("launch_cargo.packing_efficiency", "unitless", "usable fraction of a launcher's payload")
CARGO_PAYLOAD_CAPACITY = _v("launch_cargo.payload_capacity", "kg", "cargo launcher payload to the launch orbit")
CARGO_RELIABILITY = _v("launch_cargo.reliability", "unitless", "cargo launcher success probability per launch")
CREW_ROTATIONS = _v("launch_crew.crew_rotations", "unitless", "crew rotations per year")
CREW_EXPECTED_ATTEMPTS = _v("launch_crew.expected_attempts", "unitless", "crew launch attempts per year, failures included")
CREW_LAUNCHES = _v("launch_crew.launches", "unitless", "crew launches per year")
CREW_LAUNCHES_PER_ROTATION = _v("launch_crew.launches_per_rotation", "unitless", "crew launches per rotation: ceil(crew / seats)")
CREW_RELIABILITY = _v("launch_crew.reliability", "unitless", "crew launcher success probability per launch")
CARGO_VEHICLE_FLIGHTS = _v("launch_rate.cargo_vehicle_flights", "1/year", "flights of the cargo vehicle per year (crew flights included when it flies both)")
CREW_VEHICLE_FLIGHTS = _v("launch_rate.crew_vehicle_flights", "1/year", "flights of the crew vehicle per year (cargo flights included when it flies both)")
LANDER_LAUNCHES = _v("launch_lander.launches", "unitless", "a refuelled crew lander's launches per year (tankers and lander)")
LANDER_LAUNCHES_PER_LANDING = _v("launch_lander.launches_per_rotation", "unitless", "a refuelled crew lander's launches per landing")
LANDER_RELIABILITY = _v("launch_lander.reliability", "unitless", "the refuelled crew lander's launcher's success probability per launch")
LANDER_VEHICLE_FLIGHTS = _v("launch_rate.lander_vehicle_flights", "1/year", "flights of a refuelled crew lander's own launcher per year")
ALL_LAUNCHES_SUCCEED = _v("launch_rate.all_launches_succeed", "unitless", "probability that every launch of the campaign succeeds")

# ---- cost ----------------------------------------------------------------------------------------
COST_CREW_DAYS = _v("cost.crew_days", "d", "crew-days per campaign year (cost input)")
CARGO_LEO_MASS = _v("cost.launch_mass.cargo_leo_mass", "kg", "cargo stream mass in the launch orbit per year")
CREW_LANDER_LEO_MASS = _v("cost.launch_mass.crew_lander_leo_mass", "kg", "crew landers' mass in the launch orbit per year")
CREW_STREAM_LEO_MASS = _v("transfer_crew_lander.mass_in_launch_orbit", "kg", "the crew stream's mass in the launch orbit per year: crew landers, their stages, and a crew spacecraft riding the departure stage")
COST_DELIVERED_MASS = _v("cost.launch_mass.delivered_mass", "kg", "mass delivered per year (launch-mass input)")
LAUNCH_MASS_DEPLOY_YEAR = _v("cost.launch_mass.deploy_year", "unitless", "1 in the deployment year")
DIRECT_LEO_MASS = _v("cost.launch_mass.direct_leo_mass", "kg", "elements launched as they are, in the deployment year")
LEO_MASS = _v("cost.launch_mass.leo_mass", "kg", "all mass in the launch orbit per year")
LOGISTICS_CONSUMABLES = _v("cost.logistics_mass.consumables", "kg", "consumables per year (cost input)")
LOGISTICS_SPARES = _v("cost.logistics_mass.spares", "kg", "spares per year (cost input)")
CREWED_YEAR = _v("cost.operations.crewed_year", "unitless", "1 in crewed years")
OPERATIONS_COST = _v("cost.operations.operations_cost", "MUSD", "operations cost per year")
OPERATIONS_RATE = _v("cost.operations.rate", "MUSD", "operations cost per crew position and year")
COORDINATION_EXPONENT = _v("cost.overhead.exponent", "unitless", "alpha in the coordination overhead N_eff^alpha")
OVERHEAD_FACTOR = _v("cost.overhead.overhead_factor", "unitless", "coordination overhead factor of each item")
BARRED_OVERLAP = _v("cost.partners.barred_overlap", "unitless", "work shared by barred pairs (must be zero)")
COST_FACTOR = _v("cost.partners.cost_factor", "unitless", "each partner's cost factor")
PARTNER_LAUNCH_MASS = _v("cost.partners.launch_mass", "kg", "mass each partner launches per year")
LAUNCH_PRICE_PER_KG = _v("cost.partners.launch_price_per_kg", "MUSD/kg", "each partner's launch price per kilogram")
PARTNER_LIFE_CYCLE_COST = _v("cost.partners.life_cycle_cost", "MUSD", "life-cycle cost over the campaign, base-year dollars")
PARTNER_OVERHEAD_FACTOR = _v("cost.partners.overhead_factor", "unitless", "coordination overhead factor (partner input)")
PAID_TOTAL = _v("cost.partners.paid_total", "MUSD", "what each partner pays over the campaign")
PAYS = _v("cost.partners.pays", "MUSD", "what each partner pays per year")
RETURN_LOW = _v("cost.partners.return_low", "MUSD", "return rule: work provided minus the lower return coefficient times what is paid (at least zero)")
RETURN_HIGH = _v("cost.partners.return_high", "MUSD", "return rule: work provided minus the upper return coefficient times what is paid (at most zero)")
PROVIDED_TOTAL = _v("cost.partners.provided_total", "MUSD", "what each partner provides over the campaign")
PROVIDES = _v("cost.partners.provides", "MUSD", "what each partner provides per year")
SHARE_SUM = _v("cost.partners.share_sum", "unitless", "work shares of each item summed over partners (must be one)")
TOTAL_COST = _v("cost.partners.total_cost", "MUSD", "cost per year, all partners")
WORK_SHARE = _v("cost.partners.work_share", "unitless", "each partner's work share of the whole")
COST_PER_CREW_DAY = _v("cost.per_crew_day.cost_per_crew_day", "MUSD/d", "life-cycle cost per crew-day")
DISCOUNT_RATE = _v("cost.present_value.discount_rate", "unitless", "real discount rate per year")
PRESENT_VALUE_OFFSET = _v("cost.present_value.reference_offset", "year", "present value's reference year less the model's first year")
PRESENT_VALUE = _v("cost.present_value.present_value", "MUSD", "net present value of the cost")
LEARNING_RATE = _v("cost.production.learning_rate", "unitless", "production cost ratio per doubling of units")
PRODUCTION_COST = _v("cost.production.production_cost", "MUSD", "production cost per year")
AMCM_INFLATION = _v("cost.rollup.amcm_inflation", "unitless", "FY1999 dollars to base-year dollars")
DEVELOPMENT = _v("cost.rollup.development", "MUSD", "development cost of each item")
WORK_YEAR_VALUE = _v("cost.rollup.work_year_value", "MUSD", "value of one work-year (TRANSCOST)")
#: the parts of an element's cost that carry a multiplier: TRANSCOST's development and first unit, AMCM's cost
ELEMENT_COST_PARTS = {"transcost": ("development", "first_unit"), "amcm": ("cost",)}


def element_cost_multiplier(element: str, part: str) -> str:
    """The multiplier (unitless, default 1) on one part of a costed element's relationship estimate."""
    return f"cost.rollup.{element}_{part}_multiplier"


SHARES = _v("cost.shares", "unitless", "work share of each partner in each item")
BOUGHT = _v("cost.spend.bought", "MUSD", "cost of each item bought as a service, per year")
BUILT = _v("cost.spend.built", "MUSD", "production and operations of each item the partners build, per year")
DEVELOPED = _v("cost.spend.developed", "MUSD", "development (with wraps) of each item, per year")
WRAP_FRACTION = _v("cost.wraps.wrap_fraction", "unitless", "programme wraps as fractions of development")
WRAPS = _v("cost.wraps.wraps", "MUSD", "programme wraps of each item (rows) by wrap (columns)")
WRAPPED_DEVELOPMENT = _v("cost.wraps.development", "MUSD", "development of each item with its wraps")
CREW_LAUNCH_ATTEMPTS = _v("cost.spend.crew_launch_attempts", "unitless", "crew launch attempts per year (cost input)")
CREW_LAUNCH_PRICE = _v("cost.spend.crew_launch_price", "MUSD", "price of one crew launch")
#: a government-operated crew launcher's operations (cost.launch_operations, LaunchOperationsCost): present only in
#: studies whose crew transport is a government development, so not in the registry of every problem's paths
LAUNCH_OPERATIONS_PREFIX = "cost.launch_operations"


def launch_operations_input(name: str) -> str:
    """An input of the crew launcher's operations component (``launches``, ``liftoff_mass``, ...)."""
    return f"{LAUNCH_OPERATIONS_PREFIX}.{name}"


PURCHASES = _v("cost.spend.purchases", "MUSD", "contract prices paid per cost item and year (fixed-price contracts)")
DEVELOPMENT_PROFILE = _v("cost.spend.profile", "unitless", "development fraction spent per year")

# ---- space situational awareness (trades.models.ssa; present when the study has an ssa section) ---
SSA_OBJECT_DIAMETER = _v("ssa.detection.object_diameter", "m", "diameter of the objects the SSA system must track")
SSA_REFERENCE_DIAMETER = _v("ssa.detection.reference_diameter", "m", "diameter of each sensor type's published detection")
SSA_REFERENCE_RANGE = _v("ssa.detection.reference_range", "km", "range of each sensor type's published detection")
SSA_RANGE_EXPONENT = _v("ssa.detection.range_exponent", "unitless", "k in detection range ~ diameter**k (1 optical, 1/2 radar)")
SSA_DETECTION_RANGE = _v("ssa.detection.detection_range", "km", "range at which each tracking sensor type detects such an object")
SSA_SENSOR_COUNT = _v("ssa.tracked.sensor_count", "unitless", "units of each tracking sensor type fielded")
SSA_SKY_FRACTION = _v("ssa.tracked.sky_fraction", "unitless", "share of directions and time one unit of each type watches")
SSA_TRACKED_SHARE = _v("ssa.tracked.tracked_share", "unitless", "share of the cislunar volume watched for such an object")
SSA_L1_DISTANCE = _v("ssa.warning.l1_distance", "km", "solar-wind monitor's distance sunward of the Earth")
SSA_SHOCK_SPEED = _v("ssa.warning.shock_speed", "km/s", "speed of the design solar storm's shock")
SSA_WARNING_TIME = _v("ssa.warning.warning_time", "min", "warning the monitors give a crew of the shock's arrival")

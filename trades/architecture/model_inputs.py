"""Every model input of a resolved architecture, with its value, units and source: the outpost,
logistics, stages and launch inputs from the study and the catalogs, then the cost and partner
inputs from the cost plan."""

from __future__ import annotations


import numpy as np

from trades.models import variables as var
from trades.models.logistics.atmosphere_makeup import DAYS_PER_YEAR
from trades.astro import ephemeris, orbits
from trades.study.catalog import Catalog
from trades.architecture.government_development import flown_spacecraft
from trades.architecture.costing import cargo_carrier, launch_reliability
from trades.architecture.refuelled_lander import refuelled_lander
from trades.architecture.discounting import discount_rate
from trades.architecture.launch_prices import priced_payload
from trades.study.schema import Study
from trades.architecture.description import Architecture, year_masks
from trades.architecture.trajectories import coast_days, gravity_loss
from trades.architecture.cryogenic_storage import set_stage_storage
from trades.architecture.nuclear_thermal import SOURCE_KEY as NTR_SOURCE_KEY
from trades.architecture.outpost_modules import add_module_power_input, module_masses
from trades.architecture.logistics_inputs import add_spares_fraction, add_station_keeping, add_utilisation_cargo

# stage input <- propellant catalog field (the tank-and-engine relationship of RocketStage)
STAGE_PROPELLANT_FIELDS = (
    ("isp", "isp_vac_s", "s"),
    ("tank_mass_per_volume", "tank_mass_per_volume_kg_m3", "kg/m**3"),
    ("propellant_density", "bulk_density_kg_m3", "kg/m**3"),
    ("thrust_to_weight", "design_thrust_to_weight", "unitless"),
    ("engine_thrust_to_weight", "engine_thrust_to_weight", "unitless"),
)


def _notes(sourced: list[dict]) -> str | None:
    """The notes of the unverified values an input is computed from (None when all are verified)."""
    return "; ".join(s.get("note") or "no reason given" for s in sourced if not s.get("verified")) or None


#: the engine fields, set on a core stage's engines (CoreEngines) instead of on each of its burns
ENGINE_FIELDS = ("thrust_to_weight", "engine_thrust_to_weight")


def _add_stage_propellant(arch: Architecture, catalog: Catalog, prefix: str, propellant: str,
                          engines_prefix: str | None = None, with_engines: bool = True) -> None:
    """A stage's propellant coefficients from the catalog; the engine fields go to ``engines_prefix``
    (a core stage's engines; None: the stage itself), and only ``with_engines`` (a core stage's first burn)."""
    entry = catalog.entry("propellants", propellant)
    for name, field, units in STAGE_PROPELLANT_FIELDS:
        if name not in ENGINE_FIELDS:
            arch.add_catalog(f"{prefix}.{name}", entry[field], units)
        elif with_engines:
            arch.add_catalog(f"{engines_prefix or prefix}.{name}", entry[field], units)


def set_model_inputs(arch: Architecture, study: Study, catalog: Catalog, site: dict) -> None:
    o, out = study.outpost, "outpost"
    masks = year_masks(study)
    src_study = f"study file {arch.file}"

    def src(path: str, detail: str = "") -> str:
        """Where a study value came from: the file (with its cited source) or the schema default."""
        node, set_here = study, True
        for part in path.split("."):
            set_here = set_here and part in node.model_fields_set
            node = getattr(node, part)
        origin = f"{src_study}: {path}" if set_here else f"default of {path} in the study schema (an assumption; set it in the study)"
        cited = study.input_sources.get(path)
        return origin + (f" [{detail}]" if detail else "") + (f"; cited: {cited}" if cited else "")

    def add_flat(name, cat, key, units):
        arch.add_catalog(name, catalog.entry(cat, "default")[key], units)

    def add_flats(prefix, cat, rows):
        for name, key, units in rows:
            add_flat(f"{prefix}.{name}", cat, key, units)

    arch.add("crew_size", o.crew_size, "unitless", src("outpost.crew_size"))
    arch.add("crew.stay_days", o.stay_days, "d", src("outpost.stay_days"))
    arch.add("crew.rotations_per_year", o.rotations_per_year, "unitless", src("outpost.rotations_per_year"))
    arch.add("crew.crewed_year", masks["crewed"], "unitless", src("outpost.first_crewed_year", f"first crew {study.first_crewed_year}"))

    curve = catalog.entry("outpost", "default")["habitable_volume_curve_m3"]
    arch.add(f"{out}.habitat.volume_curve", [float(c) for c in curve["value"]], "m**3", curve["source"], curve["verified"], curve.get("note"))
    add_flats(f"{out}.habitat", "outpost", (
        ("curve_end", "habitable_volume_curve_end_d", "d"),
        ("long_stay_volume", "long_stay_net_habitable_volume_m3", "m**3"),
        ("pressurized_per_habitable", "pressurized_per_habitable_volume", "unitless"),
        ("mass_coefficient", "habitat_mass_coefficient_kg", "kg"),
        ("mass_exponent", "habitat_mass_exponent", "unitless"),
    ))
    add_flat(f"{out}.power_demand.power_per_crew", "outpost", "crew_power_demand_kw_per_crew", "kW")
    if o.power_source == "solar":
        if "illumination_fraction" not in site:
            orbit_night, sunlit = orbits.circular_eclipse(float(site["altitude_km"]["value"]), "earth" if site["body"] == "earth_orbit" else "moon")
            arch.add(f"{out}.power.illumination_fraction", sunlit, "unitless", "computed: circular orbit eclipse, beta 0 (trades.astro.orbits.circular_eclipse)")
            arch.add(f"{out}.power.longest_night", orbit_night, "h", "computed: circular orbit eclipse, beta 0 (trades.astro.orbits.circular_eclipse)")
        else:
            arch.add_catalog(f"{out}.power.illumination_fraction", site["illumination_fraction"], "unitless")
            arch.add_catalog(f"{out}.power.longest_night", site["longest_night_h"], "h")
        if "solar_flux_ratio" in site:
            arch.add_catalog(f"{out}.power.solar_flux_ratio", site["solar_flux_ratio"], "unitless")
        elif study.destination.body == "near_earth_asteroid":
            # arrays rated at 1 AU, sized for the farthest point: the asteroid's aphelion Q = a(1 + e)
            # (the transfers run between Earth's orbit and the asteroid's)
            nea = catalog.entry("neas", study.destination.asteroid)
            aphelion = float(nea["a_au"]["value"]) * (1.0 + float(nea["e"]["value"]))
            arch.add(f"{out}.power.solar_flux_ratio", min(1.0, 1.0 / aphelion**2), "unitless",
                     f"computed: inverse square of {nea['name']}'s aphelion a(1+e) = {aphelion:.3f} AU (neas.yaml)")
        add_flats(f"{out}.power", "outpost", (
            ("array_specific_power", "solar_array_specific_power_w_kg", "W/kg"),
            ("storage_specific_energy", "battery_specific_energy_wh_kg", "W*h/kg"),
            ("depth_of_discharge", "battery_depth_of_discharge", "unitless"),
        ))
    else:
        add_flat(f"{out}.power.fission_specific_mass", "outpost", "fission_power_specific_mass_kg_kwe", "kg/kW")

    for name, cat, key, units in (
        ("open_loop_mass_per_crew", "outpost", "eclss_hardware_mass_open_loop_kg_per_crew", "kg"),
        ("water_recovery_mass", "outpost", "water_recovery_system_mass_kg", "kg"),
        ("water_recovery_crew", "outpost", "water_recovery_system_crew", "unitless"),
        ("water_recovery_reference_closure", "life_support", "iss_water_recovery_fraction", "unitless"),
        ("oxygen_generation_mass", "outpost", "oxygen_generation_system_mass_kg", "kg"),
        ("oxygen_generation_crew", "outpost", "oxygen_generation_system_crew", "unitless"),
        ("oxygen_recovery_reference_closure", "life_support", "iss_oxygen_recovery_fraction", "unitless"),
    ):
        add_flat(f"{out}.life_support.{name}", cat, key, units)
    arch.add("water_closure", o.water_closure, "unitless", src("outpost.water_closure"))
    arch.add("oxygen_closure", o.oxygen_closure, "unitless", src("outpost.oxygen_closure"))

    arch.add("isru_oxygen_production", o.isru.oxygen_production_t_per_year, "t/year", src("outpost.isru.oxygen_production_t_per_year"))
    add_flat(f"{out}.isru.plant_specific_mass", "outpost", "isru_oxygen_plant_specific_mass_kg_per_t_yr", "kg*year/t")
    add_flat(f"{out}.isru.specific_energy", "outpost", "isru_oxygen_specific_energy_kwh_per_kg", "kW*h/kg")
    modules = module_masses(study, catalog)
    if modules:  # outpost_modules at their catalog masses (trades.architecture.outpost_modules)
        arch.add(var.MODULE_MASS, [float(m["value"]) for _, m in modules], "kg",
                 "; ".join(f"{element_id}: {m['source']}" for element_id, m in modules),
                 all(bool(m.get("verified")) for _, m in modules), _notes([m for _, m in modules]))
        add_module_power_input(arch, study, catalog, var.MODULE_POWER)  # their rated power (0 kW if none)

    for name, key in (("food_rate", "food_kg_per_cm_d"), ("oxygen_rate", "oxygen_kg_per_cm_d")):
        add_flat(f"logistics.consumables.{name}", "life_support", key, "kg/d")
    water_keys = ("potable_water_kg_per_cm_d", "hygiene_water_kg_per_cm_d", "flush_water_kg_per_cm_d")
    water = [catalog.entry("life_support", "default")[k] for k in water_keys]
    arch.add(
        var.WATER_RATE,
        sum(w["value"] for w in water),
        "kg/d",
        "sum of potable, hygiene and flush water: " + "; ".join(w["source"] for w in water),
        all(w["verified"] for w in water),
        _notes(water),
    )
    for name, key in ((var.PACKAGING_DRY, "packing_factor_pressurized_dry"), (var.PACKAGING_LIQUID, "packing_factor_liquid"),
                      (var.PACKAGING_GAS, "packing_factor_gas")):
        add_flat(name, "outpost", key, "unitless")
    add_flat("logistics.makeup_gas.leak_rate", "life_support", "cabin_leak_fraction_per_day", "1/d")
    add_flat("logistics.makeup_gas.atmosphere_density", "life_support", "cabin_atmosphere_density_kg_m3", "kg/m**3")
    arch.add("logistics.makeup_gas.operating_year", masks["operating"], "unitless", src("outpost.deploy_year", "pressurized from the year after deployment"))
    arch.add("logistics.eva.eva_hours_per_year", o.eva_hours_per_year, "h", src("outpost.eva_hours_per_year"))
    arch.add("logistics.eva.crewed_year", masks["crewed"], "unitless", src("outpost.first_crewed_year", f"first crew {study.first_crewed_year}"))
    add_flat("logistics.eva.oxygen_per_eva_hour", "life_support", "eva_oxygen_kg_per_h", "kg/h")
    add_flat("logistics.eva.water_per_eva_hour", "life_support", "eva_water_kg_per_h", "kg/h")
    expendables = catalog.entry("life_support", "default")["water_recovery_expendables_kg_per_year"]
    wrs_crew = catalog.entry("outpost", "default")["water_recovery_system_crew"]
    arch.add("logistics.expendables.expendables_rate", expendables["value"] / (wrs_crew["value"] * DAYS_PER_YEAR), "kg/d",
             f"{expendables['value']:g} kg a year for {wrs_crew['value']:g} crew over {DAYS_PER_YEAR} d: {expendables['source']}",
             expendables["verified"] and wrs_crew["verified"], _notes([expendables, wrs_crew]))
    add_flat("logistics.expendables.reference_closure", "life_support", "iss_water_recovery_fraction", "unitless")
    add_flats("logistics.provisions", "life_support", (
        ("hygiene_rate", "hygiene_consumables_kg_per_cm_d", "kg/d"),
        ("clothing_per_change", "clothing_kg_per_change", "kg"),
        ("clothing_change_days", "clothing_change_days", "d"),
        ("items_per_stay", "crew_items_per_stay_kg", "kg"),
    ))
    arch.add(var.ISRU_OPERATING_YEAR, masks["operating"], "unitless", src("outpost.deploy_year", "ISRU runs from the year after deployment"))
    add_spares_fraction(arch, study, catalog)
    add_station_keeping(arch, study, catalog, masks["operating"])
    add_utilisation_cargo(arch, study, masks["crewed"])
    arch.add(var.MANIFEST_DEPLOY_YEAR, masks["deploy"], "unitless", src("outpost.deploy_year", f"deployed {study.deploy_year}"))
    arch.add(var.OPERATING_YEAR, masks["operating"], "unitless", src("outpost.deploy_year", f"operating after {study.deploy_year}"))
    carrier = cargo_carrier(study)
    payload = catalog.entry("elements", carrier)["payload_kg"]  # presence checked by check_study
    arch.add(var.CARGO_FLIGHT_PAYLOAD, payload["value"], "kg", f"{carrier} payload: {payload['source']}", payload["verified"], payload.get("note"))
    arch.notes.append(f"cargo flights counted with the payload of '{carrier}' ({payload['value']:.0f} kg)")

    if "crew_lander" in arch.stages:  # not a refuelled lander's: the provider flies it (refuelled_lander.py)
        lander = catalog.entry("elements", study.transportation.crew_lander)
        arch.add_catalog("crew_lander_demand.unit_mass", lander["mass_kg"], "kg")
        flown = flown_spacecraft(study, catalog)  # Apollo's CSM rides the departure stage with the lander
        if flown:
            masses = [mass for _, mass in flown]
            arch.add("crew_spacecraft_demand.unit_mass", sum(float(m["value"]) for m in masses), "kg",
                     " + ".join(f"{eid}, flown by the crew programme ({mass['source']})" for eid, mass in flown),
                     all(m.get("verified") for m in masses), "; ".join(m.get("note") or "" for m in masses if not m.get("verified")) or None)
    elif study.transportation.crew_lander is None and study.destination.body == "moon":
        arch.notes.append("crew landers are not in the modelled manifest (e.g. bought as a service); set transportation.crew_lander to include them")

    for stream, stage_list in arch.stages.items():
        for stage in stage_list:
            prefix = f"transfer_{stream}.stage{stage.index}"
            if stage.role == "entry":
                leg = catalog.entry("delta_v", stage.legs[0])
                arch.add_catalog(f"{prefix}.landed_fraction", leg["mass_ratio"], "unitless")
                arch.add_catalog(f"{prefix}.payload_fraction", leg["payload_fraction"], "unitless")
                continue
            p = stage.propellant
            driven = arch.trajectory is not None and stream == "cargo" and (
                stage.index == 0 or (stage.index == 1 and arch.trajectory["propulsive_capture"])
            )
            if not driven:  # else the trajectory table sets it
                arch.add(f"{prefix}.delta_v", stage.delta_v_km_s * 1000.0, "m/s",
                         f"legs {', '.join(stage.legs)} ({stage.source or 'trades/catalogs/delta_v.yaml'})")
            _add_stage_propellant(arch, catalog, prefix, p, f"transfer_{stream}.engines" if stage.core_engines else None,
                                  with_engines=not stage.core_engines or stage.index == 0)  # a core stage's engines: once
            loss, how_lost = gravity_loss(study, catalog, stage)
            arch.add(f"{prefix}.gravity_loss", loss * 1000.0, "m/s", how_lost + (" (fixed at the window's transfer)" if driven and loss else ""))
            days, how = coast_days(study, arch.trajectory, stage)
            set_stage_storage(arch, study, catalog, prefix, stage, days, loss)  # boil-off, or zero boil-off's cryocoolers
            arch.add(f"{prefix}.coast_time", days, "d", src("transportation.loiter_days", how))

    if arch.reusable_lander is not None:
        p = study.transportation.lander_propellant
        for direction in ("descent", "ascent"):
            legs = arch.reusable_lander[direction]
            arch.add(f"reusable_lander.{direction}_delta_v", legs["delta_v_km_s"] * 1000.0, "m/s", f"legs {', '.join(legs['legs'])} (trades/catalogs/delta_v.yaml)")
        _add_stage_propellant(arch, catalog, "reusable_lander", p)
        arch.add("reusable_lander.design_payload", payload["value"], "kg", f"{carrier} payload: {payload['source']}", payload["verified"],
                 payload.get("note"))
        arch.add("reusable_lander.first_year", masks["deploy"], "unitless", src("outpost.deploy_year", "lander delivered with the outpost"))

    if arch.trajectory is not None:
        best = arch.trajectory["window"]
        arch.add("trajectory.departure_date", best["departure_jd"] - ephemeris.J2000_JD, "d", arch.trajectory["source"] + f" (departs {best['departure']})")
        arch.add("trajectory.time_of_flight", best["tof_days"], "d", arch.trajectory["source"])

    arch.add_catalog(var.CARGO_PAYLOAD_CAPACITY, priced_payload(catalog, arch.cargo_vehicle), "kg")
    arch.add(var.PACKING_EFFICIENCY, study.launch.packing_efficiency, "unitless", src("launch.packing_efficiency"))
    refuelled = refuelled_lander(study, catalog) if arch.lander_launcher is not None else None
    if refuelled is not None:  # each landing's launches (tankers and lander) on its launcher
        arch.add(var.LANDER_LAUNCHES_PER_LANDING, refuelled.launches_per_landing, "unitless",
                 f"elements.{refuelled.element}.launches_per_landing: {refuelled.source}", refuelled.verified, refuelled.note)
    for vehicle, name in ((arch.cargo_vehicle, "launch_cargo"), (arch.crew_vehicle, "launch_crew"), (arch.lander_launcher, "launch_lander")):
        if vehicle is None:
            continue
        value, source = launch_reliability(study, catalog, vehicle)
        record = catalog.entry("launch_vehicles", vehicle).get("flights") or {}
        if source.startswith("Laplace"):  # from the catalog's flight record: carry its verified flag
            arch.add(f"{name}.reliability", value, "unitless", source, bool(record.get("verified")), record.get("note"))
        else:
            arch.add(f"{name}.reliability", value, "unitless", source)
        note = f"launch success probability of {vehicle}: {value:.3f} ({source.split(':')[0]})"
        if note not in arch.notes:
            arch.notes.append(note)


def set_cost_inputs(arch: Architecture, study: Study, catalog: Catalog) -> None:
    plan = arch.cost
    masks = year_masks(study)
    cost = catalog.entry("cost", "default")
    base = study.campaign.dollar_base_year
    src = plan.sources
    for element in plan.elements:
        name = f"cost.{element.name}"
        if element.mass_kg is not None and element.mass_output is None:
            arch.add(f"{name}.dry_mass", element.mass_kg, "kg", f"catalog mass of {element.name}")
        if element.method == "amcm":
            arch.add(f"{name}.specification", element.coefficients["specification"], "unitless", element.source)
            arch.add(f"{name}.ioc_year", float(study.deploy_year), "unitless", "deployment year of the outpost (AMCM IOC)")
            arch.add(f"{name}.quantity", 1.0, "unitless", "one unit (AMCM cost of development and first unit; "
                     "the quantity exponent splits it into development and first unit)")
            arch.add(f"{name}.block", 1.0, "unitless", "AMCM block 1: a new design (assumption)")
            arch.add(f"{name}.difficulty", 0.0, "unitless", "AMCM programme difficulty 0: average (assumption)")
        else:
            for factor in ("development_factor", "first_unit_factor"):
                arch.add(f"{name}.{factor}", element.coefficients.get(factor, 1.0), "unitless", element.factor_source)
    for i, item in enumerate(plan.items):
        units = masks["deploy"] if item.units == "deploy" else np.zeros(len(arch.years))
        if item.units in (None, "deploy"):
            arch.add(f"cost.units.units_{i}", units, "unitless", f"{item.name}: one unit delivered in {study.deploy_year}" if item.units else f"{item.name}: no hardware")
        if item.deploy_mass_output is None:
            arch.add(f"cost.deploy_mass.deploy_mass_{i}", item.deploy_mass_kg, "kg",
                     f"{item.name}: catalog mass delivered with the outpost" if item.deploy_mass_kg else f"{item.name}: no hardware delivered with the outpost")
    arch.add(var.WORK_YEAR_VALUE, plan.work_year_musd, "MUSD", f"converted to {base} $ with CPI-U: {src['work_year_value']}", True)
    arch.add(var.AMCM_INFLATION, plan.amcm_inflation, "unitless", f"CPI-U 1999 to {base}: {src['inflation']}", True)
    arch.add(var.LEARNING_RATE, plan.learning_rate, "unitless",
             "study: cost_sharing.learning_rate" if study.cost_sharing.learning_rate else cost["learning_rate_aerospace"]["source"])
    arch.add(var.OPERATIONS_RATE, plan.operations_rate_musd, "MUSD", f"converted to {base} $: {src['operations_cost_per_crew_position']}", False,
             cost["operations_cost_per_crew_position"].get("note"))
    arch.add(var.CREWED_YEAR, masks["crewed"], "unitless", f"crewed from {study.first_crewed_year}")
    spans = []
    for item, row in zip(plan.items, plan.development_profile):
        years = [y for y, f in zip(study.years, row) if f > 0]
        if years:
            spans.append(f"{item.name} {years[0]}-{years[-1]}")
    arch.add(var.DEVELOPMENT_PROFILE, plan.development_profile, "unitless",
             "development " + ", ".join(spans) + (" (study schedule)" if study.schedule.longest() is not None else "")
             + f": {src['development_profile']}")
    arch.add(var.WRAP_FRACTION, plan.wrap_fractions, "unitless", "; ".join(plan.wrap_sources))
    if arch.crew_vehicle is not None:
        arch.add(var.CREW_LAUNCH_PRICE, plan.crew_launch_price_musd, "MUSD",
                 f"price of a crewed launch on {arch.crew_vehicle} in {base} $: {plan.crew_transport_buys}; {src.get('crew transport', '')}")
        arch.add(var.CREW_LAUNCHES_PER_ROTATION, float(plan.crew_launches_per_rotation[0]), "unitless", plan.crew_launches_per_rotation[1])
    if plan.crew_launch_operations is not None:  # a government-operated crew launcher (trades.architecture.launch_operations)
        for name, (value, units, source, verified, note) in plan.crew_launch_operations.items():
            arch.add(var.launch_operations_input(name), value, units, source, verified, note)
        arch.add(var.launch_operations_input("work_year_value"), plan.work_year_musd, "MUSD",
                 f"converted to {base} $ with CPI-U: {src['work_year_value']}")
    ntr = src.get(NTR_SOURCE_KEY)
    arch.add(var.PURCHASES, plan.purchases, "MUSD", "contract prices per item and year (study section acquisition; contracts.yaml)"
             + (f"; with the nuclear-thermal engines' development, {ntr}" if ntr else ""))
    arch.add(var.LAUNCH_MASS_DEPLOY_YEAR, masks["deploy"], "unitless", f"deployed {study.deploy_year}")
    arch.add(var.DIRECT_LEO_MASS, [item.direct_launch_kg for item in plan.items], "kg",
             "catalog mass of hardware launched as it is (relays)")
    arch.add(var.COST_FACTOR, plan.cost_factor, "unitless", "partners[].cost_factor (default 1, an assumption)")
    arch.add(var.LAUNCH_PRICE_PER_KG, np.nan_to_num(plan.launch_price_per_kg, nan=0.0), "MUSD/kg",
             f"launch price per kg in the launch orbit on {plan.launch_vehicle} ({study.launch.policy} policy), base-year $")
    arch.add(var.COORDINATION_EXPONENT, plan.coordination_exponent, "unitless",
             "study: cost_sharing.coordination_exponent" if study.cost_sharing.coordination_exponent is not None else cost["coordination_exponent"]["source"])
    rate, rate_source, rate_verified, rate_note = discount_rate(study, cost)
    arch.add(var.DISCOUNT_RATE, rate, "unitless", rate_source, rate_verified, rate_note)
    arch.add(var.PRESENT_VALUE_OFFSET, study.present_value_year - study.years[0], "year",
             f"campaign.present_value_year {study.present_value_year} less the model's first year {study.years[0]}")
    arch.add(var.SHARES, plan.initial_shares, "unitless", "warm start: each item wholly to its cheapest eligible provider")

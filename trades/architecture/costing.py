"""The cost and partnership plan of an architecture: what is costed, by which relationship, who
may provide it, at what launch price, under which rules.

Cost items are what partners provide and share: outpost hardware (habitat, life support, power,
ISRU plant), cargo transport (the in-space stages of each cargo flight), a reusable lander, crew
landers, crew transport (crew launches bought at the vehicle's price), operations, and shared
infrastructure (relays). Each hardware item is costed from its dry mass by a relationship of
``trades/catalogs/cost.yaml``; every price is turned into base-year dollars by
:mod:`trades.study.money`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from trades.architecture.acquisition import contract_purchases, crew_launch_price
from trades.architecture.government_development import launches_crew_lander
from trades.architecture.launch_prices import priced_payload_kg
from trades.architecture.mars_surface_access import add_surface_access_elements
from trades.architecture.nuclear_thermal import add_ntr_development
from trades.architecture.outpost_modules import add_module_items, sized_power_costed
from trades.architecture.cost_relationships import relationship
from trades.architecture.schedule import item_profiles
from trades.architecture.standards import apply_standards, shared_transport_price, transfer_eligible
from trades.architecture.ssa import add_ssa_purchases, restrict_national, ssa_items
from trades.architecture.programme_purchases import add_purchases, purchase_items, uncovered_elements
from trades.architecture.refuelled_lander import add_crew_lander_item, add_landing_service
from trades.architecture.wraps import programme_wraps
from trades.study.catalog import Catalog
from trades.errors import InfeasibleError
from trades.study.money import MoneyError, inflation_factor, sourced_to_base_musd

AMCM_YEAR = 1999  # AMCM gives FY1999 dollars

# the cargo carrier (lander or logistics vehicle) of each destination when the study names none
DEFAULT_CARGO_CARRIER = {"moon": "blue_moon_mk1", "moon_orbit": "dragon_xl", "earth_orbit": "htv_x", "mars": "dra5_cargo_lander", "near_earth_asteroid": "dragon_xl"}


@dataclass
class CostElement:
    """A piece of hardware costed by one relationship."""

    item: int
    name: str
    method: str  # 'transcost' or 'amcm'
    coefficients: dict  # transcost: dev_a, dev_x, prod_a, prod_x; amcm: specification
    mass_output: str | None = None  # model output giving its dry mass, or None for a fixed mass
    mass_kg: float | None = None
    source: str = ""
    factor_source: str = ""  # TRANSCOST correction factors (transcost elements)
    relationship: str = ""  # its catalog relationship: 'amcm' or a TRANSCOST category (cost risk reads its uncertainty)


@dataclass
class CostItem:
    """Something partners provide and share."""

    name: str
    capability: tuple[str, ...] | None  # partner capabilities any one of which qualifies; None: any partner
    launched: bool  # carries launch mass of its own, so its provider needs a launch price (a reusable
    # lander's launch is in the cargo stream's mass, attributed to the payloads it lands)
    units: str | None = None  # 'deploy', 'cargo_flights', 'crew_rotations' or None (no production)
    deploy_mass_output: str | None = None  # hardware delivered in the deployment year (model output)
    direct_launch_kg: float = 0.0  # launched as it is (own propulsion beyond the launch orbit), deployment year
    deploy_mass_kg: float = 0.0  # catalog mass delivered with the outpost when no model output gives it (outpost modules)
    eligible: list[bool] = field(default_factory=list)


@dataclass
class CostPlan:
    partners: list[str]
    items: list[CostItem]
    elements: list[CostElement]
    cost_factor: np.ndarray
    launch_price_per_kg: np.ndarray  # per partner, MUSD/kg in the launch orbit (nan: cannot launch)
    launch_vehicle: list[str | None]  # per partner: the vehicle its launches fly on
    budget_cap: list[float | None]
    min_share: np.ndarray
    max_share: np.ndarray
    key: list[float] | None
    payment_matrix: np.ndarray  # pays[:, y] = M provides[:, y]
    return_bounds: tuple[float, float] | None
    barred_pairs: list[tuple[int, int]]
    development_profile: np.ndarray  # (items, years): each item's development fraction per year
    work_year_musd: float
    amcm_inflation: float
    amcm_coefficients: dict[str, float]  # AMCM's a..g (the catalog's cost.default.amcm)
    payload_leo_kg: dict[str, float]  # each partner's launch vehicle: payload to the launch orbit
    operations_rate_musd: float
    crew_launch_price_musd: float
    learning_rate: float
    coordination_exponent: float
    initial_shares: np.ndarray
    sources: dict[str, str] = field(default_factory=dict)
    missing_prices: list[str] = field(default_factory=list)
    # a coalition whose members are all capped and which splits its purchases as it chooses: its
    # yearly spending (members' work and purchases) against the sum of the members' caps
    pooled_cap: float | None = None
    purchases: np.ndarray | None = None  # contract prices per item and year, base-year MUSD (acquisition.py)
    fixed_development: np.ndarray | None = None  # the part of purchases that is development at a reported or government figure
    crew_transport_buys: str | None = None  # what the crew launch price buys
    crew_launches_per_rotation: tuple[int, str] = (1, "")  # ceil(crew / seats) and where the seats come from
    # programme wraps (trades.architecture.wraps): names, fractions of development, where each comes from
    wrap_names: list[str] = field(default_factory=list)
    wrap_fractions: list[float] = field(default_factory=list)
    wrap_sources: list[str] = field(default_factory=list)
    crew_launcher_lifts_lander: bool = False  # the crew stream's mass rides the crew launch (government_development.py)
    crew_launch_operations: dict | None = None  # a government-operated crew launcher's operations inputs (launch_operations.py)
    crew_programme: object | None = None  # a government-developed crew programme's cost (ProgrammeCost), for cost risk

    def item_index(self, name: str) -> int | None:
        names = [i.name for i in self.items]
        return names.index(name) if name in names else None


def vehicle_price_musd(catalog: Catalog, vehicle: str, base_year: int) -> tuple[float | None, str]:
    """Price of one launch in base-year MUSD, or None with the reason."""
    price = catalog.entry("launch_vehicles", vehicle).get("price")
    if not price or price.get("value") is None:
        return None, f"'{vehicle}' has no published price in the catalog"
    try:
        return sourced_to_base_musd(price, base_year, catalog), price["source"]
    except MoneyError as exc:
        return None, f"the price of '{vehicle}' cannot be converted: {exc}"


def price_per_kg(study, catalog: Catalog, vehicle: str, reliability: float) -> float | None:
    """Base-year MUSD per kg placed in the launch orbit, counting failed attempts and packing."""
    price, _ = vehicle_price_musd(catalog, vehicle, study.campaign.dollar_base_year)
    if price is None:
        return None
    capacity = priced_payload_kg(catalog, vehicle) * study.launch.packing_efficiency
    return price / (capacity * reliability)


def _capabilities(study, catalog: Catalog) -> dict[str, set[str]]:
    return {
        p.id: set(p.capabilities if p.capabilities is not None else catalog.entry("partners", p.id)["capabilities"])
        for p in study.partners
    }


def _stage_type(stage) -> str:
    """Element type of an in-space stage: a departure stage, or a propulsion module (landing, capture)."""
    return "departure_stage" if stage.role == "departure" else "propulsion_module"


def launch_reliability(study, catalog: Catalog, vehicle: str) -> tuple[float, str]:
    """A launch vehicle's success probability per launch, and where it comes from: Laplace's rule
    on its flight record when long enough, else the study's assumption."""
    flights = catalog.entry("launch_vehicles", vehicle).get("flights")
    if flights and flights.get("launches") is not None:
        n, s = int(flights["launches"]), int(flights["successes"])
        if n >= study.launch.min_flights_for_record:
            return (s + 1) / (n + 2), f"Laplace rule (s+1)/(n+2) on {s}/{n} flights: {flights['source']}"
        why = f"only {n} flight(s) on record, fewer than launch.min_flights_for_record = {study.launch.min_flights_for_record}"
    else:
        why = "no flight record in the catalog"
    return study.launch.default_reliability, f"study assumption launch.default_reliability ({why})"


def make_cost_plan(arch) -> CostPlan:
    """The cost plan of a resolved architecture (launch prices per kilogram use each vehicle's
    :func:`launch_reliability`, as the launch model does)."""
    study, catalog, file = arch.study, arch.catalog, arch.file

    def reliability(vehicle: str) -> float:
        return launch_reliability(study, catalog, vehicle)[0]
    cost = catalog.entry("cost", "default")
    base = study.campaign.dollar_base_year
    ids = [p.id for p in study.partners]
    capabilities = _capabilities(study, catalog)
    items: list[CostItem] = []
    elements: list[CostElement] = []
    sources: dict[str, str] = {}

    def add_element(item_index, name, element_type, mass_output=None, mass_kg=None, propellant=None, developed_by=None, power_source=None):
        """A costed piece of hardware, by its element type's relationship (the catalog's table or
        the study's cost.relationships; :mod:`trades.architecture.cost_relationships`); built to the
        design of element ``developed_by`` (TRANSCOST), it is produced but not developed again; a power system of ``power_source``."""
        rel = relationship(cost, element_type, study, propellant, power_source)
        coefficients, factor_source = rel.coefficients, rel.factor_source
        if developed_by is not None and rel.method == "transcost":
            coefficients = {**coefficients, "development_factor": 0.0}
            factor_source = f"development 0: built to the design of {developed_by}, developed once with it; {factor_source}"
        elements.append(CostElement(item_index, name, rel.method, coefficients, mass_output, mass_kg, rel.source, factor_source,
                                    rel.name if rel.method == "transcost" else "amcm"))
        sources[f"cost element {name}"] = rel.source

    def add_item(item: CostItem) -> int:
        items.append(item)
        return len(items) - 1

    out = "outpost"
    for name, element_type, output in (
        ("habitat", "habitat", f"{out}.habitat.habitat_mass"),
        ("life_support", "life_support", f"{out}.life_support.life_support_mass"),
        ("power", "power", f"{out}.power.power_system_mass"),
    ):
        # habitat builders build their own life support (ISS and Tiangong modules carry theirs)
        capability = ("life_support", "habitat") if name == "life_support" else (element_type,)
        i = add_item(CostItem(name, capability, True, "deploy", deploy_mass_output=output))
        if name != "power" or sized_power_costed(arch):  # none sized when power modules cover the load (outpost_modules)
            add_element(i, name, element_type, mass_output=output, power_source=study.outpost.power_source)
    isru_used = study.outpost.isru.oxygen_production_t_per_year > 0 or any(
        dv.name == "isru_oxygen_production" for dv in study.design_variables
    )
    if isru_used:
        i = add_item(CostItem("isru", ("isru",), True, "deploy", deploy_mass_output=f"{out}.isru.isru_plant_mass"))
        add_element(i, "isru", "isru", mass_output=f"{out}.isru.isru_plant_mass")

    carrier = cargo_carrier(study)
    carrier_type = catalog.entry("elements", carrier)["type"]
    logistics = add_item(CostItem("cargo_transport", (carrier_type,), True, "cargo_flights"))
    for stage in arch.stages["cargo"]:
        if stage.role != "entry":
            # unit dry mass: the stage's inert mass per cargo flight of the baseline design (set after a first evaluation)
            add_element(logistics, f"cargo_{stage.role}_stage{stage.index}", _stage_type(stage),
                        mass_output=f"transfer_cargo.stage{stage.index}.inert_mass", propellant=stage.propellant)
    if arch.reusable_lander is not None:
        i = add_item(CostItem("reusable_lander", ("cargo_lander",), False, "deploy"))
        add_element(i, "reusable_lander", "cargo_lander", mass_output="reusable_lander.lander_dry_mass")

    notes = arch.notes
    # the crew's launch price, once: it decides whether the Mars crew's capsules are built or bought
    crew_quote = crew_launch_price(study, catalog, arch.crew_vehicle, base) if arch.crew_vehicle is not None else None
    add_crew_lander_item(study, catalog, add_item, add_element, CostItem, notes)  # trades.architecture.refuelled_lander
    if arch.mars_crew:  # the crew's transit vehicle per mission: habitat, capsules, in-space stages
        i = add_item(CostItem("mars_crew_vehicle", ("habitat",), True, "crew_rotations"))
        add_element(i, "mars_transit_habitat", "habitat", mass_output="mars_transit_habitat.habitat_mass")
        crew = study.transportation.mars_crew
        capsule = catalog.entry("elements", crew.return_capsule)
        if crew_quote is not None and crew_quote.includes_spacecraft:
            # the crew's launches bring the capsules (SLS with Orion): their price buys them, so the
            # transit vehicle does not build them again (their mass still rides its stages)
            notes.append(f"Mars crew: the {arch.mars_crew[0]['capsules']} return capsule(s) per mission are bought with the crew launches "
                         f"({arch.crew_vehicle}), not built again; their mass rides the transit vehicle's stages, and the crew launches, "
                         "not the cargo launches, lift it to the launch orbit")
        else:  # one design, built once per mission per capsule (units: crew_rotations)
            add_element(i, "mars_return_capsule", "crew_spacecraft", mass_kg=arch.mars_crew[0]["capsules"] * float(capsule["dry_mass_kg"]["value"]))
        from trades.architecture.mars_missions import crew_vehicle_stage_elements  # here: it imports description, which imports this
        for name, output, stage in crew_vehicle_stage_elements(arch.stages["mars_crew_1"]):  # unit masses: the missions' average
            add_element(i, name, _stage_type(stage), mass_output=output, propellant=stage.propellant)  # (assemble.set_stage_unit_masses)
        if "mars_ascent_1" in arch.stages:  # the crew's descent and ascent vehicles (trades.architecture.mars_surface_access)
            add_surface_access_elements(arch, i, add_element)
    if arch.crew_vehicle is not None:
        add_item(CostItem("crew_transport", ("crew_vehicle",), False))
    add_item(CostItem("operations", None, False))
    for element_id in study.shared_infrastructure:
        mass = float(catalog.entry("elements", element_id)["mass_kg"]["value"])
        # a relay flies on its own propulsion from the launch orbit (Queqiao-2 rode a Long March 8 to
        # a trans-lunar orbit): its launch is costed for its own mass in the launch orbit
        i = add_item(CostItem(f"relay:{element_id}", ("relay",), True, "deploy", direct_launch_kg=mass))
        add_element(i, element_id, "relay", mass_kg=mass)
    add_module_items(study, catalog, add_item, add_element, CostItem, arch.notes)  # outpost_modules: module:<id> items
    if arch.ssa is not None:  # the SSA system's sensors (trades.architecture.ssa)
        items += ssa_items(arch, CostItem)
    items += purchase_items(study, CostItem)  # contracts bought beside the items (trades.architecture.programme_purchases)

    # launch prices per partner
    missing: list[str] = []
    ppk = np.full(len(ids), np.nan)
    vehicle_of: list[str | None] = [None] * len(ids)
    if study.launch.policy == "open_market":
        value = price_per_kg(study, catalog, arch.cargo_vehicle, reliability(arch.cargo_vehicle))
        if value is None:
            missing.append(arch.cargo_vehicle)
            value = 0.0
        ppk[:] = value
        vehicle_of = [arch.cargo_vehicle] * len(ids)
    else:
        vehicles = catalog.entries["launch_vehicles"]
        for j, (pid, own) in enumerate(arch.vehicles_by_partner.items()):
            usable = [v for v in own if study.launch.include_planned or vehicles[v]["status"] != "planned"]
            priced = [(price_per_kg(study, catalog, v, reliability(v)), v) for v in usable]
            priced = [(c, v) for c, v in priced if c is not None]
            if priced:
                ppk[j], vehicle_of[j] = min(priced)
            elif usable:
                notes.append(f"{pid} has no priced launch vehicle ({', '.join(usable)}): under the national policy it provides nothing that must be launched")
    crew_price, crew_buys, crew_launches = 0.0, None, (1, "no crew vehicle")
    if crew_quote is not None:
        crew_buys, crew_launches = crew_quote.buys, (crew_quote.launches_per_rotation, crew_quote.seats_source)
        if crew_quote.musd is None:
            missing.append(arch.crew_vehicle)
        else:
            crew_price = crew_quote.musd
            notes.append(f"crew transport: {crew_price:,.0f} MUSD {base} per crewed launch: {crew_quote.buys}")
            sources["crew transport"] = crew_quote.source
    if missing:
        notes.append(
            "launch cost is INCOMPLETE: no usable price for " + ", ".join(sorted(set(missing)))
            + " (add one with overrides.launch_vehicles.<id>.price {value, unit: MUSD, source})"
        )

    pooled = shared_transport_price(study, catalog, arch, reliability, notes, sources)  # issue 20 (trades.architecture.standards)
    if pooled is not None:  # a shared transport service: one price for every partner
        ppk[:], vehicle_of = pooled, [arch.cargo_vehicle] * len(ids)

    # who may provide what
    for item in items:
        item.eligible = [
            (item.capability is None or bool(set(item.capability) & capabilities[pid]))
            and (not item.launched or study.launch.policy == "open_market" or not math.isnan(ppk[j]))
            for j, pid in enumerate(ids)
        ]
        vendors = study._vendors
        if vendors and any(ok for ok, pid in zip(item.eligible, ids) if pid not in vendors):
            # a coalition buys from outside partners only what none of its members can provide
            item.eligible = [ok and pid not in vendors for ok, pid in zip(item.eligible, ids)]
        if item.name == "crew_transport" and study.launch.policy == "national":
            owner = arch.vehicle_owner.get(arch.crew_vehicle)
            item.eligible = [e and pid == owner for e, pid in zip(item.eligible, ids)]
        item.eligible = transfer_eligible(item, study, ids, file)
        if not any(item.eligible):
            need = f"capability {' or '.join(repr(c) for c in item.capability)}" if item.capability else "a partner"
            launch = " and a priced launch vehicle of its own (national launch policy)" if item.launched and study.launch.policy == "national" else ""
            raise InfeasibleError(
                f"{file}: no partner of {ids} can provide the {item.name.replace('_', ' ')}: it needs {need}{launch}"
            )

    restrict_national(items, ids)
    factor = np.array([p.cost_factor if p.cost_factor is not None else 1.0 for p in study.partners])
    profile = item_profiles(study, items, float(cost["development_profile"]["alpha"]), float(cost["development_profile"]["beta"]))
    purchases, elements = contract_purchases(study, catalog, items, elements, profile, notes, sources)
    elements = uncovered_elements(study, items, elements)  # what the purchases' covers buy is not costed again
    fixed_development = np.zeros_like(purchases)  # paid as quoted like a purchase, shown as development (cost_summary.py)
    if crew_quote is not None and crew_quote.development_musd:  # a government-developed crew launcher and spacecraft
        crew_item = [item.name for item in items].index("crew_transport")
        fixed_development[crew_item] += crew_quote.development_musd * profile[crew_item]
        notes.append(f"crew transport: {crew_quote.development_buys}")
        sources["crew transport development"] = crew_quote.source
    crew_operations = crew_quote.operations if crew_quote is not None else None
    if arch.ssa is not None:
        add_ssa_purchases(arch, items, purchases, profile)
        sources.update(arch.ssa.sources)
    alpha, beta = float(cost["development_profile"]["alpha"]), float(cost["development_profile"]["beta"])
    add_purchases(study, catalog, items, purchases, profile, alpha, beta, notes, sources)
    add_landing_service(study, catalog, study.years, items, purchases, notes, sources)  # a refuelled lander, per landing
    add_ntr_development(arch, items, elements, fixed_development, profile, notes, sources)  # once per study (nuclear_thermal.py)
    purchases += fixed_development
    sharing = study.cost_sharing
    key = None
    if sharing.rule == "fixed_key":
        key = [float(sharing.key.get(pid, 0.0)) for pid in ids]
    bounds = None
    if sharing.return_min is not None or sharing.return_max is not None:
        bounds = (sharing.return_min or 0.0, sharing.return_max or 1e6)
    # pays[:, y] = M provides[:, y]. A coalition's sellers have no key: under a fixed key its
    # members pay their (rescaled) key's part of everything, purchases included
    payment = np.eye(len(ids)) if key is None else np.outer(key, np.ones(len(ids)))
    pooled_cap = None
    caps = [p.budget_cap_musd for p in study.partners if p.id not in study._vendors]
    if study._vendors and key is None and all(cap is not None for cap in caps):
        # a coalition splits what it buys among its members as it chooses (it changes no cost,
        # only who pays; a seller's row is what the coalition pays it): every member capped,
        # the year's whole spending within the sum of their caps (a split of the purchases
        # within each member's cap exists exactly then)
        pooled_cap = float(sum(caps))
    wyr = cost["work_year_value"]
    ops = cost["operations_cost_per_crew_position"]
    sources.update({
        "work_year_value": f"{wyr['value']} MUSD {wyr['year']}: {wyr['source']}",
        "operations_cost_per_crew_position": f"{ops['value']} MUSD {ops['year']}: {ops['source']}",
        "development_profile": cost["development_profile"]["source"],
        "inflation": cost["cpi_u"]["source"],
    })
    plan = CostPlan(
        partners=ids,
        items=items,
        elements=elements,
        cost_factor=factor,
        launch_price_per_kg=ppk,
        launch_vehicle=vehicle_of,
        budget_cap=[p.budget_cap_musd for p in study.partners],
        min_share=np.array([p.min_share for p in study.partners]),
        max_share=np.array([p.max_share for p in study.partners]),
        key=key,
        payment_matrix=payment,
        pooled_cap=pooled_cap,
        return_bounds=bounds,
        barred_pairs=[(ids.index(a), ids.index(b)) for a, b in sharing.barred_pairs],
        development_profile=profile,
        work_year_musd=sourced_to_base_musd(wyr, base, catalog),
        amcm_inflation=inflation_factor(AMCM_YEAR, base, catalog),
        amcm_coefficients={c: float(cost["amcm"][c]["value"]) for c in "abcdefg"},
        payload_leo_kg={v: priced_payload_kg(catalog, v) for v in dict.fromkeys(vehicle_of) if v is not None},
        operations_rate_musd=sourced_to_base_musd(ops, base, catalog),
        crew_launch_price_musd=crew_price,
        crew_transport_buys=crew_buys,
        crew_launches_per_rotation=crew_launches,
        purchases=purchases,
        fixed_development=fixed_development,
        learning_rate=sharing.learning_rate or float(cost["learning_rate_aerospace"]["value"]),
        coordination_exponent=sharing.coordination_exponent if sharing.coordination_exponent is not None else float(cost["coordination_exponent"]["value"]),
        initial_shares=np.zeros((len(items), len(ids))),
        sources=sources,
        missing_prices=sorted(set(missing)),
    )
    apply_standards(plan, study, catalog, notes)
    plan.initial_shares = initial_shares(plan)
    plan.crew_launch_operations = crew_operations
    plan.crew_programme = crew_quote.programme if crew_quote is not None else None
    plan.crew_launcher_lifts_lander = study.transportation.crew_lander is not None and launches_crew_lander(study, catalog)
    if plan.crew_launcher_lifts_lander:
        notes.append("crew lander: launched with the crew by the programme's launcher, whose hardware each crewed launch pays for: "
                     "its mass is in the launch orbit, no cargo launch is bought for it")
    plan.wrap_names, plan.wrap_fractions, plan.wrap_sources = programme_wraps(study, cost)
    if study.schedule.longest() is None and study.deploy_year <= study.years[0]:
        notes.append(
            f"all development is booked in {study.years[0]}, the deployment year: set schedule.development_years "
            "(with its source) to spread it over the years before first flight"
        )
    if study.partners and all(p.cost_factor is None for p in study.partners):
        notes.append("partner cost factors are 1 (the cost relationships' own level; set partners[].cost_factor with a source)")
    return plan


def providers_by_cost(plan: CostPlan, item: int) -> list[int]:
    """The partners that may provide an item, cheapest first: lowest cost factor, then lowest
    launch price, then study order."""
    eligible = [j for j, ok in enumerate(plan.items[item].eligible) if ok]
    return sorted(eligible, key=lambda j: (plan.cost_factor[j], np.nan_to_num(plan.launch_price_per_kg[j], nan=np.inf), j))


def initial_shares(plan: CostPlan) -> np.ndarray:
    """Warm start: each item wholly to its cheapest eligible provider. Equal shares would be a
    stationary point of the coordination overhead (its gradient along the share simplex is zero
    there), where a gradient optimizer could not leave."""
    shares = np.zeros((len(plan.items), len(plan.partners)))
    for i in range(len(plan.items)):
        shares[i, providers_by_cost(plan, i)[0]] = 1.0
    return shares


def cargo_carrier(study) -> str:
    """The study's cargo carrier (lander or logistics vehicle), else its destination's default."""
    return study.transportation.cargo_carrier or DEFAULT_CARGO_CARRIER[study.destination.body]

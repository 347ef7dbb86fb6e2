"""Validation row of a Commercial Crew seat (``trades validation-report``): the toolkit's own model of
a seat on a commercially developed crew capsule, SpaceX's Crew Dragon on Falcon 9, against NASA OIG's
price of a seat (IG-20-005, 2019). One crew rotation flight costs

    C_flight = f11 (D / N + P / r) + n_L L + w [C_m + f11 (C_ma + C_rec)],        seat = C_flight / s

with ``D`` and ``P`` the capsule's development and first-unit cost as a government development by
the catalog's relationship of its class (``crew_spacecraft``, :func:`trades.architecture.relationships.element_cost`),
``f11`` TRANSCOST's commercial-development factor (``transcost_factors.f11_commercial``, as the Gateway
PPE and HALO rows apply it), ``N`` the missions the contract buys (``contracts.yaml`` cctcap_spacex_2014),
``r`` the flights a capsule is certified for (``elements.yaml`` crew_dragon.flights_per_capsule), ``L``
the catalog's Falcon 9 price with ``n_L`` launches of the payload that price buys
(:func:`trades.architecture.launch_prices.priced_payload_kg`) for the spacecraft's launch mass, and
``s`` the seats NASA buys a flight, and the capsule's operations by TRANSCOST's relationships as the toolkit
prices a government crew launcher's (:mod:`trades.architecture.launch_operations`; ``w`` the value of a
work-year): flight and mission operations ``C_m`` of a crewed orbital vehicle (Q = 3), the crewed-flight
addition ``C_ma`` over the capsule's free flight (``elements.yaml`` crew_dragon.flight_operations) and its
recovery at sea ``C_rec``, the last two with f11 as lvreuse applies it, at the relationships' lowest fitted
rate (3 a year: NASA's contract buys fewer, so a lower bound). Falcon 9's own operations are in its price.
The OIG priced a seat from the contract's value less its development
and testing (contracts.yaml commercial_crew_spacex_seat_2019, its note), so the row compares the seat
without the development term ``f11 D / N``; the comment gives the seat with it and the development
against the contract's development part. All in 2024 dollars (CPI-U). Band 50 % (a single contracted
element). Sources and searches: docs/research/crew_seat_research.md.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

BAND = 0.5
BASE_YEAR = 2024
SPACECRAFT, VEHICLE = "crew_dragon", "falcon9"
CONTRACT, EXTENDED, SEAT = "cctcap_spacex_2014", "cctcap_spacex_crew10_14_2022", "commercial_crew_spacex_seat_2019"


@dataclass
class SeatCost:
    """One crew flight's cost by part (base-year MUSD a flight) and the seats it carries."""

    government_development: float  # D: the capsule's development as a government programme
    government_first_unit: float  # P: one capsule as a government programme
    f11: float
    missions: float  # N
    flights_per_capsule: float  # r
    launches: int  # n_L
    launch_price: float  # L
    seats: float  # s
    flight_operations: float = 0.0  # w C_m, the capsule's share of flight and mission operations
    crewed_operations: float = 0.0  # w C_ma before f11
    recovery: float = 0.0  # w C_rec before f11

    @property
    def operations(self) -> float:
        return self.flight_operations + self.f11 * (self.crewed_operations + self.recovery)

    @property
    def development(self) -> float:
        return self.f11 * self.government_development / self.missions

    @property
    def production(self) -> float:
        return self.f11 * self.government_first_unit / self.flights_per_capsule

    @property
    def launch(self) -> float:
        return self.launches * self.launch_price

    @property
    def per_seat(self) -> float:
        """With the development spread over the contract's missions."""
        return (self.development + self.production + self.launch + self.operations) / self.seats

    @property
    def mission_per_seat(self) -> float:
        """The missions' cost alone, as the OIG priced a seat (no development)."""
        return (self.production + self.launch + self.operations) / self.seats


def _value(node: dict) -> float:
    return float(node["value"])


def flight_operations_musd(catalog, mission_days: float, crew: float, base_year: int = BASE_YEAR) -> tuple[float, float, float]:
    """The capsule's operations of one flight (base-year MUSD) by the toolkit's TRANSCOST operations, f11 not
    applied: flight and mission operations, the crewed-flight addition over ``mission_days``, recovery at sea."""
    from trades.architecture.launch_operations import coefficients, per_launch_musd, recovery_per_flight_wyr
    from trades.study.money import sourced_to_base_musd

    ops = catalog.entry("elements", SPACECRAFT)["flight_operations"]
    wyr = sourced_to_base_musd(catalog.entry("cost", "default")["work_year_value"], base_year, catalog)
    rate = coefficients(catalog)["min_rate"]  # the lowest fitted rate: NASA's contract buys fewer flights a year
    flight = {"complexity": (_value(ops["complexity"]),)}
    _, uncrewed = per_launch_musd(catalog, flight, rate, wyr)
    _, crewed = per_launch_musd(catalog, {**flight, "mission_days": (mission_days,), "crew": (crew,)}, rate, wyr)
    return uncrewed, crewed - uncrewed, wyr * recovery_per_flight_wyr(catalog, _value(ops["recovered_mass_t"]), rate)


def seat_cost(catalog, *, dry_mass_kg: float | None = None, missions: float | None = None, mission_days: float | None = None,
              base_year: int = BASE_YEAR) -> SeatCost:
    """A Crew Dragon seat by the toolkit's model (the module's equation), from the catalog's numbers;
    ``dry_mass_kg``, ``missions`` and ``mission_days`` replace the catalog's for the comment's what-ifs."""
    from trades.architecture.costing import vehicle_price_musd
    from trades.architecture.launch_prices import priced_payload_kg
    from trades.architecture.relationships import element_cost

    craft = catalog.entry("elements", SPACECRAFT)
    mass = _value(craft["dry_mass_kg"]) if dry_mass_kg is None else dry_mass_kg
    government = element_cost("crew_spacecraft", mass, ioc_year=int(_value(craft["ioc_year"])), base_year=base_year, catalog=catalog)
    price, _ = vehicle_price_musd(catalog, VEHICLE, base_year)
    seats = _value(catalog.entry("contracts", SEAT)["seats"])
    days = _value(craft["flight_operations"]["free_flight_days"]) if mission_days is None else mission_days
    return SeatCost(
        government.development_musd, government.first_unit_musd,
        _value(catalog.entry("cost", "default")["transcost_factors"]["f11_commercial"]),
        _value(catalog.entry("contracts", CONTRACT)["missions"]) if missions is None else missions,
        _value(craft["flights_per_capsule"]),
        math.ceil(_value(craft["mass_kg"]) / priced_payload_kg(catalog, VEHICLE) - 1e-9), price, seats,
        *flight_operations_musd(catalog, days, seats, base_year))


def _verdict(ratio: float) -> str:
    return "Agrees" if abs(ratio - 1.0) <= BAND else "Does not agree"


def _split(catalog, rel) -> str:
    """Why a unit costs what it does next to the development, for AMCM (its quantity law)."""
    if rel.method != "amcm":
        return ""
    b = _value(catalog.entry("cost", "default")["amcm"]["b"])
    return (f" (AMCM's quantity law C(Q) = C(1) Q^b, b = {b:.3f}: development 2 C(1) - C(2), a unit C(2) - C(1) = "
            f"{2.0 ** b - 1.0:.2f} C(1))")


def crew_seat_rows(Row) -> list:
    """The Crew Dragon seat row; its comment is written from the computed parts and what-ifs."""
    from trades.architecture.cost_relationships import relationship
    from trades.architecture.launch_prices import priced_payload_kg
    from trades.study.catalog import load_catalog
    from trades.study.money import sourced_to_base_musd

    catalog = load_catalog()
    craft, contract, extended, seat = (catalog.entry("elements", SPACECRAFT), catalog.entry("contracts", CONTRACT),
                                       catalog.entry("contracts", EXTENDED), catalog.entry("contracts", SEAT))
    rel = relationship(catalog.entry("cost", "default"), "crew_spacecraft")
    cost = seat_cost(catalog)
    published = sourced_to_base_musd(seat["price"], BASE_YEAR, catalog)
    ratio = cost.mission_per_seat / published
    mass = _value(craft["dry_mass_kg"])
    wet_dry = mass - _value(craft["propellant_kg"])  # the dry mass were the propellant inside the FAA's figure
    with_development = cost.per_seat / published
    more_missions = seat_cost(catalog, missions=_value(extended["missions"])).per_seat / published
    lighter = seat_cost(catalog, dry_mass_kg=wet_dry).mission_per_seat / published
    days, stay = (_value(craft["flight_operations"][k]) for k in ("free_flight_days", "stay_days"))
    whole_stay = seat_cost(catalog, mission_days=stay).mission_per_seat / published
    crew_terms = (cost.crewed_operations + cost.recovery) / cost.seats  # the terms lvreuse's code multiplies by f11
    without_f11_on_operations = (cost.mission_per_seat + (1.0 - cost.f11) * crew_terms) / published
    bought = cost.missions * cost.seats * cost.per_seat  # the development once and the contract's flights
    award = sourced_to_base_musd(contract["price"], BASE_YEAR, catalog)
    contract_development = sourced_to_base_musd(contract["development_and_testing"], BASE_YEAR, catalog)
    development = cost.f11 * cost.government_development
    payload = priced_payload_kg(catalog, VEHICLE)
    quantity = (
        f"Commercial Crew seat on Crew Dragon and Falcon 9, the missions' cost as the OIG priced a seat (no development): the "
        f"capsule ({mass:,.0f} kg dry with its trunk, IOC {int(_value(craft['ioc_year']))}) by the catalog's crew_spacecraft "
        f"relationship ({rel.method.upper()} {rel.name}), {cost.government_first_unit:,.0f} MUSD a capsule as a government "
        f"programme, times TRANSCOST's commercial-development factor f11 = {cost.f11:g}, over the {cost.flights_per_capsule:g} "
        f"flights it is certified for, {cost.launches} Falcon 9 launch(es) at the catalog's price with the booster recovered "
        f"({cost.launch_price:,.1f} MUSD for {payload:,.0f} kg to LEO; Demo-2 launched {_value(craft['mass_kg']):,.0f} kg), the "
        f"capsule's flight, mission and recovery operations by TRANSCOST (as the toolkit prices a government crew launcher's), "
        f"over {cost.seats:g} seats")
    source = (f"{seat['id']}: {seat['price']['source']}; the OIG's method (the contract's value less its development and testing, "
              f"over six missions of four seats) as reported by Space.com (16 Nov 2019), read in a reworded copy (unverified); mass: "
              f"elements.yaml {SPACECRAFT} (FAA environmental assessments of 2018 via verbatim quotations, unverified); missions: "
              f"{contract['id']} ({contract['missions']['source']}); flights a capsule: {craft['flights_per_capsule']['source']} (unverified); "
              f"operations: {catalog.entry('cost', 'default')['transcost_operations']['source']}; recovery: "
              f"{catalog.entry('cost', 'default')['transcost_operations']['a_r']['source']}; free flight: "
              f"{craft['flight_operations']['free_flight_days']['source']} (unverified)")
    comment = (
        f"{_verdict(ratio)} (band 50 %). A seat's parts: capsule production {cost.production / cost.seats:,.1f}, launch "
        f"{cost.launch / cost.seats:,.1f}, the capsule's operations {cost.operations / cost.seats:,.1f} MUSD (a flight's: flight "
        f"and mission {cost.flight_operations:,.1f}, the crewed-flight addition over {days:g} d of free flight "
        f"{cost.f11 * cost.crewed_operations:,.1f} and recovery at sea {cost.f11 * cost.recovery:,.1f} after f11, as lvreuse's code "
        f"applies it; its notebook writes both relationships without f11, which would give {without_f11_on_operations:.2f}). TRANSCOST's "
        f"crewed term takes the mission's duration in orbit: read as the whole {stay:g}-day stay, the capsule docked, the ratio "
        f"would be {whole_stay:.2f} (the term {math.sqrt(stay / days):.0f} times larger; the relationship's example is the Shuttle's 14 days, its "
        f"fitted range was not read). Were the FAA's 'without cargo' mass to hold its "
        f"{_value(craft['propellant_kg']):,.0f} kg of propellant (dry {wet_dry:,.0f} kg), the ratio would be {lighter:.2f}; without "
        f"f11, {replace(cost, f11=1.0).mission_per_seat / published:.2f}. Not in the model: the trunk, thrown away each flight but "
        "here reused with the capsule (its mass was not read apart); refurbishment between flights (TRANSCOST's fractions are "
        "given only in a chart the transcription shows as an image); the capsule's ground processing (TRANSCOST's pre-launch relationship "
        "is the whole vehicle's, in Falcon 9's price); SpaceX's margin (the OIG's figure is a price, which NASA disputed as "
        "overstated: cargo capability not counted). The development, which the OIG's seat leaves out: the relationship develops "
        "the capsule for "
        f"{development:,.0f} MUSD after f11, {development / contract_development:.1f} times the development and testing part of "
        f"SpaceX's CCtCap contract ({contract['development_and_testing']['value']:,g} MUSD of "
        f"{contract['development_and_testing']['year']} as reported, {contract_development:,.0f} in {BASE_YEAR}; a lower bound on "
        "what the capsule's development cost: NASA's earlier Commercial Crew awards and SpaceX's own funds are outside it). "
        f"Spread over the {cost.missions:g} missions CCtCap bought it would add {cost.development / cost.seats:,.1f} MUSD a seat "
        f"(ratio {with_development:.2f}; over the {_value(extended['missions']):g} missions of the 2022 extensions, "
        f"{extended['id']}, {more_missions:.2f}); what CCtCap bought (the development and {cost.missions:g} flights) comes to "
        f"{bought:,.0f} MUSD by this model, {bought / award:.2f} of the award's {contract['price']['value']:,g} MUSD of "
        f"{contract['price']['year']} ({award:,.0f} in {BASE_YEAR}). The relationship prices one capsule at "
        f"{cost.government_first_unit / cost.government_development:.2f} of the capsule's development{_split(catalog, rel)}. "
        "The relationship is fitted on government programmes (it reproduces the Apollo lunar module's cost and Orion's crew "
        "module's development, rows above), and f11 halves it only; likely (not verified) SpaceX developed for far less than a "
        "government programme, as NASA's NAFCOM study of Falcon 9 (2011) found for the launcher: SpaceX's reported 0.39 billion "
        "was 0.23 of NAFCOM's commercial-inputs estimate.")
    return [Row("Cost (2024 dollars, CPI-U)", quantity, cost.mission_per_seat, published, "MUSD", source, comment)]

"""Validation row of a Commercial Crew seat (``trades validation-report``): the toolkit's own model of
a seat on a commercially developed crew capsule, SpaceX's Crew Dragon on Falcon 9, against NASA OIG's
price of a seat (IG-20-005, 2019). One crew rotation flight costs

    C_flight = f11 (D / N + P / r) + n_L L,        seat = C_flight / s

with ``D`` and ``P`` the capsule's development and first-unit cost as a government development by
the catalog's relationship of its class (``crew_spacecraft``, :func:`trades.architecture.relationships.element_cost`),
``f11`` TRANSCOST's commercial-development factor (``transcost_factors.f11_commercial``, as the Gateway
PPE and HALO rows apply it), ``N`` the missions the contract buys (``contracts.yaml`` cctcap_spacex_2014),
``r`` the flights a capsule is certified for (``elements.yaml`` crew_dragon.flights_per_capsule), ``L``
the catalog's Falcon 9 price with ``n_L`` launches of the payload that price buys
(:func:`trades.architecture.launch_prices.priced_payload_kg`) for the spacecraft's launch mass, and
``s`` the seats NASA buys a flight. All in 2024 dollars (CPI-U). Band 50 % (a single contracted
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
        return (self.development + self.production + self.launch) / self.seats


def _value(node: dict) -> float:
    return float(node["value"])


def seat_cost(catalog, *, dry_mass_kg: float | None = None, missions: float | None = None, base_year: int = BASE_YEAR) -> SeatCost:
    """A Crew Dragon seat by the toolkit's model (the module's equation), from the catalog's numbers;
    ``dry_mass_kg`` and ``missions`` replace the catalog's for the comment's what-ifs."""
    from trades.architecture.costing import vehicle_price_musd
    from trades.architecture.launch_prices import priced_payload_kg
    from trades.architecture.relationships import element_cost

    craft = catalog.entry("elements", SPACECRAFT)
    mass = _value(craft["dry_mass_kg"]) if dry_mass_kg is None else dry_mass_kg
    government = element_cost("crew_spacecraft", mass, ioc_year=int(_value(craft["ioc_year"])), base_year=base_year, catalog=catalog)
    price, _ = vehicle_price_musd(catalog, VEHICLE, base_year)
    return SeatCost(
        government.development_musd, government.first_unit_musd,
        _value(catalog.entry("cost", "default")["transcost_factors"]["f11_commercial"]),
        _value(catalog.entry("contracts", CONTRACT)["missions"]) if missions is None else missions,
        _value(craft["flights_per_capsule"]),
        math.ceil(_value(craft["mass_kg"]) / priced_payload_kg(catalog, VEHICLE) - 1e-9), price,
        _value(catalog.entry("contracts", SEAT)["seats"]))


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
    ratio = cost.per_seat / published
    mass = _value(craft["dry_mass_kg"])
    wet_dry = mass - _value(craft["propellant_kg"])  # the dry mass were the propellant inside the FAA's figure
    more_missions = seat_cost(catalog, missions=_value(extended["missions"])).per_seat / published
    lighter = seat_cost(catalog, dry_mass_kg=wet_dry).per_seat / published
    bought = cost.missions * cost.seats * cost.per_seat  # the development once and the contract's flights
    award = sourced_to_base_musd(contract["price"], BASE_YEAR, catalog)
    parts = {"development": cost.development, "capsule production": cost.production, "launch": cost.launch}
    largest = max(parts, key=parts.get)
    payload = priced_payload_kg(catalog, VEHICLE)
    quantity = (
        f"Commercial Crew seat on Crew Dragon and Falcon 9, developed commercially: the capsule ({mass:,.0f} kg dry with its "
        f"trunk, IOC {int(_value(craft['ioc_year']))}) by the catalog's crew_spacecraft relationship ({rel.method.upper()} {rel.name}), "
        f"{cost.government_development:,.0f} MUSD development and {cost.government_first_unit:,.0f} MUSD a capsule as a government "
        f"programme, times TRANSCOST's f11 = {cost.f11:g}; development over the {cost.missions:g} missions CCtCap bought, a capsule "
        f"over the {cost.flights_per_capsule:g} flights it is certified for, {cost.launches} Falcon 9 launch(es) at the catalog's "
        f"price with the booster recovered ({cost.launch_price:,.1f} MUSD for {payload:,.0f} kg to LEO; Demo-2 launched "
        f"{_value(craft['mass_kg']):,.0f} kg), over {cost.seats:g} seats")
    source = (f"{seat['id']}: {seat['price']['source']}; mass: elements.yaml {SPACECRAFT} (FAA environmental assessments of 2018 via "
              f"verbatim quotations, unverified); missions: {contract['id']} ({contract['missions']['source']}); flights a capsule: "
              f"{craft['flights_per_capsule']['source']} (unverified)")
    comment = (
        f"{_verdict(ratio)} (band 50 %). A seat's parts: development {cost.development / cost.seats:,.1f}, capsule production "
        f"{cost.production / cost.seats:,.1f}, launch {cost.launch / cost.seats:,.1f} MUSD; the {largest} is the largest "
        f"({parts[largest] / sum(parts.values()):.0%}). Spread over the {_value(extended['missions']):g} missions of the 2022 "
        f"extensions ({extended['id']}) the ratio would be {more_missions:.2f}; were the FAA's 'without cargo' mass to hold "
        f"its {_value(craft['propellant_kg']):,.0f} kg of propellant (dry {wet_dry:,.0f} kg), {lighter:.2f}; without f11, "
        f"{replace(cost, f11=1.0).per_seat / published:.2f}; without the development share (were the OIG's price the missions' "
        f"alone: its method was not read), {(cost.production + cost.launch) / cost.seats / published:.2f}. What CCtCap bought (the development and {cost.missions:g} flights) comes "
        f"to {bought:,.0f} MUSD by this model, {bought / award:.2f} of the award's {contract['price']['value']:,g} MUSD of "
        f"{contract['price']['year']} ({award:,.0f} in {BASE_YEAR}; a lower bound on what the capsule cost: NASA's earlier "
        "Commercial Crew awards and SpaceX's own funds are outside it). The relationship prices one capsule at "
        f"{cost.government_first_unit / cost.government_development:.2f} of the capsule's development{_split(catalog, rel)}. Not in the "
        "model: the trunk, "
        "thrown away each flight but here reused with the capsule (its mass was not read apart); refurbishment between flights, "
        "recovery and mission operations; the private missions that share the development and the capsules; NASA's own programme "
        "costs. The OIG's figure is a price, which NASA disputed as overstated (cargo capability not counted).")
    if ratio > 1.0 + BAND and largest == "development":
        comment += (
            f" The development after f11, {cost.f11 * cost.government_development:,.0f} MUSD, is {cost.f11 * cost.government_development / award:.1f} "
            "times the whole CCtCap award: the relationship is fitted on government programmes (it reproduces the Apollo lunar module's "
            "cost and Orion's crew module's development, rows above), and f11 halves it only; likely (not verified) SpaceX developed "
            "for far less than a government programme, as NASA's NAFCOM study of Falcon 9 (2011) found for the launcher: SpaceX's "
            "reported 0.39 billion was 0.23 of NAFCOM's commercial-inputs estimate.")
    return [Row("Cost (2024 dollars, CPI-U)", quantity, cost.per_seat, published, "MUSD", source, comment)]

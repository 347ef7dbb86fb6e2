"""Validation row of the photovoltaic unit rate (``unit_rates.photovoltaic_power_module`` in
``trades/catalogs/cost.yaml``, the catalog's relationship of a solar power system) against a
reported contract for photovoltaic hardware built to a flown design: the fourth pair of ISS
Roll-Out Solar Arrays (iROSA). Band 50 % (a single contracted element)."""

from __future__ import annotations

BAND = 0.5


def power_rows(Row) -> list:
    """The iROSA pair (two wings at their reported mass) by the catalog's power relationship of a
    solar power system (one unit each, no development: the rate costs none), against the contract
    modification in 2024 dollars; the comment sets the ISS's original wings beside it."""
    from trades.architecture.relationships import element_cost
    from trades.study.catalog import load_catalog
    from trades.study.money import sourced_to_base_musd

    catalog, base = load_catalog(), 2024
    rate = catalog.entry("cost", "default")["unit_rates"]["photovoltaic_power_module"]
    check = rate["check_irosa_fourth_pair"]
    wings, wing_kg = int(check["wings"]["value"]), float(check["wing_mass_kg"]["value"])
    one = element_cost("power", wing_kg, base_year=base, catalog=catalog, power_source="solar")
    ours = wings * (one.development_musd + one.first_unit_musd)
    published = sourced_to_base_musd(check["price"], base, catalog)
    ratio = ours / published
    # the eight original wings, designed and built under one contract: the same rate on their mass, to show what a unit
    # rate without development leaves out
    saw = rate["check_iss_solar_array_wings"]
    saw_one = element_cost("power", float(saw["wing_mass_kg"]["value"]), base_year=base, catalog=catalog, power_source="solar")
    saw_ratio = int(saw["wings"]["value"]) * saw_one.first_unit_musd / sourced_to_base_musd(saw["price"], base, catalog)
    verdict = "Agrees" if abs(ratio - 1.0) <= BAND else "Does not agree"
    return [Row(
        "Cost (2024 dollars, CPI-U)", f"ISS Roll-Out Solar Arrays (iROSA), fourth pair: {wings} wings of {wing_kg:g} kg, each one unit "
        f"by the catalog's solar power relationship (unit rate photovoltaic_power_module, {rate['first_unit']['value']:g} MUSD/kg of "
        f"{rate['first_unit']['year']}, no development)", ours, published, "MUSD", check["price"]["source"],
        f"{verdict} (band 50 %). The rate is S6's photovoltaic module per kg (300 million of 2008 for 14.1 t with its batteries, power "
        "electronics and truss, a newspaper's figures); the iROSA pair is array wings alone, built to a flown design for a follow-on "
        "order, so no development is in the price either. The wing mass is an aggregator's figure and the price 'a little more than' "
        f"35 million. The eight original ISS wings, designed and built under one {saw['price']['value']:g} million contract (Lockheed "
        f"Martin, as reprinted; dollar year not stated, {saw['price']['year']} taken), {saw['wing_mass_kg']['value']:g} kg each (AP, 2007), "
        f"come to {saw_ratio:.2f} of the contract by the rate: a unit "
        "rate leaves out the development of a new array design, so a solar power system's cost is a lower bound "
        "(docs/model.md, Cost).")]

"""What cargo and crew transport cost per unit, so that the cost of one carrier or crew vehicle
can be compared with another's and with published prices (issue 18 item 4).

Cargo: the cost of moving the cargo stream is the cargo-transport item (the in-space stages of
every cargo flight, sized for the carrier's payload per flight: development once, production per
flight) plus the launches of the hardware the stream delivers, per kg delivered to the
destination. For a station in Earth orbit, NASA's Commercial Resupply Services prices per kg
(contracts catalog, NASA OIG 2018) are shown beside it. Crew: the price per crewed launch and
what it buys (trades.architecture.acquisition).
"""

from __future__ import annotations

import numpy as np

from trades.analyses.run_launches import national_cargo_launches, whole_launches
from trades.architecture.costing import cargo_carrier
from trades.models import variables as var
from trades.study.money import sourced_to_base_musd

CARGO_REFERENCES = {"earth_orbit": ("crs1_cargo_per_kg_oig_2018", "crs2_cargo_per_kg_oig_2018")}
DELIVERED_HARDWARE_ITEMS = ("habitat", "life_support", "power", "isru")  # delivered by the cargo stream


def explain_transport(arch, prob, items: list[dict]) -> dict:
    """Cargo cost per kg and per flight with its parts; crew price per launch and what it buys."""
    study, catalog, plan = arch.study, arch.catalog, arch.cost
    by_name = {it["item"]: it for it in items}
    cargo = by_name.get("cargo_transport")
    result: dict = {"cargo": None, "crew": None}
    if cargo is not None:
        delivered = float(np.sum(prob.get_val(var.DELIVERED_MASS)))
        hardware_launch = sum(by_name[n]["launch_musd"] for n in DELIVERED_HARDWARE_ITEMS if n in by_name)
        total = cargo["total_musd"] + hardware_launch
        carrier = cargo_carrier(study)
        base = study.campaign.dollar_base_year
        references = []
        for cid in CARGO_REFERENCES.get(study.destination.body, ()):
            contract = catalog.entries["contracts"][cid]
            references.append({"contract": cid, "name": contract["name"],
                               "musd_per_kg": sourced_to_base_musd(contract["price"], base, catalog)})
        result["cargo"] = {
            "carrier": carrier,
            "payload_per_flight_kg": float(catalog.value("elements", carrier, "payload_kg")),
            "delivered_kg": delivered,
            "stage_development_musd": cargo["development_musd"],
            "stage_production_musd": cargo["production_musd"],
            "launch_musd": cargo["launch_musd"] + hardware_launch,
            "total_musd": total,
            "musd_per_kg": total / delivered if delivered > 0 else None,
            "references": references,
            "whole_flights": whole_flight_excess(arch, prob, items, cargo["production_musd"]),
        }
    crew = by_name.get("crew_transport")
    if crew is not None:
        result["crew"] = {"price_per_launch_musd": plan.crew_launch_price_musd, "buys": plan.crew_transport_buys,
                          "launches_per_rotation": plan.crew_launches_per_rotation[0], "total_musd": crew["total_musd"]}
    return result


def whole_flight_excess(arch, prob, items: list[dict], stage_production_musd: float) -> dict:
    """What paying for whole flights would add to the cost, which prices the capacity used.

    The model flies each year's cargo on a continuous number of carrier flights and launches
    (``M_y / P``) and costs that number; the run counts each year's flights and launches whole
    (rounded up), as they fly. The difference is capacity flown but not filled, which the cost
    treats as shared or sold. Paid in full it would add the extra flights' stages at the average
    production cost per flight and the extra launches at the average the model charges per
    launch (every item's launch cost over the continuous launches; crew launches are whole
    already and bought apart). Under the national launch policy each partner's launches are made
    whole apart, as the run's table counts them."""
    flights = [float(x) for x in prob.get_val(var.CARGO_FLIGHTS).ravel()]
    launches = [float(x) for x in prob.get_val(var.CARGO_LAUNCHES).ravel()]
    flights_of_cargo, launches_of_mass = sum(flights), sum(launches)
    flights_flown = sum(whole_launches(x) for x in flights)
    if arch.study.launch.policy == "national":
        launches_flown = sum(sum(year.values()) for year in national_cargo_launches(arch, prob))
    else:
        launches_flown = sum(whole_launches(x) for x in launches)
    launch_musd = sum(it["launch_musd"] for it in items)
    per_flight = stage_production_musd / flights_of_cargo if flights_of_cargo > 0 else 0.0
    per_launch = launch_musd / launches_of_mass if launches_of_mass > 0 else 0.0
    stages = (flights_flown - flights_of_cargo) * per_flight
    launch = (launches_flown - launches_of_mass) * per_launch
    return {"flights_flown": flights_flown, "flights_of_cargo": flights_of_cargo,
            "launches_flown": launches_flown, "launches_of_mass": launches_of_mass,
            "stage_production_per_flight_musd": per_flight, "launch_cost_per_launch_musd": per_launch,
            "unfilled_stages_musd": stages, "unfilled_launches_musd": launch, "unfilled_musd": stages + launch}


def format_transport(transport: dict, currency: str) -> list[str]:
    lines = []
    c = transport.get("cargo")
    if c and c["musd_per_kg"] is not None:
        lines.append(
            f"Cargo transport [{currency}]: {c['total_musd']:,.0f} for {c['delivered_kg'] / 1000:,.1f} t delivered = "
            f"{c['musd_per_kg'] * 1000:,.1f} per t; stages sized for '{c['carrier']}' ({c['payload_per_flight_kg']:,.0f} kg a flight): "
            f"development {c['stage_development_musd']:,.0f}, production {c['stage_production_musd']:,.0f}; launches {c['launch_musd']:,.0f}"
        )
        for ref in c["references"]:
            lines.append(f"  published: {ref['name']}: {ref['musd_per_kg'] * 1000:,.1f} per t ({ref['contract']})")
        w = c.get("whole_flights")
        if w and w["unfilled_musd"] > 0.5:
            lines.append(
                f"  whole flights: {w['flights_flown']} carrier flights and {w['launches_flown']} cargo launches fly "
                f"{w['flights_of_cargo']:,.1f} flights' and {w['launches_of_mass']:,.1f} launches' worth of mass; the cost prices "
                f"the capacity used (the rest shared or sold): paying whole flights would add {w['unfilled_musd']:,.0f} "
                f"(stages {w['unfilled_stages_musd']:,.0f} at {w['stage_production_per_flight_musd']:,.0f} a flight, launches "
                f"{w['unfilled_launches_musd']:,.0f} at {w['launch_cost_per_launch_musd']:,.1f} a launch)"
            )
    k = transport.get("crew")
    if k and k["buys"]:
        lines.append(f"Crew transport [{currency}]: {k['price_per_launch_musd']:,.0f} per crewed launch: {k['buys']}")
    return lines

"""The LEO payload a launch price buys: a price is paired with the payload of the same flight mode
(trades/catalogs/launch_vehicles.yaml: ``price.payload_leo_kg`` when the price is for another mode
than the vehicle's expendable ``payload_leo_kg``, as Falcon 9's list price for a recovered booster)."""

from __future__ import annotations

from trades.study.catalog import Catalog


def priced_payload(catalog: Catalog, vehicle: str) -> dict:
    """The sourced LEO payload (kg) of one launch at the vehicle's catalog price; the vehicle's own
    ``payload_leo_kg`` when the price states none or the vehicle has no price. Launches are counted
    with it too, so that the price per kg and the number of launches describe the same flight."""
    entry = catalog.entry("launch_vehicles", vehicle)
    paired = (entry.get("price") or {}).get("payload_leo_kg")
    own = entry["payload_leo_kg"]
    if paired is None or str(own.get("source", "")).startswith("study override"):
        return own  # a study's override of the payload is the study's word for the flight it buys
    return paired


def priced_payload_kg(catalog: Catalog, vehicle: str) -> float:
    return float(priced_payload(catalog, vehicle)["value"])

"""Logistics inputs chosen by the class of the outpost: the spares relationship that fits it and
the study's utilisation (research) cargo (its ``utilisation`` section, 0 when absent).

Spares are a yearly fraction of the outpost's dry mass (:class:`~trades.models.logistics.manifest.DeliveryManifest`).
A station in Earth orbit, resupplied from the ground like the ISS, takes the ISS's own ratio (the
spares NASA sends it a year over the station's mass, trades/catalogs/outpost.yaml
``iss_spares_kg_per_year`` and ``iss_station_mass_kg``); every other outpost (lunar orbit,
surfaces, deep space) is outside that class and keeps the catalog's planning fraction
``spares_fraction_per_year`` (unverified, and said so in the run's list of unverified inputs).
"""

from __future__ import annotations

from trades.models import variables as var

#: destinations whose outpost is a station in the ISS's class (crewed in Earth orbit, resupplied from the ground)
ISS_CLASS_BODIES = ("earth_orbit",)


def add_spares_fraction(arch, study, catalog) -> None:
    """Set the manifest's spares fraction from the relationship of the outpost's class."""
    outpost = catalog.entry("outpost", "default")
    if study.destination.body not in ISS_CLASS_BODIES:
        arch.add_catalog(var.SPARES_FRACTION, outpost["spares_fraction_per_year"], "1/year")
        return
    spares, mass = outpost["iss_spares_kg_per_year"], outpost["iss_station_mass_kg"]
    unverified = [s.get("note") or "no reason given" for s in (spares, mass) if not s.get("verified")]
    arch.add(var.SPARES_FRACTION, float(spares["value"]) / float(mass["value"]), "1/year",
             f"ISS spares per year over the ISS's mass, {spares['value']:,.0f} kg / {mass['value']:,.0f} kg "
             f"(a station in Earth orbit, the relationship's class): {spares['source']}; {mass['source']}",
             not unverified, "; ".join(unverified) or None)


def add_utilisation_cargo(arch, study, crewed) -> None:
    """Set the study's utilisation cargo per crewed year (0 when it names none) and the crewed years."""
    given = study.utilisation
    if given is None:
        arch.add(var.UTILISATION_CARGO_PER_CREWED_YEAR, 0.0, "kg", "the study sets no utilisation section: no research cargo")
    else:
        arch.add(var.UTILISATION_CARGO_PER_CREWED_YEAR, given.cargo_kg_per_crewed_year, "kg",
                 f"study file {arch.file}: utilisation.cargo_kg_per_crewed_year; cited: {given.source}")
    arch.add(var.UTILISATION_CREWED_YEAR, crewed, "unitless", f"crewed years (first crew {study.first_crewed_year})")

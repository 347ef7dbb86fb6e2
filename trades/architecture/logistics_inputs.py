"""Logistics inputs chosen by the class of the outpost: the spares relationship that fits it, the
station-keeping propellant of a station in low Earth orbit and the study's utilisation (research)
cargo (its ``utilisation`` section, 0 when absent).

Spares are a yearly fraction of the outpost's dry mass (:class:`~trades.models.logistics.manifest.DeliveryManifest`).
A station in Earth orbit, resupplied from the ground like the ISS, takes the ISS's own ratio (the
spares NASA sends it a year over the station's mass, trades/catalogs/outpost.yaml
``iss_spares_kg_per_year`` and ``iss_station_mass_kg``); every other outpost (lunar orbit,
surfaces, deep space) is outside that class and keeps the catalog's planning fraction
``spares_fraction_per_year`` (unverified, and said so in the run's list of unverified inputs).

Station-keeping propellant (:class:`~trades.models.logistics.station_keeping.StationKeepingPropellant`)
takes the ISS's ratio too, propellant Progress delivered a year over the station's mass
(``iss_station_keeping_propellant_kg_per_year``), for a station in Earth orbit at an altitude the
ISS has flown (``ISS_ALTITUDE_BAND_KM``; drag changes several-fold across a hundred kilometres, so a
station outside the band is refused, :func:`station_keeping_errors`). Every other outpost gets none:
on a surface there is no drag, and the small station-keeping of lunar orbits is not modelled.
"""

from __future__ import annotations

from trades.models import variables as var

#: destinations whose outpost is a station in the ISS's class (crewed in Earth orbit, resupplied from the ground)
ISS_CLASS_BODIES = ("earth_orbit",)
#: the altitudes the ISS is kept at: Boeing, 'International Space Station: Propulsion' (boeing.com), "The boosts
#: (aka 'reboosts') keep the Station orbiting at 217 to 285 miles" (349-459 km, computed)
ISS_ALTITUDE_BAND_KM = (349.0, 459.0)


def station_keeping_errors(study, catalog) -> list:
    """A station in Earth orbit outside the ISS's altitude band: the station-keeping ratio does not hold there."""
    if study.destination.body not in ISS_CLASS_BODIES:
        return []
    altitude = (catalog.entry("sites", study.destination.site).get("altitude_km") or {}).get("value")
    low, high = ISS_ALTITUDE_BAND_KM
    if altitude is None or low <= float(altitude) <= high:
        return []
    return [study.error(("destination", "site"), f"site '{study.destination.site}' is at {float(altitude):g} km: the station-keeping "
                        f"propellant relationship (the ISS's) holds only at the ISS's altitudes, {low:g}-{high:g} km (drag changes "
                        "several-fold across a hundred kilometres)")]


def add_station_keeping(arch, study, catalog, operating) -> None:
    """Set the station-keeping propellant fraction of the outpost's class and the years it applies."""
    arch.add(var.STATION_KEEPING_OPERATING_YEAR, operating, "unitless", f"in orbit after deployment ({study.deploy_year})")
    if study.destination.body not in ISS_CLASS_BODIES:
        arch.add(var.STATION_KEEPING_FRACTION, 0.0, "1/year",
                 f"no station-keeping propellant: '{study.destination.body}' is outside the relationship's class (stations in low Earth orbit)")
        return
    _add_per_iss_mass(arch, var.STATION_KEEPING_FRACTION, catalog, "iss_station_keeping_propellant_kg_per_year",
                      "ISS station-keeping propellant", "a station at the ISS's altitude with the ISS's mass per drag area")


def add_spares_fraction(arch, study, catalog) -> None:
    """Set the manifest's spares fraction from the relationship of the outpost's class."""
    outpost = catalog.entry("outpost", "default")
    if study.destination.body not in ISS_CLASS_BODIES:
        arch.add_catalog(var.SPARES_FRACTION, outpost["spares_fraction_per_year"], "1/year")
        return
    _add_per_iss_mass(arch, var.SPARES_FRACTION, catalog, "iss_spares_kg_per_year", "ISS spares",
                      "a station in Earth orbit, the relationship's class")


def _add_per_iss_mass(arch, variable, catalog, key: str, what: str, why: str) -> None:
    """Set ``variable`` to the ISS's yearly figure ``key`` over the ISS's mass (a fraction a year), with both sources."""
    outpost = catalog.entry("outpost", "default")
    figure, mass = outpost[key], outpost["iss_station_mass_kg"]
    unverified = [s.get("note") or "no reason given" for s in (figure, mass) if not s.get("verified")]
    arch.add(variable, float(figure["value"]) / float(mass["value"]), "1/year",
             f"{what} per year over the ISS's mass, {figure['value']:,.0f} kg / {mass['value']:,.0f} kg ({why}): "
             f"{figure['source']}; {mass['source']}", not unverified, "; ".join(unverified) or None)


def add_utilisation_cargo(arch, study, crewed) -> None:
    """Set the study's utilisation cargo per crewed year (0 when it names none) and the crewed years."""
    given = study.utilisation
    if given is None:
        arch.add(var.UTILISATION_CARGO_PER_CREWED_YEAR, 0.0, "kg", "the study sets no utilisation section: no research cargo")
    else:
        arch.add(var.UTILISATION_CARGO_PER_CREWED_YEAR, given.cargo_kg_per_crewed_year, "kg",
                 f"study file {arch.file}: utilisation.cargo_kg_per_crewed_year; cited: {given.source}")
    arch.add(var.UTILISATION_CREWED_YEAR, crewed, "unitless", f"crewed years (first crew {study.first_crewed_year})")

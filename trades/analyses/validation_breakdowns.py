"""Measured breakdowns the validation report states as the reason a row is outside its band.

Each function reads an evaluated problem and returns a sentence with the model's own terms, so a
row's comment says what the toolkit delivers (or leaves out) in figures, not in words only.
"""

from __future__ import annotations

from trades.models import variables as var

#: the logistics terms of the manifest, in the order the sentence gives them (model output, label)
LOGISTICS_TERMS = [
    ("logistics.consumables.food_mass", "food"),
    ("logistics.consumables.water_mass", "make-up water"),
    ("logistics.consumables.oxygen_mass", "oxygen"),
    ("logistics.provisions.provisions_mass", "crew provisions"),
    ("logistics.expendables.expendables_mass", "life-support expendables"),
    ("logistics.eva.eva_mass", "EVA consumables"),
    ("logistics.makeup_gas.makeup_gas_mass", "cabin make-up gas"),
    ("logistics.utilisation.utilisation_mass", "research and utilisation cargo"),
]


def logistics_breakdown(prob, year_index: int, published_station_mass_kg: float) -> str:
    """The year's delivered mass term by term (t), the packaging on the supplies, the spares and
    the dry mass they are a fraction of, and what the same fraction of a station of
    ``published_station_mass_kg`` would be."""
    t = lambda name: float(prob.get_val(name, units="kg")[year_index]) / 1000.0  # noqa: E731
    terms = [(label, t(name)) for name, label in LOGISTICS_TERMS]
    supplies = sum(v for _, v in terms)
    packaged = t(var.CONSUMABLES_MASS)
    spares = t(var.SPARES_MASS)
    dry = float(prob.get_val(var.MANIFEST_OUTPOST_DRY_MASS, units="kg")[0]) / 1000.0
    fraction = spares / dry if dry > 0 else 0.0
    parts = ", ".join(f"{label} {value:.2f}" for label, value in terms)
    return (f"The model's {t(var.DELIVERED_MASS):.1f} t: {parts} (supplies {supplies:.2f}), packaging {packaged - supplies:.2f}, "
            f"spares {spares:.2f} ({fraction:.2%} a year of the modelled station's {dry:.1f} t dry mass; the same fraction of "
            f"the ISS's {published_station_mass_kg / 1000:.0f} t is {fraction * published_station_mass_kg / 1000:.1f} t)."
            + (" The study sets no research or utilisation cargo." if terms[-1][1] == 0.0 else ""))


#: Packaging over cargo mass stated in NASA commercial resupply manifests (docs/research/iss_logistics_research.md):
#: SpX-7, 1,952 kg with packaging over 1,867 kg of pressurized cargo (SpaceNews, June 2015); CRS-1, 1,001 lb
#: with packaging over 882 lb (Spaceflight Now launch manifest, October 2012)
CRS_PACKAGING = (("SpX-7", 1952.0 / 1867.0 - 1.0), ("CRS-1", 1001.0 / 882.0 - 1.0))


def logistics_gap(prob, year_index: int, published_station_mass_kg: float, published_kg_per_year: float) -> str:
    """What the year's delivered mass still lacks against the published yearly logistics, measured:
    the spares a station of ``published_station_mass_kg`` would receive at the model's own spares
    fraction, the rest unattributed; and how the catalog's packaging factor compares with the
    packaging NASA's resupply manifests state (which would lower the model's figure)."""
    t = lambda name: float(prob.get_val(name, units="kg")[year_index]) / 1000.0  # noqa: E731
    delivered, spares = t(var.DELIVERED_MASS), t(var.SPARES_MASS)
    fraction = float(prob.get_val(var.SPARES_FRACTION)[0])
    packaging = float(prob.get_val(var.PACKAGING_FACTOR)[0])
    gap = published_kg_per_year / 1000.0 - delivered
    more_spares = fraction * published_station_mass_kg / 1000.0 - spares
    manifests = " and ".join(f"{k:.2f} ({name})" for name, k in CRS_PACKAGING)
    return (f"Still missing, {gap:.1f} t: the spares of a station of the ISS's mass, {more_spares:.1f} t more at the same ratio "
            f"(the relationship is in its class; the toolkit's station is lighter), and {gap - more_spares:.1f} t the model has "
            "no category for or that the paper counts otherwise (its categories were not read, abstract only): Progress "
            "propellant for reboost and the Russian segment's water and gases (no yearly figure read), science on non-US "
            f"vehicles. The catalog's packaging factor {packaging:.2f} (unverified) is above the {manifests} that NASA's "
            "resupply manifests state, so a sourced packaging factor would widen the gap.")

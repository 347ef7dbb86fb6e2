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

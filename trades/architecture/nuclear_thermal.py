"""The development of nuclear-thermal rocket engines, from a reported cost (issue 18).

Nuclear-thermal (NTR) stages are costed by TRANSCOST's expendable LOX/LH2 stage relationship on
their dry mass (their hydrogen tankage, engines and shields), which knows nothing of a reactor.
No sourced cost relationship for NTR engines was found; a reported estimate of developing a
flight-ready NTR engine was (``trades/catalogs/cost.yaml`` ``nuclear_thermal_development``,
docs/research/ntr_cost.md). A study that flies nuclear-thermal stages pays it once, in base-year
dollars (CPI-U, :mod:`trades.study.money`), on the development profile of the cost item whose
stages burn it: the cargo transport when its stages do, else the Mars crew vehicle. Development
only: the engines of each flight are in the stages' dry mass, produced by the stage relationship.
It is a fixed amount (no cost factor, no coordination overhead), paid with the model's
``purchases`` input beside the contracts and shown as the item's development (its
``fixed_development``, trades/analyses/cost_summary.py).
"""

from __future__ import annotations

import numpy as np

from trades.study.money import sourced_to_base_musd

PROPELLANT = "nuclear_thermal_lh2"
KEY = "nuclear_thermal_development"
SOURCE_KEY = "nuclear-thermal engine development"


def ntr_item_name(stages: dict) -> str | None:
    """The cost item that pays the engines' development: ``cargo_transport`` when a cargo stage
    burns nuclear-thermal, else ``mars_crew_vehicle`` when a Mars crew, ascent or descent stream
    does (they are costed in that item), else None."""
    def burns(key):
        return any(st.propellant == PROPELLANT for st in stages.get(key, []))
    if burns("cargo"):
        return "cargo_transport"
    if any(burns(key) for key in stages if key.startswith("mars_")):
        return "mars_crew_vehicle"
    return None


def add_ntr_development(arch, items: list, elements: list, development: np.ndarray, profile: np.ndarray,
                        notes: list[str], sources: dict[str, str]) -> float:
    """Add the engines' development to ``development`` (the plan's fixed development, items x years,
    base-year MUSD) on the paying item's development profile; returns the amount (0 when no stage
    burns nuclear-thermal)."""
    if not any(st.propellant == PROPELLANT for stages in arch.stages.values() for st in stages):
        return 0.0
    name = ntr_item_name(arch.stages)
    names = [item.name for item in items]
    if name not in names or not any(e.item == names.index(name) for e in elements):
        notes.append("nuclear-thermal stages fly but no costed item carries them: their engines' development is not costed")
        return 0.0
    i = names.index(name)
    reported = arch.catalog.entry("cost", "default")[KEY]
    base = arch.study.campaign.dollar_base_year
    musd = sourced_to_base_musd(reported, base, arch.catalog)
    development[i] += musd * profile[i]
    sources[SOURCE_KEY] = f"{reported['value']:,.0f} MUSD of {reported['year']}: {reported['source']}"
    notes.append(
        f"nuclear-thermal stages: their tankage, engines and shields are costed by the expendable LOX/LH2 stage relationship "
        f"on their dry mass (no reactor in it); the engines' development is costed once, {musd:,.0f} MUSD {base} on the {name} item "
        f"(cost.yaml {KEY}: {reported['value']:,.0f} MUSD of {reported['year']}, a reported estimate for a flight-ready engine, by CPI-U); "
        "its test facility is not costed, and no nuclear-thermal cost relationship is sourced"
    )
    return musd

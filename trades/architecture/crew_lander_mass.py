"""A catalogued crew lander's dry mass derived from its gross mass when no dry mass was read
(the element's ``dry_mass_derivation``: its descent and ascent legs and propellants), by
:func:`trades.models.transfer.expendable_lander.expendable_lander_masses`. The catalog stores the
result as the element's ``dry_mass_kg``, whose source names this derivation; the tests recompute
it here, so that the stored figure follows its inputs. docs/model.md, "Crew landers"."""

from __future__ import annotations

from trades.models.transfer.expendable_lander import LanderMasses, expendable_lander_masses
from trades.study.catalog import Catalog


def legs_m_s(catalog: Catalog, legs: list[str]) -> float:
    """Delta-v [m/s] of the catalog's legs, summed."""
    return 1000.0 * sum(float(catalog.entries["delta_v"][leg]["delta_v"]["value"]) for leg in legs)


def derived_masses(catalog: Catalog, lander_id: str) -> LanderMasses:
    """The lander's masses from its catalog entry's gross mass and ``dry_mass_derivation``."""
    entry = catalog.entry("elements", lander_id)
    how = entry["dry_mass_derivation"]
    return expendable_lander_masses(
        float(entry["mass_kg"]["value"]), legs_m_s(catalog, how["descent_legs"]), legs_m_s(catalog, how["ascent_legs"]),
        *lander_constants(catalog, lander_id),
    )


def lander_constants(catalog: Catalog, lander_id: str) -> tuple[float, float, float]:
    """The derivation's descent and ascent Isp [s] and descent-stage inert fraction."""
    how = catalog.entry("elements", lander_id)["dry_mass_derivation"]
    return (catalog.value("propellants", how["descent_propellant"], "isp_vac_s"),
            catalog.value("propellants", how["ascent_propellant"], "isp_vac_s"),
            catalog.value("propellants", how["descent_inert_fraction_of"], "stage_inert_fraction"))


def derived_dry_mass(catalog: Catalog, lander_id: str) -> float:
    """Dry mass [kg] of a catalogued crew lander by its ``dry_mass_derivation``."""
    return derived_masses(catalog, lander_id).dry

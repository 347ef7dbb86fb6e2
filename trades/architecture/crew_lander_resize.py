"""A catalogued expendable crew lander resized for the study's staging orbit.

A lander's catalog ``mass_kg`` is its gross mass in the staging orbit it was designed for (its
entry's ``design_staging``). When a lunar study stages elsewhere (``transportation.staging``), the
lander is resized by the rocket equation
(:func:`trades.models.transfer.expendable_lander.resized_expendable_lander`) from the split of its
catalog derivation (``dry_mass_derivation``; :mod:`trades.architecture.crew_lander_mass`), keeping
the ascent stage's burnout mass, the descent stage's inert fraction and both propellants; the legs
between the staging orbit and the surface are the routes catalog's for that staging (the
``reusable_lander`` descent and ascent legs of ``routes.moon.<staging>``). The resized gross mass
flies in the crew_lander stream and the resized dry mass is costed: :func:`resized_catalog` returns
the catalog with both replaced, so everything downstream reads them. A refuelled lander
(``launches_per_landing``) is bought per landing and is not resized. docs/model.md, "Crew landers".

Refused (exit 2, :func:`resize_errors`, which ``trades validate`` runs): a lander whose design staging
differs from the study's when the catalog has no ``dry_mass_derivation`` for it (the Apollo LM: its
dry mass is read, its stages' split is not), and direct staging (no lander legs between a staging
orbit and the surface: the routes catalog has none for ``direct``). Exit 3 (:func:`resized_catalog`):
a resized lander that does not close.
"""

from __future__ import annotations

import copy

from trades.errors import InfeasibleError, StudyError
from trades.study.catalog import Catalog

FIELD = ("transportation", "staging")


def _expendable(study, catalog: Catalog) -> tuple[str, dict] | None:
    """The study's crew lander id and entry when it is an expendable catalogued lander flown on a
    lunar surface route (not a refuelled one), else None."""
    lander = study.transportation.crew_lander
    entry = catalog.entries["elements"].get(lander or "")
    if not entry or entry.get("launches_per_landing") is not None or study.destination.body != "moon":
        return None
    if study.outpost.rotations_per_year <= 0:  # no crew flies it: nothing to resize, nothing to refuse
        return None
    return lander, entry


def design_staging(entry: dict) -> str | None:
    """The staging orbit the lander was designed for (``design_staging``), or None if not stated."""
    return entry.get("design_staging")


def staging_legs(catalog: Catalog, staging: str) -> tuple[list[str], list[str]] | None:
    """The descent and ascent legs between a staging orbit and the lunar surface (routes catalog), or None."""
    legs = (catalog.routes.get("moon", {}).get(staging) or {}).get("reusable_lander")
    return (list(legs["descent"]), list(legs["ascent"])) if legs else None


def resize_errors(study, catalog: Catalog) -> list[StudyError]:
    """Why the study's crew lander cannot be resized for its staging (exit 2), or nothing."""
    found = _expendable(study, catalog)
    if found is None:
        return []
    lander, entry = found
    design, staging = design_staging(entry), study.transportation.staging
    if design is None or design == staging:
        return []
    if staging_legs(catalog, staging) is None:
        return [study.error(FIELD, f"'{staging}' staging has no lander legs between a staging orbit and the surface, so "
                                   f"crew lander '{lander}' (designed for {design} staging) cannot be resized for it; "
                                   "stage in llo or nrho")]
    if entry.get("dry_mass_derivation") is None:
        return [study.error(FIELD, f"crew lander '{lander}' was designed for {design} staging and the catalog has no "
                                   "dry_mass_derivation (descent and ascent split) to resize it for "
                                   f"'{staging}' staging; stage in {design} or name a lander with one")]
    return []


def resize_note(lander: str, design: str, staging: str, before: tuple[float, float], after: tuple[float, float]) -> str:
    return (f"crew lander '{lander}' resized from its design staging ({design}) to the study's ({staging}) by the rocket "
            f"equation: gross {before[0]:,.0f} -> {after[0]:,.0f} kg, dry {before[1]:,.0f} -> {after[1]:,.0f} kg "
            "(ascent burnout, descent inert fraction and propellants kept; docs/model.md, Crew landers)")


def resized_catalog(study, catalog: Catalog, file: str, notes: list[str]) -> Catalog:
    """The catalog with the study's expendable crew lander resized for its staging (a copy), or the
    catalog itself when there is nothing to resize; appends the run's note. Raises InfeasibleError
    (exit 3) when the resized lander does not close. :func:`resize_errors` has run (check_study)."""
    lander = study.transportation.crew_lander
    entry = catalog.entries["elements"].get(lander or "")
    if entry and entry.get("launches_per_landing") is not None and study.destination.body == "moon":
        notes.append(f"crew lander '{lander}' is refuelled in orbit and bought per landing: it is not resized for "
                     f"the study's {study.transportation.staging} staging")
        return catalog
    found = _expendable(study, catalog)
    if found is None or design_staging(found[1]) in (None, study.transportation.staging):
        return catalog
    from trades.architecture.crew_lander_mass import derived_masses, lander_constants, legs_m_s  # noqa: PLC0415 (openmdao)
    from trades.models.transfer.expendable_lander import LanderDoesNotClose, resized_expendable_lander  # noqa: PLC0415

    lander, entry = found
    design, staging = design_staging(entry), study.transportation.staging
    split = derived_masses(catalog, lander)
    descent_legs, ascent_legs = staging_legs(catalog, staging)
    descent_isp, ascent_isp, inert = lander_constants(catalog, lander)
    dv_down, dv_up = legs_m_s(catalog, descent_legs), legs_m_s(catalog, ascent_legs)
    try:
        resized = resized_expendable_lander(split, dv_down, dv_up, descent_isp, ascent_isp, inert)
    except LanderDoesNotClose as exc:
        raise InfeasibleError(
            f"{file}: transportation.staging: crew lander '{lander}' (designed for {design} staging) "
            f"does not close when resized for '{staging}' staging (down {' + '.join(descent_legs)} "
            f"{dv_down / 1000:.3f} km/s, up {' + '.join(ascent_legs)} {dv_up / 1000:.3f} km/s): {exc}"
        ) from None
    gross = resized.ascent_gross + resized.descent_propellant + resized.descent_dry
    old_gross = float(entry["mass_kg"]["value"])
    old_dry = float((entry.get("dry_mass_kg") or {}).get("value", split.dry))
    notes.append(resize_note(lander, design, staging, (old_gross, old_dry), (gross, resized.dry)))
    how = (f"RESIZED for {staging} staging by trades.architecture.crew_lander_resize "
           f"(down {' + '.join(descent_legs)}, up {' + '.join(ascent_legs)}) from")
    entries = copy.copy(catalog.entries)
    entries["elements"] = dict(catalog.entries["elements"])
    new = copy.deepcopy(entry)
    derivation = new["dry_mass_derivation"]["source"]  # unverified (propellants, legs): so is the resized lander
    why = (f"RESIZED, not read: the catalog's {old_gross:,.0f} kg is the lander in {design}, the staging it was "
           f"designed for; resized for {staging} by the rocket equation from the split of its "
           "dry_mass_derivation (unverified propellants and descent-stage inert fraction), keeping the ascent burnout "
           "mass, the inert fraction and the propellants (docs/model.md, Crew landers)")
    new["mass_kg"].update(value=gross, source=f"{how} {old_gross:.0f} kg ({new['mass_kg']['source']}) and the "
                          f"dry_mass_derivation ({derivation})", verified=False, note=why)
    new["dry_mass_kg"] = {**(new.get("dry_mass_kg") or {"unit": "kg"}), "value": resized.dry, "verified": False, "note": why,
                          "source": f"{how} {old_dry:.0f} kg ({(new.get('dry_mass_kg') or {}).get('source', '')}) and the "
                                    f"dry_mass_derivation ({derivation})"}
    new["design_staging"] = staging  # resized: a catalog passed back in is not resized twice
    entries["elements"][lander] = new
    return Catalog(entries, catalog.routes, catalog.overridden)

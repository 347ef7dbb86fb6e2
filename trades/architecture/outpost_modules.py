"""An outpost of several named modules: catalog elements the study lists in ``outpost_modules``
(Gateway's Power and Propulsion Element, ESPRIT Lunar View, the Crew and Science Airlock), flown
beside the habitat, life support and power the outpost relationships size.

Each module flies at its catalog mass (its ``mass_kg`` with its source; a study may override it
with a source, ``overrides.elements.<id>.mass_kg``): the mass is added to the outpost's dry mass
(:class:`trades.models.outpost.modules.OutpostModules`), so it is delivered with the outpost in the
deployment year through the cargo stream and counted in the launches, and its spares follow it.
Each module is a cost item ``module:<id>`` costed by the relationship of its element type (the
catalog's ``element_cost_relationship``: a habitat or an airlock by AMCM's crewed habitat, a power
and propulsion element by AMCM's planetary spacecraft), or by its contract when the study's
``acquisition`` buys it under one whose ``element`` is the module (the PPE's Maxar contract).
"""

from __future__ import annotations

from trades.errors import StudyError

#: element types a module may be, each the capability a partner needs to provide it
MODULE_TYPES = ("habitat", "power", "airlock")

ITEM_PREFIX = "module:"


def module_errors(study, elements: dict) -> list[StudyError]:
    """Each listed module: a known element, of a module type, with a mass, listed once."""
    errors = []
    for i, element_id in enumerate(study.outpost_modules):
        path = ("outpost_modules", i)
        entry = elements.get(element_id)
        if entry is None:
            errors.append(study.error(path, f"unknown element '{element_id}'; one of {sorted(elements)}"))
        elif entry["type"] not in MODULE_TYPES:
            errors.append(study.error(path, f"element '{element_id}' is a {entry['type']}, not an outpost module "
                                      f"(one of the types {list(MODULE_TYPES)})"))
        elif (entry.get("mass_kg") or {}).get("value") is None:
            errors.append(study.error(path, f"element '{element_id}' has no mass in the catalog, so it cannot be flown; "
                                      f"override elements.{element_id}.mass_kg with its source"))
        elif study.outpost_modules.index(element_id) != i:
            errors.append(study.error(path, f"element '{element_id}' is listed twice"))
    return errors


def module_masses(study, catalog) -> list[tuple[str, dict]]:
    """(element id, its sourced mass entry) of each module, in the study's order (checked by :func:`module_errors`)."""
    return [(element_id, catalog.entry("elements", element_id)["mass_kg"]) for element_id in study.outpost_modules]


def add_module_items(study, catalog, add_item, add_element, item_class, notes: list[str]) -> None:
    """One cost item per module, hardware delivered with the outpost at its catalog mass and
    costed by its element type's relationship (``add_item``, ``add_element`` and ``item_class``
    are :func:`trades.architecture.costing.make_cost_plan`'s); a run note lists the modules."""
    modules = module_masses(study, catalog)
    if modules:
        notes.append("outpost modules flown at their catalog masses (in the outpost's dry mass, delivered with it): "
                     + ", ".join(f"{element_id} {float(m['value']) / 1000:.1f} t" + ("" if m.get("verified") else " (unverified)")
                                 for element_id, m in modules)
                     + f"; {sum(float(m['value']) for _, m in modules) / 1000:.1f} t together")
    for element_id, mass in modules:
        element_type = catalog.entry("elements", element_id)["type"]
        kg = float(mass["value"])
        i = add_item(item_class(f"{ITEM_PREFIX}{element_id}", (element_type,), True, "deploy", deploy_mass_kg=kg))
        add_element(i, element_id, element_type, mass_kg=kg)

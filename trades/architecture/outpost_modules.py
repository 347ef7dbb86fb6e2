"""An outpost of several named modules: catalog elements the study lists in ``outpost_modules``
(Gateway's Power and Propulsion Element, ESPRIT Lunar View, the Crew and Science Airlock,
Canadarm3), flown beside the habitat, life support and power the outpost relationships size.

Each module flies at its catalog mass (its ``mass_kg`` with its source; a study may override it
with a source, ``overrides.elements.<id>.mass_kg``): the mass is added to the outpost's dry mass
(:class:`trades.models.outpost.modules.OutpostModules`), so it is delivered with the outpost in the
deployment year through the cargo stream and counted in the launches, and its spares follow it.
Each module is a cost item ``module:<id>`` costed by the relationship of its element type (the
catalog's ``element_cost_relationship``: a habitat or an airlock by AMCM's crewed habitat, a power
and propulsion element by AMCM's planetary spacecraft), or by its contract when the study's
``acquisition`` buys it under one whose ``element`` is the module (the PPE's Maxar contract). A
robotic arm is flown but not costed (:data:`UNPRICED_MODULE_TYPES`).

A power module's rated electrical power (the catalog's ``power_kw`` with its source, only on
elements of type ``power``) supplies the outpost's load first: the power system the outpost
relationships size meets only the rest, never less than zero
(:class:`trades.models.outpost.module_power.ModulePowerSupply`); the power beyond the load is
reported as a surplus, not credited.
"""

from __future__ import annotations

from trades.errors import StudyError

#: element types a module may be, each the capability a partner needs to provide it
MODULE_TYPES = ("habitat", "power", "airlock", "robotic_arm")
#: module types flown (in the outpost's dry mass, delivered and launched with it) but not costed: no
#: relationship in trades/catalogs/cost.yaml was fitted on a robotic arm (AMCM's specifications there are
#: habitat, planetary lander, crewed re-entry, planetary spacecraft, lunar rover and two stage classes;
#: TRANSCOST's are vehicles, stages and engines), and none is stretched to one; the life-cycle cost then
#: leaves out the arm's development and production, and a run note says so
UNPRICED_MODULE_TYPES = ("robotic_arm",)
#: element types whose catalog entry may rate an electrical power supplied to the outpost
POWER_MODULE_TYPES = ("power",)
POWER_FIELD = "power_kw"
CATALOG_FILE = "trades/catalogs/elements.yaml"

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
        elif (problem := power_rating_problem(entry)) is not None:
            errors.append(study.error(path, f"element '{element_id}': {CATALOG_FILE} (or the study's override) "
                                      f"elements.{element_id}.{POWER_FIELD}: {problem}"))
    return errors


def power_rating_problem(entry: dict) -> str | None:
    """Why an element's rated power (``power_kw``) cannot be used, or None (also None without one)."""
    rating = entry.get(POWER_FIELD)
    if rating is None:
        return None
    if entry.get("type") not in POWER_MODULE_TYPES:
        return (f"a {entry.get('type')} element cannot supply power to the outpost; only elements of type "
                f"{list(POWER_MODULE_TYPES)} carry a rated power")
    value = rating.get("value") if isinstance(rating, dict) else rating
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value or value in (float("inf"), float("-inf")):
        return f"rated power {value!r} is not a finite number (kW)"
    if value < 0:
        return f"rated power {value:g} kW is negative; a module supplies 0 kW or more"
    if isinstance(rating, dict) and rating.get("unit") != "kW":
        return f"unit '{rating.get('unit')}' must be kW"
    return None


def module_powers(study, catalog) -> list[tuple[str, dict | None]]:
    """(element id, its sourced rated power or None) of each module, in the study's order."""
    return [(element_id, catalog.entry("elements", element_id).get(POWER_FIELD)) for element_id in study.outpost_modules]


def add_module_power_input(arch, study, catalog, power_variable: str) -> None:
    """The model input of each module's rated power (0 kW for a module that supplies none), with
    the sources of the ratings, and a run note naming what the modules supply."""
    powers = module_powers(study, catalog)
    rated = [(element_id, p) for element_id, p in powers if p is not None]
    source = "; ".join(f"{element_id}: {p['source']}" for element_id, p in rated)
    source = (source + "; " if source else "") + "others 0 kW: " + (", ".join(e for e, p in powers if p is None) or "none")
    notes = "; ".join(p.get("note") or "no reason given" for _, p in rated if not p.get("verified")) or None
    arch.add(power_variable, [float(p["value"]) if p is not None else 0.0 for _, p in powers], "kW", source,
             all(bool(p.get("verified")) for _, p in rated), notes)
    if rated:
        arch.notes.append("outpost modules supply power to the outpost's load before its sized power system: "
                          + ", ".join(f"{element_id} {float(p['value']):g} kW" + ("" if p.get("verified") else " (unverified)")
                                      for element_id, p in rated)
                          + " (the sized system meets the rest, never less than zero; a surplus is reported, not credited)")


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
    unpriced = [(element_id, catalog.entry("elements", element_id)["type"]) for element_id, _ in modules
                if catalog.entry("elements", element_id)["type"] in UNPRICED_MODULE_TYPES]
    if unpriced:
        notes.append("outpost modules flown but not costed (no cost relationship in trades/catalogs/cost.yaml was fitted on "
                     "their class, so the life-cycle cost leaves out their development and production; their launch is "
                     "costed with the outpost's): " + ", ".join(f"{element_id} ({element_type})" for element_id, element_type in unpriced))
    for element_id, mass in modules:
        element_type = catalog.entry("elements", element_id)["type"]
        if element_type in UNPRICED_MODULE_TYPES:
            continue
        kg = float(mass["value"])
        i = add_item(item_class(f"{ITEM_PREFIX}{element_id}", (element_type,), True, "deploy", deploy_mass_kg=kg))
        add_element(i, element_id, element_type, mass_kg=kg)


def sized_power_costed(arch) -> bool:
    """Whether the cost plan costs the outpost's sized power system. Not when the modules' rated
    power covers the outpost's load at the study's inputs (crew power and ISRU draw, as
    :class:`~trades.models.outpost.power.PowerDemand` sums them) and no design variable or
    sensitivity analysis can raise that load: no power system is then sized, and AMCM, fitted on
    flown spacecraft, has nothing to cost (its smoothed mass floor, 1 kg, would give a few tens of
    MUSD). Otherwise it is costed on the mass sized for the load the modules leave; a run note says
    which."""
    study = arch.study
    if not study.outpost_modules:
        return True
    from trades.models.outpost.isru import KG_PER_HOUR_PER_T_PER_YEAR  # the model's own conversion (imports openmdao)
    from trades.models import variables as var
    value = {i.name: i.value for i in arch.inputs}
    load = (float(value["crew_size"]) * float(value["outpost.power_demand.power_per_crew"])
            + float(value["isru_oxygen_production"]) * float(value["outpost.isru.specific_energy"]) * KG_PER_HOUR_PER_T_PER_YEAR)
    supplied = sum(value.get(var.MODULE_POWER) or [0.0])
    if supplied < load or study.design_variables or study.sensitivity is not None:
        return True
    arch.notes.append(f"sized power system not costed: the modules' {supplied:g} kW cover the outpost's {load:.1f} kW load, so "
                      f"none is sized (0 kg); {supplied - load:.1f} kW of the modules' power is surplus, not credited")
    return False


def module_power_summary(prob, variables, modules) -> dict:
    """The summary's power figures of an outpost with ``modules`` (``variables``: trades.models.variables):
    the modules' rated power, the load left for the sized system and the surplus; {} without modules."""
    if not modules:
        return {}
    return {key: float(prob.get_val(name, units="kW")[0]) for key, name in (
        ("module_power_kw", variables.MODULE_POWER_SUPPLIED), ("power_sized_kw", variables.POWER_SIZED_DEMAND),
        ("power_surplus_kw", variables.POWER_SURPLUS))}


def module_power_text(outpost: dict) -> str:
    """`` (60 kW from modules, 0 kW sized, 4 kW surplus)`` for the summary's outpost line; '' without modules' power."""
    if not outpost.get("module_power_kw"):
        return ""
    return (f" ({outpost['module_power_kw']:.0f} kW from modules, {outpost['power_sized_kw']:.0f} kW sized, "
            f"{outpost['power_surplus_kw']:.0f} kW surplus)")

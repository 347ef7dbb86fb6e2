"""Which cost relationship costs each element type: the catalog's table
(``element_cost_relationship`` in ``trades/catalogs/cost.yaml``), entry by entry replaced by the
study's ``cost.relationships``, and the check of those names against the catalog.

A relationship is TRANSCOST (Koelle's work-year CERs, one category per element class, with
correction factors) or AMCM (NASA's Advanced Missions Cost Model with a specification value).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from trades.errors import StudyError
from trades.study.money import cost_inflation_factor
from trades.study.reader import did_you_mean

#: TRANSCOST factors of an element that multiply its development, and those that also multiply its production
DEVELOPMENT_FACTORS = ("f1", "f2", "f3", "f10", "f11")
PRODUCTION_FACTORS = ("f10", "f11")


@dataclass
class Relationship:
    """The relationship of one element: method, coefficients and where they come from."""

    method: str  # 'transcost' or 'amcm'
    name: str  # the TRANSCOST category or the AMCM specification
    coefficients: dict = field(default_factory=dict)  # transcost: dev_a, dev_x, prod_a, prod_x, development_factor,
    # first_unit_factor; amcm: specification
    source: str = ""
    factor_source: str = ""


def table(cost: dict, study=None) -> dict[str, dict]:
    """Element type -> relationship entry: the catalog's, replaced by the study's where it gives one."""
    entries = {k: dict(v) for k, v in cost["element_cost_relationship"].items() if isinstance(v, dict) and "method" in v}
    if study is not None:
        for element_type, rel in study.cost.relationships.items():
            entries[element_type] = {**rel.model_dump(exclude_none=True), "from_study": True}
    return entries


def category_for(entry: dict, propellant: str | None) -> str:
    """The TRANSCOST category of an entry: its name, or its propellant's in a propellant mapping."""
    category = entry["category"]
    if isinstance(category, dict):
        return category.get(propellant, category["default"])
    return category


def relationship(cost: dict, element_type: str, study=None, propellant: str | None = None,
                 power_source: str | None = None) -> Relationship:
    """The relationship that costs an element of ``element_type`` (of ``propellant`` for stages and
    engines; of ``power_source``, 'solar' or 'fission', for a power system whose source is known: the
    catalog entry's ``by_power_source`` then replaces it, unless a study overrides the type)."""
    entry = table(cost, study)[element_type]
    where = f"study cost.relationships.{element_type}" if entry.get("from_study") else "catalog element_cost_relationship"
    if power_source in (entry.get("by_power_source") or {}):
        entry, where = entry["by_power_source"][power_source], f"{where}.by_power_source.{power_source}"
    why = f" ({entry['source']})" if entry.get("source") else ""
    if entry["method"] == "unit_rate":
        return unit_rate_relationship(cost, entry["rate"], where)
    if entry["method"] == "amcm":
        spec = cost["amcm"]["specification"][entry["specification"]]
        return Relationship(
            "amcm", entry["specification"], {"specification": float(spec["value"])},
            f"AMCM, specification {entry['specification']} {spec['value']} ({where}{why}): {spec['source']}",
        )
    category = category_for(entry, propellant)
    cer = cost["transcost"][category]
    factors = entry.get("factors") or {}
    coefficients = {k: float(cer[k]) for k in ("dev_a", "dev_x", "prod_a", "prod_x")}
    coefficients["development_factor"] = math.prod(float(factors.get(f, 1.0)) for f in DEVELOPMENT_FACTORS)
    coefficients["first_unit_factor"] = math.prod(float(factors.get(f, 1.0)) for f in PRODUCTION_FACTORS)
    given = ", ".join(f"{k} = {v:g}" for k, v in factors.items()) or "all 1 (TRANSCOST's reference case)"
    return Relationship(
        "transcost", category, coefficients, f"TRANSCOST {category} ({where}{why}): {cer['source']}",
        f"TRANSCOST correction factors of {element_type} ({where}): {given}; {cost['transcost_factors']['source']}",
    )


def unit_rate_relationship(cost: dict, name: str, where: str) -> Relationship:
    """A unit rate (``unit_rates`` in the cost catalog: MUSD per kg of one unit, in dollars of its
    year) in TRANSCOST's form, so that the model's TRANSCOST component and cost risk carry it: no
    development (``dev_a`` 0), first unit ``prod_a M`` work-years with ``prod_a`` the rate in
    work-years of the catalog's work-year value (``rate r(Y -> Y_wyr) / V_wyr``; the model's
    ``V_wyr r(Y_wyr -> base)`` brings it back to the rate in base-year dollars, CPI-U)."""
    rate, wyr = cost["unit_rates"][name]["first_unit"], cost["work_year_value"]
    per_wyr = float(rate["value"]) * cost_inflation_factor(cost, int(rate["year"]), int(wyr["year"])) / float(wyr["value"])
    coefficients = {"dev_a": 0.0, "dev_x": 1.0, "prod_a": per_wyr, "prod_x": 1.0, "development_factor": 1.0, "first_unit_factor": 1.0}
    return Relationship(
        "transcost", name, coefficients,
        f"unit rate {name}, {rate['value']:g} {rate['unit']} of {rate['year']} a unit, no development ({where}): {rate['source']}",
        f"unit rate {name}: no correction factors; work-year value: {wyr['source']}",
    )


def relationship_errors(study, catalog) -> list[StudyError]:
    """The study's cost.relationships checked against the catalog: element types, methods,
    categories and specifications it names must exist, and each method takes its own fields."""
    cost = catalog.entry("cost", "default")
    types = sorted(table(cost))
    categories, specifications = sorted(cost["transcost"]), sorted(cost["amcm"]["specification"])
    errors = []
    for element_type, rel in study.cost.relationships.items():
        path = ("cost", "relationships", element_type)
        if element_type not in types:
            errors.append(study.error(path, f"unknown element type '{element_type}'{did_you_mean(element_type, types)}; one of {types}"))
            continue
        if rel.method == "amcm":
            if rel.specification is None:
                errors.append(study.error(path, f"method 'amcm' needs a specification; one of {specifications}"))
            elif rel.specification not in specifications:
                errors.append(study.error(path + ("specification",), f"unknown AMCM specification '{rel.specification}'"
                                          f"{did_you_mean(rel.specification, specifications)}; one of {specifications}"))
            for name in ("category", "factors"):
                if getattr(rel, name):
                    errors.append(study.error(path + (name,), "applies to method 'transcost' only"))
            continue
        if rel.specification is not None:
            errors.append(study.error(path + ("specification",), "applies to method 'amcm' only"))
        if rel.category is None:
            errors.append(study.error(path, f"method 'transcost' needs a category; one of {categories}"))
            continue
        named = rel.category.values() if isinstance(rel.category, dict) else [rel.category]
        for name in named:
            if name not in categories:
                errors.append(study.error(path + ("category",), f"unknown TRANSCOST category '{name}'{did_you_mean(name, categories)}; one of {categories}"))
        if isinstance(rel.category, dict) and "default" not in rel.category:
            errors.append(study.error(path + ("category",), "a propellant -> category mapping needs a 'default' category"))
    return errors

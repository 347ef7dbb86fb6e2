"""Cost of a station built of several named elements (modules, truss segments, power modules), a
station of ``trades/catalogs/stations.yaml``, element by element (docs/model.md "Stations of
several modules").

Each element is costed on the basis its catalog entry names:

- ``relationship``: the relationship of its element class (``element_cost_relationship`` in
  ``trades/catalogs/cost.yaml``), as a government development. The elements built to one design
  share its development; the design's units are its elements in the station. AMCM prices ``Q``
  units of a design as ``C(Q) = C(1) Q^b`` (its quantity term), with development ``2 C(1) - C(2)``
  as :func:`trades.architecture.relationships.element_cost` splits one unit, so production is
  ``C(Q)`` less development; TRANSCOST's production is its first unit times the learning sum
  ``sum_i i^log2(p)`` over the units, ``p`` the catalog's ``learning_rate_aerospace``. The design's
  unit mass is the mean of its elements', its IOC its first element's.
- ``reported_unit_cost``: its design's reported cost of one unit, in base-year dollars (no
  development: the reports do not give it).
- ``not_priced``: inside the published cost's scope, without a relationship of its class or a
  reported cost: in the mass, not in the cost.
- ``outside_scope``: paid by someone else (a partner's module, a barter): mass only.

Nothing here knows the study schema; a validation row or a study may price any catalogued station.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from trades.architecture.cost_relationships import relationship, table
from trades.architecture.relationships import element_cost, learning_sum
from trades.study.catalog import Catalog
from trades.study.money import sourced_to_base_musd

BASES = ("relationship", "reported_unit_cost", "not_priced", "outside_scope")
PRICED = ("relationship", "reported_unit_cost")


@dataclass
class DesignCost:
    """One design of a station: its units and what they cost, in base-year MUSD."""

    design: str
    element_type: str
    basis: str
    units: int
    unit_mass_kg: float
    development_musd: float
    production_musd: float
    source: str


@dataclass
class ElementCost:
    """One element: its share of its design's cost (development on the design's first element,
    production shared equally among its units), in base-year MUSD."""

    id: str
    name: str
    element_type: str
    design: str
    basis: str
    mass_kg: float
    development_musd: float = 0.0
    production_musd: float = 0.0

    @property
    def total_musd(self) -> float:
        return self.development_musd + self.production_musd


@dataclass
class StationCost:
    """What a station of several elements costs, element by element and design by design."""

    station: str
    name: str
    base_year: int
    scope: str
    elements: list[ElementCost] = field(default_factory=list)
    designs: dict[str, DesignCost] = field(default_factory=dict)

    def mass_kg(self, *bases: str) -> float:
        """Catalogued mass of the elements costed on ``bases`` (all when none is named)."""
        return sum(e.mass_kg for e in self.elements if not bases or e.basis in bases)

    def cost_musd(self, *bases: str) -> float:
        """Development and production of the elements costed on ``bases`` (the priced ones when none is named)."""
        return sum(e.total_musd for e in self.elements if e.basis in (bases or PRICED))


def relationship_design_cost(catalog: Catalog, element_type: str, unit_mass_kg: float, units: int, ioc_year: int,
                             base_year: int) -> tuple[float, float, str]:
    """Development and production [base-year MUSD] of ``units`` units of one design of
    ``element_type`` by its class's relationship (see the module's docstring), and the source."""
    cost = catalog.entry("cost", "default")
    rel = relationship(cost, element_type)
    one = element_cost(element_type, unit_mass_kg, ioc_year=ioc_year, base_year=base_year, catalog=catalog)
    if rel.method == "amcm":
        b = float(cost["amcm"]["b"]["value"])
        total = (one.development_musd + one.first_unit_musd) * units ** b
        how = f"AMCM quantity term C(1) Q^b, Q = {units}, b = {b:g}"
        return one.development_musd, total - one.development_musd, f"{one.source}; {how}"
    p = float(cost["learning_rate_aerospace"]["value"])
    learning = learning_sum(p, units)
    return one.development_musd, one.first_unit_musd * learning, f"{one.source}; learning p = {p:g} over {units} units"


def _problem(station_id: str, where: str, reason: str) -> ValueError:
    return ValueError(f"trades/catalogs/stations.yaml, station {station_id}, {where}: {reason}")


def station_cost(catalog: Catalog, station_id: str, base_year: int) -> StationCost:
    """Each element of the catalog's station ``station_id`` costed on its basis, in ``base_year`` MUSD."""
    entry = catalog.entry("stations", station_id)
    designs_entry = entry.get("designs") or {}
    classes = table(catalog.entry("cost", "default"))
    by_design: dict[str, list[dict]] = {}
    for element in entry["elements"]:
        if element["basis"] not in BASES:
            raise _problem(station_id, f"element {element['id']} basis", f"'{element['basis']}' is not one of {list(BASES)}")
        by_design.setdefault(element["design"], []).append(element)
    result = StationCost(station_id, entry["name"], base_year, entry["scope"])
    for design, elements in by_design.items():
        first = min(elements, key=lambda e: int(e["ioc_year"]["value"]))
        kinds = {(e["element_type"], e["basis"]) for e in elements}
        if len(kinds) > 1:
            raise _problem(station_id, f"design {design}", f"its elements differ in element_type or basis: {sorted(kinds)}")
        element_type, basis = kinds.pop()
        mean_mass = sum(float(e["mass_kg"]["value"]) for e in elements) / len(elements)
        development = production = 0.0
        source = ""
        if basis == "relationship":
            if element_type not in classes:
                raise _problem(station_id, f"design {design}", f"element_type '{element_type}' has no relationship in cost.yaml "
                               f"element_cost_relationship (one of {sorted(classes)}); use basis not_priced")
            development, production, source = relationship_design_cost(
                catalog, element_type, mean_mass, len(elements), int(first["ioc_year"]["value"]), base_year)
        elif basis == "reported_unit_cost":
            reported = (designs_entry.get(design) or {}).get("reported_unit_cost")
            if reported is None:
                raise _problem(station_id, f"design {design}", "basis reported_unit_cost needs designs.<design>.reported_unit_cost")
            production = len(elements) * sourced_to_base_musd(reported, base_year, catalog)
            source = f"{reported['value']:g} {reported['unit']} of {reported['year']} a unit: {reported['source']}"
        result.designs[design] = DesignCost(design, element_type, basis, len(elements), mean_mass, development, production, source)
        for e in elements:
            result.elements.append(ElementCost(
                e["id"], e["name"], element_type, design, basis, float(e["mass_kg"]["value"]),
                development if e is first else 0.0, production / len(elements)))
    return result

"""Government development of a crew launcher and its crew spacecraft (Apollo's Saturn V and
command and service module, SLS and Orion), a programme of ``trades/catalogs/crew_programmes.yaml``
(docs/model.md "Government-developed crew transport").

The launcher is costed from its stages and engines by TRANSCOST
(:func:`trades.architecture.relationships.launch_vehicle_cost`), each spacecraft part by the
relationship of its element class (:func:`trades.architecture.relationships.element_cost`,
``crew_spacecraft``: TRANSCOST's crewed space system with the programme's f1, unless a study's table says otherwise). Development is the sum of both;
one flight's hardware is the launcher's first vehicle plus the spacecraft's first units, and
the programme's flights follow a learning curve: unit ``i`` costs ``first x i^log2(p)``, the
test flights (Apollo 4, 6, 8, 9, 10; Artemis I, II) taking the first units and the study's crewed
flights the next ones. Development and the test flights' hardware are paid over the crew-transport
item's development profile (``schedule``); each crewed launch is priced at the crewed flights'
average unit cost.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from trades.architecture.cost_relationships import relationship
from trades.architecture.launch_operations import coefficients, per_launch_musd, programme_inputs
from trades.architecture.relationships import Part, element_cost, launch_vehicle_cost, learning_sum
from trades.study.catalog import Catalog
from trades.study.money import sourced_to_base_musd


@dataclass
class ProgrammeCost:
    """What a government-developed crew transport programme costs, in base-year MUSD."""

    programme: str
    name: str
    development_musd: float  # launcher + spacecraft development
    first_unit_musd: float  # one flight's hardware: the launcher's first vehicle + the spacecraft's first units
    test_flights: int
    test_flight_musd: float  # the test flights' hardware (the first units of the learning curve)
    crewed_flights: int
    unit_musd: float  # average hardware cost of one crewed flight
    seats: int
    parts: list[tuple[str, float, float]] = field(default_factory=list)  # (part, development MUSD, first unit MUSD)
    sources: list[str] = field(default_factory=list)
    facilities_musd: float = 0.0  # ground facilities (launch complex) built for the programme, a sourced figure
    programme_items_musd: float = 0.0  # other programme items at their published cost (Apollo's Saturn IB and Saturn I)
    test_flight_operations_musd: float = 0.0  # ground and mission operations of the test flights (TRANSCOST)
    operations_inputs: dict | None = None  # the launcher's operations inputs (trades.architecture.launch_operations)
    # per part of ``parts``: its relationship, ('transcost', category) or ('amcm', specification name) (cost risk)
    part_relationships: list[tuple[str, str]] = field(default_factory=list)
    launcher_f0: tuple[float, float] = (1.0, 1.0)  # TRANSCOST's f0 on the launcher's development and production
    launcher_parts: int = 0  # the first parts are the launcher's stages and engines, the rest its spacecraft

    @property
    def upfront_musd(self) -> float:
        """Development, ground facilities, programme items, test flights and their operations: what is
        spent before the first crewed flight of the study."""
        return (self.development_musd + self.facilities_musd + self.programme_items_musd + self.test_flight_musd
                + self.test_flight_operations_musd)


def _units(first: float, rate: float, start: int, count: int) -> float:
    """Cost of units ``start+1 .. start+count`` on a learning curve of rate ``rate``."""
    return first * learning_sum(rate, count, start)


def _part(spec: dict) -> Part:
    return Part(spec["name"], float(spec["dry_mass_kg"]["value"]), spec["propellant"], int(spec["count"]), dict(spec.get("factors") or {}))


def _with_study_relationships(catalog: Catalog, study, relationships: dict | None = None) -> Catalog:
    """The catalog with the study's ``cost.relationships`` (and ``relationships``, plain entries)
    in its relationship table: a study's choice of relationship for an element class applies to
    the programme's spacecraft too."""
    chosen = {k: v.model_dump(exclude_none=True) for k, v in study.cost.relationships.items()} if study is not None else {}
    chosen.update(relationships or {})
    if not chosen:
        return catalog
    cost = dict(catalog.entry("cost", "default"))
    cost["element_cost_relationship"] = {**cost["element_cost_relationship"], **chosen}
    return Catalog({**catalog.entries, "cost": {**catalog.entries["cost"], "default": cost}}, catalog.routes, catalog.overridden)


def programme_cost(catalog: Catalog, programme_id: str, crewed_flights: int, base_year: int, study=None,
                   relationships: dict | None = None) -> ProgrammeCost:
    """Development, test-flight hardware and hardware per crewed flight of a programme of the
    ``crew_programmes`` catalog, for ``crewed_flights`` crewed flights after its test flights
    (``study``: its ``cost.relationships`` choose the spacecraft's relationship; ``relationships``:
    entries of the relationship table, e.g. ``{"crew_spacecraft": {"method": "transcost", ...}}``)."""
    catalog = _with_study_relationships(catalog, study, relationships)
    entry = catalog.entry("crew_programmes", programme_id)
    launcher = entry["launcher"]
    stages, engines = [_part(s) for s in launcher["stages"]], [_part(e) for e in launcher["engines"]]
    lv = launch_vehicle_cost(stages, engines, base_year=base_year, catalog=catalog)
    wyr = lv.development_musd / lv.development_wyr  # MUSD per work-year, base year
    parts = [(f"{launcher['name']} {name}", h * wyr, f * wyr) for name, h, f in lv.parts]
    cost_entry = catalog.entry("cost", "default")
    kinds = [relationship(cost_entry, "launch_vehicle_stage", propellant=p.propellant) for p in stages] + \
        [relationship(cost_entry, "rocket_engine", propellant=p.propellant) for p in engines]
    part_relationships = [(r.method, r.name) for r in kinds]
    lv_dev_parts, lv_first_parts = sum(h for _, h, _ in lv.parts), sum(f for _, _, f in lv.parts)
    f0 = (lv.development_wyr / lv_dev_parts if lv_dev_parts else 1.0, lv.first_unit_wyr / lv_first_parts if lv_first_parts else 1.0)
    development, first = lv.development_musd, lv.first_unit_musd
    sources = [f"{launcher['name']}: {lv.source}; masses: " + "; ".join(
        f"{p['name']} {p['dry_mass_kg']['value']:,.0f} kg x {p['count']} ({p['dry_mass_kg']['source']})"
        for p in launcher["stages"] + launcher["engines"]) + f"; factors: {launcher['factors_source']}"]
    for craft in entry["spacecraft"]:
        mass = float(craft["dry_mass_kg"]["value"])
        craft_rel = relationship(cost_entry, craft["element_type"])
        # the programme's TRANSCOST factors (f1) apply when its class is costed by TRANSCOST (AMCM takes none)
        factors = dict(craft.get("factors") or {}) if craft_rel.method == "transcost" else None
        cost = element_cost(craft["element_type"], mass, ioc_year=int(craft["ioc_year"]["value"]), factors=factors,
                            base_year=base_year, catalog=catalog)
        parts.append((craft["name"], cost.development_musd, cost.first_unit_musd))
        part_relationships.append((craft_rel.method, craft_rel.name))
        development, first = development + cost.development_musd, first + cost.first_unit_musd
        sources.append(f"{craft['name']} ({mass:,.0f} kg dry, {craft['dry_mass_kg']['source']}): {cost.source}"
                       + (f"; {craft['source']}" if factors else ""))
    tests = int(entry["test_flights"]["value"])
    sources.append(f"{tests} test flights: {entry['test_flights']['source']}; learning rate {rate_of(entry):g}: {entry['learning_rate']['source']}")
    crewed = max(1, int(crewed_flights))
    facilities = sum(sourced_to_base_musd(f, base_year, catalog) for f in entry.get("ground_facilities") or [])
    sources += [f"ground facilities: {f['value']:,g} {f['unit']} {f['year']}: {f['source']}" for f in entry.get("ground_facilities") or []]
    items = entry.get("programme_items") or []
    programme_items = sum(programme_item_musd(item, base_year, catalog) for item in items)
    sources += [f"programme item {item['name']}: {sum(item['by_fiscal_year'].values()):,.1f} {item['unit']} then-year "
                f"FY{min(item['by_fiscal_year'])}-{max(item['by_fiscal_year'])} (published, not a relationship): {item['source']}"
                for item in items]
    inputs = programme_inputs(entry)
    test_ops = 0.0
    if inputs is not None:  # the test flights at the relationships' lowest fitted rate (they flew fewer a year)
        wyr_musd = sourced_to_base_musd(catalog.entry("cost", "default")["work_year_value"], base_year, catalog)
        rate = coefficients(catalog)["min_rate"]
        test_ops = tests * sum(per_launch_musd(catalog, inputs, rate, wyr_musd))
        sources.append("launch operations: " + catalog.entry("cost", "default")["transcost_operations"]["source"] + "; inputs: "
                       + "; ".join(f"{name} {spec[0]:g} {spec[1]} ({spec[2]})" for name, spec in inputs.items()))
    return ProgrammeCost(
        programme_id, entry["name"], development, first, tests, _units(first, rate_of(entry), 0, tests), crewed,
        _units(first, rate_of(entry), tests, crewed) / crewed, int(entry["seats"]["value"]), parts, sources,
        facilities, programme_items, test_ops, inputs, part_relationships, f0, len(stages) + len(engines),
    )


def programme_item_musd(item: dict, base_year: int, catalog: Catalog) -> float:
    """A programme item's published appropriations, each fiscal year's in that year's dollars (CPI-U
    of the calendar year of the same number), in base-year MUSD."""
    return sum(sourced_to_base_musd({"value": v, "unit": item["unit"], "year": int(y)}, base_year, catalog)
               for y, v in item["by_fiscal_year"].items())


def rate_of(entry: dict) -> float:
    """The programme's learning rate over its launchers and spacecraft."""
    return float(entry["learning_rate"]["value"])


def crewed_flights(study, launches_per_rotation: int) -> int:
    """The crewed launches a study's campaign plans: rotations a year over its crewed years, whole."""
    years = sum(1 for y in study.years if y >= study.first_crewed_year)
    return max(1, math.ceil(study.outpost.rotations_per_year * years * launches_per_rotation - 1e-9))


def _programme(study, catalog: Catalog) -> dict | None:
    """The crew programme a study's crew transport is developed under, or None."""
    chosen = study.acquisition.get("crew_transport")
    if chosen is None or chosen.mode != "government_development" or chosen.programme is None:
        return None
    return catalog.entries["crew_programmes"].get(chosen.programme)


def flown_spacecraft(study, catalog: Catalog) -> list[tuple[str, dict]]:
    """The spacecraft a government-developed programme flies with the crew lander through the crew
    stream's stages (Apollo's CSM), as (element id, sourced fuelled mass): their mass is in the launch orbit."""
    entry = _programme(study, catalog)
    if entry is None:
        return []
    return [(c["flown_element"], catalog.entry("elements", c["flown_element"])["mass_kg"]) for c in entry["spacecraft"]
            if c.get("flown_element")]


def launches_crew_lander(study, catalog: Catalog) -> bool:
    """Whether the programme's crew launcher lifts the crew lander too (the Saturn V did): then no
    cargo launch is bought for the crew stream's mass, which the crew launch's hardware cost covers."""
    entry = _programme(study, catalog)
    return bool(entry and entry["carries_crew_lander"]["value"])

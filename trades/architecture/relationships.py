"""Cost of one element, or of a launch vehicle from its stages and engines, by the relationship of
its class (:mod:`trades.architecture.cost_relationships`), outside a study's model.

For a government-developed launcher (Saturn V, SLS) or crew capsule (CSM, Orion) a later change
can add to a study as a development item. TRANSCOST (Koelle) costs a launch vehicle as

    C_D = f0^N (sum_stages H + sum_engines H) f6 f7         development [WYr]
    C_F = f0p^N (sum_stages n F f4 + sum_engines n F f4) f9  first vehicle [WYr]

with ``H = a M^x f1 f2 f3 f8 f10 f11`` and ``F = a M^x f8 f10 f11`` per element, ``N`` the
number of stages (large boosters count as one, small kick stages as half), ``f0 = 1.04`` and
``f0p = 1.025`` per stage, ``f6`` schedule, ``f7 = contractors^0.2``, ``f9`` subcontractors,
``f4`` the learning over the ``n`` identical units of one vehicle (unit ``i`` costs ``i^log2 p``);
each element type is developed once. Work-years are turned into base-year dollars at the
catalog's work-year value. All factors are unitless, from ``transcost_factors`` in
``trades/catalogs/cost.yaml``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from trades.architecture.cost_relationships import relationship, table
from trades.study.catalog import Catalog, load_catalog
from trades.study.money import inflation_factor, sourced_to_base_musd

AMCM_YEAR = 1999
#: factors an element may carry here (f8 too: outside a study there is no partner cost factor)
FACTORS = ("f1", "f2", "f3", "f8", "f10", "f11")


@dataclass
class Part:
    """A stage (element type ``launch_vehicle_stage``) or engine (``rocket_engine``) of a launch vehicle.

    ``propellant`` picks the TRANSCOST category (``lox_lh2``, ``solid``, others: storable or
    hydrocarbon), ``count`` the identical units on one vehicle, ``factors`` its f1 f2 f3 f8 f10 f11."""

    name: str
    dry_mass_kg: float
    propellant: str = "lox_lh2"
    count: int = 1
    factors: dict = field(default_factory=dict)
    category: str | None = None  # a TRANSCOST category named directly (e.g. engine_pressure_fed)


@dataclass
class Cost:
    """Development and first-unit cost, in work-years (TRANSCOST; None for AMCM) and base-year MUSD."""

    development_musd: float
    first_unit_musd: float
    base_year: int
    source: str
    development_wyr: float | None = None
    first_unit_wyr: float | None = None
    parts: list = field(default_factory=list)  # (name, development WYr, first-unit WYr) of a launch vehicle


def learning_sum(rate: float, count: int, start: int = 0) -> float:
    """Units ``start+1 .. start+count`` on a learning curve of rate ``rate`` (unit i costs the first
    unit times ``i ** log2(rate)``), in first-unit costs: the one learning sum the cost code uses."""
    return sum(i ** math.log2(rate) for i in range(start + 1, start + count + 1))


def engine_f2(qualification_firings: float, catalog: Catalog | None = None) -> float:
    """TRANSCOST technical quality factor of a turbopump engine, ``f2 = 0.026 (ln N_Q)^2``."""
    k = float((catalog or load_catalog()).entry("cost", "default")["transcost_factors"]["f2_engine_coefficient"]["value"])
    return k * math.log(qualification_firings) ** 2


def _transcost_wyr(cost: dict, element_type: str, part: Part, learning_rate: float,
                   power_source: str | None = None) -> tuple[float, float, str]:
    """Development and first-vehicle production [WYr] of ``part`` (all its units), and the source."""
    bad = sorted(set(part.factors) - set(FACTORS))
    if bad:
        raise ValueError(f"{part.name}: unknown TRANSCOST factors {bad}; element factors are {list(FACTORS)}")
    if part.category is not None:
        cost = {**cost, "element_cost_relationship": {element_type: {"method": "transcost", "category": part.category}}}
    rel = relationship(cost, element_type, propellant=part.propellant, power_source=power_source)
    if rel.method != "transcost":
        raise ValueError(f"{part.name}: element type '{element_type}' is costed by {rel.method}, not TRANSCOST")
    c, f = rel.coefficients, {k: float(part.factors.get(k, 1.0)) for k in FACTORS}
    development = c["dev_a"] * part.dry_mass_kg ** c["dev_x"] * math.prod(f.values())
    learning = learning_sum(learning_rate, part.count)
    first = c["prod_a"] * part.dry_mass_kg ** c["prod_x"] * f["f8"] * f["f10"] * f["f11"] * learning
    return development, first, rel.source


def _wyr_musd(cost: dict, base_year: int, catalog: Catalog) -> float:
    return sourced_to_base_musd(cost["work_year_value"], base_year, catalog)


def launch_vehicle_cost(stages: list[Part], engines: list[Part], *, num_stages: float | None = None, f6: float = 1.0,
                        contractors: int = 1, f9: float | None = None, learning_rate: float = 1.0, base_year: int = 2024,
                        catalog: Catalog | None = None) -> Cost:
    """TRANSCOST development and first-vehicle cost of a launch vehicle from its stages' and engines'
    dry masses (see the module's docstring). ``num_stages`` defaults to the number of stages given;
    ``learning_rate`` is TRANSCOST's p over the identical units of one vehicle (1: none)."""
    catalog = catalog or load_catalog()
    cost = catalog.entry("cost", "default")
    factors = cost["transcost_factors"]
    n = float(len(stages) if num_stages is None else num_stages)
    parts, dev_sum, first_sum, sources = [], 0.0, 0.0, set()
    for element_type, group in (("launch_vehicle_stage", stages), ("rocket_engine", engines)):
        for part in group:
            h, f, src = _transcost_wyr(cost, element_type, part, learning_rate)
            parts.append((part.name, h, f))
            dev_sum, first_sum = dev_sum + h, first_sum + f
            sources.add(src)
    f0, f0p = float(factors["f0_per_element"]["value"]) ** n, float(factors["f0_prod_per_element"]["value"]) ** n
    f7 = contractors ** float(factors["f7_exponent"]["value"])
    f9 = float(factors["f9"]["value"]) if f9 is None else f9
    development, first = f0 * dev_sum * f6 * f7, f0p * first_sum * f9
    wyr = _wyr_musd(cost, base_year, catalog)
    source = (f"TRANSCOST launch vehicle (f0 = {f0:.4f}, f0p = {f0p:.4f}, f6 = {f6:g}, f7 = {f7:.4f}, f9 = {f9:g}): "
              f"{factors['source']}; " + "; ".join(sorted(sources)) + f"; work-year value: {cost['work_year_value']['source']}")
    return Cost(development * wyr, first * wyr, base_year, source, development, first, parts)


def element_cost(element_type: str, dry_mass_kg: float, *, propellant: str | None = None, ioc_year: int | None = None,
                 factors: dict | None = None, base_year: int = 2024, catalog: Catalog | None = None,
                 power_source: str | None = None, block: int = 1) -> Cost:
    """Development and first-unit cost of one element of ``element_type`` (e.g. ``crew_spacecraft``,
    ``habitat``, ``rocket_engine``) by the catalog's relationship of its class. AMCM elements need
    ``ioc_year``; their cost of one unit is split by AMCM's quantity law (development
    ``2 C(1) - C(2)``, first unit ``C(2) - C(1)``), average difficulty, AMCM's ``block`` (1 a new design, 2 or
    more a modification of an existing one: ``amcm.block_definition``). ``factors`` (TRANSCOST)
    replace the class's catalog factors (``element_cost_relationship``: a crew lander's f1); None keeps them. A power system of
    ``power_source`` ('solar', 'fission') takes its source's relationship where the catalog has one."""
    catalog = catalog or load_catalog()
    cost = catalog.entry("cost", "default")
    rel = relationship(cost, element_type, propellant=propellant, power_source=power_source)
    if rel.method == "transcost":
        if block != 1:
            raise ValueError(f"element type '{element_type}' is costed by TRANSCOST, which takes no AMCM block number "
                             "(its heritage term is f1)")
        if factors is None:  # the class's own factors in the catalog (a crew lander's f1), as in a study's model
            factors = dict(table(cost)[element_type].get("factors") or {})
        part = Part(element_type, dry_mass_kg, propellant or "lox_lh2", 1, factors)
        h, f, src = _transcost_wyr(cost, element_type, part, 1.0, power_source)
        wyr = _wyr_musd(cost, base_year, catalog)
        return Cost(h * wyr, f * wyr, base_year, f"{src}; work-year value: {cost['work_year_value']['source']}", h, f)
    if ioc_year is None:
        raise ValueError(f"element type '{element_type}' is costed by AMCM, which needs its ioc_year")
    if factors:
        raise ValueError(f"element type '{element_type}' is costed by AMCM, which takes no TRANSCOST factors")
    return _amcm(cost, rel.coefficients["specification"], dry_mass_kg, ioc_year, base_year, catalog, rel.source, block)


def _amcm(cost: dict, specification: float, dry_mass_kg: float, ioc_year: int, base_year: int, catalog: Catalog, source: str,
          block: int = 1) -> Cost:
    """AMCM's cost of one unit split by its quantity law: development 2 C(1) - C(2), first unit C(2) - C(1)."""
    if block < 1:
        raise ValueError(f"AMCM's block number is 1 (a new design) or more, not {block}")
    k = {c: float(cost["amcm"][c]["value"]) for c in "abcdefg"}
    pounds = dry_mass_kg / 0.45359237
    one = (k["a"] * pounds ** k["c"] * k["d"] ** specification * k["e"] ** (1.0 / (ioc_year - 1900.0)) * block ** k["f"]
           * inflation_factor(AMCM_YEAR, base_year, catalog))
    unit = 2.0 ** k["b"] - 1.0
    blocks = f"; block {block}: {cost['amcm']['block_definition']['source']}" if block != 1 else ""
    return Cost(one * (1.0 - unit), one * unit, base_year, f"{source}; AMCM coefficients: {cost['amcm']['a']['source']}{blocks}")

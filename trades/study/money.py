"""Money in one base year: a price in a currency of some year becomes base-year US dollars.

Conversion at the price year's annual exchange rate (Federal Reserve G.5A), then US consumer
price inflation (CPI-U) from the price year to the base year; both tables are in
``trades/catalogs/cost.yaml`` with their sources. Converting first and inflating in dollars is the
usual choice for a USD-based model (docs/research/cost_research.md, sec. 2c).
"""

from __future__ import annotations

from trades.study.catalog import Catalog

_RATE_KEYS = {"MEUR": ("usd_per_eur", True), "MJPY": ("jpy_per_usd", False), "MINR": ("inr_per_usd", False), "MCNY": ("cny_per_usd", False),
              "MAUD": ("usd_per_aud", True), "MBRL": ("brl_per_usd", False), "MCAD": ("cad_per_usd", False),
              "MKRW": ("krw_per_usd", False), "MMXN": ("mxn_per_usd", False)}


class MoneyError(ValueError):
    """A price that cannot be expressed in base-year dollars (a year or currency without data)."""


def cpi_years(catalog: Catalog) -> tuple[int, int]:
    """First and last year of the inflation index."""
    years = [int(y) for y in catalog.entry("cost", "default")["cpi_u"]["values"]]
    return min(years), max(years)


def inflation_factor(from_year: int, to_year: int, catalog: Catalog) -> float:
    """CPI-U ratio that turns ``from_year`` dollars into ``to_year`` dollars."""
    return cost_inflation_factor(catalog.entry("cost", "default"), from_year, to_year)


def cost_inflation_factor(cost: dict, from_year: int, to_year: int) -> float:
    """:func:`inflation_factor` from the cost catalog entry itself (``cost["cpi_u"]``)."""
    cpi = {int(y): float(v) for y, v in cost["cpi_u"]["values"].items()}
    for year in (from_year, to_year):
        if year not in cpi:
            first, last = min(cpi), max(cpi)
            raise MoneyError(f"no consumer price index for {year} (the catalog has {first}-{last})")
    return cpi[to_year] / cpi[from_year]


def to_base_musd(value: float, unit: str, year: int, base_year: int, catalog: Catalog) -> float:
    """``value`` (in ``unit`` of ``year``: MUSD or a unit of ``_RATE_KEYS``) in millions of base-year USD."""
    if unit == "MUSD":
        usd = value
    elif unit in _RATE_KEYS:
        key, usd_per_unit = _RATE_KEYS[unit]
        rates = {int(y): float(v) for y, v in catalog.entry("cost", "default")["exchange_rates"][key].items()}
        if year not in rates:
            raise MoneyError(f"no {unit[1:]}/USD exchange rate for {year} in the catalog (years {sorted(rates)})")
        usd = value * rates[year] if usd_per_unit else value / rates[year]
    else:
        raise MoneyError(f"unknown currency unit '{unit}' (MUSD, {', '.join(_RATE_KEYS)})")
    return usd * inflation_factor(year, base_year, catalog)


def sourced_to_base_musd(sourced: dict, base_year: int, catalog: Catalog) -> float:
    """A catalog money mapping ``{value, unit, year, source}`` in base-year MUSD (no year: already
    in base-year dollars, as for a price a study adds)."""
    year = base_year if sourced.get("year") is None else int(sourced["year"])
    return to_base_musd(float(sourced["value"]), sourced["unit"], year, base_year, catalog)

"""Catalogs: launch vehicles, propellants, delta-v legs and routes, sites, partners, elements,
outpost and life-support coefficients. Package data; every number carries a ``source``.

A sourced number is a mapping ``{value, unit, source, verified, note}`` (money adds ``year``).
``verified: false`` marks a number not read in its source (from memory, computed, assumed).
"""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any, Callable

import yaml

from trades.errors import StudyError, StudyErrors

#: catalog name -> (file, top-level list key or None for flat catalogs)
CATALOG_FILES = {
    "launch_vehicles": ("launch_vehicles.yaml", "vehicles"),
    "propellants": ("propellants.yaml", "propellants"),
    "delta_v": ("delta_v.yaml", "legs"),
    "sites": ("sites.yaml", "sites"),
    "partners": ("partners.yaml", "partners"),
    "elements": ("elements.yaml", "elements"),
    "outpost": ("outpost.yaml", None),
    "life_support": ("life_support.yaml", None),
    "neas": ("neas.yaml", "neas"),
    "cost": ("cost.yaml", None),
    "contracts": ("contracts.yaml", "contracts"),
    "standards": ("standards.yaml", None),
    "crew_programmes": ("crew_programmes.yaml", "programmes"),
    "ssa_sensors": ("ssa_sensors.yaml", "sensors"),
    "stations": ("stations.yaml", "stations"),
}
FLAT_ENTRY = "default"


# figures a study may add where a catalog entry has none: (unit and what the error says of it, the
# fields the added entry carries beside value, unit and source)
ADDABLE = {
    ("launch_vehicles", "price"): ("MUSD", "a price the catalog lacks must be a positive value in unit MUSD (base-year dollars)",
                                   {"year": None, "note": "price added by the study, in its base-year dollars"}),
    ("launch_vehicles", "max_flights_per_year"): ("1/year", "a flight-rate limit the catalog lacks must be a positive value in unit 1/year",
                                                  {"note": "limit added by the study: the catalog has no published cadence"}),
}


class CatalogDataError(Exception):
    """A packaged catalog file breaks the catalog rules (a bug in the package data)."""


def is_sourced(node: Any) -> bool:
    return isinstance(node, dict) and "value" in node and "source" in node


def unsourced_numbers(node: Any, path: str = "", sourced: bool = False) -> list[str]:
    """Paths of numeric leaves that have no ``source`` in their mapping or an enclosing one."""
    found = []
    if isinstance(node, dict):
        here = sourced or "source" in node
        for key, value in node.items():
            found += unsourced_numbers(value, f"{path}.{key}" if path else str(key), here)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += unsourced_numbers(value, f"{path}[{i}]", sourced)
    elif isinstance(node, (int, float)) and not isinstance(node, bool) and not sourced:
        found.append(path)
    return found


def _read(name: str) -> Any:
    filename, _ = CATALOG_FILES[name]
    text = resources.files("trades").joinpath("catalogs", filename).read_text(encoding="utf-8")
    return yaml.safe_load(text)


@dataclass
class Catalog:
    """All catalogs, by name: entries keyed by id (flat catalogs under ``'default'``)."""

    entries: dict[str, dict[str, dict]]
    routes: dict
    overridden: list[str]

    def entry(self, catalog: str, entry_id: str) -> dict:
        return self.entries[catalog][entry_id]

    def value(self, catalog: str, entry_id: str, field: str) -> float:
        """The number of a sourced field."""
        return float(self.entries[catalog][entry_id][field]["value"])

    def with_overrides(self, overrides: dict, error_at: Callable[[tuple, str], StudyError]) -> "Catalog":
        """A copy with the study's overrides applied.

        ``error_at(key_path, reason)`` makes the StudyError for a bad override. An override must
        name an existing sourced number, keep its unit and stay in its domain: positive where the
        catalog value is positive, non-negative where it is zero, at most 1 for fractions.
        """
        errors = []
        entries = copy.deepcopy(self.entries)
        applied = []
        for catalog, by_entry in overrides.items():
            if catalog not in entries:
                errors.append(error_at(("overrides", catalog), f"unknown catalog; one of {sorted(entries)}"))
                continue
            for entry_id, fields in by_entry.items():
                if entry_id not in entries[catalog]:
                    allowed = sorted(entries[catalog])
                    errors.append(error_at(("overrides", catalog, entry_id), f"unknown id; one of {allowed}"))
                    continue
                entry = entries[catalog][entry_id]
                for field, new in fields.items():
                    path = ("overrides", catalog, entry_id, field)
                    added = ADDABLE.get((catalog, field)) if entry.get(field) is None else None
                    if added is not None:  # a figure the catalog lacks: the study's, with its source
                        unit, rule, extra = added
                        if new.value <= 0 or (new.unit or unit) != unit:
                            errors.append(error_at(path, rule))
                            continue
                        entry[field] = {"value": new.value, "unit": unit, "source": f"study override: {new.source}", "verified": False, **extra}
                        applied.append(".".join(path))
                        continue
                    if catalog == "elements" and field == "power_kw" and entry.get("type") != "power":
                        errors.append(error_at(path, f"a {entry.get('type')} element cannot supply power to the outpost: only "
                                               "elements of type power carry a rated power (power_kw)"))
                        continue
                    if not is_sourced(entry.get(field)):
                        numeric = sorted(k for k, v in entry.items() if is_sourced(v))
                        errors.append(error_at(path, f"not a sourced number of this entry; one of {numeric}"))
                        continue
                    old = entry[field]
                    problem = _override_problem(field, old, new, catalog)
                    if problem:
                        errors.append(error_at(path, problem))
                        continue
                    entry[field] = {
                        **old,
                        "value": new.value,
                        "source": f"study override: {new.source}",
                        "verified": False,
                        "note": f"catalog value {old['value']} replaced by the study",
                    }
                    applied.append(".".join(path))
        if errors:
            raise StudyErrors(errors)
        return Catalog(entries, copy.deepcopy(self.routes), self.overridden + applied)


def _override_problem(field: str, old: dict, new, catalog: str = "") -> str | None:
    """Why an override value cannot replace a catalog value, or None."""
    if new.unit is not None and new.unit != old.get("unit"):
        return f"unit '{new.unit}' differs from the catalog's '{old.get('unit')}'"
    if catalog == "neas" and field in _ELEMENT_DOMAINS:
        return _element_problem(field, new.value)  # its own domain (a circular orbit has e = 0)
    reference = old.get("value")
    if reference is None or reference > 0:
        if new.value <= 0:
            return f"value {new.value:g} must be greater than 0 (a {'negative' if new.value < 0 else 'zero'} {field} is not physical)"
    elif reference == 0 and new.value < 0:
        return f"value {new.value:g} is negative; it must be 0 or more"
    if any(word in field for word in ("fraction", "closure", "efficiency", "mass_ratio")) and new.value > 1:
        return f"value {new.value:g} is a fraction and must be at most 1"
    return None


# Domains of an asteroid's orbital elements (catalog "neas"): (low, high, whether high is allowed,
# why). The toolkit meets the asteroid and leaves it again, so its orbit must be an ellipse; the
# semi-major axis bounds keep the aphelion (which sizes the solar arrays) and the mean motion
# finite (near-Earth asteroids have a within about 0.5-4 AU).
_ELEMENT_DOMAINS = {
    "e": (0.0, 1.0, False, "an asteroid's orbit must be an ellipse, 0 <= e < 1 (a parabolic or hyperbolic body "
                            "passes the Sun once: it cannot be met and left on a round trip)"),
    "a_au": (0.1, 100.0, True, "a semi-major axis must be within 0.1-100 AU (near-Earth asteroids: about 0.5-4 AU)"),
    "i_deg": (0.0, 180.0, True, "an inclination is within 0-180 deg"),
}


def _element_problem(field: str, value: float) -> str | None:
    """Why an override of an asteroid's orbital element is outside its domain, or None."""
    low, high, closed, why = _ELEMENT_DOMAINS[field]
    if low <= value < high or (closed and value == high):
        return None
    return f"value {value:g}: {why}"


@functools.lru_cache(maxsize=1)
def _load_packaged() -> Catalog:
    entries: dict[str, dict[str, dict]] = {}
    routes: dict = {}
    for name, (filename, list_key) in CATALOG_FILES.items():
        data = _read(name)
        missing = unsourced_numbers(data)
        if missing:
            raise CatalogDataError(f"{filename}: numbers without a source: {missing[:5]}")
        if list_key is None:
            entries[name] = {FLAT_ENTRY: data}
            continue
        by_id = {}
        for item in data[list_key]:
            if item["id"] in by_id:
                raise CatalogDataError(f"{filename}: duplicate id {item['id']}")
            by_id[item["id"]] = item
        entries[name] = by_id
        if name == "delta_v":
            routes = data["routes"]
    return Catalog(entries, routes, [])


def load_catalog() -> Catalog:
    """The packaged catalogs (a fresh copy the caller may modify)."""
    packaged = _load_packaged()
    return Catalog(copy.deepcopy(packaged.entries), copy.deepcopy(packaged.routes), [])


def catalog_with_overrides(overrides: dict, error_at: Callable[[tuple, str], StudyError]) -> Catalog:
    """A fresh copy of the packaged catalogs with a study's overrides applied (one copy, not a
    copy of a copy: every resolve makes one)."""
    return _load_packaged().with_overrides(overrides, error_at)

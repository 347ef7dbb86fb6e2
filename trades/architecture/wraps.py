"""Programme wraps of a study: each wrap's fraction of development and where it comes from (the
study's ``wraps`` section, else the catalog's ``cost.programme_wraps``)."""

from __future__ import annotations

WRAP_NAMES = ("systems_engineering_integration", "test_flights", "ground_systems", "reserves")


def programme_wraps(study, cost: dict) -> tuple[list[str], list[float], list[str]]:
    """Names, fractions of development and sources of the programme wraps, in ``WRAP_NAMES`` order."""
    catalog = cost["programme_wraps"]
    fractions, sources = [], []
    for name in WRAP_NAMES:
        chosen = getattr(study.wraps, name)
        if chosen is not None:
            fractions.append(float(chosen))
            sources.append(f"{name} {chosen:g}: study wraps.{name} ({study.input_sources.get(f'wraps.{name}', 'no source given in input_sources')})")
        else:
            entry = catalog[name]
            fractions.append(float(entry["value"]))
            sources.append(f"{name} {entry['value']:g}: {entry['source']}")
    return list(WRAP_NAMES), fractions, sources

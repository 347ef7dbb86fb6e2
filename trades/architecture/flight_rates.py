"""Launches a fleet can fly: each vehicle's flight-rate limit and the reach of its crew spacecraft.

A vehicle's ``max_flights_per_year`` (catalog, overridable by a study) bounds the launches it
makes in any campaign year, cargo and crew flights together when it flies both. A crew-rated
vehicle's ``crew_reach`` says how far its crew spacecraft is rated to take a crew: ``leo`` (to a
station in low Earth orbit and back) or ``lunar`` (beyond LEO, lunar return speed at entry).
"""

from __future__ import annotations

import math

from trades.models import variables as var
from trades.study.catalog import Catalog

#: crew reach each destination needs: LEO crew vehicles do not take crews beyond Earth orbit
REACH_NEEDED = {"earth_orbit": {"leo", "lunar"}}
BEYOND_LEO = {"lunar"}


def crew_reach_needed(body: str) -> set[str]:
    """Crew reaches that serve a destination body."""
    return REACH_NEEDED.get(body, BEYOND_LEO)


def crew_reach(catalog: Catalog, vehicle: str) -> str | None:
    """How far the vehicle's crew spacecraft is rated to go, or None when the catalog does not say."""
    reach = catalog.entry("launch_vehicles", vehicle).get("crew_reach")
    return None if reach is None else reach["value"]


def max_flights(catalog: Catalog, vehicle: str) -> float | None:
    """The vehicle's flight-rate limit per year, or None when the catalog has none."""
    limit = catalog.entry("launch_vehicles", vehicle).get("max_flights_per_year")
    return None if limit is None else float(limit["value"])


def flight_rate_excess(per_year: list[dict[str, float]], years: list[int], catalog: Catalog) -> list[str]:
    """One sentence per vehicle whose launches exceed its limit in some year: the years, the
    busiest year's launches and the excess."""
    return [sentence for sentence, _, _ in _excess(per_year, years, catalog)]


def _excess(per_year: list[dict[str, float]], years: list[int], catalog: Catalog) -> list[tuple[str, str, int]]:
    """(sentence, vehicle, busiest year) for each vehicle over its limit (:func:`flight_rate_excess`)."""
    over: dict[str, list[tuple[int, float]]] = {}
    for year, flights in zip(years, per_year):
        for vehicle, count in flights.items():
            limit = max_flights(catalog, vehicle)
            if limit is not None and count > limit:
                over.setdefault(vehicle, []).append((year, count))
    found = []
    for vehicle, cases in sorted(over.items()):
        limit = max_flights(catalog, vehicle)
        year, peak = max(cases, key=lambda c: c[1])
        found.append((f"flight rate of {vehicle}: above its limit of {limit:g} a year "
                      f"(launch_vehicles.{vehicle}.max_flights_per_year) in {year_ranges([y for y, _ in cases])}; "
                      f"busiest {year} with {_count(peak)} launches, over by {_count(peak - limit)}", vehicle, year))
    return found


def year_ranges(years: list[int]) -> str:
    """'2032-2035, 2040' for [2032, 2033, 2034, 2035, 2040]."""
    def span(first: int, last: int) -> str:
        return f"{first}" if first == last else f"{first}-{last}"

    parts, start, prev = [], years[0], years[0]
    for year in years[1:]:
        if year != prev + 1:
            parts.append(span(start, prev))
            start = year
        prev = year
    parts.append(span(start, prev))
    return ", ".join(parts)


def _count(x: float) -> str:
    return f"{x:.0f}" if abs(x - round(x)) < 1e-9 else f"{x:.2f}"


def _whole(count: float) -> int:
    """A continuous launch count rounded up to whole launches (tolerating round-off)."""
    return math.ceil(count - 1e-9) if count > 1e-9 else 0


def busiest_year_launches(mass_per_year: list[float], capacity_kg: float, packing: float,
                          taken: list[int] | None = None) -> tuple[int, int]:
    """(index of the busiest year, whole launches in it) to lift ``mass_per_year`` on a vehicle of
    ``capacity_kg``, with ``taken`` launches a year the vehicle already flies for other
    programmes of a shared fleet (``trades integrated``)."""
    counts = [_whole(m / (capacity_kg * packing)) for m in mass_per_year]
    if taken is not None:
        counts = [c + t for c, t in zip(counts, taken)]
    year = max(range(len(counts)), key=counts.__getitem__)
    return year, counts[year]


def limited_flights(arch) -> list[tuple[str, str]]:
    """(vehicle, model path of its flights per year) for each vehicle whose flight-rate limit the
    model's launches show: the cargo vehicle under the open market (under the national policy each
    partner's launches are checked on the run's summary), a separate crew vehicle and a refuelled crew
    lander's launcher of its own."""
    found = []
    if arch.study.launch.policy == "open_market" and max_flights(arch.catalog, arch.cargo_vehicle) is not None:
        found.append((arch.cargo_vehicle, var.CARGO_VEHICLE_FLIGHTS))
    crew = arch.crew_vehicle
    if crew is not None and crew != arch.cargo_vehicle and max_flights(arch.catalog, crew) is not None:
        found.append((crew, var.CREW_VEHICLE_FLIGHTS))
    lander = arch.lander_launcher  # a refuelled crew lander's launches on a launcher of their own (else counted above)
    if lander is not None and lander not in (arch.cargo_vehicle, crew) and max_flights(arch.catalog, lander) is not None:
        found.append((lander, var.LANDER_VEHICLE_FLIGHTS))
    return found


def cargo_over_its_flight_rate(arch, prob, taken: list[int] | None = None) -> bool:
    """Whether the cargo vehicle's launches (crew flights included when it flies both), with
    ``taken`` launches a year it flies for other programmes of a shared fleet, break its limit."""
    limit = max_flights(arch.catalog, arch.cargo_vehicle)
    others = taken if taken is not None else [0] * len(arch.years)
    return limit is not None and any(_whole(f) + t > limit for f, t in zip(prob.get_val(var.CARGO_VEHICLE_FLIGHTS), others))


def fleet_flight_rate_excess(by_programme: dict[str, dict[int, dict[str, int]]], catalog: Catalog) -> list[str]:
    """The flight-rate limits that several programmes sharing one fleet break together
    (``by_programme``: each programme's whole launches by year and vehicle), each sentence of
    :func:`flight_rate_excess` followed by every programme's launches in the busiest year."""
    years = sorted({y for launches in by_programme.values() for y in launches})
    fleet = [{} for _ in years]
    for launches in by_programme.values():
        for y, year in enumerate(years):
            for vehicle, count in launches.get(year, {}).items():
                fleet[y][vehicle] = fleet[y].get(vehicle, 0) + count
    found = []
    for sentence, vehicle, busiest in _excess(fleet, years, catalog):
        parts = [f"{name} {launches[busiest][vehicle]}" for name, launches in by_programme.items()
                 if launches.get(busiest, {}).get(vehicle)]
        found.append(f"{sentence} ({', '.join(parts)})")
    return found


def fleet_taken(by_programme: dict[str, dict[int, dict[str, int]]], programme: str, years: list[int]) -> dict[str, list[int]]:
    """For each vehicle, the launches a year (over ``years``) the other programmes of a shared
    fleet fly on it: what is left of its flight-rate limit for ``programme``."""
    taken: dict[str, list[int]] = {}
    for name, launches in by_programme.items():
        if name == programme:
            continue
        for y, year in enumerate(years):
            for vehicle, count in launches.get(year, {}).items():
                taken.setdefault(vehicle, [0] * len(years))[y] += count
    return taken


def launch_rule_breaks(arch, summary: dict) -> list[str]:
    """Flight-rate limits the campaign's whole launches break, and a required campaign launch
    success it misses, with the excess or shortfall."""
    found = flight_rate_excess([row["launches_by_vehicle"] for row in summary["per_year"]], arch.years, arch.catalog)
    lander = summary.get("refuelled_lander")
    if lander:  # say which launches are the lander's: fewer landings a year relax the limit
        found = [f"{b}; {lander['launches_per_landing']:g} a landing are the refuelled crew lander {lander['element']}'s"
                 if b.startswith(f"flight rate of {lander['launcher']}:") else b for b in found]
    required = arch.study.launch.min_all_launches_succeed
    achieved = summary["totals"]["all_launches_succeed_probability"]
    if required is not None and achieved < required:
        found.append(f"launch.min_all_launches_succeed: every launch succeeds with probability {achieved:.3g}, "
                     f"required {required:g}, short by {required - achieved:.3g}")
    from trades.architecture.standards import flight_limit_breaks  # per-nation limits (issue 20)

    return found + flight_limit_breaks(arch, summary)


def model_flight_rate_breaks(arch, prob) -> list[str]:
    """The flight-rate limits the model's launches break in some year (each year's launches
    rounded up): a sweep's check of a case, whose vehicles were chosen at the study's design."""
    per_year = [{} for _ in arch.years]
    for vehicle, path in limited_flights(arch):
        for y, value in enumerate(prob.get_val(path)):
            per_year[y][vehicle] = _whole(float(value))
    return flight_rate_excess(per_year, arch.years, arch.catalog)

"""The space situational awareness system of a study (section ``ssa``): its sensors checked
against ``trades/catalogs/ssa_sensors.yaml``, sized to meet the requirement, costed and shared.

Sizing: the cheapest whole number of units of each tracking sensor type (0 to its
``max_count``) whose tracked share (:func:`trades.models.ssa.tracked_share`) meets
``tracked_share_min``, found by trying every combination; ``monitors_min`` solar-wind monitors
when a warning is required, the cheapest type first. A requirement no combination meets is an
:class:`~trades.errors.InfeasibleError` naming the requirement and the shortfall (exit 3).

Cost and sharing: each fielded sensor type is a cost item ``ssa:<sensor>`` bought at its
catalog price (converted to base-year dollars) times its count, paid over the development years
like a fixed-price contract; any partner with the sensor's capability may provide it, and the
optimizer chooses the work shares as for every other item (the relay's pattern). Under
``sharing: national`` each partner fields a whole system of its own: one item
``ssa:<sensor>@<partner>`` per partner, which only that partner provides (buys).
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass, field

import numpy as np

from trades.errors import InfeasibleError, StudyError
from trades.models import variables as var
from trades.study.catalog import Catalog, _read
from trades.study.money import sourced_to_base_musd

TRACKING_KINDS = ("ground_radar", "ground_optical", "space_optical")
MONITOR_KIND = "solar_wind_monitor"
NUM_POINTS = 2048  # sample points of the cislunar volume (the model's TrackedShare uses as many)
MAX_COMBINATIONS = 200_000


@functools.lru_cache(maxsize=1)
def geometry() -> dict:
    """The watched volume's inner and outer radii (km), with their sources."""
    return _read("ssa_sensors")["geometry"]


@dataclass
class SsaDesign:
    """The fielded system: sensor types with their counts and unit prices, and its performance."""

    sensors: list[str]
    kinds: list[str]
    capabilities: list[str]
    counts: list[int]
    unit_musd: list[float]  # base-year MUSD per unit
    tracked_share: float | None
    warning_minutes: float | None
    sharing: str
    sources: dict[str, str] = field(default_factory=dict)

    @property
    def tracking(self) -> list[int]:
        return [i for i, k in enumerate(self.kinds) if k in TRACKING_KINDS]

    @property
    def monitors(self) -> list[int]:
        return [i for i, k in enumerate(self.kinds) if k == MONITOR_KIND]


def ssa_errors(study, catalog: Catalog) -> list[StudyError]:
    """Sensor types the catalog does not have, or listed twice; data users that are not partners
    without crew demand (bad input: exit 2)."""
    if study.ssa is None:
        return []
    known = catalog.entries["ssa_sensors"]
    errors, seen = [], set()
    for i, choice in enumerate(study.ssa.sensors):
        path = ("ssa", "sensors", i, "type")
        if choice.type not in known:
            errors.append(study.error(path, f"unknown SSA sensor '{choice.type}'; one of {sorted(known)}"))
        elif choice.type in seen:
            errors.append(study.error(path, f"sensor '{choice.type}' is listed twice"))
        seen.add(choice.type)
    ids, users = [p.id for p in study.partners], set()
    demand = {p.id: p.demand or 0.0 for p in study.partners}
    for i, pid in enumerate(study.ssa.data_users):  # the demand game's SSA-only partners (trades.analyses.coalition_ssa)
        path = ("ssa", "data_users", i)
        if pid not in ids:
            errors.append(study.error(path, f"'{pid}' is not a partner of the study {ids}"))
        elif pid in users:
            errors.append(study.error(path, f"'{pid}' is listed twice"))
        elif demand[pid] > 0:
            errors.append(study.error(path, f"'{pid}' wants crew time (its demand is {demand[pid]:g}), so its coalitions field the "
                                            "SSA system for their crews already: list only partners without crew demand"))
        users.add(pid)
    return errors


def _value(entry: dict, name: str, default: float = 0.0) -> float:
    return float(entry[name]["value"]) if entry.get(name) is not None else default


def reach_matrix(catalog: Catalog, sensors: list[str], diameter_m: float, points: np.ndarray) -> np.ndarray:
    """p[s, x] for tracking sensor ids at the object diameter (the model's DetectionRange law)."""
    from trades.models.ssa.tracked_share import reach_probability  # OpenMDAO: not on `validate`'s import path

    entries = [catalog.entry("ssa_sensors", s) for s in sensors]
    ranges = np.array([_value(e, "reference_range_km") * (diameter_m / _value(e, "reference_diameter_m")) ** _value(e, "range_exponent")
                       for e in entries])
    return reach_probability(ranges, np.array([_value(e, "orbit_radius_km") for e in entries]), points)


def size_ssa(study, catalog: Catalog, file: str) -> SsaDesign:
    """The cheapest system meeting the study's requirement, or an InfeasibleError naming the
    requirement and the shortfall."""
    from trades.models.ssa.tracked_share import sample_points, tracked_share  # OpenMDAO: not on `validate`'s import path

    ssa = study.ssa
    base = study.campaign.dollar_base_year
    ids = [c.type for c in ssa.sensors]
    entries = [catalog.entry("ssa_sensors", s) for s in ids]
    kinds = [e["kind"] for e in entries]
    unit = [sourced_to_base_musd(e["price"], base, catalog) for e in entries]
    counts = [0] * len(ids)
    sources = {f"ssa sensor {s}": e["price"]["source"] for s, e in zip(ids, entries)}
    tracking = [i for i, k in enumerate(kinds) if k in TRACKING_KINDS]
    share = None
    if tracking:
        g = geometry()
        points = sample_points(float(g["inner_radius_km"]["value"]), float(g["outer_radius_km"]["value"]), NUM_POINTS)
        reach = reach_matrix(catalog, [ids[i] for i in tracking], ssa.object_diameter_m, points)
        sky = np.array([_value(entries[i], "sky_fraction") for i in tracking])
        limits = [ssa.sensors[i].max_count for i in tracking]
        if np.prod([m + 1 for m in limits], dtype=float) > MAX_COMBINATIONS:
            raise InfeasibleError(f"{file}: ssa.sensors: {int(np.prod([m + 1 for m in limits], dtype=float)):,} combinations of "
                                  f"max_count are more than the {MAX_COMBINATIONS:,} the sizing tries; lower some max_count")
        combos = np.array(list(itertools.product(*[range(m + 1) for m in limits])), dtype=float)
        shares = np.concatenate([tracked_share(chunk, sky, reach) for chunk in np.array_split(combos, max(1, len(combos) // 4096))])
        price = combos @ np.array([unit[i] for i in tracking])
        ok = shares >= ssa.tracked_share_min - 1e-12
        if not ok.any():
            best = float(shares.max())
            raise InfeasibleError(
                f"{file}: ssa.tracked_share_min: no set of the sensors ({', '.join(f'{ids[i]} x{m}' for i, m in zip(tracking, limits))}) "
                f"watches {ssa.tracked_share_min:.1%} of the cislunar volume for {ssa.object_diameter_m:g} m objects: at most "
                f"{best:.1%}, a shortfall of {ssa.tracked_share_min - best:.1%} (raise max_count or add sensor types)")
        # cheapest; among equally cheap sets, the one watching most
        choice = min(np.flatnonzero(ok), key=lambda k: (round(price[k], 9), -shares[k]))
        for i, n in zip(tracking, combos[choice]):
            counts[i] = int(n)
        share = float(shares[choice])
    elif ssa.tracked_share_min > 0:
        raise InfeasibleError(f"{file}: ssa.tracked_share_min: {ssa.tracked_share_min:.1%} of the cislunar volume must be watched "
                              "but ssa.sensors has no tracking sensor (ground radar or telescope, or a space sensor)")
    warning = None
    monitors = [i for i, k in enumerate(kinds) if k == MONITOR_KIND]
    if ssa.warning_minutes_min > 0:
        if not monitors:
            raise InfeasibleError(f"{file}: ssa.warning_minutes_min: a {ssa.warning_minutes_min:g} min warning needs a solar-wind "
                                  "monitor at L1 in ssa.sensors, and there is none")
        leads = {i: _value(entries[i], "l1_distance_km") / ssa.shock_speed_km_s / 60.0 for i in monitors}
        able = [i for i in monitors if leads[i] >= ssa.warning_minutes_min - 1e-9 and ssa.sensors[i].max_count >= ssa.monitors_min]
        if not able:
            most = max(leads.values())
            raise InfeasibleError(
                f"{file}: ssa.warning_minutes_min: monitors at L1 warn {most:.1f} min before a {ssa.shock_speed_km_s:g} km/s shock "
                f"arrives, a shortfall of {ssa.warning_minutes_min - most:.1f} min against the {ssa.warning_minutes_min:g} min required"
                if most < ssa.warning_minutes_min - 1e-9 else
                f"{file}: ssa.monitors_min: {ssa.monitors_min} monitors are required but max_count allows at most "
                f"{max(ssa.sensors[i].max_count for i in monitors)}")
        cheapest = min(able, key=lambda i: unit[i])
        counts[cheapest] = ssa.monitors_min
        warning = leads[cheapest]
    return SsaDesign(ids, kinds, [e["capability"] for e in entries], counts, unit, share, warning, ssa.sharing, sources)


def ssa_items(arch, item_type) -> list:
    """The cost items of the fielded sensors (``item_type`` is CostItem): shared, one item per
    sensor type provided by the partners with its capability; national, one per type and partner."""
    design = arch.ssa
    study = arch.study
    items = []
    for i, (sensor, n) in enumerate(zip(design.sensors, design.counts)):
        if n == 0:
            continue
        if design.sharing == "shared":
            items.append(item_type(f"ssa:{sensor}", (design.capabilities[i],), False))
        else:  # each member fields its own (a coalition's outside sellers field none)
            items += [item_type(f"ssa:{sensor}@{p.id}", None, False) for p in study.partners if p.id not in study._vendors]
    return items


def restrict_national(items: list, partners: list[str]) -> None:
    """Under national sharing, each partner's own SSA items are provided by that partner only."""
    for item in items:
        if item.name.startswith("ssa:") and "@" in item.name:
            owner = item.name.rsplit("@", 1)[1]
            item.eligible = [pid == owner for pid in partners]


def add_ssa_purchases(arch, items: list, purchases: np.ndarray, profile: np.ndarray) -> None:
    """Each SSA item's price (count x unit price), paid over its development profile, and a note."""
    design = arch.ssa
    by_name = {f"ssa:{s}": (n, u) for s, n, u in zip(design.sensors, design.counts, design.unit_musd)}
    for k, item in enumerate(items):
        if item.name.startswith("ssa:"):
            n, u = by_name[item.name.split("@")[0]]
            purchases[k] = n * u * profile[k]
    base = arch.study.campaign.dollar_base_year
    fielded = ", ".join(f"{n} x {s} ({u:,.0f} MUSD {base} each)" for s, n, u in zip(design.sensors, design.counts, design.unit_musd) if n)
    perf = []
    if design.tracked_share is not None:
        perf.append(f"watches {design.tracked_share:.1%} of the cislunar volume for {arch.study.ssa.object_diameter_m:g} m objects")
    if design.warning_minutes is not None:
        perf.append(f"warns crews {design.warning_minutes:.0f} min before a {arch.study.ssa.shock_speed_km_s:g} km/s shock")
    copies = "" if design.sharing == "shared" else f", one system per partner ({len([i for i in items if i.name.startswith('ssa:')]) // max(1, sum(1 for n in design.counts if n))})"
    arch.notes.append(f"SSA system ({design.sharing}{copies}): {fielded or 'no sensors needed'}; " + ("; ".join(perf) or "no requirement")
                      + "; bought at catalog prices (trades/catalogs/ssa_sensors.yaml), operations not costed")


def ssa_model_options(arch) -> dict | None:
    """Options of the model's SsaGroup (None without an SSA system)."""
    design = getattr(arch, "ssa", None)
    if design is None:
        return None
    g = geometry()
    return {"orbit_radius_km": [_value(arch.catalog.entry("ssa_sensors", design.sensors[i]), "orbit_radius_km") for i in design.tracking],
            "inner_radius_km": float(g["inner_radius_km"]["value"]), "outer_radius_km": float(g["outer_radius_km"]["value"]),
            "monitors": bool(design.monitors)}


def set_ssa_inputs(arch) -> None:
    """The SSA model's inputs: the fielded counts, the sensors' catalog figures and the requirement's
    object size and design shock."""
    design, study = arch.ssa, arch.study
    if design is None:
        return
    entries = [arch.catalog.entry("ssa_sensors", s) for s in design.sensors]
    track = design.tracking

    def sourced(path, field_name, units):
        unverified = [i for i in track if entries[i][field_name].get("verified") is not True]
        arch.add(path, [_value(entries[i], field_name) for i in track], units,
                 "; ".join(f"{design.sensors[i]}: {entries[i][field_name]['source']}" for i in track), not unverified,
                 "; ".join(f"{design.sensors[i]}: {entries[i][field_name].get('note') or 'not read in its source'}" for i in unverified) or None)
    if track:
        arch.add(var.SSA_OBJECT_DIAMETER, study.ssa.object_diameter_m, "m", "study: ssa.object_diameter_m")
        sourced(var.SSA_REFERENCE_DIAMETER, "reference_diameter_m", "m")
        sourced(var.SSA_REFERENCE_RANGE, "reference_range_km", "km")
        sourced(var.SSA_RANGE_EXPONENT, "range_exponent", "unitless")
        sourced(var.SSA_SKY_FRACTION, "sky_fraction", "unitless")
        arch.add(var.SSA_SENSOR_COUNT, [float(design.counts[i]) for i in track], "unitless",
                 "the cheapest whole counts meeting ssa.tracked_share_min (trades.architecture.ssa.size_ssa)")
    if design.monitors:
        fielded = [i for i in design.monitors if design.counts[i]]
        i = fielded[0] if fielded else design.monitors[0]
        arch.add(var.SSA_L1_DISTANCE, _value(entries[i], "l1_distance_km"), "km", entries[i]["l1_distance_km"]["source"],
                 entries[i]["l1_distance_km"].get("verified"))
        arch.add(var.SSA_SHOCK_SPEED, study.ssa.shock_speed_km_s, "km/s", "study: ssa.shock_speed_km_s")

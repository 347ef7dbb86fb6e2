"""The cooperation instruments in the cost plan (issue 20): what ``standards`` and
``transport_policy`` (:mod:`trades.study.standards_section`) change in
:func:`trades.architecture.costing.make_cost_plan`.

- **Interface standard** adopted: the coordination exponent of shared elements falls to the
  standard's (``alpha`` in ``N_eff^alpha``), and every adopting partner pays the catalog's one-off
  cost of qualifying its own compliant mechanism (a cost item ``interface_standard`` of contract
  prices in the campaign's first year, shared like operations).
- **Quality level**: a partner building to level ``L`` has its cost factor multiplied by the level's
  TRANSCOST technical quality factor ``f2(L)``; its elements' failure rates scale with MIL-HDBK-217F's
  ``pi_Q(L)`` (:mod:`trades.analyses.policy_outcomes`).
- **Technology transfer**: a rule (provider, capability, receiver) makes the provider ineligible
  for every item needing that capability when the receiver is a member of the partnership (in a
  coalition game: a member, not an outside seller).
- **Shared transport service**: every partner buys launch at one price, the pool's average cost
  per kg in the launch orbit (each vehicle weighted by the flights it may make a year).
"""

from __future__ import annotations

import math

import numpy as np

from trades.architecture.flight_rates import max_flights
from trades.architecture.launch_prices import priced_payload_kg
from trades.errors import InfeasibleError
from trades.study.money import sourced_to_base_musd

INTERFACE_ITEM = "interface_standard"


def book(catalog) -> dict:
    """The standards catalog."""
    return catalog.entry("standards", "default")


def partner_levels(study, catalog) -> list[str]:
    """The quality level each partner of the study builds to."""
    quality = study.standards.quality if study.standards is not None else None
    reference = book(catalog)["quality"]["reference_level"]
    if quality is None:
        return [reference] * len(study.partners)
    if quality.common is not None:
        return [quality.common] * len(study.partners)
    return [quality.levels.get(p.id, reference) for p in study.partners]


def quality_cost_factors(study, catalog) -> np.ndarray:
    """Each partner's TRANSCOST technical quality factor f2 for the level it builds to."""
    levels = book(catalog)["quality"]["levels"]
    return np.array([float(levels[level]["technical_quality_factor"]["value"]) for level in partner_levels(study, catalog)])


def transfer_eligible(item, study, ids: list[str], file: str) -> list[bool]:
    """``item.eligible`` less the providers a technology-transfer rule bars from it: a rule
    applies to an item needing its capability when its receiver is a member (not an outside seller)."""
    rules = study.standards.technology_transfer if study.standards is not None else []
    members = {pid for pid in ids if pid not in study._vendors}
    barred = {r.provider for r in rules
              if item.capability is not None and r.capability in item.capability and r.receiver in members and r.provider in ids}
    eligible = [ok and pid not in barred for ok, pid in zip(item.eligible, ids)]
    if any(item.eligible) and not any(eligible):
        named = "; ".join(f"{r.provider} may not provide {r.capability} to {r.receiver}" for r in rules
                          if r.provider in barred and item.capability and r.capability in item.capability)
        raise InfeasibleError(f"{file}: standards.technology_transfer: no partner may provide the {item.name.replace('_', ' ')}: "
                              f"its eligible providers {[p for p, ok in zip(ids, item.eligible) if ok]} are all barred ({named})")
    return eligible


def pool_vehicles(study, catalog, arch) -> list[tuple[str, str, float | None]]:
    """(partner, vehicle, flights it may make a year or None) of the shared service's pool: the
    study's pool, else every vehicle of the partners (planned ones only when allowed)."""
    t = study.transport_policy
    ids = [p.id for p in study.partners]
    vehicles = catalog.entries["launch_vehicles"]
    if t.pool:
        pool = [(e.partner, e.vehicle) for e in t.pool if e.partner in ids]
    else:
        pool = [(pid, v) for pid, vs in arch.vehicles_by_partner.items() for v in vs
                if study.launch.include_planned or vehicles[v]["status"] != "planned"]
    out = []
    for pid, vehicle in pool:
        limits = [x for x in (max_flights(catalog, vehicle), t.flight_rate_limits.get(pid)) if x is not None]
        out.append((pid, vehicle, float(min(limits)) if limits else None))
    return out


def shared_transport_price(study, catalog, arch, reliability, notes: list[str], sources: dict) -> float | None:
    """The shared service's price per kg in the launch orbit [base-year MUSD/kg], or None when
    the study has no shared service: sum(w price) / sum(w capacity x packing x reliability) over
    the pool, ``w`` each vehicle's flights a year (equal weights when none of them is limited)."""
    from trades.architecture.costing import vehicle_price_musd

    t = study.transport_policy
    if t is None or not t.shared_service:
        return None
    base, packing = study.campaign.dollar_base_year, study.launch.packing_efficiency
    priced, unpriced = [], []
    for pid, vehicle, flights in pool_vehicles(study, catalog, arch):
        price, _ = vehicle_price_musd(catalog, vehicle, base)
        if price is None:
            unpriced.append(vehicle)
        elif flights is None or flights > 0:
            priced.append((vehicle, price, priced_payload_kg(catalog, vehicle) * packing * reliability(vehicle), flights))
    if not priced:
        raise InfeasibleError(f"{study._file}: transport_policy.pool: no vehicle of the pool has a published price and flights to give "
                              f"(unpriced: {', '.join(unpriced) or 'none'}): the shared service has no price")
    limited = all(f is not None for *_, f in priced)
    weights = [f if limited else 1.0 for *_, f in priced]
    value = sum(w * p for w, (_, p, _, _) in zip(weights, priced)) / sum(w * c for w, (_, _, c, _) in zip(weights, priced))
    pool = ", ".join(f"{v} (w {w:g})" for w, (v, *_) in zip(weights, priced))
    notes.append(f"shared transport service: one price for every partner, {value * 1e6:,.0f} USD {base}/kg in the launch orbit, the average "
                 f"of the pool {pool}" + ("" if limited else " (equal weights: not every vehicle has a flight-rate limit)")
                 + (f"; unpriced, left out: {', '.join(unpriced)}" if unpriced else "")
                 + f"; launches are still counted on {arch.cargo_vehicle}")
    sources["shared transport service"] = "pool average of the vehicles' catalog prices, payloads and flight records (launch_vehicles.yaml)"
    return value


def apply_standards(plan, study, catalog, notes: list[str]) -> None:
    """Quality cost factors and an adopted interface standard, in the plan (in place)."""
    s = study.standards
    if s is None:
        return
    if s.quality is not None:
        plan.cost_factor = plan.cost_factor * quality_cost_factors(study, catalog)
        levels = partner_levels(study, catalog)
        notes.append("quality levels: " + ", ".join(f"{pid} {lv}" for pid, lv in zip(plan.partners, levels))
                     + " (cost factor x TRANSCOST f2 of the level; element failure rates x MIL-HDBK-217F pi_Q)")
        plan.sources["quality levels"] = book(catalog)["quality"]["levels"][levels[0]]["pi_q"]["source"]
    interface = s.interface
    if interface is None or not interface.adopted:
        return
    entry = book(catalog)["interface"][interface.standard]
    plan.coordination_exponent = (interface.coordination_exponent if interface.coordination_exponent is not None
                                  else float(entry["coordination_exponent"]["value"]))
    adopters = [pid for pid in (interface.adopters if interface.adopters is not None else plan.partners)
                if pid in plan.partners and pid not in study._vendors]
    one_off = sourced_to_base_musd(entry["adoption_one_off"], study.campaign.dollar_base_year, catalog)
    _add_purchased_item(plan, INTERFACE_ITEM, len(adopters) * one_off, study)
    notes.append(f"interface standard {interface.standard} adopted: coordination exponent {plan.coordination_exponent:g}; "
                 f"{len(adopters)} adopter(s) x {one_off:,.1f} MUSD {study.campaign.dollar_base_year} one-off in {study.years[0]}")
    plan.sources["interface standard"] = entry["adoption_one_off"]["source"]


def _add_purchased_item(plan, name: str, musd: float, study) -> None:
    """A cost item of contract prices only (paid in the first campaign year), any member may provide."""
    from trades.architecture.costing import CostItem

    item = CostItem(name, None, False)
    item.eligible = [pid not in study._vendors for pid in plan.partners]
    plan.items.append(item)
    n = len(study.years)
    plan.development_profile = np.vstack([plan.development_profile, np.zeros((1, n))])
    row = np.zeros((1, n))
    row[0, 0] = musd
    purchases = plan.purchases if plan.purchases is not None else np.zeros((len(plan.items) - 1, n))
    plan.purchases = np.vstack([purchases, row])
    plan.initial_shares = np.vstack([plan.initial_shares, np.zeros((1, len(plan.partners)))])


def element_failure_rates(plan, shares, study, catalog) -> np.ndarray:
    """Failure rate per year of each item (share-weighted over its providers' levels)."""
    quality = book(catalog)["quality"]
    pi = {k: float(v["pi_q"]["value"]) for k, v in quality["levels"].items()}
    ratio = np.array([pi[level] / pi[quality["reference_level"]] for level in partner_levels(study, catalog)])
    lam = float(quality["reference_failure_rate_per_year"]["value"])
    return lam * (np.asarray(shares, dtype=float) @ ratio)


def deployed_years(study) -> int:
    """Years an outpost element operates: from deployment to the campaign's end."""
    return study.years[-1] - study.deploy_year + 1


def exposure(item) -> bool:
    """Whether an item's reliability is modelled: hardware deployed once and operated (its
    per-flight stages, landers and launches are in the launch success)."""
    return item.units == "deploy"


def success_of_elements(plan, shares, study, catalog) -> dict[str, float]:
    """Each deployed element's probability of working to the campaign's end, exp(-lambda t)."""
    rates = element_failure_rates(plan, shares, study, catalog)
    years = deployed_years(study)
    return {item.name: math.exp(-rates[i] * years) for i, item in enumerate(plan.items) if exposure(item)}


def flight_limit_breaks(arch, summary: dict) -> list[str]:
    """Per-nation flight-rate limits the campaign's whole launches break, with the excess: each
    partner's launches (``launches_by_partner``), or under a shared service the pool's launches
    against the flights its vehicles may make together."""
    from trades.architecture.flight_rates import year_ranges

    t = arch.study.transport_policy
    if t is None:
        return []
    rows, found = summary["per_year"], []
    if t.shared_service:
        pool = pool_vehicles(arch.study, arch.catalog, arch)
        if pool and all(f is not None for *_, f in pool):
            capacity = sum(f for *_, f in pool)
            over = [(r["year"], sum(r["launches_by_vehicle"].values())) for r in rows if sum(r["launches_by_vehicle"].values()) > capacity]
            if over:
                year, peak = max(over, key=lambda c: c[1])
                found.append(f"transport_policy.pool: the pool's vehicles may fly {capacity:g} launches a year together (flight-rate limits); "
                             f"the campaign needs more in {year_ranges([y for y, _ in over])}, busiest {year} with {peak}, short by {peak - capacity:g}")
        return found
    for pid, limit in t.flight_rate_limits.items():
        over = [(r["year"], r["launches_by_partner"].get(pid, 0)) for r in rows if r["launches_by_partner"].get(pid, 0) > limit]
        if over:
            year, peak = max(over, key=lambda c: c[1])
            found.append(f"transport_policy.flight_rate_limits.{pid}: {pid}'s vehicles fly more than its limit of {limit} launches a year "
                         f"in {year_ranges([y for y, _ in over])}; busiest {year} with {peak}, over by {peak - limit}")
    return found

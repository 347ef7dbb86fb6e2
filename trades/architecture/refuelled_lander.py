"""Crew landers refuelled in orbit and bought per landing (Starship HLS; issue 17; docs/model.md
"Refuelled crew landers").

A crew lander of the elements catalog with ``launches_per_landing`` and a ``launcher`` is refuelled
in orbit by its provider: each landing takes that many launches of the launcher (tankers, a depot,
the lander itself). A study that names it as ``transportation.crew_lander``:

- counts ``launches_per_landing x`` crew rotations launches a year on the launcher, in the
  campaign's launches by vehicle, its flight-rate limits and the probability that every launch
  succeeds (the launcher's :func:`~trades.architecture.costing.launch_reliability`);
- buys each landing as a service at the price per landing of a contract (``kind: service,
  per: landing`` in ``trades/catalogs/contracts.yaml``; the study's ``acquisition.crew_lander``
  or the catalog's ``default_landing_service`` for the lander), paid in the landing's year, launches
  included; the crewed landings a purchase covering ``crew_lander`` buys (its contract's
  ``crewed_landings`` x units, the campaign's first landings) are not priced again;
- counts no mass for it: with no sourced gross mass the lander is not a payload of the modelled
  stages (its mass in the launch orbit is the provider's, not the campaign's), and the run says so.

The price per year is fixed when the study is resolved, from the study's rotations (a sweep of
``crew.rotations_per_year`` moves the launches, not the price).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from trades.errors import StudyError
from trades.study.catalog import Catalog
from trades.study.money import sourced_to_base_musd


@dataclass
class RefuelledLander:
    """A refuelled crew lander and the launches each landing takes."""

    element: str
    launcher: str
    launches_per_landing: float
    source: str
    verified: bool
    note: str | None


def refuelled_lander(study, catalog: Catalog) -> RefuelledLander | None:
    """The study's crew lander when it is refuelled in orbit (its entry has ``launches_per_landing``), else None."""
    lander = study.transportation.crew_lander
    entry = catalog.entries["elements"].get(lander or "")
    if not entry or entry.get("launches_per_landing") is None:
        return None
    k = entry["launches_per_landing"]
    return RefuelledLander(lander, entry.get("launcher"), float(k["value"]), k["source"], bool(k.get("verified")), k.get("note"))


def refuelled_errors(study, catalog: Catalog) -> list[StudyError]:
    """What ``trades validate`` can tell: the lander's launcher is a catalogued vehicle; a landing
    service is bought for a refuelled lander only, under a per-landing contract for that lander; a
    refuelled lander is not costed by a relationship (it has no mass)."""
    path = ("transportation", "crew_lander")
    lander = refuelled_lander(study, catalog)
    chosen = study.acquisition.get("crew_lander")
    errors = []
    if lander is not None and lander.launcher not in catalog.entries["launch_vehicles"]:
        errors.append(study.error(path, f"refuelled crew lander '{lander.element}' names launcher '{lander.launcher}', "
                                  "which is not in the launch vehicle catalog (elements.yaml launcher)"))
    if chosen is None:
        return errors
    where = ("acquisition", "crew_lander")
    if chosen.mode == "service" and lander is None:
        errors.append(study.error(where + ("mode",), f"a landing service applies to a crew lander refuelled in orbit (an element "
                                  f"with launches_per_landing); '{study.transportation.crew_lander}' is flown and costed as hardware"))
    elif chosen.mode == "service" and chosen.contract is not None:
        contract = catalog.entries["contracts"].get(chosen.contract, {})
        if contract and (contract.get("per") != "landing" or contract.get("element") not in (None, lander.element)):
            errors.append(study.error(where + ("contract",), f"contract '{chosen.contract}' is not a price per landing of "
                                      f"'{lander.element}' (it buys: {contract.get('buys')})"))
    elif chosen.mode != "service" and lander is not None:
        errors.append(study.error(where + ("mode",), f"'{lander.element}' is refuelled in orbit and has no mass to cost by a "
                                  "relationship: it is bought per landing (mode 'service')"))
    return errors


def landing_service(study, catalog: Catalog, lander: RefuelledLander) -> dict | None:
    """The contract whose price buys one landing: the study's ``acquisition.crew_lander`` contract,
    else the catalog's default landing service for the lander; None when neither exists."""
    chosen = study.acquisition.get("crew_lander")
    contracts = catalog.entries["contracts"]
    if chosen is not None and chosen.contract is not None:
        return contracts[chosen.contract]  # id and kind checked by refuelled_errors and acquisition_errors
    found = [c for c in contracts.values() if c.get("default_landing_service") and c.get("element") == lander.element]
    return found[0] if found else None


def covered_landings(study, catalog: Catalog) -> tuple[float, list[str]]:
    """Crewed landings the purchases covering ``crew_lander`` buy (units x the contract's ``crewed_landings``)."""
    total, names = 0.0, []
    for bought in study.purchases:
        if "crew_lander" in bought.covers:
            contract = catalog.entries["contracts"][bought.contract]
            landings = (contract.get("crewed_landings") or {}).get("value", 0.0)
            total += bought.units * float(landings)
            names.append(f"{bought.contract} ({bought.units} x {landings:g})")
    return total, names


def landings_per_year(study, years: list[int]) -> np.ndarray:
    """Landings per model year: one per crew rotation from the first crewed year (the crew schedule's rule)."""
    return study.outpost.rotations_per_year * (np.array(years) >= study.first_crewed_year).astype(float)


def priced_landings(landings: np.ndarray, covered: float) -> np.ndarray:
    """Landings per year left to price once the first ``covered`` landings of the campaign are bought."""
    done = np.cumsum(landings)
    beyond = np.maximum(done - covered, 0.0)
    return np.diff(np.concatenate([[0.0], beyond]))


def add_crew_lander_item(study, catalog: Catalog, add_item, add_element, item_type, notes: list[str]) -> None:
    """The crew lander's cost item (``item_type`` is CostItem), one unit per crew rotation: its
    hardware by the crew_lander class's relationship on its catalog dry mass; a refuelled lander
    has none (it is bought per landing, :func:`add_landing_service`)."""
    if study.transportation.crew_lander is None:
        return
    lander = catalog.entry("elements", study.transportation.crew_lander)
    i = add_item(item_type("crew_lander", ("crew_lander",), True, "crew_rotations"))
    dry = (lander.get("dry_mass_kg") or {}).get("value")
    if study.outpost.rotations_per_year == 0:  # a robotic campaign: no lander flies, none is developed
        notes.append(f"crew lander '{study.transportation.crew_lander}': no crew rotation, so it is neither developed nor built")
    elif dry is not None:
        add_element(i, "crew_lander", "crew_lander", mass_kg=float(dry))
    elif refuelled_lander(study, catalog) is None:
        notes.append(f"crew lander '{study.transportation.crew_lander}' hardware is not costed (the catalog has no dry mass); "
                     "its launches are costed")


def add_landing_service(study, catalog: Catalog, years: list[int], items: list, purchases: np.ndarray,
                        notes: list[str], sources: dict[str, str]) -> None:
    """A refuelled lander's landings, priced per landing into the crew lander item's row of
    ``purchases`` (base-year MUSD) in their years, less the landings the purchases cover; a note says
    what is priced and why its mass is not counted."""
    lander = refuelled_lander(study, catalog)
    if lander is None:
        return
    i = [item.name for item in items].index("crew_lander")
    landings = landings_per_year(study, years)
    covered, by = covered_landings(study, catalog)
    priced = priced_landings(landings, covered)
    base = study.campaign.dollar_base_year
    head = (f"crew lander '{lander.element}' is refuelled in orbit and flown by its provider: {lander.launches_per_landing:g} "
            f"{lander.launcher} launches per landing ({lander.source.split(':')[0]}) are counted; it has no sourced gross mass, "
            "so its mass in the launch orbit is not counted and no cargo launch is bought for it")
    notes.append(head)
    if by:
        notes.append(f"crew lander '{lander.element}': {min(covered, landings.sum()):g} of the campaign's {landings.sum():g} "
                     f"landing(s) bought by the purchase(s) {', '.join(by)}, not priced again")
    if priced.sum() <= 0:
        return
    contract = landing_service(study, catalog, lander)
    if contract is None:
        notes.append(f"crew lander '{lander.element}': {priced.sum():g} landing(s) NOT costed: no price per landing in the catalog "
                     "(acquisition.crew_lander {mode: service, contract: <id>})")
        return
    unit = sourced_to_base_musd(contract["price"], base, catalog)
    purchases[i] += unit * priced
    notes.append(f"crew lander '{lander.element}': {priced.sum():g} landing(s) bought as a service at {unit:,.0f} MUSD {base} each "
                 f"({contract['id']}, {contract['price']['value']:,g} {contract['price']['unit']} {contract['price']['year']}), "
                 f"{unit * priced.sum():,.0f} MUSD in their years; buys: {contract['buys']}")
    sources["crew lander landings"] = f"{contract['id']}: {contract['price']['source']}"

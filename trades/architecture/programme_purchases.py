"""Contracts a programme buys beside the architecture's own cost items (the study's
``purchases`` section; docs/model.md "Acquisition"): the HLS award, Gateway's modules and their
launch, a spacesuit task order. Each is a cost item ``purchase:<contract id>`` that any partner
may provide (a purchase: no cost factor, no coordination overhead, no launch of its own, since
the contract either includes its launch or another catalogued contract buys it), priced at
``units x`` the contract's price in base-year dollars (CPI-U; :mod:`trades.study.money`).

Payment: over the years from the contract's award (its ``date``) to the year before the
outpost's deployment, on the catalog's development S-curve (all in the award year when it is the
deployment year or later; from the model's first year when the award precedes it). This is a
phasing assumption: the contracts' payment milestones were not read.

A purchase whose ``covers`` names cost items of the architecture buys them: their hardware
elements are dropped (:func:`uncovered_elements`), so a study that flies a stand-in for a bought
lander does not pay for the lander twice; their launches are still costed from the study's mass (a
contract's price may include them: the note says so). An architecture item a contract could stand
for but the purchase does not cover is costed beside it, and the run's note names it."""

from __future__ import annotations

import numpy as np

from trades.architecture.refuelled_lander import refuelled_lander
from trades.architecture.schedule import development_profile
from trades.errors import StudyError, StudyErrors
from trades.study.catalog import Catalog
from trades.study.money import sourced_to_base_musd

PREFIX = "purchase:"


def purchase_errors(study, catalog: Catalog) -> list[StudyError]:
    """Unknown contract ids, a contract bought twice, one awarded after the campaign's last year."""
    errors, seen = [], set()
    contracts = catalog.entries["contracts"]
    last = study.campaign.start_year + study.campaign.num_years - 1
    for i, bought in enumerate(study.purchases):
        path = ("purchases", i, "contract")
        if bought.contract not in contracts:
            errors.append(study.error(path, f"unknown contract '{bought.contract}'; one of {sorted(contracts)}"))
        elif bought.contract in seen:
            errors.append(study.error(path, f"contract '{bought.contract}' is listed twice (use units)"))
        elif int(contracts[bought.contract]["date"][:4]) > last:
            errors.append(study.error(path, f"contract '{bought.contract}' was awarded in {contracts[bought.contract]['date'][:4]}, "
                                      f"after the campaign's last year {last}"))
        else:
            items = contracts[bought.contract].get("items") or []
            errors += [study.error(("purchases", i, "covers", k), f"contract '{bought.contract}' does not buy a '{name}' (its items: {items})")
                       for k, name in enumerate(bought.covers) if name not in items]
        seen.add(bought.contract)
    return errors


def uncovered_elements(study, items: list, elements: list) -> list:
    """The cost elements left once the purchases' ``covers`` items are bought; a covered name that
    is not a cost item of the architecture is a :class:`StudyErrors` naming the field."""
    names = [item.name for item in items]
    errors, covered = [], set()
    for i, bought in enumerate(study.purchases):
        for k, name in enumerate(bought.covers):
            if name in names:
                covered.add(names.index(name))
            else:
                errors.append(study.error(("purchases", i, "covers", k), f"'{name}' is not a cost item of this architecture; one of {names}"))
    if errors:
        raise StudyErrors(errors)
    return [e for e in elements if e.item not in covered]


def purchase_items(study, item_type) -> list:
    """One cost item per purchase (``item_type`` is CostItem): any partner may provide it, nothing of it is launched."""
    return [item_type(PREFIX + bought.contract, None, False) for bought in study.purchases]


def payment_profile(years: list[int], deploy_year: int, award_year: int, alpha: float, beta: float) -> np.ndarray:
    """Fraction of a purchase paid in each model year: the S-curve from the award year (or the
    model's first year) to the year before deployment, or all in the award year when it is the
    deployment year or later."""
    start = max(award_year, years[0])
    if start >= deploy_year:
        profile = np.zeros(len(years))
        profile[min(start, years[-1]) - years[0]] = 1.0
        return profile
    return development_profile(years, deploy_year, alpha, beta, deploy_year - start)


def add_purchases(study, catalog: Catalog, items: list, purchases: np.ndarray, profile: np.ndarray, alpha: float, beta: float,
                  notes: list[str], sources: dict[str, str]) -> None:
    """Each purchase's price per year into ``purchases`` (items x years, base-year MUSD), its
    payment profile into ``profile`` (the item's row), a note and its source."""
    base = study.campaign.dollar_base_year
    names = [item.name for item in items]
    modelled = set(names)
    refuelled = refuelled_lander(study, catalog) is not None  # its landings, not hardware, are what a purchase buys
    for bought in study.purchases:
        contract = catalog.entries["contracts"][bought.contract]
        k = names.index(PREFIX + bought.contract)
        profile[k] = payment_profile(study.years, study.deploy_year, int(contract["date"][:4]), alpha, beta)
        unit = sourced_to_base_musd(contract["price"], base, catalog)
        purchases[k] = bought.units * unit * profile[k]
        overlap = [name for name in contract.get("items") or [] if name in modelled and name not in bought.covers]
        notes.append(
            f"purchase {contract['id']} ({contract['contractor']}, {contract['date'][:4]}): {bought.units} x "
            f"{contract['price']['value']:,g} {contract['price']['unit']} {contract['price']['year']} = {bought.units * unit:,.0f} MUSD {base}, "
            f"paid from {max(int(contract['date'][:4]), study.years[0])} to the year before deployment; buys: {contract['buys']}"
            + (f"; it buys the architecture's {', '.join(bought.covers)}: " + (
                "the refuelled lander's landings it buys are not priced again per landing (trades.architecture.refuelled_lander)"
                if "crew_lander" in bought.covers and refuelled else
                "its hardware is not costed again by its relationship, its launches still are, from the study's mass") if bought.covers else "")
            + (f"; the architecture's own {', '.join(overlap)} item is costed beside it (an overlap unless it is another "
               "thing: purchases[].covers does not name it)" if overlap else "")
        )
        sources[f"purchase {contract['id']}"] = f"{contract['price']['source']}; bought because: {bought.source}"

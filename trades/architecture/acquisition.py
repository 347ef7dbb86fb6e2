"""How each cost item is acquired: government development, a commercial fixed-price contract,
or a service bought per use (the study's ``acquisition`` section; docs/model.md "Acquisition").

- **government_development** (cost-plus): the item's hardware is costed by the relationship of its
  element class (``trades/catalogs/cost.yaml``), as :func:`trades.architecture.costing.make_cost_plan`
  sets it up. The default for hardware.
- **fixed_price_contract**: the item is bought at the price of a real contract of
  ``trades/catalogs/contracts.yaml``, converted to base-year dollars, times the units bought, and
  paid over the development years with the development profile. The item's relationship elements
  are dropped (no development, production or learning of its own); its launch is still costed from
  the study's own mass. The price is *not* scaled with mass: a contract is one price for one
  contracted unit, not a mass-cost slope, and borrowing a relationship's exponent would mix a
  quoted price with a parametric estimate. A study that wants an element of another size costed
  for its size keeps government development.
- **service**: bought per use. A crew lander refuelled in orbit is priced per landing
  (:mod:`trades.architecture.refuelled_lander`). Crew transport is priced per crewed launch: seats x the seat price
  of a crew-transport service (Commercial Crew), or the price per launch of a crewed launch with its
  spacecraft (SLS with Orion); the catalog's default service for the crew vehicle applies when the
  study says nothing. With no such price, the vehicle's launch price stands in, with a note that
  no crew spacecraft is in it.

- **government_development** of crew transport: a programme of ``trades/catalogs/crew_programmes.yaml``
  (Apollo's Saturn V and CSM, SLS and Orion) costed from its stages, engines and spacecraft by
  :mod:`trades.architecture.government_development`: each crewed launch at its hardware cost, and
  development with the test flights' hardware paid over the crew transport's development years
  (:attr:`CrewPrice.development_musd`). :data:`CREW_TRANSPORT_MODES` maps a mode to the function
  that prices one crewed launch.
"""

from __future__ import annotations

import math

from dataclasses import dataclass

import numpy as np

from trades.errors import StudyError, StudyErrors
from trades.study.catalog import Catalog
from trades.study.money import sourced_to_base_musd

FIXED_PRICE_ITEMS = ("habitat", "life_support", "power", "isru", "reusable_lander")  # one unit, delivered with the outpost


UNKNOWN_SEATS = "seats of the crew spacecraft unknown: one crewed launch per rotation"


@dataclass
class CrewPrice:
    """The price of one crewed launch and what it buys."""

    musd: float | None  # base-year MUSD, or None when nothing prices it
    buys: str
    source: str
    launches_per_rotation: int = 1  # ceil(crew / seats) when the seats are known
    includes_spacecraft: bool = True  # False when the price is a launch only
    seats_source: str = UNKNOWN_SEATS
    development_musd: float = 0.0  # base-year MUSD paid over the item's development years (government development)
    development_buys: str = ""
    operations: dict | None = None  # a government-operated launcher's operations inputs (trades.architecture.launch_operations)
    programme: object | None = None  # the government programme's cost (ProgrammeCost), for cost risk


def _error(study, path: tuple, reason: str) -> StudyErrors:
    return StudyErrors([study.error(("acquisition",) + path, reason)])


def _contract(study, catalog: Catalog, item: str, contract_id: str) -> dict:
    contracts = catalog.entries["contracts"]
    if contract_id not in contracts:
        raise _error(study, (item, "contract"), f"unknown contract '{contract_id}'; one of {sorted(contracts)}")
    return contracts[contract_id]


def crew_launch_price(study, catalog: Catalog, vehicle: str, base_year: int) -> CrewPrice:
    """The price of one crewed launch on ``vehicle`` under the study's crew-transport mode."""
    chosen = study.acquisition.get("crew_transport")
    mode = chosen.mode if chosen is not None else "service"
    if mode not in CREW_TRANSPORT_MODES:
        raise _error(study, ("crew_transport", "mode"), f"'{mode}' does not apply to crew transport; one of {sorted(CREW_TRANSPORT_MODES)}")
    return CREW_TRANSPORT_MODES[mode](study, catalog, vehicle, base_year)


def _crew_service(study, catalog: Catalog, vehicle: str, base_year: int) -> CrewPrice:
    chosen = study.acquisition.get("crew_transport")
    if chosen is not None and chosen.contract is not None:
        contract_id = chosen.contract
        contract = _contract(study, catalog, "crew_transport", contract_id)
        if contract["kind"] != "service" or "crew_transport" not in contract["items"]:
            raise _error(study, ("crew_transport", "contract"), f"contract '{contract_id}' is not a crew-transport service ({contract['buys']})")
        if contract.get("crew_vehicle") != vehicle:
            raise _error(study, ("crew_transport", "contract"), _vehicle_mismatch(contract_id, contract, vehicle))
    else:
        defaults = [c for c in catalog.entries["contracts"].values()
                    if c.get("default_crew_transport") and c.get("crew_vehicle") == vehicle]
        if not defaults:
            return _launch_only(catalog, vehicle, base_year)
        contract = defaults[0]
    unit = sourced_to_base_musd(contract["price"], base_year, catalog)
    crew = study.outpost.crew_size
    seats = contract.get("seats")
    launches = math.ceil(crew / float(seats["value"]) - 1e-9) if seats else 1
    seats_source = (f"{crew:g} crew on {contract['id']}'s {seats['value']:g} seats a launch: {launches} launch(es) per rotation "
                    f"({seats['source']})") if seats else UNKNOWN_SEATS
    if contract["per"] == "seat":
        return CrewPrice(crew / launches * unit, f"{crew / launches:g} seats x {unit:,.1f} MUSD {base_year} a launch, {launches} launch(es) "
                         f"a rotation, the launches' other seats assumed sold to other customers ({contract['id']}: {contract['buys']})", f"{contract['id']}: {contract['price']['source']}",
                         launches, seats_source)
    return CrewPrice(unit, f"one crewed launch, {launches} a rotation ({contract['id']}: {contract['buys']})",
                     f"{contract['id']}: {contract['price']['source']}", launches, seats_source)


def _vehicle_mismatch(contract_id: str, contract: dict, vehicle: str) -> str:
    return (f"contract '{contract_id}' flies on '{contract.get('crew_vehicle') or 'a vehicle not in the catalog'}', "
            f"not on the study's crew vehicle '{vehicle}'")


def _launch_only(catalog: Catalog, vehicle: str, base_year: int) -> CrewPrice:
    from trades.architecture.costing import vehicle_price_musd

    price, source = vehicle_price_musd(catalog, vehicle, base_year)
    return CrewPrice(price, f"the price of a '{vehicle}' launch only: no crew spacecraft or seat price in the catalog", source,
                     includes_spacecraft=False)


def _crew_government_development(study, catalog: Catalog, vehicle: str, base_year: int) -> CrewPrice:
    """A crew launcher and spacecraft developed by the government: the study's programme costed
    from its stages, engines and spacecraft (:func:`programme_cost`)."""
    from trades.architecture.government_development import crewed_flights, programme_cost

    programme_id = study.acquisition["crew_transport"].programme  # presence and id checked by acquisition_errors
    entry = catalog.entry("crew_programmes", programme_id)
    if entry["crew_vehicle"] != vehicle:
        raise _error(study, ("crew_transport", "programme"), f"programme '{programme_id}' flies in place of "
                     f"'{entry['crew_vehicle']}', not the study's crew vehicle '{vehicle}'")
    crew, seats = study.outpost.crew_size, float(entry["seats"]["value"])
    launches = math.ceil(crew / seats - 1e-9)
    cost = programme_cost(catalog, programme_id, crewed_flights(study, launches), base_year, study)
    parts = ", ".join(f"{name} {dev:,.0f}" for name, dev, _ in cost.parts)
    buys = (f"one flight's hardware of {cost.name} (government development, {programme_id}): the crewed flights' average "
            f"on a learning curve after {cost.test_flights} test flights, first unit {cost.first_unit_musd:,.0f} MUSD {base_year}")
    development = (f"{cost.name} development {cost.development_musd:,.0f} MUSD {base_year} ({parts}), its ground facilities "
                   f"{cost.facilities_musd:,.0f}, " + (f"its programme items at their published cost {cost.programme_items_musd:,.0f}, "
                                                         if cost.programme_items_musd else "")
                   + f"the hardware of its {cost.test_flights} test flights {cost.test_flight_musd:,.0f} and their "
                   f"ground and mission operations {cost.test_flight_operations_musd:,.0f} (TRANSCOST), paid over the crew transport's "
                   "development years; each crewed launch's operations are charged in its year at the year's launch rate")
    return CrewPrice(cost.unit_musd, buys, " | ".join(cost.sources), launches,
                     seats_source=f"{crew:g} crew on {programme_id}'s {seats:g} seats a launch: {launches} launch(es) per rotation "
                     f"({entry['seats']['source']})", development_musd=cost.upfront_musd, development_buys=development,
                     operations=cost.operations_inputs, programme=cost)


#: crew-transport mode -> function pricing one crewed launch (study, catalog, vehicle, base year)
CREW_TRANSPORT_MODES = {"service": _crew_service, "government_development": _crew_government_development}


#: every cost item a study can have (relays are 'relay:<element id>'); which ones an architecture
#: has depends on it (make_cost_plan), checked again there
ITEM_NAMES = ("habitat", "life_support", "power", "isru", "cargo_transport", "reusable_lander", "crew_lander",
              "crew_transport", "operations")


def acquisition_errors(study, catalog: Catalog) -> list[StudyError]:
    """What ``trades validate`` can tell from the study and the catalogs alone: item names,
    contract ids, and whether the contract is of the mode's kind and buys that item."""
    errors = []
    contracts = catalog.entries["contracts"]
    for name, chosen in study.acquisition.items():
        path = ("acquisition", name)
        if name not in ITEM_NAMES and not name.startswith(("relay:", "module:")):
            errors.append(study.error(path, f"unknown cost item '{name}'; one of {list(ITEM_NAMES)}, 'relay:<element id>' or "
                                      "'module:<element id>'"))
            continue
        rule = _mode_rule(name, chosen)
        if rule:
            errors.append(study.error(path + ("mode",), rule))
            continue
        programmes = catalog.entries["crew_programmes"]
        if chosen.programme is not None and chosen.programme not in programmes:
            errors.append(study.error(path + ("programme",), f"unknown programme '{chosen.programme}'; one of {sorted(programmes)}"))
            continue
        if chosen.programme is not None and study.launch.crew_vehicle not in ("auto", programmes[chosen.programme]["crew_vehicle"]):
            errors.append(study.error(path + ("programme",), f"programme '{chosen.programme}' flies in place of "
                                      f"'{programmes[chosen.programme]['crew_vehicle']}', not the study's crew vehicle '{study.launch.crew_vehicle}'"))
            continue
        if chosen.contract is None:
            if chosen.mode == "fixed_price_contract":
                offered = sorted(c["id"] for c in contracts.values() if _buys(c, name) and c["kind"] == "fixed_price")
                errors.append(study.error(path + ("contract",), f"mode fixed_price_contract needs a contract id; for the {name}: {offered or 'none in the catalog'}"))
            continue
        if chosen.contract not in contracts:
            errors.append(study.error(path + ("contract",), f"unknown contract '{chosen.contract}'; one of {sorted(contracts)}"))
            continue
        contract = contracts[chosen.contract]
        kind = {"fixed_price_contract": "fixed_price", "service": "service"}.get(chosen.mode)
        if kind is None:
            errors.append(study.error(path + ("contract",), f"mode '{chosen.mode}' takes no contract (it is costed by its relationship)"))
        elif contract["kind"] != kind or not _buys(contract, name):
            errors.append(study.error(path + ("contract",), f"contract '{chosen.contract}' is not a {kind.replace('_', '-')} "
                                      f"contract for the {name} (it buys: {contract['buys']})"))
        elif name == "crew_transport" and study.launch.crew_vehicle not in ("auto", contract.get("crew_vehicle")):
            errors.append(study.error(path + ("contract",), _vehicle_mismatch(chosen.contract, contract, study.launch.crew_vehicle)))
    from trades.architecture.refuelled_lander import refuelled_errors  # a lander bought per landing

    flagged = {e.field for e in errors}  # one error per field: a contract already refused is not refused again
    return errors + [e for e in refuelled_errors(study, catalog) if e.field not in flagged]


def _buys(contract: dict, name: str) -> bool:
    """Whether a contract can stand for a cost item: an item it lists, or the outpost module
    (``module:<element id>``) that is its contracted element."""
    if name.startswith("module:"):
        return contract.get("element") == name.removeprefix("module:")
    return name in contract["items"]


def _mode_rule(name: str, chosen) -> str | None:
    """Why a mode cannot apply to an item, or None."""
    if chosen.programme is not None and not (name == "crew_transport" and chosen.mode == "government_development"):
        return "programme applies to crew_transport with mode government_development only"
    if name == "crew_transport":
        if chosen.mode == "government_development":
            if chosen.programme is None:
                return ("government development of crew transport needs a programme of trades/catalogs/crew_programmes.yaml "
                        "(its launcher, spacecraft and test flights)")
            return None
        if chosen.mode == "fixed_price_contract":
            return "crew transport is bought per crewed launch: use mode 'service'"
        return None
    if chosen.mode == "service" and name != "crew_lander":  # a refuelled lander per landing (refuelled_lander.py)
        return ("a service bought per use applies to crew_transport only, and per landing to a refuelled crew_lander "
                "(cargo prices per kg in the contracts catalog are shown beside the modelled cargo cost)")
    if chosen.mode == "fixed_price_contract" and name not in FIXED_PRICE_ITEMS and not name.startswith("module:"):
        return (f"a fixed-price contract applies to hardware delivered once with the outpost ({', '.join(FIXED_PRICE_ITEMS)}); "
                f"'{name}' recurs or is not hardware (the HLS awards buy one or two landings; a lander refuelled in orbit "
                "is bought per landing, mode 'service')")
    if chosen.mode == "government_development" and chosen.units != 1:
        return "government_development takes no units (it is costed by its relationship)"
    return None


def contract_purchases(study, catalog: Catalog, items: list, elements: list, profile: np.ndarray,
                       notes: list[str], sources: dict[str, str]) -> tuple[np.ndarray, list]:
    """Contract prices per item and year (base-year MUSD), paid over each item's development
    ``profile`` (items x years), and the cost elements left to the relationships (entries already checked by :func:`acquisition_errors`); an item this
    architecture does not have is a :class:`StudyErrors` naming the key."""
    names = [item.name for item in items]
    purchases = np.zeros((len(items), profile.shape[1]))
    errors: list[StudyError] = []
    base = study.campaign.dollar_base_year
    bought: set[int] = set()
    for name, chosen in study.acquisition.items():
        if name not in names:
            errors.append(study.error(("acquisition", name), f"'{name}' is not a cost item of this architecture; one of {names}"))
            continue
        if name == "crew_transport" or chosen.mode != "fixed_price_contract":
            continue  # crew transport is priced per launch by crew_launch_price; modes checked by acquisition_errors
        contract = catalog.entries["contracts"][chosen.contract]  # id, kind and items checked by acquisition_errors
        i = names.index(name)
        unit = sourced_to_base_musd(contract["price"], base, catalog)
        purchases[i] = chosen.units * unit * profile[i]
        bought.add(i)
        element = catalog.entries["elements"].get(contract.get("element") or "", {})
        mass = (element.get("mass_kg") or {}).get("value")
        notes.append(
            f"{name} bought under fixed-price contract {contract['id']} ({contract['contractor']}, {contract['date'][:4]}): "
            f"{chosen.units} x {contract['price']['value']:,g} {contract['price']['unit']} {contract['price']['year']} = "
            f"{chosen.units * unit:,.0f} MUSD {base}, paid over the development years; not scaled with mass "
            f"(contracted element {contract.get('element') or '-'}: " + (f"{mass / 1000:.1f} t" if mass else "mass not in the catalog")
            + "); its launch is costed from the study's mass"
        )
        sources[f"contract {name}"] = f"{contract['id']}: {contract['price']['source']}"
    if errors:
        raise StudyErrors(errors)
    return purchases, [e for e in elements if e.item not in bought]

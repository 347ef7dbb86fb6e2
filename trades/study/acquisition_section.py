"""The study's optional ``acquisition`` section: how each cost item is bought (see
:mod:`trades.architecture.acquisition` for what each mode costs)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from trades.study.sections import _Strict

ACQUISITION_MODES = ("government_development", "fixed_price_contract", "service")


class Acquisition(_Strict):
    """How one cost item is acquired."""

    mode: Literal["government_development", "fixed_price_contract", "service"] = Field(
        ...,
        description="government_development: developed cost-plus, costed by its element class's cost relationship "
        "(the default for hardware); fixed_price_contract: bought at the price of a real contract of the contracts "
        "catalog (trades/catalogs/contracts.yaml), paid over the development years, not scaled with mass; service: "
        "bought per use at a contract's price (crew_transport: per seat or per crewed launch; the default for crew "
        "transport when the catalog has a price for the crew vehicle; crew_lander: per landing, for a lander refuelled "
        "in orbit, its default).",
    )
    contract: str | None = Field(
        None,
        description="Contract id from the contracts catalog: needed by fixed_price_contract; for service, "
        "default: the catalog's crew-transport price for the study's crew vehicle, or its landing service for a "
        "refuelled crew lander (hls_spacex_option_b_2022 for starship_hls).",
    )
    programme: str | None = Field(
        None,
        description="crew_transport with government_development: the id of a programme of the crew programmes "
        "catalog (trades/catalogs/crew_programmes.yaml; e.g. apollo_saturn_v_csm, artemis_sls_orion): its launcher "
        "costed from its stages and engines (TRANSCOST), its spacecraft by their element class, development and "
        "test flights paid over the crew transport's development years, each crewed launch at its hardware cost.",
    )
    units: int = Field(
        1, ge=1, le=100,
        description="fixed_price_contract: how many units of the contracted element the study buys, each at the "
        "contract price (no learning: a contract's price for one unit says nothing of the next).",
    )

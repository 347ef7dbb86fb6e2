"""The study's optional ``purchases`` section: real contracts a programme buys beside the
architecture's own cost items (a lander, a station's modules, spacesuits bought under fixed-price
contracts), each at its catalogued price (``trades/catalogs/contracts.yaml``). What they cost and
when they are paid: :mod:`trades.architecture.programme_purchases`."""

from __future__ import annotations

from pydantic import Field

from trades.study.sections import _Strict


class Purchase(_Strict):
    """One contract the programme buys, at its catalogued price."""

    contract: str = Field(..., min_length=1, description="Contract id from the contracts catalog (trades/catalogs/contracts.yaml).")
    units: int = Field(1, ge=1, le=100, description="How many times the contract's price is paid (its contracted scope each time).")
    source: str = Field(
        ..., min_length=3,
        description="Why the study buys it: the source that says the programme bought or flies it (report, announcement, date).",
    )
    covers: list[str] = Field(
        default_factory=list,
        description=(
            "The architecture's own cost items this contract buys (each among the contract's items in "
            "trades/catalogs/contracts.yaml, e.g. crew_lander for a lander award): their hardware is not costed again by its "
            "relationship; their launches still are, from the study's mass. Empty: the contract is bought beside every item."
        ),
    )

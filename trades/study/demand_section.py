"""The study's ``coalitions.demand:``: each partner's demand on the outpost, which makes the
coalition game demand-based (issue 19 item 1): a coalition's stand-alone mission serves only its
members' demand (:func:`trades.analyses.coalition_demand.demand_fraction`)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from trades.study.sections import _Strict

Share = Annotated[float, Field(ge=0, allow_inf_nan=False)]


class CoalitionDemand(_Strict):
    """Each partner's share of the outpost's use (crew time), as the ISS agreements allocate it.

    A coalition ``S`` flies ``D(S) / D(N)`` of the study's crew rotations (``D``: the summed
    shares), to the same outpost: the outpost is the fixed cost every coalition pays, crew
    flights, landers and supplies follow demand (the airport game's structure)."""

    shares: dict[str, Share] = Field(
        ..., description="Partner id -> its share of the outpost's use (crew time), in any unit (normalised by the sum), "
        "e.g. the ISS US-segment allocations 76.6 / 12.8 / 8.3 / 2.3. Every partner is listed; 0 for a partner that wants none.")
    source: str = Field(..., min_length=3, description="Where the shares come from (an agreement, a study assumption).")


def demand_errors(study) -> list[tuple[tuple, str]]:
    """What is wrong with ``coalitions.demand`` (key path, reason): an id not a partner, a partner
    not listed, no demand at all, the rotations it scales made a design variable."""
    demand = study.coalitions.demand
    if demand is None:
        return []
    where, ids = ("coalitions", "demand", "shares"), [p.id for p in study.partners]
    errors = [(where + (pid,), f"'{pid}' is not a partner of the study {ids}") for pid in demand.shares if pid not in ids]
    missing = [pid for pid in ids if pid not in demand.shares]
    if missing:
        errors.append((where, f"no demand for {missing}: list every partner (0 for one that wants none)"))
    if not sum(demand.shares.values()) > 0:
        errors.append((where, "every share is 0: nobody wants the outpost"))
    if any(dv.name == "crew.rotations_per_year" for dv in study.design_variables):
        errors.append((("coalitions", "demand"), "a demand-based game scales outpost.rotations_per_year to each coalition's "
                       "demand: it cannot also be a design variable"))
    if study.outpost.rotations_per_year == 0:
        errors.append((("coalitions", "demand"), "outpost.rotations_per_year is 0: there is no crew time to share"))
    return errors

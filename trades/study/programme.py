"""Programme-level sections of a study file: the development schedule before first flight and
the programme wraps (systems engineering and integration, test flights, ground systems,
reserves) put above the costed elements."""

from __future__ import annotations

from pydantic import Field

from trades.study.sections import Fraction, _Strict


class Schedule(_Strict):
    """How long development runs before the outpost's first flight (its deployment year).

    With ``development_years`` set, the development of every costed item is spread by the
    catalog's S-curve over the ``development_years`` calendar years before
    ``outpost.deploy_year``, and the model's years start at the earlier of
    ``campaign.start_year`` and ``deploy_year - development_years``: the spending before the
    campaign's first year appears in the yearly tables and against the partners' budget caps.
    Without it, development is spread from ``campaign.start_year`` to the year before
    deployment (in the start year alone when the outpost deploys in it)."""

    development_years: int | None = Field(
        None, ge=1, le=30,
        description="Years of development before the deployment year (study-set; cite it in input_sources). "
        "None: from campaign.start_year to the year before deployment.",
    )


class Wraps(_Strict):
    """Programme wraps as fractions of the hardware items' development cost (the elements'
    relationships), each paid by the item's providers. ``None`` takes the catalog's
    ``cost.programme_wraps`` value. Mission operations are not a wrap: they are the operations
    item (per crew position and year). TRANSCOST's f0 (systems engineering within a vehicle of
    several stages) stays inside the element relationships; these wraps are above the elements."""

    systems_engineering_integration: Fraction | None = Field(None, description="SE&I above the elements (unitless fraction of development).")
    test_flights: Fraction | None = Field(None, description="Test flights before the first operational one (unitless fraction of development).")
    ground_systems: Fraction | None = Field(None, description="Ground systems and facilities (unitless fraction of development).")
    reserves: Fraction | None = Field(None, description="Programme reserves (unitless fraction of development).")

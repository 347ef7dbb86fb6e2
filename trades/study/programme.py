"""Programme-level sections of a study file: the development schedule before first flight and
the programme wraps (systems engineering and integration, test flights, ground systems,
reserves) put above the costed elements."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from trades.study.sections import Fraction, _Strict


# cost items that carry hardware (trades.architecture.costing), besides relay:<element id>
HARDWARE_ITEMS = frozenset({"habitat", "life_support", "power", "isru", "cargo_transport", "reusable_lander", "crew_lander", "mars_crew_vehicle"})


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
        "None: from the model's first year to the year before deployment.",
    )
    development_years_by_item: dict[str, Annotated[int, Field(ge=1, le=30)]] = Field(
        default_factory=dict,
        description="Development years of named cost items (habitat, life_support, power, isru, cargo_transport, "
        "reusable_lander, crew_lander, relay:<id>), overriding development_years for them (study-set; cite them in input_sources).",
    )

    class_durations: bool = Field(
        False,
        description="True: each cost item without its own development_years_by_item span takes its element class's "
        "catalog duration (cost.development_durations: crew vehicle, lander, habitat; sourced); items of no class "
        "keep development_years.",
    )

    def class_spans(self) -> dict[str, int]:
        """The catalog's development span of each cost item that has an element class, when
        ``class_durations`` is set (else none), items with a span of their own left out."""
        if not self.class_durations:
            return {}
        from trades.study.catalog import _load_packaged  # read only: no copy

        durations = _load_packaged().entry("cost", "default")["development_durations"]
        return {item: int(durations["classes"][cls]["value"]) for item, cls in durations["item_class"].items()
                if item not in self.development_years_by_item}

    def span(self, item: str, default: int | None) -> int | None:
        """An item's development span: its own, else its class's (``class_durations``), else ``default``."""
        return self.development_years_by_item.get(item, self.class_spans().get(item, default))

    def longest(self) -> int | None:
        """The longest development span set, or None when none is (class spans count for every
        classed item, whether or not the architecture has it)."""
        spans = [d for d in (self.development_years, *self.development_years_by_item.values(), *self.class_spans().values())
                 if d is not None]
        return max(spans) if spans else None


class Wraps(_Strict):
    """Programme wraps above the elements, as fractions of each hardware item's development.

    Each is a fraction of the development from the elements' relationships, paid by the item's
    providers. ``None`` takes the catalog's
    ``cost.programme_wraps`` value. Mission operations are not a wrap: they are the operations
    item (per crew position and year). TRANSCOST's f0 (systems engineering within a vehicle of
    several stages) stays inside the element relationships; these wraps are above the elements."""

    systems_engineering_integration: Fraction | None = Field(None, description="SE&I above the elements (unitless fraction of development).")
    test_flights: Fraction | None = Field(None, description="Test flights before the first operational one (unitless fraction of development).")
    ground_systems: Fraction | None = Field(None, description="Ground systems and facilities (unitless fraction of development).")
    reserves: Fraction | None = Field(None, description="Programme reserves (unitless fraction of development).")

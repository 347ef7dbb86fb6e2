"""The study's optional ``cost`` section: which cost relationship costs each element type, when a
study departs from the catalog's table (``element_cost_relationship`` in
``trades/catalogs/cost.yaml``).

The names it may use (element types, TRANSCOST categories, AMCM specifications) are the catalog's;
:mod:`trades.architecture.cost_relationships` checks them against it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from trades.study.sections import PositiveFloat, _Strict

#: TRANSCOST correction factors a study may set per element type (f0, f6, f7, f9 apply to a whole
#: launch vehicle; f8 is the partner's cost_factor; f4 is the learning curve)
ELEMENT_FACTORS = ("f1", "f2", "f3", "f10", "f11")


class ElementRelationship(_Strict):
    """The relationship that costs one element type."""

    method: Literal["transcost", "amcm"] = Field(..., description="'transcost' (Koelle's CERs) or 'amcm' (NASA's AMCM).")
    category: str | dict[str, str] | None = Field(
        None,
        description="transcost: the CER category (e.g. expendable_stage_lh2), or propellant -> category with a 'default' "
        "(e.g. {lox_lh2: engine_lh2_turbofed, default: engine_storable_turbofed}).",
    )
    specification: str | None = Field(None, description="amcm: the AMCM specification (e.g. habitat, planetary_lander).")
    factors: dict[Literal["f1", "f2", "f3", "f10", "f11"], PositiveFloat] = Field(
        default_factory=dict,
        description="transcost: correction factors (unitless), e.g. {f1: 1.3, f3: 0.8}; 1 when not given. f1 f2 f3 multiply "
        "development, f10 f11 development and production.",
    )
    source: str | None = Field(None, min_length=3, description="Why this relationship fits the element (shown with its cost).")


class CostSection(_Strict):
    """Cost settings of the study (optional)."""

    relationships: dict[str, ElementRelationship] = Field(
        default_factory=dict,
        description="element type -> relationship, replacing the catalog's element_cost_relationship entry; e.g. "
        "habitat: {method: amcm, specification: habitat}. Element types: habitat, life_support, crew_spacecraft, "
        "crew_lander, cargo_lander, logistics_vehicle, departure_stage, propulsion_module, launch_vehicle_stage, "
        "rocket_engine, power, isru, relay, rover.",
    )

"""The ``transportation.mars_crew.surface_access`` section of a study: how each crew reaches the
Martian surface and leaves it again (the crew's descent vehicle and the Mars ascent vehicle,
pre-deployed one window ahead)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class MarsSurfaceAccess(BaseModel):
    """The crew's descent vehicle and Mars ascent vehicle (MAV), one each per mission.

    The MAV is a crew cabin on an ascent stage sized by the rocket equation for the climb from the surface to
    the one-sol parking orbit where the transit vehicle waits; it leaves Earth in the window before
    its crew's and is landed by the cargo landing chain (entry and descent systems counted as
    delivery systems, not payload). The crew descends from the parking orbit in a cabin of the
    same kind, landed by the same entry and descent fractions, which the transit vehicle carries
    through its departure and capture burns. Ascent propellant is carried from Earth, or only its
    fuel when ``ascent_oxidizer_from_isru`` lands an oxygen plant with it that makes the oxidizer
    from the Martian atmosphere after landing, by the deadline ``isru_oxygen_ready_by``."""

    model_config = ConfigDict(extra="forbid", validate_default=True, strict=True)

    ascent_propellant: str | None = Field(
        None,
        description="Propellant id (propellants catalog) of the ascent stage; default: transportation.lander_propellant.",
    )
    cabin: str = Field(
        "mars_crew_cabin",
        description="Element id (elements catalog, with mass_per_crew_kg) of the crew cabin of the ascent and descent vehicles.",
    )
    cabin_mass_per_crew_kg: float | None = Field(
        None, gt=0, allow_inf_nan=False,
        description="Cabin mass per crew member [kg], replacing the catalog's (the study must cite its source in input_sources).",
    )
    descent_vehicle: Literal["with_crew", "predeployed_in_orbit"] = Field(
        "with_crew",
        description="How the crew's descent vehicle reaches the one-sol parking orbit: with_crew, carried by the crew's transit "
        "vehicle through its departure and capture burns; predeployed_in_orbit, sent one window ahead on the cargo route's "
        "stages (that window's transfer, captured propulsively or by its own aeroshell as the cargo is) to wait for the crew "
        "in the parking orbit, so the transit vehicle carries the crew payload only (DRA 5.0's split).",
    )
    ascent_oxidizer_from_isru: bool = Field(
        False,
        description="The MAV lands with its fuel only, beside an oxygen plant (Mars atmosphere, solid oxide electrolysis) and its "
        "fission power, which make the oxidizer after the MAV lands, by isru_oxygen_ready_by (DRA 5.0's architecture).",
    )
    isru_oxygen_ready_by: Literal["crew_earth_departure", "crew_ascent"] = Field(
        "crew_earth_departure",
        description="When the plant must have made the MAV's oxygen: before its crew leaves Earth (a go/no-go: no crew is "
        "sent to an ascent vehicle whose tanks are not yet full), or by the crew's ascent from Mars. Sets the production time "
        "the plant is sized for.",
    )
    isru_plant_mass_per_rate_kg_per_kg_h: float | None = Field(
        None, gt=0, allow_inf_nan=False,
        description="Oxygen plant mass per kg/h of oxygen [kg/(kg/h)], replacing the catalog's "
        "mars_isru_oxygen_plant_mass_per_rate_kg_per_kg_h (the study must cite its source in input_sources).",
    )
    isru_specific_energy_kwh_per_kg: float | None = Field(
        None, gt=0, allow_inf_nan=False,
        description="Plant energy per kg of oxygen [kWh/kg], replacing the catalog's mars_isru_oxygen_specific_energy_kwh_per_kg "
        "(the study must cite its source in input_sources).",
    )
    surface_boiloff_rate_per_day: float | None = Field(
        None, ge=0, le=0.1, allow_inf_nan=False,
        description="Fraction of the MAV's propellant boiled off per day on the surface, from landing to ascent [1/d]; default: "
        "none counted (no sourced rate on the Martian surface; the study must cite one in input_sources).",
    )

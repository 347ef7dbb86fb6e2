"""The interplanetary windows of a study's ``transportation`` section: the Mars cargo window and a
near-Earth-asteroid round trip (their transfers are computed from the JPL ephemeris)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Strict(BaseModel):
    # as trades.study.sections: strict, unknown keys are errors
    model_config = ConfigDict(extra="forbid", validate_default=True, strict=True)


class MarsWindow(_Strict):
    """A Mars launch window: the transfer is computed from the JPL ephemeris, not taken from a table."""

    year: int = Field(..., ge=1901, le=2049, description="Calendar year of departure.")
    transfer_type: Literal[1, 2] = Field(2, description="Type I (under 180 deg) or type II transfer.")
    objective: Literal["min_dv", "min_c3"] = Field(
        "min_dv", description="Which transfer of the window: least total delta-v or least departure C3."
    )
    departure_span_days: float = Field(
        30.0, gt=2, le=120, allow_inf_nan=False,
        description="Half-width of the departure dates the model may move around the chosen transfer [d].",
    )
    tof_span_days: float = Field(
        40.0, gt=2, le=150, allow_inf_nan=False,
        description="Half-width of the times of flight the model may move around the chosen transfer [d].",
    )


class AsteroidWindow(MarsWindow):
    """A near-Earth-asteroid round trip, its outbound transfer chosen in the year's window.

    As for Mars, the outbound transfer is the window's; the Earth return is the least-delta-v
    Lambert leg that fits the stay and the mission length (defaults: the NHATS filter, Barbee et
    al., AAS 11-444, 2011)."""

    stay_days: float = Field(
        8.0, ge=1, le=365, allow_inf_nan=False,
        description="Least time at the asteroid [d] (NHATS: at least 8 d); the return may leave later if that costs less.",
    )
    max_mission_days: float = Field(
        450.0, ge=60, le=1000, allow_inf_nan=False,
        description="Longest round trip, Earth departure to Earth return [d] (NHATS: 450 d); the outbound "
        "flight takes at most half of it.",
    )
    require_entry_rating: bool = Field(
        False,
        description="Choose the Earth return among those whose direct entry is within the crew spacecraft's rating "
        "(elements.<launch.crew_spacecraft>.max_entry_speed_km_s), as crewed Mars missions do, and stop (exit 3) when "
        "none is; false: the least-burn return, its entry speed reported against the rating.",
    )

"""The ``transportation.mars_crew`` section of a study: crewed Mars missions planned per launch
window (each departs in a window the toolkit finds, flies its own transfer there and back)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from trades.study.mars_ascent import MarsSurfaceAccess


class MarsCrew(BaseModel):
    """Crewed missions to Mars, one per launch window from ``first_window`` on, in the style of
    DRA 5.0: the crew's transit habitat and Earth-entry capsule leave low Earth orbit on their own
    stages (trans-Mars injection, Mars orbit capture, trans-Earth injection, all on the departure
    propellant), the return leaves Mars after the surface stay and the capsule enters Earth's
    atmosphere directly."""

    model_config = ConfigDict(extra="forbid", validate_default=True, strict=True)

    first_window: int = Field(..., ge=1901, le=2047, description="Calendar year of the first crewed departure window.")
    missions: int = Field(1, ge=1, le=8, description="Crewed missions, one per window (windows recur every ~26 months).")
    transfer_type: Literal[1, 2] = Field(1, description="Type of the crew's outbound transfer (DRA 5.0: fast, type I).")
    objective: Literal["min_dv", "min_c3"] = Field("min_dv", description="Which transfer of each window the crew flies.")
    return_capsule: str = Field(
        "orion_crew_module",
        description="Element id (elements catalog, with crew and max_entry_speed_km_s) of the capsule that "
        "returns the crew and enters Earth's atmosphere directly.",
    )
    max_return_days: float = Field(
        600.0, gt=30, le=1500, allow_inf_nan=False,
        description="The return leaves Mars after the surface stay and reaches Earth at most this many days after the stay ends [d]: the search span of its window (with stay: window, after the longest stay of the range).",
    )
    stay: Literal["fixed", "window"] = Field(
        "fixed",
        description="How each mission's surface stay is set: fixed, the return leaves Mars no earlier than outpost.stay_days "
        "after arrival (a minimum, the same for every mission); window, each mission's stay is chosen between min_stay_days "
        "and max_stay_days so that its return (the least Earth-return burn whose Earth entry is within the capsule's rating) "
        "is the best that leaves Mars in that range (a conjunction-class stay that follows the return window).",
    )
    min_stay_days: float | None = Field(
        None, ge=30, le=1000, allow_inf_nan=False,
        description="With stay: window, the shortest surface stay a mission may take [d] (arrival at Mars to the return's departure).",
    )
    max_stay_days: float | None = Field(
        None, ge=30, le=1000, allow_inf_nan=False,
        description="With stay: window, the longest surface stay a mission may take [d]; the surface habitat is sized for "
        "the longest stay chosen, each mission supplied for its own.",
    )
    stage_arrangement: Literal["stage_per_burn", "core_stage"] = Field(
        "stage_per_burn",
        description="How the crew vehicle's three burns are made: stage_per_burn, a stage with its own engines and tanks for "
        "each burn, dropped after it; core_stage, one stage whose engines (sized for the first burn) make every burn and stay "
        "with the vehicle, each burn's propellant in its own tank dropped after that burn (DRA 5.0's nuclear-thermal crew "
        "vehicle: one core stage with a drop tank).",
    )
    crew_share: float = Field(
        1.0, gt=0, le=1, allow_inf_nan=False,
        description="The share of each mission's crew the study flies: the crew vehicles, ascent and descent vehicles, "
        "crew launches and crew-days of every mission scale with it, the vehicles' design does not (trades coalitions "
        "sets it to a coalition's demand share D(S)/D(N) in the demand game); 1, a whole crew per mission.",
    )
    surface_access: MarsSurfaceAccess = Field(
        default_factory=MarsSurfaceAccess,
        description="The crew's descent vehicle and Mars ascent vehicle (one each per mission, the ascent vehicle "
        "pre-deployed one window ahead), flown, launched and costed.",
    )

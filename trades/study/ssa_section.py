"""The study's optional ``ssa`` section: a space situational awareness system shared by the
partners (sensors of ``trades/catalogs/ssa_sensors.yaml``), its requirement, and whether it is
shared or each partner fields its own. What it costs and how it is sized: :mod:`trades.architecture.ssa`."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from trades.study.sections import _Strict


class SsaSensorChoice(_Strict):
    """A sensor type the system may field."""

    type: str = Field(..., min_length=1, description="Sensor id from the SSA sensor catalog (trades/catalogs/ssa_sensors.yaml).")
    max_count: int = Field(4, ge=0, le=10, description="Most units of this type the system may field.")


class Ssa(_Strict):
    """A shared space situational awareness system: the sensors it may field and what it must do.
    The toolkit fields the cheapest whole number of units of each type that meets the
    requirement (exhaustive search); the optimizer then chooses which partner provides each type
    (work shares of each sensor type, as for every other cost item)."""

    sensors: list[SsaSensorChoice] = Field(..., min_length=1, max_length=8, description="Sensor types the system may field.")
    object_diameter_m: float = Field(
        1.0, ge=0.05, le=10,
        description="Diameter of the smallest objects that must be tracked [m]; 0.05-10 m, the range over which the sensors' "
        "published detections (0.1-0.24 m at 36,000 km) are scaled.",
    )
    tracked_share_min: float = Field(
        0.0, ge=0, le=1,
        description="Share of the cislunar volume (geosynchronous radius to the Moon's distance) in which such an object must be "
        "watched; 0: no tracking requirement.",
    )
    warning_minutes_min: float = Field(
        0.0, ge=0, le=1000,
        description="Warning a crew must get of a solar storm's shock (and the energetic particles it drives) from monitors at "
        "Sun-Earth L1 [min]; 0: no warning requirement.",
    )
    shock_speed_km_s: float = Field(
        1000.0, gt=0, le=5000, description="Speed of the design event's shock (a fast coronal mass ejection) [km/s].",
    )
    monitors_min: int = Field(1, ge=1, le=5, description="Monitors at L1 when a warning is required (more than one: a spare in orbit).")
    sharing: Literal["shared", "national"] = Field(
        "shared",
        description="shared: one system, its sensors provided by the partners that can (shares chosen by the optimizer); "
        "national: each partner fields (buys) a whole system of its own meeting the requirement.",
    )
    data_users: list[str] = Field(
        default_factory=list, max_length=30,
        description="Partners that want the system's data and no crew time (demand 0). In the demand game (trades coalitions) a "
        "coalition of such partners alone fields the SSA system without the outpost and pays for it; a coalition with crew "
        "demand fields it for its crews. No effect outside the demand game.",
    )

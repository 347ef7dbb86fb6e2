"""Space situational awareness: how far sensors see an object of a given size, what share of the
cislunar volume they watch, and how long before a solar storm's shock a crew is warned."""

from trades.models.ssa.detection_range import DetectionRange
from trades.models.ssa.ssa_group import SsaGroup
from trades.models.ssa.tracked_share import TrackedShare, reach_probability, sample_points, tracked_share
from trades.models.ssa.warning_time import WarningTime

__all__ = ["DetectionRange", "SsaGroup", "TrackedShare", "WarningTime", "reach_probability", "sample_points", "tracked_share"]

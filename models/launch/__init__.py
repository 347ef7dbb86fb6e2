"""Launch discipline: launches per vehicle per year, launch reliability, launch mass per cost item."""

from models.launch.attribution import LaunchMassByItem
from models.launch.launch_count import CrewLaunches, LaunchCount

__all__ = ["CrewLaunches", "LaunchCount", "LaunchMassByItem"]

"""Launch discipline: launches per vehicle per year and launch reliability."""

from models.launch.launch_count import CrewLaunches, LaunchCount

__all__ = ["CrewLaunches", "LaunchCount"]

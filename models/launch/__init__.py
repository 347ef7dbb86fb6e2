"""Launch discipline: launches per vehicle per year, launch reliability, launch mass per cost item."""

from trades.models.launch.attribution import LaunchMassByItem
from trades.models.launch.launch_count import CrewLaunches, LaunchCount
from trades.models.launch.vehicle_flights import VehicleFlights

__all__ = ["CrewLaunches", "LaunchCount", "LaunchMassByItem", "VehicleFlights"]

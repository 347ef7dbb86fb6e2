"""Logistics discipline: crew schedule, consumables and the yearly delivery manifest."""

from trades.models.logistics.consumables import Consumables, smooth_min
from trades.models.logistics.crew_lander_demand import CrewLanderDemand
from trades.models.logistics.crew_schedule import CrewSchedule
from trades.models.logistics.manifest import DeliveryManifest

__all__ = ["Consumables", "CrewLanderDemand", "CrewSchedule", "DeliveryManifest", "smooth_min"]

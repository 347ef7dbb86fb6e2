"""Logistics discipline: crew schedule, consumables and the yearly delivery manifest."""

from models.logistics.consumables import Consumables, smooth_min
from models.logistics.crew_lander_demand import CrewLanderDemand
from models.logistics.crew_schedule import CrewSchedule
from models.logistics.manifest import DeliveryManifest

__all__ = ["Consumables", "CrewLanderDemand", "CrewSchedule", "DeliveryManifest", "smooth_min"]

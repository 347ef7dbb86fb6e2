"""Logistics discipline: crew schedule, consumables, make-up gas, EVA, expendables,
crew provisions, utilisation cargo, station-keeping propellant and the yearly manifest."""

from trades.models.logistics.atmosphere_makeup import AtmosphereMakeup
from trades.models.logistics.consumables import Consumables, smooth_min
from trades.models.logistics.crew_lander_demand import CrewLanderDemand
from trades.models.logistics.crew_provisions import CrewProvisions
from trades.models.logistics.crew_schedule import CrewSchedule
from trades.models.logistics.eva_consumables import EvaConsumables
from trades.models.logistics.life_support_expendables import LifeSupportExpendables
from trades.models.logistics.manifest import DeliveryManifest
from trades.models.logistics.station_keeping import StationKeepingPropellant
from trades.models.logistics.utilisation_cargo import UtilisationCargo

__all__ = [
    "AtmosphereMakeup", "Consumables", "CrewLanderDemand", "CrewProvisions", "CrewSchedule", "DeliveryManifest", "EvaConsumables",
    "LifeSupportExpendables", "StationKeepingPropellant", "UtilisationCargo", "smooth_min",
]

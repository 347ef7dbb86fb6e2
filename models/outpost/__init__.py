"""Outpost discipline: habitat, power, life-support hardware and ISRU plant."""

from trades.models.outpost.habitat import HabitatSizing
from trades.models.outpost.isru import IsruPlant
from trades.models.outpost.life_support import LifeSupportHardware
from trades.models.outpost.power import PowerDemand, PowerSystem

__all__ = ["HabitatSizing", "IsruPlant", "LifeSupportHardware", "PowerDemand", "PowerSystem"]

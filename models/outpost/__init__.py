"""Outpost discipline: habitat, power, life-support hardware and ISRU plant."""

from models.outpost.habitat import HabitatSizing
from models.outpost.isru import IsruPlant
from models.outpost.life_support import LifeSupportHardware
from models.outpost.power import PowerDemand, PowerSystem

__all__ = ["HabitatSizing", "IsruPlant", "LifeSupportHardware", "PowerDemand", "PowerSystem"]

"""Transfer discipline: stages sized by the rocket equation along a route of delta-v legs."""

from models.transfer.chain import StageChain
from models.transfer.entry_descent import EntryDescent
from models.transfer.reusable_lander import ReusableLander
from models.transfer.rocket_stage import STANDARD_GRAVITY, RocketStage
from models.transfer.trajectory import TransferTable

__all__ = ["EntryDescent", "ReusableLander", "RocketStage", "STANDARD_GRAVITY", "StageChain", "TransferTable"]

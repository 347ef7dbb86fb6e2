"""Transfer discipline: stages sized by the rocket equation along a route of delta-v legs."""

from trades.models.transfer.chain import StageChain
from trades.models.transfer.entry_descent import EntryDescent
from trades.models.transfer.reusable_lander import ReusableLander
from trades.models.transfer.rocket_stage import STANDARD_GRAVITY, RocketStage
from trades.models.transfer.trajectory import TransferTable

__all__ = ["EntryDescent", "ReusableLander", "RocketStage", "STANDARD_GRAVITY", "StageChain", "TransferTable"]

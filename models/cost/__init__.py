"""Cost discipline: TRANSCOST and AMCM element cost, learning curves, spend per item and year,
present value."""

from trades.models.cost.amcm import AmcmCost
from trades.models.cost.learning import LearningCurveProduction
from trades.models.cost.present_value import PresentValue
from trades.models.cost.rollup import CostRollup
from trades.models.cost.spend import ItemSpend, OperationsCost
from trades.models.cost.transcost import TranscostCost

__all__ = ["AmcmCost", "CostRollup", "ItemSpend", "LearningCurveProduction", "OperationsCost", "PresentValue", "TranscostCost"]

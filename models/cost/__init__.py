"""Cost discipline: TRANSCOST and AMCM element cost, learning curves, spend per item and year,
present value."""

from models.cost.amcm import AmcmCost
from models.cost.learning import LearningCurveProduction
from models.cost.present_value import PresentValue
from models.cost.rollup import CostRollup
from models.cost.spend import ItemSpend, OperationsCost
from models.cost.transcost import TranscostCost

__all__ = ["AmcmCost", "CostRollup", "ItemSpend", "LearningCurveProduction", "OperationsCost", "PresentValue", "TranscostCost"]

"""Cost discipline: AMCM element cost, learning curves, present value (more to come with the cost issue)."""

from models.cost.amcm import AmcmCost
from models.cost.learning import LearningCurveProduction
from models.cost.present_value import PresentValue

__all__ = ["AmcmCost", "LearningCurveProduction", "PresentValue"]

"""Cost discipline: learning curves and present value (more to come with the cost issue)."""

from models.cost.learning import LearningCurveProduction
from models.cost.present_value import PresentValue

__all__ = ["LearningCurveProduction", "PresentValue"]

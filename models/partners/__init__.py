"""Partners discipline: work shares, coordination overhead (more to come with cost and budgets)."""

from models.partners.coordination import CoordinationOverhead

__all__ = ["CoordinationOverhead"]

"""Partners discipline: coordination overhead of shared elements, contributions and payments."""

from models.partners.contributions import PartnerContributions
from models.partners.coordination import CoordinationOverhead

__all__ = ["CoordinationOverhead", "PartnerContributions"]

"""Partners discipline: coordination overhead of shared elements, contributions and payments."""

from models.partners.contributions import PartnerContributions, PartnerPayments
from models.partners.coordination import CoordinationOverhead

__all__ = ["CoordinationOverhead", "PartnerContributions", "PartnerPayments"]

"""Partners discipline: coordination overhead of shared elements, contributions and payments,
and one budget envelope per partner over several destinations."""

from trades.models.partners.contributions import PartnerContributions, PartnerPayments
from trades.models.partners.coordination import CoordinationOverhead
from trades.models.partners.envelope import PartnerEnvelope

__all__ = ["CoordinationOverhead", "PartnerContributions", "PartnerEnvelope", "PartnerPayments"]

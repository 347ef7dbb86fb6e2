"""Partners discipline: coordination overhead of shared elements, contributions and payments,
and one budget envelope per partner over several destinations."""

from models.partners.contributions import PartnerContributions, PartnerPayments
from models.partners.coordination import CoordinationOverhead
from models.partners.envelope import PartnerEnvelope

__all__ = ["CoordinationOverhead", "PartnerContributions", "PartnerEnvelope", "PartnerPayments"]

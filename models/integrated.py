"""Several destinations as one architecture: each destination's :class:`ArchitectureModel` as a
subsystem named by its member id, and one budget envelope per partner over all of them."""

from __future__ import annotations

import openmdao.api as om

from trades.models import variables as var
from trades.models.architecture import ArchitectureModel
from trades.models.partners import PartnerEnvelope


class IntegratedModel(om.Group):
    """Destinations side by side and the partners' envelope over them.

    Options
    -------
    members : list of (member id, options)
        Each destination's :class:`ArchitectureModel` options.
    partners, years, destinations
        :class:`PartnerEnvelope`'s options (the architecture's partners, calendar years, and each
        destination's partners and years).
    """

    def initialize(self):
        self.options.declare("members", types=list, recordable=False)
        self.options.declare("partners", types=list)
        self.options.declare("years", types=list)
        self.options.declare("destinations", types=list)

    def setup(self):
        o = self.options
        for member_id, options in o["members"]:
            self.add_subsystem(member_id, ArchitectureModel(**options))
        self.add_subsystem("envelope", PartnerEnvelope(partners=o["partners"], years=o["years"], destinations=o["destinations"]))
        for member_id, _ in o["members"]:
            self.connect(f"{member_id}.{var.PAYS}", f"envelope.pays_{member_id}")
            self.connect(f"{member_id}.{var.PARTNER_LIFE_CYCLE_COST}", f"envelope.life_cycle_cost_{member_id}")

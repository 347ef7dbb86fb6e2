"""The study's optional ``utilisation`` section: the research and utilisation cargo a station
with a utilisation purpose receives each crewed year, beside its crew's supplies. The figure is
the study's, with its source (the catalog has no default: what a station is for is a study's
question). Where it enters the model: :class:`trades.models.logistics.utilisation_cargo.UtilisationCargo`."""

from __future__ import annotations

from pydantic import Field

from trades.study.sections import _Strict


class Utilisation(_Strict):
    """Research and utilisation cargo per crewed year, with its source."""

    cargo_kg_per_crewed_year: float = Field(
        ..., ge=0, le=100_000, allow_inf_nan=False,
        description="Research and utilisation cargo (experiments, their hardware and upkeep) a crewed year receives [kg], "
        "packaged with the other supplies; at most 100 t a year, a sanity bound.",
    )
    source: str = Field(..., min_length=3, description="Where the figure comes from (report, page or table, date).")

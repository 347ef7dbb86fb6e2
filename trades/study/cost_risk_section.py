"""The study's ``cost_risk:`` section: the Monte Carlo cost-risk analysis of ``trades cost-risk``
(how many samples, the seed, the correlation between elements, a relationship's uncertainty
replaced by a sourced one)."""

from __future__ import annotations

from pydantic import Field

from trades.study.sections import _Strict


class UncertaintyOverride(_Strict):
    """A relationship's uncertainty replaced by the study, with its source.

    ``sigma`` is the standard deviation of the natural logarithm of the multiplier on the
    relationship's estimate (lognormal, median 1)."""

    sigma: float = Field(..., gt=0, le=3, allow_inf_nan=False, description="Standard deviation of ln(multiplier), e.g. 0.3.")
    source: str = Field(..., min_length=3, description="Where the figure comes from.")


class CostRisk(_Strict):
    """``trades cost-risk``: Monte Carlo over the cost relationships' and prices' uncertainties, to S-curves.

    Each relationship's and each price class's uncertainty is propagated to the life-cycle cost and
    to each partner's payments."""

    samples: int = Field(1000, ge=2, le=1_000_000, description="Monte Carlo samples (the command's --samples replaces it).")
    seed: int = Field(0, ge=0, description="Seed of the sample (the command's --seed replaces it).")
    correlation: float | None = Field(
        None, ge=0, lt=1, allow_inf_nan=False,
        description="Correlation between the elements' log-multipliers; default the catalog's (cost_risk.correlation, 0.3).")
    overrides: dict[str, UncertaintyOverride] = Field(
        default_factory=dict,
        description="Relationship ('amcm', a TRANSCOST category, e.g. crewed_space_system, or a unit rate, e.g. "
                    "photovoltaic_power_module) or price class "
                    "(crew_transport_price, launch_price, contract_price) -> {sigma, source}: "
                    "replaces the catalog's uncertainty of every part of that relationship or of that price.")

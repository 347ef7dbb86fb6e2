"""The real discount rate of a study's net present value and where it comes from: the study's
``campaign.discount_rate``, else the catalog's ``cost.discount_rate`` (OMB Circular A-94
Appendix C, the real Treasury rate for cost-effectiveness analysis; docs/model.md, Present value)."""

from __future__ import annotations


def discount_rate(study, cost: dict) -> tuple[float, str, bool | None, str | None]:
    """The rate (unitless, real, per year), its source, whether it was read in that source (None:
    the study's own value, not a catalog one) and the catalog's note."""
    chosen = study.campaign.discount_rate
    if chosen is not None:
        return (float(chosen), f"campaign.discount_rate {chosen:g} "
                f"({study.input_sources.get('campaign.discount_rate', 'no source given in input_sources')})", None, None)
    entry = cost["discount_rate"]
    return float(entry["value"]), f"cost.discount_rate {entry['value']:g}: {entry['source']}", bool(entry.get("verified")), entry.get("note")

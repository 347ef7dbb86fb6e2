"""Study sections of the cooperation instruments (issue 20): ``standards`` (an interface standard,
quality levels, technology-transfer rules) and ``transport_policy`` (a shared transport service,
a vehicle pool, per-nation flight-rate limits), and their checks.

Self-contained: the schema fields, the checks against the study's partners
(:func:`standards_errors`, cross-field, no catalog) and against the catalogs
(:func:`standards_catalog_errors`: standard ids, quality levels, capabilities, vehicles). The
effects are in :mod:`trades.architecture.standards` (cost plan) and
:mod:`trades.analyses.policy_outcomes` (mission success, flight-rate limits, scenarios).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from trades.study.sections import _Strict

Identifier = Annotated[str, Field(min_length=1, max_length=40)]


class InterfaceStandard(_Strict):
    """A common interface standard (e.g. the International Docking System Standard)."""

    standard: Identifier = Field("idss", description="Interface standard id from the standards catalog (trades/catalogs/standards.yaml).")
    adopted: bool = Field(True, description="Whether the partners adopt it (the scenarios compare the other choice).")
    adopters: list[Identifier] | None = Field(
        None, description="Partners that must qualify their own compliant mechanism and pay the catalog's one-off adoption cost; "
        "default: every partner.")
    coordination_exponent: float | None = Field(
        None, gt=0, le=1, allow_inf_nan=False,
        description="Coordination exponent alpha under the standard (default: the catalog's, an unverified assumption); cite it in input_sources.")


class QualityStandard(_Strict):
    """The part-quality level each partner builds to (MIL-HDBK-217F failure-rate levels m, p, r, s)."""

    levels: dict[Identifier, Identifier] = Field(
        default_factory=dict, description="partner id -> the level it builds to; partners not named build to the catalog's reference level.")
    common: Identifier | None = Field(None, description="A common level every partner builds to (replaces levels).")


class TransferRule(_Strict):
    """A technology-transfer (export control, intellectual property) rule: ``provider`` may not
    supply ``capability`` to a partnership of which ``receiver`` is a member."""

    provider: Identifier = Field(..., description="Partner id that may not provide the capability.")
    capability: Identifier = Field(..., description="Capability (from the partners catalog), e.g. crew_vehicle, habitat.")
    receiver: Identifier = Field(..., description="Partner id that may not receive it.")


class Standards(_Strict):
    """Common standards as policies with costs and effects."""

    interface: InterfaceStandard | None = Field(None, description="An interface standard: its adoption cost and the coordination overhead it removes.")
    quality: QualityStandard | None = Field(None, description="Part-quality levels: they scale elements' failure rates and costs.")
    technology_transfer: list[TransferRule] = Field(
        default_factory=list, max_length=100, description="Barred (provider, capability, receiver) triples.")


class PoolVehicle(_Strict):
    """A launch vehicle a partner contributes to the common transport pool."""

    partner: Identifier = Field(..., description="Partner id contributing the vehicle.")
    vehicle: Identifier = Field(..., description="Launch vehicle id; the partner must own it.")


class TransportPolicy(_Strict):
    """A common transportation policy, beyond open market against national launch."""

    shared_service: bool = Field(
        False, description="All partners buy launch at one shared price: the pool's average cost per kg in the launch orbit.")
    pool: list[PoolVehicle] = Field(default_factory=list, max_length=30, description="Vehicles partners contribute to the shared service.")
    flight_rate_limits: dict[Identifier, Annotated[int, Field(ge=0, le=1000)]] = Field(
        default_factory=dict, description="partner id -> most launches a year on its vehicles (a national flight-rate limit).")


def standards_errors(study) -> list[tuple[tuple, str]]:
    """Partner ids the sections name must be the study's partners (no catalog needed)."""
    ids = [p.id for p in study.partners]
    errors = []

    def known(path: tuple, pid: str):
        if pid not in ids:
            errors.append((path, f"'{pid}' is not a partner of the study {ids}"))

    s, t = study.standards, study.transport_policy
    if s is not None:
        if s.interface is not None:
            for i, pid in enumerate(s.interface.adopters or []):
                known(("standards", "interface", "adopters", i), pid)
        if s.quality is not None:
            for pid in s.quality.levels:
                known(("standards", "quality", "levels", pid), pid)
            if s.quality.common is not None and s.quality.levels:
                errors.append((("standards", "quality", "common"), "give either levels (each partner's own) or common, not both"))
        for i, rule in enumerate(s.technology_transfer):
            known(("standards", "technology_transfer", i, "provider"), rule.provider)
            known(("standards", "technology_transfer", i, "receiver"), rule.receiver)
            if rule.provider == rule.receiver:
                errors.append((("standards", "technology_transfer", i), f"provider and receiver are the same partner ('{rule.provider}')"))
    if t is not None:
        for i, entry in enumerate(t.pool):
            known(("transport_policy", "pool", i, "partner"), entry.partner)
        for pid in t.flight_rate_limits:
            known(("transport_policy", "flight_rate_limits", pid), pid)
        if t.pool and not t.shared_service:
            errors.append((("transport_policy", "pool"), "a vehicle pool serves the shared service: set shared_service: true"))
    return errors


def standards_catalog_errors(study, catalog) -> list:
    """Ids the sections name must exist in the catalogs: interface standard, quality levels,
    capabilities, pool vehicles (owned by the partner that contributes them)."""
    from trades.study.reader import did_you_mean

    errors = []
    s, t = study.standards, study.transport_policy
    book = catalog.entry("standards", "default")
    if s is not None:
        if s.interface is not None and s.interface.standard not in book["interface"]:
            names = sorted(book["interface"])
            errors.append(study.error(("standards", "interface", "standard"),
                                      f"unknown interface standard '{s.interface.standard}'{did_you_mean(s.interface.standard, names)}; one of {names}"))
        levels = sorted(book["quality"]["levels"])
        if s.quality is not None:
            named = [(("standards", "quality", "levels", pid), level) for pid, level in s.quality.levels.items()]
            named += [(("standards", "quality", "common"), s.quality.common)] if s.quality.common is not None else []
            for path, level in named:
                if level not in levels:
                    errors.append(study.error(path, f"unknown quality level '{level}'; one of {levels} (MIL-HDBK-217F failure-rate levels)"))
        capabilities = known_capabilities(study, catalog)
        for i, rule in enumerate(s.technology_transfer):
            if rule.capability not in capabilities:
                errors.append(study.error(("standards", "technology_transfer", i, "capability"),
                                          f"unknown capability '{rule.capability}'{did_you_mean(rule.capability, capabilities)}; one of {capabilities}"))
    if t is not None:
        owned = {p.id: list(p.vehicles) if p.vehicles is not None else list(catalog.entry("partners", p.id)["vehicles"]) for p in study.partners}
        vehicles = catalog.entries["launch_vehicles"]
        for i, entry in enumerate(t.pool):
            if entry.vehicle not in vehicles:
                errors.append(study.error(("transport_policy", "pool", i, "vehicle"), f"unknown launch vehicle '{entry.vehicle}'"
                                          f"{did_you_mean(entry.vehicle, sorted(vehicles))}"))
            elif entry.partner in owned and entry.vehicle not in owned[entry.partner]:
                errors.append(study.error(("transport_policy", "pool", i, "vehicle"),
                                          f"'{entry.vehicle}' is not a vehicle of {entry.partner} (its vehicles: {sorted(owned[entry.partner]) or 'none'})"))
    return errors


def known_capabilities(study, catalog) -> list[str]:
    """Every capability a partner of the catalog or of the study may have."""
    found = {c for entry in catalog.entries["partners"].values() for c in entry.get("capabilities") or []}
    found |= {c for p in study.partners for c in (p.capabilities or [])}
    return sorted(found)

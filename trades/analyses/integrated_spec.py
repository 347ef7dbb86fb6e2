"""The integrated-architecture file: its schema (members, envelope partners, scenarios), reading
it with the study files' safe YAML reader, and each member's study as the architecture (or a
scenario of it) makes it: every envelope partner in every destination, caps replaced by the
envelope's."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import Field, PrivateAttr, ValidationError

from trades.analyses.ssa_scenarios import apply_ssa_sharing
from trades.errors import StudyError, StudyErrors
from trades.study.reader import _pydantic_errors, format_path, parse_yaml_mapping, read_text_file
from trades.study.schema import Study, _is_field_path, load_study, parse_study_text
from trades.study.sections import NonNegativeFloat, Reference, _Strict
from trades.study.standards_section import Standards, TransportPolicy
from trades.analyses.policy_outcomes import apply_scenario_policies

Identifier = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
Pair = Annotated[list[str], Field(min_length=2, max_length=2)]


class Member(_Strict):
    """One destination of the architecture: a study file."""

    id: Identifier = Field(..., description="Name of the destination in the results (lower case, e.g. leo_station).")
    study: str = Field(..., description="Path of the member study file, relative to this file.")
    rotations_per_year: float | None = Field(
        None, ge=0, le=12, allow_inf_nan=False,
        description="Replaces the member study's outpost.rotations_per_year here (e.g. to share a crew vehicle's flights with another destination); source it in input_sources.")
    crew_vehicle: str | None = Field(
        None, description="Replaces the member study's launch.crew_vehicle here (a vehicle id or 'auto'); source it in input_sources.")
    cargo_vehicle: str | None = Field(
        None, description="Replaces the member study's launch.cargo_vehicle here (a vehicle id or 'auto'); source it in input_sources.")


class EnvelopePartner(_Strict):
    """A partner of the whole architecture."""

    id: str = Field(..., description="Partner id from the partners catalog.")
    budget_cap_musd: NonNegativeFloat | None = Field(
        None, description="Most it can pay in any calendar year over all destinations together [MUSD of the base year]; none: uncapped."
    )
    cost_factor: float | None = Field(
        None, gt=0, le=10, description="Cost factor on what it builds, at every destination (default: each member study's own, else 1)."
    )


class Scenario(_Strict):
    """A policy variant of the architecture, compared with it side by side."""

    name: str = Field(..., min_length=1, max_length=80, description="Label of the scenario.")
    launch_policy: Literal["open_market", "national"] | None = Field(None, description="Launch policy at every destination.")
    barred_pairs: list[Pair] = Field(default_factory=list, description="Pairs of partners that may not share an item (added to the architecture's).")
    standards: Standards | None = Field(None, description="Common standards at every destination (replace the member studies' own).")
    transport_policy: TransportPolicy | None = Field(None, description="Common transportation policy at every destination (replaces the member studies' own).")
    ssa_sharing: Literal["shared", "national"] | None = Field(
        None, description="Members' SSA systems: one shared (shared) or each partner fielding its own (national); default: as the members say.")


class IntegratedArchitecture(_Strict):
    """An integrated-architecture file (``trades integrated``)."""

    name: str = Field(..., min_length=1, max_length=200, description="Title of the architecture.")
    description: str = Field("", max_length=5000, description="The question it answers and what the toolkit found.")
    members: list[Member] = Field(..., min_length=2, max_length=10, description="The destinations, each a study file.")
    partners: list[EnvelopePartner] = Field(..., min_length=1, max_length=12, description="Partners of the whole architecture.")
    launch_policy: Literal["open_market", "national"] | None = Field(
        None, description="Launch policy at every destination (default: each member study's own)."
    )
    barred_pairs: list[Pair] = Field(default_factory=list, description="Pairs of partners that may not share an item, at every destination.")
    scenarios: list[Scenario] = Field(default_factory=list, max_length=10, description="Policy variants compared side by side.")
    references: list[Reference] = Field(default_factory=list, description="Sources the file's inputs cite.")
    input_sources: dict[str, str] = Field(default_factory=dict, description="Source of each input of this file (key: field).")
    _file: str = PrivateAttr("")


SCHEMA = "the integrated-architecture schema; see docs/study_reference.md"
RESERVED_IDS = {"envelope"}  # the envelope subsystem's name
BASE_SCENARIO = "as specified"


def is_integrated_file(path: str | Path) -> bool:
    """Whether a file the user names reads (safely) as an integrated-architecture file: a mapping
    with 'members'. Anything unreadable is left to the study reader, which says why."""
    try:
        data, _ = parse_yaml_mapping(read_text_file(path, "a file"), str(path), "a file")
    except StudyErrors:
        return False
    return "members" in data


def load_integrated(path: str | Path) -> IntegratedArchitecture:
    """Read and validate an integrated-architecture file (with the study files' safe YAML
    reading); every failure is a :class:`StudyErrors` naming the file and the field."""
    from trades.study.catalog import load_catalog

    path = Path(path)
    name = str(path)
    data, lines = parse_yaml_mapping(read_text_file(path, "an integrated-architecture file"), name, "an integrated-architecture file",
                                     "an integrated-architecture file needs 'name', 'members' and 'partners'")
    try:
        spec = IntegratedArchitecture.model_validate(data)
    except ValidationError as exc:
        raise _pydantic_errors(name, exc, lines, SCHEMA, model=IntegratedArchitecture) from None
    errors = []

    def error(where: tuple, reason: str):
        errors.append(StudyError(name, format_path(where), reason, lines.get(where)))

    ids = [m.id for m in spec.members]
    catalog = load_catalog()
    vehicles = catalog.entries["launch_vehicles"]
    for i, member in enumerate(spec.members):
        if ids.count(member.id) > 1:
            error(("members", i, "id"), f"'{member.id}' names two members")
        if member.id in RESERVED_IDS:
            error(("members", i, "id"), f"'{member.id}' is reserved (the partners' envelope); choose another name")
        if not (path.parent / member.study).is_file():
            error(("members", i, "study"), f"'{member.study}' is not a file (paths are relative to {path.parent or '.'})")
        for key in ("crew_vehicle", "cargo_vehicle"):
            vehicle = getattr(member, key)
            if vehicle is not None and vehicle != "auto" and vehicle not in vehicles:
                error(("members", i, key), f"unknown launch vehicle '{vehicle}' ('auto' or one of {', '.join(sorted(vehicles))})")
    partner_ids = [p.id for p in spec.partners]
    known = catalog.entries["partners"]
    for i, p in enumerate(spec.partners):
        if partner_ids.count(p.id) > 1:
            error(("partners", i, "id"), f"'{p.id}' is listed twice")
        if p.id not in known:
            error(("partners", i, "id"), f"unknown partner '{p.id}' (the partners catalog has {', '.join(sorted(known))})")
    names = [BASE_SCENARIO] + [sc.name for sc in spec.scenarios]
    for k, sc in enumerate(spec.scenarios):
        if names.count(sc.name) > 1:
            error(("scenarios", k, "name"), f"'{sc.name}' names another scenario (or the architecture as specified)")
    for key in spec.input_sources:
        if not _is_field_path(IntegratedArchitecture, key):
            error(("input_sources", key), f"'{key}' is not a key path of this file (e.g. 'partners.budget_cap_musd')")
    for where, pairs in [(("barred_pairs",), spec.barred_pairs)] + [(("scenarios", k, "barred_pairs"), s.barred_pairs) for k, s in enumerate(spec.scenarios)]:
        for j, pair in enumerate(pairs):
            unknown = [pid for pid in pair if pid not in partner_ids]
            if unknown or pair[0] == pair[1]:
                error((*where, j), f"{pair}: both must be different partners of this file ({', '.join(partner_ids)})")
    if errors:
        raise StudyErrors(errors)
    spec._file = name
    return spec


def member_studies(spec: IntegratedArchitecture, scenario: Scenario | None = None) -> list[tuple[str, Study]]:
    """Each member's study as it takes part: the architecture's partners (caps removed: the
    envelope caps them), launch policy and barred pairs. Errors name the file and the member."""
    base = Path(spec._file).parent
    members, errors, years = [], [], {}
    for i, member in enumerate(spec.members):
        path = base / member.study
        study = load_study(path)
        data = study.model_dump(mode="json")
        own = {p["id"]: p for p in data["partners"]}
        outside = sorted(set(own) - {p.id for p in spec.partners})
        if outside:
            errors.append(StudyError(spec._file, f"members[{i}].study", f"'{member.study}' has partners not in this file's partners: {', '.join(outside)}"))
            continue
        partners = []
        for p in spec.partners:
            entry = {**own.get(p.id, {"id": p.id}), "budget_cap_musd": None}
            if p.cost_factor is not None:
                entry["cost_factor"] = p.cost_factor
            partners.append(entry)
        data["partners"] = partners
        if member.rotations_per_year is not None:
            data["outpost"]["rotations_per_year"] = member.rotations_per_year
        for key in ("crew_vehicle", "cargo_vehicle"):
            if getattr(member, key) is not None:
                data["launch"][key] = getattr(member, key)
        policy = (scenario.launch_policy if scenario else None) or spec.launch_policy
        if policy:
            data["launch"]["policy"] = policy
        pairs = [list(pair) for pair in data["cost_sharing"]["barred_pairs"]]
        for pair in spec.barred_pairs + (scenario.barred_pairs if scenario else []):
            if sorted(pair) not in [sorted(q) for q in pairs]:
                pairs.append(list(pair))
        data["cost_sharing"]["barred_pairs"] = pairs
        apply_scenario_policies(data, scenario)
        apply_ssa_sharing(data, scenario.ssa_sharing if scenario else None)
        data["sweep"] = data["sensitivity"] = None
        label = f"{spec._file}: members[{i}] ({path}, with this file's partners and policy)"
        try:
            taking_part = parse_study_text(yaml.safe_dump(data, sort_keys=False), label)
        except StudyErrors as exc:
            errors.extend(StudyError(label, e.field, e.reason) for e in exc.errors)
            continue
        # errors found later (resolve) name the member's file, with its lines except for the
        # partners (listed here in this file's order)
        taking_part._file = str(path)
        taking_part._lines = {key: line for key, line in study._lines.items() if key[:1] != ("partners",)}
        years[member.id] = taking_part.campaign.dollar_base_year
        members.append((member.id, taking_part))
    if len(set(years.values())) > 1:
        errors.append(StudyError(spec._file, "members", "member studies count money in different base years: "
                                 + ", ".join(f"{k} {v}" for k, v in years.items()) + "; set one campaign.dollar_base_year"))
    if errors:
        raise StudyErrors(errors)
    return members

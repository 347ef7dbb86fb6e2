"""Study files: the whole study (:class:`Study`, its sections in :mod:`trades.study.sections`),
its cross-field rules, and loading it.

A study is a YAML file that says what architecture to model. Every field has a default or is
required; unknown keys are errors. :func:`load_study` returns a validated :class:`Study` or raises
:class:`~trades.errors.StudyErrors` whose lines name the file, the key path, the bad value and
what is allowed, with the YAML line where known.
"""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path

from pydantic import BaseModel, Field, PrivateAttr, ValidationError, field_validator

from trades.errors import StudyError, StudyErrors
from trades.study.cost_risk_section import CostRisk
from trades.study.programme import HARDWARE_ITEMS, Schedule, Wraps
from trades.study.reader import _pydantic_errors, decode_text, format_path, parse_yaml_mapping, read_file_bytes
from trades.study.acquisition_section import Acquisition
from trades.study.purchases_section import Purchase
from trades.study.cost_section import CostSection
from trades.study.standards_section import Standards, TransportPolicy, standards_errors
from trades.study.ssa_section import Ssa
from trades.study.utilisation_section import Utilisation
from trades.study.sections import (
    Campaign, Coalitions, CostSharing, DesignVariable, Destination, Launch, Objective, Outpost, Partner, Reference, Sensitivity, SourcedOverride, Sweep, Transportation, _Strict,
)
from trades.study.demand_section import demand_errors

class Study(_Strict):
    """A trade study: one architecture and its partners."""

    name: str = Field(..., min_length=1, description="Short name of the study.")
    description: str = Field("", description="The question the study answers and what was found.")
    campaign: Campaign = Field(default_factory=Campaign)
    destination: Destination = Field(default_factory=Destination)
    outpost: Outpost = Field(default_factory=Outpost)
    transportation: Transportation = Field(default_factory=Transportation)
    launch: Launch = Field(default_factory=Launch)
    partners: list[Partner] = Field(..., min_length=1, description="Participating partners.")
    objective: Objective = Field(default_factory=Objective)
    design_variables: list[DesignVariable] = Field(
        default_factory=list, description="Continuous model inputs trades optimize may move besides the work shares, with bounds."
    )
    cost_sharing: CostSharing = Field(default_factory=CostSharing)
    cost: CostSection = Field(default_factory=CostSection, description="Which cost relationship costs each element type (optional).")
    schedule: Schedule = Field(default_factory=Schedule)
    wraps: Wraps = Field(default_factory=Wraps)
    coalitions: Coalitions = Field(default_factory=Coalitions)
    sweep: Sweep | None = Field(None, description="Cases for trades sweep; ignored by the other commands.")
    sensitivity: Sensitivity | None = Field(None, description="Parameters and ranges for trades sensitivity.")
    cost_risk: CostRisk | None = Field(None, description="Samples, seed and uncertainty overrides of trades cost-risk; ignored by the other commands.")
    shared_infrastructure: list[str] = Field(
        default_factory=list,
        description="Element ids (type relay) every partner uses, deployed with the outpost and costed and shared like the others.",
    )
    outpost_modules: list[str] = Field(
        default_factory=list,
        description="Element ids of modules the outpost flies at their catalog masses besides the habitat, life support and power "
        "it sizes (types habitat, power, airlock; a station of several named modules, e.g. Gateway's PPE, Lunar View and airlock), "
        "each delivered with the outpost and costed by its type's relationship or its contract (cost item module:<id>). A power "
        "module's rated power (catalog power_kw, kW) meets the outpost's load first: the power system is sized for the rest, never "
        "below zero, and a surplus is reported, not credited.",
    )
    standards: Standards | None = Field(None, description="Common standards as policies: interface, quality levels, technology-transfer rules (issue 20).")
    transport_policy: TransportPolicy | None = Field(None, description="A common transportation policy: shared service, vehicle pool, national flight-rate limits.")
    ssa: Ssa | None = Field(None, description="A space situational awareness system the partners field (sensors, requirement, sharing).")
    utilisation: Utilisation | None = Field(None, description="Research and utilisation cargo per crewed year, with its source (a station with a utilisation purpose).")
    references: list[Reference] = Field(default_factory=list, description="Sources the study's inputs cite.")
    input_sources: dict[str, str] = Field(
        default_factory=dict, description="Key path of an input -> reference id or citation."
    )
    acquisition: dict[str, Acquisition] = Field(
        default_factory=dict,
        description="cost item -> how it is acquired, e.g. habitat: {mode: fixed_price_contract, contract: "
        "gateway_halo_northrop_2021}; crew_transport: {mode: service, contract: commercial_crew_spacex_seat_2019}. "
        "Items not named keep their default (hardware: government_development; crew transport: service).",
    )
    purchases: list[Purchase] = Field(
        default_factory=list, max_length=20,
        description="Contracts of the contracts catalog the programme buys beside the architecture's cost items (e.g. the HLS "
        "award, Gateway's modules, a spacesuit task order), each a cost item purchase:<contract id> at units x its price.",
    )
    overrides: dict[str, dict[str, dict[str, SourcedOverride]]] = Field(
        default_factory=dict,
        description="catalog name -> entry id -> field -> {value, source}; e.g. "
        "launch_vehicles: {falcon_heavy: {payload_leo_kg: {value: 60000, source: ...}}}. "
        "The 'outpost' and 'life_support' catalogs are flat: use entry id 'default'.",
    )

    @field_validator("partners")
    @classmethod
    def _unique_partners(cls, partners: list[Partner]) -> list[Partner]:
        seen = set()
        for p in partners:
            if p.id in seen:
                raise ValueError(f"partner '{p.id}' is listed twice")
            seen.add(p.id)
        return partners

    def cross_field_errors(self) -> list[tuple[tuple, str]]:
        """Rules that tie several fields together: (key path, reason) for each one broken."""
        errors = []
        o = self.outpost
        if o.stay_days * o.rotations_per_year > 365.25:
            errors.append((
                ("outpost", "rotations_per_year"),
                f"stay_days x rotations_per_year = {o.stay_days * o.rotations_per_year:g} d exceeds one year "
                "(365.25 d): stays would overlap",
            ))
        first, last = self.campaign.start_year, self.campaign.start_year + self.campaign.num_years - 1
        for name in ("deploy_year", "first_crewed_year"):
            year = getattr(o, name)
            if year is not None and not first <= year <= last:
                errors.append((("outpost", name), f"{year} is outside the campaign years {first}-{last}"))
        if o.first_crewed_year is not None and first <= o.first_crewed_year <= last and o.first_crewed_year < self.deploy_year:
            errors.append((
                ("outpost", "first_crewed_year"),
                f"{o.first_crewed_year} is before the outpost is deployed ({self.deploy_year})",
            ))
        if self.transportation.aerocapture and self.destination.body != "mars":
            errors.append((("transportation", "aerocapture"), "aerocapture applies to destination body 'mars' only"))
        for key in self.input_sources:
            if not _is_field_path(Study, key):
                errors.append((("input_sources", key), f"'{key}' is not a key path of the study (e.g. 'outpost.crew_size')"))
        for name in self.schedule.development_years_by_item:
            if name not in HARDWARE_ITEMS and not name.startswith(("relay:", "module:")):
                errors.append((("schedule", "development_years_by_item", name),
                               f"'{name}' is not a cost item with hardware; one of {sorted(HARDWARE_ITEMS)}, relay:<element id> or module:<element id>"))
        errors += self._cost_sharing_errors()
        errors += self._sweep_errors()
        errors += self._sensitivity_errors()
        if self.transportation.mars_window is not None and self.destination.body != "mars":
            errors.append((("transportation", "mars_window"), "a Mars window applies to destination body 'mars' only"))
        errors += self._asteroid_errors()
        errors += standards_errors(self)
        return errors

    def _asteroid_errors(self) -> list[tuple[tuple, str]]:
        nea = self.destination.body == "near_earth_asteroid"
        rules = (
            (("destination", "asteroid"), self.destination.asteroid, "an asteroid target"),
            (("transportation", "asteroid_window"), self.transportation.asteroid_window, "an asteroid window"),
        )
        errors = []
        for path, value, what in rules:
            if nea and value is None:
                errors.append((path, f"destination body 'near_earth_asteroid' needs {what} ({format_path(path)})"))
            elif not nea and value is not None:
                errors.append((path, f"{what} applies to destination body 'near_earth_asteroid' only, not '{self.destination.body}'"))
        return errors

    def _sweep_errors(self) -> list[tuple[tuple, str]]:
        if self.sweep is None:
            return []
        errors = []
        where = ("sweep",)
        if self.sweep.method in ("saltelli", "morris"):
            for i, f in enumerate(self.sweep.factors):
                if f.range is None:
                    errors.append((where + ("factors", i), f"method '{self.sweep.method}' takes ranges only"))
        if self.sweep.method != "full_factorial" and self.sweep.samples is None:
            errors.append((where + ("samples",), f"method '{self.sweep.method}' needs the number of samples"))
        target_errors, named = _target_errors(self.sweep.factors, where + ("factors",), "swept twice")
        errors += target_errors
        for i in named:
            f, path = self.sweep.factors[i], where + ("factors", i)
            if f.input is not None and any(not isinstance(v, (int, float)) or isinstance(v, bool) or not 0 <= v < math.inf
                                           for v in (f.values or f.range or [])):
                errors.append((path, "an input factor's values are multipliers of the study's value: finite numbers of at least 0"))
            elif any(isinstance(v, float) and not math.isfinite(v) for v in f.values or []):
                # refused before the sweep, not recorded as failed cases one by one
                errors.append((path + ("values",), "values must be finite numbers (no .nan or .inf)"))
            if (f.values is None) == (f.range is None):
                errors.append((path, "give either values (discrete choices) or range [low, high]"))
            elif f.range is not None and not f.range[0] < f.range[1]:
                errors.append((path + ("range",), f"low {f.range[0]:g} is not below high {f.range[1]:g}"))
        return errors

    def _sensitivity_errors(self) -> list[tuple[tuple, str]]:
        if self.sensitivity is None:
            return []
        errors, named = _target_errors(self.sensitivity.parameters, ("sensitivity", "parameters"), "listed twice")
        for i in named:
            q, path = self.sensitivity.parameters[i], ("sensitivity", "parameters", i)
            if (q.low is None) != (q.high is None):
                errors.append((path, "give both low and high, or neither (then +/- swing_percent)"))
            elif q.low is not None and not q.low < q.high:
                errors.append((path + ("low",), f"low {q.low:g} is not below high {q.high:g}"))
        return errors

    def _cost_sharing_errors(self) -> list[tuple[tuple, str]]:
        errors = []
        c, ids = self.cost_sharing, [p.id for p in self.partners]
        where = ("cost_sharing",)
        if c.rule == "fixed_key":
            if c.key is None:
                errors.append((where + ("key",), "rule 'fixed_key' needs a key: partner id -> fraction"))
            else:
                for pid in c.key:
                    if pid not in ids:
                        errors.append((where + ("key", pid), f"'{pid}' is not a partner of the study {ids}"))
                missing = [pid for pid in ids if pid not in c.key]
                if missing:
                    errors.append((where + ("key",), f"no fraction for {missing} (write 0 for a partner that pays nothing)"))
                if abs(sum(c.key.values()) - 1.0) > 1e-6:
                    errors.append((where + ("key",), f"fractions sum to {sum(c.key.values()):.6g}, not 1"))
        else:
            for name in ("key", "return_min", "return_max"):
                if getattr(c, name) is not None:
                    errors.append((where + (name,), "applies to rule 'fixed_key' only (under 'contribution' each pays what it provides)"))
        if c.return_min is not None and c.return_max is not None and c.return_min > c.return_max:
            errors.append((where + ("return_min",), f"{c.return_min:g} is above return_max {c.return_max:g}"))
        if c.crew_time == "key" and c.rule != "fixed_key":
            errors.append((where + ("crew_time",), "'key' needs rule 'fixed_key'"))
        for i, pair in enumerate(c.barred_pairs):
            for pid in pair:
                if pid not in ids:
                    errors.append((where + ("barred_pairs", i), f"'{pid}' is not a partner of the study {ids}"))
            if pair[0] == pair[1]:
                errors.append((where + ("barred_pairs", i), f"a partner cannot be barred from itself ('{pair[0]}')"))
        k = self.coalitions
        if k.missing_capability == "penalty" and k.penalty_musd is None:
            errors.append((("coalitions", "penalty_musd"), "missing_capability 'penalty' needs penalty_musd"))
        if k.missing_capability == "buy" and k.penalty_musd is not None:
            errors.append((("coalitions", "penalty_musd"), "applies to missing_capability 'penalty' only"))
        errors += demand_errors(self)
        for i, p in enumerate(self.partners):
            if p.min_share > p.max_share:
                errors.append((("partners", i, "min_share"), f"{p.min_share:g} is above max_share {p.max_share:g}"))
        if sum(p.min_share for p in self.partners) > 1.0 + 1e-9:
            errors.append((("partners",), f"the partners' min_share add up to {sum(p.min_share for p in self.partners):g}, more than 1"))
        if sum(p.max_share for p in self.partners) < 1.0 - 1e-9:
            errors.append((("partners",), f"the partners' max_share add up to {sum(p.max_share for p in self.partners):g}, less than 1: nobody may do the rest"))
        return errors

    _file: str = PrivateAttr("<study>")
    _lines: dict = PrivateAttr(default_factory=dict)
    _vendors: frozenset = PrivateAttr(default_factory=frozenset)  # coalition analysis: partners it may only buy from
    _source_sha256: str | None = PrivateAttr(None)  # SHA-256 of the bytes the study was parsed from

    def error(self, path: tuple, reason: str) -> StudyError:
        """A StudyError at ``path`` (a key-path tuple) with this study's file and YAML line."""
        line = None
        for cut in range(len(path), 0, -1):
            if path[:cut] in self._lines:
                line = self._lines[path[:cut]]
                break
        return StudyError(self._file, format_path(path), reason, line)

    # ---- derived, structure-only helpers -------------------------------------------------

    @property
    def years(self) -> list[int]:
        """The model's years: the campaign's, preceded by the development years before deployment
        that fall before ``campaign.start_year`` (:class:`~trades.study.programme.Schedule`)."""
        first = self.campaign.start_year
        if self.schedule.longest() is not None:
            first = min(first, self.deploy_year - self.schedule.longest())
        return list(range(first, self.campaign.start_year + self.campaign.num_years))

    @property
    def present_value_year(self) -> int:
        """The year the net present value is discounted to: ``campaign.present_value_year``, else the campaign's start."""
        return self.campaign.present_value_year if self.campaign.present_value_year is not None else self.campaign.start_year

    @property
    def deploy_year(self) -> int:
        return self.outpost.deploy_year or self.campaign.start_year

    @property
    def first_crewed_year(self) -> int:
        if self.outpost.first_crewed_year is not None:
            return self.outpost.first_crewed_year
        return min(self.deploy_year + 1, self.years[-1])

    def digest(self) -> str:
        """SHA-256 of the resolved study (defaults filled in), for provenance."""
        text = json.dumps(self.model_dump(mode="json"), sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()


def _target_errors(items, where: tuple, twice: str) -> tuple[list[tuple[tuple, str]], list[int]]:
    """Sweep factors and sensitivity parameters name a study ``field`` or a model ``input``:
    errors for naming neither or both, a path that is not the study's (nor its sweep section), or
    the same target twice; and the indices of the items that name exactly one."""
    errors, seen, named = [], set(), []
    for i, item in enumerate(items):
        path = where + (i,)
        if (item.field is None) == (item.input is None):
            errors.append((path, "give either field (a study key path) or input (a model input to scale)"))
            continue
        named.append(i)
        if item.field is not None and (item.field.split(".")[0] == "sweep" or not _is_field_path(Study, item.field)):
            errors.append((path + ("field",), f"'{item.field}' is not a key path of the study (e.g. 'outpost.water_closure')"))
        if item.name in seen:
            errors.append((path + ("input" if item.input else "field",), f"'{item.field or item.input}' is {twice}"))
        seen.add(item.name)
    return errors, named


def _is_field_path(model: type[BaseModel], path: str) -> bool:
    """Whether a dotted path ('outpost.isru.oxygen_production_t_per_year') names a schema field."""
    import typing

    current = model
    for part in path.split("."):
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return False
        annotation = current.model_fields[part].annotation
        models = [a for a in (annotation, *typing.get_args(annotation)) if isinstance(a, type) and issubclass(a, BaseModel)]
        current = models[0] if models else None
    return True


def parse_study_text(text: str, file: str = "<study>") -> Study:
    """Validate study YAML text; errors name ``file``."""
    data, lines = parse_yaml_mapping(text, file)
    try:
        study = Study.model_validate(data)
    except ValidationError as exc:
        raise _pydantic_errors(file, exc, lines, model=Study) from None
    problems = study.cross_field_errors()
    if problems:
        raise StudyErrors([StudyError(file, format_path(path), reason, lines.get(path)) for path, reason in problems])
    study._file, study._lines = file, lines
    return study


def load_study(path: str | Path) -> Study:
    """Read and validate a study file; every failure is a :class:`StudyErrors`."""
    raw = read_file_bytes(path, "a study file")
    study = parse_study_text(decode_text(raw, str(path), "a study file"), str(path))
    study._source_sha256 = hashlib.sha256(raw).hexdigest()  # of the bytes read, not a second read
    return study


def json_schema() -> dict:
    """The JSON Schema of study files (for editors' autocompletion)."""
    schema = Study.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "trades study file"
    return schema

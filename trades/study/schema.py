"""Study files: the pydantic schema, YAML loading with line numbers, and one-line errors.

A study is a YAML file that says what architecture to model. Every field has a default or is
required; unknown keys are errors. :func:`load_study` returns a validated :class:`Study` or raises
:class:`~trades.errors.StudyErrors` whose lines name the file, the key path, the bad value and
what is allowed, with the YAML line where known.
"""

from __future__ import annotations

import hashlib
import math
import re
import reprlib
import json
import os
import stat
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from trades.errors import StudyError, StudyErrors

MAX_STUDY_BYTES = 2_000_000  # a study is a hand-edited text file; anything larger is a mistake

PositiveFloat = Annotated[float, Field(gt=0, allow_inf_nan=False)]
NonNegativeFloat = Annotated[float, Field(ge=0, allow_inf_nan=False)]
Fraction = Annotated[float, Field(ge=0, le=1, allow_inf_nan=False)]


class _Strict(BaseModel):
    # strict: YAML's `yes` is not a crew size and "4" is not a number; ints still pass as floats
    model_config = ConfigDict(extra="forbid", validate_default=True, strict=True)


class Campaign(_Strict):
    """When the campaign runs and how money is counted (money is used by the cost issue)."""

    start_year: int = Field(2030, ge=1957, le=2150, description="First calendar year of the campaign.")
    num_years: int = Field(15, ge=1, le=60, description="Number of campaign years.")
    dollar_base_year: int = Field(
        2024, ge=1960, le=2150, description="Year of the dollars every cost is expressed in."
    )
    discount_rate: float = Field(
        0.07,
        ge=0,
        le=0.5,
        allow_inf_nan=False,
        description="Real discount rate per year for net present value (unitless).",
    )


class Destination(_Strict):
    """Where the outpost is. The route (which delta-v legs) follows from body and staging."""

    body: Literal["earth_orbit", "moon_orbit", "moon", "mars", "near_earth_asteroid"] = Field(
        "moon",
        description="Destination: a station in Earth orbit or lunar orbit, a surface outpost on the Moon or Mars "
        "(Mars: cargo route with TMI, capture and entry; crew transit is not modelled yet), or a habitat that "
        "rendezvouses with a near-Earth asteroid and returns (needs asteroid and transportation.asteroid_window).",
    )
    site: str = Field(
        "south_pole",
        description="Site id from the sites catalog (sets night length for solar power and the orbit).",
    )
    asteroid: str | None = Field(
        None,
        description="near_earth_asteroid only: id of the target in the asteroid catalog (trades/catalogs/neas.yaml, "
        "e.g. '2008_ev5'; `trades windows ID YEAR` lists its transfers).",
    )


class Isru(_Strict):
    """In-situ resource utilisation: oxygen extracted from regolith."""

    oxygen_production_t_per_year: NonNegativeFloat = Field(
        0.0,
        le=10000,
        description="Plant oxygen output [t/yr]; 0 means no ISRU plant (at most 10,000 t/yr, a sanity bound).",
    )


class Outpost(_Strict):
    """The crewed outpost: crew, stays, closure, power, ISRU."""

    crew_size: int = Field(4, ge=1, le=100, description="Crew on the outpost during a stay.")
    stay_days: PositiveFloat = Field(180.0, le=1000, description="Length of one crew stay [d].")
    rotations_per_year: NonNegativeFloat = Field(
        2.0, le=12, description="Crew rotations (stays) per year once crewed."
    )
    first_crewed_year: int | None = Field(
        None, description="Calendar year of the first crew; default: one year after deployment."
    )
    deploy_year: int | None = Field(
        None,
        description="Calendar year habitat, power and ISRU plant are delivered; default: campaign start.",
    )
    water_closure: Fraction = Field(
        0.9, description="Fraction of water demand recovered by the water recovery system (0 = open loop)."
    )
    oxygen_closure: Fraction = Field(
        0.5, description="Fraction of oxygen demand recovered from CO2 (0 = open loop)."
    )
    power_source: Literal["solar", "fission"] = Field(
        "solar", description="Solar arrays with storage through the night, or fission."
    )
    isru: Isru = Field(default_factory=Isru)



class MarsWindow(_Strict):
    """A Mars launch window: the transfer is computed from the JPL ephemeris, not taken from a table."""

    year: int = Field(..., ge=1901, le=2049, description="Calendar year of departure.")
    transfer_type: Literal[1, 2] = Field(2, description="Type I (under 180 deg) or type II transfer.")
    objective: Literal["min_dv", "min_c3"] = Field(
        "min_dv", description="Which transfer of the window: least total delta-v or least departure C3."
    )
    departure_span_days: float = Field(
        30.0, gt=2, le=120, allow_inf_nan=False,
        description="Half-width of the departure dates the model may move around the chosen transfer [d].",
    )
    tof_span_days: float = Field(
        40.0, gt=2, le=150, allow_inf_nan=False,
        description="Half-width of the times of flight the model may move around the chosen transfer [d].",
    )


class AsteroidWindow(MarsWindow):
    """A near-Earth-asteroid round trip, its outbound transfer chosen in the year's window.

    As for Mars, the outbound transfer is the window's; the Earth return is the least-delta-v
    Lambert leg that fits the stay and the mission length (defaults: the NHATS filter, Barbee et
    al., AAS 11-444, 2011)."""

    stay_days: float = Field(
        8.0, ge=1, le=365, allow_inf_nan=False,
        description="Least time at the asteroid [d] (NHATS: at least 8 d); the return may leave later if that costs less.",
    )
    max_mission_days: float = Field(
        450.0, ge=60, le=1000, allow_inf_nan=False,
        description="Longest round trip, Earth departure to Earth return [d] (NHATS: 450 d); the outbound "
        "flight takes at most half of it.",
    )


class Transportation(_Strict):
    """How mass gets from the launch orbit to the destination."""

    staging: Literal["direct", "llo", "nrho"] = Field(
        "nrho", description="Lunar staging: direct descent, via low lunar orbit, or via NRHO."
    )
    departure_propellant: str = Field(
        "lox_lh2", description="Propellant id of the Earth-departure stage (propellants catalog)."
    )
    lander_propellant: str = Field(
        "lox_ch4", description="Propellant id of the lander / capture stage (propellants catalog)."
    )
    loiter_days: NonNegativeFloat = Field(
        5.0,
        le=3650,
        description="Days the cryogenic stages coast before their burns (boil-off), e.g. TLI->NRHO 5 d.",
    )
    reusable_lander: bool = Field(
        False,
        description="Lunar cargo lands on a reusable lander refuelled at the staging orbit (llo or nrho); "
        "otherwise landers are expended.",
    )
    mars_window: MarsWindow | None = Field(
        None,
        description="Mars only: compute departure and capture delta-v for this launch window (porkchop on DE421); "
        "without it the DRA 5.0 upper-bound legs of the catalog are used.",
    )
    asteroid_window: AsteroidWindow | None = Field(
        None,
        description="near_earth_asteroid only (required there): Earth departure and rendezvous delta-v for this "
        "window and the Earth-return burn, from Lambert transfers on DE421 (Earth) and the catalog's elements (asteroid).",
    )
    aerocapture: bool = Field(
        False, description="Mars only: capture by aerocapture (with the entry aeroshell) instead of a propulsive burn."
    )
    launch_orbit_altitude_km: PositiveFloat = Field(
        407.0,
        ge=150,
        le=600,
        description="Circular low Earth orbit where launched mass is aggregated [km]. Vehicles' LEO payloads "
        "are used as published whatever this altitude (they refer to low insertion orbits), so it is kept "
        "within 150-600 km.",
    )
    crew_lander: str | None = Field(
        None,
        description="Element id (elements catalog) of a crew lander delivered to the staging orbit per "
        "rotation; none when landers are bought as a service outside the modelled manifest.",
    )
    cargo_carrier: str | None = Field(
        None,
        description="Element id of the cargo lander or logistics vehicle whose payload sets the number of "
        "cargo flights; default by destination (moon: blue_moon_mk1, moon_orbit: dragon_xl, earth_orbit: htv_x).",
    )


class Launch(_Strict):
    """Launch policy and vehicle choice per payload class."""

    policy: Literal["open_market", "national"] = Field(
        "open_market",
        description="open_market: any partner's payload on any partner's vehicle; national: the lead partner's "
        "(listed first) vehicles, until work shares assign elements to partners.",
    )
    cargo_vehicle: str = Field(
        "auto",
        description="Vehicle id for cargo and elements, or 'auto' (largest LEO payload among the allowed vehicles).",
    )
    crew_vehicle: str = Field(
        "auto", description="Crew-rated vehicle id, or 'auto' (largest LEO payload among allowed crew-rated)."
    )
    crew_spacecraft: str | None = Field(
        None, description="Element id of the crew spacecraft (one launch per rotation)."
    )
    packing_efficiency: float = Field(
        0.85,
        gt=0,
        le=1,
        allow_inf_nan=False,
        description="Usable fraction of a vehicle's LEO payload when manifesting (unitless, a study assumption).",
    )
    include_planned: bool = Field(
        True, description="Allow vehicles whose status is 'planned'."
    )
    default_reliability: float = Field(
        0.95,
        gt=0,
        le=1,
        allow_inf_nan=False,
        description="Launch success probability assumed for a vehicle whose flight record in the catalog "
        "is missing or shorter than min_flights_for_record (a study assumption, reported as such); "
        "otherwise (successes+1)/(launches+2).",
    )
    min_flights_for_record: int = Field(
        5, ge=0, le=1000, description="Flights a vehicle needs before its own record sets its reliability."
    )


class Partner(_Strict):
    """A partner agency, by catalog id, with study-specific settings."""

    id: str = Field(..., description="Partner id from the partners catalog.")
    vehicles: list[str] | None = Field(
        None, description="Vehicle ids this partner brings; default: its catalog vehicles."
    )
    capabilities: list[str] | None = Field(
        None, description="Element types it can build; default: its catalog capabilities."
    )
    budget_cap_musd: NonNegativeFloat | None = Field(
        None, description="Most it may pay in any campaign year [MUSD, base-year dollars]; none: no cap."
    )
    cost_factor: PositiveFloat | None = Field(
        None,
        le=10,
        description="Multiplier on the development, production and operations cost of what it builds "
        "(1 = the cost relationships' own level); default 1, an assumption reported as such.",
    )
    min_share: Fraction = Field(
        0.0, description="Least share of the campaign's work (cost of what it provides) it must have."
    )
    max_share: Fraction = Field(
        1.0, description="Largest share of the campaign's work it may have."
    )


class Objective(_Strict):
    """What ``trades optimize`` minimizes."""

    name: Literal["launch_mass", "life_cycle_cost", "npv_cost", "cost_per_crew_day"] = Field(
        "life_cycle_cost",
        description="launch_mass: total mass in the launch orbit; life_cycle_cost: all spend over the campaign "
        "(base-year dollars); npv_cost: its present value at campaign.discount_rate; cost_per_crew_day: "
        "life-cycle cost per crew-member-day.",
    )


class DesignVariable(_Strict):
    """A continuous model input ``trades optimize`` may move, besides the work shares."""

    name: str = Field(..., description="One of the design variables listed in the documentation (e.g. 'water_closure').")
    lower: float | None = Field(None, allow_inf_nan=False, description="Lower bound; default: the physical lower bound.")
    upper: float | None = Field(None, allow_inf_nan=False, description="Upper bound; default: the physical upper bound.")


class CostSharing(_Strict):
    """How partners share the work and the bill."""

    rule: Literal["contribution", "fixed_key"] = Field(
        "contribution",
        description="contribution: each partner pays for what it provides (barter); fixed_key: each pays its "
        "fraction in 'key' of every year's total, the difference settled in cash.",
    )
    key: dict[str, Fraction] | None = Field(
        None, description="fixed_key only: partner id -> fraction of the cost it pays (sums to 1; e.g. ISS-like shares)."
    )
    return_min: PositiveFloat | None = Field(
        None, description="fixed_key only: least ratio of a partner's work share to its funding share (geographic return)."
    )
    return_max: PositiveFloat | None = Field(
        None, description="fixed_key only: largest ratio of a partner's work share to its funding share."
    )
    barred_pairs: list[Annotated[list[str], Field(min_length=2, max_length=2)]] = Field(
        default_factory=list, description="Pairs of partner ids that may not work together on any element."
    )
    coordination_exponent: float | None = Field(
        None, ge=0, le=1, allow_inf_nan=False,
        description="Exponent of the coordination overhead N_eff^alpha of a shared element; default: the catalog's "
        "0.5 ('square root of the number of nations'); lower it to model an interface standard.",
    )
    learning_rate: float | None = Field(
        None, gt=0.5, le=1, allow_inf_nan=False,
        description="Cost of each doubling of units built (Wright); default: the catalog's 0.8.",
    )
    crew_time: Literal["funding", "key"] = Field(
        "funding",
        description="Each partner's share of the outpost's use (crew time): in proportion to what it pays (funding) "
        "or to the fixed key.",
    )


class Coalitions(_Strict):
    """How ``trades coalitions`` prices a coalition that lacks a capability the mission needs."""

    missing_capability: Literal["buy", "penalty"] = Field(
        "buy",
        description="buy: the coalition buys what it cannot build or launch from the study's other partners, at their "
        "cost times purchase_markup (like NASA buying Soyuz seats); penalty: the coalition's cost is penalty_musd.",
    )
    purchase_markup: float = Field(
        1.0, ge=1.0, le=10.0, allow_inf_nan=False,
        description="Multiplier on what a coalition buys from partners outside it (1 = at cost; a study assumption).",
    )
    penalty_musd: PositiveFloat | None = Field(
        None, description="penalty only: the cost charged to a coalition that cannot do the mission [MUSD, base-year dollars]."
    )
    workers: int | None = Field(
        None, ge=1, le=256, description="Worker processes for the coalition optimizations; default: all cores."
    )


class SweepFactor(_Strict):
    """One factor of a sweep: a study field and the values it takes."""

    field: str | None = Field(None, description="Key path of the study field the factor sets, e.g. 'outpost.water_closure', "
                              "'launch.policy', 'transportation.staging' or 'partners' (values: lists of partner ids).")
    input: str | None = Field(None, description="Instead of a field: a model input (see trades sensitivity's list, e.g. "
                              "'cost.partners.launch_price_per_kg') whose study value the factor's values multiply.")
    values: list[Any] | None = Field(None, min_length=1, description="Discrete choices (catalog ids, options, partner sets).")
    range: list[Annotated[float, Field(allow_inf_nan=False)]] | None = Field(
        None, min_length=2, max_length=2, description="Continuous range [low, high] (sampled, or split into levels for full factorial)."
    )
    levels: int = Field(3, ge=2, le=1000, description="Full factorial only: evenly spaced values across the range.")

    @property
    def name(self) -> str:
        """The factor's column: its field, or ``scale:<input>``."""
        return self.field if self.field is not None else f"scale:{self.input}"


class Sweep(_Strict):
    """``trades sweep``: the cases of a trade study, combined from factors."""

    method: Literal["full_factorial", "latin_hypercube", "sobol", "saltelli", "morris"] = Field(
        "full_factorial", description="How factors combine: every combination, or samples of a Latin hypercube or a "
        "scrambled Sobol sequence (scipy.stats.qmc) over all factors (a discrete factor takes the choice its sample falls in); "
        "saltelli and morris: SALib's samples for Sobol indices (N(D+2) cases) and Morris screening (N(D+1)), ranges only.",
    )
    samples: int | None = Field(None, ge=1, le=10_000_000, description="latin_hypercube and sobol: number of cases.")
    seed: int = Field(0, ge=0, description="Seed of the sampler: the same seed gives the same cases.")
    evaluate: Literal["run", "optimize"] = Field(
        "run", description="run: evaluate each case as trades run does; optimize: optimize each case as trades optimize does.",
    )
    factors: list[SweepFactor] = Field(..., min_length=1, description="The factors that vary.")
    chunk_size: int = Field(64, ge=1, le=100_000, description="Cases a worker evaluates per task (and written per transaction).")


class SensitivityParameter(_Strict):
    """A parameter of ``trades sensitivity``'s swings and global analysis."""

    field: str | None = Field(None, description="A numeric study field, e.g. 'outpost.water_closure'.")
    input: str | None = Field(None, description="Instead of a field: a model input, scaled (low and high are multipliers, e.g. 1 and 2 for a price that doubles).")
    low: float | None = Field(None, allow_inf_nan=False, description="Low value; default: the study's value less swing_percent.")
    high: float | None = Field(None, allow_inf_nan=False, description="High value; default: the study's value plus swing_percent.")

    @property
    def name(self) -> str:
        return self.field if self.field is not None else f"scale:{self.input}"


class Sensitivity(_Strict):
    """``trades sensitivity``: local elasticities of every model input, one-at-a-time swings and
    global (Sobol or Morris) indices over the listed parameters."""

    parameters: list[SensitivityParameter] = Field(default_factory=list, description="Parameters to swing and to analyse globally.")
    swing_percent: float = Field(20.0, gt=0, le=100, description="Swing of a parameter without low and high [%].")
    evaluate: Literal["run", "optimize"] = Field("run", description="Evaluate each case, or re-optimize it (as trades optimize).")
    global_method: Literal["sobol", "morris", "none"] = Field(
        "sobol", description="Global indices: Sobol first-order and total (Saltelli sampling) or Morris screening (SALib).")
    samples: int = Field(64, ge=4, le=100_000, description="Base sample size N: Sobol runs N(D+2) cases, Morris N(D+1) trajectories' points.")
    seed: int = Field(0, ge=0, description="Seed of the global sample.")


class Reference(_Strict):
    """A source the study's inputs cite."""

    id: str
    citation: str
    url: str | None = None


class SourcedOverride(_Strict):
    """A catalog value replaced by the study; the new value must cite its source."""

    value: float = Field(..., allow_inf_nan=False)
    source: str = Field(..., min_length=3)
    unit: str | None = None


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
    coalitions: Coalitions = Field(default_factory=Coalitions)
    sweep: Sweep | None = Field(None, description="Cases for trades sweep; ignored by the other commands.")
    sensitivity: Sensitivity | None = Field(None, description="Parameters and ranges for trades sensitivity.")
    shared_infrastructure: list[str] = Field(
        default_factory=list,
        description="Element ids (type relay) every partner uses, deployed with the outpost and costed and shared like the others.",
    )
    references: list[Reference] = Field(default_factory=list, description="Sources the study's inputs cite.")
    input_sources: dict[str, str] = Field(
        default_factory=dict, description="Key path of an input -> reference id or citation."
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
        errors += self._cost_sharing_errors()
        errors += self._sweep_errors()
        errors += self._sensitivity_errors()
        if self.transportation.mars_window is not None and self.destination.body != "mars":
            errors.append((("transportation", "mars_window"), "a Mars window applies to destination body 'mars' only"))
        errors += self._asteroid_errors()
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
        return list(range(self.campaign.start_year, self.campaign.start_year + self.campaign.num_years))

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


# ---- loading ---------------------------------------------------------------------------------


MAX_EXPANDED_NODES = 100_000  # YAML aliases may not expand a study beyond this many nodes
MAX_DEPTH = 40  # nesting deeper than this is not a study


class _YamlProblem(Exception):
    def __init__(self, reason: str, line: int | None = None, key: str | None = None, path: tuple | None = None):
        super().__init__(reason)
        self.reason, self.line, self.key, self.path = reason, line, key, path


_INT, _FLOAT, _BOOL, _MERGE = (f"tag:yaml.org,2002:{name}" for name in ("int", "float", "bool", "merge"))
_AMBIGUOUS_INT = "tag:trades,2026:ambiguous-int"  # 017: octal 15 in YAML 1.1, 17 in YAML 1.2


MAX_NUMBER_CHARACTERS = 100  # far beyond any number a study takes; Python refuses int() past 4300 digits


def _too_long(text: str) -> str:
    return f"a number written with {len(text)} characters; a study's numbers need at most {MAX_NUMBER_CHARACTERS}"


def _ambiguous_int_reason(text: str) -> str:
    if len(text) > MAX_NUMBER_CHARACTERS:
        return _too_long(text)
    decimal = int(text, 10)
    if set(text.lstrip("+-")) <= set("01234567"):
        octal = int(text, 8)
        return (f"{text} has a leading zero: YAML 1.1 reads it as octal {octal}, YAML 1.2 as {decimal}; write {decimal}"
                + (f", or 0o{octal:o} for octal" if octal >= 0 else "") + " (or quote it if it is text)")
    return f"{text} has a leading zero: YAML 1.2 reads it as {decimal}, YAML 1.1 as text; write {decimal} (or quote it if it is text)"


class _StudyLoader(yaml.SafeLoader):
    """Safe loading with YAML 1.2 core-schema scalars that refuses duplicate keys and keys that
    are not text.

    PyYAML implements YAML 1.1, where ``017`` is octal 15, ``1:30`` is 90 (base 60) and ``yes``
    is true. A study is read with the YAML 1.2 core schema instead (the YAML of today's editors
    and of most other tools): integers are decimal, ``0o`` octal or ``0x`` hexadecimal; floats
    need no dot (``1e6``); booleans are ``true`` and ``false`` only; anything else is text, which
    a number field then refuses with its name. A decimal integer with a leading zero is refused
    outright: the two versions read it as different numbers and the author's meaning is unclear.
    """

    def construct_mapping(self, node, deep=False):
        # a key given in the mapping itself may override one merged in with `<<: *anchor` (the
        # merge-key semantics); two explicit keys with one name are a mistake
        explicit = {id(key_node) for key_node, _ in node.value if key_node.tag != _MERGE}
        self.flatten_mapping(node)
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if not isinstance(key, str):
                raise _YamlProblem(f"key {key!r} is not text (keys should be strings)", line, str(key))
            if id(key_node) not in explicit:
                continue
            if key in seen:
                raise _YamlProblem(f"duplicate key '{key}' (the first one would be silently lost)", line, key)
            seen.add(key)
        return super().construct_mapping(node, deep)

    def construct_yaml_int(self, node):
        text = self.construct_scalar(node)
        if len(text) > MAX_NUMBER_CHARACTERS:
            raise _YamlProblem(_too_long(text), node.start_mark.line + 1)
        return int(text, 0)  # 17, -17, 0o17, 0x1F (the resolver admits no other form)

    def construct_ambiguous_int(self, node):
        raise _YamlProblem(_ambiguous_int_reason(node.value), node.start_mark.line + 1)


# The YAML 1.2 core schema's resolution of plain scalars (yaml.org/spec/1.2.2, section 10.3.2) in
# place of PyYAML's YAML 1.1 rules for int, float and bool; null, timestamps and merge keys stay.
_StudyLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in (_INT, _FLOAT, _BOOL)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StudyLoader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_StudyLoader.add_implicit_resolver(_AMBIGUOUS_INT, re.compile(r"^[-+]?0[0-9]+$"), list("-+0"))  # before int
_StudyLoader.add_implicit_resolver(_INT, re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), list("-+0123456789"))
_StudyLoader.add_implicit_resolver(
    _FLOAT,
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+.0123456789"),
)
_StudyLoader.add_constructor(_INT, _StudyLoader.construct_yaml_int)
_StudyLoader.add_constructor(_AMBIGUOUS_INT, _StudyLoader.construct_ambiguous_int)


def _check_numbers(node: yaml.Node, path: tuple = (), seen: set | None = None) -> None:
    """Refuse, with its key path, a plain scalar that YAML 1.1 and 1.2 read as different numbers."""
    seen = set() if seen is None else seen
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, yaml.ScalarNode) and node.tag == _AMBIGUOUS_INT:
        raise _YamlProblem(_ambiguous_int_reason(node.value), node.start_mark.line + 1, path=path)
    if isinstance(node, yaml.ScalarNode) and node.tag == _INT and len(node.value) > MAX_NUMBER_CHARACTERS:
        raise _YamlProblem(_too_long(node.value), node.start_mark.line + 1, path=path)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            _check_numbers(key_node, path, seen)
            _check_numbers(value_node, path + (key_node.value,), seen)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _check_numbers(item, path + (i,), seen)


def _check_size(node: yaml.Node) -> None:
    """Refuse alias bombs and absurd nesting before anything walks the data."""
    memo: dict[int, int] = {}

    def size(n: yaml.Node, depth: int) -> int:
        if depth > MAX_DEPTH:
            raise _YamlProblem(f"nesting deeper than {MAX_DEPTH} levels", n.start_mark.line + 1)
        if id(n) in memo:
            return memo[id(n)]
        if isinstance(n, yaml.MappingNode):
            total = 1 + sum(size(k, depth + 1) + size(v, depth + 1) for k, v in n.value)
        elif isinstance(n, yaml.SequenceNode):
            total = 1 + sum(size(item, depth + 1) for item in n.value)
        else:
            total = 1
        memo[id(n)] = total
        if total > MAX_EXPANDED_NODES:
            raise _YamlProblem(f"YAML aliases expand the study to more than {MAX_EXPANDED_NODES} values")
        return total

    size(node, 0)


def _line_index(node: yaml.Node, path: tuple = (), index: dict | None = None, seen: set | None = None) -> dict:
    """Map each key path in a composed YAML tree to its 1-based line (aliases walked once)."""
    index = {} if index is None else index
    seen = set() if seen is None else seen
    index.setdefault(path, node.start_mark.line + 1)
    if id(node) in seen:
        return index
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            _line_index(value_node, path + (key,), index, seen)
            index[path + (key,)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _line_index(item, path + (i,), index, seen)
    return index


def _path_at(lines: dict, line: int | None, key: str | None) -> str:
    for path, at in lines.items():
        if at == line and path and str(path[-1]) == key:
            return format_path(path)
    return key or ""


def format_path(loc: tuple) -> str:
    """('partners', 2, 'budget_cap_musd') -> 'partners[2].budget_cap_musd'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _short(value: Any) -> str:
    return reprlib.repr(value)  # bounded: never walks a huge value


def _pydantic_errors(file: str, exc: ValidationError, lines: dict, schema: str = "the study schema; see `trades schema`") -> StudyErrors:
    errors = []
    for err in exc.errors():
        # pydantic adds the validator name for model validators; keep only real key parts
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        line = None
        for cut in range(len(loc), -1, -1):
            if loc[:cut] in lines:
                line = lines[loc[:cut]]
                break
        kind = err["type"]
        msg = err["msg"].removeprefix("Value error, ")
        if kind == "extra_forbidden":
            reason = f"unknown key '{loc[-1]}' (not part of {schema})"
        elif kind == "missing":
            reason = "required field is missing"
        else:
            reason = f"{msg} (got {_short(err.get('input'))})" if "input" in err and kind != "value_error" else msg
            reason += _yaml11_hint(err.get("input"), kind)
        errors.append(StudyError(file, format_path(loc), reason, line))
    return StudyErrors(errors)


# Plain scalars that YAML 1.1 read as numbers or booleans and the YAML 1.2 core schema reads as text
_YAML11_NUMBER = re.compile(r"[-+]?(?:[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|[0-9]+(?:_[0-9]*)+(?:\.[0-9_]*)?|0b[01_]+)")
_YAML11_BOOL = {"yes", "no", "on", "off", "y", "n"}


def _yaml11_hint(bad: Any, kind: str) -> str:
    """Why a text value where a number or boolean belongs may have been meant as one."""
    if not isinstance(bad, str):
        return ""
    if kind == "bool_type" and bad.lower() in _YAML11_BOOL:
        return "; studies are read as YAML 1.2, where booleans are true and false only"
    if _YAML11_NUMBER.fullmatch(bad.strip()):
        return f"; studies are read as YAML 1.2, where {bad} is text, not a number (YAML 1.1 read base-60, binary and digit-grouped numbers): write a plain number"
    return ""


def parse_yaml_mapping(text: str, file: str, what: str = "a study", empty: str = "a study needs at least 'name' and 'partners'") -> tuple[dict, dict]:
    """Safe YAML text (no duplicate keys, bounded size, aliases and depth) that must be a mapping;
    returns it and the line of each key path. Errors name ``file``."""
    try:
        node = yaml.compose(text, Loader=_StudyLoader)
        if node is not None:
            _check_size(node)
            _check_numbers(node)
        data = yaml.load(text, Loader=_StudyLoader)  # noqa: S506 - a SafeLoader subclass
    except _YamlProblem as exc:
        if exc.path is not None:
            field = format_path(exc.path)
        else:
            field = _path_at(_line_index(node) if exc.key is not None else {}, exc.line, exc.key)
        raise StudyErrors([StudyError(file, field, exc.reason, exc.line)]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise StudyErrors([StudyError(file, "", f"YAML syntax error: {problem}", line)]) from None
    except RecursionError:
        raise StudyErrors([StudyError(file, "", f"nesting deeper than {MAX_DEPTH} levels")]) from None
    if data is None:
        raise StudyErrors([StudyError(file, "", f"the file is empty; {empty}")])
    if not isinstance(data, dict):
        raise StudyErrors(
            [StudyError(file, "", f"{what} must be a YAML mapping of keys, not a {type(data).__name__}", 1)]
        )
    return data, _line_index(node)


def parse_study_text(text: str, file: str = "<study>") -> Study:
    """Validate study YAML text; errors name ``file``."""
    data, lines = parse_yaml_mapping(text, file)
    try:
        study = Study.model_validate(data)
    except ValidationError as exc:
        raise _pydantic_errors(file, exc, lines) from None
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


def read_file_bytes(path: str | Path, what: str) -> bytes:
    """The bytes of a regular file the user names, at most MAX_STUDY_BYTES; every failure is a
    :class:`StudyErrors` naming the file.

    Only a regular file is read: a FIFO would block forever and a device (``/dev/zero``) never
    ends, so anything else, or a symlink to it, is refused before it is opened.
    """
    name = str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise StudyErrors([StudyError(name, "", "file not found")]) from None
    except OSError as exc:
        raise StudyErrors([StudyError(name, "", f"cannot read it ({exc.strerror})")]) from None
    if stat.S_ISDIR(info.st_mode):
        raise StudyErrors([StudyError(name, "", f"is a directory, not {what}")])
    if not stat.S_ISREG(info.st_mode):
        raise StudyErrors([StudyError(name, "", f"is not a regular file (a device, pipe or socket), not {what}")])
    if info.st_size > MAX_STUDY_BYTES:
        raise StudyErrors([StudyError(name, "", f"file is {info.st_size} bytes; {what} may be at most {MAX_STUDY_BYTES}")])
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_STUDY_BYTES + 1)  # bounded even if the file grows after the check
    except OSError as exc:
        raise StudyErrors([StudyError(name, "", f"cannot read it ({exc.strerror})")]) from None
    if len(raw) > MAX_STUDY_BYTES:
        raise StudyErrors([StudyError(name, "", f"file is over {MAX_STUDY_BYTES} bytes; {what} may be at most {MAX_STUDY_BYTES}")])
    return raw


def decode_text(raw: bytes, name: str, what: str) -> str:
    """UTF-8 text without NUL bytes, or a :class:`StudyErrors` naming the file."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise StudyErrors(
            [StudyError(name, "", f"not a UTF-8 text file (undecodable byte at offset {exc.start})")]
        ) from None
    if "\x00" in text:
        raise StudyErrors([StudyError(name, "", f"contains NUL bytes: binary data, not {what} in YAML")])
    return text


def read_text_file(path: str | Path, what: str) -> str:
    """The text of a regular file the user names (at most MAX_STUDY_BYTES of UTF-8, no NUL bytes);
    every failure is a :class:`StudyErrors` naming the file."""
    return decode_text(read_file_bytes(path, what), str(path), what)


def json_schema() -> dict:
    """The JSON Schema of study files (for editors' autocompletion)."""
    schema = Study.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "trades study file"
    return schema


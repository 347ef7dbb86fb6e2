"""The sections of a study file (campaign, destination, outpost, transportation, launch,
partners, objective, cost sharing, coalitions, sweep, sensitivity, references, overrides): pydantic
models with their defaults, domains and field descriptions (``trades schema`` prints them)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from trades.study.mars_crew import MarsCrew
from trades.study.windows import AsteroidWindow, MarsWindow


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
    discount_rate: float | None = Field(
        None,
        ge=0,
        le=0.5,
        allow_inf_nan=False,
        description="Real discount rate per year for net present value (unitless); None: the catalog's cost.discount_rate "
        "(OMB Circular A-94 Appendix C real rate for cost-effectiveness analysis).",
    )
    present_value_year: int | None = Field(
        None, ge=1957, le=2150, description="Year the net present value is discounted to; default start_year "
        "(development moved earlier by schedule.development_years does not move it: earlier years compound forward).")


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
    eva_hours_per_year: NonNegativeFloat = Field(
        146.0, le=20000,
        description="EVA crew-member hours per crewed year [h]. Default: the ISS average, about 1,130 spacewalk hours "
        "in 180 spacewalks from December 1998 to June 2014 (NASA statistics as reported by CNN, 'International Space "
        "Station Fast Facts', 2014), 1,130 h / 15.5 years x 2 crew per spacewalk (an assumption); a surface outpost "
        "exploring on foot will do far more.",
    )
    isru: Isru = Field(default_factory=Isru)



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
    cryogenic_storage: Literal["passive", "zero_boiloff"] = Field("passive", description="In-space departure-role stages' propellant: "
        "passive (boils off at the catalog rate over each coast) or zero_boiloff (none; 20 K cryocoolers and their solar arrays, "
        "sized for the heat leak the passive rate implies, for propellants the catalog gives them: LH2 only; landers stay passive).")
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
    mars_crew: MarsCrew | None = Field(
        None, description="Mars only (with mars_window for the cargo): crewed missions per window, their vehicles flown and costed."
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
        description="Element id (elements catalog) of a crew lander delivered to the staging orbit per rotation; "
        "one refuelled in orbit (launches_per_landing: starship_hls) is not delivered: its launches per landing "
        "count on its launcher, each landing bought per landing; none when landers are outside the manifest.",
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
        description="Vehicle id for cargo and elements, or 'auto': among the allowed vehicles whose flight-rate limit "
        "(max_flights_per_year) lifts every year's cargo, the lowest price per kg in the launch orbit, failed attempts "
        "included; among unpriced vehicles only, the largest LEO payload.",
    )
    crew_vehicle: str = Field(
        "auto", description="Crew-rated vehicle id whose crew spacecraft is rated for the destination (crew_reach: leo "
        "serves Earth orbit only), or 'auto': the lowest price per launch among those; among unpriced ones only, the "
        "largest LEO payload."
    )
    crew_spacecraft: str | None = Field(
        None, description="Element id of the crew spacecraft (one launch per rotation); at a near-Earth asteroid it rides "
        "the stack's three burns and its max_entry_speed_km_s rates the return's Earth entry."
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
    min_all_launches_succeed: float | None = Field(
        None,
        gt=0,
        le=1,
        allow_inf_nan=False,
        description="Required probability that every launch of the campaign succeeds (unitless); run and optimize "
        "exit 3 naming the shortfall when the campaign misses it. None: reported, not required.",
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
        description="Multiplier on the development and production cost of what it builds (TRANSCOST's f8; not on "
        "operations, paid at their rate); 1 = the relationships' own level; default 1, an assumption reported as such.",
    )
    min_share: Fraction = Field(
        0.0, description="Least share of the campaign's work (cost of what it provides) it must have."
    )
    max_share: Fraction = Field(
        1.0, description="Largest share of the campaign's work it may have."
    )
    demand: NonNegativeFloat | None = Field(None, description="Its share of the outpost's use (crew time; any unit, normalised by "
        "the sum): trades coalitions then plays the demand game, each coalition serving its members' demand (a partner that states none wants none).")


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
    method: Literal["auto", "exact", "sampled"] = Field(
        "auto", description="exact: every coalition, Shapley, nucleolus and core; sampled: Shapley values with 95 % intervals "
        "from sampled orders (trades.analyses.games.shapley_sampled); auto: exact up to exact_max_partners partners.")
    exact_max_partners: int = Field(10, ge=2, le=16, description="auto: most partners played exactly (2^n - 1 coalitions; 10: 1,023).")
    relative_half_width: PositiveFloat = Field(
        0.01, le=1, description="sampled: 95 % half-width to reach on every partner's Shapley value, as a fraction of the grand coalition's cost.")
    max_coalitions: int = Field(20_000, ge=1, description="sampled: stop after this many distinct coalitions even if the half-width is not reached.")
    seed: int = Field(0, ge=0, description="sampled: seed of the orders (the same seed gives the same coalitions, so --resume reuses them).")
    symmetric_partners: bool = Field(True, description="Optimize one coalition per class of coalitions that differ only by interchangeable partners (same data, named nowhere else; trades.analyses.coalition_symmetry).")


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

"""The resolved architecture: every model input with its value, units and source, the payload
streams' stages, the chosen vehicles, the trajectory and the cost plan. Made by
:func:`trades.architecture.resolve.resolve`; what the problem is assembled from."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from trades.study.catalog import Catalog
from trades.architecture.costing import CostPlan
from trades.study.schema import Study


#: the reason recorded for an unverified catalog value whose entry gives none (a test forbids it in shipped studies)
NO_REASON = "not verified in its source; the catalog gives no reason"


@dataclass
class ModelInput:
    """One value set on the model: promoted name, value, OpenMDAO units and its source."""

    name: str
    value: float | list
    units: str
    source: str
    verified: bool | None = None  # catalog values: read in their source? None: not a catalog value
    note: str | None = None  # for an unverified value: what is unverified and what would settle it


@dataclass
class Stage:
    """A propulsive stage of a payload stream: its legs, propellant and total delta-v."""

    stream: str
    index: int
    role: str
    legs: list[str]
    leg_delta_v_km_s: list[float]
    propellant: str
    landed_fraction: float | None = None  # entry steps only
    source: str | None = None  # where computed legs came from (else the delta-v catalog)
    coast: tuple[float, str] | None = None  # days before the burn and how counted, when planned with the stage
    core_engines: bool = False  # the burn is made by the stream's core stage's engines (its stages are that stage's tanks)
    at_destination: bool = False  # burns at (or leaves from) the destination: far from the Sun over its coast

    @property
    def delta_v_km_s(self) -> float:
        return float(sum(self.leg_delta_v_km_s))


@dataclass
class Architecture:
    """Everything :mod:`trades.architecture.assemble` needs to build the OpenMDAO problem."""

    study: Study
    file: str
    catalog: Catalog
    years: list[int]
    stages: dict[str, list[Stage]]
    power_source: str
    cargo_vehicle: str
    crew_vehicle: str | None
    vehicle_owner: dict[str, str]
    vehicles_by_partner: dict[str, list[str]]  # each partner's launch vehicles (checks.partner_vehicles), in partner order
    reusable_lander: dict | None = None
    trajectory: dict | None = None
    mars_crew: list[dict] | None = None  # crewed Mars missions per window (trades.architecture.mars_missions)
    cost: "CostPlan | None" = None
    lander_launcher: str | None = None  # a refuelled crew lander's launcher (trades.architecture.refuelled_lander)
    ssa: object = None  # the fielded SSA system (trades.architecture.ssa.SsaDesign), when the study has one
    inputs: list[ModelInput] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, name, value, units, source, verified=None, note=None):
        if isinstance(value, np.ndarray):
            value = value.tolist()
        if verified is False and not note:
            note = NO_REASON
        self.inputs.append(ModelInput(name, value, units, source, verified, note if verified is False else None))

    def add_catalog(self, name, sourced: dict, units):
        """Set an input from a catalog's sourced mapping, keeping its source, verified flag and note."""
        self.add(name, float(sourced["value"]), units, sourced["source"], bool(sourced.get("verified")), sourced.get("note"))

    @property
    def unverified_inputs(self) -> list[str]:
        return [i.name for i in self.inputs if i.verified is False]


def year_masks(study: Study) -> dict[str, np.ndarray]:
    years = np.array(study.years)
    return {
        "crewed": (years >= study.first_crewed_year).astype(float),
        "deploy": (years == study.deploy_year).astype(float),
        "operating": (years > study.deploy_year).astype(float),
    }

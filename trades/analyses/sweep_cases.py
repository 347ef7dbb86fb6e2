"""The cases of a study's ``sweep:`` section: the factors' levels or samples (full factorial,
Latin hypercube, Sobol), which factors are *fast* (continuous model inputs a built problem takes
without rebuilding), each case's study, the checks before a sweep starts, what a case records,
and the sweep's identity (what ``--resume`` compares)."""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import math

import numpy as np
import yaml

from trades.models import variables as var
from trades.errors import StudyErrors
from trades.study.schema import Study


#: what each case records: name -> (problem output, how a per-year output is reduced)
OUTPUTS = {
    "life_cycle_cost_musd": (var.PARTNER_LIFE_CYCLE_COST, "sum"),
    "npv_cost_musd": (var.PRESENT_VALUE, "sum"),
    "cost_per_crew_day_musd": (var.COST_PER_CREW_DAY, "sum"),
    "peak_annual_cost_musd": (var.TOTAL_COST, "max"),
    "crew_days": ("crew.crew_days", "sum"),
    "mass_in_launch_orbit_kg": ("campaign_launch_mass.campaign_launch_mass", "sum"),
}
DERIVED = ["launches", "participating_partners", "max_cap_use"]
#: the column of each study objective
OBJECTIVE_COLUMNS = {"life_cycle_cost": "life_cycle_cost_musd", "npv_cost": "npv_cost_musd",
                     "cost_per_crew_day": "cost_per_crew_day_musd", "launch_mass": "mass_in_launch_orbit_kg"}
OUTPUT_NAMES = list(OUTPUTS) + DERIVED
CASE_COLUMNS = ["case_id", "status", "reason", "seconds"]


def fast_inputs() -> dict[str, tuple[str, str]]:
    """Study field -> (model input, units) of the fields a built problem may take without rebuilding."""
    from trades.architecture.checks import DESIGN_VARIABLES

    return {field: (name, units) for name, (_, _, units, field) in DESIGN_VARIABLES.items()}


def is_fast(study: Study, field: str, values) -> bool:
    """Whether a field taking ``values`` can be set on the study's built problem: it is one of
    :func:`fast_inputs` and neither the study's value nor any of ``values`` is zero or below (a
    zero ISRU rate or zero rotations leave an item or the crew vehicle out of the problem)."""
    if field not in fast_inputs():
        return False
    return study_value(study, field) > 0 and min(values) > 0


def study_value(study: Study, field: str):
    """The value of a study field given by its key path, e.g. ``outpost.stay_days``."""
    node = study.model_dump(mode="json")
    for part in field.split("."):
        node = node[part]
    return node


def factor_is_fast(study: Study, factor) -> bool:
    return factor.input is not None or is_fast(study, factor.field, factor.values if factor.values is not None else factor.range)


# ---- the cases -------------------------------------------------------------------------------

@functools.lru_cache(maxsize=None)  # asked for every sampled value of every case
def _field_is_int(field: str) -> bool:
    """Whether a study field holds an integer (a range over it takes whole values)."""
    import typing

    from pydantic import BaseModel

    model, args = Study, ()
    for part in field.split("."):
        annotation = model.model_fields[part].annotation
        args = (annotation, *typing.get_args(annotation))
        nested = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
        model = nested[0] if nested else None
    return int in args and float not in args


def as_field_type(field: str | None, value: float):
    """A sampled number as the field takes it: whole for integer fields (crew size), else float."""
    return int(round(value)) if field and _field_is_int(field) else float(value)


def factor_levels(factor) -> list:
    """A factor's values for a full factorial: its choices, or ``levels`` points across its range."""
    if factor.values is not None:
        return list(factor.values)
    low, high = factor.range
    points = np.linspace(low, high, factor.levels)
    return sorted({as_field_type(factor.field, v) for v in points})


def number_of_cases(study: Study) -> int:
    sweep = study.sweep
    if sweep.method == "full_factorial":
        return math.prod(len(factor_levels(f)) for f in sweep.factors)
    if sweep.method == "saltelli":
        return sweep.samples * (len(sweep.factors) + 2)
    if sweep.method == "morris":
        return sweep.samples * (len(sweep.factors) + 1)
    return sweep.samples


def cases(study: Study):
    """Every case as a tuple of factor values, in case-id order (deterministic for the seed)."""
    sweep = study.sweep
    if sweep.method == "full_factorial":
        yield from itertools.product(*(factor_levels(f) for f in sweep.factors))
        return
    if sweep.method in ("saltelli", "morris"):
        for x in salib_sample(salib_problem(sweep.factors), sweep.method, sweep.samples, sweep.seed):
            yield tuple(as_field_type(f.field, v) for f, v in zip(sweep.factors, x))
        return
    import warnings

    from scipy.stats import qmc

    d = len(sweep.factors)
    sampler = qmc.LatinHypercube(d=d, seed=sweep.seed) if sweep.method == "latin_hypercube" else qmc.Sobol(d=d, scramble=True, seed=sweep.seed)
    with warnings.catch_warnings():  # Sobol's balance needs a power of two; other counts are allowed (documented)
        warnings.simplefilter("ignore", UserWarning)
        sample = sampler.random(sweep.samples)  # n x d floats: 4 MB for 100,000 cases of 5 factors
    for u in sample:
        yield tuple(_value(f, x) for f, x in zip(sweep.factors, u))


def salib_problem(factors) -> dict:
    return {"num_vars": len(factors), "names": [f.name for f in factors], "bounds": [list(f.range) for f in factors]}


def salib_sample(problem: dict, method: str, samples: int, seed: int) -> np.ndarray:
    """SALib's sample: Saltelli's scheme for Sobol indices (first-order and total, N(D+2) points)
    or Morris trajectories (4 levels, N(D+1) points)."""
    import warnings

    with warnings.catch_warnings():  # SALib warns when N is not a power of two (convergence): allowed, documented
        warnings.simplefilter("ignore")
        if method == "saltelli":
            from SALib.sample import sobol

            return sobol.sample(problem, samples, calc_second_order=False, seed=seed)
        from SALib.sample import morris

        return morris.sample(problem, samples, num_levels=4, seed=seed)


def _value(factor, u: float):
    if factor.values is not None:
        return factor.values[min(int(u * len(factor.values)), len(factor.values) - 1)]
    low, high = factor.range
    return as_field_type(factor.field, low + u * (high - low))


def set_field(data: dict, field: str, value) -> None:
    *parents, last = field.split(".")
    node = data
    for part in parents:
        if not isinstance(node.get(part), dict):
            node[part] = {}
        node = node[part]
    node[last] = value


def _partners_value(base: dict, value) -> list:
    """A ``partners`` factor names partner ids; each keeps the study's entry for it, if any."""
    kept = {p["id"]: p for p in base["partners"]}
    return [kept.get(pid, {"id": pid}) if isinstance(pid, str) else pid for pid in value]


def case_study_data(base: dict, assignments: dict) -> dict:
    data = json.loads(json.dumps(base))
    data.pop("sweep", None)
    data["input_sources"] = {k: v for k, v in data.get("input_sources", {}).items() if k not in assignments}
    for field, value in assignments.items():
        set_field(data, field, _partners_value(base, value) if field == "partners" else value)
    return data


def validate_case_study(data: dict, file: str) -> Study:
    """The case's study, validated like a study file (schema, cross-field rules, catalogs)."""
    from trades.architecture.checks import check_study
    from trades.study.schema import parse_study_text

    study = parse_study_text(yaml.safe_dump(data, sort_keys=False), file)
    check_study(study)
    return study


def check_sweep(study: Study) -> None:
    """Refuse a sweep that cannot run: no section, a factor the optimizer also moves, or a value
    that makes the study invalid on its own (each discrete choice and each range end is checked
    alone; combinations that are invalid together are recorded as invalid cases)."""
    if study.sweep is None:
        raise StudyErrors([study.error(("sweep",), "the study has no sweep section: add sweep: {factors: [...]} (see docs)")])
    sweep, base = study.sweep, study.model_dump(mode="json")
    errors = []
    moved = {dv.name for dv in study.design_variables}
    fast = fast_inputs()
    for i, factor in enumerate(sweep.factors):
        where = ("sweep", "factors", i)
        if factor.input is not None:
            continue  # checked against the built problem (check_inputs)
        if sweep.evaluate == "optimize" and factor.field in fast and fast[factor.field][0] in moved:
            errors.append(study.error(where + ("field",), f"'{factor.field}' is a design variable the optimizer moves; sweep it or optimize it, not both"))
            continue
        if factor.field == "partners" and factor.values is not None:
            bad = [j for j, v in enumerate(factor.values) if not (isinstance(v, list) and v and all(isinstance(p, str) for p in v))]
            for j in bad:
                errors.append(study.error(where + ("values", j), "a partners value is a non-empty list of partner ids, e.g. [nasa, esa]"))
            if bad:
                continue
        choices = [("values", j, v) for j, v in enumerate(factor.values)] if factor.values is not None else \
                  [("range", j, _value(factor, float(j))) for j in (0, 1)]
        for key, j, value in choices:
            try:
                validate_case_study(case_study_data(base, {factor.field: value}), study._file)
            except StudyErrors as exc:
                first = exc.errors[0]
                errors.append(study.error(where + (key, j), f"{value!r} makes the study invalid: {first.field}: {first.reason}"))
    if errors:
        raise StudyErrors(errors)
    scaled = [(i, f.input) for i, f in enumerate(sweep.factors) if f.input is not None]
    if scaled:
        check_inputs(study, scaled, ("sweep", "factors"), sweep.evaluate)


def model_parameters(prob) -> dict[str, dict]:
    """The model's independent inputs (what the study and the catalogs set): promoted name ->
    {units, value}."""
    found = {}
    for _, meta in prob.model.list_inputs(prom_name=True, units=True, out_stream=None, is_indep_var=True):
        found.setdefault(meta["prom_name"], {"units": meta["units"], "value": np.array(meta["val"])})
    return found


def check_inputs(study: Study, named: list[tuple[int, str]], where: tuple, mode: str) -> None:
    """Each named model input must be an independent input of the study's model, and not one the
    optimizer moves."""
    from trades.architecture.assemble import build_problem
    from trades.architecture.resolve import resolve

    base = validate_case_study(case_study_data(study.model_dump(mode="json"), {}), study._file)
    prob = build_problem(resolve(base, study._file), None)
    known = model_parameters(prob)
    moved = {dv.name for dv in study.design_variables} | {var.SHARES}
    errors = []
    for i, name in named:
        if name not in known:
            close = sorted(k for k in known if name.split(".")[-1] in k)[:5]
            errors.append(study.error(where + (i, "input"), f"'{name}' is not an input of the model" + (f"; did you mean one of {close}?" if close else
                                      "; `trades sensitivity` lists them")))
        elif name in moved and (name == var.SHARES or mode == "optimize"):
            errors.append(study.error(where + (i, "input"), f"'{name}' is moved by the optimizer; it cannot be scaled too"))
    if errors:
        raise StudyErrors(errors)


def sweep_identity(study: Study) -> str:
    """Hash of everything that decides the cases and their results (the study with its sweep)."""
    return hashlib.sha256(json.dumps(study.model_dump(mode="json"), sort_keys=True).encode()).hexdigest()

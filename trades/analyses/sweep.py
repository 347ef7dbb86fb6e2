"""``trades sweep``: the cases of a study's ``sweep:`` section, evaluated (or optimized) in
parallel, recorded in SQLite as they finish, resumable.

A case sets each factor's study field. Factors on the continuous model inputs of
:data:`trades.architecture.checks.DESIGN_VARIABLES` (closures, ISRU rate, stay length, rotations) are *fast*:
a problem is built once per combination of the other (*structural*) factors and each case only
sets the fast inputs and runs the model. Cases go to workers in chunks of one structural
configuration; each worker process keeps the problems it built (a few) and reuses them.

Results go to ``sweep.sqlite`` in the output folder, one transaction per chunk, written by this
process only; a case id is its position in the case list, so ``--resume`` computes exactly the
cases that are missing. The final table is exported to ``sweep.csv`` (and ``sweep.parquet`` on
request), each written whole or not at all.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import math
import sqlite3
import weakref
import time
from collections import OrderedDict
from pathlib import Path

import numpy as np
import yaml

from trades.models import variables as var
from trades.errors import EXIT_INTERRUPTED, InfeasibleError, OutputDirError, StudyError, StudyErrors, TradesError
from trades.executor import default_workers
from trades.fileio import atomic_write, read_only_uri
from trades.study.schema import Study, load_study

DATABASE = "sweep.sqlite"

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


class SweepInterrupted(TradesError):
    """The sweep was stopped; what finished is in the database (exit 4)."""

    exit_code = EXIT_INTERRUPTED
    kept: int = 0
    total: int = 0


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


def _factor_is_fast(study: Study, factor) -> bool:
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


def _set_field(data: dict, field: str, value) -> None:
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
        _set_field(data, field, _partners_value(base, value) if field == "partners" else value)
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


# ---- evaluating a chunk (in a worker) ----------------------------------------------------------

_BUILT: OrderedDict = OrderedDict()  # per process: (study hash, mode, configuration) -> (arch, prob) or error
_KEEP_BUILT = 8


def evaluate_chunk(base_text: str, file: str, mode: str, config: dict, fast: dict, chunk: list) -> list[dict]:
    """Evaluate the cases ``chunk`` [(case id, {fast field: value})] of one structural
    configuration; plain data in and out (a worker entry point, local or Dask)."""
    key = (hashlib.sha256(base_text.encode()).hexdigest(), mode, json.dumps(config, sort_keys=True))
    if key not in _BUILT:
        _BUILT[key] = _build(base_text, file, mode, config)
        while len(_BUILT) > _KEEP_BUILT:
            _BUILT.popitem(last=False)
    _BUILT.move_to_end(key)
    built = _BUILT[key]
    rows = []
    for case_id, values in chunk:
        start = time.perf_counter()
        if isinstance(built, tuple) and built[0] == "failed":
            row = {"status": built[1], "reason": built[2]}
        else:
            row = _evaluate_case(*built, mode, fast, values)
        rows.append({"case_id": case_id, "seconds": time.perf_counter() - start, **row})
    return rows


def _build(base_text: str, file: str, mode: str, config: dict):
    from trades.architecture.assemble import build_problem
    from trades.architecture.resolve import resolve

    base = yaml.safe_load(base_text)
    try:
        study = validate_case_study(case_study_data(base, config), file)
        if mode == "optimize":
            from trades.analyses.optimize import build_optimization

            return build_optimization(study, file)
        arch = resolve(study, file)
        prob = build_problem(arch, None)
        return arch, prob
    except StudyErrors as exc:
        return ("failed", "invalid", " ".join(str(exc).split())[:500])
    except InfeasibleError as exc:
        return ("failed", "infeasible", " ".join(str(exc).split())[:500])
    except Exception as exc:  # a bug, recorded with its cases rather than stopping the sweep
        return ("failed", "error", f"internal error: {type(exc).__name__}: {exc}"[:500])


def _case_rule_errors(arch, values: dict) -> list[str]:
    """The study's cross-field rules on the case's fast values together (each was valid alone)."""
    fields = {k: v for k, v in values.items() if not k.startswith("scale:")}
    if not fields:
        return []
    data = arch.study.model_dump(mode="json")
    for field, value in fields.items():
        _set_field(data, field, value)
    return [f"{'.'.join(map(str, path))}: {reason}" for path, reason in Study.model_validate(data).cross_field_errors()]


# a built problem's model inputs at the study's values, read before a case scaled them
_STUDY_VALUES: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _evaluate_case(arch, prob, mode: str, fast: dict, values: dict) -> dict:
    broken = _case_rule_errors(arch, values)
    if broken:
        return {"status": "invalid", "reason": "; ".join(broken)[:500]}
    try:
        base = _STUDY_VALUES.setdefault(prob, {})
        for field, value in values.items():
            if field.startswith("scale:"):  # a model input scaled from its study value
                name = field.removeprefix("scale:")
                if name not in base:  # read before any case changed it
                    base[name] = np.array(prob.get_val(name))
                prob.set_val(name, base[name] * value)
            else:
                name, units = fast[field]
                prob.set_val(name, value, units=units)
        status, reason = "ok", ""
        if mode == "optimize":
            from trades.analyses.optimize import solve

            result = solve(arch, prob)
            if result["violations"]:
                status, reason = "infeasible", "; ".join(result["violations"][:3])
        else:
            prob.run_model()
        outputs = case_outputs(arch, prob)
    except Exception as exc:  # a diverged or failed case is recorded, the sweep goes on
        return {"status": "error", "reason": f"{type(exc).__name__}: {exc}"[:500]}
    from trades.analyses.run import _non_finite

    bad = _non_finite(outputs)
    if bad:
        return {"status": "error", "reason": f"non-finite {', '.join(bad)}"}
    return {"status": status, "reason": reason, **outputs}


def case_outputs(arch, prob) -> dict:
    from trades.analyses.run import whole_launches, whole_launches_cumulative

    out = {}
    for name, (path, reduce) in OUTPUTS.items():
        try:
            value = prob.get_val(path)
        except KeyError:  # no cost model (e.g. launch-mass studies without prices)
            out[name] = None
            continue
        out[name] = float(value.max() if reduce == "max" else value.sum())
    cargo = sum(whole_launches(x) for x in prob.get_val(var.CARGO_LAUNCHES))
    crew = sum(whole_launches_cumulative([float(x) for x in prob.get_val(var.CREW_LAUNCHES)])) if arch.crew_vehicle else 0
    out["launches"] = float(cargo + crew)
    plan = arch.cost
    if plan is None:
        out["participating_partners"], out["max_cap_use"] = float(len(arch.study.partners)), None
        return out
    out["participating_partners"] = float((prob.get_val(var.WORK_SHARE) > 1e-3).sum())
    out["paid_by_partner"] = {pid: float(v) for pid, v in zip(plan.partners, prob.get_val(var.PAID_TOTAL))}
    pays = prob.get_val(var.PAYS)
    uses = [pays[j].max() / cap for j, cap in enumerate(plan.budget_cap) if cap]
    out["max_cap_use"] = float(max(uses)) if uses else None
    return out


# ---- the database ------------------------------------------------------------------------------

def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _factor_column(value):
    if isinstance(value, list):
        return "+".join(v if isinstance(v, str) else json.dumps(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, sort_keys=True)
    return value


def holds_nothing(path: Path) -> bool:
    """Whether ``path`` is an SQLite file without a single table (or empty): a sweep that failed
    while creating its database (a full disk), with nothing to keep or resume."""
    try:
        if path.stat().st_size == 0:
            return True
        with sqlite3.connect(read_only_uri(path), uri=True) as db:
            return db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0] == 0
    except (OSError, sqlite3.Error):
        return False


def open_database(path: Path, study: Study, resume: bool) -> sqlite3.Connection:
    """The sweep's database: created, or (``resume``) reopened when it holds this very sweep."""
    identity = sweep_identity(study)
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise OutputDirError(f"{path}: not a regular file (a link or a device); a sweep database is the output folder's own file")
    # a file without a single table (a start that failed on a full disk) is started in, not deleted
    existed = path.exists()
    exists = existed and not holds_nothing(path)
    if exists and not resume:
        raise OutputDirError(f"{path}: holds a sweep already; run with --resume to complete it, or choose another --output-dir")
    try:
        db = sqlite3.connect(path, timeout=30)
    except sqlite3.Error as exc:
        raise OutputDirError(f"{path}: cannot open the sweep database ({exc})") from None
    try:
        db.execute("PRAGMA synchronous=FULL")
        if exists:
            stored = dict(db.execute("SELECT key, value FROM meta"))
    except sqlite3.DatabaseError as exc:
        db.close()
        raise OutputDirError(f"{path}: not a sweep database, or a damaged one ({exc}); "
                             "choose another --output-dir to start the sweep anew") from None
    if exists:
        if stored.get("identity") != identity:
            db.close()
            raise StudyErrors([StudyError(study._file, "sweep", f"the study changed since the sweep in {path} began; "
                                          "--resume needs the same study (or choose another --output-dir)")])
        try:
            db.execute("SELECT case_id FROM cases LIMIT 1").fetchall()
        except sqlite3.DatabaseError as exc:
            db.close()
            raise OutputDirError(f"{path}: a damaged sweep database ({exc}); choose another --output-dir") from None
        return db
    factors = [f.name for f in study.sweep.factors]
    columns = (["case_id INTEGER PRIMARY KEY", "status TEXT NOT NULL", "reason TEXT", "seconds REAL"]
               + [f"{_quote(f)}" for f in factors] + [f"{_quote(o)} REAL" for o in OUTPUT_NAMES])
    try:
        with db:  # one transaction: a database has both tables and its meta rows, or nothing
            db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
            db.execute(f"CREATE TABLE cases ({', '.join(columns)})")
            db.executemany("INSERT INTO meta VALUES (?, ?)", [
                ("identity", identity), ("study", study._file), ("factors", json.dumps(factors)),
                ("outputs", json.dumps(OUTPUT_NAMES)), ("cases", str(number_of_cases(study))), ("objective", study.objective.name),
            ])
    except sqlite3.Error as exc:  # e.g. a full disk: the transaction left no table; remove the file if this call made it
        db.close()
        if not existed:
            path.unlink(missing_ok=True)
        raise OutputDirError(f"{path}: cannot create the sweep database ({exc}); nothing was kept") from None
    return db


def _insert(db: sqlite3.Connection, factors: list[str], rows: list[dict], values_by_id: dict) -> None:
    names = CASE_COLUMNS + factors + OUTPUT_NAMES
    sql = f"INSERT INTO cases ({', '.join(map(_quote, names))}) VALUES ({', '.join('?' * len(names))})"
    with db:  # one transaction per chunk
        db.executemany(sql, [
            [r["case_id"], r["status"], r.get("reason", ""), r.get("seconds")]
            + [_factor_column(v) for v in values_by_id[r["case_id"]]] + [r.get(o) for o in OUTPUT_NAMES]
            for r in rows
        ])


# ---- running -----------------------------------------------------------------------------------

def pending_chunks(study: Study, done: set[int]):
    """(configuration, [(case id, fast values)], {case id: factor values}) for the missing cases,
    in chunks of one structural configuration, streamed."""
    sweep = study.sweep
    fields = [f.name for f in sweep.factors]
    structural = [i for i, f in enumerate(sweep.factors) if not _factor_is_fast(study, f)]
    buffers: dict[str, tuple[dict, list, dict]] = {}
    for case_id, values in enumerate(cases(study)):
        if case_id in done:
            continue
        config = {fields[i]: values[i] for i in structural}
        key = json.dumps(config, sort_keys=True)
        _, chunk, by_id = buffers.setdefault(key, (config, [], {}))
        chunk.append((case_id, {fields[i]: v for i, v in enumerate(values) if i not in structural}))
        by_id[case_id] = values
        if len(chunk) >= sweep.chunk_size:
            yield buffers.pop(key)
    yield from buffers.values()


def run_sweep(study_path: str | Path, output_dir: str | Path | None = None, workers: int | None = None,
              scheduler: str | None = None, resume: bool = False, parquet: bool = False, progress: bool = True) -> tuple[dict, Path]:
    """Run the study's sweep into ``<output>/sweep.sqlite``, export ``sweep.csv`` (and
    ``sweep.parquet``) and return ``(summary, output folder)``."""
    from trades.architecture.checks import check_study
    from trades.analyses.run import open_output_folder

    study_path = Path(study_path)
    study = load_study(study_path)
    check_study(study)
    check_sweep(study)
    if workers is not None and workers < 1:
        raise StudyErrors([StudyError(str(study_path), "--workers", f"{workers}: must be at least 1")])
    with open_output_folder(output_dir, study_path, study.digest(), ("sweep_summary.json",),
                            (DATABASE, "sweep.csv", "sweep.parquet")) as out:
        return run_sweep_study(study, str(study_path), out, workers, scheduler, resume, parquet, progress), out


def run_sweep_study(study: Study, file: str, out: Path, workers: int | None = None, scheduler: str | None = None,
                    resume: bool = False, parquet: bool = False, progress: bool = True) -> dict:
    """Run a checked study's sweep into ``out``; returns the summary."""
    if workers is not None and workers < 1:
        raise StudyErrors([StudyError(file, "--workers", f"{workers}: must be at least 1")])
    client = _dask_client(scheduler) if scheduler else None  # before anything is written
    try:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputDirError(f"--output-dir {out}: cannot write there ({exc.strerror})") from None
        db = open_database(out / DATABASE, study, resume)
        try:
            done = {row[0] for row in db.execute("SELECT case_id FROM cases")}
            total = number_of_cases(study)
            _run_pending(study, file, db, done, total, workers, client, progress)
            summary = {**summarize_sweep(db, study), "study_sha256": study.digest()}
        finally:
            db.close()
    finally:
        if client is not None:
            client.close()
    if summary["recorded"] != total:  # every chunk is written or re-run: a gap is a bug, not a result
        raise RuntimeError(f"the sweep ended with {summary['recorded']} of {total} cases recorded; run again with --resume")
    export_csv(out / DATABASE, out / "sweep.csv")
    if parquet:
        export_parquet(out / DATABASE, out / "sweep.parquet")
    atomic_write(out / "sweep_summary.json", lambda tmp: tmp.write_text(json.dumps(summary, indent=2), encoding="utf-8"))
    return summary


def _run_pending(study, file, db, done, total, workers, client, progress) -> None:
    from tqdm import tqdm

    base_text = yaml.safe_dump(study.model_dump(mode="json"), sort_keys=False)
    mode, fast = study.sweep.evaluate, fast_inputs()
    factors = [f.name for f in study.sweep.factors]
    bar = tqdm(total=total, initial=len(done), desc="sweep", unit="case", disable=not progress, smoothing=0.1)
    chunks = pending_chunks(study, done)
    kept = len(done)

    def write(rows, values_by_id):
        nonlocal kept
        try:
            _insert(db, factors, rows, values_by_id)
        except sqlite3.Error as exc:  # e.g. a full disk: the chunk's transaction is rolled back whole
            raise OutputDirError(f"sweep.sqlite: cannot record cases ({exc}); {kept} of {total} cases are kept; "
                                 "make room and run again with --resume") from None
        kept += len(rows)
        bar.update(len(rows))

    from trades.executor import WorkersKeepDying, run_tasks

    if client is None and (workers or default_workers()) > 1:
        # the model's libraries are imported once here: forked workers share them instead of each
        # spending about two seconds importing OpenMDAO
        import trades.architecture.assemble  # noqa: F401
        import trades.architecture.resolve  # noqa: F401, F811
    tasks = ((base_text, file, mode, config, fast, chunk, values_by_id) for config, chunk, values_by_id in chunks)
    try:
        run_tasks(_evaluate_task, tasks, lambda task, rows: write(rows, task[-1]), workers=workers, client=client,
                  total=total - len(done))
    except KeyboardInterrupt:
        bar.close()
        interrupted = SweepInterrupted(f"sweep interrupted: {kept} of {total} cases are kept in the database; "
                                       "run again with --resume to compute the rest")
        interrupted.kept, interrupted.total = kept, total
        raise interrupted from None
    except WorkersKeepDying as exc:
        bar.close()
        raise RuntimeError(f"{exc}: {kept} of {total} cases are kept; run again with --resume") from None
    bar.close()


def _dask_client(address: str):
    """A client of the Dask scheduler at ``address`` (bad input when it cannot be reached)."""
    from dask.distributed import Client

    try:
        return Client(address, timeout="10s")
    except (OSError, TimeoutError, ValueError, TypeError) as exc:
        raise OutputDirError(f"--scheduler {address}: cannot connect to a Dask scheduler there ({exc})") from None


def _evaluate_task(base_text, file, mode, config, fast, chunk, values_by_id):
    """One chunk of cases (``values_by_id`` stays with the task for the parent's bookkeeping)."""
    return evaluate_chunk(base_text, file, mode, config, fast, chunk)


# ---- reading results ---------------------------------------------------------------------------

def read_table(path: Path) -> tuple[list[str], list[tuple]]:
    """(column names, rows by case id) of a sweep database."""
    with sqlite3.connect(path) as db:
        cursor = db.execute("SELECT * FROM cases ORDER BY case_id")
        return [c[0] for c in cursor.description], cursor.fetchall()


def export_csv(database: Path, target: Path) -> None:
    import csv

    from trades.escape import csv_row

    def write(tmp: Path):
        db = sqlite3.connect(database)
        try:
            cursor = db.execute("SELECT * FROM cases ORDER BY case_id")
            with tmp.open("w", newline="", encoding="utf-8") as fh:
                writer = csv.writer(fh)
                writer.writerow(csv_row(c[0] for c in cursor.description))
                while rows := cursor.fetchmany(10_000):
                    # a factor's text (e.g. a swept `name`) must not run as a spreadsheet formula
                    writer.writerows(csv_row(r) for r in rows)
        finally:
            db.close()

    atomic_write(target, write)


def export_parquet(database: Path, target: Path, batch: int = 10_000) -> None:
    """The results table as Parquet, in batches; column types from the table's declared types
    (a factor whose values are all numbers is float64, other factors are text)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    def write(tmp: Path):
        db = sqlite3.connect(database)
        try:
            declared = {name: kind for _, name, kind, *_ in db.execute("PRAGMA table_info(cases)")}
            text_factors = set()
            for name, kind in declared.items():
                if not kind and db.execute(f"SELECT 1 FROM cases WHERE typeof({_quote(name)}) = 'text' LIMIT 1").fetchone():
                    text_factors.add(name)
            types = {"INTEGER": pa.int64(), "TEXT": pa.string(), "REAL": pa.float64()}
            schema = pa.schema([(name, pa.string() if name in text_factors else types.get(kind, pa.float64())) for name, kind in declared.items()])
            cursor = db.execute("SELECT * FROM cases ORDER BY case_id")
            with pq.ParquetWriter(tmp, schema) as writer:
                while rows := cursor.fetchmany(batch):
                    columns = [[None if v is None else (str(v) if field.type == pa.string() else v) for v in col]
                               for field, col in zip(schema, zip(*rows))]
                    writer.write_table(pa.table([pa.array(col, type=field.type) for field, col in zip(schema, columns)], schema=schema))
        finally:
            db.close()

    atomic_write(target, write)


def summarize_sweep(db: sqlite3.Connection, study: Study) -> dict:
    """Counts by status, each output's range over the cases that succeeded, and the best case
    for the study's objective."""
    status = dict(db.execute("SELECT status, COUNT(*) FROM cases GROUP BY status"))
    ranges = {}
    for name in OUTPUT_NAMES:
        values = sorted(v for (v,) in db.execute(f"SELECT {_quote(name)} FROM cases WHERE status = 'ok' AND {_quote(name)} IS NOT NULL"))
        if values:
            ranges[name] = {"min": values[0], "median": values[len(values) // 2], "max": values[-1]}
    objective = OBJECTIVE_COLUMNS[study.objective.name]
    factors = [f.name for f in study.sweep.factors]
    best = db.execute(f"SELECT case_id, {', '.join(map(_quote, factors))}, {_quote(objective)} FROM cases "
                      f"WHERE status = 'ok' AND {_quote(objective)} IS NOT NULL ORDER BY {_quote(objective)}, case_id LIMIT 1").fetchone()
    reasons = [{"status": s, "reason": r, "cases": n} for s, r, n in db.execute(
        "SELECT status, reason, COUNT(*) FROM cases WHERE status != 'ok' GROUP BY status, reason ORDER BY COUNT(*) DESC LIMIT 5")]
    return {
        "cases": number_of_cases(study),
        "recorded": sum(status.values()),
        "by_status": status,
        "outputs": ranges,
        "objective": objective,
        "best_case": None if best is None else {"case_id": best[0], **dict(zip(factors, best[1:-1])), objective: best[-1]},
        "failures": reasons,
    }


def format_number(x: float, digits: int = 4) -> str:
    """Thousands with separators, smaller numbers to ``digits`` significant digits."""
    return f"{x:,.0f}" if abs(x) >= 1000 else f"{x:.{digits}g}"


def format_sweep_summary(summary: dict) -> str:
    lines = [f"Sweep: {summary['recorded']} of {summary['cases']} cases recorded; "
             + ", ".join(f"{n} {s}" for s, n in sorted(summary["by_status"].items()))]
    lines.append(f"{'output':<26} {'min':>14} {'median':>14} {'max':>14}")
    for name, r in summary["outputs"].items():
        lines.append(f"{name:<26} " + " ".join(f"{format_number(r[k]):>14}" for k in ("min", "median", "max")))
    if summary["best_case"]:
        best = summary["best_case"]
        lines.append(f"Least {summary['objective']}: case {best['case_id']} ("
                     + ", ".join(f"{k} = {v}" for k, v in best.items() if k not in ("case_id", summary["objective"]))
                     + f"): {format_number(best[summary['objective']])}")
    for f in summary["failures"]:
        lines.append(f"  {f['cases']} case(s) {f['status']}: {f['reason'][:140]}")
    return "\n".join(lines) + "\n"

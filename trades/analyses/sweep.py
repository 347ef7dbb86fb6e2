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

import hashlib
import json
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
from trades.fileio import atomic_write
from trades.study.schema import Study, load_study
from trades.architecture.flight_rates import model_flight_rate_breaks
from trades.analyses.sweep_cases import (
    OUTPUTS, case_study_data, cases, check_sweep, factor_is_fast, fast_inputs, number_of_cases, set_field, validate_case_study,
)
from trades.analyses.sweep_store import DATABASE, export_csv, export_parquet, insert_cases, open_database, summarize_sweep

class SweepInterrupted(TradesError):
    """The sweep was stopped; what finished is in the database (exit 4)."""

    exit_code = EXIT_INTERRUPTED
    kept: int = 0
    total: int = 0


# ---- evaluating a chunk (in a worker) ----------------------------------------------------------

_BUILT: OrderedDict = OrderedDict()  # per process: (study hash, mode, configuration) -> (arch, prob) or error
_KEEP_BUILT = 8


def evaluate_chunk(base_text: str, file: str, mode: str, config: dict, fast: dict, chunk: list) -> list[dict]:
    """Evaluate the cases ``chunk`` [(case id, {fast field: value})] of one structural
    configuration; plain data in and out (a worker entry point, local or Dask)."""
    built = built_problem(base_text, file, mode, config)
    rows = []
    for case_id, values in chunk:
        start = time.perf_counter()
        if isinstance(built, tuple) and built[0] == "failed":
            row = {"status": built[1], "reason": built[2]}
        else:
            row = _evaluate_case(*built, mode, fast, values)
        rows.append({"case_id": case_id, "seconds": time.perf_counter() - start, **row})
    return rows


def built_problem(base_text: str, file: str, mode: str, config: dict):
    """The configuration's (arch, prob), or ('failed', status, reason), built once per process
    (kept among the last few; a worker forked after the parent built it inherits it)."""
    key = (hashlib.sha256(base_text.encode()).hexdigest(), mode, json.dumps(config, sort_keys=True))
    if key not in _BUILT:
        _BUILT[key] = _build(base_text, file, mode, config)
        while len(_BUILT) > _KEEP_BUILT:
            _BUILT.popitem(last=False)
    _BUILT.move_to_end(key)
    return _BUILT[key]


def _build(base_text: str, file: str, mode: str, config: dict):
    from trades.analyses.evaluate import rechosen_for_flight_rates
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
        prob.run_model()  # 'auto' cargo is chosen within its flight-rate limit at the study's design
        rechosen = rechosen_for_flight_rates(study, file, arch, prob)
        if rechosen is not None:
            arch, prob = rechosen, build_problem(rechosen, None)
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
        set_field(data, field, value)
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
            broken = model_flight_rate_breaks(arch, prob)  # vehicles were chosen at the study's design
            if broken:
                status, reason = "infeasible", "; ".join(broken)[:500]
        outputs = case_outputs(arch, prob)
    except Exception as exc:  # a diverged or failed case is recorded, the sweep goes on
        return {"status": "error", "reason": f"{type(exc).__name__}: {exc}"[:500]}
    from trades.analyses.run import _non_finite

    bad = _non_finite(outputs)
    if bad:
        return {"status": "error", "reason": f"non-finite {', '.join(bad)}"}
    return {"status": status, "reason": reason, **outputs}


def case_outputs(arch, prob) -> dict:
    from trades.analyses.run_launches import lander_launches_per_year, whole_launches, whole_launches_cumulative

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
    lander = sum(lander_launches_per_year(arch, prob) or [])  # whole landings, as trades run counts them
    out["launches"] = float(cargo + crew + lander)  # a refuelled crew lander's launches too
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


# ---- running -----------------------------------------------------------------------------------

def pending_chunks(study: Study, done: set[int]):
    """(configuration, [(case id, fast values)], {case id: factor values}) for the missing cases,
    in chunks of one structural configuration, streamed."""
    sweep = study.sweep
    fields = [f.name for f in sweep.factors]
    structural = [i for i, f in enumerate(sweep.factors) if not factor_is_fast(study, f)]
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
            insert_cases(db, factors, rows, values_by_id)
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

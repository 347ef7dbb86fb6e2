"""``trades sensitivity``: what drives the cost, and who carries the risk.

- **Local elasticities** of the objective and of each partner's payments with respect to every
  independent model input (what the study and the catalogs set), from OpenMDAO total
  derivatives: ``e = (dy/dx . x) / y``, the percent change of ``y`` per percent change of the
  whole input (an input with several values, e.g. one price per partner, is scaled as a whole).
- **One-at-a-time swings** of the study's ``sensitivity.parameters`` between their low and high
  values (or +/- ``swing_percent``), each end evaluated (or re-optimized) by the sweep's case
  evaluator: the tornado, and each partner's payment at each end.
- **Global indices** over the same parameters' ranges: Sobol first-order and total indices with
  Saltelli's sampling, or Morris screening (SALib), the cases run as a sweep (parallel,
  resumable, recorded in ``sensitivity_sweep/sweep.sqlite``).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import yaml

from trades.models import variables as var
from trades.errors import InfeasibleError, OutputDirError, StudyError, StudyErrors
from trades.fileio import atomic_write, read_only_uri
from trades.study.schema import Study, load_study
from trades.analyses.sweep_cases import OBJECTIVE_COLUMNS, as_field_type, study_value

#: model inputs that are not parameters: design decisions, unit counts, schedules, categories
NOT_PARAMETERS = (var.SHARES, ".units.units_", "crewed_year", "operating_year", "deploy_year", "spend.profile",
                  "ioc_year", ".block", ".difficulty", ".quantity", "_multiplier")  # multipliers: trades cost-risk's


def is_parameter(name: str) -> bool:
    return not any(part in name for part in NOT_PARAMETERS)


def local_elasticities(arch, prob) -> dict:
    """Elasticities of the objective and of each partner's payments over the campaign with
    respect to every nonzero parameter, ranked by the objective's."""
    from trades.analyses.optimize_rules import OBJECTIVES
    from trades.analyses.sweep_cases import model_parameters

    study = arch.study
    objective = OBJECTIVES[study.objective.name]
    parameters = {name: meta for name, meta in model_parameters(prob).items() if is_parameter(name) and np.any(meta["value"] != 0)}
    of = [objective] + ([var.PAID_TOTAL] if arch.cost is not None else [])
    totals = prob.compute_totals(of=of, wrt=list(parameters), return_format="dict")
    y = float(prob.get_val(objective)[0])
    paid = prob.get_val(var.PAID_TOTAL) if arch.cost is not None else np.zeros(0)
    partners = list(arch.cost.partners) if arch.cost is not None else []
    rows = []
    for name, meta in parameters.items():
        x = np.asarray(prob.get_val(name)).ravel()
        row = {"parameter": name, "units": meta["units"], "value": x.tolist() if x.size > 1 else float(x[0]),
               "elasticity": float(np.asarray(totals[objective][name]).ravel() @ x / y) if y else 0.0}
        if partners:
            jac = np.asarray(totals[var.PAID_TOTAL][name]).reshape(len(partners), x.size)
            row["partners"] = {pid: (float(jac[j] @ x / paid[j]) if paid[j] > 0 else None) for j, pid in enumerate(partners)}
        rows.append(row)
    rows.sort(key=lambda r: -abs(r["elasticity"]))
    return {"objective": study.objective.name, "value": y, "paid_musd": dict(zip(partners, map(float, paid))), "parameters": rows}


def swing_ends(study: Study, parameter) -> tuple[float, float]:
    """The low and high values of a swing: the study's, or its value +/- swing_percent (for an
    input: multipliers 1 -/+ swing_percent)."""
    if parameter.low is not None:
        return parameter.low, parameter.high
    p = study.sensitivity.swing_percent / 100.0
    if parameter.input is not None:
        return 1.0 - p, 1.0 + p
    value = study_value(study, parameter.field)
    return value * (1.0 - p), value * (1.0 + p)


def check_sensitivity(study: Study) -> None:
    """Refuse parameters that cannot be swung: a non-numeric field, a zero value without low and
    high, an end that makes the study invalid, an unknown model input."""
    from trades.analyses.sweep_cases import case_study_data, check_inputs, validate_case_study

    section = study.sensitivity
    if section is None:
        return
    from trades.analyses.sweep_cases import fast_inputs

    errors, base = [], study.model_dump(mode="json")
    moved = {dv.name for dv in study.design_variables}
    for i, q in enumerate(section.parameters):
        where = ("sensitivity", "parameters", i)
        if q.field is None:
            continue
        if section.evaluate == "optimize" and fast_inputs().get(q.field, ("",))[0] in moved:
            errors.append(study.error(where + ("field",), f"'{q.field}' is a design variable the optimizer moves; it cannot be swung too"))
            continue
        value = study_value(study, q.field)
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            errors.append(study.error(where + ("field",), f"'{q.field}' is not a number ({value!r}); swing numbers only"))
            continue
        if q.low is None and value == 0:
            errors.append(study.error(where, f"'{q.field}' is 0 in the study: give low and high (a percent of 0 is 0)"))
            continue
        for end, v in zip(("low", "high"), swing_ends(study, q)):
            try:
                validate_case_study(case_study_data(base, {q.field: as_field_type(q.field, v)}), study._file)
            except StudyErrors as exc:
                first = exc.errors[0]
                errors.append(study.error(where + (end,), f"{v:g} makes the study invalid: {first.field}: {first.reason}"))
    if errors:
        raise StudyErrors(errors)
    scaled = [(i, q.input) for i, q in enumerate(section.parameters) if q.input is not None]
    if scaled:
        check_inputs(study, scaled, ("sensitivity", "parameters"), section.evaluate)


def one_at_a_time(study: Study, file: str) -> dict:
    """Each parameter at its low and its high end, the others at the study's values: the
    objective and each partner's payments, through the sweep's case evaluator."""
    from trades.analyses.sweep import evaluate_chunk
    from trades.analyses.sweep_cases import fast_inputs, is_fast

    fast = fast_inputs()
    base = study.model_dump(mode="json")
    base.pop("sensitivity", None)
    text = yaml.safe_dump(base, sort_keys=False)
    mode = study.sensitivity.evaluate
    column = OBJECTIVE_COLUMNS[study.objective.name]
    reference = evaluate_chunk(text, file, mode, {}, fast, [(0, {})])[0]
    if reference["status"] != "ok":
        raise InfeasibleError(f"{file}: the study itself does not evaluate: {reference['reason']}")
    # a built problem keeps what the last case set: every case sets every fast parameter, the
    # ones not swung at the study's value (a scaled input at 1)
    at_reference = {q.name: (1.0 if q.input is not None else study_value(study, q.field))
                    for q in study.sensitivity.parameters if q.input is not None or is_fast(study, q.field, swing_ends(study, q))}
    swings = []
    for q in study.sensitivity.parameters:
        ends = swing_ends(study, q)
        results = []
        for value in ends:
            if q.name in at_reference:
                row = evaluate_chunk(text, file, mode, {}, fast, [(0, {**at_reference, q.name: value})])[0]
            else:
                row = evaluate_chunk(text, file, mode, {q.field: as_field_type(q.field, value)}, fast, [(0, at_reference)])[0]
            results.append(row)
        swings.append({
            "parameter": q.name, "low": ends[0], "high": ends[1],
            "objective_low": results[0].get(column), "objective_high": results[1].get(column),
            "status": [r["status"] for r in results], "reason": [r.get("reason", "") for r in results],
            "paid_low": results[0].get("paid_by_partner"), "paid_high": results[1].get("paid_by_partner"),
        })
    swings.sort(key=lambda s: -abs((s["objective_high"] or 0) - (s["objective_low"] or 0)))
    return {"objective": column, "reference": reference.get(column), "reference_paid": reference.get("paid_by_partner"), "swings": swings}


def global_indices(problem: dict, method: str, samples: int, seed: int, outputs: np.ndarray) -> dict:
    """SALib's analysis of ``outputs`` (one per sample, in sample order): Sobol S1 and ST with
    95 % confidence intervals, or Morris mu*, sigma."""
    import warnings

    from trades.analyses.sweep_cases import salib_sample

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if method == "saltelli":
            from SALib.analyze import sobol

            # SALib seeds its bootstrap only when the seed is truthy: seed + 1 keeps a seed of 0 reproducible
            result = sobol.analyze(problem, outputs, calc_second_order=False, seed=seed + 1, print_to_console=False)
            return {name: {"S1": float(result["S1"][i]), "S1_conf": float(result["S1_conf"][i]),
                           "ST": float(result["ST"][i]), "ST_conf": float(result["ST_conf"][i])}
                    for i, name in enumerate(problem["names"])}
        from SALib.analyze import morris

        x = salib_sample(problem, "morris", samples, seed)
        result = morris.analyze(problem, x, outputs, num_levels=4, seed=seed + 1, print_to_console=False)
        return {name: {"mu_star": float(result["mu_star"][i]), "mu_star_conf": float(result["mu_star_conf"][i]),
                       "sigma": float(result["sigma"][i])} for i, name in enumerate(problem["names"])}


def global_sweep_study(study: Study) -> Study:
    """The study whose sweep is the global analysis' sample (ranges of the parameters)."""
    section = study.sensitivity
    data = study.model_dump(mode="json")
    data.pop("sensitivity")
    factors = []
    for q in section.parameters:
        low, high = swing_ends(study, q)
        factors.append({("input" if q.input else "field"): q.input or q.field, "range": [low, high]})
    data["sweep"] = {"method": "saltelli" if section.global_method == "sobol" else "morris", "samples": section.samples,
                     "seed": section.seed, "evaluate": section.evaluate, "factors": factors}
    result = Study.model_validate(data)
    result._file, result._lines = study._file, study._lines
    return result


def run_sensitivity(study_path: str | Path, output_dir: str | Path | None = None, workers: int | None = None,
                    scheduler: str | None = None, progress: bool = True) -> tuple[dict, Path]:
    """Elasticities, swings and global indices of a study; writes ``sensitivity.json`` (the
    figures are drawn from it by :func:`trades.outputs.figures.save_sensitivity_figures`, as
    ``trades sensitivity`` does)."""
    from trades.architecture.checks import check_study
    from trades.analyses.evaluate import evaluate
    from trades.analyses.run import open_output_folder

    study_path = Path(study_path)
    study = load_study(study_path)
    digest = study.digest()  # of the study as written (before the default section below)
    check_study(study)
    if study.sensitivity is None:  # elasticities only
        from trades.study.sections import Sensitivity

        study.sensitivity = Sensitivity()
    check_sensitivity(study)
    if workers is not None and workers < 1:
        raise StudyErrors([StudyError(str(study_path), "--workers", f"{workers}: must be at least 1")])
    with open_output_folder(output_dir, study_path, digest, ("sensitivity.json",),
                            tuple(f"{kind}.{fmt}" for kind in ("elasticities", "tornado", "global") for fmt in ("png", "svg", "pdf"))) as out:
        if study.sensitivity.evaluate == "optimize":
            from trades.analyses.optimize import optimize

            arch, prob, _ = optimize(study, str(study_path))
        else:
            arch, prob = evaluate(study, str(study_path))
        report = {"study": str(study_path), "study_sha256": digest, "evaluate": study.sensitivity.evaluate, "local": local_elasticities(arch, prob)}
        if study.sensitivity.parameters:
            report["swings"] = one_at_a_time(study, str(study_path))
            if study.sensitivity.global_method != "none":
                report["global"] = _global(study, str(study_path), out, workers, scheduler, progress)
        note = design_note(report, _folder_optimum(out, digest))
        if note:
            report["design_note"] = note
        atomic_write(out / "sensitivity.json", lambda tmp: tmp.write_text(json.dumps(report, indent=2), encoding="utf-8"))
    return report, out


def design_note(report: dict, optimization: dict | None) -> str | None:
    """What to say when the analysis is centred on the study's own design while the folder holds
    the optimum of ``trades optimize`` (the report must not show the two side by side silently)."""
    local = report["local"]
    if optimization is None or report["evaluate"] == "optimize" or abs(optimization["optimum"] - local["value"]) <= 1e-6 * abs(local["value"]):
        return None
    return (f"centred on the study's own design ({local['objective']} {local['value']:,.0f}), not on the optimum of "
            f"trades optimize in this folder ({optimization['optimum']:,.0f}); set sensitivity.evaluate: optimize to centre it there")


def _folder_optimum(folder: Path, digest: str) -> dict | None:
    """The optimization in the folder's summary.json, when it is of the same study."""
    from trades.analyses.run import peek_results

    summary = peek_results(folder, "summary.json")
    return summary.get("optimization") if summary is not None and summary.get("study_sha256") == digest else None


def _global(study, file, out, workers, scheduler, progress) -> dict:
    import sqlite3

    from trades.analyses.sweep_store import DATABASE, holds_nothing
    from trades.analyses.sweep import SweepInterrupted, run_sweep_study
    from trades.analyses.sweep_cases import salib_problem, sweep_identity

    sweep_study = global_sweep_study(study)
    folder = out / "sensitivity_sweep"
    # the sample is deterministic: an earlier run of the same analysis is completed, not redone;
    # one of another analysis (the study changed since) is replaced
    database = folder / DATABASE
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise OutputDirError(f"--output-dir {folder}: not a folder of this output folder's own (a link or a file); move it away")
    if database.is_symlink() or (database.exists() and not database.is_file()):
        raise OutputDirError(f"--output-dir {database}: not a regular file (a link, a folder or a device); move it away")
    if database.exists():
        try:
            with sqlite3.connect(read_only_uri(database), uri=True) as db:
                stored = dict(db.execute("SELECT key, value FROM meta")).get("identity")
        except sqlite3.DatabaseError:
            stored = None
        if stored is None and not holds_nothing(database):  # not provably a sweep of this toolkit: never deleted
            raise OutputDirError(f"--output-dir {database}: not a sweep database of trades; move it away or choose another --output-dir")
        if stored is not None and stored != sweep_identity(sweep_study):
            database.unlink()  # a sweep of an earlier version of this analysis, as its meta table proves
    try:
        run_sweep_study(sweep_study, file, folder, workers=workers, scheduler=scheduler, resume=database.exists(), progress=progress)
    except SweepInterrupted as exc:
        raise SweepInterrupted(f"sensitivity interrupted: {exc.kept} of {exc.total} cases of the global analysis are kept "
                               f"in {database}; sensitivity.json was not written; "
                               "the same command completes the global analysis from there") from None
    column = OBJECTIVE_COLUMNS[study.objective.name]
    with sqlite3.connect(folder / DATABASE) as db:
        rows = db.execute(f'SELECT status, "{column}", reason FROM cases ORDER BY case_id').fetchall()
    failed = [r for r in rows if r[0] != "ok" or r[1] is None]
    if failed:
        raise InfeasibleError(f"{file}: global sensitivity needs every case, and {len(failed)} of {len(rows)} failed "
                              f"(first: {failed[0][0]}: {failed[0][2][:200]}); narrow the ranges in sensitivity.parameters")
    method = sweep_study.sweep.method
    indices = global_indices(salib_problem(sweep_study.sweep.factors), method, sweep_study.sweep.samples, sweep_study.sweep.seed,
                             np.array([r[1] for r in rows]))
    return {"method": "sobol" if method == "saltelli" else "morris", "samples": sweep_study.sweep.samples, "cases": len(rows),
            "output": column, "indices": indices}


def format_sensitivity(report: dict, top: int = 15) -> str:
    local = report["local"]
    lines = [f"Local elasticities of {local['objective']} ({local['value']:,.0f}) and of each partner's payments "
             f"(% per %, at the study's {'optimum' if report['evaluate'] == 'optimize' else 'design'}; top {top}):"]
    if report.get("design_note"):
        lines.insert(0, f"Note: this analysis is {report['design_note']}.")
    partners = list(local["paid_musd"])
    lines.append(f"{'parameter':<52} {'objective':>10} " + " ".join(f"{p:>8}" for p in partners))
    for row in local["parameters"][:top]:
        cells = " ".join(f"{v:>8.3f}" if v is not None else f"{'-':>8}" for v in (row.get("partners") or {}).values())
        lines.append(f"{row['parameter']:<52} {row['elasticity']:>10.4f} {cells}")
    if "swings" in report:
        s = report["swings"]
        lines.append(f"One-at-a-time swings of {s['objective']} (reference {s['reference']:,.0f}):")
        for w in s["swings"]:
            low, high = w["objective_low"], w["objective_high"]
            text = (f"{low:>12,.0f} {high:>12,.0f} {high - low:>+12,.0f}" if low is not None and high is not None
                    else f"  failed: {'; '.join(r for r in w['reason'] if r)[:100]}")
            lines.append(f"  {w['parameter']:<46} [{w['low']:g}, {w['high']:g}] {text}")
    if "global" in report:
        g = report["global"]
        if g["method"] == "sobol":
            lines.append(f"Sobol indices of {g['output']} ({g['cases']} cases; 95 % intervals):")
            for name, v in sorted(g["indices"].items(), key=lambda kv: -kv[1]["ST"]):
                lines.append(f"  {name:<46} S1 {v['S1']:6.3f} +/- {v['S1_conf']:.3f}   ST {v['ST']:6.3f} +/- {v['ST_conf']:.3f}")
        else:
            lines.append(f"Morris screening of {g['output']} ({g['cases']} cases):")
            for name, v in sorted(g["indices"].items(), key=lambda kv: -kv[1]["mu_star"]):
                lines.append(f"  {name:<46} mu* {v['mu_star']:12,.1f} +/- {v['mu_star_conf']:.1f}   sigma {v['sigma']:12,.1f}")
    return "\n".join(lines) + "\n"

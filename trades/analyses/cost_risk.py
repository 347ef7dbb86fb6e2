"""``trades cost-risk``: each cost relationship's and each price's uncertainty propagated by Monte
Carlo to an S-curve of the life-cycle cost and of each partner's payments.

Every costed element's relationship estimate (TRANSCOST development and first unit, AMCM cost)
enters the cost rollup through a multiplier (default 1). A sample draws every multiplier from
its relationship's uncertainty in ``trades/catalogs/cost.yaml`` (lognormal, median 1: the
relationship is the median of a fit in logarithms); each price class the study pays (crew
transport, launch prices, contracts) gets one more multiplier (:mod:`trades.analyses.cost_risk_prices`);
all are correlated (the catalog's 0.3 unless the study says otherwise), and each sample
re-evaluates the model at the study's design. The report says which share of the point estimate
any uncertainty covers. The
samples run in chunks on the project's one executor (local processes or Dask) through the sweep's
case evaluator, each worker building the problem once. The percentiles P50, P70 (NASA's
confidence level for baselining programs) and P80 are read off the empirical distribution.

Results are written whole or not at all: ``cost_risk_samples.csv`` (each sample's multipliers
and costs) and then ``cost_risk.json`` (the S-curves and percentiles); an interrupted run writes
nothing.
"""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path

import numpy as np
import yaml

from trades.errors import InfeasibleError, StudyError, StudyErrors
from trades.fileio import atomic_write
from trades.models.variables import ELEMENT_COST_PARTS, element_cost_multiplier
from trades.study.schema import Study, load_study

RESULTS = ("cost_risk.json",)
WRITES = ("cost_risk_samples.csv",) + tuple(f"s_curve.{fmt}" for fmt in ("png", "svg", "pdf"))
PERCENTILES = (10, 20, 30, 40, 50, 60, 70, 80, 90)


def settings(study: Study, samples: int | None, seed: int | None, file: str) -> tuple[int, int]:
    """The samples and seed: the command line's, else the study's ``cost_risk`` section's, else
    1000 and 0; bad values name the option or the field (exit 2)."""
    section = study.cost_risk
    errors = []
    if samples is not None and samples < 2:
        errors.append(StudyError(file, "--samples", f"{samples}: must be at least 2 (an S-curve needs two samples)"))
    if seed is not None and seed < 0:
        errors.append(StudyError(file, "--seed", f"{seed}: must be 0 or more"))
    if errors:
        raise StudyErrors(errors)
    return (samples if samples is not None else (section.samples if section else 1000),
            seed if seed is not None else (section.seed if section else 0))


def uncertain_parts(study: Study, arch) -> tuple[list[dict], float]:
    """Each multiplied part of each costed element with its relationship's sigma and source, then
    each price class the study pays (:mod:`trades.analyses.cost_risk_prices`), and the correlation
    between them (an override naming no relationship or price class of the catalog is bad input)."""
    from trades.analyses.cost_risk_prices import price_classes, price_parts

    cost = arch.catalog.entry("cost", "default")
    known = {"amcm": cost["amcm"]["uncertainty"], **{k: v["uncertainty"] for k, v in cost["transcost"].items() if "uncertainty" in v},
             **{k: v["uncertainty"] for k, v in cost.get("unit_rates", {}).items()}, **price_classes(cost)}
    section = study.cost_risk
    overrides = section.overrides if section else {}
    unknown = [key for key in overrides if key not in known]
    if unknown:
        raise StudyErrors([study.error(("cost_risk", "overrides", key), f"'{key}' is not a cost relationship or price class of the catalog; "
                                       f"one of {sorted(known)}") for key in unknown])
    parts = []
    for element in arch.cost.elements:
        for part in ELEMENT_COST_PARTS[element.method]:
            relationship = element.relationship
            if relationship in overrides:
                sigma, source = overrides[relationship].sigma, f"study override: {overrides[relationship].source}"
            elif element.method == "amcm":
                sigma, source = amcm_sigma(cost["amcm"], element.coefficients["specification"])
            else:
                entry = known[relationship]
                sigma, source = float(entry[f"{part}_sigma"]), entry["source"]
            name = element_cost_multiplier(element.name, part)
            parts.append({"element": element.name, "part": part, "relationship": relationship, "sigma": sigma,
                          "input": name, "column": name.removeprefix("cost.rollup."), "source": source})
    parts += price_parts(arch, cost, overrides)
    default = cost["cost_risk"]["correlation"]
    correlation = section.correlation if section is not None and section.correlation is not None else float(default["value"])
    from trades.analyses.cost_risk_programme import programme_parts

    return parts + programme_parts(arch, cost, correlation), correlation


def amcm_sigma(amcm: dict, specification: float) -> tuple[float, str]:
    """AMCM's sigma on log cost for an element of specification value ``S``: the catalog's figure
    for the mission type of that value (``sd(S) ln d``, from the calculator's standard deviation of
    the type's specification value), else its fallback ``cost_sigma``."""
    uncertainty = amcm["uncertainty"]
    names = [k for k, v in amcm["specification"].items() if float(v["value"]) == specification]
    by_type = uncertainty.get("cost_sigma_by_specification", {})
    if names and names[0] in by_type:
        entry = by_type[names[0]]
        return float(entry["value"]), entry["source"]
    return float(uncertainty["cost_sigma"]), uncertainty["source"]


def draw_multipliers(sigmas: np.ndarray, correlation: float, samples: int, seed: int) -> np.ndarray:
    """``samples x len(sigmas)`` lognormal multipliers with median 1: ``k = exp(sigma z)``, the
    ``z`` standard normal with the same ``correlation`` between every pair (one common factor:
    ``z_i = sqrt(rho) g + sqrt(1 - rho) e_i``)."""
    rng = np.random.default_rng(seed)
    common = rng.standard_normal((samples, 1))
    own = rng.standard_normal((samples, len(sigmas)))
    z = math.sqrt(correlation) * common + math.sqrt(1.0 - correlation) * own
    return np.exp(z * np.asarray(sigmas))


def s_curve(values: np.ndarray) -> dict:
    """Mean, standard deviation, the percentiles and the sorted values of one cost."""
    values = np.sort(np.asarray(values, dtype=float))
    return {"mean": float(values.mean()), "std": float(values.std(ddof=1)),
            "percentiles": {f"P{p}": float(np.percentile(values, p)) for p in PERCENTILES},
            "sorted": [round(float(v), 3) for v in values]}


def run_cost_risk(study_path: str | Path, output_dir: str | Path | None = None, samples: int | None = None,
                  seed: int | None = None, workers: int | None = None, scheduler: str | None = None,
                  progress: bool = True) -> tuple[dict, Path]:
    """Sample the study's cost relationships, write ``cost_risk_samples.csv`` and ``cost_risk.json``
    and return ``(report, output folder)``."""
    from trades.analyses.run import open_output_folder
    from trades.architecture.checks import check_study

    study_path = Path(study_path)
    file = str(study_path)
    study = load_study(study_path)
    check_study(study)
    samples, seed = settings(study, samples, seed, file)
    if workers is not None and workers < 1:
        raise StudyErrors([StudyError(file, "--workers", f"{workers}: must be at least 1")])
    digest = study.digest()
    with open_output_folder(output_dir, study_path, digest, RESULTS, WRITES) as out:
        report, rows = sample_study(study, file, samples, seed, workers, scheduler, progress)
        report["study_sha256"] = digest
        atomic_write(out / "cost_risk_samples.csv", lambda tmp: _write_csv(tmp, rows))
        atomic_write(out / "cost_risk.json", lambda tmp: tmp.write_text(json.dumps(report, indent=2), encoding="utf-8"))
    return report, out


def sample_study(study: Study, file: str, samples: int, seed: int, workers: int | None = None,
                 scheduler: str | None = None, progress: bool = False) -> tuple[dict, list[dict]]:
    """The report and the per-sample rows of a checked study (nothing written)."""
    from trades.analyses.sweep import built_problem, evaluate_chunk

    base = study.model_dump(mode="json")
    for section in ("sweep", "sensitivity", "cost_risk"):
        base.pop(section, None)
    base_text = yaml.safe_dump(base, sort_keys=False)
    built = built_problem(base_text, file, "run", {})  # in this process: forked workers inherit it
    if isinstance(built, tuple) and built[0] == "failed":
        status, reason = built[1], built[2]
        if status == "invalid":
            raise StudyErrors([StudyError(file, "", reason)])
        raise InfeasibleError(reason) if status == "infeasible" else RuntimeError(reason)
    arch, _ = built
    if arch.cost is None:
        raise StudyErrors([StudyError(file, "", "the study has no cost model (no priced launch or costed element): nothing to sample")])
    parts, correlation = uncertain_parts(study, arch)
    names = [f"scale:{p['input']}" for p in parts]
    columns = [p["column"] for p in parts]
    # every multiplier set to 1: the built problem is kept per process and keeps what the last
    # sample set (a second analysis in the same session, a notebook)
    point = evaluate_chunk(base_text, file, "run", {}, {}, [(-1, dict.fromkeys(names, 1.0))])[0]
    if point["status"] != "ok":
        raise InfeasibleError(f"{file}: the study itself does not evaluate: {point['reason']}")
    covered = _coverage(base_text, file, names, parts, point["life_cycle_cost_musd"])
    multipliers = draw_multipliers(np.array([p["sigma"] for p in parts]), correlation, samples, seed)
    rows = _run_samples(base_text, file, names, multipliers, workers, scheduler, progress)
    ok = [r for r in rows if r["status"] == "ok"]
    if not ok:
        raise RuntimeError(f"no sample evaluated: {rows[0].get('reason', '')}")
    partners = list(arch.cost.partners)
    report = {
        "study": file, "samples": samples, "seed": seed, "correlation": correlation, "failed_samples": len(rows) - len(ok),
        "currency": f"MUSD {study.campaign.dollar_base_year}",
        "method": "lognormal multipliers (median 1) on each element's relationship estimate, equicorrelated log-multipliers, "
                  "full model re-evaluation at the study's design per sample",
        "confidence_level": _confidence_level(arch),
        "uncertainties": [{k: p[k] for k in ("element", "part", "relationship", "sigma", "source")} for p in parts],
        "coverage": covered,
        "point_estimate": {"life_cycle_cost_musd": point["life_cycle_cost_musd"], "paid_by_partner": point["paid_by_partner"]},
        "life_cycle_cost": s_curve(np.array([r["life_cycle_cost_musd"] for r in ok])),
        "partners": {pid: s_curve(np.array([r["paid_by_partner"][pid] for r in ok])) for pid in partners},
    }
    lcc = np.array(report["life_cycle_cost"]["sorted"])
    report["point_estimate"]["confidence"] = float(np.mean(lcc <= point["life_cycle_cost_musd"]))
    report["reserve"] = reserve_at_confidence(report)
    return report, [_flat(r, columns, partners) for r in rows]


def reserve_at_confidence(report: dict) -> dict:
    """The programme reserve NASA's policy implies: the budget at the confidence level (P70)
    less the point estimate, for the total and for each partner's payments (base-year MUSD;
    negative when the point estimate is already above that level). This is the toolkit's
    reserve; the ``reserves`` wrap stays a study setting (docs/model.md, Programme wraps)."""
    level = f"P{round(100 * report['confidence_level']['value'])}"
    point = report["point_estimate"]
    total = report["life_cycle_cost"]["percentiles"][level] - point["life_cycle_cost_musd"]
    return {"level": level, "life_cycle_cost_musd": total,
            "fraction_of_point_estimate": total / point["life_cycle_cost_musd"] if point["life_cycle_cost_musd"] else None,
            "paid_by_partner_musd": {pid: curve["percentiles"][level] - point["paid_by_partner"][pid]
                                     for pid, curve in report["partners"].items()},
            "basis": "budget at the confidence level less the point estimate (NASA JCL policy, cost_risk.confidence_level)"}


def _coverage(base_text: str, file: str, names: list[str], parts: list[dict], point: float) -> dict:
    """The share of the point estimate each uncertainty group covers (the relationships, each price
    class) and the share none covers, from evaluations with a group's multipliers at 0."""
    from trades.analyses.cost_risk_prices import coverage
    from trades.analyses.sweep import evaluate_chunk

    def lcc(values: dict) -> float:
        row = evaluate_chunk(base_text, file, "run", {}, {}, [(-1, values)])[0]
        if row["status"] != "ok":
            raise RuntimeError(f"{file}: the coverage evaluation failed: {row.get('reason', '')}")
        return float(row["life_cycle_cost_musd"])

    groups = ["relationships" if p["part"] != "price" else p["relationship"] for p in parts]
    result = coverage(lcc, names, groups, point)
    lcc(dict.fromkeys(names, 1.0))  # the kept problem back at the study's own values
    return result


def _confidence_level(arch) -> dict:
    entry = arch.catalog.entry("cost", "default")["cost_risk"]["confidence_level"]
    return {"value": float(entry["value"]), "source": entry["source"]}


def _run_samples(base_text, file, names, multipliers, workers, scheduler, progress) -> list[dict]:
    """Every sample through the sweep's case evaluator on the executor, in chunks; rows in sample order."""
    from tqdm import tqdm

    from trades.analyses.sweep import _dask_client
    from trades.executor import default_workers, run_tasks

    samples = len(multipliers)
    lanes = (workers or default_workers()) if scheduler is None else 8
    size = max(10, math.ceil(samples / (4 * lanes)))
    chunks = [[(i, dict(zip(names, map(float, multipliers[i])))) for i in range(start, min(start + size, samples))]
              for start in range(0, samples, size)]
    rows: list = [None] * samples
    bar = tqdm(total=samples, desc="cost-risk", unit="sample", disable=not progress)

    def keep(task, result):
        for row in result:
            rows[row["case_id"]] = row
        bar.update(len(result))

    client = _dask_client(scheduler) if scheduler else None
    try:
        run_tasks(_sample_task, ((base_text, file, chunk) for chunk in chunks), keep, workers=workers, client=client,
                  total=len(chunks))
    finally:
        bar.close()
        if client is not None:
            client.close()
    for i, row in enumerate(rows):
        row["multipliers"] = multipliers[i]
    return rows


def _sample_task(base_text: str, file: str, chunk: list) -> list[dict]:
    """One chunk of samples (a worker entry point, local or Dask)."""
    from trades.analyses.sweep import evaluate_chunk

    return evaluate_chunk(base_text, file, "run", {}, {}, chunk)


def _flat(row: dict, columns: list[str], partners: list[str]) -> dict:
    flat = {"sample": row["case_id"], "status": row["status"], "reason": row.get("reason", ""),
            "life_cycle_cost_musd": row.get("life_cycle_cost_musd"), "npv_cost_musd": row.get("npv_cost_musd")}
    paid = row.get("paid_by_partner") or {}
    flat.update({f"paid_musd:{pid}": paid.get(pid) for pid in partners})
    flat.update({column: float(k) for column, k in zip(columns, row["multipliers"])})
    return flat


def _write_csv(path: Path, rows: list[dict]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def format_cost_risk(report: dict) -> str:
    """The S-curve percentiles of the life-cycle cost and of each partner's payments, as a table."""
    cur = report["currency"]
    level = report["confidence_level"]["value"]
    failed = f", {report['failed_samples']} failed" if report["failed_samples"] else ""
    lines = [f"Cost risk: {report['samples']} samples (seed {report['seed']}), correlation {report['correlation']:g} "
             f"between elements{failed}",
             f"{'':<22} {'point':>12} {'mean':>12} {'P50':>12} {'P70':>12} {'P80':>12}   [{cur}]"]

    def line(name, point, curve):
        p = curve["percentiles"]
        return f"{name:<22} {point:>12,.0f} {curve['mean']:>12,.0f} {p['P50']:>12,.0f} {p['P70']:>12,.0f} {p['P80']:>12,.0f}"

    lines.append(line("life-cycle cost", report["point_estimate"]["life_cycle_cost_musd"], report["life_cycle_cost"]))
    for pid, curve in report["partners"].items():
        lines.append(line(f"  paid by {pid}", report["point_estimate"]["paid_by_partner"][pid], curve))
    cover = report.get("coverage")
    if cover:
        groups = ", ".join(f"{name.replace('_', ' ')} {100 * share:.0f} %" for name, share in cover["by_group"].items())
        lines.append(f"Uncertainty covers {100 * cover['covered']:.0f} % of the point estimate ({groups}); "
                     f"{100 * cover['uncovered']:.0f} % carries none (operations and anything unpriced).")
    lines.append(f"The point estimate is at the {100 * report['point_estimate']['confidence']:.0f} % level of the S-curve; "
                 f"NASA baselines programs at {100 * level:.0f} % (P{100 * level:.0f}).")
    reserve = report.get("reserve")
    if reserve:
        share = reserve["fraction_of_point_estimate"]
        lines.append(f"Reserve to budget at {reserve['level']}: {reserve['life_cycle_cost_musd']:,.0f} "
                     + (f"({100 * share:.1f} % of the point estimate)" if share is not None else "") + ".")
    return "\n".join(lines) + "\n"

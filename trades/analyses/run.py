"""``trades run``: evaluate a study's architecture, summarise it and write the outputs.

Outputs (in the output folder, each written whole or not at all):

- ``resolved_study.yaml``: the study with every default filled in;
- ``cases.sqlite``: the recorded case (OpenMDAO SQLite recorder), every input and output;
- ``summary.json`` and ``summary_by_year.csv``: the figures printed by the command;
- ``provenance.json``: toolkit and dependency versions, study hashes, every model input with its value, units and source, catalog overrides."""

from __future__ import annotations

import csv
import io
import json
import math
import os
import platform
from contextlib import contextmanager
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import yaml

from trades.models import variables as var
from trades import __version__
from trades.analyses.cost_summary import format_cost, format_optimization, summarize_cost
from trades.analyses.evaluate import evaluate
from trades.analyses.run_launches import (national_cargo_launches, refuelled_lander_launches, refuelled_lander_text,
                                          whole_launches, whole_launches_cumulative)
from trades.architecture.flight_rates import launch_rule_breaks
from trades.architecture.outpost_modules import module_power_summary, module_power_text
from trades.analyses.optimize_rules import relief, violations
from trades.analyses.oversize import crew_lander_launch_notes, oversize_notes
from trades.errors import BrokenRulesError, InfeasibleError, OutputDirError
from trades.escape import safe_text
from trades.fileio import Staging, output_folder, remove_abandoned_staging
from trades.study.schema import Study, load_study

DEFAULT_OUTPUT_ROOT = "trades_output"
DEPENDENCIES = ["openmdao", "numpy", "scipy", "boinor", "astropy", "pydantic", "PyYAML"]


def default_output_dir(study_path: str | Path) -> Path:
    """``./trades_output/<study file stem>``: the documented default output folder."""
    return Path(DEFAULT_OUTPUT_ROOT) / Path(study_path).stem


def summarize(arch, prob) -> dict:
    """The figures ``trades run`` prints, as plain JSON-able data."""
    years = arch.years
    val = lambda name: [float(x) for x in prob.get_val(name).ravel()]  # noqa: E731
    cargo = [whole_launches(x) for x in val(var.CARGO_LAUNCHES)]  # each year's cargo flies that year
    crew = whole_launches_cumulative(val(var.CREW_LAUNCHES)) if arch.crew_vehicle else [0] * len(years)
    lander = refuelled_lander_launches(arch, prob)  # a refuelled crew lander's, or None
    lander_mass = val("crew_lander_demand.lander_mass") if "crew_lander" in arch.stages else [0.0] * len(years)
    refuel = [0.0] * len(years)
    if arch.reusable_lander is not None:
        per_trip = float(prob.get_val("reusable_lander.propellant_per_trip")[0])
        refuel = [t * per_trip for t in val("reusable_lander.trips")]
    model = {  # per-year outputs read once from the problem
        key: val(name) for key, name in (
            ("crew_days", "crew.crew_days"),
            ("crew_rotations", "crew.crew_rotations"),
            ("consumables_kg", var.CONSUMABLES_MASS),
            ("spares_kg", var.SPARES_MASS),
            ("delivered_to_destination_kg", var.DELIVERED_MASS),
            ("stage_propellant_kg", "total_propellant.propellant_mass"),
            ("mass_in_launch_orbit_kg", "total_launch_mass.mass_in_launch_orbit"),
            ("cargo_flights", var.CARGO_FLIGHTS),
        )
    }
    cargo_by_vehicle = [{arch.cargo_vehicle: c} for c in cargo]
    if arch.cost is not None and arch.study.launch.policy == "national":
        cargo_by_vehicle = national_cargo_launches(arch, prob)
    rows = []
    for i, year in enumerate(years):
        per_vehicle = dict(cargo_by_vehicle[i])
        if arch.crew_vehicle:
            per_vehicle[arch.crew_vehicle] = per_vehicle.get(arch.crew_vehicle, 0) + crew[i]
        if lander:  # its tankers and itself, flown by its provider
            per_vehicle[lander["launcher"]] = per_vehicle.get(lander["launcher"], 0) + lander["per_year"][i]
        per_partner: dict[str, int] = {}
        for vehicle, count in per_vehicle.items():
            partner = arch.vehicle_owner.get(vehicle, "provider")  # a lander's launcher no partner owns: its provider's
            per_partner[partner] = per_partner.get(partner, 0) + count
        rows.append(
            {
                "year": year,
                "crew_days": model["crew_days"][i],
                "crew_rotations": model["crew_rotations"][i],
                "consumables_kg": model["consumables_kg"][i],
                "spares_kg": model["spares_kg"][i],
                "delivered_to_destination_kg": model["delivered_to_destination_kg"][i],
                "crew_landers_to_staging_kg": lander_mass[i],
                "propellant_kg": model["stage_propellant_kg"][i] + refuel[i],
                "lander_refuelling_kg": refuel[i],
                "mass_in_launch_orbit_kg": model["mass_in_launch_orbit_kg"][i],
                "cargo_flights": whole_launches(model["cargo_flights"][i]),
                "launches_by_vehicle": per_vehicle,
                "launches_by_partner": per_partner,
            }
        )

    def total(key):
        return sum(r[key] for r in rows)

    def merged(key):
        out: dict[str, int] = {}
        for r in rows:
            for k, v in r[key].items():
                out[k] = out.get(k, 0) + v
        return out

    # the reported probability counts the whole launches of the table (the model's own output,
    # for optimizers, uses the continuous count)
    r_cargo = float(prob.get_val(var.CARGO_RELIABILITY)[0])
    success, failures, crew_failure = r_cargo ** sum(cargo), sum(cargo) * (1.0 - r_cargo) / r_cargo, 0.0
    if arch.crew_vehicle:
        r_crew = float(prob.get_val(var.CREW_RELIABILITY)[0])
        success *= r_crew ** sum(crew)
        failures += sum(crew) * (1.0 - r_crew) / r_crew  # failed attempts before each success
        crew_failure = 1.0 - r_crew ** sum(crew)
    if lander:
        success, failures = success * lander["success"], failures + lander["failures"]
    study = arch.study
    return {
        "study": study.name,
        "destination": f"{study.destination.body} / {study.destination.site}",
        "years": [years[0], years[-1]],
        "cargo_vehicle": arch.cargo_vehicle,
        "crew_vehicle": arch.crew_vehicle,
        "outpost": {
            "pressurized_volume_m3": float(prob.get_val(var.PRESSURIZED_VOLUME)[0]),
            "habitat_kg": float(prob.get_val(var.HABITAT_MASS)[0]),
            "power_demand_kw": float(prob.get_val(var.POWER_DEMAND)[0]),
            "power_system_kg": float(prob.get_val(var.POWER_SYSTEM_MASS)[0]),
            "power_source": arch.power_source, **module_power_summary(prob, var, study.outpost_modules),
            "life_support_kg": float(prob.get_val(var.LIFE_SUPPORT_MASS)[0]),
            "isru_plant_kg": float(prob.get_val(var.ISRU_PLANT_MASS)[0]),
            "dry_mass_kg": float(prob.get_val(var.OUTPOST_DRY_MASS)[0]),
        },
        "stages": [
            {"stream": s.stream, "stage": s.role, "legs": s.legs, "delta_v_km_s": s.delta_v_km_s, "propellant": s.propellant,
             "landed_fraction": s.landed_fraction}
            for stage_list in arch.stages.values()
            for s in stage_list
        ],
        **({"refuelled_lander": {k: v for k, v in lander.items() if k not in ("per_year", "success", "failures")}} if lander else {}),
        "reusable_lander": None
        if arch.reusable_lander is None
        else {
            "dry_mass_kg": float(prob.get_val("reusable_lander.lander_dry_mass")[0]),
            "propellant_per_trip_kg": float(prob.get_val("reusable_lander.propellant_per_trip")[0]),
            "design_payload_kg": float(prob.get_val("reusable_lander.design_payload")[0]),
            "descent": arch.reusable_lander["descent"],
            "ascent": arch.reusable_lander["ascent"],
        },
        "per_year": rows,
        "totals": {
            "crew_days": total("crew_days"),
            "delivered_to_destination_kg": total("delivered_to_destination_kg"),
            "crew_landers_to_staging_kg": total("crew_landers_to_staging_kg"),
            "propellant_kg": total("propellant_kg"),
            "lander_refuelling_kg": total("lander_refuelling_kg"),
            "mass_in_launch_orbit_kg": total("mass_in_launch_orbit_kg"),
            "cargo_flights": total("cargo_flights"),
            "launches_by_vehicle": merged("launches_by_vehicle"),
            "launches_by_partner": merged("launches_by_partner"),
            "all_launches_succeed_probability": float(success),
            "expected_launch_failures": float(failures),
            "some_crewed_launch_fails_probability": float(crew_failure),
        },
        "cost": summarize_cost(arch, prob) if arch.cost is not None else None,
        "notes": list(arch.notes) + oversize_notes(arch, prob) + crew_lander_launch_notes(arch, prob),
    }


def format_summary(summary: dict) -> str:
    """The human-readable summary table."""
    out = io.StringIO()
    p = lambda *a: print(*a, file=out)  # noqa: E731
    p(f"Study: {summary['study']}   destination: {summary['destination']}   years {summary['years'][0]}-{summary['years'][1]}")
    o = summary["outpost"]
    p(
        f"Outpost: {o['pressurized_volume_m3']:.0f} m3 habitat {o['habitat_kg'] / 1000:.1f} t, "
        f"{o['power_source']} power {o['power_demand_kw']:.0f} kW{module_power_text(o)} {o['power_system_kg'] / 1000:.1f} t, "
        f"life support {o['life_support_kg'] / 1000:.1f} t, ISRU {o['isru_plant_kg'] / 1000:.1f} t; dry mass {o['dry_mass_kg'] / 1000:.1f} t"
    )
    for s in summary["stages"]:
        if s["stage"] == "entry":
            p(f"  {s['stream']:<12} {'entry':<10} landed fraction {s['landed_fraction']:.3f} ({', '.join(s['legs'])})")
        else:
            p(f"  {s['stream']:<12} {s['stage']:<10} {s['delta_v_km_s']:.3f} km/s on {s['propellant']:<8} ({', '.join(s['legs'])})")
    lander = summary.get("reusable_lander")
    if lander:
        p(
            f"  reusable lander: dry {lander['dry_mass_kg'] / 1000:.1f} t, {lander['design_payload_kg'] / 1000:.1f} t down per trip, "
            f"{lander['propellant_per_trip_kg'] / 1000:.1f} t propellant per trip "
            f"(down {lander['descent']['delta_v_km_s']:.3f} km/s, up {lander['ascent']['delta_v_km_s']:.3f} km/s)"
        )
    if summary.get("refuelled_lander"):
        p(refuelled_lander_text(summary["refuelled_lander"]))
    vehicles = list(summary["totals"]["launches_by_vehicle"])
    header = f"{'year':>5} {'crew-days':>9} {'delivered t':>11} {'landers t':>9} {'propellant t':>12} {'in LEO t':>9} {'cargo flts':>10} " + " ".join(f"{v:>12}" for v in vehicles)
    p(header)
    for r in summary["per_year"]:
        p(
            f"{r['year']:>5} {r['crew_days']:>9.0f} {r['delivered_to_destination_kg'] / 1000:>11.1f} {r['crew_landers_to_staging_kg'] / 1000:>9.1f} "
            f"{r['propellant_kg'] / 1000:>12.1f} {r['mass_in_launch_orbit_kg'] / 1000:>9.1f} {r['cargo_flights']:>10d} "
            + " ".join(f"{r['launches_by_vehicle'].get(v, 0):>12d}" for v in vehicles)
        )
    t = summary["totals"]
    p(
        f"{'total':>5} {t['crew_days']:>9.0f} {t['delivered_to_destination_kg'] / 1000:>11.1f} {t['crew_landers_to_staging_kg'] / 1000:>9.1f} "
        f"{t['propellant_kg'] / 1000:>12.1f} {t['mass_in_launch_orbit_kg'] / 1000:>9.1f} {t['cargo_flights']:>10d} "
        + " ".join(f"{t['launches_by_vehicle'][v]:>12d}" for v in vehicles)
    )
    p("Launches by partner: " + ", ".join(f"{k} {v}" for k, v in t["launches_by_partner"].items()))
    p(f"Probability that every launch succeeds: {t['all_launches_succeed_probability']:.3g} "
      f"(expected failed launches {t['expected_launch_failures']:.2f}); that a crewed launch fails: "
      f"{t['some_crewed_launch_fails_probability']:.3g} (an upper bound on losing a crew at launch: abort systems save most)")
    for broken in summary.get("broken_rules", []) + summary.get("broken_launch_rules", []):
        p(f"BROKEN: {broken} (to relax: {relief(broken)})")
    if summary.get("cost"):
        out.write(format_cost(summary["cost"]))
    if summary.get("optimization"):
        out.write(format_optimization(summary["optimization"]))
    for note in summary["notes"]:
        p(f"Note: {note}")
    return out.getvalue()


def _provenance(arch, study: Study, study_path: Path) -> dict:
    deps = {}
    for name in DEPENDENCIES:
        try:
            deps[name] = version(name)
        except PackageNotFoundError:
            deps[name] = None
    return {
        "toolkit": {"name": "trades", "version": __version__},
        "python": platform.python_version(),
        "platform": platform.platform(),
        "dependencies": deps,
        "created_utc": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "study_file": str(study_path),
        "study_file_sha256": study._source_sha256,  # the bytes that were read (a second read may differ)
        "resolved_study_sha256": arch.study.digest(),
        "catalog_overrides": arch.catalog.overridden,
        "study_input_sources": arch.study.input_sources,
        "study_references": [r.model_dump() for r in arch.study.references],
        "model_inputs": [
            {"name": i.name, "value": i.value, "units": i.units, "source": i.source, "verified": i.verified, "note": i.note}
            for i in arch.inputs
        ],
    }


def _csv_text(summary: dict) -> str:
    from trades.escape import csv_row

    buf = io.StringIO()
    vehicles = list(summary["totals"]["launches_by_vehicle"])
    partners = list(summary["totals"]["launches_by_partner"])
    scalar_keys = [k for k, v in summary["per_year"][0].items() if not isinstance(v, dict)]
    writer = csv.writer(buf)
    # names come from the study and catalogs: no cell may start a spreadsheet formula
    writer.writerow(csv_row(scalar_keys + [f"launches_{v}" for v in vehicles] + [f"launches_partner_{p}" for p in partners]))
    for r in summary["per_year"]:
        writer.writerow(csv_row(
            [r[k] for k in scalar_keys]
            + [r["launches_by_vehicle"].get(v, 0) for v in vehicles]
            + [r["launches_by_partner"].get(p, 0) for p in partners]
        ))
    return buf.getvalue()


def _non_finite(node, path="") -> list[str]:
    """Paths of NaN or infinite numbers in a summary."""
    if isinstance(node, dict):
        return [p for k, v in node.items() for p in _non_finite(v, f"{path}.{k}" if path else str(k))]
    if isinstance(node, list):
        return [p for i, v in enumerate(node) for p in _non_finite(v, f"{path}[{i}]")]
    if isinstance(node, float) and not math.isfinite(node):
        return [path]
    return []


def _output_folder(output_dir: str | Path | None, study_path: Path) -> Path:
    out = Path(output_dir) if output_dir is not None else default_output_dir(study_path)
    for folder in [out, *out.parents]:
        if folder.exists() and not folder.is_dir():
            raise OutputDirError(f"--output-dir {out}: '{folder}' exists and is not a folder")
    return out


@contextmanager
def open_output_folder(output_dir: str | Path | None, study_path: Path, digest: str, results: tuple[str, ...],
                       writes: tuple[str, ...] = ()):
    """The output folder, created and checked writable before any computing (a context: a folder
    it created is removed again if the command fails and leaves it empty).

    ``writes`` are the files the command will write (each must be a regular file or absent) and
    ``results`` those of them that carry the study's hash; when the folder already holds results of
    another study (another ``study_sha256``) that this command will not replace, stderr says so
    (``trades report`` refuses to mix them).
    """
    with output_folder(_output_folder(output_dir, study_path), writes=writes + results) as out:
        warn_other_studies(out, digest, results)
        yield out


def warn_other_studies(out: Path, digest: str, results: tuple[str, ...]) -> None:
    """Say on stderr when ``out`` holds results of another study that ``results`` will not replace."""
    import sys

    others = [name for name, sha in results_studies(out).items() if sha != digest and name not in results]
    if others:
        print(safe_text(f"note: {out} also holds {', '.join(others)} of another study (or another version of it); "
                        "trades report will refuse to mix them: use another --output-dir"), file=sys.stderr)


# the results files that say which study they come from (key "study_sha256")
RESULTS_FILES = ("summary.json", "coalitions.json", "sweep_summary.json", "sensitivity.json", "cost_risk.json")


def results_studies(folder: Path) -> dict[str, str]:
    """The ``study_sha256`` of each results file in ``folder`` that states one."""
    found = {}
    for name in RESULTS_FILES:
        data = peek_results(folder, name)
        if data is not None and isinstance(data.get("study_sha256"), str):
            found[name] = data["study_sha256"]
    return found


def peek_results(folder: Path, name: str) -> dict | None:
    """A results file's JSON object if it is the folder's own, readable regular file, else None (only to look)."""
    path = folder / name
    if path.is_symlink() or not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


# every file run and optimize write; the only names a staging folder's clean-up deletes
RUN_OUTPUTS = ("resolved_study.yaml", "cases.sqlite", "summary.json", "summary_by_year.csv", "provenance.json")


def _run_into(staging: Staging, out: Path, study: Study, study_path: Path, digest: str, optimize: bool) -> tuple[dict, dict | None]:
    """Evaluate or optimize into ``staging``, then move the results into ``out``, summary last."""
    result = None
    if optimize:
        from trades.analyses.optimize import optimize as optimize_study

        arch, prob, result = optimize_study(study, str(study_path), str(staging.path / "cases.sqlite"))
    else:
        arch, prob = evaluate(study, str(study_path), str(staging.path / "cases.sqlite"))
    try:
        summary = {**summarize(arch, prob), "study_sha256": digest}
        if result is not None:
            summary["optimization"] = result
    except ValueError as exc:  # a non-finite launch count
        raise InfeasibleError(f"{study_path}: the model produced non-finite values ({exc}); check the inputs' magnitudes") from None
    summary["broken_launch_rules"] = launch_rule_breaks(arch, summary)
    if result is None and arch.cost is not None:  # the study's own design: its caps and rules, in words
        summary["broken_rules"] = violations(arch, prob)
    bad = _non_finite(summary)
    if bad:
        raise InfeasibleError(f"{study_path}: the model produced non-finite values in {', '.join(bad[:5])}; check the inputs' magnitudes")
    resolved = study.model_dump(mode="json")
    try:
        (staging.path / "resolved_study.yaml").write_text(yaml.safe_dump(resolved, sort_keys=False), encoding="utf-8")
        (staging.path / "summary.json").write_text(json.dumps(summary, indent=2, allow_nan=False), encoding="utf-8")
        (staging.path / "summary_by_year.csv").write_text(_csv_text(summary), encoding="utf-8")
        (staging.path / "provenance.json").write_text(json.dumps(_provenance(arch, study, study_path), indent=2), encoding="utf-8")
        (out / "summary.json").unlink(missing_ok=True)
        for name in sorted(RUN_OUTPUTS, key=lambda n: n == "summary.json"):
            os.replace(staging.path / name, out / name)
    except OSError as exc:
        raise OutputDirError(f"--output-dir {out}: cannot write the results ({exc.strerror}); "
                             "no complete result was written (summary.json marks a complete run)") from None
    return summary, result


def run_study(study_path: str | Path, output_dir: str | Path | None = None, optimize: bool = False) -> tuple[dict, Path]:
    """Run (or, with ``optimize``, optimize) a study file and write its outputs; returns
    ``(summary, output folder)``.

    An optimization that ends infeasible still writes its outputs (what was computed is kept)
    and then raises :class:`InfeasibleError` naming each broken constraint and by how much.

    Everything is first written to a marked staging folder inside the output folder and moved into
    place only when all succeeded. ``summary.json`` marks a complete run: an old one is removed
    before the other files are replaced and the new one is moved in last, so a run killed while
    moving never leaves a summary beside files of another run.
    """
    study_path = Path(study_path)
    study = load_study(study_path)
    digest = study.digest()
    # what cannot be written is found before computing; a folder made here goes again if the run fails
    with open_output_folder(output_dir, study_path, digest, ("summary.json",), RUN_OUTPUTS) as out:
        remove_abandoned_staging(out, RUN_OUTPUTS)
        try:
            staging = Staging(out, RUN_OUTPUTS)
        except OSError as exc:
            raise OutputDirError(f"--output-dir {out}: cannot write there ({exc.strerror})") from None
        try:
            summary, result = _run_into(staging, out, study, study_path, digest, optimize)
        finally:
            staging.remove()
    broken = (list(result["violations"]) if result is not None else []) + summary["broken_launch_rules"]
    if broken:
        design = "no design meets every constraint; the best found" if result is not None else "the campaign"
        lines = [f"{study_path}: {design} breaks {len(broken)} rule(s) (its tables above; outputs kept in {out}/):"]
        for rule in broken:
            lines += [f"  - {rule}", f"    to relax: {relief(rule)}"]
        raise BrokenRulesError(lines, summary, out)
    return summary, out

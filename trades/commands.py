"""What each ``trades`` command does once its arguments are parsed (:mod:`trades.cli` parses
them and maps errors to exit codes). Heavy libraries are imported inside the commands that use
them, so that ``trades --help``, ``validate`` and ``schema`` start fast."""

from __future__ import annotations

import html
import json
import os

from trades.errors import EXIT_OK, StudyErrors
from trades.escape import safe_text


def echo(text: str) -> None:
    """Print a command's text output (tables, paths) with what came from files made harmless:
    a carriage return or escape sequence in a partner id, study name or path could otherwise
    forge lines or clear the screen. Newlines and tabs of the tables are kept."""
    print(safe_text(text, multiline=True), end="")


def cmd_validate(args) -> int:
    failures, warnings = [], []
    for path in args.files:
        try:
            refusals = _validate_file(path)
        except StudyErrors as exc:
            failures.append(exc)
            continue
        warnings += [{"file": path, "warning": text} for text in refusals]
        if args.format == "text":
            print(f"{safe_text(path)}: ok")  # a newline in the path must not forge an "ok" line
            for text in refusals:
                print(f"{safe_text(path)}: warning: {safe_text(text)}")
    if args.format == "json":
        report = {
            "valid": [p for p in args.files if not any(e.errors[0].file == p for e in failures)],
            "warnings": warnings,
            "errors": [
                {"file": e.file, "field": e.field, "reason": e.reason, "line": e.line}
                for exc in failures
                for e in exc.errors
            ],
        }
        print(json.dumps(report, indent=2))
    if failures:
        raise StudyErrors([e for exc in failures for e in exc.errors])
    return EXIT_OK


def _validate_file(path: str) -> list[str]:
    """Check a study, or an integrated-architecture file and each of its member studies; returns
    what ``optimize`` would refuse (warnings)."""
    from trades.analyses.integrated_spec import is_integrated_file, load_integrated, member_studies
    from trades.architecture.checks import check_study, optimize_refusals
    from trades.study.schema import load_study

    if is_integrated_file(path):
        for _, study in member_studies(load_integrated(path)):
            check_study(study)
        return []
    study = load_study(path)
    return optimize_refusals(study, check_study(study))


def cmd_schema(args) -> int:
    if args.markdown:
        from trades.outputs.study_reference import markdown_reference

        print(markdown_reference(), end="")
        return EXIT_OK
    from trades.study.schema import json_schema

    print(json.dumps(json_schema(), indent=2))
    return EXIT_OK


def cmd_run(args) -> int:
    return _run_or_optimize(args, optimize=False)


def cmd_optimize(args) -> int:
    return _run_or_optimize(args, optimize=True)


def _run_or_optimize(args, optimize: bool) -> int:
    """Run or optimize, print the design's tables, and on broken rules (exit 3) print them too,
    before the list of what is broken."""
    from trades.analyses.run import format_summary, run_study
    from trades.errors import BrokenRulesError

    recorded = "cases.sqlite with every driver iteration" if optimize else "cases.sqlite"
    written = f"resolved_study.yaml, {recorded}, summary.json, summary_by_year.csv, provenance.json"
    try:
        summary, out = run_study(args.study, args.output_dir, optimize=optimize)
    except BrokenRulesError as exc:
        _show(args, exc.summary, exc.output_dir, format_summary, written)
        raise
    _show(args, summary, out, format_summary, written)
    return EXIT_OK


def _show(args, result: dict, out, text, written: str) -> None:
    """A command's result: its JSON with the output folder, or its text (``text(result)``) and the
    files it wrote."""
    if args.format == "json":
        print(json.dumps({"output_dir": str(out), **result}, indent=2))
        return
    echo(text(result))
    echo(f"Outputs written to {out}/ ({written})\n")


def cmd_compare(args) -> int:
    from pathlib import Path

    from trades.analyses.compare import compare, format_comparison, load_cases, write_comparison_json
    from trades.fileio import output_folder
    from trades.outputs import figures

    if args.output_dir is None:
        report = compare(load_cases(args.cases, None))
        files = []
    else:
        with output_folder(Path(args.output_dir)) as out:  # a file in its place is found before running anything
            report = compare(load_cases(args.cases, out / "runs"))
            files = [write_comparison_json(report, out), *figures.save(figures.comparison(report), out / "compare", args.formats)]
    if args.format == "json":
        print(json.dumps({**report, "files": [str(f) for f in files]}, indent=2))
    else:
        echo(format_comparison(report))
        for f in files:
            echo(f"wrote {f}\n")
    return EXIT_OK


def cmd_coalitions(args) -> int:
    from trades.analyses.coalitions import format_report, run_coalitions

    if args.bar and not args.scenarios:
        from trades.errors import StudyError

        raise StudyErrors([StudyError(args.study, "--bar", "applies with --scenarios only")])
    bar = tuple(args.bar.split(",")) if args.bar else None
    if bar is not None and len(bar) != 2:
        from trades.errors import StudyError

        raise StudyErrors([StudyError(args.study, "--bar", f"'{args.bar}' must be two partner ids separated by a comma")])
    if not 0.0 <= args.interface_exponent <= 1.0:
        from trades.errors import StudyError

        raise StudyErrors([StudyError(args.study, "--interface-exponent", f"{args.interface_exponent:g} must be within 0-1")])
    leave = None
    if args.leave:
        partner, _, year = args.leave.partition(",")
        if year and not year.strip().isdigit():
            from trades.errors import StudyError

            raise StudyErrors([StudyError(args.study, "--leave", f"'{args.leave}' must be PARTNER or PARTNER,YEAR, e.g. esa,2032")])
        leave = (partner.strip(), int(year) if year else None)
    report, out = run_coalitions(args.study, args.output_dir, workers=args.workers, progress=args.format == "text",
                                 scenarios=args.scenarios, bar=bar, interface_exponent=args.interface_exponent, leave=leave,
                                 method=args.method, half_width=args.half_width, resume=args.resume, scheduler=args.scheduler)
    if args.format == "json":
        print(json.dumps({"output_dir": str(out), **report}, indent=2, default=str))
    else:
        from trades.analyses.coalitions_sampled import format_sampled_report

        echo(format_sampled_report(report) if report["method"] == "sampled" else format_report(report))
        if "scenarios_table" in report:
            print("Policy scenarios:")
            echo(report["scenarios_table"])
        if "leaving" in report:
            from trades.analyses.coalitions_leaving import format_leaving

            print("Partner leaving mid-campaign:")
            echo(format_leaving(report["leaving"]))
        echo(f"Outputs written to {out}/ (coalitions.csv, coalitions.json, coalitions.sqlite)\n")
    return EXIT_OK


def cmd_integrated(args) -> int:
    from trades.analyses.integrated import format_integrated, run_integrated
    from trades.errors import BrokenRulesError

    written = "integrated.json, integrated_by_year.csv"
    try:
        report, out = run_integrated(args.file, args.output_dir, optimize=args.optimize, progress=args.format == "text")
    except BrokenRulesError as exc:  # the tables first, then (exit 3) the rules broken
        _show(args, exc.summary, exc.output_dir, format_integrated, written)
        raise
    _show(args, report, out, format_integrated, written)
    return EXIT_OK


def cmd_sweep(args) -> int:
    from trades.analyses.sweep_store import format_sweep_summary
    from trades.analyses.sweep import run_sweep

    summary, out = run_sweep(args.study, args.output_dir, workers=args.workers, scheduler=args.scheduler,
                             resume=args.resume, parquet=args.parquet, progress=args.format == "text")
    _show(args, summary, out, format_sweep_summary,
          f"sweep.sqlite, sweep.csv{', sweep.parquet' if args.parquet else ''}, sweep_summary.json")
    return EXIT_OK


def cmd_pareto(args) -> int:
    from trades.analyses.pareto import format_front, pareto_front

    result = pareto_front(args.results, args.objectives)
    if args.plot:
        from trades.errors import OutputDirError
        from trades.fileio import atomic_write
        from trades.analyses.pareto import plot_front

        fig = plot_front(result)
        try:
            atomic_write(args.plot, lambda tmp: fig.savefig(tmp, format=os.path.splitext(args.plot)[1][1:] or "png"), "--plot")
        except ValueError as exc:  # an unknown image format
            raise OutputDirError(f"--plot {args.plot}: cannot write it ({exc})") from None
    if args.format == "json":
        print(json.dumps({k: v for k, v in result.items() if k != "all"}, indent=2))
    else:
        echo(format_front(result))
        if args.plot:
            echo(f"Plot written to {args.plot}\n")
    return EXIT_OK


def cmd_sensitivity(args) -> int:
    from trades.analyses.sensitivity import format_sensitivity, run_sensitivity

    from trades.outputs.figures import save_sensitivity_figures

    report, out = run_sensitivity(args.study, args.output_dir, workers=args.workers, scheduler=args.scheduler,
                                  progress=args.format == "text")
    figures = sorted({path.stem for path in save_sensitivity_figures(report, out)})  # those it had data for
    _show(args, report, out, format_sensitivity,
          f"sensitivity.json, {'/'.join(figures)} .png .svg .pdf" + (", sensitivity_sweep/" if "global" in report else ""))
    return EXIT_OK


def cmd_cost_risk(args) -> int:
    from trades.analyses.cost_risk import format_cost_risk, run_cost_risk
    from trades.outputs.figures import save
    from trades.outputs.figures_risk import s_curve_figure

    report, out = run_cost_risk(args.study, args.output_dir, samples=args.samples, seed=args.seed, workers=args.workers,
                                scheduler=args.scheduler, progress=args.format == "text")
    save(s_curve_figure(report), out / "s_curve")
    _show(args, {k: v for k, v in report.items() if k not in ("life_cycle_cost", "partners")} | {
        "life_cycle_cost": {k: v for k, v in report["life_cycle_cost"].items() if k != "sorted"},
        "partners": {pid: {k: v for k, v in c.items() if k != "sorted"} for pid, c in report["partners"].items()},
    } if args.format == "json" else report, out, format_cost_risk, "cost_risk.json, cost_risk_samples.csv, s_curve .png .svg .pdf")
    return EXIT_OK


def cmd_plot(args) -> int:
    from pathlib import Path

    from trades.outputs import figures
    from trades.errors import StudyError

    folder = Path(args.results)
    if not folder.is_dir():
        raise StudyErrors([StudyError(args.results, "", "not an output folder of trades (run, optimize, coalitions, sweep or sensitivity)")])
    fig = figures.figure_from_folder(folder, args.kind)
    if fig is None:
        raise StudyErrors([StudyError(args.results, "", f"no results for a {args.kind} figure here (it is drawn from "
                                      f"{figures.SOURCES[args.kind]}, written by the matching command)")])
    stem = Path(args.output) if args.output else folder / args.kind
    try:
        written = figures.save(fig, stem, args.formats)
    except (OSError, ValueError) as exc:
        from trades.errors import OutputDirError

        raise OutputDirError(f"--output {stem}: cannot write it ({exc})") from None
    echo("Written: " + ", ".join(str(p) for p in written) + "\n")
    return EXIT_OK


def cmd_report(args) -> int:
    from trades.outputs.report import write_report

    path = write_report(args.output_dir, args.output)
    echo(f"Report written to {path}\n")
    return EXIT_OK


def cmd_validation_report(args) -> int:
    from trades.fileio import atomic_write, check_output_file
    from trades.analyses.validation import markdown

    if args.output != "-":
        check_output_file(args.output)  # before the minutes of computing
    text = markdown()
    if args.output == "-":
        print(text, end="")
        return EXIT_OK
    atomic_write(args.output, lambda tmp: tmp.write_text(text, encoding="utf-8"), "--output")
    echo(f"wrote {args.output}\n")
    return EXIT_OK


def cmd_n2(args) -> int:
    from pathlib import Path

    import openmdao.api as om

    from trades.architecture.assemble import build_problem
    from trades.fileio import atomic_write, check_output_file
    from trades.architecture.resolve import resolve
    from trades.study.schema import load_study

    study = load_study(args.study)
    out = check_output_file(Path(args.output) if args.output else Path("trades_output") / f"{Path(args.study).stem}_n2.html")
    prob = build_problem(resolve(study))
    prob.final_setup()
    atomic_write(out, lambda tmp: om.n2(prob, outfile=str(tmp), show_browser=False, display_in_notebook=False,
                                        title=html.escape(f"trades: {args.study}")))
    echo(f"wrote {out}\n")
    return EXIT_OK


def transfer_spec(args):
    from trades.astro.ephemeris import nea_ids
    from trades.errors import StudyError
    from trades.astro.porkchop import TransferSpec

    import math

    errors = []

    def bad(field, reason):
        errors.append(StudyError("<command line>", field, reason))

    targets = ["mars", "venus", *nea_ids()]
    if args.target not in targets:
        bad("target", f"unknown target '{args.target}'; one of {targets}")
    if not (math.isfinite(args.parking_altitude) and 150.0 <= args.parking_altitude <= 100000.0):
        bad("--parking-altitude", f"{args.parking_altitude:g} km: must be between 150 and 100,000 km")
    peri, apo = args.capture_periapsis, args.capture_apoapsis
    if peri is not None and not (math.isfinite(peri) and peri > 0):
        bad("--capture-periapsis", f"{peri:g} km: must be above the surface (> 0)")
    if apo is not None and (peri is None or not math.isfinite(apo) or apo < peri):
        bad("--capture-apoapsis", "needs --capture-periapsis and must be at least the periapsis altitude")
    if errors:
        raise StudyErrors(errors)

    return TransferSpec(
        origin="earth",
        target=args.target,
        parking_altitude_km=args.parking_altitude,
        capture_periapsis_altitude_km=args.capture_periapsis,
        capture_apoapsis_altitude_km=args.capture_apoapsis,
    )


def cmd_windows(args) -> int:
    from trades.astro.ephemeris import EphemerisRangeError
    from trades.errors import StudyError
    from trades.astro.porkchop import find_windows

    import math

    spec = transfer_spec(args)
    if not (1900 <= args.year <= 2048):
        raise StudyErrors([StudyError("<command line>", "year", f"{args.year}: must be 1900-2048 (arrivals must fall inside the DE421 span, 1900-2050)")])
    if not (math.isfinite(args.min_tof) and math.isfinite(args.max_tof) and 0 < args.min_tof < args.max_tof <= 1500):
        raise StudyErrors([StudyError("<command line>", "--min-tof/--max-tof", "need 0 < min < max <= 1500 days")])
    try:
        found = find_windows(spec, args.year, (args.min_tof, args.max_tof))
    except EphemerisRangeError as exc:
        raise StudyErrors([StudyError("<command line>", "year", str(exc))]) from None
    if args.format == "json":
        print(json.dumps({"target": args.target, "year": args.year, "windows": found}, indent=2))
        return EXIT_OK
    print(f"Earth to {args.target}, departures in {args.year}, flight time {args.min_tof:g}-{args.max_tof:g} d, "
          f"departure from a {args.parking_altitude:g} km circular orbit")
    print(f"{'objective':<9} {'type':>4} {'departure':>10} {'arrival':>10} {'TOF d':>6} {'C3 km2/s2':>9} "
          f"{'vinf arr km/s':>13} {'dv dep km/s':>11} {'dv arr km/s':>11} {'dv total':>8}")
    for w in found:
        print(f"{w['objective']:<9} {'I' if w['type'] == 1 else 'II':>4} {w['departure']:>10} {w['arrival']:>10} "
              f"{w['tof_days']:>6.0f} {w['c3_km2_s2']:>9.3f} {w['v_inf_arrival_km_s']:>13.3f} "
              f"{w['dv_departure_km_s']:>11.3f} {w['dv_arrival_km_s']:>11.3f} {w['dv_total_km_s']:>8.3f}"
              + ("  * at the year's edge" if w["at_year_edge"] else "") + ("  + at the 180-degree ridge" if w["on_ridge_edge"] else ""))
    if not found:
        print("no transfer found in this range")
    elif any(w["at_year_edge"] for w in found):
        print("* the least value in the year is at its edge, on the slope of a neighbouring year's window: not a window of this year")
    if any(w["on_ridge_edge"] for w in found):
        from trades.astro.orbits import SINGULAR_HALF_WIDTH_DEG

        print(f"+ on the edge of the transfers within {SINGULAR_HALF_WIDTH_DEG:g} deg of 180 deg, which the search excludes "
              "(the Lambert plane is ill-defined there): its figures move with that width (docs/model.md)")
    return EXIT_OK


def cmd_porkchop(args) -> int:
    from trades.astro.ephemeris import EphemerisRangeError
    from trades.errors import StudyError
    from trades.astro.porkchop_files import format_minima, write_porkchop

    try:
        spec = transfer_spec(args)
        files, minima = write_porkchop(spec, args.departure_start, args.departure_end,
                                       args.arrival_start, args.arrival_end, args.step, args.output_dir, args.formats)
    except EphemerisRangeError as exc:
        raise StudyErrors([StudyError("<command line>", "dates", str(exc))]) from None
    except ValueError as exc:
        raise StudyErrors([StudyError("<command line>", "dates", str(exc))]) from None
    if args.format == "json":
        least = [{k: v for k, v in m.items() if k != "index"} for m in minima]
        print(json.dumps({"files": [str(f) for f in files], "least_c3": least}, indent=2))
    else:
        echo(format_minima(spec, minima))
        for f in files:
            echo(f"wrote {f}\n")
    return EXIT_OK

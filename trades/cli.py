"""The ``trades`` command line.

Heavy libraries (OpenMDAO, boinor) are imported inside the commands that use them, so
``trades --help``, ``trades validate`` and ``trades schema`` start fast. Errors print one line
per problem on stderr and exit with the documented codes (see :mod:`trades.errors`); set
``TRADES_DEBUG=1`` to get a traceback for internal errors.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import sys
import warnings

from trades import __version__
from trades.errors import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, StudyErrors, TradesError
from trades.escape import safe_text


def _echo(text: str) -> None:
    """Print a command's text output (tables, paths) with what came from files made harmless:
    a carriage return or escape sequence in a partner id, study name or path could otherwise
    forge lines or clear the screen. Newlines and tabs of the tables are kept."""
    print(safe_text(text, multiline=True), end="")


def _cmd_validate(args) -> int:
    from trades.architecture.checks import check_study
    from trades.study.schema import load_study

    failures = []
    for path in args.files:
        try:
            check_study(load_study(path))
        except StudyErrors as exc:
            failures.append(exc)
            continue
        if args.format == "text":
            print(f"{safe_text(path)}: ok")  # a newline in the path must not forge an "ok" line
    if args.format == "json":
        report = {
            "valid": [p for p in args.files if not any(e.errors[0].file == p for e in failures)],
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


def _cmd_schema(args) -> int:
    if args.markdown:
        from trades.outputs.study_reference import markdown_reference

        print(markdown_reference(), end="")
        return EXIT_OK
    from trades.study.schema import json_schema

    print(json.dumps(json_schema(), indent=2))
    return EXIT_OK


def _cmd_run(args) -> int:
    from trades.analyses.run import format_summary, run_study

    summary, out = run_study(args.study, args.output_dir)
    if args.format == "json":
        print(json.dumps({"output_dir": str(out), **summary}, indent=2))
    else:
        _echo(format_summary(summary))
        _echo(f"Outputs written to {out}/ (resolved_study.yaml, cases.sqlite, summary.json, summary_by_year.csv, provenance.json)\n")
    return EXIT_OK


def _cmd_optimize(args) -> int:
    from trades.analyses.run import format_summary, run_study

    summary, out = run_study(args.study, args.output_dir, optimize=True)
    if args.format == "json":
        print(json.dumps({"output_dir": str(out), **summary}, indent=2))
    else:
        _echo(format_summary(summary))
        _echo(f"Outputs written to {out}/ (resolved_study.yaml, cases.sqlite with every driver iteration, summary.json, "
              "summary_by_year.csv, provenance.json)\n")
    return EXIT_OK


def _cmd_coalitions(args) -> int:
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
                                 scenarios=args.scenarios, bar=bar, interface_exponent=args.interface_exponent, leave=leave)
    if args.format == "json":
        print(json.dumps({"output_dir": str(out), **report}, indent=2, default=str))
    else:
        _echo(format_report(report))
        if "scenarios_table" in report:
            print("Policy scenarios:")
            _echo(report["scenarios_table"])
        if "leaving" in report:
            from trades.analyses.coalitions import format_leaving

            print("Partner leaving mid-campaign:")
            _echo(format_leaving(report["leaving"]))
        _echo(f"Outputs written to {out}/ (coalitions.csv, coalitions.json)\n")
    return EXIT_OK


def _cmd_integrated(args) -> int:
    from trades.analyses.integrated import format_integrated, run_integrated

    report, out = run_integrated(args.file, args.output_dir, optimize=args.optimize)
    if args.format == "json":
        print(json.dumps({"output_dir": str(out), **report}, indent=2))
    else:
        _echo(format_integrated(report))
        _echo(f"Outputs written to {out}/ (integrated.json, integrated_by_year.csv)\n")
    return EXIT_OK


def _cmd_sweep(args) -> int:
    from trades.analyses.sweep_store import format_sweep_summary
    from trades.analyses.sweep import run_sweep

    summary, out = run_sweep(args.study, args.output_dir, workers=args.workers, scheduler=args.scheduler,
                             resume=args.resume, parquet=args.parquet, progress=args.format == "text")
    if args.format == "json":
        print(json.dumps({"output_dir": str(out), **summary}, indent=2))
    else:
        _echo(format_sweep_summary(summary))
        _echo(f"Outputs written to {out}/ (sweep.sqlite, sweep.csv{', sweep.parquet' if args.parquet else ''}, sweep_summary.json)\n")
    return EXIT_OK


def _cmd_pareto(args) -> int:
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
        _echo(format_front(result))
        if args.plot:
            _echo(f"Plot written to {args.plot}\n")
    return EXIT_OK


def _cmd_sensitivity(args) -> int:
    from trades.analyses.sensitivity import format_sensitivity, run_sensitivity

    from trades.outputs.figures import save_sensitivity_figures

    report, out = run_sensitivity(args.study, args.output_dir, workers=args.workers, scheduler=args.scheduler,
                                  progress=args.format == "text")
    save_sensitivity_figures(report, out)
    if args.format == "json":
        print(json.dumps({"output_dir": str(out), **report}, indent=2))
    else:
        _echo(format_sensitivity(report))
        _echo(f"Outputs written to {out}/ (sensitivity.json, elasticities/tornado/global .png .svg .pdf"
              + (", sensitivity_sweep/" if "global" in report else "") + ")\n")
    return EXIT_OK


def _cmd_plot(args) -> int:
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
    _echo("Written: " + ", ".join(str(p) for p in written) + "\n")
    return EXIT_OK


def _cmd_report(args) -> int:
    from trades.outputs.report import write_report

    path = write_report(args.output_dir, args.output)
    _echo(f"Report written to {path}\n")
    return EXIT_OK


def _cmd_validation_report(args) -> int:
    from trades.fileio import atomic_write, check_output_file
    from trades.analyses.validation import markdown

    if args.output != "-":
        check_output_file(args.output)  # before the minutes of computing
    text = markdown()
    if args.output == "-":
        print(text, end="")
        return EXIT_OK
    atomic_write(args.output, lambda tmp: tmp.write_text(text, encoding="utf-8"), "--output")
    _echo(f"wrote {args.output}\n")
    return EXIT_OK


def _cmd_n2(args) -> int:
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
    _echo(f"wrote {out}\n")
    return EXIT_OK


def _transfer_spec(args):
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


def _cmd_windows(args) -> int:
    from trades.astro.ephemeris import EphemerisRangeError
    from trades.errors import StudyError
    from trades.astro.porkchop import find_windows

    import math

    spec = _transfer_spec(args)
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
              + ("  * at the year's edge" if w["at_year_edge"] else ""))
    if not found:
        print("no transfer found in this range")
    elif any(w["at_year_edge"] for w in found):
        print("* the least value in the year is at its edge, on the slope of a neighbouring year's window: not a window of this year")
    return EXIT_OK


def _cmd_porkchop(args) -> int:
    from trades.astro.ephemeris import EphemerisRangeError
    from trades.errors import StudyError
    from trades.astro.porkchop_files import write_porkchop

    try:
        files = write_porkchop(_transfer_spec(args), args.departure_start, args.departure_end,
                               args.arrival_start, args.arrival_end, args.step, args.output_dir, args.formats)
    except EphemerisRangeError as exc:
        raise StudyErrors([StudyError("<command line>", "dates", str(exc))]) from None
    except ValueError as exc:
        raise StudyErrors([StudyError("<command line>", "dates", str(exc))]) from None
    if args.format == "json":
        print(json.dumps({"files": [str(f) for f in files]}, indent=2))
    else:
        for f in files:
            _echo(f"wrote {f}\n")
    return EXIT_OK


def _add_transfer_arguments(p):
    p.add_argument("--parking-altitude", type=float, default=407.0, help="circular departure orbit altitude [km] (default 407)")
    p.add_argument("--capture-periapsis", type=float, default=None,
                   help="capture orbit periapsis altitude at the target [km]; default: none (entry, no burn)")
    p.add_argument("--capture-apoapsis", type=float, default=None, help="capture orbit apoapsis altitude [km]; default: circular")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="trades",
        description="Trade studies of international space exploration architectures.",
        epilog="Exit codes: 0 ok, 1 internal error, 2 bad input, 3 infeasible, 4 interrupted.",
    )
    parser.add_argument("--version", action="version", version=f"trades {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("run", help="evaluate a study and write its outputs")
    p.add_argument("study", help="study file (YAML)")
    p.add_argument("--output-dir", "-o", default=None, help="output folder (default: ./trades_output/<study file name without .yaml>)")
    p.add_argument("--format", choices=["text", "json"], default="text", help="print a table or one JSON document")
    p.set_defaults(func=_cmd_run)

    p = sub.add_parser("optimize", help="optimize work shares and design variables within budget caps and rules")
    p.add_argument("study", help="study file (YAML)")
    p.add_argument("--output-dir", "-o", default=None, help="output folder (default: ./trades_output/<study file name without .yaml>)")
    p.add_argument("--format", choices=["text", "json"], default="text", help="print tables or one JSON document")
    p.set_defaults(func=_cmd_optimize)

    p = sub.add_parser("coalitions", help="cost of every coalition of partners, fair shares (Shapley, nucleolus), core, dividend")
    p.add_argument("study", help="study file (YAML)")
    p.add_argument("--output-dir", "-o", default=None, help="output folder (default: ./trades_output/<study file name without .yaml>)")
    p.add_argument("--workers", type=int, default=None, help="worker processes (default: coalitions.workers, else all cores)")
    p.add_argument("--scenarios", action="store_true",
                   help="also compare policy scenarios: the other launch policy, an interface standard, a barred pair (--bar)")
    p.add_argument("--bar", default=None, help="with --scenarios: two partner ids barred from working together, e.g. nasa,esa")
    p.add_argument("--interface-exponent", type=float, default=0.25,
                   help="with --scenarios: coordination exponent under an interface standard (default 0.25, study default 0.5)")
    p.add_argument("--leave", default=None, metavar="PARTNER[,YEAR]",
                   help="also the cost of PARTNER leaving at the start of YEAR (default mid-campaign): the others replan and redo its development")
    p.add_argument("--format", choices=["text", "json"], default="text", help="print tables (with a progress bar) or one JSON document")
    p.set_defaults(func=_cmd_coalitions)

    p = sub.add_parser("integrated", help="several destinations as one architecture: one budget envelope per partner, policy scenarios")
    p.add_argument("file", help="integrated-architecture file (YAML) naming member study files")
    p.add_argument("--optimize", action="store_true", help="optimize every destination's shares and design variables together")
    p.add_argument("--output-dir", "-o", default=None, help="output folder (default: ./trades_output/<file name without .yaml>)")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=_cmd_integrated)

    p = sub.add_parser("sweep", help="run the study's sweep: every case into sweep.sqlite (resumable, parallel, Dask)")
    p.add_argument("study", help="study file (YAML) with a sweep section")
    p.add_argument("--output-dir", "-o", default=None, help="output folder (default: ./trades_output/<study file name without .yaml>)")
    p.add_argument("--workers", type=int, default=None, help="local worker processes (default: all cores)")
    p.add_argument("--scheduler", default=None, metavar="ADDRESS", help="a Dask scheduler, e.g. tcp://10.0.0.5:8786, instead of local processes")
    p.add_argument("--resume", action="store_true", help="complete an interrupted sweep in the output folder: only the missing cases run")
    p.add_argument("--parquet", action="store_true", help="also export sweep.parquet")
    p.add_argument("--format", choices=["text", "json"], default="text", help="print a summary (with a progress bar) or one JSON document")
    p.set_defaults(func=_cmd_sweep)

    p = sub.add_parser("pareto", help="the non-dominated cases of a sweep, printed and plotted")
    p.add_argument("results", help="a sweep's output folder or its sweep.sqlite")
    p.add_argument("--objectives", default="life_cycle_cost_musd:min,crew_days:max",
                   help="columns and senses, e.g. life_cycle_cost_musd:min,crew_days:max,participating_partners:max")
    p.add_argument("--plot", default=None, metavar="FILE", help="write the front on the first two objectives (PNG, SVG or PDF)")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=_cmd_pareto)

    p = sub.add_parser("sensitivity", help="elasticities of every input, one-at-a-time swings (tornado), Sobol or Morris indices")
    p.add_argument("study", help="study file (YAML); its sensitivity section lists the parameters to swing")
    p.add_argument("--output-dir", "-o", default=None, help="output folder (default: ./trades_output/<study file name without .yaml>)")
    p.add_argument("--workers", type=int, default=None, help="local worker processes for the global analysis (default: all cores)")
    p.add_argument("--scheduler", default=None, metavar="ADDRESS", help="a Dask scheduler for the global analysis' cases")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=_cmd_sensitivity)

    from trades.outputs.figures_kinds import KINDS

    p = sub.add_parser("plot", help="draw a figure from an output folder: " + ", ".join(KINDS))
    p.add_argument("results", help="an output folder of run, optimize, coalitions, sweep or sensitivity")
    p.add_argument("kind", choices=KINDS, help="which figure")
    p.add_argument("--output", "-o", default=None, help="file name without extension (default: RESULTS/KIND)")
    p.add_argument("--formats", nargs="+", choices=["png", "svg", "pdf"], default=["png", "svg", "pdf"])
    p.set_defaults(func=_cmd_plot)

    p = sub.add_parser("report", help="one self-contained HTML report of an output folder (figures, tables, inputs, sources)")
    p.add_argument("output_dir", help="an output folder of trades run/optimize (and coalitions, sweep, sensitivity)")
    p.add_argument("--output", "-o", default=None, help="HTML file (default: OUTPUT_DIR/report.html)")
    p.set_defaults(func=_cmd_report)

    p = sub.add_parser("validate", help="check study files (exit 0 when all are valid, 2 otherwise)")
    p.add_argument("files", nargs="+", help="study files")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=_cmd_validate)

    p = sub.add_parser("windows", help="launch windows to a planet in a year: minimum C3 and delta-v per transfer type")
    p.add_argument("target", help="mars, venus, or a near-Earth asteroid of the catalog (e.g. bennu)")
    p.add_argument("year", type=int)
    p.add_argument("--min-tof", type=float, default=80.0, help="shortest time of flight [d]")
    p.add_argument("--max-tof", type=float, default=500.0, help="longest time of flight [d]")
    _add_transfer_arguments(p)
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=_cmd_windows)

    p = sub.add_parser("porkchop", help="write a porkchop plot (PNG/SVG/PDF) and its grid (CSV)")
    p.add_argument("target", help="mars, venus, or a near-Earth asteroid of the catalog (e.g. bennu)")
    p.add_argument("departure_start", help="first departure date, YYYY-MM-DD")
    p.add_argument("departure_end", help="last departure date")
    p.add_argument("arrival_start", help="first arrival date")
    p.add_argument("arrival_end", help="last arrival date")
    p.add_argument("--step", type=float, default=2.0, help="grid step [d] (default 2)")
    p.add_argument("--output-dir", "-o", default="trades_output/porkchop", help="output folder (default ./trades_output/porkchop)")
    p.add_argument("--formats", nargs="+", default=["png"], choices=["png", "svg", "pdf"])
    _add_transfer_arguments(p)
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=_cmd_porkchop)

    p = sub.add_parser("validation-report", help="regenerate the validation report (toolkit vs published figures)")
    p.add_argument("--output", "-o", default="docs/validation.md", help="Markdown file, or - for stdout (default docs/validation.md)")
    p.set_defaults(func=_cmd_validation_report)

    p = sub.add_parser("n2", help="write the OpenMDAO N2 diagram (HTML) of a study's model")
    p.add_argument("study", help="study file (YAML)")
    p.add_argument("--output", "-o", default=None, help="HTML file (default ./trades_output/<study>_n2.html)")
    p.set_defaults(func=_cmd_n2)

    p = sub.add_parser("schema", help="print the JSON Schema of study files (or, with --markdown, the reference)")
    p.add_argument("--markdown", action="store_true", help="print the study-file reference in Markdown")
    p.set_defaults(func=_cmd_schema)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the exit code.

    SIGTERM is handled as Ctrl-C (clean up, stop the workers, exit 4). Called as the process's
    entry point (``argv`` None), signals are ignored once the command is over, so that one
    arriving while Python shuts down cannot turn its exit code into 130 or 143; called in-process
    (with ``argv``), the caller's signal handlers are restored on return.
    """
    from trades.executor import handle_termination, ignore_termination

    args = build_parser().parse_args(argv)
    restore_signals = handle_termination()
    try:
        # numerical libraries' warnings (overflow, singular matrices) are shown after a success;
        # around a one-line bad-input or infeasible message they are noise, so they are dropped
        with warnings.catch_warnings(record=True) as caught:
            code = args.func(args)
        for w in caught:
            print(safe_text(warnings.formatwarning(w.message, w.category, w.filename, w.lineno), multiline=True),
                  file=sys.stderr, end="")
        return code
    except TradesError as exc:
        print(str(exc), file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # output piped into a command that stopped reading (e.g. head)
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        print("trades: interrupted; no half-written file was left (a file is written whole or not at all, "
              "and a run's results are moved into place only when all of them are complete)", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # a bug: one line, traceback on request
        if os.environ.get("TRADES_DEBUG"):
            raise
        print(safe_text(f"trades: internal error: {type(exc).__name__}: {exc} (set TRADES_DEBUG=1 for a traceback)"), file=sys.stderr)
        return EXIT_INTERNAL
    finally:
        if argv is None:  # the process's entry point: a signal while Python shuts down must not
            ignore_termination()  # turn the exit code into 130 or 143 (the command is over)
        else:
            restore_signals()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

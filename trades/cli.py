"""The ``trades`` command line.

Heavy libraries (OpenMDAO, boinor) are imported inside the commands that use them, so
``trades --help``, ``trades validate`` and ``trades schema`` start fast. Errors print one line
per problem on stderr and exit with the documented codes (see :mod:`trades.errors`); set
``TRADES_DEBUG=1`` to get a traceback for internal errors.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings

from trades import __version__
from trades.errors import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, TradesError
from trades import commands
from trades.escape import safe_text


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
    p.set_defaults(func=commands.cmd_run)

    p = sub.add_parser("optimize", help="optimize work shares and design variables within budget caps and rules")
    p.add_argument("study", help="study file (YAML)")
    p.add_argument("--output-dir", "-o", default=None, help="output folder (default: ./trades_output/<study file name without .yaml>)")
    p.add_argument("--format", choices=["text", "json"], default="text", help="print tables or one JSON document")
    p.set_defaults(func=commands.cmd_optimize)

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
    p.add_argument("--method", choices=["auto", "exact", "sampled"], default=None,
                   help="exact (every coalition), sampled (Shapley with 95 %% intervals) or auto (default: coalitions.method; "
                   "auto plays exactly up to coalitions.exact_max_partners partners, 10 by default)")
    p.add_argument("--half-width", type=float, default=None, metavar="FRACTION",
                   help="sampled: 95 %% half-width to reach, as a fraction of the grand coalition's cost (default: coalitions.relative_half_width, 0.01)")
    p.add_argument("--resume", action="store_true", help="complete an interrupted game in the output folder: coalitions already optimized are kept")
    p.add_argument("--scheduler", default=None, metavar="ADDRESS", help="a Dask scheduler, e.g. tcp://10.0.0.5:8786, instead of local processes")
    p.add_argument("--format", choices=["text", "json"], default="text", help="print tables (with a progress bar) or one JSON document")
    p.set_defaults(func=commands.cmd_coalitions)

    p = sub.add_parser("integrated", help="several destinations as one architecture: one budget envelope per partner, policy scenarios",
                       epilog="Exit 3 (outputs kept) when the architecture as specified breaks a rule: the destinations' launches of "
                              "a vehicle together beyond its flight-rate limit in a year, or, with --optimize, a cap or rule at the optimum.")
    p.add_argument("file", help="integrated-architecture file (YAML) naming member study files")
    p.add_argument("--optimize", action="store_true", help="optimize every destination's shares and design variables together")
    p.add_argument("--output-dir", "-o", default=None, help="output folder (default: ./trades_output/<file name without .yaml>)")
    p.add_argument("--format", choices=["text", "json"], default="text", help="print tables (with a progress bar) or one JSON document")
    p.set_defaults(func=commands.cmd_integrated)

    p = sub.add_parser("sweep", help="run the study's sweep: every case into sweep.sqlite (resumable, parallel, Dask)")
    p.add_argument("study", help="study file (YAML) with a sweep section")
    p.add_argument("--output-dir", "-o", default=None, help="output folder (default: ./trades_output/<study file name without .yaml>)")
    p.add_argument("--workers", type=int, default=None, help="local worker processes (default: all cores)")
    p.add_argument("--scheduler", default=None, metavar="ADDRESS", help="a Dask scheduler, e.g. tcp://10.0.0.5:8786, instead of local processes")
    p.add_argument("--resume", action="store_true", help="complete an interrupted sweep in the output folder: only the missing cases run")
    p.add_argument("--parquet", action="store_true", help="also export sweep.parquet")
    p.add_argument("--format", choices=["text", "json"], default="text", help="print a summary (with a progress bar) or one JSON document")
    p.set_defaults(func=commands.cmd_sweep)

    p = sub.add_parser("pareto", help="the non-dominated cases of a sweep, printed and plotted")
    p.add_argument("results", help="a sweep's output folder or its sweep.sqlite")
    p.add_argument("--objectives", default="life_cycle_cost_musd:min,crew_days:max",
                   help="columns and senses, e.g. life_cycle_cost_musd:min,crew_days:max,participating_partners:max")
    p.add_argument("--plot", default=None, metavar="FILE", help="write the front on the first two objectives (PNG, SVG or PDF)")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=commands.cmd_pareto)

    p = sub.add_parser("sensitivity", help="elasticities of every input, one-at-a-time swings (tornado), Sobol or Morris indices")
    p.add_argument("study", help="study file (YAML); its sensitivity section lists the parameters to swing")
    p.add_argument("--output-dir", "-o", default=None, help="output folder (default: ./trades_output/<study file name without .yaml>)")
    p.add_argument("--workers", type=int, default=None, help="local worker processes for the global analysis (default: all cores)")
    p.add_argument("--scheduler", default=None, metavar="ADDRESS", help="a Dask scheduler for the global analysis' cases")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=commands.cmd_sensitivity)

    p = sub.add_parser("cost-risk", help="Monte Carlo over each cost relationship's uncertainty: S-curve (P50, P70, P80) "
                       "of the life-cycle cost and of each partner's payments")
    p.add_argument("study", help="study file (YAML); its optional cost_risk section sets samples, seed, correlation, overrides")
    p.add_argument("--output-dir", "-o", default=None, help="output folder (default: ./trades_output/<study file name without .yaml>)")
    p.add_argument("--samples", type=int, default=None, help="Monte Carlo samples (default: cost_risk.samples, else 1000)")
    p.add_argument("--seed", type=int, default=None, help="seed of the sample (default: cost_risk.seed, else 0)")
    p.add_argument("--workers", type=int, default=None, help="local worker processes (default: all cores)")
    p.add_argument("--scheduler", default=None, metavar="ADDRESS", help="a Dask scheduler, e.g. tcp://10.0.0.5:8786, instead of local processes")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=commands.cmd_cost_risk)

    from trades.outputs.figures_kinds import KINDS

    p = sub.add_parser("plot", help="draw a figure from an output folder: " + ", ".join(KINDS))
    p.add_argument("results", help="an output folder of run, optimize, coalitions, sweep or sensitivity")
    p.add_argument("kind", choices=KINDS, help="which figure")
    p.add_argument("--output", "-o", default=None, help="file name without extension (default: RESULTS/KIND)")
    p.add_argument("--formats", nargs="+", choices=["png", "svg", "pdf"], default=["png", "svg", "pdf"])
    p.set_defaults(func=commands.cmd_plot)

    p = sub.add_parser("compare", help="two or more output folders (or study files, run first) side by side: cost, "
                       "partners, launches, mass, launch success, the inputs that differ")
    p.add_argument("cases", nargs="+", help="output folders of run/optimize, or study files (run into -o DIR/runs, else a scratch folder)")
    p.add_argument("--output-dir", "-o", default=None, help="write compare.json and the figure compare.<fmt> here")
    p.add_argument("--formats", nargs="+", choices=["png", "svg", "pdf"], default=["png"])
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=commands.cmd_compare)

    p = sub.add_parser("report", help="one self-contained HTML report of an output folder (figures, tables, inputs, sources): "
                       "whatever results it holds, a run, a sweep, a game, a sensitivity analysis")
    p.add_argument("output_dir", help="an output folder of trades run/optimize (and coalitions, sweep, sensitivity)")
    p.add_argument("--output", "-o", default=None, help="HTML file (default: OUTPUT_DIR/report.html)")
    p.set_defaults(func=commands.cmd_report)

    p = sub.add_parser("validate", help="check study files (exit 0 when all are valid, 2 otherwise)")
    p.add_argument("files", nargs="+", help="study files")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=commands.cmd_validate)

    p = sub.add_parser("windows", help="launch windows to a planet in a year: minimum C3 and delta-v per transfer type")
    p.add_argument("target", help="mars, venus, or a near-Earth asteroid of the catalog (e.g. bennu)")
    p.add_argument("year", type=int)
    p.add_argument("--min-tof", type=float, default=80.0, help="shortest time of flight [d]")
    p.add_argument("--max-tof", type=float, default=500.0, help="longest time of flight [d]")
    _add_transfer_arguments(p)
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=commands.cmd_windows)

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
    p.set_defaults(func=commands.cmd_porkchop)

    p = sub.add_parser("validation-report", help="regenerate the validation report (toolkit vs published figures)")
    p.add_argument("--output", "-o", default="docs/validation.md", help="Markdown file, or - for stdout (default docs/validation.md)")
    p.set_defaults(func=commands.cmd_validation_report)

    p = sub.add_parser("n2", help="write the OpenMDAO N2 diagram (HTML) of a study's model")
    p.add_argument("study", help="study file (YAML)")
    p.add_argument("--output", "-o", default=None, help="HTML file (default ./trades_output/<study>_n2.html)")
    p.set_defaults(func=commands.cmd_n2)

    p = sub.add_parser("schema", help="print the JSON Schema of study files (or, with --markdown, the reference)")
    p.add_argument("--markdown", action="store_true", help="print the study-file reference in Markdown")
    p.set_defaults(func=commands.cmd_schema)
    return parser


INTERRUPTED = ("trades: interrupted; no half-written file was left (a file is written whole or not at all, "
               "and a run's results are moved into place only when all of them are complete)")


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the exit code.

    SIGTERM is handled as Ctrl-C (clean up, stop the workers, exit 4). Called as the process's
    entry point (``argv`` None), signals are ignored once the command is over, so that one
    arriving while Python shuts down cannot turn its exit code into 130 or 143; called in-process
    (with ``argv``), the caller's signal handlers are restored on return.
    """
    from trades.executor import handle_termination, ignore_termination, settle, signal_received

    args = build_parser().parse_args(argv)
    restore_signals = handle_termination()
    try:
        # numerical libraries' warnings (overflow, singular matrices) are shown after a success;
        # around a one-line bad-input or infeasible message they are noise, so they are dropped
        with warnings.catch_warnings(record=True) as caught:
            code = args.func(args)
        if signal_received():  # a library caught the interruption and the command went on to its end
            settle()
            print(INTERRUPTED, file=sys.stderr)
            return EXIT_INTERRUPTED
        for w in caught:
            print(safe_text(warnings.formatwarning(w.message, w.category, w.filename, w.lineno), multiline=True),
                  file=sys.stderr, end="")
        return code
    except TradesError as exc:
        settle()
        print(str(exc), file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # output piped into a command that stopped reading (e.g. head)
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:
        settle()
        if signal_received():  # the interruption surfaced as another error (an import it broke)
            print(INTERRUPTED, file=sys.stderr)
            return EXIT_INTERRUPTED
        if os.environ.get("TRADES_DEBUG"):
            raise
        print(safe_text(f"trades: internal error: {type(exc).__name__}: {exc} (set TRADES_DEBUG=1 for a traceback)"), file=sys.stderr)
        return EXIT_INTERNAL
    except KeyboardInterrupt:
        settle()
        print(INTERRUPTED, file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        settle()
        if argv is None:  # the process's entry point: a signal while Python shuts down must not
            ignore_termination()  # turn the exit code into 130 or 143 (the command is over)
        else:
            restore_signals()


def entry_point() -> None:
    """The console script and ``python -m trades``: run the command and exit with its code.

    After an interruption the command has already cleaned up (its ``finally`` blocks ran and its
    workers are stopped), so the process ends at once: an interrupted interpreter's own shutdown
    could still end it with 130 (measured: 1 interrupted run in 30)."""
    try:
        code = main()
    except KeyboardInterrupt:  # one that reached past main's own handling, in its last instructions
        code = EXIT_INTERRUPTED
    if code == EXIT_INTERRUPTED:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    entry_point()

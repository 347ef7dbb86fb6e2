"""The ``trades`` command line.

Heavy libraries (OpenMDAO, boinor) are imported inside the commands that use them, so
``trades --help``, ``trades validate`` and ``trades schema`` start fast. Errors print one line
per problem on stderr and exit with the documented codes (see :mod:`trades.errors`); set
``TRADES_DEBUG=1`` to get a traceback for internal errors.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from trades import __version__
from trades.errors import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, StudyErrors, TradesError


def _cmd_validate(args) -> int:
    from trades.checks import check_study
    from trades.study import load_study

    failures = []
    for path in args.files:
        try:
            check_study(load_study(path))
        except StudyErrors as exc:
            failures.append(exc)
            continue
        if args.format == "text":
            print(f"{path}: ok")
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
    from trades.study import json_schema

    print(json.dumps(json_schema(), indent=2))
    return EXIT_OK


def _cmd_run(args) -> int:
    from trades.run import format_summary, run_study

    summary, out = run_study(args.study, args.output_dir)
    if args.format == "json":
        print(json.dumps({"output_dir": str(out), **summary}, indent=2))
    else:
        print(format_summary(summary), end="")
        print(f"Outputs written to {out}/ (resolved_study.yaml, cases.sqlite, summary.json, summary_by_year.csv, provenance.json)")
    return EXIT_OK


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
    p.add_argument("--output-dir", "-o", default=None, help="output folder (default: ./trades_output/<study name>)")
    p.add_argument("--format", choices=["text", "json"], default="text", help="print a table or one JSON document")
    p.set_defaults(func=_cmd_run)

    p = sub.add_parser("validate", help="check study files (exit 0 when all are valid, 2 otherwise)")
    p.add_argument("files", nargs="+", help="study files")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=_cmd_validate)

    p = sub.add_parser("schema", help="print the JSON Schema of study files")
    p.set_defaults(func=_cmd_schema)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except TradesError as exc:
        print(str(exc), file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # output piped into a command that stopped reading (e.g. head)
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        print("trades: interrupted; nothing was written to the output folder", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # a bug: one line, traceback on request
        if os.environ.get("TRADES_DEBUG"):
            raise
        print(f"trades: internal error: {type(exc).__name__}: {exc} (set TRADES_DEBUG=1 for a traceback)", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

"""A sweep's SQLite database (``sweep.sqlite``: one row per case, written by one process, one
transaction per chunk), its exports (CSV, Parquet) and its summary."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path


from trades.errors import OutputDirError, StudyError, StudyErrors
from trades.fileio import atomic_write, read_only_uri
from trades.study.schema import Study
from trades.analyses.sweep_cases import CASE_COLUMNS, OBJECTIVE_COLUMNS, OUTPUT_NAMES, number_of_cases, sweep_identity

DATABASE = "sweep.sqlite"


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


def insert_cases(db: sqlite3.Connection, factors: list[str], rows: list[dict], values_by_id: dict) -> None:
    names = CASE_COLUMNS + factors + OUTPUT_NAMES
    sql = f"INSERT INTO cases ({', '.join(map(_quote, names))}) VALUES ({', '.join('?' * len(names))})"
    with db:  # one transaction per chunk
        db.executemany(sql, [
            [r["case_id"], r["status"], r.get("reason", ""), r.get("seconds")]
            + [_factor_column(v) for v in values_by_id[r["case_id"]]] + [r.get(o) for o in OUTPUT_NAMES]
            for r in rows
        ])


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

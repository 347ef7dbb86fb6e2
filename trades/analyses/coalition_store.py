"""A coalition game's SQLite database (``coalitions.sqlite`` in the output folder): one row per
coalition, written as its optimization finishes (one transaction each), so that a game that is
killed resumes (``trades coalitions --resume``) with only the missing coalitions to optimize.

A game is identified by its study with the settings that only choose *which* coalitions are
optimized taken out (method, half-width, seed, limits, workers): the cost of a coalition does not
depend on them, so a resumed game may ask for a tighter half-width or the exact game and keep every
coalition already optimized.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

from trades.errors import OutputDirError, StudyErrors
from trades.study.schema import Study

DATABASE = "coalitions.sqlite"
# the coalitions section's fields that choose which coalitions run, not what they cost
SAMPLING_FIELDS = ("workers", "method", "exact_max_partners", "relative_half_width", "max_coalitions", "seed")


def game_identity(study: Study) -> str:
    """SHA-256 of the study without the fields of :data:`SAMPLING_FIELDS`."""
    data = study.model_dump(mode="json")
    for name in SAMPLING_FIELDS:
        data["coalitions"].pop(name, None)
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def key(members) -> str:
    return "+".join(sorted(members))


def open_store(path: Path, study: Study, resume: bool) -> sqlite3.Connection:
    """The game's database: created, or (``resume``) reopened when it holds this very game."""
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise OutputDirError(f"{path}: not a regular file (a link or a device); a coalition database is the output folder's own file")
    existed = path.exists() and path.stat().st_size > 0
    if existed and not resume:
        raise OutputDirError(f"{path}: holds a coalition game already; run with --resume to complete it, or choose another --output-dir")
    try:
        db = sqlite3.connect(path, timeout=30)
        db.execute("PRAGMA synchronous=FULL")
        if existed:
            stored = dict(db.execute("SELECT key, value FROM meta"))
            db.execute("SELECT members FROM coalitions LIMIT 1").fetchall()
        else:
            with db:
                db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
                db.execute("CREATE TABLE coalitions (members TEXT PRIMARY KEY, size INTEGER, status TEXT, cost_musd REAL, record TEXT)")
                db.executemany("INSERT INTO meta VALUES (?, ?)", [("identity", game_identity(study)), ("study", study._file)])
            return db
    except sqlite3.Error as exc:
        raise OutputDirError(f"{path}: not a coalition database, or a damaged one ({exc}); choose another --output-dir") from None
    if stored.get("identity") != game_identity(study):
        db.close()
        raise StudyErrors([study.error(("coalitions",), f"the study changed since the game in {path} began; "
                                       "--resume needs the same study (or choose another --output-dir)")])
    return db


def stored_records(db: sqlite3.Connection) -> dict[frozenset, dict]:
    """Every coalition's record in the database, by member set."""
    return {frozenset(json.loads(record)["members"]): json.loads(record) for (record,) in db.execute("SELECT record FROM coalitions")}


def store_record(db: sqlite3.Connection, record: dict) -> None:
    try:
        with db:
            db.execute("INSERT OR REPLACE INTO coalitions VALUES (?, ?, ?, ?, ?)",
                       (key(record["members"]), len(record["members"]), record["status"], record["cost_musd"], json.dumps(record)))
    except sqlite3.Error as exc:  # e.g. a full disk: what was stored before stays
        raise OutputDirError(f"cannot store a coalition's result ({exc}); make room and run again with --resume") from None

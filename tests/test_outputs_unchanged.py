"""Reshaping the code changes no result: the flagship's summary, its sweep table and its coalition
table equal the ones recorded in tests/golden/flagship/ (the validation report has its own check,
tests/docs/test_validation_report.py::test_report_is_current).

These are not regression values of a calculation (those come from independent sources, in the
other tests): they pin the outputs while the orchestration code is restructured. They were
recorded at commit 5c54d5f and checked equal, apart from the added ``study_sha256`` key, to the
outputs of b83aa4c, the commit before the restructuring began.

Compared byte for byte except: timing fields (``seconds``), and the coalition game's tables, whose
numbers are compared to ``GAME_REL_TOL`` (1e-4) relative: the demand game's optimum has flat
directions (operations cost the same whoever runs them) and two runs were measured to differ by up
to 2e-5 on its work split.

Regenerate after an intended change of results with ``python tests/test_outputs_unchanged.py``
and say why in the commit.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "flagship"
FLAGSHIP = ROOT / "studies" / "lunar_south_pole_outpost.yaml"


def _produce(folder: Path) -> dict[str, Path]:
    for command in ("run", "sweep", "coalitions"):
        # one worker for the game: in the demand game a reused problem's optimum depends, at 5e-8
        # relative, on the coalition the worker optimized before it, which varies with several workers.
        # Each command runs in a fresh interpreter, as a user's does. The flagship game's work split (a flat
        # direction of its optimum) once flipped between two starts of equal cost with the process's state
        # (a cold or warm orbit cache, other tests run first); equal optima now go to the earliest start
        # (trades.analyses.optimize_starts.best_attempt), measured the same cold and warm
        argv = [command, str(FLAGSHIP), "-o", str(folder / command), "--format", "json"] + (["--workers", "1"] if command == "coalitions" else [])
        # Python's hash seed fixed: the game's work split, a flat direction of its optimum, moves with it
        # (tests/trades/test_coalitions.py::flagship_game says what was measured)
        done = subprocess.run([sys.executable, "-m", "trades", *argv], capture_output=True, text=True,
                              env={**os.environ, "PYTHONHASHSEED": "0"})
        assert done.returncode == 0, (argv, done.stderr[-2000:])
    return {"summary.json": folder / "run" / "summary.json", "summary_by_year.csv": folder / "run" / "summary_by_year.csv",
            "sweep.csv": folder / "sweep" / "sweep.csv", "coalitions.csv": folder / "coalitions" / "coalitions.csv",
            "coalitions.json": folder / "coalitions" / "coalitions.json"}


def _without_timing_columns(text: str) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(text)))
    keep = [i for i, name in enumerate(rows[0]) if name != "seconds"]
    return [[row[i] for i in keep] for row in rows]


#: the flagship's coalition game (the demand game since issue 19) is compared to this relative
#: tolerance: two runs of the same code were measured to differ by about 5e-8 on the grand
#: coalition's cost and up to 2e-5 on the work split at its optimum (branch wip-games,
#: 2026-12-06), where operations cost the same whoever runs them (a flat direction of the optimum)
GAME_REL_TOL = 1e-4
#: keys left out of the game's comparison: timing, and the diagnostics of the optimizer's path (not
#: results): whether a non-best start converged flips with
#: the last bits of floating point (measured: the grand coalition's second start failed in one run
#: under pytest-xdist and converged in three runs alone, the best cost the same to GAME_REL_TOL)
GAME_SKIP = ("seconds", "starts", "start_spread")


def _same_cells(a: list[list[str]], b: list[list[str]]) -> list[str]:
    """Cells equal as text, or as numbers to GAME_REL_TOL."""
    if len(a) != len(b):
        return [f"{len(a)} rows != {len(b)}"]
    out = []
    for i, (row, golden) in enumerate(zip(a, b)):
        for j, (x, y) in enumerate(zip(row, golden)):
            try:
                same = x == y or math.isclose(float(x), float(y), rel_tol=GAME_REL_TOL, abs_tol=1e-6)
            except ValueError:
                same = False
            if not same or len(row) != len(golden):
                out.append(f"row {i} column {j}: {x!r} != {y!r}")
    return out


def _same_json(a, b, path="", rel_tol=1e-12, skip=("seconds",)) -> list[str]:
    if isinstance(a, dict) and isinstance(b, dict):
        if list(a) != list(b):
            return [f"{path}: keys {list(a)} != {list(b)}"]
        return [d for k in a if k not in skip for d in _same_json(a[k], b[k], f"{path}.{k}", rel_tol, skip)]
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{path}: {len(a)} items != {len(b)}"]
        return [d for i, (x, y) in enumerate(zip(a, b)) for d in _same_json(x, y, f"{path}[{i}]", rel_tol, skip)]
    if isinstance(a, float) and isinstance(b, float):
        return [] if math.isclose(a, b, rel_tol=rel_tol, abs_tol=1e-9) else [f"{path}: {a!r} != {b!r}"]
    return [] if a == b and type(a) is type(b) else [f"{path}: {a!r} != {b!r}"]


@pytest.mark.slow
def test_flagship_outputs_are_unchanged(tmp_path):
    produced = _produce(tmp_path)
    for name in ("summary.json", "summary_by_year.csv"):
        assert produced[name].read_bytes() == (GOLDEN / name).read_bytes(), name
    assert _without_timing_columns(produced["sweep.csv"].read_text()) == _without_timing_columns((GOLDEN / "sweep.csv").read_text())
    table = _same_cells(_without_timing_columns(produced["coalitions.csv"].read_text()),
                        _without_timing_columns((GOLDEN / "coalitions.csv").read_text()))
    assert not table, table[:10]
    differences = _same_json(json.loads(produced["coalitions.json"].read_text()), json.loads((GOLDEN / "coalitions.json").read_text()),
                             rel_tol=GAME_REL_TOL, skip=GAME_SKIP)
    assert not differences, differences[:10]


def test_the_comparison_sees_a_change():
    """The JSON comparison is not vacuous: a changed number, key or type is a difference."""
    assert _same_json({"a": [1.0, 2]}, {"a": [1.0, 2]}) == []
    assert _same_json({"a": [1.0, 2]}, {"a": [1.0 + 1e-9, 2]})
    assert _same_json({"a": 1}, {"a": 1.0})
    assert _same_json({"a": 1}, {"b": 1})
    assert _same_json({"seconds": 1.0, "x": 2}, {"seconds": 9.0, "x": 2}) == []
    assert _same_json({"a": 100.0}, {"a": 100.02}, rel_tol=GAME_REL_TOL)  # a change beyond the game's tolerance
    assert _same_json({"starts": [1.0]}, {"starts": [2.0]})  # compared exactly outside the game
    assert _same_json({"starts": [1.0], "x": 1.0}, {"starts": [2.0], "x": 1.0}, rel_tol=GAME_REL_TOL, skip=GAME_SKIP) == []
    assert _same_cells([["a", "1.0"]], [["a", "1.0"]]) == []
    assert _same_cells([["a", "1.0"]], [["a", "1.001"]]) and _same_cells([["a", "x"]], [["a", "y"]])


if __name__ == "__main__":  # regenerate the golden files
    import tempfile

    # run as a script, tests/ is first on sys.path and tests/trades/ would shadow the trades package
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

    with tempfile.TemporaryDirectory() as scratch:
        for name, path in _produce(Path(scratch)).items():
            (GOLDEN / name).write_bytes(path.read_bytes())
    print(f"wrote {GOLDEN}", file=sys.stderr)

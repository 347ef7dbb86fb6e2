"""``trades pareto``: the cases of a sweep that no other case beats on every objective.

The non-dominated filter is written here (two objectives: one NumPy sort and a running minimum,
n log n even when every case is on the front; three: a sort and a staircase of the front so far;
more: a sort and a block-wise comparison with the front so far): the maintained libraries that
have one (pymoo, paretoset) would add a heavy dependency for it.
"""

from __future__ import annotations

import json
import sqlite3

from trades.fileio import read_only_uri
from pathlib import Path

import numpy as np

from trades.errors import StudyError, StudyErrors


def non_dominated(values: np.ndarray) -> np.ndarray:
    """Mask of the rows of ``values`` that no other row dominates.

    Parameters
    ----------
    values : numpy.ndarray
        Cases x objectives, every objective minimized.

    Returns
    -------
    numpy.ndarray
        Boolean mask: True for a row that no other row dominates (no worse on every objective
        and better on one). Duplicates are all kept.
    """
    values = np.asarray(values, dtype=float)
    if len(values) == 0:
        return np.zeros(0, dtype=bool)
    if values.shape[1] == 2:
        return _non_dominated_2d(values)
    if values.shape[1] == 3:
        return _non_dominated_3d(values)
    return _non_dominated_blocks(values)


def _non_dominated_2d(values: np.ndarray) -> np.ndarray:
    """Two objectives in O(n log n), one sort: a point is on the front when its f2 is the least
    among the points of its f1 and below every f2 of a smaller f1."""
    order = np.argsort(values[:, 0])
    a, b = values[order, 0], values[order, 1]
    first = np.empty(len(a), dtype=bool)  # first row of each run of equal f1
    first[0] = True
    np.not_equal(a[1:], a[:-1], out=first[1:])
    starts = np.flatnonzero(first)
    group = np.cumsum(first) - 1
    least = np.minimum.reduceat(b, starts)  # least f2 of each f1
    before = np.empty_like(least)  # least f2 of every smaller f1
    before[0] = np.inf
    np.minimum.accumulate(least[:-1], out=before[1:])
    keep = np.empty(len(a), dtype=bool)
    keep[order] = (b == least[group]) & (b < before[group])
    return keep


def _non_dominated_3d(values: np.ndarray) -> np.ndarray:
    """Three objectives with O(n log n) comparisons: in lexicographic order a point can only be
    dominated by one before it, so it is enough to keep the staircase of (f2, f3) of the front so
    far (f2 ascending, f3 descending) and ask it for the least f3 at an f2 no greater. (The list
    updates move memory: quadratic in the worst case, with a small constant; 200,000 cases all
    on the front take seconds.)"""
    from bisect import bisect_left, bisect_right

    order = np.lexsort(values.T[::-1])
    keep = np.zeros(len(values), dtype=bool)
    f2s, minus_f3s, f1s = [], [], []  # the staircase; f1 of the first point of each (f2, f3)
    for index, (f1, f2, f3) in zip(order.tolist(), values[order].tolist()):
        i = bisect_right(f2s, f2) - 1
        if i >= 0:
            least = -minus_f3s[i]  # the least f3 of the front so far at an f2 no greater than this one's
            if least < f3 or (least == f3 and (f2s[i] < f2 or f1s[i] < f1)):
                continue  # dominated
            if least == f3:  # the same point again (equal in every objective): kept, nothing to add
                keep[index] = True
                continue
        keep[index] = True
        j = bisect_left(f2s, f2)
        k = bisect_right(minus_f3s, -f3, lo=j)  # the staircase points this one dominates: j..k-1
        f2s[j:k], minus_f3s[j:k], f1s[j:k] = [f2], [-f3], [f1]
    return keep


def _non_dominated_blocks(values: np.ndarray, block: int = 256) -> np.ndarray:
    """Four or more objectives: in lexicographic order a point can only be dominated by one
    before it, and then by one on the front (dominance is transitive); each block of points is
    compared with the front so far and with itself, vectorised."""
    order = np.lexsort(values.T[::-1])  # by the first objective, then the next ...
    ordered = values[order]
    keep = np.zeros(len(values), dtype=bool)
    front = ordered[:0]
    for start in range(0, len(ordered), block):
        points = ordered[start:start + block]
        beaten = np.zeros(len(points), dtype=bool)
        for chunk in (front[i:i + 4096] for i in range(0, len(front), 4096)):
            beaten |= _dominates(chunk, points).any(axis=0)
        beaten |= _dominates(points, points).any(axis=0)
        keep[order[start:start + block]] = ~beaten
        front = np.concatenate([front, points[~beaten]])
    return keep


def _dominates(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``[i, j]``: row ``a[i]`` dominates row ``b[j]`` (all objectives minimized)."""
    left, right = a[:, None, :], b[None, :, :]
    return np.all(left <= right, axis=2) & np.any(left < right, axis=2)


def parse_objectives(text: str, columns: list[str], where: str) -> list[tuple[str, str]]:
    """``name:min,name:max`` -> [(column, sense)]; at least two, each a column of the results."""
    objectives, errors = [], []
    for part in text.split(","):
        name, _, sense = part.strip().partition(":")
        sense = sense or "min"
        if name not in columns:
            errors.append(StudyError(where, "--objectives", f"'{name}' is not a column of the results; one of {columns}"))
        elif sense not in ("min", "max"):
            errors.append(StudyError(where, "--objectives", f"'{part}': the sense is min or max"))
        else:
            objectives.append((name, sense))
    if not errors and len(objectives) < 2:
        errors.append(StudyError(where, "--objectives", "a Pareto front needs at least two objectives, e.g. life_cycle_cost_musd:min,crew_days:max"))
    if errors:
        raise StudyErrors(errors)
    return objectives


def results_database(path: str | Path) -> Path:
    """The sweep database of RESULTS: the file itself or ``sweep.sqlite`` in the folder."""
    path = Path(path)
    database = path / "sweep.sqlite" if path.is_dir() else path
    if not database.is_file():
        raise StudyErrors([StudyError(str(path), "", "no sweep results here (expected sweep.sqlite or a folder holding it)")])
    try:
        with sqlite3.connect(read_only_uri(database), uri=True) as db:
            db.execute("SELECT case_id FROM cases LIMIT 1")
            db.execute("SELECT key, value FROM meta LIMIT 1")
    except sqlite3.DatabaseError as exc:
        raise StudyErrors([StudyError(str(database), "", f"not a sweep database, or a damaged one ({exc})")]) from None
    return database


def _factors(meta: dict, database: Path) -> list[str]:
    """The factor columns the sweep recorded in its metadata."""
    try:
        factors = json.loads(meta.get("factors", "[]"))
    except ValueError:
        factors = None
    if not (isinstance(factors, list) and all(isinstance(f, str) for f in factors)):
        raise StudyErrors([StudyError(str(database), "", "damaged sweep metadata: 'factors' is not a list of column names")])
    return factors


def pareto_front(results: str | Path, objectives: str) -> dict:
    """The non-dominated cases of a sweep (cases that succeeded and have every objective).

    Returns the database, the objectives [(column, sense)], the factor columns, the number of
    cases compared, the front (rows as dicts, by the first objective, then the next) and ``all``:
    every compared case's objective values (an array, cases x objectives, for the plot).
    """
    database = results_database(results)
    with sqlite3.connect(read_only_uri(database), uri=True) as db:
        factors = _factors(dict(db.execute("SELECT key, value FROM meta")), database)
        cursor = db.execute("SELECT * FROM cases WHERE status = 'ok' ORDER BY case_id")
        columns = [c[0] for c in cursor.description]
        rows = cursor.fetchall()
    chosen = parse_objectives(objectives, columns, str(database))
    index = [columns.index(name) for name, _ in chosen]
    _refuse_text(chosen, index, rows, columns, str(database))
    # a case without a value of some objective (None: its output failed) is left out
    raw = np.array([[np.nan if r[i] is None else r[i] for i in index] for r in rows], dtype=float).reshape(len(rows), len(chosen))
    usable = ~np.isnan(raw).any(axis=1)
    raw, rows = raw[usable], [r for r, ok in zip(rows, usable) if ok]
    values = raw * np.array([1.0 if sense == "min" else -1.0 for _, sense in chosen])
    on_front = np.flatnonzero(non_dominated(values))
    on_front = on_front[np.lexsort(values[on_front].T[::-1])]  # by the first objective, then the next (stable)
    front = [dict(zip(columns, rows[i])) for i in on_front.tolist()]
    return {"database": str(database), "objectives": chosen, "factors": factors, "cases": len(rows), "front": front,
            "all": raw}


def _refuse_text(chosen: list[tuple[str, str]], index: list[int], rows: list[tuple], columns: list[str], where: str) -> None:
    """An objective must be a numeric column: text cannot be minimized, and every row holding it
    would be left out without a word."""
    from trades.analyses.sweep_cases import OUTPUT_NAMES

    errors = []
    for (name, _), i in zip(chosen, index):
        sample = "ok" if name in ("status", "reason") else next((r[i] for r in rows if isinstance(r[i], (str, bytes))), None)
        if sample is not None:
            numeric = [c for c in columns if c in OUTPUT_NAMES]
            errors.append(StudyError(where, "--objectives", f"'{name}' holds text (e.g. {sample!r}), not numbers; "
                                     f"an objective is a numeric column such as {numeric}"))
    if errors:
        raise StudyErrors(errors)


def format_front(result: dict) -> str:
    from trades.analyses.sweep_store import format_number

    names = [n for n, _ in result["objectives"]]
    shown = ["case_id"] + result["factors"] + names
    lines = [f"Pareto front: {len(result['front'])} of {result['cases']} cases not beaten on "
             + ", ".join(f"{n} ({s})" for n, s in result["objectives"])]
    width = max(16, *(len(c) for c in shown))
    lines.append("  ".join(f"{c:>{width}}" for c in shown))
    for r in result["front"]:
        lines.append("  ".join(f"{format_number(r[c], 6):>{width}}" if isinstance(r[c], float) else f"{str(r[c]):>{width}}" for c in shown))
    return "\n".join(lines) + "\n"


def plot_front(result: dict):
    """Scatter of every case on the first two objectives with the front highlighted (a
    matplotlib figure; grey-scale safe: the front is black with a line, the rest light grey)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    (x_name, x_sense), (y_name, y_sense) = result["objectives"][:2]
    fig, ax = plt.subplots(figsize=(6.4, 4.8))
    every = np.array(result["all"], dtype=float).reshape(-1, len(result["objectives"]))
    ax.scatter(every[:, 0], every[:, 1], s=8, color="0.75", label=f"cases ({len(every)})")
    front = np.array([[r[x_name], r[y_name]] for r in result["front"]], dtype=float).reshape(-1, 2)
    front = front[np.argsort(front[:, 0])]
    ax.plot(front[:, 0], front[:, 1], "k-o", markersize=4, label=f"Pareto front ({len(front)})")
    ax.set_xlabel(_label(x_name) + f" ({x_sense})")
    ax.set_ylabel(_label(y_name) + f" ({y_sense})")
    ax.set_title("Trade space and Pareto front")
    ax.grid(True, color="0.9")
    ax.legend()
    fig.tight_layout()
    return fig


def _label(column: str) -> str:
    """An axis label with the column's unit in brackets."""
    units = {"_musd": "MUSD", "_kg": "kg"}
    if column == "cost_per_crew_day_musd":
        return "cost per crew-day [MUSD/d]"
    for suffix, unit in units.items():
        if column.endswith(suffix):
            return f"{column.removesuffix(suffix).replace('_', ' ')} [{unit}]"
    if column == "crew_days":
        return "crew-days [d]"
    return column.replace("_", " ") + " [-]"

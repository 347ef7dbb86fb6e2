"""``trades pareto``: the cases of a sweep that no other case beats on every objective.

The non-dominated filter is written here (a few lines of NumPy, sorting by the first objective
and sweeping once per point): the maintained libraries that have one (pymoo, paretoset) would
add a heavy dependency for it.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import numpy as np

from trades.errors import StudyError, StudyErrors


def non_dominated(values: np.ndarray) -> np.ndarray:
    """Mask of the rows of ``values`` (cases x objectives, all minimized) that no other row
    dominates (no worse on every objective and better on one). Duplicates are all kept."""
    n = len(values)
    keep = np.ones(n, dtype=bool)
    order = np.lexsort(values.T[::-1])  # by the first objective, then the next ...
    for position, i in enumerate(order):
        if not keep[i]:
            continue
        later = order[position + 1:]
        dominated = np.all(values[later] >= values[i], axis=1) & np.any(values[later] > values[i], axis=1)
        keep[later[dominated]] = False
    return keep


def parse_objectives(text: str, columns: list[str], where: str) -> list[tuple[str, str]]:
    """``name:min,name:max`` -> [(column, sense)]; at least two, each a numeric column."""
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
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
            db.execute("SELECT case_id FROM cases LIMIT 1")
    except sqlite3.DatabaseError as exc:
        raise StudyErrors([StudyError(str(database), "", f"not a sweep database ({exc})")]) from None
    return database


def pareto_front(results: str | Path, objectives: str) -> dict:
    """The non-dominated cases of a sweep (cases that succeeded and have every objective)."""
    database = results_database(results)
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        factors = json.loads(dict(db.execute("SELECT key, value FROM meta")).get("factors", "[]"))
        cursor = db.execute("SELECT * FROM cases WHERE status = 'ok' ORDER BY case_id")
        columns = [c[0] for c in cursor.description]
        rows = cursor.fetchall()
    chosen = parse_objectives(objectives, columns, str(database))
    index = [columns.index(name) for name, _ in chosen]
    rows = [r for r in rows if all(isinstance(r[i], (int, float)) for i in index)]
    values = np.array([[r[i] * (1.0 if sense == "min" else -1.0) for i, (_, sense) in zip(index, chosen)] for r in rows]).reshape(len(rows), len(chosen))
    mask = non_dominated(values) if len(rows) else np.zeros(0, dtype=bool)
    front = [dict(zip(columns, r)) for r, keep in zip(rows, mask) if keep]
    front.sort(key=lambda r: [r[name] * (1 if sense == "min" else -1) for name, sense in chosen])
    return {"database": str(database), "objectives": chosen, "factors": factors, "cases": len(rows), "front": front,
            "all": [[r[i] for i in index] for r in rows]}


def format_front(result: dict) -> str:
    from trades.sweep import format_number

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

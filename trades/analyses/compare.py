"""``trades compare A B [C ...]``: several results side by side.

Each argument is an output folder of ``trades run`` or ``optimize`` (it holds ``summary.json`` and
``resolved_study.yaml``) or a study file, which is run first into a folder of its own (under
``-o DIR/runs`` when an output folder is given, else a scratch folder removed afterwards). The
comparison gives, per case: the life-cycle cost and each partner's payments, launches per
vehicle, mass in the launch orbit, the probability that every launch succeeds, and the study
inputs that differ between the cases (from each folder's resolved study, so defaults count).
"""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from trades.errors import StudyError, StudyErrors
from trades.fileio import atomic_write

#: study keys that describe a case (prose, citations) or configure other analyses (a sweep, a
#: game, a sensitivity study) rather than define what run and optimize compute: not compared
NOT_COMPARED = ("name", "description", "input_sources", "references", "coalitions", "sweep", "sensitivity")
#: a value longer than this is listed under the table, one line per case, rather than in a column
LONG_VALUE = 30


@dataclass
class Case:
    label: str
    folder: Path
    summary: dict
    inputs: dict  # the resolved study, flattened to dotted fields


def flatten(node, prefix: str = "") -> dict:
    """A study mapping as ``{dotted.field: value}``; list items that are mappings are keyed by their
    ``id`` or ``name`` (``partners[esa].budget_cap_musd``), else by position; other lists are one value."""
    flat = {}
    if isinstance(node, dict):
        for key, value in node.items():
            if not prefix and key in NOT_COMPARED:
                continue
            flat.update(flatten(value, f"{prefix}.{key}" if prefix else str(key)))
    elif isinstance(node, list) and node and all(isinstance(x, dict) for x in node):
        name = next((k for k in ("id", "name") if all(k in x for x in node)), None)
        for i, item in enumerate(node):
            flat.update(flatten({k: v for k, v in item.items() if k != name}, f"{prefix}[{item[name] if name else i}]"))
        if name:
            flat[f"{prefix}[{name}s]"] = [item[name] for item in node]
    else:
        flat[prefix] = node
    return flat


def _load_folder(path: Path, label: str) -> Case:
    from trades.analyses.run import peek_results

    summary = peek_results(path, "summary.json")
    if summary is None or "totals" not in summary:
        raise StudyErrors([StudyError(str(path), "summary.json",
                                      "not an output folder of trades run or optimize (no readable summary.json)")])
    resolved = path / "resolved_study.yaml"
    try:
        inputs = flatten(yaml.safe_load(resolved.read_text(encoding="utf-8")) or {})
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        raise StudyErrors([StudyError(str(path), "resolved_study.yaml", "missing or unreadable: the inputs cannot be compared")]) from None
    return Case(label, path, summary, inputs)


def _labels(paths: list[Path]) -> list[str]:
    """A short, unique name per argument: the folder's or study file's name."""
    labels = []
    for path in paths:
        base = path.stem if path.is_file() else (path.resolve().name or str(path))
        label, n = base, 2
        while label in labels:
            label, n = f"{base}_{n}", n + 1
        labels.append(label)
    return labels


def load_cases(arguments: list[str], runs_dir: Path | None) -> list[Case]:
    """Each argument as a case: a folder read as it is, a study file run into ``runs_dir/<label>``
    (a scratch folder when None). Bad arguments are one message each (exit 2)."""
    from trades.analyses.run import run_study

    paths = [Path(a) for a in arguments]
    errors = [StudyError(str(p), "<argument>", "is neither an output folder nor a study file") for p in paths
              if not (p.is_dir() or p.is_file())]
    if len(paths) < 2:
        errors.append(StudyError("<command line>", "<arguments>", "compare needs at least two output folders or study files"))
    if errors:
        raise StudyErrors(errors)
    cases = []
    with contextlib.ExitStack() as stack:
        scratch = runs_dir or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="trades-compare-")))
        for path, label in zip(paths, _labels(paths)):
            if path.is_dir():
                cases.append(_load_folder(path, label))
                continue
            with contextlib.redirect_stdout(io.StringIO()):  # the run's own messages are not the comparison
                _, out = run_study(path, scratch / label)
            cases.append(_load_folder(out, label))
            if runs_dir is None:
                cases[-1].folder = path  # the scratch folder is gone after this: name the study
    currencies = {c.label: (c.summary.get("cost") or {}).get("currency") for c in cases}
    if len({v for v in currencies.values() if v}) > 1:
        raise StudyErrors([StudyError("<command line>", "<arguments>", "the cases state money in different currencies ("
                                      + ", ".join(f"{k}: {v}" for k, v in currencies.items()) + "): compare cases of one dollar base year")])
    return cases


def compare(cases: list[Case]) -> dict:
    """The side-by-side record (JSON-able)."""
    fields = sorted({f for c in cases for f in c.inputs})
    key = lambda c, f: json.dumps(c.inputs[f], sort_keys=True, default=str) if f in c.inputs else "<absent>"  # noqa: E731
    differ = {f: {c.label: c.inputs.get(f) for c in cases} for f in fields if len({key(c, f) for c in cases}) > 1}
    rows = []
    for c in cases:
        cost, totals = c.summary.get("cost") or {}, c.summary["totals"]
        rows.append({
            "case": c.label, "folder": str(c.folder), "study": c.summary.get("study"),
            "life_cycle_cost_musd": cost.get("life_cycle_cost_musd"),
            "paid_by_partner_musd": {p["partner"]: p["pays_musd"] for p in cost.get("partners", [])},
            "launches_by_vehicle": dict(totals["launches_by_vehicle"]),
            "launches": sum(totals["launches_by_vehicle"].values()),
            "mass_in_launch_orbit_kg": totals["mass_in_launch_orbit_kg"],
            "all_launches_succeed_probability": totals["all_launches_succeed_probability"],
        })
    currency = next(((c.summary.get("cost") or {}).get("currency") for c in cases if c.summary.get("cost")), None)
    return {"currency": currency, "cases": rows, "inputs_that_differ": differ}


def _cell(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.6g}" if abs(value) < 1000 else f"{value:,.0f}"
    return value if isinstance(value, str) else json.dumps(value)


def format_comparison(report: dict) -> str:
    """The text tables: one column per case; an input whose value is long is listed under the
    table, one line per case, whole (never cut)."""
    cases = report["cases"]
    labels = [c["case"] for c in cases]
    partners = sorted({p for c in cases for p in c["paid_by_partner_musd"]})
    vehicles = sorted({v for c in cases for v in c["launches_by_vehicle"]})
    money = lambda v: "-" if v is None else f"{v:,.0f}"  # noqa: E731
    rows = [(f"life-cycle cost [{report['currency'] or 'MUSD'}]", [money(c["life_cycle_cost_musd"]) for c in cases])]
    rows += [(f"  paid by {p}", [money(c["paid_by_partner_musd"].get(p)) for c in cases]) for p in partners]
    rows += [("launches", [str(c["launches"]) for c in cases])]
    rows += [(f"  {v}", [str(c["launches_by_vehicle"].get(v, 0)) for c in cases]) for v in vehicles]
    rows += [("mass in launch orbit [t]", [f"{c['mass_in_launch_orbit_kg'] / 1000:,.1f}" for c in cases]),
             ("P(every launch succeeds)", [f"{c['all_launches_succeed_probability']:.4f}" for c in cases])]
    differ = [(f, [_cell(v[label]) for label in labels]) for f, v in report["inputs_that_differ"].items()]
    short = [(f"  {f}", cells) for f, cells in differ if max(map(len, cells)) <= LONG_VALUE]
    long = [(f, cells) for f, cells in differ if max(map(len, cells)) > LONG_VALUE]
    width = max([len(name) for name, _ in rows + short] + [24])
    cols = [max([len(label)] + [len(r[1][k]) for r in rows + short] + [10]) for k, label in enumerate(labels)]
    line = lambda name, cells: f"{name:<{width}} " + " ".join(f"{cell:>{w}}" for cell, w in zip(cells, cols))  # noqa: E731
    out = [line("", labels)] + [line(name, cells) for name, cells in rows]
    out.append("Inputs that differ:" if differ else "Inputs that differ: none (the same study inputs)")
    out += [line(name, cells) for name, cells in short]
    for name, cells in long:
        out.append(f"  {name}:")
        out += [f"    {label}: {cell}" for label, cell in zip(labels, cells)]
    return "\n".join(out) + "\n"


def write_comparison_json(report: dict, output_dir: Path) -> Path:
    """``compare.json`` in ``output_dir`` (whole or absent); the figure is
    :func:`trades.outputs.figures.comparison`."""
    path = output_dir / "compare.json"
    atomic_write(path, lambda tmp: tmp.write_text(json.dumps(report, indent=2, allow_nan=False), encoding="utf-8"))
    return path

"""``trades report OUTPUT_DIR``: one self-contained HTML file a reviewer opens in a browser with
no server: the results of every command found in the folder (run or optimize, coalitions,
sweep, sensitivity), each figure embedded (SVG as a data URI), the tables, the study's inputs
with their sources, and the provenance. Nothing is fetched from the network.
"""

from __future__ import annotations

import base64
import html
import io
import json
from pathlib import Path

from trades.errors import StudyError, StudyErrors
from trades.fileio import atomic_write, own_file

STYLE = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #111; }
h1, h2, h3 { font-family: Helvetica, Arial, sans-serif; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; font-size: 0.85rem; }
th, td { border: 1px solid #999; padding: 0.2rem 0.5rem; text-align: right; }
th:first-child, td:first-child { text-align: left; }
figure { margin: 1rem 0 2rem; } figure img { max-width: 100%; border: 1px solid #ddd; }
figcaption { font-size: 0.85rem; color: #333; }
pre { background: #f4f4f4; padding: 0.5rem; overflow-x: auto; font-size: 0.75rem; }
.note { font-size: 0.85rem; color: #444; }
"""


def _esc(value) -> str:
    return html.escape(str(value))


def _num(x, digits: int = 0) -> str:
    if x is None:
        return "-"
    if isinstance(x, float):
        if abs(x) < 5e-4 and not digits:  # round-off of a zero (e.g. a share 1e-11)
            return "0"
        return f"{x:,.{digits}f}" if abs(x) >= 100 or digits else f"{x:.4g}"
    return _esc(x)


def _table(header: list[str], rows: list[list]) -> str:
    head = "".join(f"<th>{_esc(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c if isinstance(c, str) else _num(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _figure(fig, kind: str, caption: str) -> str:
    from trades.outputs.figures import _plt

    buffer = io.BytesIO()
    fig.savefig(buffer, format="svg")
    _plt().close(fig)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return (f'<figure class="figure" data-kind="{kind}"><img alt="{_esc(caption)}" src="data:image/svg+xml;base64,{data}">'
            f"<figcaption>{_esc(caption)}</figcaption></figure>")


CAPTIONS = {
    "spend": "Each partner's payments per year (stacked); below, each capped partner's payments against its budget cap on its own scale.",
    "launches": "Launches per vehicle per year.",
    "shares": "The grand coalition's cost split by each allocation rule.",
    "dividend": "Each partner alone against its Shapley share: the cooperation dividend.",
    "pareto": "Every case of the sweep and the Pareto front (life-cycle cost against crew-days).",
    "elasticities": "Local elasticities of the objective (OpenMDAO total derivatives), largest first.",
    "tornado": "One-at-a-time swings of the objective between each parameter's low and high values.",
    "global": "Global sensitivity indices with their 95 % confidence intervals.",
    "s_curve": "Monte Carlo S-curve of the life-cycle cost over the cost relationships' and prices' uncertainties, P50, P70 and P80 marked.",
}


def _read_json(folder: Path, name: str) -> dict | None:
    """A results file's JSON object (None when absent); anything else is exit 2 naming the file."""
    path = own_file(folder, name)
    if path is None:
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise StudyErrors([StudyError(str(path), "", f"cannot read it ({exc.strerror})")]) from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise StudyErrors([StudyError(str(path), "", f"damaged: not JSON ({exc})"[:300])]) from None
    if not isinstance(data, dict):
        raise StudyErrors([StudyError(str(path), "", f"damaged: a JSON {type(data).__name__} where trades writes an object")])
    return data


def _check_one_study(folder: Path, found: dict[str, dict]) -> None:
    """Refuse a folder whose results files come from different studies (their ``study_sha256``)."""
    hashes = {name: data["study_sha256"] for name, data in found.items() if isinstance(data.get("study_sha256"), str)}
    if len(set(hashes.values())) > 1:
        listing = ", ".join(f"{name} from {sha[:12]}" for name, sha in hashes.items())
        raise StudyErrors([StudyError(str(folder), "", f"holds results of different studies ({listing}); a report is of one "
                                      "study: run each study into its own --output-dir")])


def build_report(folder: Path) -> str:
    """The report's HTML for the results in ``folder``."""
    from trades.outputs import figures

    if not folder.is_dir():
        raise StudyErrors([StudyError(str(folder), "", "not an output folder of trades run or optimize (not a folder)")])
    summary = _read_json(folder, "summary.json")
    provenance = _read_json(folder, "provenance.json") or {}
    results = {name: _read_json(folder, name) for name in ("coalitions.json", "sweep_summary.json", "sensitivity.json", "cost_risk.json")}
    if summary is None and not any(results.values()):
        raise StudyErrors([StudyError(str(folder), "", "holds no results of trades (no summary.json, coalitions.json, "
                                      "sweep_summary.json, sensitivity.json or cost_risk.json)")])
    _check_one_study(folder, {k: v for k, v in {"summary.json": summary, **results}.items() if v is not None})
    for name in ("resolved_study.yaml", "sweep.sqlite"):
        own_file(folder, name)
    title = summary["study"] if summary else f"results in {folder.name}"  # only a sweep or a game: no study name
    parts = [f"<h1>Trade study: {_esc(title)}</h1>",
             f"<p class='note'>Generated by trades {_esc(provenance.get('toolkit', {}).get('version', ''))} from "
             f"<code>{_esc(folder)}</code>; study file <code>{_esc(provenance.get('study_file', ''))}</code> "
             f"(SHA-256 {_esc(provenance.get('study_file_sha256', '')[:16])}...).</p>"]
    if summary:
        parts += _results_section(summary)
    else:
        parts.append("<p class='note'>This folder holds no run or optimization (no summary.json): the report shows what "
                     "its other results allow.</p>")
    figure_count = 0
    for section, kinds in (("Cost and launches", ["spend", "launches"]), ("Coalitions and fair shares", ["shares", "dividend"]),
                           ("Trade space", ["pareto"]), ("Sensitivity", ["elasticities", "tornado", "global"]), ("Cost risk", ["s_curve"])):
        drawn = [(kind, figures.figure_from_folder(folder, kind)) for kind in kinds]
        drawn = [(kind, fig) for kind, fig in drawn if fig is not None]
        extra = _section_tables(results, section, summary)
        if not drawn and not extra:
            continue
        parts.append(f"<h2>{_esc(section)}</h2>")
        parts += extra
        for kind, fig in drawn:
            parts.append(_figure(fig, kind, CAPTIONS[kind]))
            figure_count += 1
    for path in sorted(folder.glob("porkchop_*.svg")):
        data = base64.b64encode(own_file(folder, path.name).read_bytes()).decode("ascii")
        parts.append(f'<figure class="figure" data-kind="porkchop"><img alt="porkchop" src="data:image/svg+xml;base64,{data}">'
                     f"<figcaption>Porkchop plot ({_esc(path.name)}).</figcaption></figure>")
        figure_count += 1
    parts += _unverified_section(provenance)
    parts += _inputs_section(folder, provenance)
    body = "\n".join(parts)
    return (f"<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'><title>{_esc(title)}: trade study report</title>"
            f"<style>{STYLE}</style></head><body data-figures='{figure_count}'>\n{body}\n</body></html>\n")


def _results_section(summary: dict) -> list[str]:
    parts = ["<h2>Results</h2>"]
    cost = summary.get("cost")
    if cost:
        parts.append(_table(["figure", "value"], [
            ["life-cycle cost [" + cost["currency"] + "]", cost["life_cycle_cost_musd"]],
            ["net present value [" + cost["currency"] + f"] at {cost['discount_rate']:.1%} to "
             f"{cost.get('present_value_year', cost.get('campaign_start_year'))}", cost["npv_musd"]],
            ["cost per crew-day [" + cost["currency"] + "/d]", cost["cost_per_crew_day_musd"]],
            ["launch policy", _esc(cost["launch_policy"])], ["cost split rule", _esc(cost["rule"])],
        ]))
        parts.append(_table(["partner", "provides", "pays", "work share", "funding share", "crew-time share", "cap per year"], [
            [_esc(p["partner"]), p["provides_musd"], p["pays_musd"], f"{p['work_share']:.1%}", f"{p['funding_share']:.1%}",
             f"{p['crew_time_share']:.1%}", p["budget_cap_musd"]] for p in cost["partners"]]))
    optimization = summary.get("optimization")
    if optimization:
        parts.append(f"<p>Optimized ({_esc(optimization['derivatives'])}): {optimization['objective']} from "
                     f"{_num(optimization['initial'])} to {_num(optimization['optimum'])}; binding: "
                     f"{_esc('; '.join(optimization['binding_constraints']) or 'none')}; broken: "
                     f"{_esc('; '.join(optimization['violations']) or 'none')}.</p>")
    rows = summary["per_year"]
    parts.append(_table(["year", "crew-days", "delivered [kg]", "mass in launch orbit [kg]", "launches"] + (["cost [MUSD]"] if cost else []), [
        [str(r["year"]), r["crew_days"], r["delivered_to_destination_kg"], r["mass_in_launch_orbit_kg"],
         str(sum(r["launches_by_vehicle"].values()))] + ([cost["total_by_year_musd"][i]] if cost else [])
        for i, r in enumerate(rows)]))
    return parts


def _section_tables(results: dict[str, dict | None], section: str, summary: dict | None = None) -> list[str]:
    if section == "Coalitions and fair shares" and results["coalitions.json"] is not None:
        report = results["coalitions.json"]
        rules = list(report["allocations"])
        return [f"<p>Grand coalition {_num(report['grand_coalition_musd'])} {_esc(report['currency'])}; cooperation dividend "
                f"{_num(report['cooperation_dividend_musd']['total'])}; core "
                f"{'not computed (sampled game)' if report['core_empty'] is None else 'empty' if report['core_empty'] else 'non-empty'}.</p>",
                _table(["partner", "alone"] + rules + ["marginal value"], [
                    [_esc(p), report["stand_alone_musd"][p]] + [report["allocations"][r][p] for r in rules] + [report["marginal_value_musd"][p]]
                    for p in report["partners"]])]
    if section == "Trade space" and results["sweep_summary.json"] is not None:
        s = results["sweep_summary.json"]
        return [f"<p>Sweep: {s['recorded']} of {s['cases']} cases recorded ({_esc(s['by_status'])}).</p>",
                _table(["output", "min", "median", "max"], [[_esc(k), v["min"], v["median"], v["max"]] for k, v in s["outputs"].items()])]
    if section == "Sensitivity" and results["sensitivity.json"] is not None:
        s = results["sensitivity.json"]
        from trades.analyses.sensitivity import design_note

        parts = []
        note = design_note(s, (summary or {}).get("optimization"))
        if note:  # two designs' figures side by side must say so
            parts.append(f"<p class='note'>This analysis is {_esc(note)}.</p>")
        parts += [_table(["model input", "units", "elasticity of " + s["local"]["objective"]],
                        [[_esc(r["parameter"]), _esc(r["units"]), f"{r['elasticity']:.4f}"] for r in s["local"]["parameters"][:15]])]
        if "swings" in s:
            parts.append(_table(["parameter", "low", "high", "objective at low", "objective at high"], [
                [_esc(w["parameter"]), f"{w['low']:g}", f"{w['high']:g}", w["objective_low"], w["objective_high"]] for w in s["swings"]["swings"]]))
        return parts
    if section == "Cost risk" and results["cost_risk.json"] is not None:
        r = results["cost_risk.json"]
        curves = [("life-cycle cost", r["point_estimate"]["life_cycle_cost_musd"], r["life_cycle_cost"])] + [
            (f"paid by {pid}", r["point_estimate"]["paid_by_partner"][pid], c) for pid, c in r["partners"].items()]
        return [f"<p>{r['samples']} samples (seed {r['seed']}), correlation {r['correlation']:g} between elements; the point "
                f"estimate is at the {100 * r['point_estimate']['confidence']:.0f} % level. NASA baselines programs at "
                f"{100 * r['confidence_level']['value']:.0f} % ({_esc(r['confidence_level']['source'])})"
                + (f"; the reserve to budget at {r['reserve']['level']} is {r['reserve']['life_cycle_cost_musd']:,.0f} "
                   f"({_esc(r['currency'])})" if r.get("reserve") else "") + ".</p>",
                _table(["cost [" + _esc(r["currency"]) + "]", "point estimate", "mean", "P50", "P70", "P80"], [
                    [_esc(name), point, c["mean"], c["percentiles"]["P50"], c["percentiles"]["P70"], c["percentiles"]["P80"]]
                    for name, point, c in curves])] + _coverage_paragraph(r.get("coverage"))
    return []


def _coverage_paragraph(cover: dict | None) -> list[str]:
    """What share of the point estimate carries an uncertainty (trades.analyses.cost_risk_prices)."""
    if not cover:
        return []
    groups = ", ".join(f"{_esc(name.replace('_', ' '))} {100 * share:.0f} %" for name, share in cover["by_group"].items())
    return [f"<p>Uncertainty covers {100 * cover['covered']:.0f} % of the point estimate ({groups}); "
            f"{100 * cover['uncovered']:.0f} % carries none (operations and anything unpriced).</p>"]


def _unverified_section(provenance: dict) -> list[str]:
    """The catalog values this run used that were not read in their source (see trades.outputs.unverified)."""
    from trades.outputs.unverified import unverified_defaults

    if "model_inputs" not in provenance:
        return []
    rows = unverified_defaults(provenance)
    parts = ["<h2 id='unverified-defaults'>Unverified defaults</h2>"]
    if not rows:
        return parts + ["<p class='note'>Every catalog value this run used was read in the source it cites.</p>"]
    count = sum(len(r["inputs"]) for r in rows)
    parts.append(f"<p class='note'>{count} model inputs take {len(rows)} catalog values that were not read in the source "
                 "they cite (<code>verified: false</code> in the catalogs): treat the results as no surer than these.</p>")
    parts.append(_table(["model input", "value", "units", "why unverified", "source"], [
        [_esc(", ".join(r["inputs"])), _esc(r["value"]) if not isinstance(r["value"], float) else _num(r["value"], 4),
         _esc(r["units"]), _esc(r["why"]), _esc(r["source"])] for r in rows]))
    return parts


def _inputs_section(folder: Path, provenance: dict) -> list[str]:
    parts = ["<h2>Inputs and their sources</h2>"]
    inputs = provenance.get("model_inputs", [])
    if inputs:
        parts.append(_table(["model input", "value", "units", "source"], [
            [_esc(i["name"]), _esc(i["value"]) if not isinstance(i["value"], float) else _num(i["value"], 4), _esc(i["units"]), _esc(i["source"])]
            for i in inputs]))
    references = provenance.get("study_references", [])
    if references:
        parts.append("<h3>References</h3><ul>" + "".join(
            f"<li><b>{_esc(r['id'])}</b>: {_esc(r['citation'])}" + (f" ({_esc(r['url'])})" if r.get("url") else "") + "</li>"
            for r in references) + "</ul>")
    resolved = own_file(folder, "resolved_study.yaml")
    if resolved is not None:
        parts.append("<h3>The study as resolved (every default filled in)</h3><pre>"
                     + _esc(resolved.read_text(encoding="utf-8", errors="replace")) + "</pre>")
    parts.append("<h2>Provenance</h2>")
    parts.append(_table(["item", "value"], [
        ["created (UTC)", _esc(provenance.get("created_utc", ""))], ["Python", _esc(provenance.get("python", ""))],
        ["platform", _esc(provenance.get("platform", ""))],
        ["resolved study SHA-256", _esc(provenance.get("resolved_study_sha256", ""))],
    ] + [[_esc(name), _esc(version)] for name, version in (provenance.get("dependencies") or {}).items()]))
    return parts


def write_report(output_dir: str | Path, output: str | Path | None = None) -> Path:
    """Write the report of ``output_dir`` (default ``OUTPUT_DIR/report.html``), whole or not at all."""
    folder = Path(output_dir)
    try:
        text = build_report(folder)
    except (ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as exc:  # a damaged, oddly shaped or unreadable results file
        raise StudyErrors([StudyError(str(folder), "", f"cannot read the results in it: {type(exc).__name__}: {exc}"[:300])]) from None
    target = Path(output) if output else folder / "report.html"
    atomic_write(target, lambda tmp: tmp.write_text(text, encoding="utf-8"), "--output")
    return target

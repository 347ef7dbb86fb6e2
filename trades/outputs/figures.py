"""Report figures (matplotlib): each function takes the results a command wrote (as loaded from
its JSON or database) and returns a figure, for notebooks; :func:`save` writes PNG, SVG and PDF.
The Pareto front is :func:`trades.analyses.pareto.plot_front`, the porkchop plot
:func:`trades.astro.porkchop_files.porkchop_figure` (``trades porkchop`` writes it).

Figures are drawn for print and grey-scale: bars are told apart by hatching and grey level as
well as colour, every axis is labelled with its units, and each figure has a title and a legend
where there is more than one series.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import numpy as np

from trades.fileio import atomic_write, read_only_uri

GREYS = ["0.15", "0.45", "0.7", "0.85", "0.3", "0.6", "0.9", "0.05"]
HATCHES = ["", "//", "..", "xx", "\\\\", "++", "--", "oo"]
FORMATS = ("png", "svg", "pdf")


def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _bars_style(i: int) -> dict:
    return {"color": GREYS[i % len(GREYS)], "hatch": HATCHES[i % len(HATCHES)], "edgecolor": "black", "linewidth": 0.5}


def _money_units(currency: str | None) -> str:
    return currency or "MUSD"


def _thousands(axis) -> None:
    """Tick labels with thousands separators (120,000 rather than 120000 or 1.2e5)."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    axis.set_major_locator(MaxNLocator(6))
    axis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))


def _years(axis) -> None:
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True))


# ---- sensitivity ---------------------------------------------------------------------------------

def elasticities(report: dict, top: int = 15):
    """Horizontal bars: the largest elasticities of the objective (percent per percent)."""
    plt = _plt()
    rows = report["local"]["parameters"][:top][::-1]
    fig, ax = plt.subplots(figsize=(7.5, 0.35 * len(rows) + 1.6))
    values = [r["elasticity"] for r in rows]
    ax.barh([r["parameter"] for r in rows], values, **_bars_style(1))
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel(f"elasticity of {report['local']['objective']} [% per %]")
    ax.set_ylabel("model input")
    ax.set_title(f"What drives {report['local']['objective']}: local elasticities (top {len(rows)})")
    ax.tick_params(axis="y", labelsize=7)
    fig.tight_layout()
    return fig


def tornado(report: dict):
    """One-at-a-time swings of the objective: a bar per parameter from its low end's value to its
    high end's, around the study's value; widest on top."""
    plt = _plt()
    swings = report["swings"]
    rows = [w for w in swings["swings"] if w["objective_low"] is not None and w["objective_high"] is not None][::-1]
    reference = swings["reference"]
    fig, ax = plt.subplots(figsize=(7.5, 0.45 * len(rows) + 1.8))
    labels = [f"{w['parameter']} [{w['low']:g}, {w['high']:g}]" for w in rows]
    low = np.array([w["objective_low"] for w in rows]) - reference
    high = np.array([w["objective_high"] for w in rows]) - reference
    ax.barh(labels, low, left=reference, label="parameter at its low end", **_bars_style(2))
    ax.barh(labels, high, left=reference, label="parameter at its high end", **_bars_style(0))
    ax.axvline(reference, color="black", linewidth=0.8)
    ax.set_xlabel(f"{swings['objective']} [{'kg' if swings['objective'].endswith('_kg') else 'MUSD'}]")
    ax.set_title(f"Tornado: one-at-a-time swings around the study ({reference:,.0f})")
    _thousands(ax.xaxis)
    ax.legend(loc="lower right", fontsize=8)
    ax.tick_params(axis="y", labelsize=7)
    fig.tight_layout()
    return fig


def global_indices(report: dict):
    """Sobol first-order and total indices with their 95 % intervals (or Morris mu* and sigma)."""
    plt = _plt()
    g = report["global"]
    names = list(g["indices"])
    x = np.arange(len(names))
    fig, ax = plt.subplots(figsize=(max(6.0, 1.2 * len(names) + 2), 4.5))
    if g["method"] == "sobol":
        s1 = [g["indices"][n]["S1"] for n in names]
        st = [g["indices"][n]["ST"] for n in names]
        ax.bar(x - 0.2, s1, 0.4, yerr=[g["indices"][n]["S1_conf"] for n in names], capsize=3, label="first order S1", **_bars_style(1))
        ax.bar(x + 0.2, st, 0.4, yerr=[g["indices"][n]["ST_conf"] for n in names], capsize=3, label="total ST", **_bars_style(0))
        ax.set_ylabel("Sobol index [-]")
        ax.set_title(f"Global sensitivity of {g['output']}: Sobol indices ({g['cases']} cases)")
    else:
        ax.bar(x - 0.2, [g["indices"][n]["mu_star"] for n in names], 0.4, label="mu* (mean |elementary effect|)", **_bars_style(1))
        ax.bar(x + 0.2, [g["indices"][n]["sigma"] for n in names], 0.4, label="sigma (interactions, non-linearity)", **_bars_style(0))
        ax.set_ylabel(f"elementary effect on {g['output']} [MUSD]")
        ax.set_title(f"Morris screening of {g['output']} ({g['cases']} cases)")
    ax.set_xticks(x, names, rotation=20, ha="right", fontsize=8)
    ax.set_xlabel("parameter")
    ax.legend(fontsize=8)
    fig.tight_layout()
    return fig


def _stacked_by_year(ax, years: list[int], series: dict[str, list[float]]) -> None:
    """One bar per year, the series stacked in order, each with its grey and hatch."""
    bottom = np.zeros(len(years))
    for i, (label, values) in enumerate(series.items()):
        values = np.asarray(values, dtype=float)
        ax.bar(years, values, bottom=bottom, label=label, **_bars_style(i))
        bottom += values


# ---- run / optimize summaries --------------------------------------------------------------------

def spend(summary: dict):
    """Each partner's payments per year, stacked; below, one panel per capped partner with its
    payments against its budget cap on that partner's own scale (a cap drawn on the stack's
    scale sat squashed near zero, issue 21 item 8). A panel's scale reaches 1.5 times the cap at
    most: taller bars are cut at the top and labelled with their value."""
    plt = _plt()
    cost = summary["cost"]
    years = cost["years"]
    capped = [p for p in cost["partners"] if p["budget_cap_musd"] is not None]
    ncols = min(4, len(capped)) or 1
    nrows = -(-len(capped) // ncols)
    fig = plt.figure(figsize=(8.0 if ncols < 3 else 2.6 * ncols + 0.6, 4.8 + 2.4 * nrows))
    grid = fig.add_gridspec(1 + nrows, ncols, height_ratios=[2.0] + [1.0] * nrows)
    ax = fig.add_subplot(grid[0, :])
    _stacked_by_year(ax, years, {p["partner"]: p["pays_by_year_musd"] for p in cost["partners"]})
    units = _money_units(cost["currency"])
    ax.set_xlabel("year")
    ax.set_ylabel(f"payments [{units}]")
    ax.set_title("Spend per partner per year" + (" (budget caps below, each on its partner's scale)" if capped else ""))
    _years(ax.xaxis)
    _thousands(ax.yaxis)
    ax.set_ylim(0, 1.12 * max(max(cost["total_by_year_musd"], default=0.0), 1e-9))
    ax.legend(fontsize=8, ncol=1 + len(cost["partners"]) // 8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    for k, partner in enumerate(capped):
        _cap_panel(fig.add_subplot(grid[1 + k // ncols, k % ncols]), years, partner, units, cost["partners"].index(partner))
    fig.tight_layout()
    return fig


def _cap_panel(ax, years, partner: dict, units: str, index: int) -> None:
    """One capped partner's payments per year and its cap, on a scale that shows the cap."""
    pays = np.asarray(partner["pays_by_year_musd"], dtype=float)
    cap = float(partner["budget_cap_musd"])
    top = max(float(pays.max(initial=0.0)), cap)
    limit = 1.5 * cap if cap > 0 and top > 1.5 * cap else 1.15 * top or 1.0
    ax.bar(years, np.minimum(pays, limit), **_bars_style(index))
    ax.axhline(cap, color="black", linestyle="--", linewidth=1, label=f"cap of {partner['partner']}")  # named in the title
    for year, value in zip(years, pays):
        if value > limit:
            ax.annotate(f"{value:,.0f}", (year, limit), xytext=(0, -2), textcoords="offset points", ha="center", va="top",
                        rotation=90, fontsize=5.5, bbox={"boxstyle": "square,pad=0.1", "fc": "white", "lw": 0})
    ax.set_ylim(0, limit)
    over = int((pays > cap * (1 + 1e-9)).sum())
    ax.set_title(f"{partner['partner']}: cap {cap:,.0f} a year (dashed),\nabove it in {over} of {len(years)} years", fontsize=8)
    ax.set_ylabel(units, fontsize=7)
    ax.tick_params(labelsize=7)
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(4, integer=True))
    _thousands(ax.yaxis)


def launches(summary: dict):
    """Launches per vehicle per year, stacked; headroom above the tallest bar and the legend
    outside the axes, so no bar is hidden (issue 21 item 8)."""
    plt = _plt()
    rows = summary["per_year"]
    years = [r["year"] for r in rows]
    vehicles = sorted({v for r in rows for v in r["launches_by_vehicle"]})
    fig, ax = plt.subplots(figsize=(8.8, 4.5))
    _stacked_by_year(ax, years, {v: [r["launches_by_vehicle"].get(v, 0) for r in rows] for v in vehicles})
    ax.set_xlabel("year")
    ax.set_ylabel("launches [-]")
    ax.set_title("Launches per vehicle per year")
    _years(ax.xaxis)
    _years(ax.yaxis)
    tallest = max((sum(r["launches_by_vehicle"].values()) for r in rows), default=0)
    ax.set_ylim(0, max(1.0, tallest * 1.12 + 0.2))
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    fig.tight_layout()
    return fig


# ---- coalitions ----------------------------------------------------------------------------------

def shares(report: dict):
    """Each allocation rule's split of the grand coalition's cost, partners side by side."""
    plt = _plt()
    partners, rules = report["partners"], list(report["allocations"])
    x = np.arange(len(partners))
    width = 0.8 / len(rules)
    fig, ax = plt.subplots(figsize=(max(6.0, 1.5 * len(partners) + 2), 4.8))
    for i, rule in enumerate(rules):
        # a sampled game (trades.analyses.coalitions_sampled) has no core and 95 % intervals on its Shapley shares
        half = report.get("shapley_half_width_musd") if rule == "shapley" else None
        in_core = report["core"].get(rule, {}).get("in_core", True)
        ax.bar(x + (i - (len(rules) - 1) / 2) * width, [report["allocations"][rule][p] for p in partners], width,
               yerr=[half[p] for p in partners] if half else None, capsize=3 if half else 0,
               label=rule.replace("_", " ") + ("" if in_core else " (not in the core)") + (" (95 % intervals)" if half else ""),
               **_bars_style(i))
    budgets = report.get("campaign_budget_musd") or {}
    capped = [i for i, p in enumerate(partners) if budgets.get(p) is not None]
    if capped:  # every allocation beside what each partner can afford (issue 19 item 2)
        ax.scatter(x[capped], [budgets[partners[i]] for i in capped], marker="_", s=900, color="black", zorder=3,
                   label="campaign budget (cap x years)")
    ax.set_xticks(x, partners)
    ax.set_xlabel("partner")
    ax.set_ylabel(f"share of the grand coalition's cost [{report['currency']}]")
    ax.set_title("Cost shares by allocation rule")
    _thousands(ax.yaxis)
    handles, labels = ax.get_legend_handles_labels()  # the rules first, the budgets' marker last
    order = sorted(range(len(labels)), key=lambda i: labels[i].startswith("campaign budget"))
    ax.legend([handles[i] for i in order], [labels[i] for i in order], fontsize=8)
    fig.tight_layout()
    return fig


def dividend(report: dict):
    """Each partner's stand-alone cost against its Shapley share: the cooperation dividend."""
    plt = _plt()
    partners = report["partners"]
    x = np.arange(len(partners))
    fig, ax = plt.subplots(figsize=(max(6.0, 1.5 * len(partners) + 2), 4.8))
    ax.bar(x - 0.2, [report["stand_alone_musd"][p] for p in partners], 0.4, label="alone (its own optimum, or the charge)", **_bars_style(3))
    ax.bar(x + 0.2, [report["allocations"]["shapley"][p] for p in partners], 0.4, label="Shapley share in the grand coalition", **_bars_style(0))
    ax.set_xticks(x, partners)
    ax.set_xlabel("partner")
    ax.set_ylabel(f"cost [{report['currency']}]")
    total = report["cooperation_dividend_musd"]["total"]
    ax.set_title(f"Cooperation dividend: {total:,.0f} {report['currency']} in all")
    _thousands(ax.yaxis)
    ax.legend(fontsize=8)
    fig.tight_layout()
    return fig


# ---- reading results and writing files -----------------------------------------------------------

def _pareto(folder: Path):
    from trades.analyses.pareto import pareto_front, plot_front

    return plot_front(pareto_front(folder, "life_cycle_cost_musd:min,crew_days:max"))


# ---- comparison of cases -------------------------------------------------------------------------

def comparison(report: dict):
    """``trades compare``: four panels, one bar per case: cost stacked by paying partner, launches
    stacked by vehicle, mass in the launch orbit, and the probability that every launch succeeds."""
    plt = _plt()
    cases = report["cases"]
    labels = [c["case"] for c in cases]
    x = np.arange(len(cases))
    fig, axes = plt.subplots(2, 2, figsize=(max(9.0, 1.6 * len(cases) + 5.0), 7.5))
    (cost_ax, launch_ax), (mass_ax, success_ax) = axes
    partners = sorted({p for c in cases for p in c["paid_by_partner_musd"]})
    bottom = np.zeros(len(cases))
    for i, p in enumerate(partners):
        values = np.array([c["paid_by_partner_musd"].get(p, 0.0) for c in cases])
        cost_ax.bar(x, values, 0.6, bottom=bottom, label=p, **_bars_style(i))
        bottom += values
    cost_ax.set_ylabel(f"life-cycle cost [{report['currency'] or 'MUSD'}]")
    cost_ax.set_title("Cost, by the partner who pays")
    _thousands(cost_ax.yaxis)
    vehicles = sorted({v for c in cases for v in c["launches_by_vehicle"]})
    bottom = np.zeros(len(cases))
    for i, v in enumerate(vehicles):
        values = np.array([c["launches_by_vehicle"].get(v, 0) for c in cases], dtype=float)
        launch_ax.bar(x, values, 0.6, bottom=bottom, label=v, **_bars_style(i))
        bottom += values
    launch_ax.set_ylabel("launches over the campaign [-]")
    launch_ax.set_title("Launches, by vehicle")
    mass_ax.bar(x, [c["mass_in_launch_orbit_kg"] / 1000 for c in cases], 0.6, **_bars_style(1))
    mass_ax.set_ylabel("mass in the launch orbit [t]")
    mass_ax.set_title("Mass in the launch orbit over the campaign")
    _thousands(mass_ax.yaxis)
    success_ax.bar(x, [c["all_launches_succeed_probability"] for c in cases], 0.6, **_bars_style(2))
    success_ax.set_ylim(0, 1)
    success_ax.set_ylabel("probability [-]")
    success_ax.set_title("Probability that every launch succeeds")
    for ax in axes.flat:
        crowded = sum(len(label) for label in labels) > 36  # labels that would run into each other
        ax.set_xticks(x, labels, rotation=20 if crowded else 0, ha="right" if crowded else "center", fontsize=8)
        ax.set_xlabel("case")
    for ax in (cost_ax, launch_ax):
        if ax.get_legend_handles_labels()[0]:
            ax.set_ylim(0, 1.12 * max(ax.get_ylim()[1], 1e-9))
            ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    fig.suptitle("Cases side by side (trades compare)")
    fig.tight_layout()
    return fig


#: kind -> (file it reads in the output folder, function of its content)
FIGURES = {
    "elasticities": elasticities,
    "tornado": tornado,
    "global": global_indices,
    "spend": spend,
    "launches": launches,
    "shares": shares,
    "dividend": dividend,
}
from trades.outputs.figures_risk import s_curve_figure  # noqa: E402

FIGURES["s_curve"] = s_curve_figure
from trades.outputs.figures_kinds import KINDS, SOURCES  # noqa: E402,F401


def available(kind: str, data: dict) -> bool:
    """Whether ``data`` (a loaded results file) holds what figure ``kind`` draws."""
    needs = {"elasticities": ("local",), "tornado": ("swings",), "global": ("global",), "spend": ("cost",),
             "launches": ("per_year",), "shares": ("allocations",), "dividend": ("allocations",), "s_curve": ("life_cycle_cost",)}[kind]
    return all(key in data and data[key] for key in needs) and (kind != "spend" or bool(data["cost"].get("partners")))


def figure_from_folder(folder: Path, kind: str):
    """The figure ``kind`` drawn from the results in ``folder`` (None when they are not there)."""
    from trades.errors import StudyError, StudyErrors

    from trades.fileio import own_file

    source = own_file(folder, SOURCES[kind])  # never through a symlink
    if source is None:
        return None
    try:
        if kind == "pareto":
            with sqlite3.connect(read_only_uri(source), uri=True) as db:
                if db.execute("SELECT COUNT(*) FROM cases WHERE status = 'ok'").fetchone()[0] == 0:
                    return None
            return _pareto(folder)
        data = json.loads(source.read_text(encoding="utf-8"))
        return FIGURES[kind](data) if isinstance(data, dict) and available(kind, data) else None
    except (sqlite3.DatabaseError, ValueError, KeyError, TypeError) as exc:  # a damaged or foreign file
        raise StudyErrors([StudyError(str(source), "", f"cannot draw the {kind} figure from it: {type(exc).__name__}: {exc}"[:300])]) from None


def save(fig, stem: Path, formats=FORMATS) -> list[Path]:
    """Write ``fig`` as ``stem.png`` / ``.svg`` / ``.pdf`` (each whole or not at all)."""
    written = []
    for fmt in formats:
        path = Path(f"{stem}.{fmt}")
        atomic_write(path, lambda tmp, fmt=fmt: fig.savefig(tmp, format=fmt, dpi=150))
        written.append(path)
    _plt().close(fig)
    return written


def save_sensitivity_figures(report: dict, out: Path) -> list[Path]:
    """The elasticities, tornado and global-index figures of a sensitivity report, as PNG, SVG
    and PDF in ``out`` (those the report has data for)."""
    written = []
    for kind in ("elasticities", "tornado", "global"):
        if available(kind, report):
            written += save(FIGURES[kind](report), out / kind)
    return written

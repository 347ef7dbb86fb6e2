"""The cost-risk S-curve (``trades cost-risk``, ``trades plot DIR s_curve``): the cumulative
distribution of the life-cycle cost over the Monte Carlo samples, with P50, P70 (NASA's
confidence level for baselining programs) and P80 marked, and the point estimate."""

from __future__ import annotations

import numpy as np


def s_curve_figure(report: dict):
    """The S-curve of a ``cost_risk.json`` report."""
    from trades.outputs.figures import _plt, _thousands

    plt = _plt()
    curve = report["life_cycle_cost"]
    values = np.asarray(curve["sorted"], dtype=float)
    probability = np.arange(1, len(values) + 1) / len(values)
    fig, ax = plt.subplots(figsize=(7.0, 4.8))
    ax.step(values, probability, where="post", color="black", linewidth=1.2, label=f"life-cycle cost, {len(values)} samples")
    styles = {"P50": ":", "P70": "--", "P80": "-."}
    for name, style in styles.items():
        x = curve["percentiles"][name]
        ax.axvline(x, color="0.4", linestyle=style, linewidth=0.9, label=f"{name} {x:,.0f}")
    point = report["point_estimate"]
    ax.plot([point["life_cycle_cost_musd"]], [point["confidence"]], "o", color="0.2", markersize=6,
            label=f"point estimate {point['life_cycle_cost_musd']:,.0f} (at {100 * point['confidence']:.0f} %)")
    ax.set_xlabel(f"life-cycle cost [{report['currency']}]")
    ax.set_ylabel("probability the cost is at or below")
    ax.set_ylim(0.0, 1.0)
    ax.set_title(f"Cost risk S-curve (correlation {report['correlation']:g}, seed {report['seed']})")
    _thousands(ax.xaxis)
    ax.grid(True, linewidth=0.3, color="0.8")
    ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    return fig

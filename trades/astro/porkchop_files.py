"""Porkchop output: the figure (contours of departure C3 with time-of-flight lines) and the CSV."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from trades.astro import ephemeris
from trades.fileio import atomic_write
from trades.astro.porkchop import PorkchopGrid, TransferSpec, compute_grid

MAX_CELLS = 2_000_000


def grid_dates(start: str, end: str, step: float) -> np.ndarray:
    """Julian dates from ``start`` to ``end`` (ISO dates, inclusive) every ``step`` days."""
    try:
        first, last = ephemeris.to_jd(start), ephemeris.to_jd(end)
    except ValueError:
        raise ValueError(f"dates must be YYYY-MM-DD, got '{start}' and '{end}'") from None
    if not step > 0 or not np.isfinite(step):
        raise ValueError(f"the step must be a positive number of days, got {step}")
    if last < first:
        raise ValueError(f"{end} is before {start}")
    count = int((last - first) / step) + 1
    if count < 2:
        raise ValueError(f"{start} to {end} every {step:g} d gives {count} date; a porkchop needs at least 2 per axis")
    if count > MAX_CELLS:
        raise ValueError(f"{count} dates from {start} to {end}: use a larger --step")
    return first + step * np.arange(count)


def grid_minima(grid: PorkchopGrid) -> list[dict]:
    """The least-C3 cell of each transfer type in the grid (the points the figure marks): type,
    dates, time of flight, C3, arrival v-infinity and burns. Grid cells, not refined optima
    (``trades windows`` refines)."""
    found = []
    for kind in (1, 2):
        masked = np.where(grid.transfer_type == kind, grid.c3, np.inf)
        if not np.isfinite(masked).any():
            continue
        i, j = np.unravel_index(np.argmin(masked), masked.shape)
        found.append({
            "type": kind, "departure": f"{ephemeris.to_date(grid.departure_jd[i]):%Y-%m-%d}",
            "arrival": f"{ephemeris.to_date(grid.arrival_jd[j]):%Y-%m-%d}", "tof_days": float(grid.tof_days[i, j]),
            "c3_km2_s2": float(grid.c3[i, j]), "v_inf_arrival_km_s": float(grid.v_inf_arrival[i, j]),
            "dv_departure_km_s": float(grid.dv_departure[i, j]), "dv_arrival_km_s": float(grid.dv_arrival[i, j]),
            "dv_total_km_s": float(grid.dv_total[i, j]), "index": (int(i), int(j)),
        })
    return found


def format_minima(spec: TransferSpec, minima: list[dict]) -> str:
    """The summary ``trades porkchop`` prints: the least-C3 point of each type in the grid."""
    lines = [f"Least departure C3 in the grid, Earth to {spec.target} (grid cells; `trades windows` refines):",
             f"{'type':>4} {'departure':>10} {'arrival':>10} {'TOF d':>6} {'C3 km2/s2':>9} {'vinf arr km/s':>13} {'dv total km/s':>13}"]
    for m in minima:
        lines.append(f"{'I' if m['type'] == 1 else 'II':>4} {m['departure']:>10} {m['arrival']:>10} {m['tof_days']:>6.0f} "
                     f"{m['c3_km2_s2']:>9.3f} {m['v_inf_arrival_km_s']:>13.3f} {m['dv_total_km_s']:>13.3f}")
    return "\n".join(lines) + "\n"


def porkchop_figure(grid: PorkchopGrid, c3_levels=None):
    """A matplotlib figure: C3 contours over departure and arrival dates, TOF lines, minima marked."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    dep = [ephemeris.to_date(jd) for jd in grid.departure_jd]
    arr = [ephemeris.to_date(jd) for jd in grid.arrival_jd]
    c3 = np.where(grid.transfer_type > 0, grid.c3, np.nan).T
    finite = c3[np.isfinite(c3)]
    if c3_levels is None:
        low = float(np.nanmin(finite)) if finite.size else 0.0
        c3_levels = np.round(np.linspace(low, low + 40.0, 11), 1)
    fig, ax = plt.subplots(figsize=(8, 6))
    filled = ax.contour(dep, arr, c3, levels=c3_levels, cmap="Greys_r", linewidths=1.0)
    ax.clabel(filled, fmt="%.0f", fontsize=7)
    tof = grid.tof_days.T
    lines = ax.contour(dep, arr, tof, levels=np.arange(100, 600, 50), colors="k", linestyles="dotted", linewidths=0.7)
    ax.clabel(lines, fmt="%d d", fontsize=7)
    for m in grid_minima(grid):
        i, j = m["index"]
        ax.plot(dep[i], arr[j], "o" if m["type"] == 1 else "s", color="k", markerfacecolor="white",
                label=f"type {'I' if m['type'] == 1 else 'II'} min C3 {m['c3_km2_s2']:.2f} km$^2$/s$^2$")
    ax.set_xlabel("Departure date (TDB)")
    ax.set_ylabel("Arrival date (TDB)")
    ax.set_title(f"Earth to {grid.spec.target.capitalize()}: departure C3 [km$^2$/s$^2$] (solid), time of flight (dotted)")
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    ax.yaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    fig.autofmt_xdate()
    if ax.get_legend_handles_labels()[0]:
        ax.legend(loc="upper left", fontsize=8)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig


def write_grid_csv(grid: PorkchopGrid, path: Path) -> None:
    def write(tmp: Path):
        with open(tmp, "w", newline="", encoding="utf-8") as fh:
            out = csv.writer(fh)
            out.writerow(["departure", "arrival", "tof_days", "type", "c3_km2_s2", "v_inf_arrival_km_s",
                          "dv_departure_km_s", "dv_arrival_km_s", "dv_total_km_s"])
            for i, jd_d in enumerate(grid.departure_jd):
                for j, jd_a in enumerate(grid.arrival_jd):
                    if grid.transfer_type[i, j] == 0:
                        continue
                    out.writerow([f"{ephemeris.to_date(jd_d):%Y-%m-%d}", f"{ephemeris.to_date(jd_a):%Y-%m-%d}",
                                  f"{grid.tof_days[i, j]:.2f}", int(grid.transfer_type[i, j]),
                                  f"{grid.c3[i, j]:.6f}", f"{grid.v_inf_arrival[i, j]:.6f}",
                                  f"{grid.dv_departure[i, j]:.6f}", f"{grid.dv_arrival[i, j]:.6f}",
                                  f"{grid.dv_total[i, j]:.6f}"])

    atomic_write(path, write)


def write_porkchop(spec: TransferSpec, dep_start, dep_end, arr_start, arr_end, step, output_dir, formats=("png",)):
    """Compute the grid and write ``porkchop_<target>.<fmt>`` and ``porkchop_<target>.csv``;
    returns the files written and the grid's least-C3 points (:func:`grid_minima`)."""
    from trades.fileio import output_folder

    with output_folder(Path(output_dir)) as out:  # a file in its place or a read-only folder is found before computing
        departures = grid_dates(dep_start, dep_end, step)
        arrivals = grid_dates(arr_start, arr_end, step)
        if departures.size * arrivals.size > MAX_CELLS:
            raise ValueError(f"{departures.size} x {arrivals.size} cells exceed {MAX_CELLS}; use a larger --step")
        if arrivals[-1] <= departures[0]:
            raise ValueError("every arrival date is before every departure date")
        grid = compute_grid(spec, departures, arrivals)
        if not (grid.transfer_type > 0).any():
            raise ValueError("no transfer in this grid (arrivals must follow departures)")
        stem = f"porkchop_{spec.target}"
        files = []
        fig = porkchop_figure(grid)
        try:
            for fmt in formats:
                path = out / f"{stem}.{fmt}"
                atomic_write(path, lambda tmp, fmt=fmt: fig.savefig(tmp, format=fmt, dpi=150))
                files.append(path)
        finally:
            import matplotlib.pyplot as plt

            plt.close(fig)
        csv_path = out / f"{stem}.csv"
        write_grid_csv(grid, csv_path)
        files.append(csv_path)
    return files, grid_minima(grid)

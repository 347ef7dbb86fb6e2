"""Timing helpers: medians of repeats, side by side with a baseline in the same process."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass


@dataclass
class Result:
    """One benchmark line: what, our median, the baseline's median, the goal (a ratio)."""

    name: str
    ours_s: float
    baseline_s: float
    baseline: str
    goal: str
    note: str = ""
    overhead: bool = False  # True: the figure of merit is ours / baseline (how much slower)
    unit: str = "ms"  # how ours_s and baseline_s print: "ms" (seconds shown in ms) or "MiB" (bytes)

    @property
    def ratio(self) -> float:
        if self.overhead:
            return self.ours_s / self.baseline_s
        return self.baseline_s / self.ours_s if self.ours_s > 0 else float("inf")

    @property
    def ratio_text(self) -> str:
        if self.overhead:
            return f"{self.ratio:.1f}x as long" if self.unit == "ms" else f"{self.ratio:.2f}x as much"
        if self.ratio < 1:
            return f"{1 / self.ratio:.1f}x slower"
        return f"{self.ratio:.1f}x faster" if self.ratio < 10 else f"{self.ratio:.0f}x faster"


def median_time(func, repeats: int) -> tuple[float, object]:
    """Median wall time of ``repeats`` calls of ``func`` and its last result."""
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def table(results: list[Result]) -> str:
    lines = [f"{'benchmark':<30} {'ours (median)':>14} {'baseline (median)':>18} {'ratio':>16}  goal; baseline; note"]
    for r in results:
        scale = 1000 if r.unit == "ms" else 1 / 2**20
        lines.append(
            f"{r.name:<30} {r.ours_s * scale:>11.1f} {r.unit:<3}{r.baseline_s * scale:>15.1f} {r.unit:<3}{r.ratio_text:>16}  "
            f"{r.goal}; {r.baseline}; {r.note}"
        )
    return "\n".join(lines)

"""Run every benchmark and print one table: ``python -m benchmarks.run [--quick] [--only NAME ...]``.

Quick mode (seconds, run by the test suite so no benchmark rots) uses small problems; the full
mode uses the sizes the goals are stated for. Figures are medians of repeats, and each goal is a
ratio to a baseline measured in the same run, because machines here are shared and noisy.
"""

from __future__ import annotations

import argparse
import platform

from benchmarks import (
    bench_coalitions, bench_coalitions_sampled, bench_cost_risk, bench_optimize, bench_pareto, bench_porkchop, bench_run, bench_startup, bench_sweep,
    bench_windows,
)
from benchmarks import bench_ssa
from benchmarks.harness import table

BENCHMARKS = [bench_startup, bench_windows, bench_run, bench_porkchop, bench_optimize, bench_coalitions, bench_coalitions_sampled, bench_sweep, bench_pareto,
              bench_cost_risk, bench_ssa]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, seconds")
    names = [b.__name__.rsplit(".", 1)[1].removeprefix("bench_") for b in BENCHMARKS]
    parser.add_argument("--only", nargs="+", choices=names, metavar="NAME", help=f"run only these: {', '.join(names)}")
    args = parser.parse_args(argv)
    chosen = [b for b, name in zip(BENCHMARKS, names) if not args.only or name in args.only]
    results = [r for bench in chosen for r in bench.run(args.quick)]
    print(f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, Python {platform.python_version()}; "
          f"mode: {'quick' if args.quick else 'full'}")
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

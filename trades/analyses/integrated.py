"""``trades integrated``: several destinations (a LEO station, a cislunar station, a lunar
outpost, ...) as one architecture, with one budget envelope per partner across all of them.

An integrated-architecture file names member study files and the partners of the whole
architecture. Every partner takes part in every destination (with the member study's own entry
for it where there is one, else the catalog's defaults) and its budget cap, if any, limits what
it pays each calendar year over all destinations together: the member studies' own caps are
replaced by it. The objective is the sum of the destinations' life-cycle costs. Each
destination's model is the study's own :class:`~trades.models.architecture.ArchitectureModel`, as a
subsystem named by the member id, in one OpenMDAO problem with a
:class:`~trades.models.partners.PartnerEnvelope` (:class:`~trades.models.integrated.IntegratedModel`, built by the same path as one study's problem); ``--optimize`` moves every destination's work shares
and design variables at once with SLSQP and OpenMDAO's total derivatives.

Policy scenarios (``scenarios:``: another launch policy, barred pairs of partners, common
standards or a common transportation policy, :mod:`trades.analyses.policy_outcomes`) are each the
same architecture with that change, compared side by side with the probability that every
destination's mission succeeds.
"""

from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path

import numpy as np

from trades.models import variables as var
from trades.errors import BrokenRulesError, InfeasibleError, StudyError, StudyErrors
from trades.fileio import atomic_write
from trades.study.schema import Study

from trades.architecture.flight_rates import fleet_flight_rate_excess, fleet_taken
from trades.analyses.policy_outcomes import destinations_success, mission_success
from trades.analyses.ssa_scenarios import mission_success_line
from trades.analyses.integrated_spec import BASE_SCENARIO, IntegratedArchitecture, Scenario, load_integrated, member_studies


class MemberView:
    """One destination's variables in the integrated problem under its own model's names, so
    that what was written for one study (summaries, rule checks) reads it unchanged."""

    def __init__(self, prob, member_id: str):
        self._prob, self._prefix = prob, f"{member_id}."

    def get_val(self, name, *args, **kwargs):
        return self._prob.get_val(self._prefix + name, *args, **kwargs)

    def set_val(self, name, *args, **kwargs):
        self._prob.set_val(self._prefix + name, *args, **kwargs)

    def run_model(self):
        self._prob.run_model()


def build(spec: IntegratedArchitecture, members: list[tuple[str, Study]], optimize: bool = False):
    """``(problem, architectures, caps)``: every destination's model and the partners' envelope
    in one problem, set up and evaluated at the member studies' designs."""
    from trades.analyses.optimize import scale_objective
    from trades.analyses.optimize_rules import add_design_and_rules, add_driver, check_optimizable
    from trades.architecture.assemble import build_integrated_problem
    from trades.architecture.resolve import resolve

    archs = {mid: resolve(study, study._file) for mid, study in members}
    for i, (mid, study) in enumerate(members if optimize else []):
        missing = archs[mid].cost.missing_prices
        if missing:  # the objective is the total cost, whatever a member study's own objective
            raise StudyErrors([StudyError(spec._file, f"members[{i}].study", f"'{study._file}' launches on vehicles without a price "
                                          f"({', '.join(missing)}), and the architecture is costed; add overrides.launch_vehicles.<id>.price "
                                          "{value, unit: MUSD, source} in the study or choose priced vehicles")])
        check_optimizable(archs[mid])
    partners, years = [p.id for p in spec.partners], calendar_years(archs)
    caps = {p.id: p.budget_cap_musd for p in spec.partners if p.budget_cap_musd is not None}

    def optimization(prob):
        model = prob.model
        add_driver(prob)
        for mid, arch in archs.items():
            add_design_and_rules(model, arch, prefix=f"{mid}.")
        if caps:
            rows = [partners.index(pid) * len(years) + y for pid in caps for y in range(len(years))]
            upper = np.repeat(list(caps.values()), len(years))
            model.add_constraint("envelope.spend", upper=upper, indices=rows, flat_indices=True, ref=max(float(upper.max()), 1.0))
        model.add_objective("envelope.life_cycle_cost")

    prob = build_integrated_problem(archs, partners, years, before_setup=optimization if optimize else None)
    prob.run_model()
    rechosen: set[str] = set()
    while changed := rechosen_for_fleet(archs, prob, rechosen):  # 'auto' cargo chosen again to fit the shared fleet
        if optimize:
            check_optimizable(changed[1])
        archs[changed[0]] = changed[1]
        prob.cleanup()
        prob = build_integrated_problem(archs, partners, years, before_setup=optimization if optimize else None)
        prob.run_model()
    if optimize:  # the driver works with numbers near one
        scale_objective(prob, "envelope.life_cycle_cost", float(prob.get_val("envelope.life_cycle_cost")[0]),
                        list(archs.values()), [f"{mid}." for mid in archs])
    return prob, archs, caps


def fleet_launches(archs, prob) -> dict[str, dict[int, dict[str, int]]]:
    """Each destination's whole launches by year and vehicle, as its own run counts them."""
    from trades.analyses.run import summarize

    return {mid: {row["year"]: row["launches_by_vehicle"] for row in summarize(arch, MemberView(prob, mid))["per_year"]}
            for mid, arch in archs.items()}


def rechosen_for_fleet(archs, prob, done: set[str]) -> tuple[str, object] | None:
    """When the destinations together break a vehicle's flight-rate limit, the first destination
    (in the file's order, each at most once) whose 'auto' cargo flies a vehicle over its limit,
    with its architecture resolved again as ``trades run`` does
    (:func:`trades.analyses.evaluate.rechosen_for_flight_rates`), counting the other destinations'
    launches against each vehicle's limit; else None. A destination for which no vehicle fits
    keeps its first choice (with a note), and the shared limit is then reported as broken."""
    from trades.analyses.evaluate import rechosen_for_flight_rates

    catalog = next(iter(archs.values())).catalog
    launches = fleet_launches(archs, prob)
    if not fleet_flight_rate_excess(launches, catalog):
        return None
    for mid, arch in archs.items():
        if mid in done or arch.study.launch.policy != "open_market":
            continue
        try:
            rechosen = rechosen_for_flight_rates(arch.study, arch.file, arch, MemberView(prob, mid), fleet_taken(launches, mid, arch.years), True)
        except InfeasibleError as exc:
            done.add(mid)
            arch.notes.append(f"launch.cargo_vehicle auto: no vehicle fits beside the other destinations' launches, "
                              f"{arch.cargo_vehicle} kept ({' '.join(str(exc).split(': ', 1)[-1].split())})")
            continue
        if rechosen is not None:
            done.add(mid)
            return mid, rechosen
    return None


def calendar_years(archs) -> list[int]:
    """Every calendar year of any destination's campaign, in order (the envelope's columns)."""
    return sorted({y for arch in archs.values() for y in arch.years})


def envelope_violations(prob, partners: list[str], years: list[int], caps: dict) -> list[str]:
    """Each partner-year whose payments over all destinations exceed the partner's cap."""
    from trades.analyses.optimize_rules import FEASIBILITY_TOLERANCE

    spend = prob.get_val("envelope.spend")
    found = []
    for pid, cap in caps.items():
        for y, year in enumerate(years):
            pay = float(spend[partners.index(pid), y])
            if pay - cap > FEASIBILITY_TOLERANCE * max(cap, 1.0):
                found.append(f"budget cap of {pid} in {year} (all destinations): pays {pay:,.0f} MUSD, cap {cap:,.0f}, over by {pay - cap:,.0f}")
    return found


def _violations(prob, archs, partners, years, caps) -> list[str]:
    from trades.analyses.optimize_rules import violations

    found = envelope_violations(prob, partners, years, caps)
    for mid, arch in archs.items():
        found += [f"{mid}: {v}" for v in violations(arch, MemberView(prob, mid))]
    return found


def _binding(prob, archs, partners, years, caps) -> list[str]:
    from trades.analyses.optimize_rules import binding

    spend = prob.get_val("envelope.spend")
    found = [f"budget cap of {pid} in {year} ({cap:,.0f} MUSD, all destinations)"
             for pid, cap in caps.items() for y, year in enumerate(years)
             if cap > 0 and spend[partners.index(pid), y] >= cap * (1 - 1e-4)]
    for mid, arch in archs.items():
        found += [f"{mid}: {b}" for b in binding(arch, MemberView(prob, mid))]
    return found


def _starts(archs) -> list[tuple[str, dict]]:
    """The single-study starts (:func:`trades.analyses.optimize_starts.starting_points`) taken together: each
    destination from its start of the same name, or its graded split when it has none."""
    from trades.analyses.optimize_starts import starting_points

    per_member = {mid: dict(starting_points(arch.cost)) for mid, arch in archs.items()}
    labels = list(dict.fromkeys(label for starts in per_member.values() for label in starts))
    return [(label, {mid: starts.get(label, starts["graded split"]) for mid, starts in per_member.items()}) for label in labels]


def solve(prob, archs, partners, years, caps, first_starts: list[tuple[str, dict]] = (), on_start=None) -> dict:
    """Optimize from each start until two agree (as :func:`trades.analyses.optimize.solve`), after
    ``first_starts`` (label, values of the design variables by name); leaves the best start's
    optimum in the problem and returns the result."""
    from trades.architecture.checks import design_variable_bounds
    from trades.analyses.optimize_starts import best_attempt, run_starts
    from trades.analyses.optimize_rules import share_variables

    units = {f"{mid}.{dv.name}": design_variable_bounds(dv)[2] for mid, arch in archs.items() for dv in arch.study.design_variables}
    design = {name: np.array(prob.get_val(name)) for name in units}
    initial = float(prob.get_val("envelope.life_cycle_cost")[0])
    movable = design or any(share_variables(arch.cost)[0] for arch in archs.values())
    start_time = time.perf_counter()
    starts = [(label, {**design, **{f"{mid}.{var.SHARES}": v for mid, v in shares.items()}}) for label, shares in _starts(archs)]
    attempts = run_starts(prob, [*first_starts, *starts] if movable else [], "envelope.life_cycle_cost",
                          lambda: _violations(prob, archs, partners, years, caps), [*design, *(f"{mid}.{var.SHARES}" for mid in archs)],
                          agree_after=len(first_starts), on_start=on_start)
    if attempts:
        best = best_attempt(attempts)
        for name, value in best["state"].items():
            prob.set_val(name, value)
        prob.run_model()
    return {
        "initial_musd": initial,
        "optimum_musd": float(prob.get_val("envelope.life_cycle_cost")[0]),
        "starts": [{"start": a["start"], "objective": a["objective"], "success": a["success"], "feasible": not a["violations"]} for a in attempts],
        "best_start": best["start"] if attempts else "only design",
        "wall_time_s": time.perf_counter() - start_time,
        "design_variables": {name: float(prob.get_val(name, units=u)[0]) for name, u in units.items()},
        "state": best["state"] if attempts else {},
        "binding_constraints": _binding(prob, archs, partners, years, caps),
        "violations": _violations(prob, archs, partners, years, caps),
    }


def evaluate(spec: IntegratedArchitecture, scenario: Scenario | None, optimize: bool, first_starts=(), tell=None) -> dict:
    """One scenario's results (the architecture as specified when ``scenario`` is None). An
    architecture that cannot be closed is a result with status 'infeasible' and the reason."""
    from trades.analyses.run import summarize

    label = scenario.name if scenario else BASE_SCENARIO
    members = member_studies(spec, scenario)
    try:
        prob, archs, caps = build(spec, members, optimize)
    except InfeasibleError as exc:
        return {"scenario": label, "status": "infeasible", "reason": " ".join(str(exc).split())}
    partners, years = [p.id for p in spec.partners], calendar_years(archs)
    on_start = None if tell is None else (lambda start: tell(f"{label}: optimizing from {start}"))
    result = solve(prob, archs, partners, years, caps, first_starts, on_start) if optimize else None
    # caps bind the optimizer; a run at the studies' designs reports the excess, as `trades run` does
    broken = result["violations"] if result else []
    spend = prob.get_val("envelope.spend")
    destinations, launches = {}, {}  # every destination's launches, by year and vehicle
    for mid, arch in archs.items():
        summary = summarize(arch, MemberView(prob, mid))
        launches[mid] = {row["year"]: row["launches_by_vehicle"] for row in summary["per_year"]}
        destinations[mid] = {
            "study": arch.file,
            "destination": summary["destination"],
            "years": summary["years"],
            "life_cycle_cost_musd": float(prob.get_val(f"{mid}.{var.PARTNER_LIFE_CYCLE_COST}")[0]),
            "mass_in_launch_orbit_kg": summary["totals"]["mass_in_launch_orbit_kg"],
            "launches_by_vehicle": summary["totals"]["launches_by_vehicle"],
            "launches_by_year": launches[mid],  # the shared fleet's rule adds these up
            "all_launches_succeed_probability": summary["totals"]["all_launches_succeed_probability"],
            "paid_by_partner_musd": {pid: float(v) for pid, v in zip(arch.cost.partners, prob.get_val(f"{mid}.{var.PAYS}").sum(axis=1))},
            "notes": summary["notes"],
            "mission_success_probability": mission_success(arch, MemberView(prob, mid))["mission"],
        }
    # the fleet is shared: every destination's launches of a vehicle in a year against its limit, a rule
    # at the studies' designs as in `trades run` (the optimizer's own rules are each destination's)
    fleet = fleet_flight_rate_excess(launches, next(iter(archs.values())).catalog)
    broken = broken + [f"fleet: {excess}" for excess in fleet]
    return {
        "scenario": label,
        "status": "infeasible" if broken else "ok",
        "reason": "; ".join(broken[:5]) if broken else "",
        "broken_rules": broken,
        "currency": f"MUSD {members[0][1].campaign.dollar_base_year}",
        "total_life_cycle_cost_musd": float(prob.get_val("envelope.life_cycle_cost")[0]),
        "mission_success_probability": destinations_success([d["mission_success_probability"] for d in destinations.values()]),
        "years": years,
        "partners": {pid: {"paid_musd": float(spend[j].sum()), "peak_year_musd": float(spend[j].max()),
                           "peak_year": years[int(np.argmax(spend[j]))], "budget_cap_musd": caps.get(pid)}
                     for j, pid in enumerate(partners)},
        "spend_by_year_musd": {pid: [float(v) for v in spend[j]] for j, pid in enumerate(partners)},
        "over_cap": envelope_violations(prob, partners, years, caps),
        "fleet_flight_rate_excess": fleet,
        "destinations": destinations,
        "optimization": result,
    }


def run_integrated(path: str | Path, output_dir: str | Path | None = None, optimize: bool = False,
                   progress: bool = False) -> tuple[dict, Path]:
    """Evaluate (or optimize) the architecture and each scenario; writes ``integrated.json`` and
    ``integrated_by_year.csv`` (each complete or absent). Raises :class:`InfeasibleError` after
    writing when the architecture as specified cannot meet its rules. ``progress``: a bar on
    stderr, one step per scenario, naming the scenario and the optimizer's start."""
    from tqdm import tqdm

    from trades.fileio import output_folder
    from trades.analyses.run import _output_folder

    spec = load_integrated(path)
    with output_folder(_output_folder(output_dir, Path(path)), writes=("integrated.json", "integrated_by_year.csv")) as out:  # checked before computing
        bar = tqdm(total=1 + len(spec.scenarios), desc="integrated", unit="scenario", disable=not progress)
        tell = lambda text: bar.set_postfix_str(text, refresh=True)  # noqa: E731
        try:
            results = []
            for scenario in (None, *spec.scenarios):
                tell(scenario.name if scenario else BASE_SCENARIO)
                results.append(evaluate(spec, scenario, optimize, tell=tell))
                bar.update()
            if optimize:
                results[0] = _retry_from_restrictions(spec, results, tell)
        finally:
            bar.close()
        for r in results:
            if r.get("optimization"):
                r["optimization"].pop("state")
        report = {"name": spec.name, "file": str(path), "evaluation": "optimize" if optimize else "run", "scenarios": results}
        atomic_write(out / "integrated_by_year.csv", lambda tmp: tmp.write_text(_csv_text(results), encoding="utf-8"))
        atomic_write(out / "integrated.json", lambda tmp: tmp.write_text(json.dumps(report, indent=2, allow_nan=False), encoding="utf-8"))
    base = results[0]
    if base["status"] != "ok":
        broken = base.get("broken_rules") or [base["reason"]]
        lines = [f"{path}: the architecture as specified breaks {len(broken)} rule(s) (its tables above; outputs kept in {out}/):"]
        for rule in broken:
            lines += [f"  - {rule}", f"    to relax: {_relief(rule)}"]
        raise BrokenRulesError(lines, report, out)
    return report, out


def _relief(rule: str) -> str:
    """Which change would relax a broken rule of the architecture."""
    from trades.analyses.optimize_rules import relief

    if rule.startswith("fleet: flight rate of "):
        vehicle = rule.split()[4].rstrip(":")
        return (f"fly fewer {vehicle} launches at some destination (members[].rotations_per_year, crew_vehicle or cargo_vehicle, "
                f"with their sources), or override launch_vehicles.{vehicle}.max_flights_per_year with its source")
    return relief(rule.split(": ", 1)[1] if rule.split(": ", 1)[0].isidentifier() else rule)


def _retry_from_restrictions(spec: IntegratedArchitecture, results: list[dict], tell=None) -> dict:
    """The architecture as specified, optimized again from the optimum of each scenario that
    only adds barred pairs, when that optimum is cheaper: such a design meets every rule of the
    architecture too, so the optimizer's local optimum was not the best one. Returns the better
    result, which says which start it came from."""
    base = results[0]
    if not base.get("optimization"):
        return base
    better = [
        (f"optimum of scenario '{r['scenario']}'", r["optimization"]["state"])
        for s, r in zip(spec.scenarios, results[1:])
        if s.launch_policy in (None, spec.launch_policy) and r["status"] == "ok"
        and (base["status"] != "ok" or r["total_life_cycle_cost_musd"] < base["total_life_cycle_cost_musd"] * (1 - 1e-7))
    ]
    if not better:
        return base
    retried = evaluate(spec, None, True, first_starts=better, tell=tell)
    rank = lambda r: (r["status"] != "ok", r["total_life_cycle_cost_musd"])  # noqa: E731
    return retried if rank(retried) <= rank(base) else base


def _csv_text(results: list[dict]) -> str:
    from trades.escape import csv_row

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["scenario", "partner", "year", "pays_musd", "budget_cap_musd"])
    for r in results:
        for pid, row in r.get("spend_by_year_musd", {}).items():
            for year, value in zip(r["years"], row):
                cap = r["partners"][pid]["budget_cap_musd"]
                # scenario names and ids come from files: no cell may start a spreadsheet formula
                writer.writerow(csv_row([r["scenario"], pid, year, f"{value:.6f}", "" if cap is None else cap]))
    return buffer.getvalue()


def format_integrated(report: dict) -> str:
    """The side-by-side table of the scenarios."""
    out = io.StringIO()
    p = lambda *a: print(*a, file=out)  # noqa: E731
    p(f"Integrated architecture: {report['name']} ({report['evaluation']})")
    first = next((r for r in report["scenarios"] if "partners" in r), None)
    if first is None:
        for r in report["scenarios"]:
            p(f"  {r['scenario']}: {r['status']}: {r['reason']}")
        return out.getvalue()
    partners, destinations = list(first["partners"]), list(first["destinations"])
    # columns as wide as their names: a destination or partner id is never cut (issue 21 item 8)
    sw = max([28] + [len(r["scenario"]) for r in report["scenarios"]])
    dw = {d: max(12, len(d)) for d in destinations}
    pw = {pid: max(9, len(pid)) for pid in partners}
    p(f"{'scenario':<{sw}} {'total':>10} " + " ".join(f"{d:>{dw[d]}}" for d in destinations) + " "
      + " ".join(f"{pid:>{pw[pid]}}" for pid in partners) + f" {'P(success)':>10}  [{first['currency']}; partners: paid over the campaign]")
    for r in report["scenarios"]:
        if "partners" not in r:
            p(f"{r['scenario']:<{sw}} {r['status']}: {r['reason']}")
            continue
        p(f"{r['scenario']:<{sw}} {r['total_life_cycle_cost_musd']:>10,.0f} "
          + " ".join(f"{r['destinations'][d]['life_cycle_cost_musd']:>{dw[d]},.0f}" for d in destinations) + " "
          + " ".join(f"{r['partners'][pid]['paid_musd']:>{pw[pid]},.0f}" for pid in partners)
          + f" {_probability(r.get('mission_success_probability')):>10}" + ("" if r["status"] == "ok" else f"  INFEASIBLE: {r['reason']}"))
    for r in report["scenarios"]:
        if r.get("over_cap") and r.get("optimization") is None:  # a run: caps are the optimizer's constraints
            more = f" and {len(r['over_cap']) - 2} more" if len(r["over_cap"]) > 2 else ""
            p(f"Over a budget envelope ({r['scenario']}, at the studies' designs): {'; '.join(r['over_cap'][:2])}{more}")
        for excess in r.get("fleet_flight_rate_excess", []):
            p(f"Fleet ({r['scenario']}, all destinations together, a rule): {excess}")
        if mission_success_line(r):
            p(mission_success_line(r))
        if "partners" in r:
            launches = "; ".join(f"{d}: " + ", ".join(f"{n} {v}" for v, n in r["destinations"][d]["launches_by_vehicle"].items() if n) for d in destinations)
            p(f"Launches ({r['scenario']}): {launches}")
    for d in destinations:  # what the destination's own run would say (the same for every scenario but launch)
        for note in first["destinations"][d]["notes"]:
            p(f"Note ({d}): {note}")
    return out.getvalue()


def _probability(value) -> str:
    """A probability for the table ('-' when the scenario has none, e.g. a report written before issue 20)."""
    return "-" if value is None else f"{value:.4f}"

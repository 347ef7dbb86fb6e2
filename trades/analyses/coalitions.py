"""``trades coalitions``: what each coalition of partners would pay to do the mission on its own,
fair shares of the grand coalition's cost, the core, and the cooperation dividend.

Every coalition ``S`` of the study's partners is optimized as its own study (the same objective,
design variables and rules). What S cannot provide it buys from the partners outside it at their
cost times ``coalitions.purchase_markup`` (``missing_capability: buy``, the default: outside
partners may then provide only what no member can and have no cap; the members split the
purchases as they choose, so their caps are pooled, :class:`~trades.architecture.costing.CostPlan`), or
S is charged ``penalty_musd`` (``missing_capability: penalty``). A coalition that cannot do the mission
within its members' capabilities, budget caps and rules is infeasible, with the reason, and is
charged ``penalty_musd`` or, by default, the cost of the costliest feasible coalition. Coalition
optimizations are independent and run in worker processes.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import textwrap
import time
from collections import OrderedDict
from pathlib import Path

import yaml

from trades.models import variables as var
from trades.analyses.ssa_scenarios import ssa_scenarios
from trades.analyses import games
from trades.analyses.coalition_budgets import budget_view, failure_causes, format_budget_view, label, start_spread
from trades.analyses.coalition_demand import demand_shares, unserved, zero_demand_record
from trades.analyses.coalition_study import coalition_study
from trades.analyses.coalition_symmetry import Symmetry
from trades.analyses.coalitions_leaving import partner_leaving
from trades.analyses.policy_outcomes import format_scenarios, mission_success, scenario_rows, standards_scenarios
from trades.errors import InfeasibleError, StudyErrors
from trades.study.demand_section import demand_game_errors
from trades.executor import default_workers, run_tasks
from trades.fileio import atomic_write
from trades.study.schema import Study, load_study, parse_study_text


# a worker's built problems by trades.analyses.optimize.reuse_key, the most recently used last: the
# coalitions of a game that buy what they lack under the contribution rule share the model's
# structure, so a worker builds one problem per set of rules; a fixed key or barred pairs make
# each coalition's model its own, so only the last few are kept
_BUILT_IN_WORKER: OrderedDict = OrderedDict()
KEPT_PROBLEMS = 8


def evaluate_coalition(study_text: str, file: str, members: tuple[str, ...], built: OrderedDict | None = None) -> dict:
    """Optimize one coalition (worker entry point: plain data in, plain data out), reusing a
    problem from ``built`` (default: this worker's) when one with its reuse key is there."""
    start = time.perf_counter()
    record = _coalition_record(_parsed(study_text, file), file, frozenset(members), _BUILT_IN_WORKER if built is None else built)
    record["seconds"] = time.perf_counter() - start
    return record


@functools.lru_cache(maxsize=2)
def _parsed(study_text: str, file: str) -> Study:
    """The game's study, parsed once per worker (read only: each coalition makes its own study)."""
    return parse_study_text(study_text, file)


def optimize_reusing(study: Study, file: str, built: OrderedDict) -> tuple:
    """:func:`trades.analyses.optimize.optimize` for a study, on a problem of ``built``
    (:func:`trades.analyses.optimize.reuse_key` to problem) aimed at it when one has its key, else on a
    new one kept there (at most ``KEPT_PROBLEMS``); returns ``(architecture, problem, result)``.
    Reused and new problems give the same optimum (tested on every coalition of the flagship);
    an OpenMDAO setup is saved each time (docs/performance.md)."""
    from trades.analyses.evaluate import rechosen_for_flight_rates
    from trades.analyses.optimize import check_optimizable, resolve_for_optimization, reuse_key, solve

    arch = resolve_for_optimization(study, file)
    prob = _problem_for(arch, built)
    rechosen = rechosen_for_flight_rates(study, file, arch, prob)
    if rechosen is not None:
        check_optimizable(rechosen)
        arch, prob = rechosen, _problem_for(rechosen, built)
    try:
        return arch, prob, solve(arch, prob)
    except Exception:
        built.pop(reuse_key(arch), None)  # its state is unknown
        raise


def _problem_for(arch, built: OrderedDict):
    """A problem of ``built`` aimed at ``arch`` (run at its design) when one has its key, else a new one kept there."""
    from trades.analyses.optimize import optimization_problem, reuse_key, reuse_optimization

    key = reuse_key(arch)
    try:
        prob = reuse_optimization(built[key], arch, key) if key in built else None
        if prob is None:
            prob = built[key] = optimization_problem(arch)
    except Exception:
        built.pop(key, None)
        raise
    built.move_to_end(key)
    while len(built) > KEPT_PROBLEMS:
        built.popitem(last=False)
    return prob


def _coalition_record(study: Study, file: str, members: frozenset[str], built: OrderedDict | None = None) -> dict:
    if (nothing := zero_demand_record(study, members)) is not None:
        return nothing
    record = {"members": sorted(members), "status": "ok", "reason": "", "cost_musd": None, "bought_musd": 0.0}
    try:
        arch, prob, result = optimize_reusing(coalition_study(study, members), file, OrderedDict() if built is None else built)
    except (InfeasibleError, StudyErrors) as exc:
        record.update(status="infeasible", reason=" ".join(str(exc).split())[:500])
        return record
    except Exception as exc:  # a bug, reported with the coalition rather than stopping the game
        record.update(status="error", reason=f"internal error: {type(exc).__name__}: {exc}"[:500])
        return record
    provided = prob.get_val(var.PROVIDED_TOTAL)
    record["design_cost_musd"] = result["optimum"]
    record["bought_musd"] = float(sum(v for pid, v in zip(arch.cost.partners, provided) if pid not in members))
    record["provided_musd"] = {pid: float(v) for pid, v in zip(arch.cost.partners, provided)}
    record["mission_success_probability"] = mission_success(arch, prob)["mission"]
    record["starts"], record["binding"] = result["starts"], result["binding_constraints"]  # the multi-start, documented
    if result["violations"]:
        record.update(status="infeasible", reason="breaks its rules: " + "; ".join(result["violations"][:3]))
    else:
        record["cost_musd"] = result["optimum"]
    return record


def charge_infeasible(study: Study, records: list[dict]) -> float | None:
    """Give every infeasible coalition its charge: ``penalty_musd`` when the study sets one, else
    the cost of the costliest feasible coalition (a coalition that cannot do the mission within its
    members' capabilities, budgets and rules is charged as much as the costliest way any coalition
    does it). Returns the charge (None when every coalition is feasible)."""
    infeasible = [r for r in records if r["status"] != "ok"]
    if not infeasible:
        return None
    feasible = [r["cost_musd"] for r in records if r["status"] == "ok"]
    charge = study.coalitions.penalty_musd if study.coalitions.penalty_musd is not None else (max(feasible) if feasible else None)
    if charge is None:
        raise InfeasibleError(f"{study._file}: no coalition can do the mission, not even all partners together: {infeasible[-1]['reason']}")
    for r in infeasible:
        r["cost_musd"] = charge
    return charge


def _fresh_worker() -> None:
    """Worker set-up: no built problem inherited from the parent process."""
    _BUILT_IN_WORKER.clear()


class CoalitionCosts:
    """Coalition records by member set: each coalition optimized once (in parallel processes or on a
    Dask ``client``, through :func:`trades.executor.run_tasks`) and, with a ``db``
    (:mod:`trades.analyses.coalition_store`), stored as it finishes; those already in ``db`` are not run again."""

    def __init__(self, study: Study, file: str, workers: int | None = None, progress: bool = True, client=None, db=None):
        from trades.analyses.coalition_store import stored_records

        self.study, self.file, self.client, self.db, self.progress = study, file, client, db, progress
        self.workers = workers or study.coalitions.workers or default_workers()
        self.text = yaml.safe_dump(study.model_dump(mode="json"), sort_keys=False)
        self.records: dict[frozenset, dict] = stored_records(db) if db is not None else {}
        self.built = OrderedDict()  # reused problems when the game runs in this process
        self.symmetry = Symmetry(study)  # one optimization per class of coalitions

    def evaluate(self, wanted) -> list[dict]:
        """The records of the ``wanted`` coalitions (in that order), optimizing the missing ones."""
        from tqdm import tqdm

        from trades.analyses.coalition_store import store_record

        wanted = [frozenset(s) for s in wanted]
        rep = {s: self.symmetry.representative(s) for s in wanted}
        work = list(dict.fromkeys(tuple(sorted(rep[s])) for s in wanted if s not in self.records and rep[s] not in self.records))
        if work:
            bar = tqdm(total=len(work), desc="coalitions", unit="opt", disable=not self.progress)
            local = self.workers == 1 and self.client is None

            def keep(task, record):
                self.records[frozenset(record["members"])] = record
                if self.db is not None:
                    store_record(self.db, record)
                bar.update()

            try:
                run_tasks(evaluate_coalition, [(self.text, self.file, members, self.built) if local else (self.text, self.file, members)
                                               for members in work],
                          keep, workers=self.workers, client=self.client, setup=_fresh_worker, total=len(work))
            finally:
                bar.close()
        for s in wanted:
            if s not in self.records:  # an interchangeable partner's coalition: the optimized one relabelled
                self.records[s] = self.symmetry.relabelled(self.records[rep[s]], s)
                if self.db is not None:
                    store_record(self.db, self.records[s])
        return [self.records[s] for s in wanted]


def characteristic_function(study: Study, file: str, workers: int | None = None, progress: bool = True, client=None, db=None) -> list[dict]:
    """Every coalition's record (members, status, cost, what it bought), the grand coalition last."""
    return CoalitionCosts(study, file, workers, progress, client, db).evaluate(games.coalitions([p.id for p in study.partners]))


def analyse(study: Study, records: list[dict]) -> dict:
    """Allocations, core membership, dividend and marginal values from the coalition records."""
    players = [p.id for p in study.partners]
    grand = frozenset(players)
    grand_record = next(r for r in records if frozenset(r["members"]) == grand)
    if grand_record["status"] != "ok":
        raise InfeasibleError(f"{study._file}: the grand coalition cannot do the mission: {grand_record['reason']}")
    unserved(study, records)  # a demand game charges nothing: a coalition that cannot serve its demand stops it
    charge = charge_infeasible(study, records)
    game = {frozenset(r["members"]): float(r["cost_musd"]) for r in records}
    allocations = {"shapley": games.shapley(players, game), "nucleolus": games.nucleolus(players, game)}
    provided = grand_record.get("provided_musd") or {}
    if provided and sum(provided.values()) > 0:
        allocations["proportional_to_contribution"] = games.proportional(players, game, provided)
    if study.cost_sharing.rule == "fixed_key":
        allocations["fixed_key"] = games.proportional(players, game, {p: study.cost_sharing.key.get(p, 0.0) for p in players})
    budgets = budget_view(study, players, game, allocations, grand_record)  # beside each partner's budget
    eps, _ = games.least_core(players, game)
    core = {}
    for name, allocation in allocations.items():
        check = games.core_check(players, game, allocation)
        core[name] = {"in_core": check.in_core, "would_leave": sorted(check.coalition), "excess_musd": check.excess}
    stand_alone = {p: game[frozenset([p])] for p in players}
    dividend_total = sum(stand_alone.values()) - game[grand]
    failures = games.subadditivity_failures(players, game)
    return {
        "partners": players,
        "objective": study.objective.name,
        "currency": f"MUSD {study.campaign.dollar_base_year}",
        "missing_capability": study.coalitions.missing_capability,
        "purchase_markup": study.coalitions.purchase_markup,
        "infeasible_charge_musd": charge,
        "grand_coalition_musd": game[grand],
        "stand_alone_musd": stand_alone,
        "allocations": allocations,
        "core_empty": eps > games.TOLERANCE * max(abs(game[grand]), 1.0),
        "least_core_epsilon_musd": eps,
        "core": core,
        **budgets,
        "demand": demand_shares(study),
        "start_spread": start_spread(records),
        "cooperation_dividend_musd": {"total": dividend_total, **{p: stand_alone[p] - allocations["shapley"][p] for p in players}},
        "marginal_value_musd": games.marginal_values(players, game),
        "subadditivity_failures": failure_causes(failures, {frozenset(r["members"]): r for r in records}),
        "coalitions": records,
    }


def scenario_studies(study: Study, bar: tuple[str, str] | None = None, interface_exponent: float = 0.25) -> list[tuple[str, Study]]:
    """The policy scenarios compared side by side: the study as given, the other launch policy,
    an interface standard that lowers the coordination exponent, and (when a pair is named) two
    partners barred from working together. A partner leaving mid-campaign is
    :func:`partner_leaving`."""

    def variant(edit) -> Study:
        data = study.model_dump(mode="json")
        edit(data)
        result = Study.model_validate(data)
        result._file, result._lines = study._file, study._lines
        return result

    other = "national" if study.launch.policy == "open_market" else "open_market"
    scenarios = [
        ("as given", study),
        (f"{other} launch", variant(lambda d: d["launch"].update(policy=other))),
        (f"interface standard (alpha {interface_exponent:g})", variant(lambda d: d["cost_sharing"].update(coordination_exponent=interface_exponent))),
    ]
    if bar is not None:
        scenarios.append((f"{bar[0]} and {bar[1]} barred", variant(lambda d: d["cost_sharing"]["barred_pairs"].append(list(bar)))))
    return scenarios + standards_scenarios(study, variant) + ssa_scenarios(study, variant)


def format_report(report: dict) -> str:
    out = io.StringIO()
    p = lambda *a: print(*a, file=out)  # noqa: E731
    players = report["partners"]
    p(f"Coalition game [{report['currency']}, objective {report['objective']}; missing capabilities: "
      f"{report['missing_capability']}" + (f" at x{report['purchase_markup']:g}" if report["missing_capability"] == "buy" else "") + "]")
    p(f"{'coalition':<28} {'cost':>11} {'bought':>9}  status")
    for r in report["coalitions"]:
        cost = "-" if r["cost_musd"] is None else f"{r['cost_musd']:,.0f}"
        status = r["status"] + (f": {r['reason']}" if r["reason"] else "")  # whole: a cut reason misleads (issue 21 item 8)
        lines = textwrap.wrap(status, 100, subsequent_indent=" " * 4) or [""]
        p(f"{'+'.join(r['members']):<28} {cost:>11} {r['bought_musd']:>9,.0f}  {lines[0]}")
        for line in lines[1:]:
            p(f"{'':<28} {'':>11} {'':>9}  {line}")
    names = list(report["allocations"])
    p(f"{'partner':<12} {'alone':>11} " + " ".join(f"{label(n):>15}" for n in names) + f" {'dividend':>10} {'marginal':>10}")
    for q in players:
        p(f"{q:<12} {report['stand_alone_musd'][q]:>11,.0f} " + " ".join(f"{report['allocations'][n][q]:>15,.0f}" for n in names)
          + f" {report['cooperation_dividend_musd'][q]:>10,.0f} {report['marginal_value_musd'][q]:>10,.0f}")
    p(f"{'core':<12} {'':>11} " + " ".join(f"{'yes' if report['core'][n]['in_core'] else 'no':>15}" for n in names))
    if report["infeasible_charge_musd"] is not None:
        p(f"Infeasible coalitions are charged {report['infeasible_charge_musd']:,.0f} "
          + ("(coalitions.penalty_musd)" if report["missing_capability"] == "penalty" else "(the costliest feasible coalition)"))
    p(f"Grand coalition {report['grand_coalition_musd']:,.0f}; cooperation dividend {report['cooperation_dividend_musd']['total']:,.0f} "
      f"(stand-alone costs summed minus the grand coalition's); core {'EMPTY' if report['core_empty'] else 'non-empty'} "
      f"(least-core epsilon {report['least_core_epsilon_musd']:,.1f})")
    out.write(format_budget_view(report))
    for n in names:
        c = report["core"][n]
        if not c["in_core"]:
            p(f"  {n}: {'+'.join(c['would_leave'])} would rather leave: it pays {c['excess_musd']:,.0f} more than on its own")
    for f in report["subadditivity_failures"]:
        p(f"  not subadditive: {'+'.join(f['coalition'])} with {'+'.join(f['with'])} costs {f['excess_musd']:,.0f} more together than apart: {f['cause']}")
    return out.getvalue()


def run_coalitions(study_path: str | Path, output_dir: str | Path | None = None, workers: int | None = None,
                   progress: bool = True, scenarios: bool = False, bar: tuple[str, str] | None = None,
                   interface_exponent: float = 0.25, leave: tuple[str, int | None] | None = None, method: str | None = None,
                   half_width: float | None = None, resume: bool = False, scheduler: str | None = None) -> tuple[dict, Path]:
    """Run the coalition analysis of a study file and write ``coalitions.csv`` and
    ``coalitions.json`` (each written whole or not at all); with ``scenarios``, also the policy
    scenarios (``report["scenarios"]``, in ``coalitions.json`` too); with ``leave`` (partner, year
    or None for mid-campaign), also that partner leaving mid-campaign (``report["leaving"]``).

    The game is exact or sampled (``method``, else ``coalitions.method``; sampled to ``half_width``,
    else ``coalitions.relative_half_width``: :mod:`trades.analyses.coalitions_sampled`). Each
    coalition's result goes to ``coalitions.sqlite`` as it finishes; ``resume`` reuses those of an
    interrupted game; ``scheduler`` runs the coalitions on a Dask cluster."""
    from trades.analyses.coalitions_sampled import use_sampling
    from trades.analyses.run import open_output_folder

    study_path = Path(study_path)
    study = load_study(study_path)
    digest = study.digest()
    from trades.architecture.checks import check_study

    check_study(study)
    problems = []
    if len(study.partners) < 2:
        problems.append(study.error(("partners",), "a coalition game needs at least two partners"))
    if study.objective.name not in ("life_cycle_cost", "npv_cost"):
        problems.append(study.error(("objective", "name"), f"coalitions split a cost: use life_cycle_cost or npv_cost, not '{study.objective.name}'"))
    if workers is not None and workers < 1:
        problems.append(study.error(("coalitions", "workers"), f"--workers {workers}: must be at least 1"))
    if half_width is not None and not 0 < half_width <= 1:
        problems.append(study.error(("coalitions", "relative_half_width"),
                                    f"--half-width {half_width:g}: must be positive and at most 1 (a fraction of the grand coalition's cost, e.g. 0.01)"))
    problems += [study.error(path, reason) for path, reason in demand_game_errors(study)]
    sampled = use_sampling(study, method)
    if sampled and (scenarios or leave is not None):
        problems.append(study.error(("coalitions", "method"), f"--scenarios and --leave play exact games: {len(study.partners)} partners "
                                    f"are sampled (at most coalitions.exact_max_partners = {study.coalitions.exact_max_partners} are exact; --method exact)"))
    if problems:
        raise StudyErrors(problems)
    if bar is not None:
        ids = [p.id for p in study.partners]
        unknown = [pid for pid in bar if pid not in ids]
        if unknown or bar[0] == bar[1]:
            raise StudyErrors([study.error(("partners",), f"--bar {bar[0]},{bar[1]}: needs two different partners of the study {ids}")])
    if leave is not None:
        ids, years = [p.id for p in study.partners], study.years
        partner, year = leave
        year = years[len(years) // 2] if year is None else year
        if partner not in ids:
            raise StudyErrors([study.error(("partners",), f"--leave {partner}: not a partner of the study {ids}")])
        if not years[0] < year <= years[-1]:
            raise StudyErrors([study.error(("campaign",), f"--leave {partner},{year}: the year must be after {years[0]} and at most {years[-1]}")])
        leave = (partner, year)
    from trades.analyses.coalition_store import DATABASE

    client = _dask_client(scheduler) if scheduler else None  # bad input before anything is written
    with open_output_folder(output_dir, study_path, digest, ("coalitions.json",), ("coalitions.csv", DATABASE)) as out:
        try:
            report = {**_game(study, str(study_path), out / DATABASE, sampled, workers, progress, client, resume, half_width),
                      "study_sha256": digest}
        finally:
            if client is not None:
                client.close()
        if scenarios:
            compared = [("as given", report)]
            failed = []
            for name, variant in scenario_studies(study, bar, interface_exponent)[1:]:
                try:
                    compared.append((name, analyse(variant, characteristic_function(variant, str(study_path), workers, progress))))
                except InfeasibleError as exc:
                    failed.append({"scenario": name, "infeasible": " ".join(str(exc).split())})
            report["scenarios"] = scenario_rows(compared, failed)
            report["scenarios_table"] = format_scenarios(compared) + "".join(f"{f['scenario']}: INFEASIBLE: {f['infeasible']}\n" for f in failed)
        if leave is not None:
            report["leaving"] = partner_leaving(study, str(study_path), *leave)
        atomic_write(out / "coalitions.csv", lambda tmp: tmp.write_text(_csv(report["coalitions"]), encoding="utf-8"))
        atomic_write(out / "coalitions.json", lambda tmp: tmp.write_text(json.dumps(_jsonable(report), indent=2), encoding="utf-8"))
    return report, out


def _game(study: Study, file: str, database: Path, sampled: bool, workers, progress, client, resume, half_width) -> dict:
    """The exact or sampled game, every coalition stored in ``database`` as it finishes (removed
    again when the game has no answer: the grand coalition infeasible)."""
    from trades.analyses.coalition_store import open_store
    from trades.analyses.coalitions_sampled import sampled_game

    db = open_store(database, study, resume)
    try:
        costs = CoalitionCosts(study, file, workers, progress, client, db)
        if sampled:
            return sampled_game(study, costs, half_width, progress)
        records = [dict(r) for r in costs.evaluate(games.coalitions([p.id for p in study.partners]))]
        return {"method": "exact", **analyse(study, records)}
    except InfeasibleError:
        db.close()
        database.unlink(missing_ok=True)
        raise
    finally:
        db.close()


def _dask_client(address: str):
    from trades.analyses.sweep import _dask_client as client

    return client(address)


def _csv(records: list[dict]) -> str:
    from trades.escape import csv_row

    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["coalition", "size", "status", "cost_musd", "bought_musd", "reason"])
    for r in records:  # ids and reasons quote the study: no cell may start a spreadsheet formula
        writer.writerow(csv_row(["+".join(r["members"]), len(r["members"]), r["status"], r["cost_musd"], r["bought_musd"], r["reason"]]))
    return buf.getvalue()


def _jsonable(node):
    if isinstance(node, dict):
        return {str(k): _jsonable(v) for k, v in node.items()}
    if isinstance(node, (list, tuple)):
        return [_jsonable(v) for v in node]
    return node

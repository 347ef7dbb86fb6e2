"""`trades sweep` and `trades pareto`: the cases, results against independent runs, resume,
local workers, a real Dask cluster, bad requests."""

from __future__ import annotations

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import numpy as np
import pytest
import yaml

from trades.cli import main
from trades.analyses.pareto import non_dominated
from trades.study import parse_study_text
from trades.analyses.sweep_cases import cases, number_of_cases

FACTORS = [
    {"field": "outpost.water_closure", "range": [0.5, 0.9], "levels": 3},  # fast: set on a built problem
    {"field": "launch.policy", "values": ["open_market", "national"]},  # structural: one problem each
]


def _study(flagship, tmp_path, name="sweep.yaml", **sweep):
    data = yaml.safe_load(flagship.read_text())
    data.pop("design_variables")
    data["sweep"] = {"factors": FACTORS, "chunk_size": 2, **sweep}
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def _table(out):
    """The results table without the timing column, by case id."""
    with sqlite3.connect(out / "sweep.sqlite") as db:
        cursor = db.execute("SELECT * FROM cases ORDER BY case_id")
        names = [c[0] for c in cursor.description]
        return [tuple(v for n, v in zip(names, row) if n != "seconds") for row in cursor]


@pytest.fixture(scope="module")
def reference(flagship, tmp_path_factory):
    """The 6-case sweep, uninterrupted, in this process."""
    tmp = tmp_path_factory.mktemp("reference")
    path = _study(flagship, tmp)
    assert main(["sweep", str(path), "-o", str(tmp / "out"), "--workers", "1", "--format", "json", "--parquet"]) == 0
    return path, tmp / "out"


def test_full_factorial_cases_in_order(flagship, tmp_path):
    study = parse_study_text(_study(flagship, tmp_path).read_text(), "s.yaml")
    assert number_of_cases(study) == 6
    assert list(cases(study)) == [(w, p) for w in (0.5, 0.7, 0.9) for p in ("open_market", "national")]


@pytest.mark.parametrize("method", ["latin_hypercube", "sobol"])
def test_samplers_are_seeded_and_stratified(flagship, tmp_path, method):
    study = parse_study_text(_study(flagship, tmp_path, method=method, samples=16, seed=7).read_text(), "s.yaml")
    first, again = list(cases(study)), list(cases(study))
    assert first == again and len(first) == 16
    closure = np.array([c[0] for c in first])
    # each sixteenth of the range holds exactly one sample (Latin hypercube, and a scrambled
    # Sobol set of 2^4 points is stratified the same way in each dimension)
    assert sorted(((closure - 0.5) / 0.4 * 16).astype(int)) == list(range(16))
    assert {c[1] for c in first} == {"open_market", "national"}
    other = parse_study_text(_study(flagship, tmp_path, method=method, samples=16, seed=8).read_text(), "s.yaml")
    assert list(cases(other)) != first


def test_each_case_equals_an_independent_run(reference):
    """Every recorded case matches `trades run` of the study with the case's values written in
    (a new problem built from the file): the reused problem carries nothing over between cases."""
    path, out = reference
    rows = list(csv.DictReader((out / "sweep.csv").open()))
    assert [int(r["case_id"]) for r in rows] == list(range(6)) and all(r["status"] == "ok" for r in rows)
    from trades.analyses.evaluate import evaluate

    for row in (rows[5], rows[2]):  # national then open market: a problem switch in between
        data = yaml.safe_load(path.read_text())
        data.pop("sweep")
        data["outpost"]["water_closure"] = float(row["outpost.water_closure"])
        data["launch"]["policy"] = row["launch.policy"]
        _, prob = evaluate(parse_study_text(yaml.safe_dump(data), "case.yaml"), "case.yaml")
        assert float(row["life_cycle_cost_musd"]) == pytest.approx(float(prob.get_val("cost.partners.life_cycle_cost")[0]), rel=1e-12)
        assert float(row["mass_in_launch_orbit_kg"]) == pytest.approx(float(prob.get_val("campaign_launch_mass.campaign_launch_mass")[0]), rel=1e-12)
    summary = json.loads((out / "sweep_summary.json").read_text())
    assert summary["by_status"] == {"ok": 6}
    assert summary["best_case"]["life_cycle_cost_musd"] == min(float(r["life_cycle_cost_musd"]) for r in rows)


def test_fast_factors_that_change_the_structure_and_combinations_that_break_a_rule(flagship, tmp_path):
    """The ISRU rate is 0 in the flagship (no ISRU item in the problem): swept to 20 t/yr it must
    rebuild, and equal a fresh run. Stay x rotations above a year is invalid together although
    each value is valid alone: recorded invalid, the others computed (1.25 rotations a year break
    SLS's flight-rate limit: computed and recorded infeasible)."""
    path = _study(flagship, tmp_path, factors=[
        {"field": "outpost.isru.oxygen_production_t_per_year", "values": [0.0, 20.0]},
        {"field": "outpost.stay_days", "values": [60.0, 300.0]},
        {"field": "outpost.rotations_per_year", "values": [0.5, 1.25]},
    ])
    assert main(["sweep", str(path), "-o", str(tmp_path / "out"), "--workers", "1", "--format", "json"]) == 0
    rows = list(csv.DictReader((tmp_path / "out" / "sweep.csv").open()))
    for row in rows:
        stay, rotations = float(row["outpost.stay_days"]), float(row["outpost.rotations_per_year"])
        if stay * rotations > 365.25:
            assert row["status"] == "invalid" and "exceeds one year" in row["reason"], row
            continue
        if rotations > 1:  # some years need two SLS flights, one more than its limit: computed, recorded infeasible
            assert row["status"] == "infeasible" and row["reason"].startswith("flight rate of sls_block1"), row
            continue
        assert row["status"] == "ok", row
        data = yaml.safe_load(path.read_text())
        data.pop("sweep")
        data["outpost"]["isru"]["oxygen_production_t_per_year"] = float(row["outpost.isru.oxygen_production_t_per_year"])
        data["outpost"]["stay_days"], data["outpost"]["rotations_per_year"] = stay, rotations
        from trades.analyses.evaluate import evaluate

        _, prob = evaluate(parse_study_text(yaml.safe_dump(data), "case.yaml"), "case.yaml")
        assert float(row["life_cycle_cost_musd"]) == pytest.approx(float(prob.get_val("cost.partners.life_cycle_cost")[0]), rel=1e-12), row
    assert sum(r["status"] == "invalid" for r in rows) == 2  # 300 d x 1.25 at either ISRU rate


def test_a_case_over_a_flight_rate_limit_is_recorded_infeasible(flagship, tmp_path):
    """Two crew rotations a year need two SLS flights, its limit is one: the case is computed and
    recorded infeasible, naming the limit (a run of that study exits 3 with the same sentence)."""
    path = _study(flagship, tmp_path, factors=[{"field": "outpost.rotations_per_year", "values": [1.0, 2.0]}])
    assert main(["sweep", str(path), "-o", str(tmp_path / "out"), "--workers", "1", "--format", "json"]) == 0
    rows = {float(r["outpost.rotations_per_year"]): r for r in csv.DictReader((tmp_path / "out" / "sweep.csv").open())}
    assert rows[1.0]["status"] == "ok"
    assert rows[2.0]["status"] == "infeasible"
    assert rows[2.0]["reason"].startswith("flight rate of sls_block1: above its limit of 1 a year")


def test_parquet_types_hold_across_batches(reference, tmp_path):
    """A column empty (NULL) in the first batch and numbers later, exported one row per batch."""
    import pyarrow.parquet as pq

    from trades.analyses.sweep_store import export_parquet

    _, out = reference
    copy = tmp_path / "sweep.sqlite"
    copy.write_bytes((out / "sweep.sqlite").read_bytes())
    with sqlite3.connect(copy) as db:
        db.execute("UPDATE cases SET max_cap_use = NULL, status = 'error' WHERE case_id = 0")
    export_parquet(copy, tmp_path / "sweep.parquet", batch=1)
    table = pq.read_table(tmp_path / "sweep.parquet").to_pylist()
    assert table[0]["max_cap_use"] is None and isinstance(table[1]["max_cap_use"], float) and len(table) == 6


def test_parquet_export_matches_the_database(reference):
    import pyarrow.parquet as pq

    _, out = reference
    table = pq.read_table(out / "sweep.parquet").to_pylist()
    assert [r["case_id"] for r in table] == list(range(6))
    with sqlite3.connect(out / "sweep.sqlite") as db:
        costs = [v for (v,) in db.execute("SELECT life_cycle_cost_musd FROM cases ORDER BY case_id")]
    assert [r["life_cycle_cost_musd"] for r in table] == costs


def test_two_workers_give_the_same_table(reference, tmp_path):
    path, out = reference
    assert main(["sweep", str(path), "-o", str(tmp_path / "out"), "--workers", "2", "--format", "json"]) == 0
    assert _table(tmp_path / "out") == _table(out)


def test_interrupted_sweep_resumes_to_the_same_table(reference, tmp_path, monkeypatch, capsys):
    path, out = reference
    import trades.analyses.sweep as sweep

    original, calls = sweep.insert_cases, []

    def interrupt_after_two_chunks(*args):
        if len(calls) == 2:
            raise KeyboardInterrupt
        calls.append(1)
        original(*args)

    monkeypatch.setattr(sweep, "insert_cases", interrupt_after_two_chunks)
    assert main(["sweep", str(path), "-o", str(tmp_path / "out"), "--workers", "1"]) == 4
    assert "4 of 6 cases are kept" in capsys.readouterr().err
    assert len(_table(tmp_path / "out")) == 4
    assert not (tmp_path / "out" / "sweep.csv").exists()  # the export is written when the sweep is complete
    monkeypatch.setattr(sweep, "insert_cases", original)
    assert main(["sweep", str(path), "-o", str(tmp_path / "out"), "--workers", "1"]) == 2  # no silent restart
    assert "--resume" in capsys.readouterr().err
    assert main(["sweep", str(path), "-o", str(tmp_path / "out"), "--workers", "1", "--resume"]) == 0
    assert _table(tmp_path / "out") == _table(out)


def test_resume_refuses_a_changed_study(reference, tmp_path, capsys):
    path, out = reference
    data = yaml.safe_load(path.read_text())
    data["outpost"]["crew_size"] = 2
    changed = tmp_path / "changed.yaml"
    changed.write_text(yaml.safe_dump(data))
    target = tmp_path / "out"
    target.mkdir()
    (target / "sweep.sqlite").write_bytes((out / "sweep.sqlite").read_bytes())
    assert main(["sweep", str(changed), "-o", str(target), "--resume"]) == 2
    assert "the study changed since the sweep" in capsys.readouterr().err


def _kill_and_resume(path, out, kills: int, seed: int) -> None:
    """Run the sweep in a subprocess, SIGKILL it at random moments ``kills`` times, then finish
    with --resume; after each kill the database passes SQLite's integrity check."""
    rng = np.random.default_rng(seed)
    command = [sys.executable, "-m", "trades", "sweep", str(path), "-o", str(out), "--workers", "1", "--format", "json"]
    for _ in range(kills):
        resume = ["--resume"] if (out / "sweep.sqlite").exists() else []
        proc = subprocess.Popen(command + resume, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(1.0, 6.0))  # start-up (imports) takes a few seconds, then cases finish
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if (out / "sweep.sqlite").exists():
            with sqlite3.connect(out / "sweep.sqlite") as db:
                assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert not list(out.glob("*.csv.tmp*"))
    resume = ["--resume"] if (out / "sweep.sqlite").exists() else []
    assert subprocess.run(command + resume, capture_output=True).returncode == 0


def test_sweep_killed_with_sigkill_resumes_to_the_same_table(reference, tmp_path):
    path, out = reference
    _kill_and_resume(path, tmp_path / "out", kills=2, seed=1)
    assert _table(tmp_path / "out") == _table(out)


@pytest.mark.slow
def test_sweep_killed_ten_times_resumes_to_the_same_table(flagship, tmp_path):
    """Issue 10: at least ten SIGKILLs at random moments; a bigger sweep so kills land mid-run."""
    path = _study(flagship, tmp_path, method="latin_hypercube", samples=400)
    _kill_and_resume(path, tmp_path / "killed", kills=10, seed=2)
    assert main(["sweep", str(path), "-o", str(tmp_path / "whole"), "--workers", "1", "--format", "json"]) == 0
    assert _table(tmp_path / "killed") == _table(tmp_path / "whole")


def _start_dask(tmp_path):
    """A Dask scheduler and two single-thread workers (no nanny: a killed worker stays dead), each
    its own process on 127.0.0.1, as the README's cluster commands start them."""
    scheduler_file = tmp_path / "scheduler.json"
    log = (tmp_path / "dask.log").open("w")
    scheduler = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
                                  "--no-dashboard", "--scheduler-file", str(scheduler_file)], stdout=log, stderr=log)
    deadline = time.time() + 60
    while not scheduler_file.exists() and time.time() < deadline:
        time.sleep(0.1)
    workers = [subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", "--scheduler-file", str(scheduler_file),
                                 "--nthreads", "1", "--no-nanny", "--host", "127.0.0.1", "--no-dashboard"], stdout=log, stderr=log)
               for _ in range(2)]
    return json.loads(scheduler_file.read_text())["address"], scheduler, workers


def test_dask_cluster_on_loopback_with_a_worker_killed(flagship, tmp_path):
    """A real Dask scheduler and two worker processes on 127.0.0.1; one worker is killed while the
    sweep runs. No case is lost or duplicated and the table equals a local run's."""
    # optimized cases (about half a second each), one per task: the kill lands while most are to come
    path = _study(flagship, tmp_path, method="latin_hypercube", samples=16, chunk_size=1, evaluate="optimize")
    assert main(["sweep", str(path), "-o", str(tmp_path / "local"), "--workers", "1", "--format", "json"]) == 0
    address, scheduler, workers = _start_dask(tmp_path)
    killed = []

    def kill_one_worker_mid_sweep():
        database = tmp_path / "dask" / "sweep.sqlite"
        deadline = time.time() + 180
        while time.time() < deadline:
            try:
                with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:  # read-only: never creates it
                    recorded = db.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
                if recorded >= 2:
                    workers[0].send_signal(signal.SIGKILL)
                    killed.append(recorded)
                    return
            except sqlite3.Error:
                pass
            time.sleep(0.05)

    killer = threading.Thread(target=kill_one_worker_mid_sweep)
    killer.start()
    try:
        code = main(["sweep", str(path), "-o", str(tmp_path / "dask"), "--scheduler", address, "--format", "json"])
    finally:
        killer.join()
        for process in (*workers, scheduler):
            process.kill()
            process.wait()
    assert code == 0 and killed and killed[0] < 16  # killed while cases were still to come
    assert workers[0].returncode == -signal.SIGKILL
    table = _table(tmp_path / "dask")
    assert [row[0] for row in table] == list(range(16))
    # same cases, statuses and factors; optimized outputs agree to round-off (the workers' BLAS
    # runs one thread, this process's several: sums may be ordered differently)
    local = _table(tmp_path / "local")
    for row, expected in zip(table, local):
        assert [v for v in row if not isinstance(v, float)] == [v for v in expected if not isinstance(v, float)]
        assert [v for v in row if isinstance(v, float)] == pytest.approx([v for v in expected if isinstance(v, float)], rel=1e-9)


def test_optimize_each_case(flagship, tmp_path):
    """evaluate: optimize: each case is optimized on one reused problem and equals
    `trades optimize` of the case's study."""
    data = yaml.safe_load(flagship.read_text())
    data["design_variables"] = [{"name": "oxygen_closure"}]
    data["sweep"] = {"evaluate": "optimize", "factors": [{"field": "outpost.water_closure", "values": [0.6, 0.9]}]}
    path = tmp_path / "opt.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    assert main(["sweep", str(path), "-o", str(tmp_path / "out"), "--workers", "1", "--format", "json"]) == 0
    rows = list(csv.DictReader((tmp_path / "out" / "sweep.csv").open()))
    from trades.analyses.optimize import optimize

    data.pop("sweep")
    data["outpost"]["water_closure"] = 0.9
    _, _, result = optimize(parse_study_text(yaml.safe_dump(data), "case.yaml"), "case.yaml")
    assert rows[1]["status"] == ("ok" if not result["violations"] else "infeasible")
    assert float(rows[1]["life_cycle_cost_musd"]) == pytest.approx(result["optimum"], rel=1e-6)


@pytest.mark.parametrize("edit, args, fragment", [
    (lambda d: d.pop("sweep"), [], "sweep: the study has no sweep section"),
    (lambda d: d["sweep"]["factors"].append({"field": "outpost.oxygen_closure", "values": [0.5, 1.5]}), [],
     "sweep.factors[2].values[1]: 1.5 makes the study invalid: outpost.oxygen_closure: Input should be less than or equal to 1"),
    (lambda d: d["sweep"]["factors"].append({"field": "launch.cargo_vehicle", "values": ["falcon_heavy", "saturn_vi"]}), [],
     "sweep.factors[2].values[1]: 'saturn_vi' makes the study invalid: launch.cargo_vehicle"),
    (lambda d: d["sweep"]["factors"].append({"field": "partners", "values": [["nasa"], "nasa"]}), [],
     "sweep.factors[2].values[1]: a partners value is a non-empty list of partner ids"),
    (lambda d: d["sweep"]["factors"].append({"field": "partners", "values": [["nasa", "klingon"]]}), [],
     "sweep.factors[2].values[0]"),
    (lambda d: d.update(design_variables=[{"name": "water_closure"}], sweep={**d["sweep"], "evaluate": "optimize"}), [],
     "is a design variable the optimizer moves"),
    (lambda d: None, ["--workers", "0"], "--workers: 0: must be at least 1"),
    (lambda d: None, ["--scheduler", "notanaddress"], "--scheduler notanaddress: cannot connect to a Dask scheduler there"),
    (lambda d: d["sweep"]["factors"].append({"input": "cost.spend.crew_launch_price"}), [], "give either values"),
    (lambda d: d["sweep"]["factors"].append({"input": "cost.spend.crew_launch_price", "values": [-1.0]}), [], "numbers of at least 0"),
])
def test_sweeps_that_cannot_run(flagship, tmp_path, capsys, edit, args, fragment):
    data = yaml.safe_load(_study(flagship, tmp_path).read_text())
    edit(data)
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    assert main(["sweep", str(path), "-o", str(tmp_path / "out"), *args]) == 2
    err = capsys.readouterr().err
    assert fragment in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_cases_that_fail_are_recorded_and_the_sweep_goes_on(flagship, tmp_path):
    """A partner set without a crew vehicle cannot close: its cases are recorded infeasible with
    the reason; the other cases are computed."""
    data = yaml.safe_load(_study(flagship, tmp_path).read_text())
    data["sweep"]["factors"] = [{"field": "partners", "values": [["nasa", "esa"], ["esa", "jaxa"]]}]
    path = tmp_path / "partners.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    assert main(["sweep", str(path), "-o", str(tmp_path / "out"), "--workers", "1", "--format", "json"]) == 0
    rows = list(csv.DictReader((tmp_path / "out" / "sweep.csv").open()))
    assert [r["partners"] for r in rows] == ["nasa+esa", "esa+jaxa"]
    assert rows[0]["status"] == "ok" and rows[1]["status"] in ("invalid", "infeasible")
    assert "sls_block1" in rows[1]["reason"]


# ---- Pareto -------------------------------------------------------------------------------------

def _brute_force_front(values):
    n = len(values)
    return np.array([not any(np.all(values[j] <= values[i]) and np.any(values[j] < values[i]) for j in range(n) if j != i)
                     for i in range(n)])


def test_non_dominated_against_brute_force():
    rng = np.random.default_rng(0)
    for shape in [(50, 2), (80, 3), (30, 4)]:
        values = rng.integers(0, 6, size=shape).astype(float)  # small integers: ties and duplicates
        assert np.array_equal(non_dominated(values), _brute_force_front(values))


def test_non_dominated_by_hand():
    values = np.array([[1.0, 5.0], [2.0, 3.0], [3.0, 4.0], [4.0, 1.0], [2.0, 3.0]])
    assert non_dominated(values).tolist() == [True, True, False, True, True]  # (3, 4) is beaten by (2, 3)


def test_pareto_command_prints_and_plots(reference, tmp_path, capsys):
    _, out = reference
    plot = tmp_path / "front.svg"
    assert main(["pareto", str(out), "--objectives", "life_cycle_cost_musd:min,launches:min", "--plot", str(plot), "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    rows = list(csv.DictReader((out / "sweep.csv").open()))
    values = np.array([[float(r["life_cycle_cost_musd"]), float(r["launches"])] for r in rows])
    expected = sorted(int(rows[i]["case_id"]) for i in np.flatnonzero(_brute_force_front(values)))
    assert sorted(r["case_id"] for r in result["front"]) == expected
    svg = plot.read_text()
    assert "life cycle cost [MUSD] (min)" in svg and "launches [-] (min)" in svg and "Pareto front" in svg


@pytest.mark.parametrize("objectives, fragment", [
    ("life_cycle_cost_musd", "needs at least two objectives"),
    ("life_cycle_cost_musd:min,happiness:max", "'happiness' is not a column"),
    ("life_cycle_cost_musd:least,crew_days", "the sense is min or max"),
])
def test_pareto_bad_objectives(reference, capsys, objectives, fragment):
    _, out = reference
    assert main(["pareto", str(out), "--objectives", objectives]) == 2
    assert fragment in capsys.readouterr().err


def test_pareto_without_results(tmp_path, capsys):
    assert main(["pareto", str(tmp_path)]) == 2
    assert "no sweep results here" in capsys.readouterr().err
    junk = tmp_path / "sweep.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    assert main(["pareto", str(junk)]) == 2
    assert "not a sweep database" in capsys.readouterr().err

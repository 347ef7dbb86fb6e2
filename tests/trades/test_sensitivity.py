"""`trades sensitivity`: elasticities against finite differences, swings against independent
runs, Sobol indices against the Ishigami function's analytic values, bad parameters."""

from __future__ import annotations

import json

import numpy as np
import pytest
import yaml

from trades.cli import main
from trades.analyses.evaluate import evaluate
from trades.analyses.sensitivity import global_indices, local_elasticities
from trades.study import parse_study_text
from trades.analyses.sweep_cases import salib_sample


@pytest.fixture(scope="module")
def flagship_model(flagship):
    study = parse_study_text(flagship.read_text(), str(flagship))
    arch, prob = evaluate(study, str(flagship))
    return arch, prob


def test_elasticities_match_finite_differences(flagship_model):
    """Each of the ten largest elasticities (objective and every partner's payments) against a
    central difference of the whole input scaled by 1 +/- 1e-5, on a fresh run of the model."""
    arch, prob = flagship_model
    report = local_elasticities(arch, prob)
    y0 = report["value"]
    paid0 = prob.get_val("cost.partners.paid_total").copy()
    for row in report["parameters"][:10]:
        name = row["parameter"]
        base = np.array(prob.get_val(name))
        results = []
        for factor in (1 + 1e-5, 1 - 1e-5):
            prob.set_val(name, base * factor)
            prob.run_model()
            results.append((float(prob.get_val("cost.partners.life_cycle_cost")[0]), prob.get_val("cost.partners.paid_total").copy()))
        prob.set_val(name, base)
        prob.run_model()
        (y_up, paid_up), (y_down, paid_down) = results
        assert row["elasticity"] == pytest.approx((y_up - y_down) / (2e-5 * y0), rel=1e-4, abs=1e-7), name
        for j, pid in enumerate(arch.cost.partners):
            if paid0[j] > 0:
                assert row["partners"][pid] == pytest.approx((paid_up[j] - paid_down[j]) / (2e-5 * paid0[j]), rel=1e-4, abs=1e-7), (name, pid)


def test_elasticities_are_ranked_and_exclude_decisions(flagship_model):
    arch, prob = flagship_model
    rows = local_elasticities(arch, prob)["parameters"]
    sizes = [abs(r["elasticity"]) for r in rows]
    assert sizes == sorted(sizes, reverse=True)
    names = {r["parameter"] for r in rows}
    assert "cost.shares" not in names and not any("units_" in n for n in names)
    # the crew launch price scales the crew transport item exactly: its elasticity is that item's
    # share of the life-cycle cost (an independent reading from the summary)
    from trades.analyses.run import summarize

    summary = summarize(arch, prob)
    crew = next(i for i in summary["cost"]["items"] if i["item"] == "crew_transport")
    price = next(r for r in rows if r["parameter"] == "cost.spend.crew_launch_price")
    assert price["elasticity"] == pytest.approx(crew["bought_musd"] / summary["cost"]["life_cycle_cost_musd"], rel=1e-9)


def _ishigami(x, a=7.0, b=0.1):
    return np.sin(x[:, 0]) + a * np.sin(x[:, 1]) ** 2 + b * x[:, 2] ** 4 * np.sin(x[:, 0])


def test_sobol_indices_of_the_ishigami_function():
    """Analytic indices (a = 7, b = 0.1; Ishigami and Homma 1990, as tabulated by Saltelli et al.
    2008): S1 = 0.3139, 0.4424, 0; ST = 0.5576, 0.4424, 0.2437; the same sampling and analysis
    code the study path uses."""
    problem = {"num_vars": 3, "names": ["x1", "x2", "x3"], "bounds": [[-np.pi, np.pi]] * 3}
    x = salib_sample(problem, "saltelli", 2048, seed=1)
    indices = global_indices(problem, "saltelli", 2048, 1, _ishigami(x))
    for name, s1, st in (("x1", 0.3139, 0.5576), ("x2", 0.4424, 0.4424), ("x3", 0.0, 0.2437)):
        assert indices[name]["S1"] == pytest.approx(s1, abs=0.04)
        assert indices[name]["ST"] == pytest.approx(st, abs=0.04)
        assert indices[name]["S1_conf"] > 0


def test_morris_screening_of_the_ishigami_function():
    """x3 has no first-order effect but interacts with x1: its Morris sigma is large against its
    mu*; x2 acts alone (sigma small against mu*)."""
    problem = {"num_vars": 3, "names": ["x1", "x2", "x3"], "bounds": [[-np.pi, np.pi]] * 3}
    x = salib_sample(problem, "morris", 200, seed=2)
    indices = global_indices(problem, "morris", 200, 2, _ishigami(x))
    assert indices["x3"]["sigma"] > indices["x3"]["mu_star"]
    assert indices["x2"]["mu_star"] > indices["x3"]["mu_star"]


def _sensitivity_study(flagship, tmp_path, **section):
    data = yaml.safe_load(flagship.read_text())
    data.pop("sweep", None)
    data["sensitivity"] = {"parameters": [{"field": "outpost.stay_days", "low": 30, "high": 90},
                                          {"input": "cost.spend.crew_launch_price", "low": 0.5, "high": 2.0},
                                          # at most Orion's four seats: a larger crew needs two SLS launches a
                                          # rotation, beyond the flagship's one a year, and those cases are infeasible
                                          {"field": "outpost.crew_size", "low": 2, "high": 4}],
                           "samples": 8, **section}
    path = tmp_path / "sens.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path, data


def test_sensitivity_command(flagship, tmp_path, capsys):
    path, data = _sensitivity_study(flagship, tmp_path)
    out = tmp_path / "out"
    assert main(["sensitivity", str(path), "-o", str(out), "--workers", "1", "--format", "json"]) == 0
    report = json.loads((out / "sensitivity.json").read_text())
    swings = {s["parameter"]: s for s in report["swings"]["swings"]}
    # a swing end equals `trades run` of the study with that value written in (a new problem)
    for field, key, value in (("outpost.stay_days", "objective_low", 30.0), ("outpost.crew_size", "objective_high", 4)):
        edited = json.loads(json.dumps(data))
        edited.pop("sensitivity")
        section, name = field.split(".")
        edited[section][name] = value
        _, prob = evaluate(parse_study_text(yaml.safe_dump(edited), "edited.yaml"), "edited.yaml")
        assert swings[field][key] == pytest.approx(float(prob.get_val("cost.partners.life_cycle_cost")[0]), rel=1e-10)
    # the crew launch price is linear in the cost: its swing is its item's cost x (2 - 0.5)
    price = swings["scale:cost.spend.crew_launch_price"]
    elasticity = next(r for r in report["local"]["parameters"] if r["parameter"] == "cost.spend.crew_launch_price")["elasticity"]
    assert price["objective_high"] - price["objective_low"] == pytest.approx(1.5 * elasticity * report["local"]["value"], rel=1e-9)
    g = report["global"]
    assert g["method"] == "sobol" and g["cases"] == 8 * (3 + 2) and set(g["indices"]) == set(swings)
    # the crew launch price dominates the swings; it dominates the total Sobol indices too
    assert max(g["indices"], key=lambda n: g["indices"][n]["ST"]) == "scale:cost.spend.crew_launch_price"
    for kind in ("elasticities", "tornado", "global"):
        for fmt in ("png", "svg", "pdf"):
            assert (out / f"{kind}.{fmt}").stat().st_size > 1000
    # run again: the global sample is complete already, nothing is recomputed (the recorded rows,
    # timings included, are untouched) and the same indices come out
    import sqlite3

    def rows():
        with sqlite3.connect(out / "sensitivity_sweep" / "sweep.sqlite") as db:
            return db.execute("SELECT * FROM cases ORDER BY case_id").fetchall()

    before = rows()
    assert main(["sensitivity", str(path), "-o", str(out), "--workers", "1", "--format", "json"]) == 0
    assert json.loads((out / "sensitivity.json").read_text())["global"] == g and rows() == before
    # the study changed (another swing): the old sample is replaced, not refused
    data["sensitivity"]["parameters"][0]["high"] = 120
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    assert main(["sensitivity", str(path), "-o", str(out), "--workers", "1", "--format", "json"]) == 0
    assert json.loads((out / "sensitivity.json").read_text())["global"]["cases"] == 40


@pytest.mark.parametrize("parameter, fragment", [
    ({"field": "launch.policy"}, "is not a number ('open_market')"),
    ({"field": "outpost.isru.oxygen_production_t_per_year"}, "is 0 in the study: give low and high"),
    ({"field": "outpost.water_closure", "low": 0.5, "high": 1.5}, "sensitivity.parameters[0].high: 1.5 makes the study invalid"),
    ({"input": "cost.launch_price"}, "is not an input of the model"),
    ({"input": "cost.shares"}, "is moved by the optimizer"),
    ({"field": "outpost.stay_days", "low": 90, "high": 30}, "low 90 is not below high 30"),
    ({"field": "outpost.stay_days", "low": 30}, "give both low and high"),
])
def test_bad_sensitivity_parameters(flagship, tmp_path, capsys, parameter, fragment):
    data = yaml.safe_load(flagship.read_text())
    data["sensitivity"] = {"parameters": [parameter]}
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    assert main(["sensitivity", str(path), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert fragment in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_design_variables_are_not_swung_when_reoptimizing(flagship, tmp_path, capsys):
    data = yaml.safe_load(flagship.read_text())  # the flagship optimizes water_closure
    data["sensitivity"] = {"evaluate": "optimize", "parameters": [{"field": "outpost.water_closure", "low": 0.6, "high": 0.9}]}
    path = tmp_path / "dv.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    assert main(["sensitivity", str(path), "-o", str(tmp_path / "out")]) == 2
    assert "is a design variable the optimizer moves" in capsys.readouterr().err


def test_partner_leaving_uses_the_npv_objectives_undiscounted_total(flagship, tmp_path):
    """With npv_cost the optimum is a present value; the leaving comparison stays in campaign
    totals (undiscounted), so staying equals the sum of the yearly costs."""
    from trades.analyses.coalitions_leaving import partner_leaving

    data = yaml.safe_load(flagship.read_text())
    data["objective"] = {"name": "npv_cost"}
    data.pop("design_variables")
    study = parse_study_text(yaml.safe_dump(data), "npv.yaml")
    record = partner_leaving(study, "npv.yaml", "jaxa", 2036)
    assert record["staying_musd"] > record["grand_coalition_musd"]  # undiscounted total above the NPV
    assert record["extra_musd"] == pytest.approx(record["campaign_musd"] - record["staying_musd"])


def test_sensitivity_beside_an_optimum_says_which_design_it_is_centred_on(flagship, tmp_path, capsys):
    """Following the docs, `optimize -o X` then `sensitivity -o X` centred the analysis on the study's
    own design while the report showed the optimum, silently (issue: a new user's day, item 2)."""
    import json

    import yaml

    from trades.cli import main

    data = yaml.safe_load(flagship.read_text())
    data.pop("sensitivity"), data.pop("sweep")  # elasticities only: quick
    path = tmp_path / "flagship.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    out = tmp_path / "out"
    assert main(["optimize", str(path), "-o", str(out), "--format", "json"]) == 0
    optimum = json.loads(capsys.readouterr().out)["optimization"]["optimum"]
    assert main(["sensitivity", str(path), "-o", str(out)]) == 0
    text = capsys.readouterr().out
    design = json.loads((out / "sensitivity.json").read_text())["local"]["value"]
    assert abs(design - optimum) > 1.0  # the flagship's own design is not its optimum
    note = f"centred on the study's own design (life_cycle_cost {design:,.0f}), not on the optimum of trades optimize in this folder ({optimum:,.0f})"
    assert f"Note: this analysis is {note}" in text
    assert main(["report", str(out)]) == 0
    assert "This analysis is centred on the study&#x27;s own design" in (out / "report.html").read_text()


def test_sensitivity_lists_only_the_figures_it_wrote(tmp_path, capsys):
    """Without a sensitivity section only elasticities are computed: the command said it wrote
    tornado and global figures too (issue: a new user's day, item 8)."""
    from pathlib import Path

    from trades.cli import main

    study = Path(__file__).resolve().parents[2] / "studies" / "leo_station_after_iss.yaml"
    assert main(["sensitivity", str(study), "-o", str(tmp_path / "out")]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last == f"Outputs written to {tmp_path / 'out'}/ (sensitivity.json, elasticities .png .svg .pdf)"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "elasticities.pdf", "elasticities.png", "elasticities.svg", "sensitivity.json"]

"""trades cost-risk: the correlated lognormal sample, the samples' costs against direct
evaluations of the model, reproducibility across workers, bad input and interruption."""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest
import yaml

from trades.analyses.cost_risk import draw_multipliers
from trades.analyses.cost_risk_prices import PRICE_INPUTS
from trades.analyses.evaluate import evaluate
from trades.cli import main
from trades.models import variables as var
from trades.study import parse_study_text


def test_multipliers_have_median_one_the_sigmas_and_the_correlation():
    """Against the distribution's definition: ln k ~ N(0, sigma), corr(ln k_i, ln k_j) = rho."""
    sigmas = np.array([0.124, 0.173, 0.26])
    k = draw_multipliers(sigmas, 0.3, 40_000, seed=5)
    logs = np.log(k)
    assert np.median(k, axis=0) == pytest.approx(1.0, abs=0.01)
    assert logs.std(axis=0) == pytest.approx(sigmas, rel=0.02)
    corr = np.corrcoef(logs.T)[np.triu_indices(3, 1)]
    assert corr == pytest.approx([0.3, 0.3, 0.3], abs=0.02)
    assert np.array_equal(k, draw_multipliers(sigmas, 0.3, 40_000, seed=5))  # the seed decides the sample
    independent = np.corrcoef(np.log(draw_multipliers(sigmas, 0.0, 40_000, seed=5)).T)[0, 1]
    assert abs(independent) < 0.02


def _cost_risk(tmp_path, flagship, name, *args, section=None):
    path = flagship
    if section is not None:
        data = yaml.safe_load(flagship.read_text())
        data["cost_risk"] = section
        path = tmp_path / f"{name}.yaml"
        path.write_text(yaml.safe_dump(data, sort_keys=False))
    out = tmp_path / name
    return main(["cost-risk", str(path), "-o", str(out), "--format", "json", *args]), out


def test_samples_are_the_model_at_their_multipliers(flagship, tmp_path, capsys):
    """Each recorded sample, re-evaluated here by setting its multipliers on a problem built
    directly (not through the executor's chunks), gives the recorded costs; the point estimate is
    the study's own life-cycle cost; two workers give the same sample as one."""
    code, out = _cost_risk(tmp_path, flagship, "one", "--samples", "12", "--seed", "3", "--workers", "1")
    assert code == 0
    report = json.loads((out / "cost_risk.json").read_text())
    with open(out / "cost_risk_samples.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 12 and all(r["status"] == "ok" for r in rows)
    arch, prob = evaluate(parse_study_text(flagship.read_text(), str(flagship)), str(flagship))
    assert report["point_estimate"]["life_cycle_cost_musd"] == pytest.approx(float(prob.get_val(var.PARTNER_LIFE_CYCLE_COST)[0]), rel=1e-9)
    parts = [f"{e.name}_{p}_multiplier" for e in arch.cost.elements for p in var.ELEMENT_COST_PARTS[e.method]]
    assert sorted(parts) == sorted(k for k in rows[0] if k.endswith("_multiplier"))
    prices = {c: PRICE_INPUTS[c.removeprefix("price:")][0] for c in rows[0] if c.startswith("price:")}
    assert sorted(prices) == ["price:crew_transport_price", "price:launch_price"]  # the flagship buys no contract
    study_price = {c: np.array(prob.get_val(path)) for c, path in prices.items()}
    for row in (rows[0], rows[7], rows[-1]):
        for name in parts:
            prob.set_val(f"cost.rollup.{name}", float(row[name]))
        for column, path in prices.items():
            prob.set_val(path, study_price[column] * float(row[column]))
        prob.run_model()
        assert float(row["life_cycle_cost_musd"]) == pytest.approx(float(prob.get_val(var.PARTNER_LIFE_CYCLE_COST)[0]), rel=1e-9)
        for j, pid in enumerate(arch.cost.partners):
            assert float(row[f"paid_musd:{pid}"]) == pytest.approx(float(prob.get_val(var.PAID_TOTAL)[j]), rel=1e-9, abs=1e-6)
    p = report["life_cycle_cost"]["percentiles"]
    assert p["P50"] <= p["P70"] <= p["P80"]
    # the reserve is NASA's P70 budget less the point estimate: recomputed here from the samples
    point = report["point_estimate"]["life_cycle_cost_musd"]
    p70 = float(np.percentile([float(r["life_cycle_cost_musd"]) for r in rows], 70))
    assert report["reserve"]["level"] == "P70"
    assert report["reserve"]["life_cycle_cost_musd"] == pytest.approx(p70 - point, rel=1e-9, abs=1e-6)
    assert report["reserve"]["fraction_of_point_estimate"] == pytest.approx((p70 - point) / point, rel=1e-9, abs=1e-12)
    pid = next(iter(arch.cost.partners))
    paid70 = float(np.percentile([float(r[f"paid_musd:{pid}"]) for r in rows], 70))
    assert report["reserve"]["paid_by_partner_musd"][pid] == pytest.approx(paid70 - report["point_estimate"]["paid_by_partner"][pid], rel=1e-9, abs=1e-6)
    assert report["life_cycle_cost"]["sorted"] == sorted(round(float(r["life_cycle_cost_musd"]), 3) for r in rows)
    code, two = _cost_risk(tmp_path, flagship, "two", "--samples", "12", "--seed", "3", "--workers", "2")
    assert code == 0
    assert json.loads((two / "cost_risk.json").read_text())["life_cycle_cost"] == report["life_cycle_cost"]
    # a second analysis in the same process starts from the study's own multipliers, not from
    # those the first one's last sample left on the problem it keeps (a notebook's second call)
    code, again = _cost_risk(tmp_path, flagship, "again", "--samples", "12", "--seed", "3", "--workers", "1")
    assert code == 0
    assert json.loads((again / "cost_risk.json").read_text())["point_estimate"] == report["point_estimate"]
    assert main(["plot", str(out), "s_curve", "--formats", "png"]) == 0 and (out / "s_curve.png").is_file()
    assert main(["report", str(out)]) == 0
    assert "Cost risk" in (out / "report.html").read_text()


def test_tiny_sigmas_collapse_the_s_curve_on_the_point_estimate(flagship, tmp_path):
    """With every relationship's uncertainty overridden to 1e-9, every sample is the study itself."""
    tiny = {"sigma": 1e-9, "source": "test"}
    section = {"samples": 5, "overrides": {k: tiny for k in ("amcm", "crewed_space_system", "liquid_propulsion_module",
                                                                "expendable_stage_lh2", "expendable_stage_storable",
                                                                "crew_transport_price", "launch_price")}}
    code, out = _cost_risk(tmp_path, flagship, "tiny", "--workers", "1", section=section)
    assert code == 0
    report = json.loads((out / "cost_risk.json").read_text())
    point = report["point_estimate"]["life_cycle_cost_musd"]
    assert report["life_cycle_cost"]["percentiles"]["P80"] == pytest.approx(point, rel=1e-7)
    assert all(u["source"] == "study override: test" for u in report["uncertainties"])


@pytest.mark.parametrize("args, section, field", [
    (["--samples", "1"], None, "--samples"),
    (["--seed", "-2"], None, "--seed"),
    (["--workers", "0"], None, "--workers"),
    ([], {"overrides": {"transcost_magic": {"sigma": 0.2, "source": "a test"}}}, "cost_risk.overrides.transcost_magic"),
])
def test_bad_input_names_the_field_and_writes_nothing(flagship, tmp_path, capsys, args, section, field):
    code, out = _cost_risk(tmp_path, flagship, "bad", *args, section=section)
    assert code == 2
    err = capsys.readouterr().err
    assert f": {field}: " in err and "Traceback" not in err
    assert not out.exists() or not any(out.iterdir())


def test_interrupted_run_leaves_nothing(flagship, tmp_path, capsys, monkeypatch):
    import trades.analyses.cost_risk as cost_risk

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(cost_risk, "_run_samples", interrupted)
    code, out = _cost_risk(tmp_path, flagship, "stopped", "--samples", "4")
    assert code == 4
    assert not out.exists() or not any(out.iterdir())


def test_coverage_is_the_cost_each_uncertainty_multiplies(flagship):
    """Against a hand split of the flagship's own cost table: the crew-transport price covers the
    crew transport item's bought cost, the launch price every item's launch cost, the relationships
    the development (with wraps) and production of the relationship-costed items; operations none."""
    from trades.analyses.cost_risk import sample_study
    from trades.analyses.cost_summary import summarize_cost

    study = parse_study_text(flagship.read_text(), str(flagship))
    report, _ = sample_study(study, str(flagship), 2, 0, workers=1)
    arch, prob = evaluate(study, str(flagship))
    items = summarize_cost(arch, prob)["items"]
    lcc = report["point_estimate"]["life_cycle_cost_musd"]
    crew = sum(i["bought_musd"] for i in items if i["item"] == "crew_transport")
    launch = sum(i["launch_musd"] for i in items)
    hardware = sum(i["development_musd"] + i["wraps_musd"] + i["production_musd"] for i in items)
    operations = sum(i["operations_musd"] for i in items)
    by_group = report["coverage"]["by_group"]
    assert by_group["crew_transport_price"] == pytest.approx(crew / lcc, rel=1e-6)
    assert by_group["launch_price"] == pytest.approx(launch / lcc, rel=1e-6)
    assert by_group["relationships"] == pytest.approx(hardware / lcc, rel=1e-6)
    assert report["coverage"]["uncovered"] == pytest.approx(operations / lcc, rel=1e-6)
    assert operations > 0


def test_amcm_sigma_is_the_calculators_specification_deviation_times_ln_d():
    """Independent arithmetic: AMCM cost is proportional to d^S, so sd(S) = 0.0759 (manned habitat, in
    the public AMCM calculator's table) is 0.0759 ln(76.99939) = 0.3297 on ln cost; a type with no
    deviation (lunar rover, one data point) falls back to the catalog's cost_sigma."""
    from trades.analyses.cost_risk import amcm_sigma
    from trades.study.catalog import load_catalog

    amcm = load_catalog().entry("cost", "default")["amcm"]
    assert amcm_sigma(amcm, 2.13)[0] == pytest.approx(0.0759 * np.log(76.99939), abs=5e-4)
    assert amcm_sigma(amcm, 2.27)[0] == pytest.approx(0.0815 * np.log(76.99939), abs=5e-4)
    assert amcm_sigma(amcm, 2.14)[0] == amcm["uncertainty"]["cost_sigma"]


def test_flagship_description_states_its_s_curve(flagship, tmp_path):
    """The flagship's finding quotes the P70, the reserve and the point estimate's level of the default
    cost-risk run (1,000 samples, seed 0): they must be what the command computes."""
    code, out = _cost_risk(tmp_path, flagship, "flagship")
    assert code == 0
    report = json.loads((out / "cost_risk.json").read_text())
    assert (report["samples"], report["seed"]) == (1000, 0)
    description = " ".join(yaml.safe_load(flagship.read_text())["description"].split())
    p70, reserve = report["life_cycle_cost"]["percentiles"]["P70"], report["reserve"]
    assert (f"P70 at {p70 / 1000:.1f} billion, a reserve of {reserve['life_cycle_cost_musd'] / 1000:.1f} billion "
            f"({100 * reserve['fraction_of_point_estimate']:.1f} %)") in description
    assert f"sits at the S-curve's {100 * report['point_estimate']['confidence']:.0f} % level" in description

"""Launches a fleet can fly: flight-rate limits, crew vehicles rated for the destination, the
campaign's launch success (issue: 'Architectures that fly everything they need', item 4)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
import yaml

from trades.cli import main
from trades.errors import EXIT_INFEASIBLE
from trades.architecture.flight_rates import year_ranges
from trades.study.catalog import catalog_with_overrides

ROOT = Path(__file__).resolve().parents[2]
CNSA = ROOT / "studies" / "lunar_research_station_cnsa_roscosmos.yaml"


def _catalog():
    return catalog_with_overrides({}, lambda path, reason: None)


def _variant(flagship: Path, tmp_path: Path, edit) -> Path:
    data = yaml.safe_load(flagship.read_text())
    edit(data)
    path = tmp_path / "variant.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def test_every_vehicle_states_its_limit_and_every_crew_vehicle_its_reach():
    """Each catalog limit is sourced; the two planned Chinese vehicles without a published cadence
    have none (the run says so rather than inventing one)."""
    vehicles = _catalog().entries["launch_vehicles"]
    without = sorted(v for v, e in vehicles.items() if "max_flights_per_year" not in e)
    assert without == ["long_march_10", "long_march_9"]
    for vehicle, entry in vehicles.items():
        if "max_flights_per_year" in entry:
            assert entry["max_flights_per_year"]["unit"] == "1/year" and entry["max_flights_per_year"]["source"]
        if entry.get("crew_rated"):
            assert entry["crew_reach"]["value"] in ("leo", "lunar") and entry["crew_reach"]["source"], vehicle


#: Falcon Heavy limited to one flight a year (a vehicle named by the study)
ONE_HEAVY_A_YEAR = {"launch_vehicles": {"falcon_heavy": {"max_flights_per_year": {
    "value": 1, "unit": "1/year", "source": "test assumption: one Falcon Heavy a year"}}}}
#: Falcon 9, the flagship's cheapest vehicle per kg (its list price with the payload it buys),
#: limited to one flight a year: the deployment year then needs more than it can fly
ONE_FALCON9_A_YEAR = {"launch_vehicles": {"falcon9": {"max_flights_per_year": {
    "value": 1, "unit": "1/year", "source": "test assumption: one Falcon 9 a year"}}}}


def test_auto_cargo_leaves_out_a_vehicle_over_its_limit(tmp_path, flagship, capsys):
    """'auto' takes the next cheapest per kg that fits, and says so. Checked by hand from the
    busiest year's mass in LEO."""
    from trades.architecture.launch_prices import priced_payload_kg

    path = _variant(flagship, tmp_path, lambda d: d.update(overrides=ONE_FALCON9_A_YEAR))
    out = tmp_path / "out"
    assert main(["run", str(path), "-o", str(out), "--format", "json"]) == 0
    summary = json.loads((out / "summary.json").read_text())
    vehicles = _catalog().entries["launch_vehicles"]
    heaviest = max(r["mass_in_launch_orbit_kg"] for r in summary["per_year"])
    packing = 0.85  # the flagship's launch.packing_efficiency (schema default)
    assert math.ceil(heaviest / (priced_payload_kg(_catalog(), "falcon9") * packing)) > 1
    assert summary["cargo_vehicle"] != "falcon9"
    chosen = summary["cargo_vehicle"]
    assert max(r["launches_by_vehicle"][chosen] for r in summary["per_year"]) <= vehicles[chosen]["max_flights_per_year"]["value"]
    assert any("falcon9, the cheapest per kg, would break its flight-rate limit" in n for n in summary["notes"])
    assert summary["broken_launch_rules"] == []


def test_a_named_vehicle_over_its_limit_is_exit_3_and_keeps_the_outputs(tmp_path, flagship, capsys):
    def edit(d):
        d["launch"]["cargo_vehicle"] = "falcon_heavy"
        d["overrides"] = ONE_HEAVY_A_YEAR
    path = _variant(flagship, tmp_path, edit)
    out = tmp_path / "out"
    assert main(["run", str(path), "-o", str(out)]) == EXIT_INFEASIBLE
    err = capsys.readouterr().err
    summary = json.loads((out / "summary.json").read_text())  # the design's figures are kept
    busiest = max(summary["per_year"], key=lambda r: r["launches_by_vehicle"].get("falcon_heavy", 0))
    count = busiest["launches_by_vehicle"]["falcon_heavy"]
    over = [r["year"] for r in summary["per_year"] if r["launches_by_vehicle"].get("falcon_heavy", 0) > 1]
    assert (f"flight rate of falcon_heavy: above its limit of 1 a year (launch_vehicles.falcon_heavy.max_flights_per_year) "
            f"in {year_ranges(over)}; busiest {busiest['year']} with {count} launches, over by {count - 1}") in err
    assert "to relax: name another vehicle in launch" in err


def test_84_angara_launches_a_year_are_not_chosen():
    """The CNSA/Roscosmos study needed 84 Angara A5 launches in one year; Roscosmos's top production
    rate is about 8 a year, so 'auto' takes the cheapest vehicle that fits and says so."""
    from trades.analyses.evaluate import evaluate
    from trades.study import load_study

    arch, prob = evaluate(load_study(CNSA), str(CNSA))
    assert arch.cargo_vehicle != "angara_a5"
    assert any("angara_a5, the cheapest per kg, would break its flight-rate limit" in n for n in arch.notes)
    assert any(f"{arch.cargo_vehicle} has no published flight-rate limit" in n for n in arch.notes)


def test_a_required_launch_success_the_campaign_misses_is_exit_3(tmp_path, flagship, capsys):
    path = _variant(flagship, tmp_path, lambda d: d["launch"].update(min_all_launches_succeed=0.9))
    out = tmp_path / "out"
    assert main(["run", str(path), "-o", str(out)]) == EXIT_INFEASIBLE
    err = capsys.readouterr().err
    achieved = json.loads((out / "summary.json").read_text())["totals"]["all_launches_succeed_probability"]
    assert achieved < 0.9
    assert f"every launch succeeds with probability {achieved:.3g}, required 0.9, short by {0.9 - achieved:.3g}" in err


def test_launch_success_figures_by_hand(tmp_path, flagship):
    out = tmp_path / "out"
    assert main(["run", str(flagship), "-o", str(out), "--format", "json"]) == 0
    summary = json.loads((out / "summary.json").read_text())
    totals, vehicles = summary["totals"], _catalog().entries["launch_vehicles"]
    crew = summary["crew_vehicle"]

    def by_hand(vehicle):  # Laplace's rule on the catalog's record of 5 flights or more, else the default 0.95
        record = vehicles[vehicle].get("flights") or {}
        n, s = record.get("launches") or 0, record.get("successes") or 0
        return (s + 1) / (n + 2) if n >= 5 else 0.95
    r = {v: by_hand(v) for v in totals["launches_by_vehicle"]}
    n = totals["launches_by_vehicle"]
    assert crew != summary["cargo_vehicle"]  # else the crew vehicle's count would hold cargo launches too
    assert totals["all_launches_succeed_probability"] == pytest.approx(math.prod(r[v] ** n[v] for v in n), rel=1e-12)
    assert totals["expected_launch_failures"] == pytest.approx(sum(n[v] * (1 - r[v]) / r[v] for v in n))
    assert totals["some_crewed_launch_fails_probability"] == pytest.approx(1 - r[crew] ** n[crew])


def test_optimize_keeps_crews_within_the_sls_cadence(tmp_path, flagship):
    """With crew rotations free up to 4 a year and the cost per crew-day to minimize, more
    rotations spread the fixed costs: the optimizer goes as far as SLS's one flight a year."""
    def edit(d):
        d["design_variables"] = [{"name": "crew.rotations_per_year", "lower": 0.5, "upper": 4}]
        d["objective"] = {"name": "cost_per_crew_day"}
        d.pop("sweep", None), d.pop("sensitivity", None)
    path = _variant(flagship, tmp_path, edit)
    out = tmp_path / "out"
    assert main(["optimize", str(path), "-o", str(out), "--format", "json"]) == 0
    summary = json.loads((out / "summary.json").read_text())
    assert max(r["crew_rotations"] for r in summary["per_year"]) == pytest.approx(1.0, abs=1e-6)
    assert any(b.startswith("flight rate of sls_block1 (1 a year)") for b in summary["optimization"]["binding_constraints"])


def test_the_second_choice_gives_what_naming_that_vehicle_gives(flagship):
    """The re-chosen vehicle's inputs are set on the problem already built (same structure): the
    result must equal a fresh evaluation with that vehicle named."""
    from trades.analyses.evaluate import evaluate
    from trades.models import variables as var
    from trades.study import load_study

    study = load_study(flagship)
    auto_arch, auto = evaluate(study, str(flagship))
    named = study.model_copy(update={"launch": study.launch.model_copy(update={"cargo_vehicle": auto_arch.cargo_vehicle})})
    _, fresh = evaluate(named, str(flagship))
    for name in (var.CARGO_LAUNCHES, var.PARTNER_LIFE_CYCLE_COST, var.PRESENT_VALUE, var.ALL_LAUNCHES_SUCCEED):
        assert auto.get_val(name) == pytest.approx(fresh.get_val(name), rel=1e-12), name


def test_auto_with_no_vehicle_that_fits_keeps_the_outputs_and_is_exit_3(tmp_path, flagship, capsys):
    """Every limited vehicle held to one flight a year (a test assumption): 'auto' finds none that
    flies the flagship's cargo, so the run keeps its first choice (the cheapest per kg), writes the
    figures and exits 3 on the broken limit, and a note lists each vehicle's excess (issue 17, Bad
    input: 'the best design's figures kept')."""
    limited = {v: {"max_flights_per_year": {"value": 1, "unit": "1/year", "source": "test assumption: one flight a year"}}
               for v, e in _catalog().entries["launch_vehicles"].items() if "max_flights_per_year" in e}
    path = _variant(flagship, tmp_path, lambda d: d.update(overrides={"launch_vehicles": limited}))
    out = tmp_path / "out"
    assert main(["run", str(path), "-o", str(out)]) == EXIT_INFEASIBLE
    err = capsys.readouterr().err
    summary = json.loads((out / "summary.json").read_text())  # the design's figures are kept
    chosen = summary["cargo_vehicle"]
    busiest = max(r["launches_by_vehicle"].get(chosen, 0) for r in summary["per_year"])
    assert busiest > 1 and f"flight rate of {chosen}: above its limit of 1 a year" in err
    note = next(n for n in summary["notes"] if "no allowed vehicle can fly the campaign's launches" in n)
    assert f"{chosen} {busiest} in" in note and f"kept {chosen}, the cheapest per kg" in note


def test_a_study_adds_a_limit_the_catalog_lacks(tmp_path, capsys):
    """Long March 9 has no published cadence; the CNSA/Roscosmos study flies its cargo on it (14 in
    its deployment year). A study may give it a limit with its source (here 4 a year, a test
    assumption), and 'auto' then takes a vehicle within it."""
    def study(limit):
        data = yaml.safe_load(CNSA.read_text())
        if limit is not None:
            data["overrides"] = {"launch_vehicles": {"long_march_9": {"max_flights_per_year": limit}}}
        path = tmp_path / "limited.yaml"
        path.write_text(yaml.safe_dump(data, sort_keys=False))
        return path

    def run(limit):
        out = tmp_path / "out"
        assert main(["run", str(study(limit)), "-o", str(out), "--format", "json"]) == 0
        return json.loads((out / "summary.json").read_text())
    bad = study({"value": 1, "unit": "1/d", "source": "test"})
    assert main(["validate", str(bad)]) == 2
    assert "long_march_9.max_flights_per_year: a flight-rate limit the catalog lacks must be a positive value in unit 1/year" in capsys.readouterr().err
    unlimited = run(None)
    assert unlimited["cargo_vehicle"] == "long_march_9"
    assert max(r["launches_by_vehicle"]["long_march_9"] for r in unlimited["per_year"]) > 4
    limited = run({"value": 4, "unit": "1/year", "source": "test assumption"})
    assert limited["cargo_vehicle"] != "long_march_9"
    assert max(r["launches_by_vehicle"].get("long_march_9", 0) for r in limited["per_year"]) <= 4

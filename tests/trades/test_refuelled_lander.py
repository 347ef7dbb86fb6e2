"""Crew landers refuelled in orbit and bought per landing (Starship HLS; issue 17;
trades/architecture/refuelled_lander.py).

Hand counts: launches = landings x launches_per_landing (the catalog's 20, NASA's 'high teens' as
reported), landings one per crew rotation from the first crewed year; the price of a landing is the
HLS Option B award (1,150 MUSD of 2022, NASA's release of Nov 2022) in 2024 dollars with the catalog's
CPI-U; a purchase covering the crew lander (HLS Option A, one crewed landing) is not priced again.
"""

from __future__ import annotations

import copy
from pathlib import Path

import numpy as np
import pytest

from trades.study.catalog import load_catalog

ROOT = Path(__file__).resolve().parents[2]
FLAGSHIP = ROOT / "studies" / "lunar_south_pole_outpost.yaml"


def _cpi(year: int) -> float:
    return float(load_catalog().entry("cost", "default")["cpi_u"]["values"][year])


def _flagship_on_starship_hls(purchases=None):
    """The flagship study landing its crews in Starship HLS (one rotation a year, as the study flies)."""
    from trades.study.schema import load_study

    study = load_study(FLAGSHIP)
    study.transportation.crew_lander = "starship_hls"
    if purchases is not None:
        study.purchases = purchases
    return study


def _evaluate(study):
    from trades.analyses.evaluate import evaluate
    from trades.analyses.run import summarize

    arch, prob = evaluate(study, str(FLAGSHIP))
    return arch, prob, summarize(arch, prob)


@pytest.mark.parametrize("lander_vehicle, same", [("own", False), ("cargo", False), ("crew", False), ("crew", True)])
def test_vehicle_flights_partials(lander_vehicle, same):
    """The lander's launches join the flights of the vehicle they share, or make their own; the
    campaign's launch success is the product of the three streams'. Partials checked."""
    import openmdao.api as om
    from openmdao.utils.assert_utils import assert_check_partials

    from trades.models.launch import VehicleFlights

    n = 3
    prob = om.Problem(reports=False)
    prob.model.add_subsystem("v", VehicleFlights(num_years=n, crew_launches=True, same_vehicle=same, lander_vehicle=lander_vehicle))
    prob.setup(force_alloc_complex=True)
    cargo, crew, lander = np.array([2.0, 3.0, 1.0]), np.array([0.0, 1.0, 1.0]), np.array([0.0, 20.0, 20.0])
    prob.set_val("v.cargo_launches", cargo)
    prob.set_val("v.crew_launches", crew)
    prob.set_val("v.lander_launches", lander)
    prob.set_val("v.cargo_success_probability", 0.9)
    prob.set_val("v.crew_success_probability", 0.8)
    prob.set_val("v.lander_success_probability", 0.5)
    prob.run_model()
    assert prob.get_val("v.all_launches_succeed")[0] == pytest.approx(0.9 * 0.8 * 0.5)
    if lander_vehicle == "own":
        assert prob.get_val("v.lander_vehicle_flights") == pytest.approx(lander)
        assert prob.get_val("v.cargo_vehicle_flights") == pytest.approx(cargo)
    elif same:  # one vehicle flies all three
        assert prob.get_val("v.cargo_vehicle_flights") == pytest.approx(cargo + crew + lander)
        assert prob.get_val("v.crew_vehicle_flights") == pytest.approx(cargo + crew + lander)
    else:
        shared = f"v.{lander_vehicle}_vehicle_flights"
        assert prob.get_val(shared) == pytest.approx((cargo if lander_vehicle == "cargo" else crew) + lander)
    assert_check_partials(prob.check_partials(method="cs", out_stream=None), atol=1e-10, rtol=1e-10)


def test_launches_are_landings_times_launches_per_landing():
    """By hand: one landing a year from the first crewed year, 20 Starship launches each, in the
    launches by vehicle, their partner's count and the probability that every launch succeeds
    (Starship has no flight record: the study's default reliability, 0.95 unless the study says)."""
    study = _flagship_on_starship_hls()
    arch, prob, summary = _evaluate(study)
    k = load_catalog().value("elements", "starship_hls", "launches_per_landing")
    assert k == 20
    for row in summary["per_year"]:
        landings = study.outpost.rotations_per_year if row["year"] >= study.first_crewed_year else 0
        assert row["launches_by_vehicle"].get("starship", 0) == landings * k
        assert row["crew_landers_to_staging_kg"] == 0.0  # no mass counted for it: its provider flies it
    landings = sum(1 for y in study.years if y >= study.first_crewed_year) * study.outpost.rotations_per_year
    assert summary["totals"]["launches_by_vehicle"]["starship"] == landings * k
    assert summary["refuelled_lander"]["launches"] == landings * k
    assert "crew_lander" not in arch.stages
    r = study.launch.default_reliability
    without = summary["totals"]["all_launches_succeed_probability"] / r ** (landings * k)
    cargo_and_crew = 1.0
    for vehicle, count in summary["totals"]["launches_by_vehicle"].items():
        if vehicle != "starship":
            cargo_and_crew *= float(prob.get_val(f"launch_{'crew' if vehicle == arch.crew_vehicle else 'cargo'}.reliability")[0]) ** count
    assert without == pytest.approx(cargo_and_crew, rel=1e-12)
    assert any("its mass in the launch orbit is not counted" in n for n in arch.notes)
    assert any("launch success probability of starship: 0.950 (study assumption" in n for n in arch.notes)


def test_each_landing_is_priced_per_landing():
    """Each landing bought at the HLS Option B price, 1,150 MUSD of 2022 in 2024 dollars (CPI-U), in
    the landing's year, in the crew lander item's purchases; no hardware element of its own."""
    study = _flagship_on_starship_hls()
    arch, prob, summary = _evaluate(study)
    price = 1150.0 * _cpi(2024) / _cpi(2022)
    i = arch.cost.item_index("crew_lander")
    assert [e for e in arch.cost.elements if e.item == i] == []
    landings = np.array([1.0 if y >= study.first_crewed_year else 0.0 for y in study.years]) * study.outpost.rotations_per_year
    assert arch.cost.purchases[i] == pytest.approx(price * landings, rel=1e-12)
    item = next(x for x in summary["cost"]["items"] if x["item"] == "crew_lander")
    assert item["total_musd"] == pytest.approx(price * landings.sum(), rel=1e-9)
    assert any("bought as a service at" in n and "hls_spacex_option_b_2022" in n for n in arch.notes)


def test_a_covering_purchase_is_not_priced_again():
    """Buying HLS Option A (one crewed landing) and covering the crew lander: the campaign's first
    landing is not priced per landing, the later ones are; the award is paid once at its price."""
    from trades.study.purchases_section import Purchase

    study = _flagship_on_starship_hls([Purchase(contract="hls_spacex_option_a_2021", covers=["crew_lander"], source="a test")])
    arch, prob, summary = _evaluate(study)
    price = 1150.0 * _cpi(2024) / _cpi(2022)
    landings = np.array([1.0 if y >= study.first_crewed_year else 0.0 for y in study.years]) * study.outpost.rotations_per_year
    first = int(np.argmax(landings > 0))
    expected = price * landings
    expected[first] -= price  # Artemis III's landing: the award's
    assert arch.cost.purchases[arch.cost.item_index("crew_lander")] == pytest.approx(expected, rel=1e-12)
    items = {x["item"]: x for x in summary["cost"]["items"]}
    assert items["crew_lander"]["total_musd"] == pytest.approx(price * (landings.sum() - 1), rel=1e-9)
    assert items["purchase:hls_spacex_option_a_2021"]["total_musd"] == pytest.approx(2890.0 * _cpi(2024) / _cpi(2021), rel=1e-9)
    assert any("1 of the campaign's" in n and "not priced again" in n for n in arch.notes)


def test_the_artemis_like_landing_is_the_awards():
    """The Artemis-like study's one landing is Option A's: the crew lander item costs nothing beside it."""
    from trades.architecture.resolve import resolve
    from trades.study.schema import load_study

    path = ROOT / "studies" / "artemis_like_lunar_campaign.yaml"
    arch = resolve(load_study(path), str(path))
    assert arch.lander_launcher == "starship"
    assert not arch.cost.purchases[arch.cost.item_index("crew_lander")].any()


def test_priced_landings():
    """The first covered landings of the campaign, fractions carried over."""
    from trades.architecture.refuelled_lander import priced_landings

    assert priced_landings(np.array([0.0, 1.0, 1.0, 1.0]), 1.0) == pytest.approx([0.0, 0.0, 1.0, 1.0])
    assert priced_landings(np.array([0.5, 0.5, 0.5]), 0.75) == pytest.approx([0.0, 0.25, 0.5])
    assert priced_landings(np.array([1.0, 1.0]), 5.0) == pytest.approx([0.0, 0.0])


def test_a_lander_without_mass_or_refuelling_is_refused():
    """A crew lander with neither a gross mass nor launches per landing cannot be flown (the check
    the catalog's landers no longer reach: each has one or the other)."""
    from trades.architecture.checks import _element_errors

    catalog = load_catalog()
    catalog.entries = copy.deepcopy(catalog.entries)
    del catalog.entries["elements"]["starship_hls"]["launches_per_landing"]
    errors = _element_errors(_flagship_on_starship_hls(), catalog)
    assert any("has no mass in the catalog" in str(e) for e in errors)


def test_launches_over_the_launchers_limit_are_exit_3(tmp_path, capsys):
    """30 launches a landing (an override, one landing a year) on Starship's 25 a year: the run stops
    with exit code 3 (as for any vehicle over its limit), keeps its outputs, and says how much, that
    the launches are the refuelled lander's and how to relax it (by hand: 30 - 25 = 5 over, every
    crewed year)."""
    import json

    import yaml

    from trades.cli import main
    from trades.errors import EXIT_INFEASIBLE

    data = yaml.safe_load(FLAGSHIP.read_text())
    data["transportation"]["crew_lander"] = "starship_hls"
    data["overrides"] = {"elements": {"starship_hls": {"launches_per_landing": {
        "value": 30, "unit": "unitless", "source": "a test assumption: ten more than NASA's 'high teens'"}}}}
    path = tmp_path / "over.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    out = tmp_path / "out"
    assert main(["run", str(path), "-o", str(out)]) == EXIT_INFEASIBLE
    err = capsys.readouterr().err
    summary = json.loads((out / "summary.json").read_text())
    crewed = [r["year"] for r in summary["per_year"] if r["year"] >= data["outpost"]["first_crewed_year"]]
    assert all(r["launches_by_vehicle"]["starship"] == 30 for r in summary["per_year"] if r["year"] in crewed)
    assert (f"flight rate of starship: above its limit of 25 a year (launch_vehicles.starship.max_flights_per_year) "
            f"in {crewed[0]}-{crewed[-1]}; busiest {crewed[0]} with 30 launches, over by 5; "
            "30 a landing are the refuelled crew lander starship_hls's") in err
    assert "to relax: fly fewer landings a year (outpost.rotations_per_year)" in err
    assert "Traceback" not in err


def test_landings_are_whole_as_the_crews_are():
    """Half a rotation a year: a crew flies every other year, and each of its landings needs all its
    20 launches in that year (not 10 every year): the lander's launches per year are 20 times the
    crew launches of the same year (one SLS launch a rotation, four seats for four crew)."""
    study = _flagship_on_starship_hls()
    study.outpost.rotations_per_year = 0.5
    _, _, summary = _evaluate(study)
    for row in summary["per_year"]:
        launches = row["launches_by_vehicle"]
        assert launches.get("starship", 0) == 20 * launches.get("sls_block1", 0), row["year"]
    assert summary["totals"]["launches_by_vehicle"]["starship"] == 20 * summary["totals"]["launches_by_vehicle"]["sls_block1"]
    assert summary["totals"]["launches_by_vehicle"]["sls_block1"] == 7  # 2032-2044 every other year, from 2032


def test_auto_cargo_counts_the_landers_launches_on_a_shared_launcher():
    """Starship made the cheapest cargo vehicle (a test price of 10 MUSD) and limited to 20 a year
    (a test assumption): the one landing's 20 Starship launches fill it, so 'auto' must not choose
    Starship again for the cargo; it takes the next cheapest that fits."""
    import yaml

    from trades.study import parse_study_text

    path = ROOT / "studies" / "artemis_like_lunar_campaign.yaml"
    data = yaml.safe_load(path.read_text())
    data["launch"]["cargo_vehicle"] = "auto"
    data["overrides"] = {**data.get("overrides", {}), "launch_vehicles": {"starship": {
        "price": {"value": 10.0, "unit": "MUSD", "source": "test assumption: a cheap Starship"},
        "max_flights_per_year": {"value": 20, "unit": "1/year", "source": "test assumption"}}}}
    from trades.analyses.evaluate import evaluate
    from trades.analyses.run import summarize

    arch, prob = evaluate(parse_study_text(yaml.safe_dump(data), str(path)), str(path))
    summary = summarize(arch, prob)
    assert summary["cargo_vehicle"] != "starship"
    assert any("starship, the cheapest per kg, would break its flight-rate limit" in n for n in summary["notes"])
    assert max(r["launches_by_vehicle"].get("starship", 0) for r in summary["per_year"]) == 20

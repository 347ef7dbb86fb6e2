"""The cost plan of a study: vehicle prices, who may provide what, and the warm start."""

from __future__ import annotations

import math

import numpy as np
import pytest
import yaml

from trades.study.catalog import load_catalog
from trades.architecture.costing import price_per_kg
from trades.errors import InfeasibleError
from trades.architecture.resolve import resolve
from trades.study import parse_study_text


def _study(flagship, edit=None):
    data = yaml.safe_load(flagship.read_text())
    if edit:
        edit(data)
    return parse_study_text(yaml.safe_dump(data), "edited.yaml")


def test_auto_cargo_vehicle_is_cheapest_per_kg(flagship):
    """Among the NASA-ESA-JAXA-CSA vehicles with a price, Falcon 9 places a kg in LEO for the least
    once each price is paired with the payload it buys: 62 MUSD (2016 list price, booster recovered)
    for its reusable 15,100 kg at 85 % packing and a 526/530 success rate, against Falcon Heavy's
    331.8 MUSD (2021, what NASA paid for the PPE+HALO launch) for its expendable 63,800 kg at 12/13.
    CPI-U 2016 240.007, 2021 270.970, 2024 313.689 (BLS, as in the catalog)."""
    from trades.architecture.costing import launch_reliability

    study = _study(flagship)
    arch = resolve(study)
    assert arch.cargo_vehicle == "falcon9"
    falcon9 = 62.0 * 313.689 / 240.007 / (15100 * 0.85 * 526 / 530)
    assert arch.cost.launch_price_per_kg[0] == pytest.approx(falcon9, rel=1e-6)
    falcon_heavy = 331.8 * 313.689 / 270.970 / (63800 * 0.85 * 12 / 13)
    assert price_per_kg(study, arch.catalog, "falcon_heavy", launch_reliability(study, arch.catalog, "falcon_heavy")[0]) == pytest.approx(falcon_heavy, rel=1e-6)
    assert falcon9 < falcon_heavy


def test_items_and_eligibility(flagship):
    arch = resolve(_study(flagship))
    plan = arch.cost
    names = [i.name for i in plan.items]
    assert names == ["habitat", "life_support", "power", "cargo_transport", "crew_lander", "crew_transport", "operations"]
    eligible = {i.name: [p for p, ok in zip(plan.partners, i.eligible) if ok] for i in plan.items}
    assert eligible["habitat"] == ["nasa", "esa"]
    assert eligible["life_support"] == ["nasa", "esa", "jaxa"]
    assert eligible["crew_transport"] == ["nasa"]
    assert eligible["crew_lander"] == ["nasa"]  # the flagship's Altair: only NASA lists the crew_lander capability
    assert eligible["operations"] == ["nasa", "esa", "jaxa", "csa"]
    # warm start: ESA's cost factor 0.86 makes it the cheapest builder of what it can build
    assert plan.initial_shares[names.index("habitat")].tolist() == [0.0, 1.0, 0.0, 0.0]


def test_national_policy_prices_each_partner_on_its_own_vehicles(flagship):
    def national(d):
        d["launch"]["policy"] = "national"
        d["launch"]["cargo_vehicle"] = "auto"
    arch = resolve(_study(flagship, national))
    plan = arch.cost
    assert plan.launch_vehicle[plan.partners.index("esa")] == "ariane_64"
    assert math.isnan(plan.launch_price_per_kg[plan.partners.index("csa")])  # CSA has no launcher
    # so CSA may operate but not provide anything that must be launched
    eligible = {i.name: [p for p, ok in zip(plan.partners, i.eligible) if ok] for i in plan.items}
    assert "csa" in eligible["operations"]
    assert eligible["habitat"] == ["nasa", "esa"]


def test_no_partner_able_to_build_is_infeasible(flagship):
    def only_csa(d):
        d["partners"] = [{"id": "csa", "vehicles": ["falcon_heavy", "sls_block1"]}]  # CSA buying launches
        d["launch"]["crew_vehicle"] = "auto"
    with pytest.raises(InfeasibleError, match="can provide the habitat: it needs capability 'habitat'"):
        resolve(_study(flagship, only_csa))


def test_a_price_can_be_added_for_an_unpriced_vehicle(flagship):
    def starship(d):
        d["launch"]["cargo_vehicle"] = "starship"
        d["overrides"] = {"launch_vehicles": {"starship": {"price": {"value": 100.0, "unit": "MUSD", "source": "a test assumption"}}}}
    arch = resolve(_study(flagship, starship))
    assert arch.cost.missing_prices == []
    catalog = arch.catalog
    assert arch.cost.launch_price_per_kg[0] == pytest.approx(price_per_kg(arch.study, catalog, "starship", 0.95))


def test_unpriced_vehicle_is_reported_and_blocks_cost_optimization(flagship):
    from trades.errors import StudyErrors
    from trades.analyses.optimize_rules import check_optimizable

    def starship(d):
        d["launch"]["cargo_vehicle"] = "starship"
    arch = resolve(_study(flagship, starship))
    assert arch.cost.missing_prices == ["starship"]
    assert any("launch cost is INCOMPLETE" in n for n in arch.notes)
    with pytest.raises(StudyErrors, match="objective.name: 'life_cycle_cost' needs launch prices"):
        check_optimizable(arch)


def test_packaged_prices_convert_or_say_why():
    from trades.architecture.costing import vehicle_price_musd

    catalog = load_catalog()
    for vehicle, entry in catalog.entries["launch_vehicles"].items():
        price, why = vehicle_price_musd(catalog, vehicle, 2024)
        if entry.get("price"):
            assert price is not None or "cannot be converted" in why, vehicle
        else:
            assert price is None and "no published price" in why
    assert vehicle_price_musd(catalog, "sls_block1", 2024)[0] == pytest.approx(4100 * 313.689 / 270.970, rel=1e-9)


def test_shared_relay_is_an_item_costed_by_amcm(flagship):
    """Queqiao-2 (1,200 kg) as shared infrastructure: an AMCM planetary-spacecraft cost, one unit,
    provided by a partner with the relay capability (NASA or ESA here), launched in the deployment
    year for its own mass (it flies on from the launch orbit on its own propulsion)."""
    from trades.architecture.assemble import build_problem

    arch = resolve(_study(flagship, lambda d: d.update(shared_infrastructure=["queqiao_2"])))
    plan = arch.cost
    i = plan.item_index("relay:queqiao_2")
    assert [p for p, ok in zip(plan.partners, plan.items[i].eligible) if ok] == ["nasa", "esa"]
    prob = build_problem(arch)
    prob.run_model()
    w_lb = 1200.0 / 0.45359237
    amcm = 0.000504839 * w_lb**0.653948 * 76.99939**2.39 * 1.68051e-52 ** (1.0 / (2031 - 1900))  # FY1999 $M, Q = B = 1, D = 0
    # AMCM's quantity law C(Q) = C(1) Q^b splits it: development 2 C(1) - C(2), first unit C(2) - C(1)
    b = 0.594183
    assert prob.get_val("cost.rollup.development")[i] == pytest.approx(amcm * (2 - 2**b) * 313.689 / 166.6, rel=1e-6)
    assert prob.get_val("cost.rollup.first_unit")[i] == pytest.approx(amcm * (2**b - 1) * 313.689 / 166.6, rel=1e-6)
    assert prob.get_val("cost.launch_mass.leo_mass")[i].sum() == pytest.approx(1200.0)  # its own mass, in 2031


def test_schedule_reaches_back_and_study_wraps_are_used(flagship):
    """schedule.development_years puts the model's first year D years before deployment when the
    campaign starts later, and the development profile covers exactly those years; a study's wraps
    replace the catalog's zeros and name their source."""
    def edit(data):
        data["campaign"]["start_year"] = data["outpost"]["deploy_year"]
        data["schedule"] = {"development_years": 5}
        data["schedule"]["development_years_by_item"] = {"habitat": 7}
        data["wraps"] = {"reserves": 0.25}
        data.setdefault("input_sources", {})["wraps.reserves"] = "test value"

    study = _study(flagship, edit)
    deploy = study.deploy_year
    assert study.years[0] == deploy - 7 and study.years[-1] == study.campaign.start_year + study.campaign.num_years - 1
    plan = resolve(study).cost
    names = [i.name for i in plan.items]
    profile = plan.development_profile
    habitat, power = profile[names.index("habitat")], profile[names.index("power")]
    assert habitat[:7].sum() == pytest.approx(1.0) and not habitat[7:].any()  # its own seven years
    assert not power[:2].any() and power[2:7].sum() == pytest.approx(1.0) and not power[7:].any()  # the five before deployment
    fractions = dict(zip(plan.wrap_names, plan.wrap_fractions))
    assert fractions == {"systems_engineering_integration": 0.0, "test_flights": 0.0, "ground_systems": 0.0, "reserves": 0.25}
    assert "test value" in plan.wrap_sources[3]


def test_an_item_span_does_not_stretch_the_other_items(flagship):
    """Review of issue 18: power's ten years move the model's first year back to 2021, but the
    habitat, with no span of its own, still develops from campaign.start_year (2026) to the year
    before its 2031 deployment, as without the override."""
    def edit(data):
        data["schedule"] = {"development_years_by_item": {"power": 10}}

    study = _study(flagship, edit)
    assert study.years[0] == study.deploy_year - 10
    plan = resolve(study).cost
    names = [i.name for i in plan.items]
    habitat = plan.development_profile[names.index("habitat")]
    first = study.campaign.start_year - study.years[0]
    assert not habitat[:first].any() and habitat[first:first + study.deploy_year - study.campaign.start_year].sum() == pytest.approx(1.0)
    assert plan.development_profile[names.index("power")][:10].sum() == pytest.approx(1.0)


def test_class_durations_give_each_classed_item_its_published_span(flagship):
    """schedule.class_durations: the habitat and its life support take the space station's 14
    years (CRS testimony, 2001: programme began 1984, construction 1998), the crew lander the
    Apollo LM's 5 (NASA SP-4503: contract Nov 1962, first flight Jan 1968); power, of no class,
    keeps development_years (3); an item's own span still wins (the habitat at 6)."""
    def edit(data, own=None):
        data["schedule"] = {"development_years": 3, "class_durations": True}
        if own:
            data["schedule"]["development_years_by_item"] = own

    study = _study(flagship, edit)
    assert study.years[0] == study.deploy_year - 14
    plan = resolve(study).cost
    names = [i.name for i in plan.items]
    first_flight = study.years.index(study.deploy_year)

    def span(name):
        years = [y for y, f in zip(study.years, plan.development_profile[names.index(name)]) if f > 0]
        return years[0], years[-1]

    assert span("habitat") == (study.deploy_year - 14, study.deploy_year - 1)
    assert span("life_support") == (study.deploy_year - 14, study.deploy_year - 1)
    assert span("power") == (study.deploy_year - 3, study.deploy_year - 1)
    assert span("crew_lander") == (study.deploy_year - 5, study.deploy_year - 1)
    assert plan.development_profile[:, first_flight:].sum() == 0.0
    study = _study(flagship, lambda d: edit(d, {"habitat": 6}))
    plan = resolve(study).cost
    names = [i.name for i in plan.items]
    assert span("habitat") == (study.deploy_year - 6, study.deploy_year - 1)
    assert span("life_support") == (study.deploy_year - 14, study.deploy_year - 1)


def test_an_unknown_item_in_the_schedule_is_named(flagship):
    from trades.errors import StudyErrors

    def edit(data):
        data["schedule"] = {"development_years_by_item": {"habitats": 6}}

    with pytest.raises(StudyErrors, match=r"schedule.development_years_by_item.habitats.*'habitats' is not a cost item"):
        resolve(_study(flagship, edit))

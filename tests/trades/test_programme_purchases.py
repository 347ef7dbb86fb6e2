"""Contracts a programme buys beside its cost items (the study's ``purchases``;
trades/architecture/programme_purchases.py, wip-artemis, issue 18). Expected prices are worked by hand
from the contracts' announced figures and the BLS CPI-U annual averages the catalog holds (2019
255.657, 2021 270.970, 2022 292.655, 2024 313.689); the payment phasing from the Beta(2, 2.488)
S-curve's CDF (scipy, an independent implementation of the profile's definition)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml
from scipy import stats

from trades.analyses.cost_summary import summarize_cost
from trades.architecture.assemble import build_problem
from trades.architecture.programme_purchases import payment_profile
from trades.architecture.resolve import resolve
from trades.errors import StudyErrors
from trades.models import variables as var
from trades.study import parse_study_text

CPI = {2019: 255.657, 2021: 270.970, 2022: 292.655, 2024: 313.689}


def _study(path, purchases, edit=None):
    data = yaml.safe_load(Path(path).read_text())
    data["purchases"] = purchases
    if edit:
        edit(data)
    return parse_study_text(yaml.safe_dump(data), "edited.yaml")


def test_cpi_values_are_the_catalogs():
    from trades.study.catalog import load_catalog

    values = load_catalog().entry("cost", "default")["cpi_u"]["values"]
    for year, value in CPI.items():
        assert float(values[year]) == pytest.approx(value, abs=5e-4)


def test_payment_profile_from_award_to_the_year_before_deployment():
    years = list(range(2012, 2026))
    profile = payment_profile(years, 2025, 2021, 2.0, 2.488)
    edges = stats.beta.cdf(np.linspace(0, 1, 5), 2.0, 2.488)  # 2021, 2022, 2023, 2024
    assert profile[:9] == pytest.approx(np.zeros(9), abs=0.0)
    assert profile[9:13] == pytest.approx(np.diff(edges), rel=1e-12)
    assert profile[13] == 0.0 and profile.sum() == pytest.approx(1.0)
    # awarded in the deployment year or later: paid in the award year; before the model: from its first year
    late = payment_profile(years, 2020, 2022, 2.0, 2.488)
    assert late[10] == 1.0 and late.sum() == 1.0
    early = payment_profile(years, 2016, 2005, 2.0, 2.488)
    assert early[:4] == pytest.approx(np.diff(stats.beta.cdf(np.linspace(0, 1, 5), 2.0, 2.488)), rel=1e-12)


def test_purchases_are_paid_as_quoted_and_add_to_the_life_cycle_cost(flagship):
    """The HLS award (2,890 MUSD 2021) and the xEVAS task order (228.5 MUSD 2022, twice) bought by the
    flagship: each a cost item paid in the 'bought' column, nothing else moves; the HLS names its overlap
    with the architecture's own crew lander."""
    base = resolve(_study(flagship, []))
    arch = resolve(_study(flagship, [{"contract": "hls_spacex_option_a_2021", "source": "test"},
                                     {"contract": "xevas_axiom_artemis3_2022", "units": 2, "source": "test"}]))
    hls, suits = arch.cost.item_index("purchase:hls_spacex_option_a_2021"), arch.cost.item_index("purchase:xevas_axiom_artemis3_2022")
    assert arch.cost.purchases[hls].sum() == pytest.approx(2890.0 * CPI[2024] / CPI[2021], rel=1e-6)
    assert arch.cost.purchases[suits].sum() == pytest.approx(2 * 228.5 * CPI[2024] / CPI[2022], rel=1e-6)
    assert any("overlap" in n and "crew_lander" in n for n in arch.notes if "hls_spacex_option_a_2021" in n)
    before, after = build_problem(base), build_problem(arch)
    before.run_model()
    after.run_model()
    bought = after.get_val(var.BOUGHT)
    assert bought[hls].sum() == pytest.approx(arch.cost.purchases[hls].sum(), rel=1e-9)
    lcc = lambda p: float(p.get_val(var.PARTNER_LIFE_CYCLE_COST)[0])  # noqa: E731
    assert lcc(after) == pytest.approx(lcc(before) + arch.cost.purchases[[hls, suits]].sum(), rel=1e-9)


@pytest.mark.parametrize("purchases, where, reason", [
    ([{"contract": "nobody_2030", "source": "test"}], r"purchases\[0\]\.contract", "unknown contract 'nobody_2030'"),
    ([{"contract": "gateway_ppe_maxar_2019", "source": "test"}] * 2, r"purchases\[1\]\.contract", "listed twice"),
    ([{"contract": "hls_blue_origin_2023", "source": "test"}], r"purchases\[0\]\.contract", "after the campaign's last year 2022"),
])
def test_bad_purchases_name_the_field(purchases, where, reason):
    study = Path(__file__).resolve().parents[2] / "studies" / "artemis_like_lunar_campaign.yaml"

    def shorten(data):
        data["campaign"]["num_years"] = 11  # 2012-2022
        data["outpost"]["deploy_year"] = data["outpost"]["first_crewed_year"] = 2022
        data["input_sources"] = {}
    with pytest.raises(StudyErrors, match=where + ".*" + reason):
        resolve(_study(study, purchases, shorten))


def test_a_purchase_that_covers_the_crew_lander_is_not_paid_twice(flagship):
    """The flagship buying the HLS award with ``covers: [crew_lander]``: Altair's hardware (its
    crew_lander cost element, costed by its relationship without the purchase) is dropped, its
    launches stay, so the life-cycle cost is the base's plus the price less the lander's hardware."""
    base = resolve(_study(flagship, []))
    arch = resolve(_study(flagship, [{"contract": "hls_spacex_option_a_2021", "covers": ["crew_lander"], "source": "test"}]))
    lander = base.cost.item_index("crew_lander")
    assert [e.name for e in base.cost.elements if e.item == lander] == ["crew_lander"]
    assert [e for e in arch.cost.elements if e.item == arch.cost.item_index("crew_lander")] == []
    assert any("its hardware is not costed again" in n for n in arch.notes if "hls_spacex_option_a_2021" in n)
    assert not any("overlap" in n for n in arch.notes if "hls_spacex_option_a_2021" in n)
    before, after = build_problem(base), build_problem(arch)
    before.run_model()
    after.run_model()
    was = {i["item"]: i for i in summarize_cost(base, before)["items"]}["crew_lander"]
    now = {i["item"]: i for i in summarize_cost(arch, after)["items"]}["crew_lander"]
    assert now["launch_musd"] == pytest.approx(was["launch_musd"], rel=1e-9) and was["launch_musd"] > 0.0
    assert now["development_musd"] == now["production_musd"] == 0.0
    hardware = was["development_musd"] + was["wraps_musd"] + was["production_musd"]
    assert hardware > 1000.0  # Altair's hardware is costed without the purchase (a derived dry mass, elements.yaml)
    hls = arch.cost.item_index("purchase:hls_spacex_option_a_2021")
    lcc = lambda p: float(p.get_val(var.PARTNER_LIFE_CYCLE_COST)[0])  # noqa: E731
    assert lcc(after) == pytest.approx(lcc(before) + arch.cost.purchases[hls].sum() - hardware, rel=1e-6)


def test_covering_an_item_the_architecture_does_not_have_names_the_field(flagship):
    def no_lander(data):
        data["transportation"]["crew_lander"] = None
        data["input_sources"].pop("transportation.crew_lander", None)
    with pytest.raises(StudyErrors, match=r"purchases\[0\]\.covers\[0\].*'crew_lander' is not a cost item of this architecture"):
        resolve(_study(flagship, [{"contract": "hls_spacex_option_a_2021", "covers": ["crew_lander"], "source": "test"}], no_lander))

"""The Apollo component rows (trades/analyses/validation_apollo.py): NASA's budget lines as read in
NASA SP-4205, Appendix H (typed here from the table, then-year thousands), inflated year by year with
the catalog's CPI-U table, against the toolkit's relationships for the Saturn V, the CSM and the LM."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from trades.analyses.validation import Row
from trades.study.catalog import load_catalog

ROOT = Path(__file__).resolve().parents[2]

# NASA SP-4205 Appendix H ('Funding - As of 30 June 1969', thousands), typed from the table
SATURN_V = {1964: 763_382, 1965: 964_924, 1966: 1_177_320, 1967: 1_135_600, 1968: 998_900, 1969: 534_453}
ENGINES = {1964: 166_000, 1965: 166_300, 1966: 134_095, 1967: 49_800, 1968: 18_700}
CSM = {1963: 345_000, 1964: 545_874, 1965: 577_834, 1966: 615_000, 1967: 560_400, 1968: 455_300, 1969: 346_000}
LM = {1963: 123_100, 1964: 135_000, 1965: 242_600, 1966: 310_800, 1967: 472_500, 1968: 399_600, 1969: 326_000}


def _cpi():
    return {int(y): float(v) for y, v in load_catalog().entry("cost", "default")["cpi_u"]["values"].items()}


def _in_2024(*lines):
    cpi = _cpi()
    return sum(v / 1000 * cpi[2024] / cpi[y] for line in lines for y, v in line.items())


@pytest.fixture(scope="module")
def rows():
    from trades.analyses.validation_apollo import component_rows

    return component_rows(Row)


def test_published_sides_are_nasas_lines_year_by_year(rows):
    saturn_v, unit, csm, lm = rows
    # then-year sums by hand: Saturn V 5,574.579 + engines 534.895; CSM 3,445.408; LM 2,009.6 MUSD
    assert sum(SATURN_V.values()) + sum(ENGINES.values()) == 6_109_474
    assert saturn_v.published == pytest.approx(_in_2024(SATURN_V, ENGINES), rel=1e-12)
    assert csm.published == pytest.approx(_in_2024(CSM), rel=1e-12)
    assert lm.published == pytest.approx(_in_2024(LM), rel=1e-12)
    cpi = _cpi()
    assert unit.published == pytest.approx(113.1 * cpi[2024] / cpi[1967], rel=1e-12)  # SP-4206, taken as 1967 dollars


def test_toolkit_sides_are_the_programmes_relationships_and_the_studys_run(rows, tmp_path, capsys):
    from trades.architecture.government_development import programme_cost
    from trades.cli import main

    saturn_v, unit, csm, lm = rows
    cost = programme_cost(load_catalog(), "apollo_saturn_v_csm", 6, 2024)
    # 5 test flights + 6 landings = units 1..11 at 80 %: sum i^log2(0.8) = 3.7377 + 3.0397 (as
    # tests/trades/test_government_development.py works them by hand)
    units = 3.7377 + 3.0397
    n = len(load_catalog().entry("crew_programmes", "apollo_saturn_v_csm")["launcher"]["stages"])
    launcher = cost.parts[:-1]
    dev, first = sum(d for _, d, _ in launcher) * 1.04 ** n, sum(f for _, _, f in launcher) * 1.025 ** n  # TRANSCOST f0
    assert saturn_v.ours == pytest.approx(dev + first * units, rel=1e-4)
    assert unit.ours == pytest.approx(first * units / 11, rel=1e-4)
    (_, csm_dev, csm_first), = cost.parts[-1:]
    assert csm.ours == pytest.approx(csm_dev + csm_first * units, rel=1e-4)
    assert main(["run", str(ROOT / "studies" / "apollo_like_lunar_campaign.yaml"), "--output-dir", str(tmp_path), "--format", "json"]) == 0
    lander = next(i for i in json.loads(capsys.readouterr().out)["cost"]["items"] if i["item"] == "crew_lander")
    assert lm.ours == pytest.approx(lander["development_musd"] + lander["production_musd"], rel=1e-9)


def test_each_row_says_whether_it_is_inside_its_band(rows):
    for row in rows:
        assert row.comment.startswith("Agrees" if abs(row.ratio - 1) <= 0.3 else "Does not agree"), row
        assert math.isfinite(row.ratio) and row.ratio > 0


def test_the_apollo_study_states_the_component_ratios_the_rows_find(rows):
    import yaml

    text = " ".join(yaml.safe_load((ROOT / "studies" / "apollo_like_lunar_campaign.yaml").read_text())["description"].split())
    saturn_v, _, csm, lm = rows
    assert f"Saturn V is {saturn_v.ratio:.1f} times" in text
    assert f"command and service module {csm.ratio:.2f}" in text and f"lunar module {lm.ratio:.2f}" in text

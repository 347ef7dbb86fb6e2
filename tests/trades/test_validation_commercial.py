"""The commercially developed Gateway elements' validation rows (trades/analyses/validation_commercial.py):
AMCM's cost of one unit (development + first unit = C(1)) times TRANSCOST's f11 = 0.5, worked by hand."""

import pytest

from trades.analyses.validation import Row, _run_study
from trades.analyses.validation_commercial import commercial_rows
from trades.study.catalog import load_catalog


def _amcm_one_unit(pounds, specification, ioc, k, cpi):
    return k["a"] * pounds ** k["c"] * k["d"] ** specification * k["e"] ** (1.0 / (ioc - 1900)) * cpi[2024] / cpi[1999]


def test_ppe_and_halo_rows_by_hand():
    cost = load_catalog().entry("cost", "default")
    k = {c: float(cost["amcm"][c]["value"]) for c in "abcde"}
    cpi = cost["cpi_u"]["values"]
    ppe, halo = commercial_rows(_run_study, Row)
    # PPE: 2,500 kg dry (half of 5,000 kg), planetary-spacecraft specification 2.39, IOC 2027; Maxar 375 MUSD of 2019
    assert ppe.ours == pytest.approx(0.5 * _amcm_one_unit(2500.0 / 0.45359237, 2.39, 2027, k, cpi), rel=1e-9)
    assert ppe.published == pytest.approx(375.0 * cpi[2024] / cpi[2019], rel=1e-12)
    # HALO: the cislunar study's habitat and life support, habitat specification 2.13, IOC 2028; Northrop 935 MUSD of 2021
    study, prob = _run_study("cislunar_nrho_station")
    masses = [float(prob.get_val(f"outpost.{kind}.{kind}_mass")[0]) for kind in ("habitat", "life_support")]
    assert halo.ours == pytest.approx(0.5 * sum(_amcm_one_unit(m / 0.45359237, 2.13, 2028, k, cpi) for m in masses), rel=1e-9)
    assert halo.published == pytest.approx(935.0 * cpi[2024] / cpi[2021], rel=1e-12)
    for row in (ppe, halo):
        assert row.comment.startswith("Agrees" if abs(row.ratio - 1) <= 0.5 else "Does not agree")


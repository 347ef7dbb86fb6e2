"""The commercially developed Gateway elements' validation rows (trades/analyses/validation_commercial.py):
AMCM's cost of one unit (development + first unit = C(1)) times TRANSCOST's f11 = 0.5, worked by hand; an element built by
modifying an existing design takes AMCM's block 2 (cost B^f, 'a block number of 2 or more' for a modification, amcm.block_definition)."""

import pytest

from trades.analyses.validation import Row, _run_study
from trades.analyses.validation_commercial import commercial_rows
from trades.study.catalog import load_catalog


def _amcm_one_unit(pounds, specification, ioc, k, cpi, block=1):
    return (k["a"] * pounds ** k["c"] * k["d"] ** specification * k["e"] ** (1.0 / (ioc - 1900)) * block ** k["f"]
            * cpi[2024] / cpi[1999])


def test_ppe_and_halo_rows_by_hand():
    cost = load_catalog().entry("cost", "default")
    k = {c: float(cost["amcm"][c]["value"]) for c in "abcdef"}
    cpi = cost["cpi_u"]["values"]
    ppe, halo = commercial_rows(_run_study, Row)
    # PPE: 2,500 kg dry (half of 5,000 kg), the power element type's planetary-spacecraft specification 2.39, block 2 (a
    # modification of Maxar's 1300 platform), IOC 2027; Maxar 375 MUSD of 2019
    assert ppe.ours == pytest.approx(0.5 * _amcm_one_unit(2500.0 / 0.45359237, 2.39, 2027, k, cpi, block=2), rel=1e-9)
    # the comment's what-ifs: a new design (block 1) and block 3
    for block in (1, 3):
        ratio = 0.5 * _amcm_one_unit(2500.0 / 0.45359237, 2.39, 2027, k, cpi, block) / ppe.published
        assert f"block {block}) it would be {ratio:.2f}" in ppe.comment or f"as block {block} {ratio:.2f}" in ppe.comment
    assert ppe.published == pytest.approx(375.0 * cpi[2024] / cpi[2019], rel=1e-12)
    # HALO: the cislunar study's habitat (block 2: it modifies Cygnus's module) and life support (block 1: Cygnus has none),
    # habitat specification 2.13, IOC 2028; Northrop 935 MUSD of 2021
    study, prob = _run_study("cislunar_nrho_station")
    habitat, life_support = (float(prob.get_val(f"outpost.{kind}.{kind}_mass")[0]) / 0.45359237 for kind in ("habitat", "life_support"))
    assert halo.ours == pytest.approx(0.5 * (_amcm_one_unit(habitat, 2.13, 2028, k, cpi, block=2)
                                             + _amcm_one_unit(life_support, 2.13, 2028, k, cpi)), rel=1e-9)
    assert halo.published == pytest.approx(935.0 * cpi[2024] / cpi[2021], rel=1e-12)
    for row in (ppe, halo):
        assert row.comment.startswith("Agrees" if abs(row.ratio - 1) <= 0.5 else "Does not agree")



def test_amcm_block_number():
    """AMCM's cost goes with B^f (f = -0.355322): block 2 is 2^f = 0.782 of block 1; a block below 1 is refused."""
    from trades.architecture.relationships import element_cost

    one, two = (element_cost("habitat", 5000.0, ioc_year=2028, block=b) for b in (1, 2))
    assert two.development_musd / one.development_musd == pytest.approx(2.0 ** -0.355322, rel=1e-6)
    assert two.first_unit_musd / one.first_unit_musd == pytest.approx(2.0 ** -0.355322, rel=1e-6)
    with pytest.raises(ValueError, match="block number is 1"):
        element_cost("habitat", 5000.0, ioc_year=2028, block=0)
    # TRANSCOST has no block number (its heritage term is f1): a block there is refused, not ignored
    with pytest.raises(ValueError, match="no AMCM block number"):
        element_cost("crew_spacecraft", 9000.0, block=2)


def test_model_doc_states_the_ppe_and_halo_ratios():
    """docs/model.md (Commercial development) quotes both rows' ratios with f11 and block 2: read back from the rows."""
    from pathlib import Path

    ppe, halo = commercial_rows(_run_study, Row)
    doc = " ".join((Path(__file__).resolve().parents[2] / "docs" / "model.md").read_text().split())
    assert f"{ppe.ratio:.2f} with f11 as a modification of Maxar's 1300-class platform" in doc
    assert f"{halo.ratio:.2f} with its module a modification of Cygnus's (block 2)" in doc

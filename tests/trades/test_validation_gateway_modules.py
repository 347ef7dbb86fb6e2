"""ESA's Gateway modules' validation rows (trades/analyses/validation_gateway_modules.py): AMCM's cost of
one unit (development + first unit = C(1)), crewed-habitat specification 2.13, worked by hand, against the
contracts converted by hand (Fed G.5A annual USD per EUR of the contract's year, CPI-U to 2024). ESA develops
both, so the toolkit side carries ESA's cost factor, TRANSCOST's f8 for Europe, 0.86 (as a study applies it)."""

import pytest

from trades.analyses.validation import Row, _run_study
from trades.analyses.validation_gateway_modules import BAND, gateway_module_rows
from trades.study.catalog import load_catalog


def _amcm_one_unit(kg, specification, ioc, k, cpi):
    pounds = kg / 0.45359237
    return k["a"] * pounds ** k["c"] * k["d"] ** specification * k["e"] ** (1.0 / (ioc - 1900)) * cpi[2024] / cpi[1999]


def test_i_hab_and_esprit_rows_by_hand():
    cost = load_catalog().entry("cost", "default")
    k = {c: float(cost["amcm"][c]["value"]) for c in "abcde"}
    cpi = cost["cpi_u"]["values"]
    eur = cost["exchange_rates"]["usd_per_eur"]
    f8 = float(load_catalog().entry("partners", "esa")["transcost_f8"]["value"])
    assert f8 == 0.86  # TRANSCOST 8.2 as summarised in lvreuse: 'Europe (ESA) with f8 = 0.86'
    i_hab, esprit = gateway_module_rows(_run_study, Row)
    study, prob = _run_study("gateway_as_planned")
    assert study.deploy_year == 2028
    # I-Hab: the study's sized habitat alone (JAXA's life support is outside ESA's contract); 327 MEUR of 2020
    habitat = float(prob.get_val("outpost.habitat.habitat_mass", units="kg")[0])
    assert i_hab.ours == pytest.approx(f8 * _amcm_one_unit(habitat, 2.13, 2028, k, cpi), rel=1e-9)
    assert i_hab.published == pytest.approx(327.0 * eur[2020] * cpi[2024] / cpi[2020], rel=1e-12)
    # ESPRIT: Lunar View's 10 t (Thales Alenia Space, 2024); 296.5 MEUR of 2021 + 164 MEUR of 2024 at 2023's rate
    assert esprit.ours == pytest.approx(f8 * _amcm_one_unit(10000.0, 2.13, 2028, k, cpi), rel=1e-9)
    assert esprit.published == pytest.approx(296.5 * eur[2021] * cpi[2024] / cpi[2021] + 164.0 * eur[2023], rel=1e-12)
    for row in (i_hab, esprit):
        assert row.comment.startswith("Agrees" if abs(row.ratio - 1) <= BAND else "Does not agree")
        assert row.unit == "MUSD" and "f11" in row.comment

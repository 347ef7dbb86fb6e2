"""Validation rows of ESA's Gateway modules against their contracts (``trades validation-report``):
Lunar I-Hab (Thales Alenia Space, 327 MEUR) and ESPRIT (Thales Alenia Space, 296.5 MEUR and a
164 MEUR amendment), each costed by the toolkit's relationship of its class (AMCM's crewed habitat)
as a government development, on the mass the Gateway-as-planned study flies or sizes. Band 50 %
(a single contracted element). ESA develops both, so each is priced as a study prices what ESA provides:
times ESA's cost factor, TRANSCOST's country productivity f8 (partners.yaml esa.transcost_f8, 0.86). The PPE
and HALO rows are in :mod:`trades.analyses.validation_commercial`.
"""

from __future__ import annotations

from trades.models import variables as var

BAND = 0.5


def _verdict(ratio: float) -> str:
    return "Agrees" if abs(ratio - 1.0) <= BAND else "Does not agree"


def esa_cost_factor(catalog) -> float:
    """ESA's cost factor as the studies take it: TRANSCOST's country productivity f8 for Europe (ESA)."""
    return float(catalog.entry("partners", "esa")["transcost_f8"]["value"])


def gateway_module_rows(run_study, Row) -> list:
    """Lunar I-Hab: the habitat studies/gateway_as_planned.yaml sizes for four crew on 30-day visits (no
    I-Hab mass was read), without life support (JAXA's, outside ESA's contract). ESPRIT: the study's Lunar
    View at its catalog mass. Both by AMCM's crewed-habitat relationship, IOC the study's deployment
    year, one unit, against the contracts in 2024 dollars."""
    from trades.architecture.relationships import element_cost
    from trades.study.catalog import load_catalog
    from trades.study.money import sourced_to_base_musd, to_base_musd

    catalog = load_catalog()
    base = 2024
    study, prob = run_study("gateway_as_planned")
    ioc = study.deploy_year
    f11 = float(catalog.entry("cost", "default")["transcost_factors"]["f11_commercial"]["value"])
    f8 = esa_cost_factor(catalog)
    rows = []

    habitat = float(prob.get_val(var.HABITAT_MASS, units="kg")[0])
    habitable = float(prob.get_val(var.HABITABLE_VOLUME, units="m**3")[0])
    cost = element_cost("habitat", habitat, ioc_year=ioc, base_year=base, catalog=catalog)
    ours = f8 * (cost.development_musd + cost.first_unit_musd)
    contract = catalog.entry("contracts", "i_hab_thales_esa_2020")
    published = sourced_to_base_musd(contract["price"], base, catalog)
    rows.append(Row(
        "Cost (2024 dollars, CPI-U)", f"Gateway Lunar I-Hab (ESA), government development: the habitat studies/gateway_as_planned.yaml "
        f"sizes for {study.outpost.crew_size} crew on {study.outpost.stay_days:g}-day visits ({habitat / 1000:.1f} t, {habitable:.0f} m3 "
        f"habitable), no life support, AMCM crewed-habitat relationship, IOC {ioc}, one unit, ESA's f8 = {f8:g}", ours, published, "MUSD",
        f"{contract['id']}, via the copies it names: {contract['price']['source']}; EUR at the Fed's {contract['price']['year']} annual rate, CPI-U",
        f"{_verdict(ours / published)} (band 50 %); with TRANSCOST's commercial-development factor f11 = {f11:g}, as the HALO row "
        f"applies it, the ratio would be {f11 * ours / published:.2f}. No I-Hab mass was read in a source, so the row costs the habitat the toolkit sizes "
        "for I-Hab's stated use (four crew up to 30 days, ESA as reported; elements.yaml esa_i_hab), not I-Hab, whose habitable "
        "volume is given as 10 m3 (Thales Alenia Space and ESA via European Spaceflight). Its life support is left out because "
        "JAXA provides I-Hab's environmental control and life support, thermal pumps and batteries, outside ESA's contract (NASA "
        "'Gateway Space Station' page); so are ESA's own programme costs. The contract type (fixed price) was not read."))

    index = list(study.outpost_modules).index("esa_esprit_lunar_view")
    view = float(prob.get_val(var.MODULE_MASS, units="kg")[index])
    cost = element_cost("habitat", view, ioc_year=ioc, base_year=base, catalog=catalog)
    ours = f8 * (cost.development_musd + cost.first_unit_musd)
    first, amendment = (catalog.entry("contracts", c) for c in ("esprit_thales_esa_2021", "esprit_amendment_thales_esa_2024"))
    # the catalog has no 2024 EUR rate (Fed G.5A annual): the amendment (2024 euros) at 2023's rate, as 2024 dollars
    fx_year = 2023
    amended = to_base_musd(float(amendment["price"]["value"]), amendment["price"]["unit"], fx_year, fx_year, catalog)
    published = sourced_to_base_musd(first["price"], base, catalog) + amended
    rows.append(Row(
        "Cost (2024 dollars, CPI-U)", f"Gateway ESPRIT (ESA), government development: Lunar View as studies/gateway_as_planned.yaml "
        f"flies it ({view / 1000:.1f} t, its total mass), AMCM crewed-habitat relationship, IOC {ioc}, one unit, ESA's f8 = {f8:g}", ours, published, "MUSD",
        f"{first['id']}, via ESA's page: {first['price']['source']}; {amendment['id']}, via the copies it names: "
        f"{amendment['price']['source']}; EUR at the Fed's annual rate "
        f"of 2021, and of {fx_year} for the 2024 amendment (no 2024 rate in the catalog), CPI-U",
        f"{_verdict(ours / published)} (band 50 %; {f11 * ours / published:.2f} with f11 = {f11:g}). The contracts ({first['price']['value']:g} + {amendment['price']['value']:g} MEUR) "
        "buy Lunar View and Lunar Link (the communications element on HALO, which no study flies); the relationship costs Lunar View "
        "alone, but on its total mass, which carries xenon and chemical propellant for the PPE and up to 1.5 t of cargo at launch "
        "(Thales Alenia Space, 2024), not on a dry mass, which was not read: an overstatement of unknown size. Likely (not verified) "
        "besides: AMCM is fitted on US government developments, while ESA's industrial contract leaves out ESA's own costs and "
        "reuses Thales Alenia Space's ISS-module heritage; the contract type was not read."))
    return rows

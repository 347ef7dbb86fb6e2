"""Validation rows of commercially developed elements against their fixed-price contracts
(``trades validation-report``): Gateway's Power and Propulsion Element and its Habitation and
Logistics Outpost, each costed by the toolkit's relationship of its class as a government
development and then with TRANSCOST's commercial-development factor f11
(``transcost_factors.f11_commercial`` in ``trades/catalogs/cost.yaml``). Band 50 % (a single
contracted element)."""

from __future__ import annotations

#: the same 'IOC' assumption for both Gateway elements: a planned launch year, not read in a source
GATEWAY_IOC = 2027
#: AMCM's block number of an element whose source says it modifies an existing design: 2, the least its definition
#: allows ('2 or more'); docs/model.md, Heritage
DERIVATIVE_BLOCK = 2
BAND = 0.5


def _f11(catalog) -> tuple[float, str]:
    f11 = catalog.entry("cost", "default")["transcost_factors"]["f11_commercial"]
    return float(f11["value"]), f11["source"]


def _verdict(ratio: float) -> str:
    return "Agrees" if abs(ratio - 1.0) <= BAND else "Does not agree"


def commercial_rows(run_study, Row) -> list:
    """The PPE (AMCM power-element relationship on its dry mass, block 2: a modification of its platform) and
    HALO (the habitat and life support the toolkit sizes for Gateway's crew of four on 30-day visits,
    studies/cislunar_nrho_station.yaml, by AMCM's crewed-habitat relationship, its module block 2), each with
    f11, against their contracts in 2024 dollars."""
    from trades.architecture.relationships import element_cost
    from trades.study.catalog import load_catalog
    from trades.study.money import sourced_to_base_musd

    catalog = load_catalog()
    base = 2024
    f11, f11_source = _f11(catalog)
    rows = []

    ppe = catalog.entry("elements", "gateway_ppe")
    dry = float(ppe["mass_kg"]["value"]) / 2.0  # the source: propellant is half of the launch mass
    # a modification of Maxar's 1300-class platform (elements.yaml gateway_ppe.platform): AMCM block 2; its class stays the
    # power element type's (AMCM classes a system by its operating environment and mission, not by its platform's)
    government, new_design, block3 = (element_cost("power", dry, ioc_year=GATEWAY_IOC, base_year=base, catalog=catalog, block=b)
                                      for b in (DERIVATIVE_BLOCK, 1, DERIVATIVE_BLOCK + 1))
    total, new_total, block3_total = (c.development_musd + c.first_unit_musd for c in (government, new_design, block3))
    ours = f11 * total
    contract = catalog.entry("contracts", "gateway_ppe_maxar_2019")
    published = sourced_to_base_musd(contract["price"], base, catalog)
    rows.append(Row(
        "Cost (2024 dollars, CPI-U)", f"Gateway Power and Propulsion Element, developed commercially: AMCM power-element "
        f"(planetary-spacecraft) relationship, block {DERIVATIVE_BLOCK} (a modification of Maxar's 1300-class platform), {dry:,.0f} kg "
        f"dry (half its 5,000 kg launch mass), IOC {GATEWAY_IOC} (assumed), one unit, {total:,.0f} MUSD as a government development, "
        f"times TRANSCOST's commercial-development factor f11 = {f11:g}", ours, published, "MUSD",
        f"{contract['id']}: {contract['price']['source']}; platform: {ppe['platform']['source']}; f11: {f11_source}",
        f"{_verdict(ours / published)} (band 50 %). f11 halves AMCM's government-programme cost (the ratio would be "
        f"{total / published:.2f} without it); as a new design (block 1) it would be {f11 * new_total / published:.2f}, as block "
        f"{DERIVATIVE_BLOCK + 1} {f11 * block3_total / published:.2f} (AMCM's definition allows '2 or more' for a modification; "
        f"{DERIVATIVE_BLOCK}, the least, is taken). AMCM's communications class, its platform's, is not used: AMCM classes a system "
        "by its operating environment and mission. The published figure is not the modelled element's scope: the contract "
        "first also bought the launch (contracts.yaml), and the element's electric thrusters are under NASA's own contract (AEPS, "
        "Aerojet Rocketdyne, 67 MUSD of 2016, The Verge, 20 Apr 2016; its thrusters 'designed to support the Gateway's power "
        "and propulsion element', ExecutiveBiz, Nov 2019); it is a price, not a cost; the PPE's mass was read only in a "
        "secondary page. Likely (not verified) besides: a commercial firm bidding a fixed price on its own platform spends "
        "less than f11's 0.45-0.55 of a government programme, as NASA's NAFCOM study of Falcon 9 (2011) found for the "
        "launcher: SpaceX's reported 0.39 billion was 0.23 of NAFCOM's commercial-inputs estimate."))

    study, prob = run_study("cislunar_nrho_station")
    from trades.models import variables as var

    masses = {"habitat": float(prob.get_val(var.HABITAT_MASS, units="kg")[0]),
              "life_support": float(prob.get_val(var.LIFE_SUPPORT_MASS, units="kg")[0])}
    # the pressurized module modifies Cygnus's (AMCM block 2); Cygnus, a cargo craft, has no life support to inherit (block 1)
    blocks = {"habitat": DERIVATIVE_BLOCK, "life_support": 1}
    parts = {kind: element_cost(kind, mass, ioc_year=study.deploy_year, base_year=base, catalog=catalog, block=blocks[kind])
             for kind, mass in masses.items()}
    new_parts = [element_cost(kind, mass, ioc_year=study.deploy_year, base_year=base, catalog=catalog) for kind, mass in masses.items()]
    new_design = sum(c.development_musd + c.first_unit_musd for c in new_parts)
    government = sum(c.development_musd + c.first_unit_musd for c in parts.values())
    ours = f11 * government
    contract = catalog.entry("contracts", "gateway_halo_northrop_2021")
    published = sourced_to_base_musd(contract["price"], base, catalog)
    rows.append(Row(
        "Cost (2024 dollars, CPI-U)", "Gateway HALO, developed commercially: the habitat and life support the toolkit sizes for "
        f"Gateway's crew of {study.outpost.crew_size} on {study.outpost.stay_days:g}-day visits (studies/cislunar_nrho_station.yaml: "
        f"{masses['habitat'] / 1000:.1f} t and {masses['life_support'] / 1000:.1f} t), AMCM crewed-habitat relationship, the "
        f"module block {DERIVATIVE_BLOCK} (a modification of Cygnus's), the life support block 1, IOC "
        f"{study.deploy_year}, one unit, {government:,.0f} MUSD as a government development, times f11 = {f11:g}", ours, published, "MUSD",
        f"{contract['id']}: {contract['price']['source']}; f11: {f11_source}",
        f"{_verdict(ours / published)} (band 50 %). Without f11 the ratio would be {government / published:.2f}; as a new design (block "
        f"1), {f11 * new_design / published:.2f}. HALO is a derivative of "
        "Northrop Grumman's Cygnus pressurized module ('based on Northrop Grumman's Cygnus spacecraft', Northrop Grumman release of Nov "
        "2020 as reported by UrduPoint/Sputnik); no HALO mass was read in a source, so the row costs the module the toolkit sizes for "
        "HALO's stated use (four crew up to 30 days with Orion docked, the same release), not HALO itself. The contract (935 MUSD, "
        "2021) follows a 187 MUSD preliminary-design award (2020) that it does not include."))
    return rows

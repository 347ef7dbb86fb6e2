"""The comments of the validation report's Apollo- and Artemis-like campaign rows: what the
government-developed crew programme (:mod:`trades.architecture.government_development`) costs in
the study, part by part, and what the model leaves out (``trades validation-report``)."""

from __future__ import annotations


def _programme(study):
    """The study's crew programme cost as its run prices it (one crewed launch a rotation)."""
    from trades.architecture.government_development import crewed_flights, programme_cost
    from trades.study.catalog import load_catalog

    programme = study.acquisition["crew_transport"].programme
    return programme_cost(load_catalog(), programme, crewed_flights(study, 1), study.campaign.dollar_base_year, study)


def apollo_comment(study, ours: float, published: float) -> str:
    """What the Apollo-like campaign carries and what it lacks, measured against NASA's budget lines
    (:mod:`trades.analyses.validation_apollo`) and the Planetary Society's then-year split."""
    from trades.analyses.validation_apollo import line_musd, then_year
    from trades.architecture.government_development import crewed_flights, programme_cost
    from trades.study.catalog import load_catalog

    catalog = load_catalog()
    cost = _programme(study)
    base = study.campaign.dollar_base_year
    tc = programme_cost(catalog, cost.programme, crewed_flights(study, 1), base, study,
                        {"crew_spacecraft": {"method": "transcost", "category": "crewed_ballistic_reentry_capsule"}})
    b = lambda musd: f"{musd / 1000:,.1f}"  # noqa: E731
    total, index_2020 = line_musd("total", base, catalog), line_musd("total", 2020, catalog) / then_year("total")
    return ("Does not agree (band 30 %; the ratio is in the table). The Apollo components rows locate the difference: the "
            "toolkit's Saturn V (TRANSCOST) is above NASA's Saturn V and engine lines, its CSM (AMCM crewed re-entry) and LM "
            "well below theirs. The study carries, as programme items at NASA's appropriations (published figures, not "
            f"validations), the Saturn IB and Saturn I ({b(cost.programme_items_musd)} billion) and Launch Complex 39 "
            f"({b(cost.facilities_musd)}, NASA SP-4204's 1963 figure); TRANSCOST's ground and mission operations charge each Saturn V "
            f"launch, {b(cost.test_flight_operations_musd / max(cost.test_flights, 1))} billion a launch at the relationships' lowest "
            f"fitted rate of 3 a year. NASA's Apollo appropriations of FY1962-1969 (NASA SP-4205, Appendix H), "
            f"{then_year('total') / 1000:,.1f} billion then-year, are {b(total)} billion 2024 at CPI-U year by year. Not in the model, "
            f"measured in those lines: mission support and manned space flight operations ({b(line_musd('mission_operations', base, catalog))} "
            f"billion 2024 through FY1969, against which the model charges TRANSCOST's operations and its per-crew-position "
            f"rate), guidance and navigation ({b(line_musd('guidance', base, catalog))}) and spacecraft integration, checkout and "
            f"support ({b(line_musd('integration_support', base, catalog))}); not in these lines: FY1970-1973 and the ground "
            "facilities, salaries and overhead, 5.2 of the Planetary Society's 25.8 billion then-year (its 'cost of Apollo' page), "
            "and Apollo 13. The published figure is inflated by NASA's New Start Index: the page's 257 billion 2020 dollars for "
            f"25.8 then-year is a multiplier of 9.96, against {index_2020:.2f} for NASA's FY1962-1969 stream at CPI-U: the published "
            f"figure is about {9.96 / index_2020 - 1:.0%} above CPI-U's, and the toolkit's total is {ours / (published / (9.96 / index_2020)):.2f} "
            "of it at CPI-U. TRANSCOST's crewed-capsule relationship would "
            f"develop the CSM for {b(dict((n, d) for n, d, _ in tc.parts)['command and service module'])} billion instead of "
            f"{b(dict((n, d) for n, d, _ in cost.parts)['command and service module'])}.")


def artemis_comment(study) -> str:
    cost = _programme(study)
    b = lambda musd: f"{musd / 1000:,.1f}"  # noqa: E731
    return ("Does not agree (band 30 %; the ratio is in the table). "
            f"SLS (stages, boosters and engines by TRANSCOST; the RS-25 and ICPS as minor "
            f"variations of existing hardware, f1 = 0.5) and Orion (AMCM crewed re-entry) are developed for {b(cost.development_musd)} "
            f"billion; Artemis I and II cost {b(cost.test_flight_musd)} in hardware, the landing's crew flight {b(cost.unit_musd)}; "
            f"Kennedy's ground systems {b(cost.facilities_musd)} (NASA OIG 2015: 0.975 billion spent FY2010-2014 and 2.4 planned "
            "FY2015-2019, CPI-U) and TRANSCOST's ground and mission operations of each SLS launch, "
            f"{b(cost.test_flight_operations_musd / max(cost.test_flights, 1))} a launch at 3 a year. Not in the model: Gateway, "
            "spacesuits and the commercial lander (Altair stands in for the HLS and its hardware is not costed, for want of a sourced "
            "dry mass; the HLS award alone is 2.9 billion of 2021, contracts.yaml hls_spacex_option_a_2021), and EGS's growth beyond its 2015 plan (about 40 %, "
            "the Planetary Society). In their place it develops a habitat, life support and fission power the first landing did not have.")


def sls_orion_flight_row():
    """SLS with Orion, hardware of one flight: the artemis_sls_orion programme's average over
    Artemis I-IV (units 1-4 of its learning curve) against the NASA OIG's cost per launch of
    Artemis I-IV (production and ground operations, development excluded; contracts.yaml)."""
    from trades.analyses.validation import Row
    from trades.architecture.government_development import programme_cost
    from trades.study.catalog import load_catalog
    from trades.study.money import sourced_to_base_musd

    catalog, base = load_catalog(), 2024
    contract = catalog.entry("contracts", "sls_orion_launch_oig_2021")
    cost = programme_cost(catalog, "artemis_sls_orion", 2, base)  # units 1-2 are Artemis I-II, 3-4 the next two flights
    average = (cost.test_flight_musd + 2 * cost.unit_musd) / 4
    return Row("Cost (2024 dollars, CPI-U)", "SLS Block 1 with Orion, hardware of one flight: average of Artemis I-IV on the "
               f"programme's learning curve (crew_programmes.yaml artemis_sls_orion; first flight {cost.first_unit_musd:,.0f} MUSD: "
               "TRANSCOST stages, boosters and engines, AMCM crew and service modules)", average,
               sourced_to_base_musd(contract["price"], base, catalog), "MUSD", f"{contract['price']['source']}, via those reports",
               f"{'Agrees' if abs(average / sourced_to_base_musd(contract['price'], base, catalog) - 1) <= 0.5 else 'Does not agree'} "
               "(band 50 % for a single element). The OIG's figure also carries the ground operations of each launch, which this "
               "hardware row leaves out (the campaigns charge them by TRANSCOST's operations relationships, about 0.4 billion a "
               "launch); the RS-25 engines of Artemis I-IV were Shuttle engines, which the toolkit prices as new.")


#: ISS construction: GAO-08-581T, 'NASA: Challenges in Completing and Sustaining the International Space Station'
#: (testimony, April 2008), summary read on gao.gov: "NASA expects the station's final construction cost will be
#: $31 billion" (U.S. only; sustainment through FY2016 a further 11 billion). The dollar basis is not stated: taken
#: as then-year over FY1994-2010, at its middle year 2002 (an assumption). Its scope, element by element, is in
#: trades/catalogs/stations.yaml (iss_us_segment.scope).
ISS_CONSTRUCTION_MUSD, ISS_CONSTRUCTION_YEAR = 31_000.0, 2002
ISS_CONSTRUCTION = ("GAO-08-581T (Apr 2008), summary on gao.gov: 'NASA expects the station's final construction cost will be $31 "
                    "billion' (U.S. cost only, Shuttle launches excluded); then-year dollars taken at 2002, the middle of FY1994-2010 "
                    "(an assumption)")
ISS_STATION = "iss_us_segment"


def _label(element_id: str) -> str:
    """A station element's short name from its catalog id: pma_1 -> PMA-1, s0 -> S0, unity -> Unity."""
    if element_id.startswith("pma_"):
        return "PMA-" + element_id[4:]
    return element_id.upper() if len(element_id) <= 2 else element_id.replace("_", "/").capitalize()


def iss_development_row(run_study, Row):
    """The ISS's U.S. segment as built (trades/catalogs/stations.yaml iss_us_segment), element by element
    (trades.architecture.station_modules), against the ISS's U.S. construction cost. ``run_study`` is unused:
    the row prices a catalogued station, not a study (kept for the caller's signature)."""
    from trades.architecture.station_modules import relationship_design_cost, station_cost
    from trades.study.catalog import load_catalog
    from trades.study.money import inflation_factor, sourced_to_base_musd

    catalog, base = load_catalog(), 2024
    station = station_cost(catalog, ISS_STATION, base)
    ours, published = station.cost_musd(), ISS_CONSTRUCTION_MUSD * inflation_factor(ISS_CONSTRUCTION_YEAR, base, catalog)
    designs, entry = station.designs, catalog.entry("stations", ISS_STATION)
    t = lambda *bases: f"{station.mass_kg(*bases) / 1000:.1f} t"  # noqa: E731
    b = lambda musd: f"{musd / 1000:,.2f}"  # noqa: E731
    named = lambda basis: ", ".join(_label(e.id) for e in station.elements if e.basis == basis)  # noqa: E731
    habitat = [d for d in designs.values() if d.basis == "relationship"]
    destiny = designs["destiny"]
    check = sourced_to_base_musd(entry["designs"]["destiny"]["reported_cost_check"], base, catalog)
    pv = designs["photovoltaic_module"]
    first_pv = min((e for e in entry["elements"] if e["design"] == "photovoltaic_module"), key=lambda e: e["ioc_year"]["value"])
    pv_dev, pv_prod, _ = relationship_design_cost(catalog, "power", pv.unit_mass_kg, pv.units, int(first_pv["ioc_year"]["value"]), base)
    s6 = sourced_to_base_musd(entry["designs"]["photovoltaic_module"]["reported_unit_cost"], base, catalog)
    pv_kg = [e.mass_kg for e in station.elements if e.design == "photovoltaic_module"]
    pv_masses = f"{min(pv_kg) / 1000:.0f}-{max(pv_kg) / 1000:.0f}"
    return Row("Campaign cost (2024 dollars, CPI-U)", "ISS development: the U.S. segment as built (trades/catalogs/stations.yaml "
               f"iss_us_segment, {t('relationship', 'reported_unit_cost', 'not_priced')} inside GAO's scope), each element by the "
               "relationship of its class as a government development with the units flown, or at its reported unit cost", ours,
               published, "MUSD", ISS_CONSTRUCTION,
               f"{'Agrees' if abs(ours / published - 1) <= 0.3 else 'Does not agree'} (band 30 %). GAO's figure is NASA's cost "
               "only: partners' modules, the Russian segment and the modules Europe built for NASA in barter (Harmony, Tranquility, "
               f"Cupola: {t('outside_scope')}) are outside it, and so are the 37 Shuttle assembly flights (NASA counts the Shuttle "
               "apart; NASA's OIG, 2014, via SpacePolicyOnline, put them at 30.7 billion). Priced: the pressurized modules "
               f"({named('relationship')}; {sum(d.units * d.unit_mass_kg for d in habitat) / 1000:.1f} t) by AMCM's "
               f"manned-habitat relationship, {b(sum(d.development_musd + d.production_musd for d in habitat))} billion, the "
               f"{designs['pressurized_mating_adapter'].units} adapters as units of one design; Destiny alone "
               f"{b(destiny.development_musd + destiny.production_musd)}, against its reported 1.4 billion of 2001 "
               f"({b(check)} in 2024 dollars, press figures): the relationship holds for an ISS module. The {pv.units} photovoltaic "
               f"modules at S6's reported 300 million of 2008 a unit, {b(pv.production_musd)} billion, and the Z1 truss at its "
               f"reported 273 million of 2000, {b(designs['z1_truss'].production_musd)}. The catalog's power relationship (AMCM "
               f"planetary spacecraft, fitted on robotic spacecraft) would price the photovoltaic modules at {b(pv_dev + pv_prod)} "
               f"billion, {(pv_dev + pv_prod) / pv.units / s6:.0f} times S6's reported cost a unit: a {pv_masses} t power truss is outside "
               f"its class, so it is not used. Not priced: {named('not_priced')} ({t('not_priced')} of structure and thermal "
               "control): the catalog has no relationship of their class (AMCM's mission types, as the public AMCM calculator lists "
               "them, have none) and no reported "
               f"cost was found. The flight hardware priced is {ours / published:.2f} of the figure, which is NASA's construction budget "
               "(FY1994-2010 taken, not read in the testimony): it also carries systems engineering and integration, software, "
               "ground systems and test, the development of systems spread over the station (avionics, life support, power "
               "distribution) beyond what a module's relationship covers, and probably the station's operation during assembly "
               "(not split in the summary read); no relationship here prices those.")

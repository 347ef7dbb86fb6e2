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


def apollo_comment(study, ours: float, new_start_index: float) -> str:
    """What the Apollo-like campaign carries and what it lacks, measured against NASA's budget lines
    (:mod:`trades.analyses.validation_apollo`), and the published total at CPI-U (the row's) beside the
    Planetary Society's own figure in NASA New Start Index dollars (``new_start_index``, base-year MUSD)."""
    from trades.analyses.validation import Row
    from trades.analyses.validation_apollo import APOLLO_THEN_YEAR_MUSD, component_rows, line_musd, published_total_cpi_u, then_year
    from trades.architecture.government_development import crewed_flights, programme_cost
    from trades.study.catalog import load_catalog

    catalog = load_catalog()
    cost = _programme(study)
    base = study.campaign.dollar_base_year
    amcm = programme_cost(catalog, cost.programme, crewed_flights(study, 1), base, study,
                          {"crew_spacecraft": {"method": "amcm", "specification": "crewed_reentry"}})
    b = lambda musd: f"{musd / 1000:,.1f}"  # noqa: E731
    upper, lower = published_total_cpi_u(base, catalog)
    total, rest = line_musd("total", base, catalog), APOLLO_THEN_YEAR_MUSD - then_year("total")
    saturn_v, _, *spacecraft = component_rows(Row)  # the Saturn V, its production unit, the CSM and the LM
    index_2020 = line_musd("total", 2020, catalog) / then_year("total")
    missing = sum(line_musd(name, base, catalog) for name in ("mission_operations", "guidance", "integration_support"))
    verdict = "Agrees" if abs(ours / upper - 1) <= 0.3 and abs(ours / lower - 1) <= 0.3 else "Does not agree"
    transcost = saturn_v.ours + sum(r.ours for r in spacecraft)
    work_year = catalog.entry("cost", "default")["work_year_value"]
    return (f"{verdict} (band 30 %) at CPI-U, at both ends of the published figure's range; not at NASA's New Start Index "
            f"({ours / new_start_index:.2f}, below), which a comparison in work-years may favour: the toolkit's Saturn V, CSM and LM "
            f"({b(transcost)} of its {b(ours)} billion) are TRANSCOST work-years priced at the catalog's work-year value of "
            f"{work_year['year']}, so if a work-year's cost rose faster than CPI-U since the 1960s, as the New Start Index did, the "
            "like-for-like published figure is higher and the ratio lower, down to the New Start Index's. The published figure is the Planetary "
            f"Society's {APOLLO_THEN_YEAR_MUSD / 1000:.1f} billion then-year brought to 2024 by CPI-U, as every other money row "
            f"is: NASA's Apollo appropriations of FY1962-1969 (NASA SP-4205, Appendix H), {then_year('total') / 1000:,.1f} billion "
            f"then-year, year by year ({b(total)} billion 2024), and the remaining {b(rest)} billion (FY1970-1973, ground facilities, "
            "salaries and overhead), whose years were not read, at FY1962's multiplier, the highest (the table's "
            f"{b(upper)}); at FY1973's, the lowest, {b(lower)} and a ratio of {ours / lower:.2f}. The Planetary Society's own "
            f"figure, 264 billion 2019 dollars of NASA's New Start Index ({b(new_start_index)} billion 2024 at CPI-U from 2019), "
            f"brings then-year dollars forward faster than CPI-U (its 257 billion 2020 dollars for the 25.8 then-year are a "
            f"multiplier of 9.96, against {index_2020:.2f} for NASA's FY1962-1969 stream at CPI-U): against it the ratio is "
            f"{ours / new_start_index:.2f}. The total agrees "
            "partly by compensation, which the Apollo components rows show: the toolkit's Saturn V (TRANSCOST) is "
            f"{b(saturn_v.ours - saturn_v.published)} billion above NASA's Saturn V and engine lines, its CSM and LM (TRANSCOST's "
            "crewed space system, f1 = 1.3) near theirs, while the lines the model lacks (below) come to "
            f"{b(missing)} billion through FY1969 alone. The study carries, as programme "
            "items at NASA's appropriations (published figures, not validations), the Saturn IB and Saturn I "
            f"({b(cost.programme_items_musd)} billion) and Launch Complex 39 ({b(cost.facilities_musd)}, NASA SP-4204's 1963 "
            f"figure); TRANSCOST's ground and mission operations charge each Saturn V launch, "
            f"{b(cost.test_flight_operations_musd / max(cost.test_flights, 1))} billion a launch at the relationships' lowest fitted "
            "rate of 3 a year. Not in the model, measured in NASA's lines: mission support and manned space flight operations "
            f"({b(line_musd('mission_operations', base, catalog))} billion 2024 through FY1969, against which the model charges "
            f"TRANSCOST's operations and its per-crew-position rate), guidance and navigation ({b(line_musd('guidance', base, catalog))}) "
            f"and spacecraft integration, checkout and support ({b(line_musd('integration_support', base, catalog))}); not in those "
            "lines: FY1970-1973 and the ground facilities, salaries and overhead, 5.2 of the 25.8 billion then-year, and Apollo 13. "
            "AMCM's crewed re-entry relationship (the crew spacecraft's relationship before issue 18's measurement, "
            "docs/research/crewed_vehicle_cost_research.md) would develop the CSM for "
            f"{b(dict((n, d) for n, d, _ in amcm.parts)['command and service module'])} billion instead of "
            f"{b(dict((n, d) for n, d, _ in cost.parts)['command and service module'])}.")


def artemis_comment(study, ratio: float) -> str:
    """The Artemis-like row's comment: its verdict at ``ratio``, the crew programme's parts, the contracts the
    study buys (its ``purchases``) and the outpost items that stand in for what is missing, as `trades run` costs them."""
    from pathlib import Path

    from trades.analyses.cost_summary import summarize_cost
    from trades.analyses.evaluate import evaluate
    from trades.models import variables as var

    cost = _programme(study)
    b = lambda musd: f"{musd / 1000:,.1f}"  # noqa: E731
    arch, prob = evaluate(study, str(Path(__file__).resolve().parents[2] / "studies" / "artemis_like_lunar_campaign.yaml"))
    items = {i["item"]: i["total_musd"] for i in summarize_cost(arch, prob)["items"]}
    bought = sum(v for k, v in items.items() if k.startswith("purchase:"))
    outpost = sum(items.get(k, 0.0) for k in ("habitat", "life_support", "power", "cargo_transport"))
    verdict = "Agrees" if abs(ratio - 1) <= 0.3 else "Does not agree"
    bare = ratio * (1 - outpost / sum(items.values()))  # without the outpost items the first landing did not have
    helped = "and would without the outpost items (below)" if abs(bare - 1) <= 0.3 else "but only with help (below)"
    return (f"{verdict} (band 30 %), {helped}. "
            f"SLS (stages, boosters and engines by TRANSCOST; the RS-25 and ICPS as minor "
            f"variations of existing hardware, f1 = 0.5) and Orion (its crew module by TRANSCOST's crewed space system, its service "
            f"module by TRANSCOST's liquid propulsion module, f1 = 1.0) are developed for {b(cost.development_musd)} "
            f"billion; Artemis I and II cost {b(cost.test_flight_musd)} in hardware, the landing's crew flight {b(cost.unit_musd)}; "
            f"Kennedy's ground systems {b(cost.facilities_musd)} (NASA OIG 2015: 0.975 billion spent FY2010-2014 and 2.4 planned "
            "FY2015-2019, CPI-U) and TRANSCOST's ground and mission operations of each SLS launch, "
            f"{b(cost.test_flight_operations_musd / max(cost.test_flights, 1))} a launch at 3 a year. The study buys at their prices "
            f"({b(bought)} billion, its purchases) the HLS Option A award, Gateway's PPE, HALO and their launch and the first xEVAS "
            "spacesuit task order. The SLS and Orion component rows (Cost) locate the errors: TRANSCOST develops SLS above NASA's "
            "baseline (whose scope is narrower, the row says how) and Orion's crew module below NASA's development of Orion since "
            "2006, and produces both below the OIG's per-launch split. Still missing: NASA's "
            "own HLS and Gateway programme costs beyond the contract prices, EGS's growth beyond its 2015 plan (about 40 %, the "
            "Planetary Society); the OIG's split of the 93 billion by programme was not read (docs/research/artemis_cost_research.md). "
            f"In their place the toolkit develops a habitat, life support, fission power and cargo stages ({b(outpost)} billion) "
            "the first landing did not have: without them the ratio would be "
            f"{bare:.2f}. The landing flies Starship HLS, refuelled in orbit: the HLS award buys its landing (purchases, covers: "
            f"crew_lander), so the crew lander item adds {b(items.get('crew_lander', 0.0))} billion; its "
            f"{sum(prob.get_val(var.LANDER_LAUNCHES)):.0f} Starship launches are counted but not costed (the award's price "
            "includes them) and its mass, with no sourced figure, is not counted.")


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
               "TRANSCOST stages, boosters and engines, crew module by TRANSCOST's crewed space system, service module by its "
               "liquid propulsion module)", average,
               sourced_to_base_musd(contract["price"], base, catalog), "MUSD", f"{contract['price']['source']}, via those reports",
               f"{'Agrees' if abs(average / sourced_to_base_musd(contract['price'], base, catalog) - 1) <= 0.5 else 'Does not agree'} "
               "(band 50 % for a single element). The OIG's figure also carries the ground operations of each launch, which this "
               "hardware row leaves out (the campaigns charge them by TRANSCOST's operations relationships, about 0.4 billion a "
               "launch); the RS-25 engines of Artemis I-IV were Shuttle engines, which the toolkit prices as new. Both component "
               "production rows are below the OIG's split (next rows): the row agreed (0.93) while Orion was costed by AMCM's "
               "crewed re-entry class, whose split put half of Orion's cost in each unit (2.1 times the OIG's Orion), offsetting "
               "the SLS's 0.47 (docs/research/crewed_vehicle_cost_research.md); it was 0.41 with the service module priced as a "
               "crewed space system too (before wip-costrows).")


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
               "(not split in the summary read); no relationship here prices those. How much of such a budget the prime "
               "contractor's hardware is: GAO (T-NSIAD-96-210, 24 July 1996, summary on gao.gov) split NASA's then estimate of "
               "17.4 billion to develop and operate the station to the end of assembly into the prime contractor's costs, 6.3 "
               "billion (36 %), the development of ground-based and on-orbit capabilities, 5.5, research facilities and research, "
               "2.6, and financial reserves, 3.0.")


#: NASA OIG's split of the 4.1 billion per SLS/Orion launch (Artemis I-IV; FY2021 dollars taken as 2021), IG-22-003
#: (Nov 2021): "we estimate the single-use SLS will cost $2.2 billion to produce, including two rocket stages, two solid
#: rocket boosters, four RS-25 engines, and two stage adapters", read in r/SpaceLaunchSystem's quotation of the report
#: (15 Nov 2021); the same split (2.2 billion the SLS, 568 million ground systems, 1 billion Orion, 300 million ESA's
#: service module) from the Inspector General's testimony of 1 Mar 2022, E. Berger, Ars Technica, as copied by
#: bbabo.net and cozyappliance.com. The report itself was not read (docs/research/artemis_cost_research.md).
OIG_SPLIT = ("NASA OIG IG-22-003 (Nov 2021), per launch of Artemis I-IV: SLS 2.2 billion to produce, Orion 1 billion, its European "
             "service module 0.3 billion, Kennedy's ground systems 568 million a year; the SLS sentence read in a quotation of the "
             "report (r/SpaceLaunchSystem, 15 Nov 2021), the split in the Inspector General's testimony of 1 Mar 2022 as reported by "
             "Ars Technica (E. Berger; copies on bbabo.net, cozyappliance.com); FY2021 dollars taken as 2021; the report itself not read")
OIG_SLS_MUSD, OIG_ORION_MUSD, OIG_ESM_MUSD, OIG_EGS_MUSD_PER_YEAR, OIG_YEAR = 2200.0, 1000.0, 300.0, 568.0, 2021
#: NASA's development baselines as The Planetary Society reports them ('The cost of SLS and Orion', 3 Aug 2022): SLS
#: 11.8 billion to its first launch (2.7 formulation, 9.1 development and implementation), Orion 13.8 billion from 2012 to
#: its first crewed launch. Then-year dollars (not stated): taken at the middle years 2017 (FY2012-2022) and 2018
#: (FY2012-2024), assumptions.
NASA_BASELINES = ("NASA's development cost commitments as reported by The Planetary Society, 'The cost of SLS and Orion' (3 Aug 2022, "
                  "planetary.org/space-policy/cost-of-sls-and-orion): SLS 11.8 billion to Artemis I (2.7 formulation + 9.1 "
                  "development), Orion 13.8 billion from 2012 to its first crewed flight; then-year dollars taken at the middle "
                  "years 2017 and 2018 (assumptions)")
SLS_BASELINE_MUSD, SLS_BASELINE_YEAR, ORION_BASELINE_MUSD, ORION_BASELINE_YEAR = 11_800.0, 2017, 13_800.0, 2018
#: Orion's development before 2012, under Constellation: NASA OIG, 'NASA's Management of the Orion Multi-Purpose Crew Vehicle
#: Program', IG-20-018 (16 Jul 2020), Results in Brief as reprinted by SpaceRef: 'by the time Artemis II launches the Agency
#: will have spent $19 billion in development costs on Orion ($6.3 billion of which was spent on development of the crew
#: vehicle under the predecessor Constellation Program)'; the same 6.3 billion, 'spent on Orion during the Constellation
#: program', left out of NASA's estimate (SpacePolicyOnline, 16 Jul 2020). Then-year dollars of 2006-2011 (the years not read
#: in a table): taken at 2009, the middle of FY2006-2011 rounded up (an assumption).
ORION_CONSTELLATION = ("NASA OIG, 'NASA's Management of the Orion Multi-Purpose Crew Vehicle Program', IG-20-018 (16 Jul 2020), "
                       "Results in Brief as reprinted by SpaceRef and reported by SpacePolicyOnline: 6.3 billion spent on the crew "
                       "vehicle's development under the Constellation Program (2006-2011), outside NASA's Orion estimate; then-year "
                       "dollars taken at 2009, the middle of FY2006-2011 (an assumption)")
ORION_CONSTELLATION_MUSD, ORION_CONSTELLATION_YEAR = 6_300.0, 2009


def _verdict(ratio: float, band: float) -> str:
    return f"{'Agrees' if abs(ratio - 1.0) <= band else 'Does not agree'} (band {band:.0%})"


def sls_orion_component_rows(Row) -> list:
    """The artemis_sls_orion programme part by part against NASA OIG's split of its cost per launch and
    NASA's development baselines: where the campaign row's SLS-and-Orion figure comes from. Band 50 %
    (single elements). The hardware rows average Artemis I-IV (units 1-4 of the learning curve)."""
    from trades.architecture.government_development import programme_cost, rate_of
    from trades.architecture.relationships import learning_sum
    from trades.architecture.launch_operations import coefficients, per_launch_musd
    from trades.study.catalog import load_catalog
    from trades.study.money import inflation_factor, sourced_to_base_musd

    catalog, base = load_catalog(), 2024
    cost = programme_cost(catalog, "artemis_sls_orion", 2, base)
    n = cost.launcher_parts
    craft_first = sum(f for _, _, f in cost.parts[n:])
    launcher_first = cost.first_unit_musd - craft_first  # TRANSCOST's f0 on production is in the launcher's first vehicle
    learning = learning_sum(rate_of(catalog.entry("crew_programmes", "artemis_sls_orion")), 4) / 4
    craft_dev = sum(d for _, d, _ in cost.parts[n:])
    dev_of, first_of = ({name: part[i] for name, *part in cost.parts[n:]} for i in (0, 1))
    cm_dev, esm_dev = dev_of["Orion crew module"], dev_of["Orion European service module"]
    launcher_dev = cost.development_musd - craft_dev
    nasa_orion = (ORION_BASELINE_MUSD * inflation_factor(ORION_BASELINE_YEAR, base, catalog)
                  + ORION_CONSTELLATION_MUSD * inflation_factor(ORION_CONSTELLATION_YEAR, base, catalog))
    oig = inflation_factor(OIG_YEAR, base, catalog)
    wyr = sourced_to_base_musd(catalog.entry("cost", "default")["work_year_value"], base, catalog)
    ground, _ = per_launch_musd(catalog, cost.operations_inputs, coefficients(catalog)["min_rate"], wyr)
    rows = []
    for quantity, ours, published, source, why in (
        ("SLS Block 1, production of one vehicle: average of Artemis I-IV (TRANSCOST first units of the core stage, ICPS, "
         f"boosters and RS-25s, f0, learning {learning:.3f})", launcher_first * learning, OIG_SLS_MUSD * oig, OIG_SPLIT,
         "The RS-25s of Artemis I-IV were Shuttle engines and the boosters Shuttle-derived (NASA OIG, May 2023, as reported), which "
         "TRANSCOST prices as new; the OIG's figure also carries the stage adapters and the contractors' sustaining work of a low production rate, "
         "which a first-unit relationship does not."),
        ("Orion crew module and European service module, one spacecraft: average of Artemis I-IV (first units: the crew module "
         f"by TRANSCOST's crewed space system, F = 0.16 M^0.98 WYr on 9.3 t, the service module by its liquid propulsion module, "
         f"F = 3.04 M^0.581 WYr on 6.2 t; learning {learning:.3f})", craft_first * learning,
         (OIG_ORION_MUSD + OIG_ESM_MUSD) * oig, OIG_SPLIT,
         f"Crew module {first_of['Orion crew module'] * learning:,.0f} MUSD against the OIG's Orion "
         f"{OIG_ORION_MUSD * oig:,.0f}, service module {first_of['Orion European service module'] * learning:,.0f} against its "
         f"{OIG_ESM_MUSD * oig:,.0f}. TRANSCOST's first units, like the SLS row's, are below the OIG's per-launch figures, which "
         "also carry the contractors' sustaining work at about one spacecraft a year; no production points of either CER were "
         "transcribed (cost.yaml transcost), so their first-unit relationships are the least checked part. AMCM's crewed re-entry "
         "class, split by its quantity law, gave 2.13 (half the cost in each unit; docs/research/crewed_vehicle_cost_research.md); "
         "the row was 0.50 with the service module priced as a crewed space system (before wip-costrows). The service module's "
         "0.3 billion is ESA's barter price, not its cost. Contract prices tell the same: NASA's Orion Production and Operations "
         "Contract ordered Artemis III-V's spacecraft for 2.7 billion (0.90 billion each, then-year 2019, cost-plus, with mission "
         "planning and support) and Lockheed Martin reported Artemis VI-VIII's at 1.99 billion in Oct 2022 (NASA's release of "
         "23 Sep 2019 and the company's, read in press copies, unverified; docs/research/sls_orion_production_contracts.md)."),
        ("SLS Block 1 development (TRANSCOST: stages, boosters and engines with their f1, f0)", launcher_dev,
         SLS_BASELINE_MUSD * inflation_factor(SLS_BASELINE_YEAR, base, catalog), NASA_BASELINES,
         "TRANSCOST develops the core stage (71 t dry) as a new standard stage (f1 = 1.0) though it inherits the Shuttle's tank "
         "and tooling; NASA's baseline counts only the first vehicle's development, not pre-formulation work, later "
         "vehicles or upgrades (NASA's OIG put SLS at 23.8 billion through FY2022 in its May 2023 audit of the booster and engine contracts, as reported via SoylentNews)."),
        ("Orion development, NASA's share: the crew module (TRANSCOST crewed space system, f1 = 1.0, 9.3 t); the European "
         f"service module, ESA's, apart ({esm_dev / 1000:,.1f} billion by the liquid propulsion module)", cm_dev, nasa_orion,
         f"{NASA_BASELINES}; {ORION_CONSTELLATION}",
         "Like with like: the published side is NASA's development of Orion from its start, 13.8 billion from 2012 (2018 "
         f"dollars taken) and 6.3 billion under Constellation (2009 taken), each tranche inflated from its own year by CPI-U; "
         "ESA develops the service module outside NASA's figures (a barter element, ESA's contract with Airbus), so the toolkit "
         f"side is the crew module alone, and the service module ({esm_dev / 1000:,.1f} billion, its own row below) is left out. "
         f"Against NASA's 2012 figure alone the crew module would be {cm_dev / (ORION_BASELINE_MUSD * inflation_factor(ORION_BASELINE_YEAR, base, catalog)):.2f}. "
         "Constellation's Orion had a service module of NASA's own design, whose part of the 6.3 billion was not read apart (an "
         "overstatement of the published side); both figures include the test spacecraft (Artemis I and II after 2012: the "
         "toolkit's test-flight units, not its development). The row was 1.82 (before wip-costrows) while the toolkit side "
         "carried the service module as a crewed space system (14.5 billion) against NASA's 2012 figure alone; AMCM's crewed "
         "re-entry class gave 0.23 of that figure (docs/research/crewed_vehicle_cost_research.md)."),
        ("Kennedy's ground operations of one SLS launch (TRANSCOST pre-launch operations at its lowest fitted rate, 3 a year)",
         ground, OIG_EGS_MUSD_PER_YEAR * oig, OIG_SPLIT + " (568 million a year, about one launch a year)",
         "The OIG's 568 million a year is the standing cost of Kennedy's ground systems (VAB, crawler, mobile launcher, pad, "
         "launch control) whatever the rate; TRANSCOST's per-launch relationship, held at 3 launches a year, gives one "
         "launch's share; the campaign charges it per launch and pays the facilities' construction apart (NASA OIG 2015)."),
    ):
        ratio = ours / published
        rows.append(Row("Cost (2024 dollars, CPI-U)", quantity, ours, published, "MUSD", source, f"{_verdict(ratio, 0.5)}. {why}"))
    return rows + [esm_contract_row(Row, cost, catalog, base)]


def esm_contract_row(Row, cost, catalog, base: int):
    """Orion's European Service Module (``cost``: the artemis_sls_orion programme's cost) by its relationship, the
    catalog's propulsion module, developed with the programme's f1 and one unit, against ESA's 2014 contract with
    Airbus for its design and first flight unit (contracts.yaml esm_airbus_esa_2014); band 50 % (a single contracted
    element, as the Gateway module rows)."""
    from trades.analyses.validation_gateway_modules import esa_cost_factor
    from trades.architecture.relationships import element_cost
    from trades.study.money import sourced_to_base_musd

    f8 = esa_cost_factor(catalog)  # ESA develops it: priced as a study prices what ESA provides
    dev, first = (f8 * x for x in next((d, f) for name, d, f in cost.parts if name == "Orion European service module"))
    contract = catalog.entry("contracts", "esm_airbus_esa_2014")
    craft = next(c for c in catalog.entry("crew_programmes", "artemis_sls_orion")["spacecraft"] if c["element_type"] == "propulsion_module")
    published = sourced_to_base_musd(contract["price"], base, catalog)
    f1 = float(craft["factors"]["f1"])
    crewed = element_cost("crew_spacecraft", float(craft["dry_mass_kg"]["value"]), ioc_year=int(craft["ioc_year"]["value"]),
                          factors=dict(craft["factors"]), base_year=base, catalog=catalog)
    return Row("Cost (2024 dollars, CPI-U)", "Orion European Service Module (ESA), government development: development and first "
               f"unit by the catalog's propulsion-module relationship (TRANSCOST liquid propulsion module, f1 = {f1:g}, "
               f"{craft['dry_mass_kg']['value'] / 1000:.1f} t dry; crew_programmes.yaml artemis_sls_orion), ESA's f8 = {f8:g}", dev + first, published,
               "MUSD", f"{contract['id']}, as reported by the press: {contract['price']['source']}; {contract['price']['year']} dollars, CPI-U",
               f"{_verdict((dev + first) / published, 0.5)}: development {dev:,.0f} MUSD, first unit {first:,.0f}. The contract "
               "(390 MEUR, firm fixed price) buys the design, one flight unit and parts for a second, ESA's industrial price: ESA's "
               "own programme costs and the design work approved in May 2014, before the contract (Airbus, 17 Nov 2014), are "
               "outside it. The module evolved from ESA's ATV; TRANSCOST's f1 for a 'minor variation' (0.4-0.6) instead of the "
               f"catalog's 1.0 would give {(0.5 / f1 * dev + first) / published:.2f} at 0.5. The crewed-space-system relationship "
               f"(before wip-costrows) gave {crewed.development_musd / 1000:,.1f} billion of development and "
               f"{crewed.first_unit_musd / 1000:.2f} of first unit, {f8 * (crewed.development_musd + crewed.first_unit_musd) / published:.0f} "
               "times the contract: out of its class (docs/research/orion_service_module_cost.md).")

"""The Apollo-like campaign's components against NASA's Apollo budget lines (``trades validation-report``).

The campaign row (trades/analyses/validation.py) sets the whole study against the Planetary Society's
total; these rows locate the difference. Each sets what the toolkit's relationships give for one
component (development plus the hardware the study flies) beside NASA's appropriations for that
component's budget line, each fiscal year inflated from its own year by CPI-U:

- Saturn V (TRANSCOST stages and engines) against the 'Saturn V' and 'Engine development' lines;
- Saturn V production cost per vehicle (TRANSCOST, on the programme's learning curve) against NASA
  SP-4206's average production cost of one vehicle;
- the command and service module (its class's relationship, TRANSCOST crewed space system with the
  programme's f1) against the 'Command & service modules' line;
- the lunar module (the study's crew lander, by its class's relationship) against the 'Lunar module' line.

These are validations of relationships. The Saturn IB and Saturn I enter the study at these same
appropriations (``programme_items`` of crew_programmes.yaml): published figures used directly,
programme items, not validations, and no row here sets them against themselves.
"""

from __future__ import annotations

import functools

#: NASA SP-4205 (Brooks, Grimwood & Swenson, 'Chariots for Apollo', 1979), Appendix H 'Funding - As of
#: 30 June 1969' (thousands of dollars), read in the HTML edition of NASA's History Office as kept in
#: github.com/foolip/chariotsforapollo (app-h.html); here in MUSD by fiscal year. Appropriations through
#: FY1969 only: the lines' FY1970-1973 spending was not read (NASA Historical Data Book vol. III, SP-4012,
#: would give it; docs/research/apollo_cost_research.md).
APPENDIX_H = ("NASA SP-4205, 'Chariots for Apollo' (1979), Appendix H 'Funding - As of 30 June 1969', Apollo programme lines "
              "FY1963-1969, then-year, each fiscal year inflated from its own year (CPI-U), via NASA's HTML edition kept in "
              "github.com/foolip/chariotsforapollo")
APOLLO_LINES_MUSD = {
    "csm": {1963: 345.0, 1964: 545.874, 1965: 577.834, 1966: 615.0, 1967: 560.4, 1968: 455.3, 1969: 346.0},
    "lm": {1963: 123.1, 1964: 135.0, 1965: 242.6, 1966: 310.8, 1967: 472.5, 1968: 399.6, 1969: 326.0},
    "saturn_v": {1964: 763.382, 1965: 964.924, 1966: 1177.32, 1967: 1135.6, 1968: 998.9, 1969: 534.453},
    "engines": {1964: 166.0, 1965: 166.3, 1966: 134.095, 1967: 49.8, 1968: 18.7},
    "guidance": {1963: 32.4, 1964: 91.499, 1965: 81.038, 1966: 115.0, 1967: 76.654, 1968: 113.0, 1969: 43.9},
    "integration_support": {1964: 60.699, 1965: 24.763 + 83.663, 1966: 34.4 + 95.4, 1967: 29.975 + 110.771, 1968: 66.6 + 60.5,
                            1969: 65.1 + 121.8},
    "mission_operations": {1964: 133.101, 1965: 170.542, 1966: 210.385, 1967: 243.9, 1968: 296.8, 1969: 546.4},
    # the Apollo programme's total each fiscal year (FY1960-1961: 0.1 and 1.0, outside the catalog's CPI-U years)
    "total": {1962: 160.0, 1963: 617.164, 1964: 2243.9, 1965: 2614.619, 1966: 2967.385, 1967: 2916.2, 1968: 2556.0, 1969: 2025.0},
}

#: NASA SP-4206 (R. E. Bilstein, 'Stages to Saturn', 1980), Appendix A, 'Average R&D Costs for One Saturn I, IB,
#: and V Launch Vehicle': 'Saturn V Total Production Costs - $113.1M' (S-IC 21.3, S-II 26.2, S-IVB 17.3, IU 13.7,
#: GSE 11.5, engines 23.1), MSFC hardware only, 'exclude all development, sustaining engineering, transportation,
#: propellants, storage, etc., required to launch'; read in the american-spacecraft.org transcription. The dollar
#: year is not stated: taken as 1967, the year of the first Saturn V flight (an assumption).
SATURN_V_UNIT_MUSD, SATURN_V_UNIT_YEAR = 113.1, 1967
SP_4206 = ("NASA SP-4206 (Bilstein, 'Stages to Saturn', 1980), Appendix A: Saturn V total production cost 113.1 MUSD a vehicle "
           "(stages, instrument unit, engines, spares and stage GSE; no development or launch), via the american-spacecraft.org "
           "transcription; dollar year not stated, taken as 1967 (an assumption)")


def line_musd(name: str, base_year: int, catalog) -> float:
    """A budget line's appropriations in base-year MUSD, each fiscal year from its own year."""
    from trades.study.money import inflation_factor

    return sum(v * inflation_factor(y, base_year, catalog) for y, v in APOLLO_LINES_MUSD[name].items())


def then_year(name: str) -> float:
    return sum(APOLLO_LINES_MUSD[name].values())


#: The Planetary Society, "How much did the Apollo program cost?" (planetary.org/space-policy/cost-of-apollo):
#: Project Apollo 1960-1973, 25.8 billion then-year (direct 20.6: spacecraft 8.1, launch vehicles 9.4,
#: development and operations 3.1; ground facilities, salaries and overhead 5.2). Its year-by-year split
#: was not read, only NASA's FY1962-1969 lines (APOLLO_LINES_MUSD["total"]).
APOLLO_THEN_YEAR_MUSD = 25_800.0
COST_OF_APOLLO = ("The Planetary Society, 'How much did the Apollo program cost?' (planetary.org/space-policy/cost-of-apollo, "
                  "via its stored copy): Project Apollo 1960-1973, 25.8 billion then-year; here at CPI-U: NASA's FY1962-1969 "
                  "Apollo appropriations (NASA SP-4205, Appendix H) year by year, the remaining then-year dollars at FY1962's "
                  "multiplier, the highest of the years Apollo spent them in (an upper bound)")


def published_total_cpi_u(base_year: int, catalog) -> tuple[float, float]:
    """The Planetary Society's then-year total in base-year MUSD at CPI-U, as an (upper, lower) bound:
    NASA's FY1962-1969 lines year by year, and the rest (FY1970-1973, facilities, salaries and overhead,
    whose years were not read) at the multiplier of FY1962 (the highest) or FY1973 (the lowest).
    FY1960-1961 (about 1 million then-year) are outside the catalog's CPI-U years."""
    from trades.study.money import inflation_factor

    lines, rest = line_musd("total", base_year, catalog), APOLLO_THEN_YEAR_MUSD - then_year("total")
    return (lines + rest * inflation_factor(1962, base_year, catalog),
            lines + rest * inflation_factor(1973, base_year, catalog))


@functools.lru_cache(maxsize=None)
def _apollo():
    """The Apollo-like study, its programme's cost as its run prices it, and its run's cost items."""
    from pathlib import Path

    from trades.analyses.cost_summary import summarize_cost
    from trades.analyses.evaluate import evaluate
    from trades.architecture.government_development import crewed_flights, programme_cost
    from trades.study.catalog import load_catalog
    from trades.study.schema import load_study

    path = Path(__file__).resolve().parents[2] / "studies" / "apollo_like_lunar_campaign.yaml"
    study = load_study(path)
    catalog = load_catalog()
    cost = programme_cost(catalog, study.acquisition["crew_transport"].programme, crewed_flights(study, 1),
                          study.campaign.dollar_base_year, study)
    arch, prob = evaluate(study, str(path))
    items = {i["item"]: i for i in summarize_cost(arch, prob)["items"]}
    return study, catalog, cost, items


def _flown_units(cost) -> float:
    """The learning-curve sum over the programme's flights, test flights first (units 1..n at its rate)."""

    from trades.architecture.government_development import rate_of
    from trades.architecture.relationships import learning_sum

    from trades.study.catalog import load_catalog

    rate = rate_of(load_catalog().entry("crew_programmes", cost.programme))
    return learning_sum(rate, cost.test_flights + cost.crewed_flights)


def _verdict(ratio: float, band: float) -> str:
    return f"{'Agrees' if abs(ratio - 1) <= band else 'Does not agree'} (band {band:.0%})"


def _named(rel) -> str:
    """'TRANSCOST crewed space system, f1 = 1.3' from a (method, name[, factors]) relationship."""
    method, name, *factors = rel
    label = f"{method.upper()} {name.replace('_', ' ')}"
    given = ", ".join(f"{k} = {v:g}" for k, v in (factors[0] if factors else {}).items())
    return f"{label}, {given}" if given else label


def _lander_relationship(study, catalog) -> tuple:
    """The study's crew-lander relationship: (method, name, factors)."""
    from trades.architecture.cost_relationships import table

    entry = table(catalog.entry("cost", "default"), study)["crew_lander"]
    return (entry["method"], entry.get("category") or entry.get("specification"), entry.get("factors") or {})


def component_rows(Row) -> list:
    """The Saturn V, its production unit, the CSM and the LM against NASA's budget lines."""
    from trades.study.money import inflation_factor

    study, catalog, cost, items = _apollo()
    base = study.campaign.dollar_base_year
    n = cost.test_flights + cost.crewed_flights
    units = _flown_units(cost)
    launcher = cost.parts[:cost.launcher_parts]
    lv_dev = sum(d for _, d, _ in launcher) * cost.launcher_f0[0]
    lv_first = sum(f for _, _, f in launcher) * cost.launcher_f0[1]
    (csm_name, csm_dev, csm_first), = cost.parts[cost.launcher_parts:]
    craft = catalog.entry("crew_programmes", study.acquisition["crew_transport"].programme)["spacecraft"][0]
    csm_method = cost.part_relationships[-1][0]
    csm_rel = _named(cost.part_relationships[-1] + ((craft.get("factors") or {}) if csm_method == "transcost" else {},))
    lm_rel = _named(_lander_relationship(study, catalog))
    lander = items["crew_lander"]
    lm_ours = lander["development_musd"] + lander["production_musd"]
    section = "Apollo components (2024 dollars, CPI-U)"
    b = lambda musd: f"{musd / 1000:,.1f}"  # noqa: E731

    saturn_v = lv_dev + lv_first * units
    saturn_v_pub = line_musd("saturn_v", base, catalog) + line_musd("engines", base, catalog)
    unit_ours = lv_first * units / n
    unit_pub = SATURN_V_UNIT_MUSD * inflation_factor(SATURN_V_UNIT_YEAR, base, catalog)
    csm = csm_dev + csm_first * units
    csm_pub = line_musd("csm", base, catalog)
    lm_pub = line_musd("lm", base, catalog)
    through = ("NASA's lines are appropriations through 30 June 1969 (FY1970-1973 not read), so the published figure "
               "is a lower bound on the line's whole cost.")
    return [
        Row(section, f"Saturn V: development of its stages and engines (TRANSCOST, f1 = 1.3) and the hardware of the study's "
            f"{n} flights ({cost.test_flights} test flights, {cost.crewed_flights} landings) on the 80 % learning curve",
            saturn_v, saturn_v_pub, "MUSD", APPENDIX_H + ": 'Saturn V' FY1964-1969 "
            f"({then_year('saturn_v'):,.1f} MUSD then-year) and 'Engine development' FY1964-1968 ({then_year('engines'):,.1f})",
            f"{_verdict(saturn_v / saturn_v_pub, 0.3)}: development {b(lv_dev)} billion, the {n} vehicles {b(lv_first * units)}. "
            "TRANSCOST's stage relationships at f1 = 1.3 develop the Saturn V for more than NASA appropriated for it and its engines "
            "by mid-1969, when 15 vehicles had been ordered; the S-IC is at the top of the stage relationship's fitted range "
            "(crew_programmes.yaml). " + through),
        Row(section, f"Saturn V production cost of one vehicle: the study's average over its {n} vehicles (TRANSCOST first unit "
            f"{lv_first:,.0f} MUSD on the 80 % learning curve)", unit_ours, unit_pub, "MUSD", SP_4206,
            f"{_verdict(unit_ours / unit_pub, 0.3)}. NASA's average carries the instrument unit and stage GSE, which the toolkit's "
            "stages and engines do not; the published dollar year is assumed."),
        Row(section, f"Command and service module: development ({csm_rel}, {csm_name} {b(csm_dev)} billion) and the "
            f"hardware of {n} CSMs on the 80 % learning curve (first unit {csm_first:,.0f} MUSD)", csm, csm_pub, "MUSD",
            APPENDIX_H + f": 'Command & service modules' FY1963-1969 ({then_year('csm'):,.1f} MUSD then-year)",
            f"{_verdict(csm / csm_pub, 0.3)}. The relationship's development/first-unit ratio is its own class's (crewed "
            "vehicles; AMCM's crewed re-entry class, split by its quantity law, gave 0.29 of the line: "
            "docs/research/crewed_vehicle_cost_research.md). Apollo's guidance and navigation line "
            f"({then_year('guidance'):,.1f} then-year, {b(line_musd('guidance', base, catalog))} billion 2024) and the "
            f"spacecraft's integration, checkout and support lines ({then_year('integration_support'):,.1f}, "
            f"{b(line_musd('integration_support', base, catalog))} billion 2024) are outside the CSM line and outside the model. "
            + through),
        Row(section, f"Lunar module: development and production of the study's {cost.crewed_flights} lunar modules (its crew lander, "
            f"by {lm_rel}, the study's choice)", lm_ours, lm_pub, "MUSD",
            APPENDIX_H + f": 'Lunar module' FY1963-1969 ({then_year('lm'):,.1f} MUSD then-year)",
            f"{_verdict(lm_ours / lm_pub, 0.3)}: development {b(lander['development_musd'])} billion, production "
            f"{b(lander['production_musd'])} (AMCM's planetary-lander class gave 0.46 of the line). Apollo also flew lunar modules on Apollo 5, 9, 10 and 13 (read in secondary pages "
            "only) and bought test articles, which the study does not. " + through),
    ]

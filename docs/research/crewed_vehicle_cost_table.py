"""Crewed vehicles by AMCM and by TRANSCOST's crewed-space-system CER, side by side (issue 18).

Run from the repository root: ``python docs/research/crewed_vehicle_cost_table.py``. Prints the
Markdown tables of docs/research/crewed_vehicle_cost_research.md: (1) the CER's reference points
as digitized in MIT lvreuse against the CER; (2) each crewed vehicle with a published cost the
toolkit's validation rows use, by both relationships, with the rows' own definitions (the CSM with
11 units, the LM with 6, Orion's development and its average unit over Artemis I-IV, all on the
programmes' 80 % learning curve, 2024 dollars, CPI-U). The campaign rows (Apollo, Artemis) are
whole study runs: `trades validation-report` before and after the change gives them.
"""

from __future__ import annotations

import math
from pathlib import Path

import yaml

from trades.analyses.validation_apollo import line_musd
from trades.analyses.validation_programmes import (NASA_BASELINES, OIG_ESM_MUSD, OIG_ORION_MUSD, OIG_YEAR, ORION_BASELINE_MUSD,
                                                   ORION_BASELINE_YEAR)
from trades.architecture.government_development import _with_study_relationships
from trades.architecture.relationships import element_cost, learning_sum
from trades.study.catalog import load_catalog
from trades.study.money import inflation_factor

BASE = 2024
#: lvreuse lvreuse/data/CER_data/CER_data.py (github.com/mvernacc/lvreuse, commit 9c2c43b): the lvreuse authors'
#: digitization of Koelle's chart of the crewed-space-system CER, reference mass [kg] and development [WYr]; the
#: file does not name the projects.
POINTS = [(2946.6975, 22162.35), (4203.5815, 30283.627), (13247.841, 44301.105), (17115.299, 43414.305),
          (57443.727, 62267.27), (278895.28, 148017.44)]
AMCM = {"crew_spacecraft": {"method": "amcm", "specification": "crewed_reentry"},
        "crew_lander": {"method": "amcm", "specification": "planetary_lander"}}
TRANSCOST = {"crew_spacecraft": {"method": "transcost", "category": "crewed_space_system"},
             "crew_lander": {"method": "transcost", "category": "crewed_space_system"}}


APOLLO_STUDY = Path(__file__).resolve().parents[2] / "studies" / "apollo_like_lunar_campaign.yaml"


def reference_points() -> str:
    cer_entry = load_catalog().entry("cost", "default")["transcost"]["crewed_space_system"]
    a, x = float(cer_entry["dev_a"]), float(cer_entry["dev_x"])
    lines = [f"| reference mass [kg] | development [WYr], chart | CER {a:g} M^{x:g} [WYr] | chart / CER |", "| --- | --- | --- | --- |"]
    logs = []
    for m, h in POINTS:
        cer = a * m ** x
        logs.append(math.log(h / cer))
        lines.append(f"| {m:,.0f} | {h:,.0f} | {cer:,.0f} | {h / cer:.2f} |")
    sigma = math.sqrt(sum(x * x for x in logs) / (len(logs) - 2))
    lines.append(f"\nStandard error of ln(chart / CER), n - 2 degrees of freedom: {sigma:.3f} (cost.yaml: 0.124).")
    return "\n".join(lines)


def vehicles() -> str:
    catalog = load_catalog()
    rows = []
    oig = inflation_factor(OIG_YEAR, BASE, catalog)
    orion_dev_pub = ORION_BASELINE_MUSD * inflation_factor(ORION_BASELINE_YEAR, BASE, catalog)
    avg4 = learning_sum(0.8, 4) / 4
    # the vehicles as the catalog and the Apollo-like study give them: masses, first flights and f1
    csm_spec, = catalog.entry("crew_programmes", "apollo_saturn_v_csm")["spacecraft"]
    cm_spec, esm_spec = catalog.entry("crew_programmes", "artemis_sls_orion")["spacecraft"]
    apollo = yaml.safe_load(APOLLO_STUDY.read_text())
    lm_mass = float(catalog.entry("elements", apollo["transportation"]["crew_lander"])["dry_mass_kg"]["value"])
    lm_f1, lm_ioc = apollo["cost"]["relationships"]["crew_lander"]["factors"], apollo["outpost"]["deploy_year"]

    def craft(spec: dict, cat, transcost: bool):
        return element_cost(spec["element_type"], float(spec["dry_mass_kg"]["value"]), ioc_year=int(spec["ioc_year"]["value"]),
                            factors=spec.get("factors") if transcost else None, base_year=BASE, catalog=cat)

    for label, table in (("AMCM", AMCM), ("TRANSCOST", TRANSCOST)):
        cat = _with_study_relationships(catalog, None, table)
        tc = label == "TRANSCOST"
        csm = craft(csm_spec, cat, tc)
        lm = element_cost("crew_lander", lm_mass, ioc_year=lm_ioc, factors=lm_f1 if tc else None, base_year=BASE, catalog=cat)
        cm, esm = craft(cm_spec, cat, tc), craft(esm_spec, cat, tc)
        csm_total = csm.development_musd + csm.first_unit_musd * learning_sum(0.8, 11)
        lm_total = lm.development_musd + lm.first_unit_musd * learning_sum(0.8, 6)
        rows += [
            (label, "CSM, 11.9 t: development + 11 units", csm.development_musd, csm.first_unit_musd, csm_total, line_musd("csm", BASE, catalog)),
            (label, "LM, 4.9 t: development + 6 units", lm.development_musd, lm.first_unit_musd, lm_total, line_musd("lm", BASE, catalog)),
            (label, "Orion CM 9.3 t + ESM 6.2 t: development", cm.development_musd + esm.development_musd, cm.first_unit_musd + esm.first_unit_musd,
             cm.development_musd + esm.development_musd, orion_dev_pub),
            (label, "Orion CM alone: development (NASA's figure excludes ESA's ESM)", cm.development_musd, cm.first_unit_musd,
             cm.development_musd, orion_dev_pub),
            (label, "Orion CM + ESM: average unit of Artemis I-IV", None, None, (cm.first_unit_musd + esm.first_unit_musd) * avg4,
             (OIG_ORION_MUSD + OIG_ESM_MUSD) * oig),
        ]
    lines = ["| relationship | vehicle, quantity | development | first unit | toolkit | published | ratio |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for label, what, dev, first, ours, pub in rows:
        d = f"{dev:,.0f}" if dev is not None else "-"
        f = f"{first:,.0f}" if first is not None else "-"
        lines.append(f"| {label} | {what} | {d} | {f} | {ours:,.0f} | {pub:,.0f} | {ours / pub:.3f} |")
    lines.append(f"\nMUSD {BASE}. Published: NASA SP-4205 Appendix H (CSM, LM lines FY1963-1969, CPI-U by fiscal year); "
                 f"{NASA_BASELINES} (Orion development); NASA OIG IG-22-003 (Orion 1 billion + ESM 0.3 billion per launch, FY2021).")
    return "\n".join(lines)


if __name__ == "__main__":
    print(reference_points())
    print()
    print(vehicles())

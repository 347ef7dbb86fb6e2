"""Crew landers are elements of the lunar architectures (issue 17).

The lunar campaign studies name a catalogued crew lander; one lander per crew rotation goes
through the crew_lander stream's stage chain, and its mass in the launch orbit is checked
against an independent hand calculation: vis-viva for the trans-lunar injection burn and the
rocket equation with the catalog's propellant values, written out here rather than taken from
the model's components.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from trades.study.catalog import load_catalog

STUDIES = Path(__file__).resolve().parents[1] / "studies"
#: study stem -> the expendable crew lander it flies (the Artemis-like study flies Starship HLS,
#: refuelled in orbit: tests/trades/test_refuelled_lander.py)
LANDERS = {
    "apollo_like_lunar_campaign": "apollo_lm",
    "lunar_south_pole_outpost": "altair",
}

G0 = 9.80665  # m/s^2, standard gravity (CGPM 1901)
MU_EARTH = 398600.4418  # km^3/s^2, IERS Conventions (2010), Table 1.1 (GM of the Earth)
R_EARTH = 6378.1366  # km, IERS Conventions (2010), Table 1.1 (equatorial radius)


def _evaluate(stem: str):
    from trades.analyses.evaluate import evaluate
    from trades.study.schema import load_study

    path = STUDIES / f"{stem}.yaml"
    study = load_study(path)
    return study, evaluate(study, str(path))[1]


@pytest.mark.parametrize("stem, lander", sorted(LANDERS.items()))
def test_lunar_studies_fly_a_catalogued_crew_lander(stem, lander):
    """Each lunar campaign names its crew lander, cites where its numbers come from, and the
    catalog entry carries the figures the toolkit uses (gross mass to the staging orbit, crew,
    surface stay), each with a source."""
    from trades.study.schema import load_study

    study = load_study(STUDIES / f"{stem}.yaml")
    assert study.transportation.crew_lander == lander
    assert lander in study.input_sources["transportation.crew_lander"]
    entry = load_catalog().entry("elements", lander)
    assert entry["type"] == "crew_lander"
    for field in ("mass_kg", "crew", "surface_stay_days"):
        assert entry[field]["value"] > 0 and entry[field]["source"].strip(), (lander, field)
    assert entry["crew"]["value"] >= (2 if lander == "apollo_lm" else 4)


def test_catalogued_lander_masses_are_the_published_figures():
    """The catalog's values against the figures their sources print: Apollo 17's LM 16,456 kg
    (within 0.3 % of 'over 36,200 lb', Apollo by the Numbers p. 276) and 10,850 lb dry; Altair
    'slightly less than 33 mt' after lunar-orbit insertion (NTRS 20100035768)."""
    catalog = load_catalog()
    lb = 0.45359237  # kg per pound (exact, international pound)
    lm = catalog.entry("elements", "apollo_lm")
    assert lm["mass_kg"]["value"] == pytest.approx(36_200 * lb, rel=0.003)
    assert lm["dry_mass_kg"]["value"] == pytest.approx(10_850 * lb, abs=1.0)
    assert catalog.value("elements", "altair", "mass_kg") == 33_000.0
    assert catalog.value("elements", "altair", "earth_liftoff_mass_kg") == 45_000.0
    hls = catalog.entry("elements", "starship_hls")["launches_per_landing"]  # NASA: 'in the high teens', reported as up to 20
    assert hls["value"] == 20 and "high teens" in hls["source"]


def _stage_initial_mass(payload: float, dv_m_s: float, isp: float, boiloff: float, days: float, stage: dict) -> float:
    """Payload plus a stage that burns through ``dv_m_s``, written out by hand. Propellant boiled
    off during the coast is carried, not burned. Two stage relationships are covered, whichever
    the model's stage has (its inputs name it):

    - inert mass a fraction ``f`` of inert plus burned propellant:
      ``s = P (R - 1) / (1 - R f)``, ``m0 = P + s + (1 - f) s (B - 1)``;
    - tanks ``a`` per kg of loaded propellant and engines ``b`` of the ignition mass, with a
      gravity loss: ``m1 = P / (1 - (1 + aB)(1 - 1/R) - b)``, ``m0 = m1 + m1 (1 - 1/R)(B - 1)``.
    """
    growth = math.exp(boiloff * days)
    ratio = math.exp((dv_m_s + stage["gravity_loss"]) / (G0 * isp))
    tank = stage["tank_mass_per_volume"] / stage["propellant_density"] * growth
    engine = stage["thrust_to_weight"] / stage["engine_thrust_to_weight"]
    ignition = payload / (1.0 - (1.0 + tank) * (1.0 - 1.0 / ratio) - engine)
    return ignition + ignition * (1.0 - 1.0 / ratio) * (growth - 1.0)


def _tli_m_s(altitude_km: float, apoapsis_km: float, reserve: float) -> float:
    """First burn of a Hohmann transfer by vis-viva, plus the leg's reserve."""
    r1 = R_EARTH + altitude_km
    v_circular = math.sqrt(MU_EARTH / r1)
    v_perigee = math.sqrt(MU_EARTH * (2.0 / r1 - 2.0 / (r1 + apoapsis_km)))
    return (v_perigee - v_circular) * (1.0 + reserve) * 1000.0


STAGE_COEFFICIENTS = ("gravity_loss", "tank_mass_per_volume", "propellant_density",
                      "thrust_to_weight", "engine_thrust_to_weight")


@pytest.mark.parametrize("stem", ["apollo_like_lunar_campaign", "lunar_south_pole_outpost"])
def test_crew_lander_mass_in_launch_orbit_by_hand(stem):
    """One lander per crew rotation, carried to the staging orbit by the route's stages: the
    model's crew-lander mass in the launch orbit each year equals the hand calculation. Delta-v
    (vis-viva for TLI, the catalog's legs for the lunar-orbit insertion), Isp and boil-off are the
    catalog's; the stage's mass coefficients are those the model was given for that stage. A crew
    spacecraft a government-developed programme flies with the lander (Apollo's CSM, fuelled) rides
    the departure stage only: it joins the lander stage's initial mass at trans-lunar injection."""
    from trades.architecture.government_development import flown_spacecraft

    study, prob = _evaluate(stem)
    catalog = load_catalog()
    rider_mass = sum(float(mass["value"]) for _, mass in flown_spacecraft(study, catalog))
    assert (rider_mass == 30369.0) is (stem == "apollo_like_lunar_campaign")  # elements.yaml apollo_csm
    legs = catalog.entries["delta_v"]
    staging = study.transportation.staging  # llo (Apollo-like) or nrho (flagship)
    # the flagship's Altair (designed for llo) flies resized for NRHO: its gross mass by hand (below)
    lander_mass = (_resized_by_hand(catalog, "altair", "nrho")[0] if staging == "nrho"
                   else catalog.value("elements", study.transportation.crew_lander, "mass_kg"))
    lander_dv = (legs[f"tli_to_{staging}"]["delta_v"]["value"] + legs["rendezvous"]["delta_v"]["value"]) * 1000.0
    tli = legs["leo_to_tli"]
    tli_dv = _tli_m_s(study.transportation.launch_orbit_altitude_km, tli["apoapsis_radius_km"]["value"],
                      tli["reserve_fraction"]["value"])
    days = study.transportation.loiter_days

    def stage_inputs(index: int) -> dict:
        found = {}
        for name in STAGE_COEFFICIENTS:
            try:
                found[name] = float(prob.get_val(f"transfer_crew_lander.stage{index}.{name}")[0])
            except KeyError:
                continue
        return found

    def prop(name, field):
        return catalog.value("propellants", name, field)

    lander_stage, departure_stage = stage_inputs(1), stage_inputs(0)
    rotations = prob.get_val("crew.crew_rotations")
    model = prob.get_val("transfer_crew_lander.mass_in_launch_orbit", units="kg")
    for year, n, ours in zip(study.years, rotations, model):
        p = study.transportation.lander_propellant
        at_tli = _stage_initial_mass(n * lander_mass, lander_dv, prop(p, "isp_vac_s"), prop(p, "boiloff_fraction_per_day"),
                                     days, lander_stage)
        d = study.transportation.departure_propellant
        in_leo = _stage_initial_mass(at_tli + n * rider_mass, tli_dv, prop(d, "isp_vac_s"), prop(d, "boiloff_fraction_per_day"), days,
                                     departure_stage)
        assert ours == pytest.approx(in_leo, rel=1e-6), year
    assert sum(rotations) > 0 and model.max() > 2.0 * lander_mass  # more than the landers themselves reach LEO
    delivered = prob.get_val("crew_lander_demand.lander_mass", units="kg")
    assert delivered == pytest.approx(rotations * lander_mass)


def test_every_catalogued_crew_lander_is_costed():
    """The LM (a dry mass read as commonly quoted), Altair and Lanyue (dry masses derived, below)
    all have a dry mass, so each study that flies one costs its hardware by the crew_lander class's
    relationship; no run says a lander's hardware is not costed."""
    from trades.architecture.resolve import resolve
    from trades.study.schema import load_study

    catalog = load_catalog()
    for stem in ("apollo_like_lunar_campaign", "lunar_south_pole_outpost", "lunar_research_station_cnsa_roscosmos"):
        path = STUDIES / f"{stem}.yaml"
        arch = resolve(load_study(path), str(path))
        lander = arch.cost.item_index("crew_lander")
        costed = [e for e in arch.cost.elements if e.item == lander]
        assert [e.name for e in costed] == ["crew_lander"], stem
        lander_id, staging = arch.study.transportation.crew_lander, arch.study.transportation.staging
        dry = (_resized_by_hand(catalog, lander_id, staging)[1] if staging != catalog.entry("elements", lander_id)["design_staging"]
               else catalog.value("elements", lander_id, "dry_mass_kg"))
        assert costed[0].mass_kg == pytest.approx(dry, rel=1e-9), stem
        assert "hardware is not costed" not in " ".join(arch.notes), stem
        assert "crew landers are not in the modelled manifest" not in " ".join(arch.notes)


def test_a_bought_lander_is_not_costed_again():
    """A study that buys the HLS award and flies Altair as a stand-in (the Artemis-like study before it
    flew Starship HLS): the purchase covers the crew lander, so Altair's hardware is not costed beside
    the contract's price."""
    from trades.architecture.resolve import resolve
    from trades.study.schema import load_study

    path = STUDIES / "artemis_like_lunar_campaign.yaml"
    study = load_study(path)
    study.transportation.crew_lander = "altair"
    arch = resolve(study, str(path))
    assert [e for e in arch.cost.elements if e.item == arch.cost.item_index("crew_lander")] == []
    assert any("buys the architecture's crew_lander: its hardware is not costed again" in n for n in arch.notes)


@pytest.mark.parametrize("lander", ["altair", "lanyue"])
def test_derived_dry_masses_are_the_catalogs(lander):
    """Altair and Lanyue have no dry mass read in a source: the catalog's figure is the
    derivation's (trades.architecture.crew_lander_mass) from the entry's gross mass, legs and
    propellants, to the kilogram, and it is marked unverified with a source naming the derivation."""
    from trades.architecture.crew_lander_mass import derived_dry_mass

    catalog = load_catalog()
    dry = catalog.entry("elements", lander)["dry_mass_kg"]
    assert dry["value"] == pytest.approx(derived_dry_mass(catalog, lander), abs=0.5)
    assert dry["verified"] is False and dry["source"].startswith("DERIVED") and "expendable_lander" in dry["source"]


def test_the_derivation_by_hand_and_against_the_apollo_lm():
    """Altair by hand: descent 2.18 km/s on LOX/LH2 at 462 s from 33,000 kg burns
    33,000 (1 - exp(-2180 / (9.80665 x 462))) = 12,604 kg; the descent stage is 12,604 x 0.198 / 0.802
    = 3,112 kg dry; the ascent stage, 33,000 - 12,604 - 3,112 = 17,284 kg, burns out after
    1.968 + 0.045 km/s at 316 s at 17,284 exp(-2013 / (9.80665 x 316)) = 9,027 kg: 12,139 kg dry.
    The same derivation applied to the Apollo LM (16,456 kg, all stages on storables at 316 s) gives
    5,233 kg against its catalogued 4,921 kg (10,850 lb, 'Apollo Lunar Module' infobox, unverified),
    6 % high: the check the derivation can have, the LM being the one crewed lander with a known dry
    mass (and the source of the descent stage's inert fraction, so not independent for that part)."""
    from trades.architecture.crew_lander_mass import derived_masses
    from trades.models.transfer.expendable_lander import expendable_lander_masses

    catalog = load_catalog()
    altair = derived_masses(catalog, "altair")
    assert altair.descent_propellant == pytest.approx(12_604, abs=1.0)
    assert altair.descent_dry == pytest.approx(3_112, abs=1.0)
    assert altair.ascent_gross == pytest.approx(17_284, abs=1.0)
    assert altair.ascent_dry == pytest.approx(9_027, abs=1.0)
    lm = expendable_lander_masses(catalog.value("elements", "apollo_lm", "mass_kg"), 2180.0, 2013.0, 316.0, 316.0, 0.198)
    assert lm.dry == pytest.approx(5_233, abs=1.0)
    assert lm.dry == pytest.approx(catalog.value("elements", "apollo_lm", "dry_mass_kg"), rel=0.10)


def test_a_campaign_without_crews_develops_no_crew_lander():
    """The ILRS study's robotic phase (rotations_per_year 0) names Lanyue but flies no crew: no
    lander is built, so none is developed either (before Lanyue had a dry mass this cost nothing
    by accident; with one, it would have cost its whole development for no landing)."""
    from trades.architecture.resolve import resolve
    from trades.study.schema import load_study

    path = STUDIES / "ilrs_lunar_station_many_partners.yaml"
    arch = resolve(load_study(path), str(path))
    assert arch.study.outpost.rotations_per_year == 0 and arch.study.transportation.crew_lander == "lanyue"
    assert [e for e in arch.cost.elements if e.item == arch.cost.item_index("crew_lander")] == []
    assert any("no crew rotation, so it is neither developed nor built" in n for n in arch.notes)


def _resized_by_hand(catalog, lander: str, staging: str) -> tuple[float, float]:
    """Gross and dry mass [kg] of a catalogued lander flown from ``staging``, worked here without the
    toolkit's closed form: the design split by the rocket equation, then the resized stages by
    fixed-point iteration of their definitions (ascent: burnout = design burnout + tankage of the
    extra propellant at the descent stage's f / (1 - f); descent: gross = ascent stage + descent
    propellant + its tankage), until they stop moving. Legs: NRHO adds nrho_to_llo down and
    llo_to_nrho up to the low-lunar-orbit legs (delta_v.yaml)."""
    entry = catalog.entry("elements", lander)
    how = entry["dry_mass_derivation"]
    dv = lambda legs: 1000.0 * sum(catalog.entries["delta_v"][leg]["delta_v"]["value"] for leg in legs)  # noqa: E731
    c_d = G0 * catalog.value("propellants", how["descent_propellant"], "isp_vac_s")
    c_a = G0 * catalog.value("propellants", how["ascent_propellant"], "isp_vac_s")
    f = catalog.value("propellants", how["descent_inert_fraction_of"], "stage_inert_fraction")
    m0 = entry["mass_kg"]["value"]
    p_d0 = m0 * (1.0 - math.exp(-dv(how["descent_legs"]) / c_d))
    a0 = m0 - p_d0 - p_d0 * f / (1.0 - f)
    b0 = a0 * math.exp(-dv(how["ascent_legs"]) / c_a)
    p_a0 = a0 - b0
    extra = {"llo": ([], []), "nrho": (["nrho_to_llo"], ["llo_to_nrho"])}[staging]
    down, up = dv(extra[0] + ["llo_to_surface"]), dv(["surface_to_llo"] + extra[1] + ["rendezvous"])
    burnout = b0
    for _ in range(500):
        p_a = burnout * (math.exp(up / c_a) - 1.0)
        burnout = b0 + (p_a - p_a0) * f / (1.0 - f)
    ascent = burnout * math.exp(up / c_a)
    gross = ascent
    for _ in range(500):
        p_d = gross * (1.0 - math.exp(-down / c_d))
        gross = ascent + p_d + p_d * f / (1.0 - f)
    return gross, p_d * f / (1.0 - f) + burnout


def test_altair_resized_for_nrho_by_hand():
    """Altair (33,000 kg in low lunar orbit, designed for LLO staging) flown from NRHO: 0.74 km/s more
    down (2.92 km/s) and 0.85 more up (2.863 km/s with the rendezvous). By hand (_resized_by_hand):
    the ascent stage's burnout grows from 9,027 to 11,182 kg (the extra 0.85 km/s of propellant and
    its tankage), its lift-off mass from 17,284 to 28,167 kg, and the descent stage, burning 0.475 of
    the lander's mass, needs 28,167 / (1 - 0.475 / 0.802) = 69,099 kg in NRHO: 19,286 kg dry. The
    toolkit's closed form (trades.architecture.crew_lander_resize) gives the same."""
    from trades.architecture.crew_lander_resize import resized_catalog
    from trades.study.schema import load_study

    catalog = load_catalog()
    gross, dry = _resized_by_hand(catalog, "altair", "nrho")
    assert gross == pytest.approx(69_099, abs=1.0) and dry == pytest.approx(19_286, abs=1.0)
    path = STUDIES / "lunar_south_pole_outpost.yaml"
    study = load_study(path)
    notes = []
    resized = resized_catalog(study, catalog, str(path), notes)
    assert resized.value("elements", "altair", "mass_kg") == pytest.approx(gross, rel=1e-9)
    assert resized.value("elements", "altair", "dry_mass_kg") == pytest.approx(dry, rel=1e-9)
    assert catalog.value("elements", "altair", "mass_kg") == 33_000.0  # the catalog itself is not changed
    again = []
    assert resized_catalog(study, resized, str(path), again) is resized and again == []  # not resized twice
    assert notes == ["crew lander 'altair' resized from its design staging (llo) to the study's (nrho) by the rocket equation: "
                     "gross 33,000 -> 69,099 kg, dry 12,139 -> 19,286 kg (ascent burnout, descent inert fraction and "
                     "propellants kept; docs/model.md, Crew landers)"]


@pytest.mark.parametrize("lander", ["altair", "lanyue"])
def test_resizing_to_the_design_staging_returns_the_catalog_lander(lander):
    """The round trip: resized with its own design legs, a lander is its catalog self (gross and
    split), and the hand calculation agrees; a study staging where the lander was designed for
    (the CNSA-Roscosmos study's Lanyue in LLO) gets the catalog itself, with no note."""
    from trades.architecture.crew_lander_mass import derived_masses, lander_constants, legs_m_s
    from trades.architecture.crew_lander_resize import resized_catalog
    from trades.models.transfer.expendable_lander import resized_expendable_lander
    from trades.study.schema import load_study

    catalog = load_catalog()
    design = derived_masses(catalog, lander)
    how = catalog.entry("elements", lander)["dry_mass_derivation"]
    back = resized_expendable_lander(design, legs_m_s(catalog, how["descent_legs"]), legs_m_s(catalog, how["ascent_legs"]),
                                     *lander_constants(catalog, lander))
    for field in ("descent_propellant", "descent_dry", "ascent_gross", "ascent_propellant", "ascent_dry"):
        assert getattr(back, field) == pytest.approx(getattr(design, field), rel=1e-12), field
    gross, dry = _resized_by_hand(catalog, lander, "llo")
    assert gross == pytest.approx(catalog.value("elements", lander, "mass_kg"), rel=1e-9)
    assert dry == pytest.approx(catalog.value("elements", lander, "dry_mass_kg"), abs=0.5)
    path = STUDIES / "lunar_research_station_cnsa_roscosmos.yaml"
    notes = []
    assert resized_catalog(load_study(path), catalog, str(path), notes) is catalog and notes == []


def test_design_staging_matches_the_derivation_legs():
    """Every expendable crew lander states its design staging, and its derivation's legs are the
    routes catalog's lander legs for that staging (so a resize back to it is the identity)."""
    from trades.architecture.crew_lander_resize import staging_legs

    catalog = load_catalog()
    for lander, entry in catalog.entries["elements"].items():
        if entry.get("type") != "crew_lander" or entry.get("launches_per_landing") is not None:
            continue
        assert entry.get("design_staging") in ("llo", "nrho"), lander
        how = entry.get("dry_mass_derivation")
        if how is not None:
            assert staging_legs(catalog, entry["design_staging"]) == (how["descent_legs"], how["ascent_legs"]), lander


@pytest.mark.parametrize("edit, fragment", [
    (("  crew_lander: altair\n", "  crew_lander: apollo_lm\n"),
     "crew lander 'apollo_lm' was designed for llo staging and the catalog has no dry_mass_derivation"),
    (("  staging: nrho\n", "  staging: direct\n"), "'direct' staging has no lander legs"),
])
def test_a_lander_that_cannot_be_resized_is_refused(tmp_path, capsys, edit, fragment):
    """The Apollo LM has a read dry mass and no stage split: flown from NRHO it is refused (exit 2),
    not flown at its LLO size; direct staging has no staging orbit to resize for."""
    from trades.cli import main

    text = (STUDIES / "lunar_south_pole_outpost.yaml").read_text()
    assert edit[0] in text
    path = tmp_path / "study.yaml"
    path.write_text(text.replace(*edit))
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "transportation.staging" in err and fragment in err


def test_a_lander_that_does_not_close_is_exit_3(tmp_path, capsys):
    """The corpus file (tests/bad_inputs/infeasible/): a 3.5 km/s llo_to_nrho leg makes Altair's
    hypergolic ascent stage need 4.9 kg of propellant per kg at burnout, whose tankage
    (0.198 / 0.802 = 0.247 kg per kg) outweighs what it lifts: exit 3, naming the field and the lander."""
    from trades.cli import main

    path = Path(__file__).resolve().parent / "bad_inputs" / "infeasible" / "crew_lander_does_not_close_from_nrho.yaml"
    assert main(["run", str(path), "-o", str(tmp_path / "out")]) == 3
    err = capsys.readouterr().err
    assert "transportation.staging: crew lander 'altair'" in err and "the ascent stage does not close" in err
    assert not (tmp_path / "out").exists()


def test_a_refuelled_lander_is_not_resized():
    """Starship HLS (the Artemis-like study, NRHO) is bought per landing: not resized, and the run says so."""
    from trades.architecture.resolve import resolve
    from trades.study.schema import load_study

    path = STUDIES / "artemis_like_lunar_campaign.yaml"
    arch = resolve(load_study(path), str(path))
    assert "crew lander 'starship_hls' is refuelled in orbit and bought per landing: it is not resized for the study's nrho staging" in arch.notes


def test_cnsa_station_description_states_its_lander_cost(tmp_path, capsys):
    """The CNSA-Roscosmos station's cost finding, read back from `trades run` (restated in wip-f1, when the
    crew lander class took TRANSCOST's first-generation f1, 1.3): the life-cycle cost, the power system and
    the ten Lanyue landers' total, development and production, at the description's rounding."""
    import json

    import yaml

    from trades.cli import main

    path = STUDIES / "lunar_research_station_cnsa_roscosmos.yaml"
    assert main(["run", str(path), "--output-dir", str(tmp_path), "--format", "json"]) == 0
    cost = json.loads(capsys.readouterr().out)["cost"]
    text = " ".join(yaml.safe_load(path.read_text())["description"].split())
    items = {i["item"]: i for i in cost["items"]}
    lander, power = items["crew_lander"], items["power"]
    assert f"the life-cycle cost is {cost['life_cycle_cost_musd'] / 1000:.0f} billion, the solar power system alone {power['total_musd'] / 1000:.0f} billion" in text
    assert (f"the ten Lanyue landers {lander['total_musd'] / 1000:.1f} billion: {lander['development_musd'] / 1000:.1f} to develop and "
            f"{lander['production_musd'] / 1000:.1f} to build") in text


def test_a_campaign_without_crews_resizes_no_lander():
    """The flagship with no crew rotation flies no Altair: it is neither resized nor refused (a lander
    that would not close, or the Apollo LM without a derivation, in NRHO), and the run says nothing of it."""
    from trades.architecture.crew_lander_resize import resize_errors, resized_catalog
    from trades.study.schema import load_study

    path = STUDIES / "lunar_south_pole_outpost.yaml"
    study = load_study(path)
    study.outpost.rotations_per_year = 0
    assert study.transportation.staging == "nrho" and study.transportation.crew_lander == "altair"
    catalog, notes = load_catalog(), []
    assert resized_catalog(study, catalog, str(path), notes) is catalog and notes == []
    study.transportation.crew_lander = "apollo_lm"  # no dry_mass_derivation: refused only when it flies
    assert resize_errors(study, catalog) == []
    study.outpost.rotations_per_year = 1
    assert resize_errors(study, catalog)

"""Crewed Mars missions planned per window (trades.architecture.mars_missions) in the crewed
Mars study: windows, burns, Earth entry and the crew vehicle in the model."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

STUDY = Path(__file__).resolve().parents[2] / "studies" / "crewed_mars_2033.yaml"

# Independent constants: Earth GM 398,600.4418 km^3/s^2 and equatorial radius 6,378.1366 km (IAU 2009
# / IERS values), Mars GM 42,828.3744 km^3/s^2 and radius 3,396.19 km (IAU WGCCRE); entry interface
# 400,000 ft = 121.92 km.
MU_EARTH, R_EARTH, MU_MARS, R_MARS = 398_600.4418, 6_378.1366, 42_828.3744, 3_396.19


@pytest.fixture(scope="module")
def arch():
    from trades.architecture.resolve import resolve
    from trades.study.schema import load_study

    return resolve(load_study(STUDY), str(STUDY))


def test_entry_speed_is_energy_conservation_to_the_interface():
    from trades.architecture.mars_missions import entry_speed

    for v_inf in (0.0, 3.0, 6.5):
        assert entry_speed(v_inf) == pytest.approx(math.sqrt(v_inf**2 + 2 * MU_EARTH / (R_EARTH + 121.92)), rel=1e-9)
    assert entry_speed(0.0) == pytest.approx(11.0746, abs=1e-4)  # parabolic entry, computed by hand


def test_missions_fly_successive_windows_with_their_own_burns(arch):
    from trades.astro.porkchop import TransferSpec, find_windows

    crew = arch.study.transportation.mars_crew
    years = [m["year"] for m in arch.mars_crew]
    assert len(years) == crew.missions and years[0] == crew.first_window and years == sorted(set(years))
    assert all(b - a in (2, 3) for a, b in zip(years, years[1:]))  # one window every ~26 months
    for k, m in enumerate(arch.mars_crew, start=1):
        stages = arch.stages[f"mars_crew_{k}"]
        # the window's own transfer (impulsive from 407 km, least delta-v with capture into the one-sol orbit)
        spec = TransferSpec(capture_periapsis_altitude_km=250.0, capture_apoapsis_altitude_km=33_793.0)
        (best,) = [w for w in find_windows(spec, m["year"]) if w["type"] == crew.transfer_type
                   and w["objective"] == crew.objective]
        assert stages[1].delta_v_km_s == pytest.approx(best["dv_arrival_km_s"], rel=1e-9)
        assert stages[0].delta_v_km_s == pytest.approx(best["dv_departure_km_s"], rel=1e-9)
        # trans-Earth injection from the 250 x 33,793 km orbit, by hand from the return's C3
        rp, ra = R_MARS + 250.0, R_MARS + 33_793.0
        v_peri = math.sqrt(MU_MARS * (2 / rp - 2 / (rp + ra)))
        tei = math.sqrt(m["return"]["c3_km2_s2"] + 2 * MU_MARS / rp) - v_peri
        assert stages[2].delta_v_km_s == pytest.approx(tei, rel=1e-6)
        # the crew stays at least the study's surface stay and the capsule is rated for its entry
        assert m["days_at_mars"] >= arch.study.outpost.stay_days - 1e-6
        assert m["entry_speed_km_s"] <= arch.catalog.value("elements", crew.return_capsule, "max_entry_speed_km_s")
        # the capture and return stages coast (and boil off) through the flight and the stay
        assert stages[2].coast[0] == pytest.approx(arch.study.transportation.loiter_days + m["window"]["tof_days"]
                                                   + m["days_at_mars"], rel=1e-9)


def test_crew_vehicle_leaves_in_its_departure_year_and_is_costed(arch):
    from trades.architecture.assemble import build_problem, set_stage_unit_masses

    prob = build_problem(arch)
    set_stage_unit_masses(arch, prob)
    prob.run_model()
    years = np.array(arch.years)
    for k, m in enumerate(arch.mars_crew, start=1):
        payload = prob.get_val(f"transfer_mars_crew_{k}.payload_mass", units="kg")
        assert np.all(payload[years != m["year"]] == 0.0) and payload[years == m["year"]][0] > 0.0
    # the transit habitat is the outpost's relationship for the same crew; both durations are past
    # the end of the volume curve (180 d), so the two habitats are the same size
    assert prob.get_val("mars_transit_habitat.habitat_mass")[0] == pytest.approx(prob.get_val("outpost.habitat.habitat_mass")[0])
    capsules = math.ceil(arch.study.outpost.crew_size / 4)  # Orion carries 4 (NASA 'About Orion')
    unit = prob.get_val("mars_crew_vehicle.unit_mass", units="kg")[0]
    consumables = _transit_consumables_by_hand(arch, float(prob.get_val("mars_transit_habitat.pressurized_volume", units="m**3")[0]))
    assert unit == pytest.approx(prob.get_val("mars_transit_habitat.habitat_mass", units="kg")[0] + capsules * 9300.0 + consumables)
    rotations = prob.get_val("crew.crew_rotations")
    assert list(rotations) == [float(y in [m["year"] for m in arch.mars_crew]) for y in arch.years]
    item = arch.cost.item_index("mars_crew_vehicle")
    # the capsules ride the stages (in the mass in LEO) but reach LEO on the crew launches, so the
    # cargo launches lift the stacks less the capsules, in the missions' years only; the crew's own
    # vehicles include the Mars ascent vehicles' own streams (tests/trades/test_mars_surface_access.py) and the
    # descent vehicles' own streams, sent ahead as in DRA 5.0 (tests/trades/test_mars_descent.py)
    missions = range(1, len(arch.mars_crew) + 1)
    leo = sum(prob.get_val(f"transfer_mars_crew_{k}.mass_in_launch_orbit", units="kg") for k in missions)
    leo = leo + sum(prob.get_val(f"transfer_mars_descent_{k}.mass_in_launch_orbit", units="kg") for k in missions)
    leo = leo + sum(prob.get_val(f"transfer_mars_ascent_{k}.mass_in_launch_orbit", units="kg") for k in missions)
    on_crew_launches = capsules * 9300.0 * rotations
    assert prob.get_val("cost.launch_mass.crew_lander_leo_mass", units="kg") == pytest.approx(leo - on_crew_launches)
    total = prob.get_val("total_launch_mass.mass_in_launch_orbit", units="kg")
    assert prob.get_val("launch_cargo.mass_to_orbit", units="kg") == pytest.approx(total - on_crew_launches)
    assert item is not None


def _transit_consumables_by_hand(arch, volume_m3: float) -> float:
    """The crew's supplies over the longest mission's outbound + return flights, packaged, computed
    here apart from the model with the catalog's rates and the study's closures:
    D (food + hygiene + clothing / its days) + crew x personal items (one stay) + D x ISS expendables per
    crew-day x c_w / c_w,ISS, packed as dry goods (1 + k_dry); D water (1 - c_w), packed as a liquid
    (1 + k_liquid); D O2 (1 - c_o) + cabin make-up gas (leak fraction a day x cabin density x the transit
    habitat's pressurized volume ``volume_m3`` x flight days), packed as gases (1 + k_gas); D crew-days,
    k_* MIT SpaceNet's default packing factors (trades/catalogs/outpost.yaml)."""
    ls = arch.catalog.entry("life_support", "default")
    v = lambda key: float(ls[key]["value"])  # noqa: E731
    water = v("potable_water_kg_per_cm_d") + v("hygiene_water_kg_per_cm_d") + v("flush_water_kg_per_cm_d")
    o = arch.study.outpost
    days = o.crew_size * max(m["window"]["tof_days"] + m["return"]["tof_days"] for m in arch.mars_crew)
    dry_per_day = v("food_kg_per_cm_d") + v("hygiene_consumables_kg_per_cm_d") + v("clothing_kg_per_change") / v("clothing_change_days")
    expendables = v("water_recovery_expendables_kg_per_year") / (arch.catalog.value("outpost", "default", "water_recovery_system_crew") * 365.25)
    expendables *= o.water_closure / v("iss_water_recovery_fraction")
    k = {kind: arch.catalog.value("outpost", "default", f"packing_factor_{kind}") for kind in ("pressurized_dry", "liquid", "gas")}
    makeup_gas = v("cabin_leak_fraction_per_day") * v("cabin_atmosphere_density_kg_m3") * volume_m3 * days / o.crew_size
    dry = days * (dry_per_day + expendables) + o.crew_size * v("crew_items_per_stay_kg")
    liquid = days * water * (1 - o.water_closure)
    gas = days * v("oxygen_kg_per_cm_d") * (1 - o.oxygen_closure) + makeup_gas
    return dry * (1 + k["pressurized_dry"]) + liquid * (1 + k["liquid"]) + gas * (1 + k["gas"])


def test_crew_vehicle_components_partials(arch):
    """The crew vehicle's consumables and the capsules the crew launches bring: their partials
    against finite differences; and through OpenMDAO's own sums and differences (which
    check_partials skips), the total derivatives of the cargo launches' mass in LEO and of the
    crew vehicle's launch mass for costing, with respect to the capsules' mass and the transit
    crew-days."""
    from openmdao.utils.assert_utils import assert_check_partials, assert_check_totals

    from trades.architecture.assemble import build_problem

    prob = build_problem(arch)
    prob.run_model()
    names = ["mars_transit_consumables", "mars_transit_provisions", "mars_transit_expendables", "mars_transit_makeup_gas", "mars_crew_capsules"]
    data = prob.check_partials(includes=names, out_stream=None, method="fd", step=1e-3, form="central")
    assert set(data) == set(names)
    assert_check_partials(data, atol=1e-3, rtol=1e-5)
    totals = prob.check_totals(of=["launch_cargo.mass_to_orbit", "cost.launch_mass.crew_lander_leo_mass"],
                               wrt=["mars_crew_capsule.capsule_mass", "mars_transit_crew_days.days"],
                               out_stream=None, method="fd", step=1e-2, form="central")
    assert_check_totals(totals, atol=1e-2, rtol=1e-5)


@pytest.mark.slow
def test_description_states_the_crew_vehicle_figures(tmp_path):
    """The study's finding gives the first crew vehicle's mass in LEO with nuclear-thermal and with
    hydrogen-oxygen stages, and its transit consumables: each must be what the model computes
    (restated when the capsules moved to the crew launches and the consumables joined the vehicle)."""
    import yaml

    from trades.analyses.evaluate import evaluate
    from trades.study.schema import load_study

    text = STUDY.read_text()
    description = " ".join(yaml.safe_load(text)["description"].split())
    first = {}
    for propellant in ("nuclear_thermal_lh2", "lox_lh2"):
        variant = tmp_path / f"{propellant}.yaml"
        variant.write_text(text.replace("departure_propellant: nuclear_thermal_lh2", f"departure_propellant: {propellant}"))
        arch, prob = evaluate(load_study(variant), str(variant))
        first[propellant] = float(prob.get_val("transfer_mars_crew_1.mass_in_launch_orbit", units="t").sum())
        if propellant == "nuclear_thermal_lh2":
            consumables = float(prob.get_val("mars_transit_consumables.consumables_mass", units="t")[0])
            days = float(prob.get_val("mars_transit_crew_days.crew_days", units="d")[0]) / arch.study.outpost.crew_size
            cabin = float(prob.get_val("mars_crew_cabin.mass", units="t")[0])
            descent = float(prob.get_val("mars_crew_descent.initial_mass", units="t")[0])
            mav = float(prob.get_val("mars_ascent_stage.initial_mass", units="t")[0])
            mav_propellant = float(prob.get_val("mars_ascent_stage.propellant_mass", units="t")[0])
            oxygen = float(prob.get_val("mars_ascent_isru.oxygen_mass", units="t")[0])
            landed = float(prob.get_val("mars_ascent_isru.landed_mass", units="t")[0])
            ascent_dv = float(prob.get_val("mars_ascent_stage.delta_v", units="km/s")[0])
            mavs = [float(prob.get_val(f"transfer_mars_ascent_{k}.mass_in_launch_orbit", units="t").sum())
                    for k in range(1, len(arch.mars_crew) + 1)]  # each on its own window (issue 17)
            total = float(prob.get_val("total_launch_mass.mass_in_launch_orbit", units="t").sum())
            descents = [float(prob.get_val(f"transfer_mars_descent_{k}.mass_in_launch_orbit", units="t").sum())
                        for k in range(1, len(arch.mars_crew) + 1)]
    assert f"the first crew vehicle needs {first['nuclear_thermal_lh2']:.0f} t in LEO against {first['lox_lh2']:.0f} t" in description
    assert f"({consumables:.1f} t for six over {days:.0f} days" in description
    assert first["nuclear_thermal_lh2"] < first["lox_lh2"]
    # the crew's descent and ascent vehicles (added with trades.architecture.mars_surface_access)
    assert f"a {cabin:.1f} t six-seat cabin landed by the cargo route's entry and descent fractions: {descent:.1f} t at entry" in description
    assert f"{ascent_dv:.2f} km/s to the one-sol orbit, {mav:.0f} t fuelled of which {mav_propellant:.0f} t are propellant" in description
    # its oxygen made on Mars (trades.architecture.mars_ascent_isru): what lands and what goes to LEO
    assert f"its oxygen ({oxygen:.0f} t, O/F 3.6) is made on Mars" in description
    assert (f"so {landed:.0f} t land per ascent vehicle and {min(mavs):.0f} to {max(mavs):.0f} t go to LEO for each, "
            f"{sum(mavs):.0f} t for the three") in description
    assert f"{total:.0f} t go to LEO over the campaign" in description
    assert landed < mav and max(mavs) < first["nuclear_thermal_lh2"]
    # the descent vehicles sent ahead on their own streams (DRA 5.0's split, the study's choice)
    assert f"{descent:.1f} t at entry, and {min(descents):.0f} to {max(descents):.0f} t in LEO each" in description
    # lighter is not cheaper: the life-cycle costs of trades run on both propellants
    import contextlib
    import io
    import json

    from trades.cli import main

    runs = {}
    for propellant in ("nuclear_thermal_lh2", "lox_lh2"):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert main(["run", str(tmp_path / f"{propellant}.yaml"), "--output-dir", str(tmp_path / propellant), "--format", "json"]) == 0
        runs[propellant] = json.loads(out.getvalue())
    ntr, chemical = (runs[p]["cost"]["life_cycle_cost_musd"] / 1000 for p in ("nuclear_thermal_lh2", "lox_lh2"))
    chemical_leo = runs["lox_lh2"]["totals"]["mass_in_launch_orbit_kg"] / 1000
    assert f"hydrogen-oxygen stages make the campaign {ntr - chemical:.0f} billion cheaper ({chemical:.0f} billion, {chemical_leo:.0f} t)" in description


def _run_json(path, out):
    """`trades run --format json` on a study file, parsed."""
    import contextlib
    import io
    import json

    from trades.cli import main

    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        assert main(["run", str(path), "--output-dir", str(out), "--format", "json"]) == 0
    return json.loads(printed.getvalue())


@pytest.mark.slow
def test_description_states_the_arrangement_and_variant_figures(tmp_path):
    """The finding's figures on the crew vehicle's core stage and cooled tanks, and on the study's
    one-line variants (one stage per burn, cooled and passive; the descent vehicle with the crew; the
    ascent vehicle's oxygen from Earth; the plant working until the crew's ascent), each from a run
    of the study file as shipped or changed here."""
    import yaml

    from trades.analyses.evaluate import evaluate
    from trades.study.schema import load_study

    text = STUDY.read_text()
    description = " ".join(yaml.safe_load(text)["description"].split())
    core, cooled = "    stage_arrangement: core_stage\n", "  cryogenic_storage: zero_boiloff\n"
    access = "      descent_vehicle: predeployed_in_orbit\n"
    assert core in text and cooled in text and access in text
    variants = {"shipped": text, "per_burn": text.replace(core, ""), "passive": text.replace(core, "").replace(cooled, ""),
                "with_crew": text.replace(access, "      descent_vehicle: with_crew\n"),
                "no_isru": text.replace("ascent_oxidizer_from_isru: true", "ascent_oxidizer_from_isru: false"),
                "crew_ascent": text.replace(access, access + "      isru_oxygen_ready_by: crew_ascent\n")}
    runs, first = {}, {}
    for name, variant in variants.items():
        path = tmp_path / f"{name}.yaml"
        path.write_text(variant)
        runs[name] = _run_json(path, tmp_path / name)
        arch, prob = evaluate(load_study(path), str(path))
        first[name] = float(prob.get_val("transfer_mars_crew_1.mass_in_launch_orbit", units="t").sum())
        if name == "shipped":
            crews = [float(prob.get_val(f"transfer_mars_crew_{k}.mass_in_launch_orbit", units="t").sum()) for k in (1, 2, 3)]
            engines = float(prob.get_val("transfer_mars_crew_1.engines.engine_mass", units="t").sum())
            power = [float(prob.get_val(f"transfer_mars_crew_1.stage{i}.storage_power", units="kW").sum()) for i in (1, 2)]
        if name == "no_isru":
            mavs = [float(prob.get_val(f"transfer_mars_ascent_{k}.mass_in_launch_orbit", units="t").sum()) for k in (1, 2, 3)]
            landed = float(prob.get_val("mars_ascent_stage.initial_mass", units="t")[0])
        if name == "crew_ascent":
            plant = float(prob.get_val("mars_ascent_isru.plant_mass", units="kg")[0])
    total = {n: r["cost"]["life_cycle_cost_musd"] / 1000 for n, r in runs.items()}
    leo = {n: r["totals"]["mass_in_launch_orbit_kg"] / 1000 for n, r in runs.items()}
    falcon = {n: r["totals"]["launches_by_vehicle"]["falcon9"] for n, r in runs.items()}
    crew_item = {n: next(i for i in r["cost"]["items"] if i["item"] == "mars_crew_vehicle") for n, r in runs.items()}
    assert f"its engines, sized for the departure burn ({engines:.1f} t for the first crew)" in description
    assert f"zero_boiloff; {power[0]:.1f} and {power[1]:.1f} kW on the first vehicle" in description
    assert f"The three crew vehicles need {crews[0]:.0f}, {crews[1]:.0f} and {crews[2]:.0f} t in LEO" in description
    assert (f"the first needs {first['per_burn']:.0f} t and the campaign {leo['per_burn']:.0f} t and {total['per_burn']:.0f} "
            "billion") in description
    saved = crew_item["per_burn"]["development_musd"] - crew_item["shipped"]["development_musd"]
    assert (f"makes the campaign {total['per_burn'] - total['shipped']:.0f} billion cheaper ({saved / 1000:.1f} billion of it "
            "development)") in description
    assert (f"the first vehicle needed {first['passive']:.0f} t, the campaign {leo['passive']:.0f} t and "
            f"{total['passive']:.0f} billion") in description
    assert (f"it makes the first crew vehicle {first['with_crew']:.0f} t and the campaign {leo['with_crew']:.0f} t and "
            f"{total['with_crew']:.0f} billion") in description
    launches = crew_item["no_isru"]["launch_musd"] - crew_item["shipped"]["launch_musd"]
    development = crew_item["shipped"]["development_musd"] - crew_item["no_isru"]["development_musd"]
    production = crew_item["shipped"]["production_musd"] - crew_item["no_isru"]["production_musd"]
    assert (f"gives {landed:.0f} t on the surface and {min(mavs):.0f} to {max(mavs):.0f} t in LEO per ascent vehicle, "
            f"{leo['no_isru']:.0f} t in LEO over the campaign in {falcon['no_isru']} Falcon 9 launches and {total['no_isru']:.0f} "
            f"billion dollars: the plant saves {leo['no_isru'] - leo['shipped']:.0f} t of launches "
            f"({falcon['no_isru'] - falcon['shipped']} Falcon 9 flights, {launches / 1000:.1f} billion), but its development "
            f"({development / 1000:.1f} billion) and three plants with their power systems ({production / 1000:.1f} billion)") in description
    assert f"the life-cycle cost rises by {total['shipped'] - total['no_isru']:.1f} billion" in description
    # the nuclear-thermal engines' development, once (trades.architecture.nuclear_thermal): the catalog's estimate in 2024 dollars
    from trades.study.catalog import load_catalog
    from trades.study.money import sourced_to_base_musd

    catalog = load_catalog()
    engines_development = sourced_to_base_musd(catalog.entry("cost", "default")["nuclear_thermal_development"], 2024, catalog) / 1000
    assert f"at a reported estimate, {engines_development:.1f} billion" in description
    assert f"only nuclear-thermal stages pay the engines' development ({engines_development:.1f} billion)" in description
    assert f"is {plant:.0f} kg on 2.6 t of power: {leo['crew_ascent']:.0f} t in LEO and {total['crew_ascent']:.0f} billion" in description

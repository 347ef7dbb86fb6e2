"""The crew's spacecraft in the near-Earth-asteroid stack (trades.architecture.asteroid_crew, issue 17):
its mass in every burn's payload, the rocket equation of the return burn by hand, what the cargo and
crew launches lift, the Earth entry speed against the spacecraft's rating, and the partials."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
import yaml

STUDY = Path(__file__).resolve().parents[2] / "studies" / "crewed_nea_2008_ev5_2039.yaml"

# Independent constants: Earth GM 398,600.4418 km^3/s^2 and equatorial radius 6,378.1366 km (IAU 2009 /
# IERS values); entry interface 400,000 ft = 121.92 km; g0 9.80665 m/s^2 (exact).
MU_EARTH, R_EARTH, G0 = 398_600.4418, 6_378.1366, 9.80665
ORION_KG = 26_520.0  # elements.orion.mass_kg: NASA 'Orion Quick Facts', injected mass 58,467 lb


@pytest.fixture(scope="module")
def solved():
    from trades.architecture.assemble import build_problem
    from trades.architecture.resolve import resolve
    from trades.study.schema import load_study

    arch = resolve(load_study(STUDY), str(STUDY))
    prob = build_problem(arch)
    prob.run_model()
    return arch, prob


def _variant(change) -> str:
    data = yaml.safe_load(STUDY.read_text())
    change(data)
    return yaml.safe_dump(data)


def test_the_spacecraft_rides_every_burn_with_the_delivered_mass(solved):
    """Each burn's payload carries Orion in the crewed year: the return stage pushes what is
    delivered plus Orion's 26,520 kg, and each earlier stage pushes the next stage's initial mass."""
    arch, prob = solved
    y = list(arch.years).index(2039)
    get = lambda name: prob.get_val(name, units="kg")  # noqa: E731
    delivered = get("logistics.manifest.delivered_mass")
    assert float(prob.get_val("crew.crew_rotations")[y]) == 1.0
    assert get("stack_crew_spacecraft.lander_mass")[y] == pytest.approx(ORION_KG, rel=1e-12)
    assert get("transfer_cargo.stage2.payload_mass")[y] == pytest.approx(delivered[y] + ORION_KG, rel=1e-12)
    assert get("transfer_cargo.stage1.payload_mass")[y] == pytest.approx(get("transfer_cargo.stage2.initial_mass")[y], rel=1e-12)
    assert get("transfer_cargo.stage0.payload_mass")[y] == pytest.approx(get("transfer_cargo.stage1.initial_mass")[y], rel=1e-12)
    others = [i for i in range(len(arch.years)) if i != y]  # no crew, no spacecraft
    assert np.all(get("stack_crew_spacecraft.lander_mass")[others] == 0.0)


def test_return_burn_by_the_rocket_equation_by_hand(solved):
    """The Earth-return stage (NTO/MMH, no boil-off) by hand from the catalog's coefficients:
    R = exp(dv / (g0 Isp)), m1 = P / (1 - (1 + a)(1 - 1/R) - b) with a = k_t / rho and b = (T/W)_0 / (T/W)_e."""
    arch, prob = solved
    from trades.study.catalog import load_catalog

    y = list(arch.years).index(2039)
    p = {k: v["value"] for k, v in load_catalog().entries["propellants"]["nto_mmh"].items() if isinstance(v, dict) and "value" in v}
    assert p["boiloff_fraction_per_day"] == 0.0  # storable: no growth over the coast
    a, b = p["tank_mass_per_volume_kg_m3"] / p["bulk_density_kg_m3"], p["design_thrust_to_weight"] / p["engine_thrust_to_weight"]
    dv = arch.stages["cargo"][2].delta_v_km_s * 1000.0  # proximity allowance + the return leg's burn
    ratio = math.exp(dv / (G0 * p["isp_vac_s"]))
    payload = float(prob.get_val("logistics.manifest.delivered_mass", units="kg")[y]) + ORION_KG
    m1 = payload / (1.0 - (1.0 + a) * (1.0 - 1.0 / ratio) - b)
    assert float(prob.get_val("transfer_cargo.stage2.initial_mass", units="kg")[y]) == pytest.approx(m1, rel=1e-10)
    assert float(prob.get_val("transfer_cargo.stage2.propellant_mass", units="kg")[y]) == pytest.approx(m1 * (1 - 1 / ratio), rel=1e-10)
    # Orion's own share of the return stage: the stage is linear in its payload
    assert m1 - m1 * (payload - ORION_KG) / payload == pytest.approx(ORION_KG * m1 / payload, rel=1e-12)


def test_the_crew_launch_lifts_the_spacecraft_and_the_cargo_launches_the_rest(solved):
    """The cargo launches lift the stack less Orion (the SLS crew launch brings it), and the cost
    attributes the same reduced mass to the items (their shares sum to it)."""
    arch, prob = solved
    y = list(arch.years).index(2039)
    leo = prob.get_val("transfer_cargo.mass_in_launch_orbit", units="kg")
    assert prob.get_val("launch_cargo.mass_to_orbit", units="kg")[y] == pytest.approx(leo[y] - ORION_KG, rel=1e-12)
    assert prob.get_val("cost.launch_mass.cargo_leo_mass", units="kg")[y] == pytest.approx(leo[y] - ORION_KG, rel=1e-12)
    assert prob.get_val("cost.launch_mass.leo_mass", units="kg")[:, y].sum() == pytest.approx(leo[y] - ORION_KG, rel=1e-9)
    assert any("'orion' (26,520 kg) rides the departure, rendezvous and return burns" in n and "not built again" in n
               for n in arch.notes)  # bought with the SLS crew launch (sls_orion_launch_oig_2021 includes Orion)


def test_entry_speed_against_the_rating_by_hand(solved):
    """v_e = sqrt(v_inf^2 + 2 mu / (R + 121.92 km)) from the return's arrival v-infinity; Orion's rating
    is the 10.95 km/s it flew on Artemis I, so the return from 2008 EV5 is over it and the run says so."""
    arch, _ = solved
    back, entry = arch.trajectory["return"], arch.trajectory["entry"]
    by_hand = math.sqrt(back["v_inf_arrival_km_s"] ** 2 + 2 * MU_EARTH / (R_EARTH + 121.92))
    assert entry["speed_km_s"] == pytest.approx(by_hand, rel=1e-9)
    assert entry["craft"] == "orion" and entry["rating_km_s"] == 10.95
    assert by_hand > 10.95
    (plain,) = [n for n in arch.notes if n.startswith("Earth entry exceeds the crew spacecraft's rating")]
    assert f"enters at {by_hand:.2f} km/s, {by_hand - 10.95:.2f} km/s faster than 'orion'" in plain
    assert not any(n.startswith("no crew vehicle is rated for Earth entry") for n in arch.notes)


def test_v_inf_limit_inverts_the_entry_speed():
    from trades.architecture.asteroid_crew import v_inf_limit
    from trades.architecture.mars_missions import entry_speed

    for v_inf in (0.5, 3.0, 4.16):
        assert v_inf_limit(entry_speed(v_inf)) == pytest.approx(v_inf, rel=1e-9)
    parabolic = math.sqrt(2 * MU_EARTH / (R_EARTH + 121.92))  # 11.07 km/s: any heliocentric return is faster
    assert v_inf_limit(10.95) < 0 < v_inf_limit(parabolic + 1e-6)


def test_a_required_rating_no_return_meets_is_exit_3(tmp_path, capsys):
    """With the rating required, as at Mars, a return must enter within it: no return from an asteroid
    enters within Orion's 10.95 km/s (below the parabolic 11.07 km/s), so the run stops with exit 3."""
    from trades.cli import main

    study = tmp_path / "nea.yaml"
    study.write_text(_variant(lambda d: d["transportation"]["asteroid_window"].update(require_entry_rating=True)))
    assert main(["validate", str(study)]) == 0
    capsys.readouterr()
    assert main(["run", str(study), "--output-dir", str(tmp_path / "out")]) == 3
    err = capsys.readouterr().err
    assert "require_entry_rating: 'orion' (launch.crew_spacecraft) is rated for Earth entry at 10.95 km/s" in err
    assert "over its rating by" in err and "Traceback" not in err


def test_a_required_rating_chooses_a_return_within_it():
    """A rating between the parabolic speed and the least-burn return's entry speed makes the search
    take a slower, dearer return that enters within it (the Mars path's rule)."""
    from trades.architecture.resolve import resolve
    from trades.study import parse_study_text

    def rated(d, value):
        d["transportation"]["asteroid_window"]["require_entry_rating"] = True
        d.setdefault("overrides", {})["elements"] = {"orion": {"max_entry_speed_km_s": {
            "value": value, "unit": "km/s", "source": "test: a rating the least-burn return exceeds"}}}

    free = resolve(parse_study_text(_variant(lambda d: None), "nea.yaml"))
    limit = round(free.trajectory["entry"]["speed_km_s"] - 0.1, 2)
    bound = resolve(parse_study_text(_variant(lambda d: rated(d, limit)), "nea.yaml"))
    assert bound.trajectory["entry"]["speed_km_s"] <= limit + 1e-9
    assert bound.trajectory["return"]["dv_departure_km_s"] > free.trajectory["return"]["dv_departure_km_s"]
    assert "within orion's rating" in " ".join(bound.notes)


def test_stack_partials(solved):
    """The spacecraft's demand against finite differences, and (through OpenMDAO's sums and
    differences, which check_partials skips) the total derivatives of the cargo launches' mass and
    the cost's cargo mass with respect to the spacecraft's mass."""
    from openmdao.utils.assert_utils import assert_check_partials, assert_check_totals

    _, prob = solved
    data = prob.check_partials(includes=["stack_crew_spacecraft"], out_stream=None, method="fd", step=1e-3, form="central")
    assert set(data) == {"stack_crew_spacecraft"}
    assert_check_partials(data, atol=1e-3, rtol=1e-5)
    totals = prob.check_totals(of=["launch_cargo.mass_to_orbit", "cost.launch_mass.cargo_leo_mass", "transfer_cargo.mass_in_launch_orbit"],
                               wrt=["stack_crew_spacecraft.unit_mass"], out_stream=None, method="fd", step=1e-2, form="central")
    assert_check_totals(totals, atol=1e-2, rtol=1e-5)


def test_a_required_rating_without_a_rated_spacecraft_is_bad_input(tmp_path, capsys):
    from trades.cli import main

    def unrated(d):
        d["transportation"]["asteroid_window"]["require_entry_rating"] = True
        del d["launch"]["crew_spacecraft"]

    study = tmp_path / "nea.yaml"
    study.write_text(_variant(unrated))
    assert main(["validate", str(study)]) == 2
    err = capsys.readouterr().err
    assert "transportation.asteroid_window.require_entry_rating" in err and "needs launch.crew_spacecraft" in err

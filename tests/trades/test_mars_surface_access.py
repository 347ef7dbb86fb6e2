"""The crew's descent vehicle and Mars ascent vehicle of the crewed Mars study
(trades.architecture.mars_surface_access): delta-v, sizing, pre-deployment, launches and cost."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

STUDY = Path(__file__).resolve().parents[2] / "studies" / "crewed_mars_2033.yaml"
#: the cabin a crew member: the 3,846 kg payload of Polsgrove et al.'s 2016 two-stage MAV for a crew of four, 3846 / 4 (as read in a
#: student's transcription; the catalog's elements.mars_crew_cabin, unverified), written here by hand
CABIN_PER_CREW_KG = 3846.0 / 4.0

# Independent constants: Mars GM 42,828.3744 km^3/s^2 and radius 3,396.19 km (IAU WGCCRE); g0 9.80665 m/s^2
MU_MARS, R_MARS, G0 = 42_828.3744, 3_396.19, 9.80665


@pytest.fixture(scope="module")
def evaluated():
    """The crewed Mars study with its descent vehicles riding with the crews (``with_crew``; the study
    ships DRA 5.0's split, whose own streams tests/trades/test_mars_descent.py checks)."""
    from trades.architecture.assemble import build_problem
    from trades.architecture.resolve import resolve
    from trades.study.schema import parse_study_text

    shipped = "descent_vehicle: predeployed_in_orbit"
    text = STUDY.read_text()
    assert shipped in text
    arch = resolve(parse_study_text(text.replace(shipped, "descent_vehicle: with_crew"), str(STUDY)), str(STUDY))
    prob = build_problem(arch)
    prob.run_model()
    return arch, prob


def test_orbit_raise_is_a_hohmann_transfer_when_the_target_is_circular():
    """A circular target (periapsis = apoapsis) makes the two burns a Hohmann transfer: boinor's
    Hohmann between the same circles, independently."""
    from trades.architecture.mars_surface_access import orbit_raise
    from trades.astro import orbits

    r_low, r_high = R_MARS + 500.0, R_MARS + 20_000.0
    dv_a, dv_b, _ = orbits.hohmann(r_low, r_high, "mars")
    mu, _ = orbits.body_constants("mars")
    assert orbit_raise(mu, r_low, r_high, r_high) == pytest.approx(dv_a + dv_b, rel=1e-9)


def test_ascent_delta_v_reaches_the_one_sol_orbit(evaluated):
    """Published climb to 500 km (4.41 km/s, HSMAD via the Mars 2040 model) + the raise to
    250 x 33,793 km computed here by hand (vis-viva) + the catalog's 45 m/s rendezvous."""
    arch, prob = evaluated
    r_low, rp, ra = R_MARS + 500.0, R_MARS + 250.0, R_MARS + 33_793.0
    burn1 = math.sqrt(MU_MARS * (2 / r_low - 2 / (r_low + ra))) - math.sqrt(MU_MARS / r_low)
    burn2 = math.sqrt(MU_MARS * (2 / ra - 2 / (r_low + ra))) - math.sqrt(MU_MARS * (2 / ra - 2 / (rp + ra)))
    expected = 4.41 + burn1 + abs(burn2) + 0.045
    assert prob.get_val("mars_ascent_stage.delta_v", units="km/s")[0] == pytest.approx(expected, rel=1e-4)


def test_ascent_vehicle_is_the_rocket_equation_on_the_crew_cabin(evaluated):
    """The MAV by hand: cabin = crew x 961.5 kg (CABIN_PER_CREW_KG); one LOX/CH4 stage with the catalog's tankage
    (113.6 kg/m3 at 833 kg/m3), engines ((T/W)_0 / (T/W)_e, liftoff twice the Mars weight) and
    Isp 380 s, ``m = P / (1 - (1 + a)(1 - 1/R) - b)``; and Rucker et al.'s published bound (NTRS
    20150009500, abstract): 'every kilogram of mass ascended from the Martian surface requires
    seven kilograms or more of ascent propellant'."""
    arch, prob = evaluated
    cabin = arch.study.outpost.crew_size * CABIN_PER_CREW_KG
    assert prob.get_val("mars_crew_cabin.mass", units="kg")[0] == pytest.approx(cabin)
    dv = prob.get_val("mars_ascent_stage.delta_v", units="m/s")[0]
    ratio = math.exp(dv / (G0 * 380.0))
    a = 113.6 / 833.0
    b = 2.0 * (MU_MARS / R_MARS**2 * 1000.0) / G0 / 40.5
    gross = cabin / (1.0 - (1.0 + a) * (1.0 - 1.0 / ratio) - b)
    propellant = gross * (1.0 - 1.0 / ratio)
    assert prob.get_val("mars_ascent_stage.initial_mass", units="kg")[0] == pytest.approx(gross, rel=1e-4)
    assert prob.get_val("mars_ascent_stage.propellant_mass", units="kg")[0] == pytest.approx(propellant, rel=1e-4)
    assert prob.get_val("mars_ascent_vehicle.dry_mass", units="kg")[0] == pytest.approx(gross - propellant, rel=1e-4)
    assert propellant / cabin >= 7.0


def test_ascent_vehicles_fly_the_cargo_route_one_window_ahead(evaluated):
    """Each mission's MAV leaves Earth in the window before its crew's on its own stream, on the
    cargo route's stages (same roles and propellants, the same entry fractions) with the burns of
    the window it leaves in: the cargo window's for the first, the window planner's transfer of the
    cargo's type and objective for the others (found here); what enters is the MAV over the landed
    and payload fractions, and its mass in LEO is that times the departure stage's gear ratio (by
    hand: aerocapture, no capture stage)."""
    from tests.trades.test_mars_descent import _gear  # the stage's gear ratio by the closed-form rocket equation
    from trades.astro.porkchop import TransferSpec, find_windows

    arch, prob = evaluated
    years = np.array(arch.years)
    crew_years = [m["year"] for m in arch.mars_crew]
    expected = [arch.study.transportation.mars_window.year] + crew_years[:-1]
    window = arch.study.transportation.mars_window
    cargo = arch.stages["cargo"]
    assert arch.study.transportation.aerocapture and [s.role for s in cargo] == ["departure", "entry"]
    # what lands: the fuelled MAV less the oxygen made on Mars, plus the plant and its power
    # (the study makes its oxidizer on Mars; tests/trades/test_mars_ascent_isru.py checks that mass by hand)
    assert arch.study.transportation.mars_crew.surface_access.ascent_oxidizer_from_isru
    mav = prob.get_val("mars_ascent_isru.landed_mass", units="kg")[0]
    entry = arch.catalog.entry("delta_v", "mars_entry_landed_fraction")
    phi, psi = float(entry["mass_ratio"]["value"]), float(entry["payload_fraction"]["value"])
    departures = []
    for k, year in enumerate(expected, start=1):
        launched = prob.get_val(f"mars_ascent_{k}_demand.crew_rotations")
        assert list(years[launched > 0]) == [year] and launched.sum() == 1.0
        ascent = arch.stages[f"mars_ascent_{k}"]
        assert [(s.role, s.propellant) for s in ascent] == [(s.role, s.propellant) for s in cargo]
        assert ascent[1].landed_fraction == cargo[1].landed_fraction
        if k == 1:
            assert ascent[0].delta_v_km_s == cargo[0].delta_v_km_s
        else:
            found = [w for w in find_windows(TransferSpec(parking_altitude_km=arch.study.transportation.launch_orbit_altitude_km), year)
                     if w["type"] == window.transfer_type and w["objective"] == window.objective]
            assert ascent[0].delta_v_km_s == pytest.approx(found[0]["dv_departure_km_s"], rel=1e-9)
        departures.append(ascent[0].delta_v_km_s)
        entering = prob.get_val(f"transfer_mars_ascent_{k}.stage1.initial_mass", units="kg")
        assert entering == pytest.approx(mav / psi / phi * launched)
        leo = prob.get_val(f"transfer_mars_ascent_{k}.mass_in_launch_orbit", units="kg").sum()
        assert leo == pytest.approx(mav / psi / phi * _gear(arch, f"transfer_mars_ascent_{k}.stage0"), rel=1e-6)
    # issue 17: the later windows need more than the 2033 cargo window's 3.52 km/s (3.96 in 2035, 3.84 in 2037)
    assert departures[0] < min(departures[1:])


def test_descent_vehicle_rides_the_crew_vehicle_to_the_parking_orbit(evaluated):
    """The crew's descent vehicle (the cabin over the entry fractions) rides the departure and
    capture stages of its mission, and is not pushed through the Earth-return burn."""
    arch, prob = evaluated
    entry = arch.catalog.entry("delta_v", "mars_entry_landed_fraction")
    phi, psi = float(entry["mass_ratio"]["value"]), float(entry["payload_fraction"]["value"])
    descent = arch.study.outpost.crew_size * CABIN_PER_CREW_KG / psi / phi
    assert prob.get_val("mars_crew_descent.initial_mass", units="kg")[0] == pytest.approx(descent, rel=1e-9)
    years = np.array(arch.years)
    for k, m in enumerate(arch.mars_crew, start=1):
        rider = prob.get_val(f"transfer_mars_crew_{k}.rider_mass", units="kg")
        assert rider == pytest.approx(descent * (years == m["year"]))
        capture_payload = prob.get_val(f"transfer_mars_crew_{k}.stage1.payload_mass", units="kg")
        return_stage = prob.get_val(f"transfer_mars_crew_{k}.stage2.initial_mass", units="kg")
        assert capture_payload == pytest.approx(return_stage + rider)


def test_surface_access_is_launched_and_costed(evaluated):
    """The MAV stream's mass in LEO is in the campaign's launches and in the crew vehicle item's
    launch mass; the two vehicles are costed by the catalog's crew-lander relationship (the
    table, whatever it maps), the MAV's delivery stage produced but not developed again."""
    from trades.architecture.cost_relationships import relationship

    arch, prob = evaluated
    streams = [s for s in arch.stages if s.startswith(("mars_crew_", "mars_ascent_"))]
    own = sum(prob.get_val(f"transfer_{s}.mass_in_launch_orbit", units="kg") for s in streams)
    capsules = prob.get_val("mars_crew_capsules.lander_mass", units="kg")
    assert prob.get_val("cost.launch_mass.crew_lander_leo_mass", units="kg") == pytest.approx(own - capsules)
    total = sum(prob.get_val(f"transfer_{s}.mass_in_launch_orbit", units="kg") for s in arch.stages)
    assert prob.get_val("total_launch_mass.mass_in_launch_orbit", units="kg") == pytest.approx(total)
    elements = {e.name: e for e in arch.cost.elements}
    expected = relationship(arch.catalog.entry("cost", "default"), "crew_lander", arch.study)
    for name in ("mars_ascent_vehicle", "mars_crew_descent_vehicle"):
        assert elements[name].method == expected.method and elements[name].coefficients == expected.coefficients
        assert elements[name].item == arch.cost.item_index("mars_crew_vehicle")
    assert elements["mars_ascent_stage0"].coefficients["development_factor"] == 0.0
    assert prob.get_val("cost.mars_ascent_stage0.development_factor")[0] == 0.0
    # one design, produced per mission: its unit mass is the missions' average (each MAV's stage sized on its window)
    average = np.mean([prob.get_val(f"transfer_mars_ascent_{k}.stage0.inert_mass", units="kg").sum()
                       for k in range(1, len(arch.mars_crew) + 1)])
    assert prob.get_val("cost.mars_ascent_stage0.dry_mass", units="kg")[0] == pytest.approx(average, rel=1e-9)


def test_surface_access_partials(evaluated):
    """The components that size the two vehicles, against finite differences, and the total
    derivative of the launched mass with respect to the cabin through them."""
    from openmdao.utils.assert_utils import assert_check_partials, assert_check_totals

    arch, prob = evaluated
    names = ["mars_ascent_isru", "mars_ascent_1_demand", "mars_ascent_2_demand", "mars_crew_descent", "mars_crew_1_descent"]
    data = prob.check_partials(includes=names, out_stream=None, method="fd", step=1e-3, form="central")
    assert set(data) == set(names)
    assert_check_partials(data, atol=2e-2, rtol=1e-5)
    # the stage coasts the MAV's 1,261 days on the surface: a step of 1e-3 in its boil-off rate would
    # grow the propellant exp(1.26) times, past what one stage lifts, so its step is smaller
    data = prob.check_partials(includes=["mars_ascent_stage"], out_stream=None, method="fd", step=1e-7, form="central")
    assert set(data) == {"mars_ascent_stage"}
    assert_check_partials(data, atol=2e-2, rtol=1e-5)
    totals = prob.check_totals(of=["total_launch_mass.mass_in_launch_orbit"], wrt=["mars_crew_cabin.cabin_mass"],
                               out_stream=None, method="fd", step=1e-2, form="central")
    assert_check_totals(totals, atol=1e-2, rtol=1e-5)

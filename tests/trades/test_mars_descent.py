"""The crew's descent vehicle pre-deployed in Mars orbit one window ahead
(``surface_access.descent_vehicle: predeployed_in_orbit``, trades.architecture.mars_descent),
against the same study with the descent vehicle carried by the crew (``with_crew``); the shipped
study flies DRA 5.0's split.

The masses are checked by hand: each stage's gear ratio (mass at ignition per kg pushed) by the
closed-form rocket equation of Humble, Henry & Larson (ch. 1 and 3) written out here from the
stage's inputs, not read from the model's outputs."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

STUDY = Path(__file__).resolve().parents[2] / "studies" / "crewed_mars_2033.yaml"
SHIPPED = "      descent_vehicle: predeployed_in_orbit\n"
G0 = 9.80665  # m/s^2 (CGPM 1901)


def _evaluate(text: str):
    from trades.architecture.assemble import build_problem
    from trades.architecture.resolve import resolve
    from trades.study.schema import parse_study_text

    study = parse_study_text(text, str(STUDY))
    arch = resolve(study, str(STUDY))
    prob = build_problem(arch)
    prob.run_model()
    return arch, prob


@pytest.fixture(scope="module")
def runs():
    # one stage per burn, whose gear ratios multiply (the shipped core stage's rider is checked in
    # tests/models/transfer/test_core_stage.py); the rest as shipped
    text = STUDY.read_text().replace("    stage_arrangement: core_stage\n", "")
    assert SHIPPED in text, "the shipped study sends its descent vehicles ahead"
    return {"with_crew": _evaluate(text.replace(SHIPPED, "      descent_vehicle: with_crew\n")),
            "predeployed": _evaluate(text)}


def _gear(arch, prefix: str) -> float:
    """Mass at ignition (with the boiled-off propellant carried) per kg of payload of the stage
    ``prefix``, by hand from its inputs: ``R = exp((dv + dv_g) / (g0 Isp))``, ``B = exp(k t)``,
    tanks ``a = k_t / rho``, engines ``b = (T/W)_0 / (T/W)_e``; ``m1 / P = 1 / (1 - (1 + aB)(1 - 1/R) - b)``
    and ``m0 = m1 (1 + (1 - 1/R)(B - 1))``; a cooled tank (zero boil-off) adds its cryocoolers and arrays to
    ``a`` and has no growth."""
    given = {i.name.removeprefix(prefix + "."): i.value for i in arch.inputs if i.name.startswith(prefix + ".")}
    ratio = math.exp((given["delta_v"] + given["gravity_loss"]) / (G0 * given["isp"]))
    growth = math.exp(given["boiloff_rate"] * given["coast_time"])
    a = given["tank_mass_per_volume"] / given["propellant_density"] + given.get("storage_mass_per_propellant", 0.0)  # cooled tanks
    b = given["thrust_to_weight"] / given["engine_thrust_to_weight"]
    burned = 1.0 - 1.0 / ratio
    return (1.0 + burned * (growth - 1.0)) / (1.0 - (1.0 + a * growth) * burned - b)


def _descent_at_entry(arch) -> float:
    """The cabin (crew x 961.5 kg: the 3,846 kg payload of Polsgrove et al.'s 2016 MAV for four, as
    tests/trades/test_mars_surface_access.py) over the entry fractions (payload share psi, landed share phi)."""
    entry = arch.catalog.entry("delta_v", "mars_entry_landed_fraction")
    return arch.study.outpost.crew_size * 3846.0 / 4.0 / float(entry["payload_fraction"]["value"]) / float(entry["mass_ratio"]["value"])


def test_descent_vehicles_fly_the_cargo_route_one_window_ahead(runs):
    """Each mission's descent vehicle leaves Earth with its ascent vehicle (the window before its
    crew's), on the cargo route's stages less the entry step: the cargo window's own for the first,
    the window planner's transfer of the cargo's type and objective for the others; the crew
    vehicles carry no rider."""
    from trades.astro.porkchop import TransferSpec, find_windows

    arch, prob = runs["predeployed"]
    years = np.array(arch.years)
    expected = [arch.study.transportation.mars_window.year] + [m["year"] for m in arch.mars_crew[:-1]]
    cargo = [s for s in arch.stages["cargo"] if s.role != "entry"]
    assert arch.study.transportation.aerocapture and [s.role for s in cargo] == ["departure"]
    window = arch.study.transportation.mars_window
    for k, year in enumerate(expected, start=1):
        launched = prob.get_val(f"mars_descent_{k}_demand.crew_rotations")
        assert list(years[launched > 0]) == [year] and launched.sum() == 1.0
        stages = arch.stages[f"mars_descent_{k}"]
        assert [(s.role, s.propellant) for s in stages] == [(s.role, s.propellant) for s in cargo]
        if k == 1:
            assert stages[0].delta_v_km_s == cargo[0].delta_v_km_s
        else:  # aerocapture: the window without a capture burn, as the cargo's
            found = [w for w in find_windows(TransferSpec(parking_altitude_km=arch.study.transportation.launch_orbit_altitude_km), year)
                     if w["type"] == window.transfer_type and w["objective"] == window.objective]
            assert stages[0].delta_v_km_s == pytest.approx(found[0]["dv_departure_km_s"], rel=1e-9)
        assert prob.get_val(f"transfer_mars_descent_{k}.payload_mass", units="kg") == pytest.approx(_descent_at_entry(arch) * (years == year))
    for k in range(1, len(arch.mars_crew) + 1):
        with pytest.raises(KeyError):
            prob.get_val(f"transfer_mars_crew_{k}.rider_mass")


def test_crew_vehicle_drops_the_descent_vehicles_share(runs):
    """By hand: the descent vehicle (25.8 t at entry) rode the departure and capture stages, so the
    crew vehicle's mass in LEO drops by it times those two stages' gear ratios; the same stages'
    inputs in both runs."""
    arch, prob = runs["with_crew"]
    arch_on, prob_on = runs["predeployed"]
    descent = _descent_at_entry(arch)
    for k in range(1, len(arch.mars_crew) + 1):
        off = prob.get_val(f"transfer_mars_crew_{k}.mass_in_launch_orbit", units="kg").sum()
        on = prob_on.get_val(f"transfer_mars_crew_{k}.mass_in_launch_orbit", units="kg").sum()
        share = descent * _gear(arch, f"transfer_mars_crew_{k}.stage0") * _gear(arch, f"transfer_mars_crew_{k}.stage1")
        assert off - on == pytest.approx(share, rel=1e-6)
        assert _gear(arch_on, f"transfer_mars_crew_{k}.stage1") == pytest.approx(_gear(arch, f"transfer_mars_crew_{k}.stage1"), rel=1e-12)


def test_descent_streams_by_hand_and_in_the_campaign(runs):
    """By hand: each descent stream needs the descent vehicle times its departure stage's gear
    ratio in LEO (aerocapture: no capture stage); the campaign's mass in LEO changes by those
    streams less the crew vehicles' drops."""
    arch, prob = runs["predeployed"]
    arch_off, prob_off = runs["with_crew"]
    descent = _descent_at_entry(arch)
    streams = 0.0
    for k in range(1, len(arch.mars_crew) + 1):
        by_hand = descent * _gear(arch, f"transfer_mars_descent_{k}.stage0")
        stream = prob.get_val(f"transfer_mars_descent_{k}.mass_in_launch_orbit", units="kg").sum()
        assert stream == pytest.approx(by_hand, rel=1e-6)
        streams += stream
    drops = sum(prob_off.get_val(f"transfer_mars_crew_{k}.mass_in_launch_orbit", units="kg").sum()
                - prob.get_val(f"transfer_mars_crew_{k}.mass_in_launch_orbit", units="kg").sum() for k in range(1, len(arch.mars_crew) + 1))
    on = prob.get_val("campaign_launch_mass.campaign_launch_mass", units="kg")[0]
    off = prob_off.get_val("campaign_launch_mass.campaign_launch_mass", units="kg")[0]
    assert on - off == pytest.approx(streams - drops, rel=1e-6)


def test_descent_streams_are_launched_and_costed(runs):
    """The descent streams are the crew's own vehicles' launch mass (less the capsules, on the crew
    launches) and their stages are costed in the crew vehicle item, built to the cargo stage's
    design (not developed again)."""
    arch, prob = runs["predeployed"]
    streams = [s for s in arch.stages if s.startswith(("mars_crew_", "mars_descent_", "mars_ascent_"))]
    own = sum(prob.get_val(f"transfer_{s}.mass_in_launch_orbit", units="kg") for s in streams)
    capsules = prob.get_val("mars_crew_capsules.lander_mass", units="kg")
    assert prob.get_val("cost.launch_mass.crew_lander_leo_mass", units="kg") == pytest.approx(own - capsules)
    elements = {e.name: e for e in arch.cost.elements}
    stage = elements["mars_descent_stage0"]
    assert stage.item == arch.cost.item_index("mars_crew_vehicle") and stage.coefficients["development_factor"] == 0.0
    average = np.mean([prob.get_val(f"transfer_mars_descent_{k}.stage0.inert_mass", units="kg").sum()
                       for k in range(1, len(arch.mars_crew) + 1)])
    assert prob.get_val("cost.mars_descent_stage0.dry_mass", units="kg")[0] == pytest.approx(average, rel=1e-9)
    assert "mars_descent_stage0" not in {e.name for e in runs["with_crew"][0].cost.elements}


def test_descent_stream_partials(runs):
    """The per-mission demand components against finite differences, and the total derivative of
    the campaign's launch mass with respect to the cabin through the new streams."""
    from openmdao.utils.assert_utils import assert_check_partials, assert_check_totals

    arch, prob = runs["predeployed"]
    names = [f"mars_descent_{k}_demand" for k in range(1, len(arch.mars_crew) + 1)]
    data = prob.check_partials(includes=names, out_stream=None, method="fd", step=1e-3, form="central")
    assert set(data) == set(names)
    assert_check_partials(data, atol=2e-2, rtol=1e-5)
    totals = prob.check_totals(of=["total_launch_mass.mass_in_launch_orbit"], wrt=["mars_crew_cabin.cabin_mass"],
                               out_stream=None, method="fd", step=1e-2, form="central")
    assert_check_totals(totals, atol=1e-2, rtol=1e-5)

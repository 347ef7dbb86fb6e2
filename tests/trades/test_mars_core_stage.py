"""The crew vehicle's burns made by one core stage (``transportation.mars_crew.stage_arrangement:
core_stage``, DRA 5.0's nuclear-thermal crew vehicle) against one stage per burn, on the crewed Mars
study. The mass in LEO is checked by hand from the problem's own inputs: each burn's tank by the
rocket equation (Humble, Henry & Larson, ch. 1 and 3) written out here, the engines by iterating on
their mass (sized for the first burn's design thrust-to-weight, carried through every burn)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

STUDY = Path(__file__).resolve().parents[2] / "studies" / "crewed_mars_2033.yaml"
CAPSULE = "    return_capsule: orion_crew_module\n"
CORE = "    stage_arrangement: core_stage\n"
G0 = 9.80665  # m/s^2 (CGPM 1901)


def _evaluate(text: str):
    from trades.analyses.evaluate import evaluate
    from trades.study.schema import parse_study_text

    return evaluate(parse_study_text(text, str(STUDY)), str(STUDY))


@pytest.fixture(scope="module")
def runs():
    text = STUDY.read_text()
    assert CAPSULE in text and "    missions: 3\n" in text
    # two missions: with passive boil-off the third's core stage (2039, a 3.29 km/s Earth return after
    # 750 d) needs more launches a year than any fleet flies (exit 3), see docs/model.md
    per_burn = text.replace(CORE, "").replace("    missions: 3\n", "    missions: 2\n")
    return {"per_burn": _evaluate(per_burn), "core": _evaluate(per_burn.replace(CAPSULE, CAPSULE + CORE))}


def _by_hand(arch, stream: str, payload: float) -> tuple[float, float]:
    """Mass in LEO and engine mass of a core-stage stream, from its inputs."""
    given = {i.name: i.value for i in arch.inputs if i.name.startswith(f"transfer_{stream}.")}
    engines_b = given[f"transfer_{stream}.engines.thrust_to_weight"] / given[f"transfer_{stream}.engines.engine_thrust_to_weight"]
    burns = []
    for k in range(3):
        s = {n.rsplit(".", 1)[1]: v for n, v in given.items() if n.startswith(f"transfer_{stream}.stage{k}.")}
        # tanks, and the cryocoolers and arrays of a cooled tank (zero boil-off: no growth), per kg loaded
        burns.append((math.exp((s["delta_v"] + s["gravity_loss"]) / (G0 * s["isp"])), math.exp(s["boiloff_rate"] * s["coast_time"]),
                      s["tank_mass_per_volume"] / s["propellant_density"] + s.get("storage_mass_per_propellant", 0.0)))
    engines = 0.0
    for _ in range(300):
        mass = payload + engines
        for k, (ratio, growth, a) in reversed(list(enumerate(burns))):
            # burnout mass = what is pushed + the tank a B p; burned p = burnout (R - 1): solve for burnout
            burnout = mass / (1.0 - a * growth * (ratio - 1.0))
            ignition, burned = burnout * ratio, burnout * (ratio - 1.0)
            mass = ignition + burned * (growth - 1.0)
            if k == 0:
                engines = engines_b * ignition
    return mass, engines


def test_the_core_stage_flies_every_burn_with_one_set_of_engines(runs):
    arch, prob = runs["core"]
    payload = float(prob.get_val("mars_crew_vehicle.unit_mass", units="kg")[0])
    for k, mission in enumerate(arch.mars_crew, start=1):
        year = arch.years.index(mission["year"])
        leo, engines = _by_hand(arch, f"mars_crew_{k}", payload)
        assert float(prob.get_val(f"transfer_mars_crew_{k}.mass_in_launch_orbit", units="kg")[year]) == pytest.approx(leo, rel=1e-8)
        assert float(prob.get_val(f"transfer_mars_crew_{k}.engines.engine_mass", units="kg")[year]) == pytest.approx(engines, rel=1e-8)


def test_one_core_stage_is_costed_in_place_of_three(runs):
    per_burn, core = runs["per_burn"][0], runs["core"][0]
    assert [e.name for e in per_burn.cost.elements if e.name.startswith("mars_crew_")] == [
        "mars_crew_stage0", "mars_crew_stage1", "mars_crew_stage2"] + [
        e.name for e in per_burn.cost.elements if e.name.startswith("mars_crew_") and "stage" not in e.name]
    costed = [e for e in core.cost.elements if e.name.startswith("mars_crew_") and "stage" in e.name]
    assert [(e.name, e.mass_output) for e in costed] == [("mars_crew_core_stage", "transfer_mars_crew_1.core_inert_mass")]
    # its unit dry mass: the missions' average of engines and every burn's tanks
    prob = runs["core"][1]
    built = [sum(float(prob.get_val(f"transfer_mars_crew_{k}.{part}", units="kg").sum())
                 for part in ("engines.engine_mass", "stage0.inert_mass", "stage1.inert_mass", "stage2.inert_mass"))
             for k in range(1, len(core.mars_crew) + 1)]
    assert float(prob.get_val("cost.mars_crew_core_stage.dry_mass", units="kg")[0]) == pytest.approx(sum(built) / len(built), rel=1e-9)


def test_the_engines_take_the_catalogs_coefficients_once(runs):
    arch = runs["core"][0]
    names = [i.name for i in arch.inputs]
    entry = arch.catalog.entry("propellants", arch.study.transportation.departure_propellant)
    for k in range(1, len(arch.mars_crew) + 1):
        assert names.count(f"transfer_mars_crew_{k}.engines.thrust_to_weight") == 1
        assert not any(n.startswith(f"transfer_mars_crew_{k}.stage") and n.endswith("thrust_to_weight") for n in names)
        given = next(i for i in arch.inputs if i.name == f"transfer_mars_crew_{k}.engines.engine_thrust_to_weight")
        assert given.value == float(entry["engine_thrust_to_weight"]["value"])

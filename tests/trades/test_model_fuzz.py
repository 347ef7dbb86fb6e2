"""Property test: a model evaluated on any valid study gives finite numbers or a clear domain error."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from trades.errors import InfeasibleError, StudyErrors
from trades.analyses.evaluate import evaluate
from trades.analyses.run import summarize
from trades.study import Study

DESTINATIONS = [
    ("moon", "south_pole"), ("moon", "equator"), ("moon_orbit", "nrho"), ("moon_orbit", "llo"),
    ("earth_orbit", "leo_iss"), ("mars", "mars_equatorial"),
]
PROPELLANTS = ["lox_lh2", "lox_ch4", "lox_rp1", "nto_mmh", "nuclear_thermal_lh2"]


@st.composite
def studies(draw):
    body, site = draw(st.sampled_from(DESTINATIONS))
    stay = draw(st.floats(1.0, 365.0))
    rotations = draw(st.floats(0.0, min(12.0, 365.0 / stay)))
    num_years = draw(st.integers(1, 20))
    return {
        "name": "fuzz",
        "campaign": {"start_year": 2030, "num_years": num_years},
        "destination": {"body": body, "site": site},
        "outpost": {
            "crew_size": draw(st.integers(1, 12)),
            "stay_days": stay,
            "rotations_per_year": rotations,
            "water_closure": draw(st.floats(0.0, 1.0)),
            "oxygen_closure": draw(st.floats(0.0, 1.0)),
            "power_source": draw(st.sampled_from(["solar", "fission"])),
            "isru": {"oxygen_production_t_per_year": draw(st.floats(0.0, 50.0))},
        },
        "transportation": {
            "staging": draw(st.sampled_from(["direct", "llo", "nrho"])),
            "departure_propellant": draw(st.sampled_from(PROPELLANTS)),
            "lander_propellant": draw(st.sampled_from(PROPELLANTS)),
            "loiter_days": draw(st.floats(0.0, 60.0)),
            "reusable_lander": body == "moon" and draw(st.booleans()),
            "aerocapture": body == "mars" and draw(st.booleans()),
        },
        "launch": {"policy": draw(st.sampled_from(["open_market", "national"]))},
        "partners": [{"id": p} for p in draw(st.lists(st.sampled_from(["nasa", "esa", "jaxa", "cnsa", "isro", "csa"]),
                                                       min_size=1, max_size=4, unique=True))],
    }


def _finite(node):
    if isinstance(node, dict):
        return all(_finite(v) for v in node.values())
    if isinstance(node, list):
        return all(_finite(v) for v in node)
    return not isinstance(node, float) or math.isfinite(node)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(studies())
def test_valid_study_evaluates_to_finite_numbers_or_a_domain_error(data):
    try:
        study = Study.model_validate(data)
    except Exception:  # noqa: BLE001 - the strategy may draw a combination the schema refuses
        event("schema refused")
        return
    if study.cross_field_errors():
        event("cross-field refused")
        return
    try:
        arch, prob = evaluate(study, "fuzz.yaml")
    except (InfeasibleError, StudyErrors) as exc:  # a clear domain error: one line per problem
        assert str(exc).strip()
        event(f"refused: {type(exc).__name__}")
        return
    event("evaluated")
    summary = summarize(arch, prob)
    assert _finite(summary), summary
    assert all(r["mass_in_launch_orbit_kg"] >= 0 for r in summary["per_year"])

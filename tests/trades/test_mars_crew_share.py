"""The demand game on a study that flies its crews per Mars mission (transportation.mars_crew):
the missions set the crew rotations, so the game scales each mission's flown share
(``mars_crew.crew_share``), not ``outpost.rotations_per_year`` (which the missions override: scaling
it alone left every coalition the same mission, a flat game on studies/mars_outpost_2033.yaml).
Checked by hand: every per-mission stream is linear in its payload, so at a share ``f`` each
mission stream's mass in LEO, the crew rotations and crew-days are ``f`` times the whole crew's,
and the vehicles' design (each vehicle's mass) does not move."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml

from trades.analyses.coalition_demand import apply_demand, demand_fraction
from trades.analyses.evaluate import evaluate
from trades.cli import main
from trades.study import parse_study_text

OUTPOST = Path(__file__).resolve().parents[2] / "studies" / "mars_outpost_2033.yaml"
STREAMS = ("transfer_mars_crew_", "transfer_mars_ascent_", "transfer_mars_descent_")


def _study(share=None):
    data = yaml.safe_load(OUTPOST.read_text())
    if share is not None:
        data["transportation"]["mars_crew"]["crew_share"] = share
    return parse_study_text(yaml.safe_dump(data), str(OUTPOST))


def test_a_coalition_flies_its_demand_share_of_every_mission():
    """ESA alone wants 8.3 of the 97.7 demanded (NASA 76.6, ESA 8.3, JAXA 12.8)."""
    study = _study()
    data = study.model_dump(mode="json", exclude_none=True)
    apply_demand(data, study, ["esa"])
    assert demand_fraction(study, ["esa"]) == pytest.approx(8.3 / (76.6 + 8.3 + 12.8), rel=1e-12)
    assert data["transportation"]["mars_crew"]["crew_share"] == pytest.approx(8.3 / 97.7, rel=1e-12)
    assert data["outpost"]["rotations_per_year"] == pytest.approx(0.5 * 8.3 / 97.7, rel=1e-12)


def _values(prob, missions):
    out = {}
    for prefix in STREAMS:
        for k in range(1, missions + 1):
            out[f"{prefix}{k}"] = prob.get_val(f"{prefix}{k}.mass_in_launch_orbit", units="kg").copy()
    for name in ("crew.crew_rotations", "crew.crew_days", "mars_crew_vehicle.unit_mass", "mars_crew_descent.initial_mass"):
        out[name] = prob.get_val(name).copy()
    return out


@pytest.mark.slow
def test_each_mission_stream_scales_with_the_share():
    share = 0.3
    whole_arch, whole = evaluate(_study(), str(OUTPOST))
    part_arch, part = evaluate(_study(share), str(OUTPOST))
    missions = len(whole_arch.mars_crew)
    assert missions == len(part_arch.mars_crew) == 3
    a, b = _values(whole, missions), _values(part, missions)
    for name in a:
        if name.startswith("transfer_") or name.startswith("crew."):
            assert a[name].sum() > 0, name
            np.testing.assert_allclose(b[name], share * a[name], rtol=1e-9, atol=1e-6, err_msg=name)
        else:  # one vehicle's design: the same whatever share of the missions is flown
            np.testing.assert_allclose(b[name], a[name], rtol=1e-12, err_msg=name)
    # the cargo's first year (outpost and its deployment, before any crew) does not move
    assert part.get_val("transfer_cargo.mass_in_launch_orbit", units="kg")[0] == pytest.approx(
        whole.get_val("transfer_cargo.mass_in_launch_orbit", units="kg")[0], rel=1e-12)


@pytest.mark.parametrize("share", [0.0, 1.5])
def test_a_share_outside_0_to_1_is_bad_input(share, tmp_path, capsys):
    data = yaml.safe_load(OUTPOST.read_text())
    data["transportation"]["mars_crew"]["crew_share"] = share
    path = tmp_path / "share.yaml"
    path.write_text(yaml.safe_dump(data))
    assert main(["validate", str(path)]) == 2
    assert "crew_share" in capsys.readouterr().err

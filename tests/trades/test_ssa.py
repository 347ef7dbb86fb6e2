"""The SSA system's sizing, cost items and sharing (trades/architecture/ssa.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml

from trades.errors import InfeasibleError
from trades.study import parse_study_text
from trades.study.catalog import load_catalog
from trades.study.money import sourced_to_base_musd

STUDY = Path(__file__).resolve().parents[2] / "studies" / "cislunar_ssa_shared.yaml"


def _study(**ssa):
    data = yaml.safe_load(STUDY.read_text())
    data["ssa"].update(ssa)
    return parse_study_text(yaml.safe_dump(data), str(STUDY))


def test_sizing_is_the_cheapest_set_meeting_the_requirement():
    """Against a brute force written here over the same tracked-share function: no cheaper set of
    whole counts within max_count meets the requirement."""
    from itertools import product

    from trades.architecture.ssa import geometry, reach_matrix, size_ssa
    from trades.models.ssa import sample_points, tracked_share

    study, catalog = _study(), load_catalog()
    design = size_ssa(study, catalog, "f")
    g = geometry()
    points = sample_points(g["inner_radius_km"]["value"], g["outer_radius_km"]["value"], 2048)
    ids = ["darc_radar", "sst_optical", "oracle_cislunar"]
    reach = reach_matrix(catalog, ids, 1.0, points)
    sky = np.array([catalog.entry("ssa_sensors", s)["sky_fraction"]["value"] for s in ids])
    price = {s: sourced_to_base_musd(catalog.entry("ssa_sensors", s)["price"], 2024, catalog) for s in ids}
    chosen = sum(n * price[s] for s, n in zip(design.sensors, design.counts) if s in price)
    for combo in product(range(4), range(7), range(5)):
        share = tracked_share(np.array(combo, float), sky, reach)[0]
        if share >= 0.75:
            assert sum(n * price[s] for s, n in zip(ids, combo)) >= chosen - 1e-9, combo


def test_who_may_provide_each_sensor():
    from trades.architecture.resolve import resolve

    plan = resolve(_study()).cost
    eligible = {item.name: [p for p, ok in zip(plan.partners, item.eligible) if ok] for item in plan.items if item.name.startswith("ssa:")}
    assert eligible == {"ssa:sst_optical": ["nasa", "esa", "jaxa", "asa"], "ssa:oracle_cislunar": ["nasa"], "ssa:dscovr_l1": ["nasa"]}


def test_national_sharing_gives_each_partner_its_own_system():
    from trades.architecture.resolve import resolve

    shared, national = resolve(_study()).cost, resolve(_study(sharing="national")).cost
    own = [item for item in national.items if item.name.startswith("ssa:")]
    assert len(own) == 3 * 4  # three fielded types, four partners
    for item in own:
        owner = item.name.rsplit("@", 1)[1]
        assert [p for p, ok in zip(national.partners, item.eligible) if ok] == [owner]
    spent = lambda plan: sum(plan.purchases[i].sum() for i, item in enumerate(plan.items) if item.name.startswith("ssa:"))  # noqa: E731
    assert spent(national) == pytest.approx(4 * spent(shared))


def test_no_monitor_for_a_required_warning_is_infeasible():
    data = yaml.safe_load(STUDY.read_text())
    data["ssa"]["sensors"] = [s for s in data["ssa"]["sensors"] if s["type"] != "dscovr_l1"]
    from trades.architecture.resolve import resolve

    with pytest.raises(InfeasibleError, match="ssa.warning_minutes_min: a 20 min warning needs a solar-wind monitor"):
        resolve(parse_study_text(yaml.safe_dump(data), str(STUDY)))


def test_too_few_monitors_allowed_is_infeasible():
    from trades.architecture.resolve import resolve

    data = yaml.safe_load(STUDY.read_text())
    data["ssa"]["monitors_min"] = 3
    with pytest.raises(InfeasibleError, match="ssa.monitors_min: 3 monitors are required but max_count allows at most 2"):
        resolve(parse_study_text(yaml.safe_dump(data), str(STUDY)))

"""The sized power system's cost item when power modules supply the outpost's load (issue 17):
no cost element when the modules cover the load and nothing can raise it (AMCM would otherwise
price its 1 kg mass floor), the element on the mass sized for the rest otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from trades.analyses.evaluate import evaluate
from trades.architecture.resolve import resolve
from trades.study import parse_study_text

STUDY = Path(__file__).resolve().parents[2] / "studies" / "gateway_as_planned.yaml"


def _gateway(edit=None):
    data = yaml.safe_load(STUDY.read_text())
    if edit:
        edit(data)
    return parse_study_text(yaml.safe_dump(data), str(STUDY))


def _power_elements(arch):
    return [e for e in arch.cost.elements if e.name == "power"]


def test_modules_covering_the_load_leave_no_power_to_cost():
    # 4 crew x 14 kW = 56 kW against the PPE's 60 kW (catalog): nothing sized, nothing costed, a note says so
    arch = resolve(_gateway(), str(STUDY))
    assert arch.cost.item_index("power") is not None and _power_elements(arch) == []
    assert any("sized power system not costed: the modules' 60 kW cover the outpost's 56.0 kW load" in n for n in arch.notes)


def test_a_load_above_the_modules_power_is_sized_and_costed():
    # 6 crew x 14 kW = 84 kW: the power system is sized for 84 - 60 = 24 kW and costed by its relationship
    study = _gateway(lambda d: d["outpost"].update(crew_size=6))
    arch = resolve(study, str(STUDY))
    assert len(_power_elements(arch)) == 1
    _, prob = evaluate(study, str(STUDY))
    assert float(prob.get_val("outpost.module_power.sized_power_demand", units="kW")[0]) == pytest.approx(84.0 - 60.0, rel=1e-12)
    assert float(prob.get_val("outpost.power.power_system_mass", units="kg")[0]) > 0.0
    assert float(prob.get_val("outpost.module_power.power_surplus", units="kW")[0]) == 0.0


def test_a_design_variable_keeps_the_power_element():
    # any design variable keeps the element (the plan does not work out which inputs move the load): costed as before
    def edit(d):
        d["design_variables"] = [{"name": "water_closure", "lower": 0.5, "upper": 0.98}]
    arch = resolve(_gateway(edit), str(STUDY))
    assert len(_power_elements(arch)) == 1

"""What paying whole flights would add (trades/analyses/transport_costs.py, issue 18: the cost
prices the capacity used while the run counts whole flights)."""

from types import SimpleNamespace

import numpy as np
import pytest

from trades.analyses.transport_costs import format_transport, whole_flight_excess
from trades.models import variables as var


class _Problem:
    def __init__(self, values):
        self.values = values

    def get_val(self, name, units=None):
        return np.asarray(self.values[name])


def test_whole_flights_add_the_unfilled_capacity_at_average_costs():
    # by hand: carrier flights 0.5 + 1.2 = 1.7 of cargo, flown 1 + 2 = 3; stages cost 170 for 1.7
    # flights, 100 a flight, so the 1.3 unfilled flights add 130. Launches 2.3 + 0 of mass, flown 3;
    # items' launches cost 150 + 80 = 230 for 2.3 launches, 100 a launch: 0.7 unfilled add 70.
    prob = _Problem({var.CARGO_FLIGHTS: [0.5, 1.2], var.CARGO_LAUNCHES: [2.3, 0.0]})
    arch = SimpleNamespace(study=SimpleNamespace(launch=SimpleNamespace(policy="open_market")))
    items = [{"item": "habitat", "launch_musd": 150.0}, {"item": "cargo_transport", "launch_musd": 80.0}]
    w = whole_flight_excess(arch, prob, items, 170.0)
    assert (w["flights_flown"], w["launches_flown"]) == (3, 3)
    assert w["flights_of_cargo"] == pytest.approx(1.7)
    assert w["stage_production_per_flight_musd"] == pytest.approx(100.0)
    assert w["launch_cost_per_launch_musd"] == pytest.approx(100.0)
    assert w["unfilled_stages_musd"] == pytest.approx(130.0)
    assert w["unfilled_launches_musd"] == pytest.approx(70.0)
    assert w["unfilled_musd"] == pytest.approx(200.0)
    line = format_transport({"cargo": {"total_musd": 400.0, "delivered_kg": 5100.0, "musd_per_kg": 0.078,
                                       "carrier": "x", "payload_per_flight_kg": 3000.0, "stage_development_musd": 0.0,
                                       "stage_production_musd": 170.0, "launch_musd": 230.0, "references": [],
                                       "whole_flights": w}}, "MUSD 2024")
    assert "3 carrier flights and 3 cargo launches fly 1.7 flights' and 2.3 launches' worth of mass" in line[1]
    assert "would add 200 (stages 130 at 100 a flight, launches 70 at 100.0 a launch)" in line[1]


def test_full_flights_add_nothing():
    prob = _Problem({var.CARGO_FLIGHTS: [2.0, 1.0], var.CARGO_LAUNCHES: [4.0, 0.0]})
    arch = SimpleNamespace(study=SimpleNamespace(launch=SimpleNamespace(policy="open_market")))
    w = whole_flight_excess(arch, prob, [{"item": "habitat", "launch_musd": 400.0}], 300.0)
    assert w["unfilled_musd"] == pytest.approx(0.0, abs=1e-9)


def test_model_doc_states_the_flagships_whole_flights(tmp_path, capsys):
    """docs/model.md (Launches) quotes the flagship's whole-flight figures: recomputed from a run."""
    import json
    from pathlib import Path

    from trades.cli import main

    root = Path(__file__).resolve().parents[2]
    assert main(["run", str(root / "studies" / "lunar_south_pole_outpost.yaml"), "--output-dir", str(tmp_path),
                 "--format", "json"]) == 0
    capsys.readouterr()
    cost = json.loads((tmp_path / "summary.json").read_text())["cost"]
    w = cost["transport"]["cargo"]["whole_flights"]
    doc = " ".join((root / "docs" / "model.md").read_text().split())
    assert (f"The flagship: {w['flights_flown']} carrier flights for {w['flights_of_cargo']:.1f} flights' worth of cargo and "
            f"{w['launches_flown']} launches for {w['launches_of_mass']:.1f} launches' worth of mass, {w['unfilled_musd']:,.0f} MUSD "
            f"more ({w['unfilled_musd'] / cost['life_cycle_cost_musd']:.1%} of its life-cycle cost)").replace("%", " %") in doc

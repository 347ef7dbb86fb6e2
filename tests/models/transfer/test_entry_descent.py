"""EntryDescent: landed and payload fractions, partials, and its place at the end of a stage chain."""

from __future__ import annotations

import math

import openmdao.api as om
import pytest
from openmdao.utils.assert_utils import assert_check_partials

from trades.models.transfer import EntryDescent, StageChain

G0 = 9.80665


def test_dra5_entry_mass_by_hand():
    """DRA 5.0 (NASA/SP-2009-566, Table 4-3): 56.8 t landed from 109.7 t at entry; with 40.4 t of
    it payload (the table's maximum per lander, as transcribed in the MIT 'Mars 2040' model),
    109.7 t enter for 40.4 t of payload and the descent stage is the other 16.4 t."""
    prob = om.Problem(reports=False)
    prob.model.add_subsystem("edl", EntryDescent(num_nodes=2), promotes=["*"])
    prob.setup(force_alloc_complex=True)
    prob.set_val("payload_mass", [40400.0, 1000.0])
    prob.set_val("landed_fraction", 56.8 / 109.7)
    prob.set_val("payload_fraction", 40.4 / 56.8)
    prob.run_model()
    assert prob.get_val("initial_mass")[0] == pytest.approx(109700.0, rel=1e-12)
    assert prob.get_val("descent_stage_mass")[0] == pytest.approx(16400.0, rel=1e-12)
    assert prob.get_val("entry_system_mass")[0] == pytest.approx(109700.0 - 56800.0, rel=1e-12)
    assert prob.get_val("entry_system_mass")[1] == pytest.approx(1000.0 * 56.8 / 40.4 * (109.7 / 56.8 - 1.0), rel=1e-12)
    data = prob.check_partials(method="cs", compact_print=True, out_stream=None)
    assert_check_partials(data, atol=1e-8, rtol=1e-8)


def test_chain_with_entry_last():
    """Departure stage then entry: m_LEO = stage(payload / phi), computed by hand."""
    prob = om.Problem(reports=False)
    prob.model.add_subsystem("chain", StageChain(num_stages=2, num_nodes=1, entry_last=True), promotes=["*"])
    prob.setup()
    prob.set_val("payload_mass", 10000.0)
    prob.set_val("stage1.landed_fraction", 0.5)
    prob.set_val("stage0.delta_v", 4010.0)
    prob.set_val("stage0.isp", 900.0)
    for name, value in (("tank_mass_per_volume", 41.2), ("propellant_density", 71.0), ("thrust_to_weight", 0.15),
                        ("engine_thrust_to_weight", 1.81)):
        prob.set_val(f"stage0.{name}", value)
    prob.run_model()
    entry = 10000.0 / 0.5
    ratio = math.exp(4010.0 / (G0 * 900.0))
    expected = entry / (1.0 - (1.0 + 41.2 / 71.0) * (1.0 - 1.0 / ratio) - 0.15 / 1.81)
    assert prob.get_val("mass_in_launch_orbit")[0] == pytest.approx(expected, rel=1e-12)
    assert prob.get_val("propellant_mass")[0] == pytest.approx(expected * (1.0 - 1.0 / ratio), rel=1e-12)

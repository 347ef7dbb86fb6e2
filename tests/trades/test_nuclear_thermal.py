"""The nuclear-thermal engines' development (trades/architecture/nuclear_thermal.py): a reported
estimate, paid once per study that flies nuclear-thermal stages, in base-year dollars by CPI-U."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
import yaml

from trades.architecture.nuclear_thermal import ntr_item_name
from trades.architecture.resolve import resolve
from trades.study import parse_study_text
from trades.study.catalog import load_catalog

OUTPOST = Path(__file__).resolve().parents[2] / "studies" / "mars_outpost_2033.yaml"


def _outpost(propellant):
    data = yaml.safe_load(OUTPOST.read_text())
    data["transportation"]["departure_propellant"] = propellant
    return resolve(parse_study_text(yaml.safe_dump(data), "edited.yaml"))


def test_the_catalog_carries_howe_1986_estimate():
    """S. D. Howe (LANL, 1986; NTRS 19870008361, abstract): 'The total cost to build the engine would
    be between $4 to 5 billion': the middle, 4,500 MUSD, taken in 1986 dollars."""
    reported = load_catalog().entry("cost", "default")["nuclear_thermal_development"]
    assert (reported["value"], reported["unit"], reported["year"]) == (4500.0, "MUSD", 1986)
    assert "19870008361" in reported["source"] and reported["verified"] is True and reported["note"]


def test_outpost_pays_the_engines_development_once_at_the_cpi_ratio():
    """The NTR cargo study pays 4,500 MUSD of 1986 in 2024 dollars by BLS CPI-U annual averages
    (1986 109.6, 2024 313.689): 4,500 x 313.689 / 109.6 = 12,879.57 MUSD, on the cargo transport
    item's development profile, and nothing else is a purchase in that study."""
    arch = _outpost("nuclear_thermal_lh2")
    plan = arch.cost
    i = plan.item_index("cargo_transport")
    expected = 4500.0 * 313.689 / 109.6
    assert plan.purchases[i].sum() == pytest.approx(expected, rel=1e-12)
    assert plan.purchases.sum() == pytest.approx(expected, rel=1e-12)  # once per study: no other item pays it
    np.testing.assert_allclose(plan.purchases[i], expected * plan.development_profile[i], rtol=1e-12)
    np.testing.assert_allclose(plan.fixed_development, plan.purchases, rtol=1e-12)  # development, shown as such
    note = [n for n in arch.notes if n.startswith("nuclear-thermal stages")]
    assert len(note) == 1 and "12,880 MUSD 2024 on the cargo_transport item" in note[0]
    assert "nuclear-thermal engine development" in plan.sources


def test_a_hydrogen_oxygen_departure_pays_no_reactor():
    arch = _outpost("lox_lh2")
    assert not np.any(arch.cost.purchases)
    assert not any("nuclear-thermal" in n for n in arch.notes)


def _stages(**propellants):
    return {key: [SimpleNamespace(propellant=p) for p in props] for key, props in propellants.items()}


def test_the_paying_item_is_the_first_whose_stages_burn_it():
    """Cargo stages first (the cargo transport item); else the Mars crew's, ascent or descent
    streams (all costed in the Mars crew vehicle item); a lunar crew lander's stages pay nothing."""
    ntr, chem = "nuclear_thermal_lh2", "lox_lh2"
    assert ntr_item_name(_stages(cargo=[ntr, "lox_ch4"], mars_crew_1=[ntr])) == "cargo_transport"
    assert ntr_item_name(_stages(cargo=[chem], mars_crew_1=[ntr])) == "mars_crew_vehicle"
    assert ntr_item_name(_stages(cargo=[chem], mars_ascent_1=[ntr])) == "mars_crew_vehicle"
    assert ntr_item_name(_stages(cargo=[chem], crew_lander=[ntr])) is None
    assert ntr_item_name(_stages(cargo=[chem])) is None

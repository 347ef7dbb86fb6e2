"""The run names outpost elements heavier than one cargo flight's payload (trades/analyses/oversize.py):
the model carries them as mass spread over flights, as if split and assembled, which it does not cost."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from trades.analyses.oversize import oversize_notes
from trades.models import variables as var


def _run(masses: dict, payload: float, modules=(), module_masses=()):
    values = {var.CARGO_FLIGHT_PAYLOAD: [payload], var.MODULE_MASS: list(module_masses), **{k: [v] for k, v in masses.items()}}
    prob = SimpleNamespace(get_val=lambda name, units=None: np.asarray(values[name], dtype=float))
    entries = {m: {"mass_kg": {"value": mm}} for m, mm in zip(modules, module_masses)}
    catalog = SimpleNamespace(entry=lambda kind, key: entries[key])
    study = SimpleNamespace(outpost_modules=list(modules), transportation=SimpleNamespace(cargo_carrier="blue_moon_mk1"),
                            destination=SimpleNamespace(body="moon"))
    return oversize_notes(SimpleNamespace(study=study, catalog=catalog), prob)


MASSES = {var.HABITAT_MASS: 9365.0, var.POWER_SYSTEM_MASS: 8400.0, var.LIFE_SUPPORT_MASS: 2086.0, var.ISRU_PLANT_MASS: 0.0}


def test_elements_heavier_than_a_flight_are_named_with_their_masses():
    """The flagship's figures (habitat 9,365 kg, fission power 8,400 kg, life support 2,086 kg on
    Blue Moon Mk1's 3,000 kg): the first two are named, life support is not."""
    notes = _run(MASSES, 3000.0)
    assert len(notes) == 1
    assert notes[0].startswith("heavier than one cargo flight of 'blue_moon_mk1' (3,000 kg): habitat 9,365 kg, power system 8,400 kg;")
    assert "life support" not in notes[0] and "neither modelled nor costed" in notes[0]


def test_modules_are_checked_and_a_flight_that_carries_everything_says_nothing():
    notes = _run(MASSES, 9000.0, modules=("esa_esprit_lunar_view", "csa_canadarm3"), module_masses=(10000.0, 1076.0))
    assert "habitat 9,365 kg" in notes[0] and "esa_esprit_lunar_view 10,000 kg" in notes[0] and "csa_canadarm3" not in notes[0]
    assert "power system" not in notes[0]
    assert _run(MASSES, 10000.0, modules=("esa_esprit_lunar_view",), module_masses=(10000.0,)) == []  # equal fits

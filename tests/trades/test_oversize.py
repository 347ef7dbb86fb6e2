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


def _crew(lander_per_year, stack_per_year, rotations, payload, lifted_by_crew_launcher=False, stages=("crew_lander",)):
    from trades.analyses.oversize import crew_lander_launch_notes

    values = {"crew_lander_demand.crew_rotations": rotations, "crew_lander_demand.lander_mass": lander_per_year,
              var.CREW_STREAM_LEO_MASS: stack_per_year, var.CARGO_PAYLOAD_CAPACITY: [payload]}
    prob = SimpleNamespace(get_val=lambda name, units=None: np.asarray(values[name], dtype=float))
    arch = SimpleNamespace(stages=dict.fromkeys(stages), years=[2031, 2032],
                           cost=SimpleNamespace(crew_launcher_lifts_lander=lifted_by_crew_launcher))
    return crew_lander_launch_notes(arch, prob)


def test_a_crew_lander_heavier_than_one_cargo_launch_is_named():
    """The flagship's figures measured on its run: one landing a year from 2032, Altair resized for NRHO 69,099 kg,
    198,072 kg in LEO with its stages, on Falcon 9's 15,100 kg: 198,072 / 15,100 = 13.1 launches' payload."""
    (note,) = _crew([0.0, 69099.0], [0.0, 198072.0], [0.0, 1.0], 15100.0)
    assert note.startswith("the crew lander of each landing (69,099 kg at its staging orbit; 198,072 kg in the launch orbit")
    assert "2032)" in note and "(15,100 kg)" in note and "13.1 launches' payload" in note and "neither modelled nor costed" in note
    # per landing: two landings a year carry twice the mass
    assert "(69,099 kg" in _crew([0.0, 138198.0], [0.0, 396144.0], [0.0, 2.0], 15100.0)[0]


def test_no_note_when_the_lander_fits_or_rides_the_crew_launcher():
    # the lander fits (its stages' propellant aggregates, as docs/model.md says of every payload)
    assert _crew([0.0, 15000.0], [0.0, 60000.0], [0.0, 1.0], 15100.0) == []
    assert _crew([0.0, 69099.0], [0.0, 198072.0], [0.0, 1.0], 15100.0, lifted_by_crew_launcher=True) == []  # Saturn V and LM
    assert _crew([0.0, 69099.0], [0.0, 198072.0], [0.0, 0.0], 15100.0) == []  # no crew flies
    assert _crew([0.0, 0.0], [0.0, 0.0], [0.0, 1.0], 15100.0, stages=()) == []  # no crew lander stream

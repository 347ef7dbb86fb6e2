"""Every system of a shipped study's model runs after the systems it reads from.

The model's groups run their systems once, in the order they were added (OpenMDAO's default
NonlinearRunOnce solver, no iteration): a system added before its source reads the value of the
previous run, or the initial value on the first. That is how the crewed Mars study once counted its
cargo launches from the masses of the run before (the cargo launch count was added before the mass
it divides). OpenMDAO's own 'out_of_order' configuration check finds such systems; this test runs
it on each shipped study's problem, built as ``trades run`` builds it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

STUDIES = sorted((Path(__file__).resolve().parents[2] / "studies").glob("*.yaml"))


class _Collect:
    """A logger that keeps what OpenMDAO's checks report."""

    def __init__(self):
        self.messages: list[str] = []

    def warning(self, msg, *args):
        self.messages.append(str(msg))

    info = error = debug = warning


def _out_of_order(study, path) -> list[str]:
    from trades.architecture.assemble import build_problem
    from trades.architecture.resolve import resolve

    prob = build_problem(resolve(study, str(path)))
    prob.final_setup()
    log = _Collect()
    prob.check_config(logger=log, checks=["out_of_order"], out_file=None)
    return [m for m in log.messages if "out-of-order" in m]


@pytest.mark.parametrize("path", STUDIES, ids=[p.stem for p in STUDIES])
def test_no_system_runs_before_its_sources(path):
    from trades.study.schema import load_study

    assert not _out_of_order(load_study(path), path)


def test_no_system_runs_before_its_sources_with_the_mars_options_the_studies_leave_off():
    """The crewed Mars study's variants that build other systems: the descent vehicles riding with the
    crews, the ascent vehicles' oxygen carried from Earth, and the other stage arrangement of the crew
    vehicle (one stage per burn or a core stage, whose loop of engines and burns its Newton solver
    iterates: the check takes a loop as one unit and checks what flows into and out of it), alone and
    with the descent vehicles riding."""
    from trades.analyses.validation_architectures import SHIPPED_ACCESS, WITH_CREW
    from trades.study.schema import parse_study_text

    path = next(p for p in STUDIES if p.stem == "crewed_mars_2033")
    text = path.read_text()
    assert SHIPPED_ACCESS in text
    capsule = "    return_capsule: orion_crew_module\n"
    assert capsule in text
    shipped_core = "stage_arrangement: core_stage" in text
    other = text.replace("    stage_arrangement: core_stage\n", "") if shipped_core else text.replace(
        capsule, capsule + "    stage_arrangement: core_stage\n")
    for variant in (text.replace(SHIPPED_ACCESS, WITH_CREW),
                    text.replace(SHIPPED_ACCESS, "      ascent_oxidizer_from_isru: false\n"),
                    other, other.replace(SHIPPED_ACCESS, WITH_CREW)):
        assert not _out_of_order(parse_study_text(variant, str(path)), path)

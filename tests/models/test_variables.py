"""The registry of model variable names (trades.models.variables): every registered path exists in
the problems built for the shipped studies, with the registered units; and the orchestration
layer names no registered path as a bare string."""

from __future__ import annotations

from pathlib import Path

import pytest

from trades.models import variables

ROOT = Path(__file__).resolve().parents[2]
STUDIES = ["lunar_south_pole_outpost", "leo_station_after_iss", "crewed_mars_2033", "cislunar_nrho_station", "cislunar_ssa_shared",
           "gateway_as_planned",  # flies outpost modules (outpost.modules.*)
           "artemis_like_lunar_campaign"]  # a refuelled crew lander on its own launcher (launch_lander.*)


@pytest.fixture(scope="module")
def promoted() -> dict[str, str]:
    """Promoted path -> units over the problems of the shipped studies."""
    from trades.architecture.assemble import build_problem
    from trades.architecture.resolve import resolve
    from trades.study import load_study

    found = {}
    for name in STUDIES:
        prob = build_problem(resolve(load_study(ROOT / "studies" / f"{name}.yaml")))
        prob.final_setup()
        for listing in (prob.model.list_inputs(units=True, prom_name=True, out_stream=None),
                        prob.model.list_outputs(units=True, prom_name=True, out_stream=None)):
            for _, meta in listing:
                found.setdefault(meta["prom_name"], meta["units"])
    return found


def test_every_registered_path_is_in_a_built_problem_with_its_units(promoted):
    assert len(variables.REGISTRY) > 50
    wrong = {path: (v.units, promoted.get(path, "missing")) for path, v in variables.REGISTRY.items()
             if promoted.get(path) != v.units}
    assert not wrong, wrong


def test_every_registered_path_is_described():
    assert all(v.description.strip() for v in variables.REGISTRY.values())


def test_a_variable_is_its_path():
    assert variables.SHARES == "cost.shares" and {variables.SHARES: 1}["cost.shares"] == 1
    assert variables.SHARES.under("lunar") == "lunar.cost.shares" and variables.SHARES.under("") == "cost.shares"


def _string_literals(path: Path):
    """(line, value) of every plain string literal of a Python file (f-strings' parts excluded)."""
    import ast

    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value


def test_orchestration_names_no_registered_path_as_a_bare_string():
    bare = [f"{path.relative_to(ROOT)}:{line}: {value}" for path in sorted((ROOT / "trades").rglob("*.py"))
            for line, value in _string_literals(path) if value in variables.REGISTRY]
    assert not bare, "use trades.models.variables instead:\n" + "\n".join(bare)


def test_the_bare_string_check_sees_one(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("x = prob.get_val('cost.shares')\ny = 'see cost.shares'\n")
    assert [v for _, v in _string_literals(sample) if v in variables.REGISTRY] == ["cost.shares"]


def test_a_variable_survives_pickling_and_copying():
    """Model inputs named by a Variable travel to worker processes and are copied."""
    import copy
    import pickle

    for value in (pickle.loads(pickle.dumps(variables.SHARES)), copy.deepcopy(variables.SHARES)):
        assert value == "cost.shares" and value.units == "unitless" and value.description == variables.SHARES.description

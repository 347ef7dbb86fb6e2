"""Property tests: mutated study files raise only the toolkit's own validation error."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trades.architecture.checks import check_study
from trades.errors import StudyErrors
from trades.study import parse_study_text

FLAGSHIP = yaml.safe_load((Path(__file__).resolve().parents[2] / "studies" / "lunar_south_pole_outpost.yaml").read_text())


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, prefix + (i,))


PATHS = [p for p in _paths(FLAGSHIP) if p]
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-10**12, 10**12) | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=8,
)


def _mutate(data, path, action, value):
    import copy

    data = copy.deepcopy(data)
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    key = path[-1]
    if action == "delete":
        del parent[key]
    elif action == "add" and isinstance(parent, dict):
        parent[f"{key}_extra"] = value
    else:
        parent[key] = value
    return data


def _accepts_or_rejects_cleanly(text):
    try:
        study = parse_study_text(text, "fuzz.yaml")
    except StudyErrors as exc:
        assert exc.errors and all(e.one_line().startswith("fuzz.yaml") for e in exc.errors)
        return
    try:
        check_study(study)
    except StudyErrors as exc:
        assert exc.errors


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PATHS), st.sampled_from(["replace", "delete", "add"]), VALUES)
def test_mutated_fields_give_only_study_errors(path, action, value):
    text = yaml.safe_dump(_mutate(FLAGSHIP, path, action, value), sort_keys=False, allow_unicode=True)
    _accepts_or_rejects_cleanly(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text_gives_only_study_errors(text):
    _accepts_or_rejects_cleanly(text)


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 3000), st.text(min_size=1, max_size=20))
def test_spliced_text_gives_only_study_errors(position, junk):
    original = yaml.safe_dump(FLAGSHIP, sort_keys=False)
    _accepts_or_rejects_cleanly(original[:position] + junk + original[position:])


"""Study files: defaults, one-line errors with key path and YAML line, JSON Schema."""

from __future__ import annotations

import json

import pytest

from trades.errors import StudyErrors
from trades.study import Study, format_path, json_schema, load_study, parse_study_text

MINIMAL = "name: minimal\npartners:\n  - id: nasa\n"


def test_minimal_study_gets_documented_defaults():
    study = parse_study_text(MINIMAL)
    assert study.campaign.num_years == 15
    assert study.destination.body == "moon"
    assert study.launch.policy == "open_market"
    assert study.deploy_year == study.campaign.start_year
    assert study.first_crewed_year == study.campaign.start_year + 1


def test_every_field_is_documented_or_required():
    def fields(model, prefix=""):
        for name, info in model.model_fields.items():
            yield f"{prefix}{name}", info
            annotation = info.annotation
            if isinstance(annotation, type) and issubclass(annotation, Study.__mro__[1]):
                yield from fields(annotation, f"{prefix}{name}.")

    for path, info in fields(Study):
        assert info.is_required() or info.default is not None or info.default_factory is not None or path.endswith(
            ("deploy_year", "first_crewed_year", "crew_spacecraft", "crew_lander", "cargo_carrier", "vehicles",
             "capabilities", "budget_cap_musd", "cost_factor", "present_value_year", "lower", "upper", "url", "unit", "mars_window", "mars_crew", "asteroid", "asteroid_window",
             "key", "return_min", "return_max", "coordination_exponent", "learning_rate", "penalty_musd", "workers",
             "sweep", "sensitivity", "min_all_launches_succeed", "development_years",
             "systems_engineering_integration", "test_flights", "ground_systems", "reserves", "cost_risk",
             "standards", "transport_policy", "ssa", "discount_rate", "utilisation")
        ), path


def _only_error(path, text):
    """The single error that loading ``text`` from ``path`` raises."""
    path.write_text(text)
    with pytest.raises(StudyErrors) as info:
        load_study(path)
    (error,) = info.value.errors
    return error


def test_error_names_file_key_path_value_and_line(tmp_path):
    path = tmp_path / "s.yaml"
    error = _only_error(path, MINIMAL + "  - id: esa\n    budget_cap_musd: -5\n")
    assert error.field == "partners[1].budget_cap_musd"
    assert error.line == 5
    line = error.one_line()
    assert line.startswith(f"{path}:5: partners[1].budget_cap_musd:")
    assert "-5" in line and "greater than or equal to 0" in line


def test_unknown_key_is_named(tmp_path):
    error = _only_error(tmp_path / "s.yaml", MINIMAL + "outpost:\n  crew_sise: 4\n")
    assert error.field == "outpost.crew_sise"
    assert "unknown key 'crew_sise'" in error.reason
    assert error.line == 5


def test_yaml_syntax_error_has_line(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text("name: x\npartners: [nasa\n")
    with pytest.raises(StudyErrors) as info:
        load_study(path)
    assert "YAML syntax error" in info.value.errors[0].reason
    assert info.value.errors[0].line is not None


def test_several_errors_each_on_its_own_line(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text("name: x\npartners:\n  - id: nasa\ncampaign:\n  num_years: 0\n  discount_rate: 2\n")
    with pytest.raises(StudyErrors) as info:
        load_study(path)
    lines = str(info.value).splitlines()
    assert len(lines) == 2
    assert all(line.startswith(str(path)) for line in lines)


def test_format_path():
    assert format_path(("partners", 2, "budget_cap_musd")) == "partners[2].budget_cap_musd"


def test_json_schema_describes_study():
    schema = json_schema()
    json.dumps(schema)
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"name", "partners"}
    assert "outpost" in schema["properties"]


@pytest.mark.parametrize("text, expected", [
    ("outpost: {stay_day: 4}\n", "outpost.stay_day: unknown key 'stay_day' (not part of the study schema; see `trades schema`); "
                                 "did you mean 'stay_days'?"),
    ("partners: [{id: nasa, vehicels: [falcon9]}]\n", "partners[0].vehicels: unknown key 'vehicels'"),
    ("launch: {crew_vehicle: falcon_9}\n", "launch.crew_vehicle: unknown launch vehicle 'falcon_9'; did you mean 'falcon9'?"),
    ("launch: {crew_vehicle: sls_block_1b}\n", "did you mean 'sls_block1b'?"),
])
def test_near_misses_get_a_did_you_mean(text, expected, tmp_path, capsys):
    """A new user typed stay_day and falcon_9 and got no hint (issue: a new user's day, item 8)."""
    from trades.cli import main

    body = "name: near miss\n" + ("" if text.startswith("partners") else "partners: [{id: nasa}]\n") + text
    path = tmp_path / "near_miss.yaml"
    path.write_text(body)
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert expected in err, err
    if "vehicels" in text:
        assert "did you mean 'vehicles'?" in err


def test_no_hint_for_a_word_far_from_every_key(tmp_path, capsys):
    from trades.cli import main

    path = tmp_path / "far.yaml"
    path.write_text("name: far\npartners: [{id: nasa}]\noutpost: {zzzz: 4}\n")
    assert main(["validate", str(path)]) == 2
    assert "did you mean" not in capsys.readouterr().err

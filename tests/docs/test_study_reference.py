"""docs/study_reference.md is what the schema generates now (regenerate with `trades schema --markdown`)."""

from pathlib import Path

from trades.outputs.study_reference import markdown_reference

REFERENCE = Path(__file__).resolve().parents[2] / "docs" / "study_reference.md"


def test_reference_matches_schema():
    assert REFERENCE.read_text() == markdown_reference(), "run: python -m trades schema --markdown > docs/study_reference.md"


def test_reference_names_every_field():
    from trades.study import Study

    text = markdown_reference()
    for name in Study.model_fields:
        assert f"| `{name}` |" in text


def test_reference_names_every_integrated_field():
    from trades.analyses.integrated_spec import EnvelopePartner, IntegratedArchitecture, Member, Scenario

    text = markdown_reference().split("# Integrated-architecture file reference")[1]
    for model in (IntegratedArchitecture, Member, EnvelopePartner, Scenario):
        assert f"## {model.__name__}" in text
        for name in model.model_fields:
            assert f"| `{name}` |" in text

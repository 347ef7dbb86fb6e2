"""docs/validation.md is what `trades validation-report` computes now."""

from pathlib import Path

import pytest

from trades.validation import markdown

REPORT = Path(__file__).resolve().parents[2] / "docs" / "validation.md"


@pytest.mark.slow
def test_report_is_current():
    assert REPORT.read_text() == markdown(), "run: python -m trades validation-report"


def test_delta_v_rows_agree_within_two_percent():
    from trades.validation import _delta_v_rows

    for row in _delta_v_rows():
        assert abs(row.ratio - 1.0) < 0.02, row


def test_report_cites_a_source_on_every_row():
    text = REPORT.read_text()
    assert text.count("| ") > 50
    for line in text.splitlines():
        if line.startswith("| ") and not line.startswith("| quantity") and not line.startswith("| ---"):
            assert "via" in line or "Table" in line or "SP-2000" in line, line

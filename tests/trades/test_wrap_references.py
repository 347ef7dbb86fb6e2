"""Apollo's programme-level lines beside its spacecraft lines (cost.yaml programme_wrap_references),
the sourced figure a study may cite for wraps.systems_engineering_integration (docs/model.md)."""

from __future__ import annotations

import pytest

from trades.study.catalog import load_catalog


def _apollo():
    return load_catalog().entry("cost", "default")["programme_wrap_references"]["apollo_spacecraft_fy1963_1969"]


def test_the_lines_are_appendix_h_as_transcribed():
    """Spot checks against NASA SP-4205 Appendix H (in thousands): FY1966 CSM 615,000; FY1967 LM
    472,500; FY1968 integration, reliability & checkout 66,600; FY1969 spacecraft support 121,800."""
    ref = _apollo()
    assert ref["hardware_lines"]["command_and_service_modules"][1966] == 615.0
    assert ref["hardware_lines"]["lunar_module"][1967] == 472.5
    assert ref["wrap_lines"]["integration_reliability_checkout"][1968] == 66.6
    assert ref["wrap_lines"]["spacecraft_support"][1969] == 121.8
    assert "SP-4205" in ref["source"] and ref["verified"] is True


def test_apollo_integration_line_is_4_7_percent_of_its_spacecraft_lines():
    """By hand from the table: CSM 3,445.408 + LM 2,009.600 + G&N 553.491 = 6,008.499 MUSD then-year;
    integration, reliability & checkout 281.537 (4.69 %), spacecraft support 472.134 (7.86 %), both
    12.54 %. Then-year sums (the lines run over the same years, so inflation moves them alike)."""
    ref = _apollo()
    hardware = sum(sum(line.values()) for line in ref["hardware_lines"].values())
    wraps = {name: sum(line.values()) for name, line in ref["wrap_lines"].items()}
    assert hardware == pytest.approx(6008.499, abs=1e-6)
    assert wraps["integration_reliability_checkout"] / hardware == pytest.approx(281.537 / 6008.499, rel=1e-9)
    assert wraps["integration_reliability_checkout"] / hardware == pytest.approx(0.0469, abs=5e-5)
    assert wraps["spacecraft_support"] / hardware == pytest.approx(0.0786, abs=5e-5)

"""Shared fixtures: paths, and a per-session cache folder so tests never write to ~/.cache."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STUDIES = ROOT / "studies"
FLAGSHIP = STUDIES / "lunar_south_pole_outpost.yaml"


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory):
    """Keep the orbit cache of the test run in a temporary folder."""
    if "TRADES_CACHE_DIR" not in os.environ:
        os.environ["TRADES_CACHE_DIR"] = str(tmp_path_factory.mktemp("trades_cache"))
    yield


@pytest.fixture(scope="session")
def flagship() -> Path:
    """Path of the flagship study file."""
    return FLAGSHIP

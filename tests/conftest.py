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


@pytest.fixture(scope="session")
def played_game(tmp_path_factory):
    """``play(path)``: a study's coalition game (``trades coalitions --format json``), played once
    per test process and shared by the tests that check a game's figures and the audit of every
    shipped game (tests/test_studies_audit.py); returns ``(exit code, stderr, report or None)``."""
    import contextlib
    import io
    import json

    from trades.cli import main

    played = {}

    def play(path):
        path = Path(path)
        if path not in played:
            out = tmp_path_factory.mktemp(path.stem) / "game"
            err = io.StringIO()
            with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
                code = main(["coalitions", str(path), "-o", str(out), "--format", "json"])
            played[path] = (code, err.getvalue(), json.loads((out / "coalitions.json").read_text()) if code == 0 else None)
        return played[path]

    return play

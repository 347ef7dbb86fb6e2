"""A `trades run` killed with SIGKILL at random moments never leaves a half-written result."""

from __future__ import annotations

import csv
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

OUTPUTS = {"cases.sqlite", "provenance.json", "resolved_study.yaml", "summary.json", "summary_by_year.csv"}


def _check_complete(out: Path) -> None:
    """If summary.json is there, every output is there, whole and readable."""
    if not (out / "summary.json").exists():
        return
    assert OUTPUTS <= {p.name for p in out.iterdir()}
    summary = json.loads((out / "summary.json").read_text())
    json.loads((out / "provenance.json").read_text())
    yaml.safe_load((out / "resolved_study.yaml").read_text())
    rows = list(csv.DictReader((out / "summary_by_year.csv").open()))
    assert len(rows) == len(summary["per_year"])


@pytest.mark.slow
def test_sigkill_at_random_moments(tmp_path, flagship):
    out = tmp_path / "out"
    rng = random.Random(20261127)
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    command = [sys.executable, "-m", "trades", "run", str(flagship), "--output-dir", str(out)]
    subprocess.run(command, check=True, capture_output=True, env=env)  # warms the orbit cache
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)  # a complete run, to time it
    duration = time.perf_counter() - start
    kills = attempts = 0
    while kills < 10 and attempts < 30:  # a run that ends before its kill (a noisy machine) is retried
        attempts += 1
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        time.sleep(rng.uniform(0.0, duration * 0.9))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
        _check_complete(out)
    assert kills >= 10, f"only {kills} of {attempts} runs were still going when killed"
    # a run after the kills completes and leaves a full, consistent result
    subprocess.run(command, check=True, capture_output=True, env=env)
    _check_complete(out)
    assert (out / "summary.json").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["out"], "killed runs' temporary folders were not cleaned up"
    assert not list(out.glob(".trades-staging-*")), "killed runs' staging folders were not cleaned up"

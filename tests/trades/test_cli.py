"""The command line: help, schema, validate, JSON output, fast start-up."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from trades.cli import main


def test_help_lists_commands(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for command in ("run", "validate", "schema"):
        assert command in out
    assert "Exit codes" in out


def test_schema_prints_json(capsys):
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "trades study file"


def test_validate_ok_and_json(capsys, flagship):
    assert main(["validate", str(flagship)]) == 0
    assert capsys.readouterr().out.strip().endswith(": ok")
    assert main(["validate", str(flagship), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report == {"valid": [str(flagship)], "warnings": [], "errors": []}


def test_validate_reports_bad_file_with_exit_2(tmp_path, capsys, flagship):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\npartners:\n  - id: nasaa\n")
    assert main(["validate", str(flagship), str(bad)]) == 2
    captured = capsys.readouterr()
    from trades.study.catalog import load_catalog

    ids = sorted(load_catalog().entries["partners"])  # the catalog's ids (26 since issue 19 item 4)
    assert captured.err.strip() == f"{bad}:3: partners[0].id: unknown partner 'nasaa'; one of {ids}; did you mean 'nasa'?"
    assert "Traceback" not in captured.err


def test_python_dash_m_and_lazy_imports(flagship):
    """`python -m trades validate` works and imports neither OpenMDAO nor boinor nor numba."""
    code = (
        "import sys, runpy; sys.argv = ['trades', 'validate', %r]\n"
        "try:\n    runpy.run_module('trades', run_name='__main__')\n"
        "except SystemExit as e:\n    assert e.code == 0, e.code\n"
        "heavy = [m for m in ('openmdao', 'boinor', 'numba') if m in sys.modules]\n"
        "assert not heavy, heavy\n" % str(flagship)
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "ok" in result.stdout


def test_internal_error_is_one_line(monkeypatch, capsys, flagship):
    import trades.analyses.run

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(trades.analyses.run, "run_study", broken)
    monkeypatch.delenv("TRADES_DEBUG", raising=False)
    assert main(["run", str(flagship)]) == 1
    err = capsys.readouterr().err
    assert err.strip() == "trades: internal error: RuntimeError: boom (set TRADES_DEBUG=1 for a traceback)"


def test_library_warnings_do_not_surround_a_one_line_error(monkeypatch, capsys, tmp_path):
    """Infeasible overrides printed 17-56 lines of numpy/OpenMDAO warnings around the message."""
    import warnings

    import numpy as np

    import trades.analyses.run
    from trades.errors import InfeasibleError

    def noisy_infeasible(*args, **kwargs):
        np.float64(1e308) * np.float64(10.0)  # RuntimeWarning: overflow
        warnings.warn("DerivativesWarning: singular Jacobian", UserWarning)
        raise InfeasibleError("study.yaml: the model produced non-finite values")

    monkeypatch.setattr(trades.analyses.run, "run_study", noisy_infeasible)
    assert main(["run", "study.yaml", "-o", str(tmp_path / "o")]) == 3
    assert capsys.readouterr().err == "study.yaml: the model produced non-finite values\n"


def test_library_warnings_are_shown_after_a_success(monkeypatch, capsys, tmp_path):
    import warnings

    import trades.analyses.run

    def noisy_success(*args, **kwargs):
        warnings.warn("a library's warning", UserWarning)
        return {}, tmp_path

    monkeypatch.setattr(trades.analyses.run, "run_study", noisy_success)
    monkeypatch.setattr(trades.analyses.run, "format_summary", lambda summary: "")
    assert main(["run", "study.yaml"]) == 0
    assert "a library's warning" in capsys.readouterr().err


def test_validate_recognises_integrated_architecture_files(tmp_path, capsys):
    """`validate` refused the shipped integrated file ('unknown key members'): it now checks it and
    each member study, and names the field of a broken one."""
    from pathlib import Path

    integrated = Path(__file__).resolve().parents[2] / "studies" / "integrated" / "global_leo_cislunar_lunar.yaml"
    assert main(["validate", str(integrated)]) == 0
    assert capsys.readouterr().out.strip() == f"{integrated}: ok"
    broken = tmp_path / "broken.yaml"
    broken.write_text(integrated.read_text().replace("study: ../leo_station_after_iss.yaml", "study: ../no_such_study.yaml"))
    assert main(["validate", str(broken)]) == 2
    assert "members[0].study: '../no_such_study.yaml' is not a file" in capsys.readouterr().err

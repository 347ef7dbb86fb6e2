"""The validation report's logistics row (trades.analyses.validation_logistics): the LEO station
study's crew and supplies on a station of the ISS's mass, against the ISS's logistics."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest

STUDY = Path(__file__).resolve().parents[2] / "studies" / "leo_station_after_iss.yaml"
ISS_KG = 419_455.0
LB = 0.45359237


@lru_cache(maxsize=1)
def _evaluated():
    from trades.analyses.evaluate import evaluate
    from trades.study.schema import load_study

    return evaluate(load_study(STUDY), str(STUDY))


def _row():
    from trades.analyses.validation import Row
    from trades.analyses.validation_logistics import logistics_rows

    (row,) = logistics_rows(lambda stem: (_evaluated()[0].study, _evaluated()[1]), Row, ISS_KG)
    return row


def test_on_the_iss_mass_the_year_is_the_supplies_plus_the_iss_own_spares_and_propellant():
    """Independent of the model's manifest: on the ISS's mass the ratios return the ISS's own figures,
    7,000 lb of spares (NASA MSFC via Tech Briefs) and the propellant of Progress's six flights of
    2018-2019 (890 + 530 kg + 1,653 lb and 900 + 800 kg + 1,433 lb, mean year), worked here; the rest is
    the study's packaged supplies of its last crewed year. Published: 130 t over 6.25 years."""
    from trades.models import variables as var

    _, prob = _evaluated()
    supplies = float(prob.get_val(var.CONSUMABLES_MASS, units="kg")[-1])
    propellant = ((890 + 530 + 1653 * LB) + (900 + 800 + 1433 * LB)) / 2
    row = _row()
    # the catalog rounds the propellant to 2,260 kg a year: within 1 kg of the flights' mean
    assert row.ours == pytest.approx(supplies + 7000 * LB + propellant, abs=2.0)
    assert row.published == pytest.approx(130_000.0 / 6.25)
    assert "on a station of the ISS's mass (419 t; the study's own station is 26.6 t)" in row.quantity


def test_the_comment_adds_up_and_states_the_study_own_year():
    """The sentence's terms add up to the row's value (to their rounding), the study's own year is its
    run's delivered mass, and the comment's verdict follows the 15 % band."""
    from trades.models import variables as var

    _, prob = _evaluated()
    row = _row()
    text = row.comment
    terms = re.search(r"\(supplies (\d+\.\d+)\), packaging (\d+\.\d+), spares (\d+\.\d+) and station-keeping propellant (\d+\.\d+)", text)
    total = sum(float(v) for v in terms.groups())
    assert total == pytest.approx(row.ours / 1000, abs=0.03)
    own = float(prob.get_val(var.DELIVERED_MASS, units="t")[-1])
    assert f"on the study's own station the year is {own:.1f} t (ratio {own / 20.8:.2f})" in text
    assert text.startswith("Agrees (band 15 %)" if abs(row.ratio - 1) <= 0.15 else "Does not agree (band 15 %)")


def test_the_gap_and_the_manifests_packaging_are_measured():
    """Still missing: 20.8 t less the row's value. The manifests' packaging, worked by hand from the four
    flights (C2+ 1,146 / 1,014 lb, CRS-1 1,001 / 882 lb, SpX-7 1,952 / 1,867 kg, SpX-19 1,693 kg over
    977 + 306 + 256 + 65 + 15 kg), replaces SpaceNet's 0.2 on the pressurized dry goods (food, provisions,
    expendables, research cargo): the row and the study's year fall by dry goods x (0.2 - mean). Progress's
    water: 420 + 420 + 970 lb (2018) and 420 + 420 + 926 lb (2019), mean year."""
    from trades.models import variables as var

    _, prob = _evaluated()
    row = _row()
    mean = (1146 / 1014 + 1001 / 882 + 1952 / 1867 + 1693 / (977 + 306 + 256 + 65 + 15) - 4) / 4
    assert mean == pytest.approx(0.089, abs=5e-4)
    g = lambda name: float(prob.get_val(name, units="t")[-1])  # noqa: E731
    dry = g("logistics.consumables.food_mass") + sum(g(f"logistics.{n}.{n}_mass") for n in ("provisions", "expendables", "utilisation"))
    lighter = dry * (0.2 - 0.089)
    assert f"with it for the {dry:.2f} t of dry goods" in row.comment
    own = float(prob.get_val(var.DELIVERED_MASS, units="t")[-1])
    assert f"Still missing, {20.8 - row.ours / 1000:.1f} t" in row.comment
    assert f"of dry goods this row would be {row.ours / 1000 - lighter:.1f} t (ratio {(row.ours / 1000 - lighter) / 20.8:.2f})" in row.comment
    assert f"the study's own year {own - lighter:.1f} t" in row.comment
    water = ((420 + 420 + 970 * LB) + (420 + 420 + 926 * LB)) / 2
    assert f"Progress delivered {water / 1000:.2f} t of water a year" in row.comment


def test_the_study_finding_states_the_run():
    """The LEO study's logistics finding is this run's: the year's delivered mass and its ratio to the
    ISS's 20.8 t, the station-keeping propellant, and the year on the ISS's mass (restated when the
    station-keeping propellant joined the logistics, issue 17)."""
    import yaml

    from trades.models import variables as var

    _, prob = _evaluated()
    text = " ".join(yaml.safe_load(STUDY.read_text())["description"].split())
    own = float(prob.get_val(var.DELIVERED_MASS, units="t")[-1])
    propellant = float(prob.get_val(var.STATION_KEEPING_PROPELLANT, units="t")[-1])
    assert f"a crewed year then needs {own:.1f} t delivered" in text
    assert f"{propellant:.2f} t of station-keeping propellant" in text
    assert f"{own / 20.8:.2f} of the 20.8 t a year" in text
    assert f"the same crew's year is {_row().ours / 1000:.1f} t, {_row().ratio:.2f} of the ISS's" in text

"""The spares relationship chosen by the outpost's class (trades.architecture.logistics_inputs)."""

from __future__ import annotations

from pathlib import Path

import pytest

STUDIES = Path(__file__).resolve().parents[2] / "studies"


def _spares_input(name: str):
    from trades.architecture.resolve import resolve
    from trades.models import variables as var
    from trades.study.schema import load_study

    path = STUDIES / f"{name}.yaml"
    arch = resolve(load_study(path), str(path))
    return next(i for i in arch.inputs if i.name == var.SPARES_FRACTION)


def test_a_station_in_earth_orbit_takes_the_iss_ratio():
    """7,000 lb of spare parts a year (T. Prater, NASA MSFC, as quoted by Tech Briefs) over the ISS's
    924,739 lb (NASA ISS Facts and Figures, 2014), worked here in pounds: 0.757 % a year, verified
    (both figures were read), its source naming both."""
    given = _spares_input("leo_station_after_iss")
    assert given.value == pytest.approx(7000.0 / 924_739.0, rel=1e-3)
    assert given.verified is True
    assert "Tech Briefs" in given.source and "419,455 kg" in given.source


def test_other_outposts_keep_the_planning_fraction_and_say_it_is_unverified():
    """A lunar surface outpost is outside the ISS's class: the catalog's 5 %, flagged unverified."""
    given = _spares_input("lunar_south_pole_outpost")
    assert given.value == pytest.approx(0.05)
    assert given.verified is False

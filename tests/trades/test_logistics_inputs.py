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


def test_utilisation_cargo_is_delivered_packaged_in_crewed_years(tmp_path):
    """A study's utilisation section adds its figure, packed as pressurized dry goods (the catalog's
    packing_factor_pressurized_dry, MIT SpaceNet's 0.2), to every crewed year's delivered mass and
    nothing before the first crew. The LEO station's figure is the science of NASA's four 2024 resupply
    flights, 1,369 + 1,135 + 800 + 917 = 4,221 kg (docs/research/iss_logistics_research.md), summed here:
    against the same study without the section, 4,221 x 1.2 kg more is delivered in crewed years."""
    import yaml

    from trades.analyses.evaluate import evaluate
    from trades.models import variables as var
    from trades.study.schema import load_study

    path = STUDIES / "leo_station_after_iss.yaml"
    data = yaml.safe_load(path.read_text())
    assert data.pop("utilisation")["cargo_kg_per_crewed_year"] == 1369 + 1135 + 800 + 917
    without = tmp_path / "leo_without_utilisation.yaml"
    without.write_text(yaml.safe_dump(data, sort_keys=False))
    study = load_study(path)
    _, base = evaluate(load_study(without), str(without))
    _, more = evaluate(study, str(path))
    extra = more.get_val(var.DELIVERED_MASS, units="kg") - base.get_val(var.DELIVERED_MASS, units="kg")
    crewed = [float(y >= study.first_crewed_year) for y in study.years]
    assert list(extra) == pytest.approx([4221.0 * 1.2 * c for c in crewed], abs=1e-6)


def _input(name: str, variable: str):
    from trades.architecture.resolve import resolve
    from trades.study.schema import load_study

    path = STUDIES / f"{name}.yaml"
    arch = resolve(load_study(path), str(path))
    return next(i for i in arch.inputs if i.name == variable)


def test_a_station_in_earth_orbit_gets_the_iss_station_keeping_ratio():
    """Propellant Progress delivered to the ISS in 2018 (MS-08 890 kg, MS-09 530 kg, MS-10 1,653 lb) and
    2019 (MS-11 900 kg, MS-12 800 kg, MS-13 1,433 lb), Roscosmos's and NASA's launch-day figures as reported
    (trades/catalogs/outpost.yaml), worked here from the flights: the mean year over the ISS's 419,455 kg,
    about 0.54 % a year; unverified (press copies, two flights differ between copies)."""
    from trades.models import variables as var

    lb = 0.45359237
    per_year = ((890 + 530 + 1653 * lb) + (900 + 800 + 1433 * lb)) / 2
    given = _input("leo_station_after_iss", var.STATION_KEEPING_FRACTION)
    assert given.value == pytest.approx(per_year / 419_455.0, rel=1e-3)
    assert given.verified is False
    assert "Progress" in given.source and "419,455 kg" in given.source


def test_outposts_off_earth_orbit_get_no_station_keeping_propellant():
    """A lunar surface outpost has no drag to make up: the fraction is 0 and the run says why."""
    from trades.models import variables as var

    given = _input("lunar_south_pole_outpost", var.STATION_KEEPING_FRACTION)
    assert given.value == 0.0
    assert "outside the relationship's class" in given.source


def test_the_leo_station_delivers_its_station_keeping_propellant_unpackaged(tmp_path):
    """Against the same study with the ISS's propellant overridden to 1 kg a year (overrides must stay
    positive), each year in orbit after deployment delivers (2,260 - 1) / 419,455 of the station's dry
    mass more, unpackaged (not times 1.3), and the deployment year nothing more."""
    import yaml

    from trades.analyses.evaluate import evaluate
    from trades.models import variables as var
    from trades.study.schema import load_study

    path = STUDIES / "leo_station_after_iss.yaml"
    data = yaml.safe_load(path.read_text())
    data["overrides"] = {"outpost": {"default": {"iss_station_keeping_propellant_kg_per_year": {"value": 1.0, "source": "test: next to none"}}}}
    without = tmp_path / "leo_without_station_keeping.yaml"
    without.write_text(yaml.safe_dump(data, sort_keys=False))
    study = load_study(path)
    _, base = evaluate(load_study(without), str(without))
    _, more = evaluate(study, str(path))
    dry = float(more.get_val(var.MANIFEST_OUTPOST_DRY_MASS, units="kg")[0])
    extra = more.get_val(var.DELIVERED_MASS, units="kg") - base.get_val(var.DELIVERED_MASS, units="kg")
    operating = [float(y > study.deploy_year) for y in study.years]
    assert list(extra) == pytest.approx([2259.0 / 419_455.0 * dry * o for o in operating], rel=1e-9, abs=1e-9)

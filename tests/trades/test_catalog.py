"""The packaged catalogs: every number sourced, required coverage, overrides."""

from __future__ import annotations

import pytest
import yaml

from trades.study.catalog import CATALOG_FILES, _read, load_catalog, unsourced_numbers
from trades.errors import StudyError, StudyErrors
from trades.study import SourcedOverride, format_path


def _error_at(path, reason):
    return StudyError("s.yaml", format_path(path), reason)


@pytest.mark.parametrize("name", sorted(CATALOG_FILES))
def test_every_number_has_a_source(name):
    assert unsourced_numbers(_read(name)) == []


@pytest.mark.parametrize("name", sorted(CATALOG_FILES))
def test_every_sourced_value_says_whether_it_was_verified(name):
    def walk(node, path=""):
        if isinstance(node, dict):
            if "value" in node and "source" in node:
                assert isinstance(node.get("verified"), bool), f"{name}: {path} lacks verified: true|false"
                if node["value"] is not None:  # a null value may say "not found"
                    assert len(str(node["source"])) > 10, f"{name}: {path} source too short"
            for k, v in node.items():
                walk(v, f"{path}.{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f"{path}[{i}]")

    walk(_read(name))


def test_unsourced_number_is_detected():
    data = yaml.safe_load("a: {value: 3, source: somewhere}\nb: {value: 4}\nc: [1]\n")
    assert unsourced_numbers(data) == ["b.value", "c[0]"]


def test_launch_vehicle_coverage():
    vehicles = load_catalog().entries["launch_vehicles"]
    assert len(vehicles) >= 12
    assert {v["country"] for v in vehicles.values()} >= {"USA", "Europe", "Japan", "China", "Russia", "India"}
    assert {v["status"] for v in vehicles.values()} >= {"operational", "planned"}
    for vehicle in vehicles.values():
        assert vehicle["payload_leo_kg"]["value"] > 0
        assert vehicle["agency"] in load_catalog().entries["partners"]
        if "price" in vehicle:
            assert isinstance(vehicle["price"].get("year"), int), f"{vehicle['id']}: price without its year"


def test_partners_and_their_vehicles():
    catalog = load_catalog()
    partners = catalog.entries["partners"]
    assert set(partners) >= {"nasa", "esa", "jaxa", "csa", "cnsa", "roscosmos", "isro"}
    for partner in partners.values():
        for vehicle in partner["vehicles"]:
            assert catalog.entries["launch_vehicles"][vehicle]["agency"] == partner["id"]


def test_propellants_and_legs_present():
    catalog = load_catalog()
    assert set(catalog.entries["propellants"]) >= {"lox_lh2", "lox_ch4", "lox_rp1", "nto_mmh", "nuclear_thermal_lh2"}
    legs = set(catalog.entries["delta_v"])
    assert legs >= {"leo_to_tli", "tli_to_llo", "tli_to_nrho", "llo_to_surface", "surface_to_llo", "llo_to_tei",
                    "mars_tmi_cargo", "mars_moi_cargo", "mars_entry_landed_fraction", "nea_rendezvous_ultralow"}
    for body, by_key in catalog.routes.items():
        for key, streams in by_key.items():
            for stream, stages in streams.items():
                if stream == "reusable_lander":
                    stages = [{"legs": stages["descent"]}, {"legs": stages["ascent"]}]
                for stage in stages:
                    assert set(stage["legs"]) <= legs, f"route {body}/{key}/{stream} names an unknown leg"


def test_override_replaces_value_and_records_source():
    catalog = load_catalog()
    override = {"launch_vehicles": {"falcon_heavy": {"payload_leo_kg": SourcedOverride(value=60000, source="my agency's quote")}}}
    changed = catalog.with_overrides(override, _error_at)
    entry = changed.entry("launch_vehicles", "falcon_heavy")["payload_leo_kg"]
    assert entry["value"] == 60000
    assert entry["source"] == "study override: my agency's quote"
    assert entry["verified"] is False
    assert catalog.value("launch_vehicles", "falcon_heavy", "payload_leo_kg") != 60000  # original untouched
    assert changed.overridden == ["overrides.launch_vehicles.falcon_heavy.payload_leo_kg"]


@pytest.mark.parametrize(
    "override, field",
    [
        ({"rockets": {"x": {"y": 1}}}, "overrides.rockets"),
        ({"launch_vehicles": {"falcon_hvy": {"payload_leo_kg": 1}}}, "overrides.launch_vehicles.falcon_hvy"),
        ({"launch_vehicles": {"falcon_heavy": {"name": 1}}}, "overrides.launch_vehicles.falcon_heavy.name"),
    ],
)
def test_override_errors_name_the_field(override, field):
    override = {
        cat: {e: {f: SourcedOverride(value=v, source="a source") for f, v in fields.items()} for e, fields in entries.items()}
        for cat, entries in override.items()
    }
    with pytest.raises(StudyErrors) as info:
        load_catalog().with_overrides(override, _error_at)
    assert info.value.errors[0].field == field


@pytest.mark.parametrize(
    "field, value, fragment",
    [("payload_leo_kg", 0.0, "greater than 0"), ("payload_leo_kg", -5.0, "negative")],
)
def test_override_must_stay_physical(field, value, fragment):
    override = {"launch_vehicles": {"falcon_heavy": {field: SourcedOverride(value=value, source="a source")}}}
    with pytest.raises(StudyErrors) as info:
        load_catalog().with_overrides(override, _error_at)
    assert fragment in info.value.errors[0].reason


def test_fraction_override_at_most_one():
    override = {"propellants": {"lox_lh2": {"stage_inert_fraction": SourcedOverride(value=1.2, source="a source")}}}
    with pytest.raises(StudyErrors) as info:
        load_catalog().with_overrides(override, _error_at)
    assert "at most 1" in info.value.errors[0].reason


def test_asteroid_catalog_elements():
    neas = load_catalog().entries["neas"]
    assert {"bennu", "ryugu", "itokawa", "2008_ev5", "apophis"} <= set(neas)
    for entry in neas.values():
        assert 0 <= entry["e"]["value"] < 1 and entry["a_au"]["value"] > 0
        assert entry["frame"] == "ecliptic_j2000"


def test_rated_power_only_on_power_elements_and_in_range():
    """Issue 17: a catalog element's rated power (power_kw) is a sourced, finite, non-negative number
    in kW, carried only by elements of type power (a habitat or airlock consumes power)."""
    from trades.architecture.outpost_modules import POWER_FIELD, power_rating_problem

    rated = {e["id"]: e for e in load_catalog().entries["elements"].values() if POWER_FIELD in e}
    assert "gateway_ppe" in rated
    assert {eid: power_rating_problem(e) for eid, e in rated.items()} == {eid: None for eid in rated}
    ppe = dict(rated["gateway_ppe"])
    sourced = lambda value, unit="kW": {"value": value, "unit": unit, "source": "a test", "verified": False}  # noqa: E731
    assert "negative" in power_rating_problem({**ppe, POWER_FIELD: sourced(-1.0)})
    assert "not a finite number" in power_rating_problem({**ppe, POWER_FIELD: sourced("sixty")})
    assert "not a finite number" in power_rating_problem({**ppe, POWER_FIELD: sourced(float("nan"))})
    assert "must be kW" in power_rating_problem({**ppe, POWER_FIELD: sourced(60.0, "W")})
    assert "cannot supply power" in power_rating_problem({**ppe, "type": "habitat", POWER_FIELD: sourced(60.0)})
    assert power_rating_problem({**ppe, POWER_FIELD: sourced(0.0)}) is None  # 0 kW: supplies nothing, allowed

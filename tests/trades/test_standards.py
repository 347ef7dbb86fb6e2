"""Issue 20's cooperation instruments: interface and quality standards, technology-transfer rules,
the common transportation policy, their scenarios, and the cislunar_standards study's finding.

Expected values are computed here from the catalog's published figures (MIL-HDBK-217F pi_Q, the
satellite failure rate, the IBDM contract, the Fed's exchange rate and BLS CPI-U), not read back
from the code's outputs."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
import yaml

from trades.analyses.coalition_study import coalition_study
from trades.architecture.resolve import resolve
from trades.architecture.standards import INTERFACE_ITEM
from trades.cli import main
from trades.study.schema import parse_study_text

ROOT = Path(__file__).resolve().parents[2]
STUDY = ROOT / "studies" / "cislunar_standards.yaml"
FLAGSHIP = ROOT / "studies" / "lunar_south_pole_outpost.yaml"
CATALOGS = ROOT / "trades" / "catalogs"


def _catalog(name: str) -> dict:
    return yaml.safe_load((CATALOGS / name).read_text())


def _study(path: Path, edit=None):
    data = yaml.safe_load(path.read_text())
    if edit:
        edit(data)
    return parse_study_text(yaml.safe_dump(data, sort_keys=False), str(path))


def _write(tmp_path: Path, edit) -> Path:
    data = yaml.safe_load(STUDY.read_text())
    edit(data)
    path = tmp_path / "study.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def test_quality_levels_scale_cost_factor_and_element_failure_rate():
    """A partner's cost factor is times its level's TRANSCOST f2; a deployed element it alone
    provides works to the campaign's end with exp(-lambda pi_Q / pi_Q(s) t)."""
    from trades.analyses.policy_outcomes import mission_success
    from trades.architecture.standards import success_of_elements

    study = _study(FLAGSHIP, lambda d: d.update(standards={"quality": {"levels": {"nasa": "r", "esa": "m"}}}))
    arch = resolve(study, str(FLAGSHIP))
    quality = _catalog("standards.yaml")["quality"]
    f2 = {k: v["technical_quality_factor"]["value"] for k, v in quality["levels"].items()}
    own = [p.cost_factor or 1.0 for p in study.partners]  # the flagship's own partner factors
    assert list(arch.cost.cost_factor) == pytest.approx([own[0] * f2["r"], own[1] * f2["m"], own[2] * f2["s"], own[3] * f2["s"]])
    shares = np.zeros((len(arch.cost.items), 4))
    shares[:, 0] = 1.0  # everything from NASA (level r)
    years = 2044 - 2031 + 1  # deployed 2031, campaign 2030-2044
    lam = -math.log(0.925) / 15  # 92.5 % over 15 years (the catalog's source)
    expected = math.exp(-lam * (0.1 / 0.03) * years)
    got = success_of_elements(arch.cost, shares, study, arch.catalog)
    assert set(got) == {"habitat", "life_support", "power"}
    assert got["habitat"] == pytest.approx(expected, rel=2e-3)  # the catalog rounds lambda to 0.0052
    # the mission: every launch (the model's probability) and every deployed element
    from trades.analyses.run import evaluate

    arch, prob = evaluate(study, str(FLAGSHIP))
    success = mission_success(arch, prob)
    assert success["mission"] == pytest.approx(success["launches"] * math.prod(success["by_element"].values()), rel=1e-12)
    assert 0 < success["mission"] < success["launches"] <= 1


def test_interface_standard_costs_each_adopter_the_ibdm_contract_and_lowers_the_exponent():
    """Adopting IDSS: an item of purchases in the first year, adopters x (26.6 + 7.1) MEUR 2017 at
    the Fed's 2017 rate and CPI-U to 2024; coordination exponent 0.25."""
    study = _study(FLAGSHIP, lambda d: d.update(standards={"interface": {"standard": "idss", "adopters": ["nasa", "esa"]}}))
    plan = resolve(study, str(FLAGSHIP)).cost
    cpi = _catalog("cost.yaml")["cpi_u"]["values"]
    expected = 2 * (26.6 + 7.1) * 1.1301 * cpi[2024] / cpi[2017]
    i = plan.item_index(INTERFACE_ITEM)
    assert plan.purchases[i, 0] == pytest.approx(expected, rel=1e-9)
    assert plan.purchases[i, 1:].sum() == 0
    assert plan.coordination_exponent == 0.25
    not_adopted = _study(FLAGSHIP, lambda d: d.update(standards={"interface": {"standard": "idss", "adopted": False}}))
    plan = resolve(not_adopted, str(FLAGSHIP)).cost
    assert plan.item_index(INTERFACE_ITEM) is None and plan.coordination_exponent == 0.5


def test_transfer_rule_bars_the_provider_where_the_receiver_is_a_member():
    """(nasa, habitat, esa): NASA may not provide the habitat (nor, as a habitat builder, the life
    support) to a partnership with ESA; without ESA, or with ESA an outside seller, it may."""
    rule = {"technology_transfer": [{"provider": "nasa", "capability": "habitat", "receiver": "esa"}]}
    study = _study(FLAGSHIP, lambda d: d.update(standards=rule))

    def eligible(s, item):
        plan = resolve(s, str(FLAGSHIP)).cost
        return dict(zip(plan.partners, plan.items[plan.item_index(item)].eligible))

    assert eligible(study, "habitat")["nasa"] is False
    assert eligible(study, "life_support")["nasa"] is False
    assert eligible(study, "power")["nasa"] is True
    assert eligible(coalition_study(study, frozenset({"nasa", "jaxa"})), "habitat")["nasa"] is True  # esa sells, does not receive
    assert eligible(coalition_study(study, frozenset({"esa", "jaxa"})), "habitat")["nasa"] is False  # nasa may not sell to esa


def test_shared_service_of_one_vehicle_prices_as_that_vehicle_on_the_open_market():
    """A pool of Falcon 9 alone: every partner pays Falcon 9's price per kg (the open market's
    price of the same vehicle); under national launch ASI (no launcher of its own) may then
    provide the habitat, which it may not without the service."""
    from trades.architecture.costing import launch_reliability, price_per_kg

    def with_asi(d):
        d["partners"].append({"id": "asi"})

    def pooled(d):
        with_asi(d)
        d["transport_policy"] = {"shared_service": True, "pool": [{"partner": "nasa", "vehicle": "falcon9"}]}

    study = _study(STUDY, pooled)
    arch = resolve(study, str(STUDY))
    alone = price_per_kg(study, arch.catalog, "falcon9", launch_reliability(study, arch.catalog, "falcon9")[0])
    assert list(arch.cost.launch_price_per_kg) == pytest.approx([alone] * 4, rel=1e-12)
    habitat = arch.cost.items[arch.cost.item_index("habitat")]
    assert habitat.eligible[3] is True
    national = resolve(_study(STUDY, with_asi), str(STUDY)).cost
    assert national.items[national.item_index("habitat")].eligible[3] is False


def test_national_flight_rate_limit_broken_exits_3_naming_the_field(tmp_path, capsys):
    path = _write(tmp_path, lambda d: d["transport_policy"].update(flight_rate_limits={"jaxa": 0}))
    assert main(["run", str(path), "-o", str(tmp_path / "out")]) == 3
    err = capsys.readouterr().err
    assert "transport_policy.flight_rate_limits.jaxa: jaxa's vehicles fly more than its limit of 0 launches a year" in err
    assert "Traceback" not in err


def test_cislunar_standards_run_reports_the_mission_success(tmp_path, capsys):
    """The study's run: P(success) 0.390 = every launch (model) x every deployed element, as the
    description states (the coalitions' optimum gives the same design)."""
    assert main(["run", str(STUDY), "-o", str(tmp_path / "out"), "--format", "json"]) == 0
    block = json.loads((tmp_path / "out" / "summary.json").read_text())["cost"]["cooperation"]
    assert block["mission_success_probability"] == pytest.approx(0.3895, abs=5e-4)
    assert block["quality_levels"] == {"nasa": "s", "esa": "s", "jaxa": "r"}
    lam = -math.log(0.925) / 15
    assert block["element_success_probability"]["life_support"] == pytest.approx(math.exp(-lam * (0.1 / 0.03) * 12), rel=2e-3)


def test_pool_without_shared_service_is_bad_input(tmp_path, capsys):
    path = _write(tmp_path, lambda d: d["transport_policy"].update(pool=[{"partner": "nasa", "vehicle": "falcon9"}]))
    assert main(["validate", str(path)]) == 2
    assert "transport_policy.pool: a vehicle pool serves the shared service" in capsys.readouterr().err


def test_integrated_scenario_sets_standards_at_every_destination(tmp_path):
    """A scenario with a common level m (the least reliable parts) lowers every destination's
    mission success and its cost (f2 0.5)."""
    from trades.analyses.integrated import evaluate
    from trades.analyses.integrated_spec import load_integrated

    data = {
        "name": "two stations",
        "members": [{"id": "leo", "study": str(ROOT / "studies" / "leo_station_after_iss.yaml")},
                    {"id": "nrho", "study": str(ROOT / "studies" / "cislunar_nrho_station.yaml")}],
        "partners": [{"id": p} for p in ("nasa", "esa", "jaxa", "csa")],
        "scenarios": [{"name": "common level m", "standards": {"quality": {"common": "m"}}}],
    }
    path = tmp_path / "two.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    spec = load_integrated(path)
    base, common = evaluate(spec, None, optimize=False), evaluate(spec, spec.scenarios[0], optimize=False)
    assert common["mission_success_probability"] < base["mission_success_probability"]
    assert common["total_life_cycle_cost_musd"] < base["total_life_cycle_cost_musd"]
    product = math.prod(d["mission_success_probability"] for d in base["destinations"].values())
    assert base["mission_success_probability"] == pytest.approx(product, rel=1e-12)


@pytest.mark.slow
def test_cislunar_standards_finding(tmp_path, capsys):
    """The study's stated finding: the policy scenarios of trades coalitions --scenarios (figures
    restated in the study's description from this run)."""
    out = tmp_path / "out"
    assert main(["coalitions", str(STUDY), "-o", str(out), "--workers", "2", "--scenarios"]) == 0
    rows = {r["scenario"]: r for r in json.loads((out / "coalitions.json").read_text())["scenarios"]}
    given = rows["as given"]
    assert given["grand_coalition_musd"] == pytest.approx(76_654, rel=1e-3)
    assert given["mission_success_probability"] == pytest.approx(0.3895, abs=5e-4)
    common = rows["common quality level s"]
    assert common["mission_success_probability"] == pytest.approx(0.4505, abs=5e-4)
    assert common["grand_coalition_musd"] - given["grand_coalition_musd"] == pytest.approx(159, rel=0.05)
    assert rows["interface standard idss"]["grand_coalition_musd"] - given["grand_coalition_musd"] == pytest.approx(146, rel=0.03)
    assert given["grand_coalition_musd"] - rows["no technology-transfer rules"]["grand_coalition_musd"] == pytest.approx(423, rel=0.03)
    assert rows["shared transport service"]["grand_coalition_musd"] - given["grand_coalition_musd"] == pytest.approx(160, rel=0.05)
    assert rows["flight-rate limits lifted"]["grand_coalition_musd"] == pytest.approx(given["grand_coalition_musd"], rel=1e-6)
    own = rows["SSA: each partner its own"]  # two more whole systems of the shared one's 1,472 MUSD
    assert own["grand_coalition_musd"] - given["grand_coalition_musd"] == pytest.approx(2 * 1_472, rel=0.01)
    assert own["mission_success_probability"] == pytest.approx(given["mission_success_probability"], rel=1e-9)

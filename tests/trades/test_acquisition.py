"""Acquisition modes (issue 18 items 2 and 4): a fixed-price contract bought as quoted, crew
transport priced per seat or per crewed launch with its spacecraft. Expected prices are worked by
hand from the contracts catalog's sources and the BLS CPI-U annual averages the catalog holds
(2019 255.657, 2020 258.811, 2021 270.970, 2024 313.689) and the Fed's 2020 rate 1.1410 USD/EUR."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml

from trades.architecture.assemble import build_problem
from trades.architecture.resolve import resolve
from trades.errors import StudyErrors
from trades.models import variables as var
from trades.study import parse_study_text

CPI = {2019: 255.657, 2020: 258.811, 2021: 270.970, 2024: 313.689}
STUDIES = Path(__file__).resolve().parents[2] / "studies"


def _study(path, acquisition=None, edit=None):
    data = yaml.safe_load(Path(path).read_text())
    if acquisition is not None:
        data["acquisition"] = acquisition
    if edit:
        edit(data)
    return parse_study_text(yaml.safe_dump(data), "edited.yaml")


def test_leo_crew_is_seats_times_the_commercial_crew_seat_price():
    """A crew of seven to a LEO station on Falcon 9: 7 seats x 55 MUSD (2019; NASA OIG IG-20-005,
    SpaceX Crew Dragon seat) a rotation, not the price of a Falcon 9 launch without a spacecraft;
    Crew Dragon carries four, so the seven fly on ceil(7 / 4) = 2 launches of 3.5 seats each."""
    arch = resolve(_study(STUDIES / "leo_station_after_iss.yaml"))
    assert arch.crew_vehicle == "falcon9"
    assert arch.cost.crew_launches_per_rotation[0] == 2
    assert arch.cost.crew_launch_price_musd == pytest.approx(3.5 * 55.0 * CPI[2024] / CPI[2019], rel=1e-9)
    assert "3.5 seats" in arch.cost.crew_transport_buys and "2 launch(es) a rotation" in arch.cost.crew_transport_buys


def test_sls_orion_crew_launch_is_the_oig_figure(flagship):
    """SLS with Orion: 4.1 billion dollars per launch (NASA OIG IG-22-003, FY2021), in 2024 dollars."""
    arch = resolve(_study(flagship))
    assert arch.cost.crew_launch_price_musd == pytest.approx(4100.0 * CPI[2024] / CPI[2021], rel=1e-9)
    assert "Orion" in arch.cost.crew_transport_buys


def test_crew_vehicle_without_a_seat_price_says_it_is_a_launch_only():
    """Falcon 9 crew with the default seat service removed from the catalog: the launch price stands
    in and says it buys no spacecraft."""
    from trades.study.catalog import load_catalog

    catalog = load_catalog()
    catalog.entries["contracts"]["commercial_crew_spacex_seat_2019"]["default_crew_transport"] = False
    arch = resolve(_study(STUDIES / "leo_station_after_iss.yaml"), catalog=catalog)
    assert arch.cost.crew_launch_price_musd == pytest.approx(62.0 * CPI[2024] / 240.007, rel=1e-9)
    assert "no crew spacecraft" in arch.cost.crew_transport_buys


def test_halo_contract_replaces_the_habitat_relationship(flagship):
    """The habitat bought under the HALO fixed-price contract (935 MUSD 2021): paid as quoted over the
    development years (the profile sums to one), its relationship elements gone, its launch kept;
    the life-cycle cost moves by exactly the habitat's built cost less the contract price."""
    base = resolve(_study(flagship))
    arch = resolve(_study(flagship, {"habitat": {"mode": "fixed_price_contract", "contract": "gateway_halo_northrop_2021"}}))
    i = arch.cost.item_index("habitat")
    price = 935.0 * CPI[2024] / CPI[2021]
    assert arch.cost.purchases[i].sum() == pytest.approx(price, rel=1e-9)
    assert np.allclose(arch.cost.purchases[i], price * arch.cost.development_profile[i])
    assert not [e for e in arch.cost.elements if e.item == i]
    assert [e.name for e in base.cost.elements if e.item == i] == ["habitat"]

    before, after = build_problem(base), build_problem(arch)
    before.run_model()
    after.run_model()
    assert after.get_val(var.BOUGHT)[i].sum() == pytest.approx(price, rel=1e-9)
    assert after.get_val(var.BUILT)[i].sum() == pytest.approx(0.0, abs=1e-9)
    assert after.get_val(var.DEVELOPED)[i].sum() == pytest.approx(0.0, abs=1e-9)
    shares, factor = before.get_val(var.SHARES), base.cost.cost_factor
    # the coordination overhead scales development only (issue 18: a development penalty)
    habitat_built = float((shares[i] @ factor) * (before.get_val(var.OVERHEAD_FACTOR)[i] * before.get_val(var.DEVELOPED)[i].sum()
                                                  + before.get_val(var.BUILT)[i].sum()))
    lcc_before = float(before.get_val(var.PARTNER_LIFE_CYCLE_COST)[0])
    lcc_after = float(after.get_val(var.PARTNER_LIFE_CYCLE_COST)[0])
    assert lcc_after == pytest.approx(lcc_before - habitat_built + price, rel=1e-9)
    assert after.get_val(var.LEO_MASS)[i].sum() == pytest.approx(before.get_val(var.LEO_MASS)[i].sum(), rel=1e-9)


def test_i_hab_contract_in_euros_and_units(flagship):
    """ESA's I-Hab (327 MEUR 2020) at the Fed's 2020 rate, inflated to 2024; two units cost twice."""
    one = resolve(_study(flagship, {"habitat": {"mode": "fixed_price_contract", "contract": "i_hab_thales_esa_2020"}}))
    two = resolve(_study(flagship, {"habitat": {"mode": "fixed_price_contract", "contract": "i_hab_thales_esa_2020", "units": 2}}))
    i = one.cost.item_index("habitat")
    price = 327.0 * 1.1410 * CPI[2024] / CPI[2020]
    assert one.cost.purchases[i].sum() == pytest.approx(price, rel=1e-9)
    assert two.cost.purchases[i].sum() == pytest.approx(2 * price, rel=1e-9)


def test_contract_for_an_item_the_architecture_lacks(flagship):
    """ISRU is a cost item only when the study produces oxygen: naming it otherwise is bad input."""
    study = _study(flagship, {"isru": {"mode": "government_development"}})
    with pytest.raises(StudyErrors, match=r"acquisition\.isru: 'isru' is not a cost item of this architecture"):
        resolve(study)


def test_government_development_is_the_default_for_hardware(flagship):
    """Naming government development changes nothing."""
    base = resolve(_study(flagship))
    same = resolve(_study(flagship, {"habitat": {"mode": "government_development"}, "crew_transport": {"mode": "service"}}))
    assert [e.name for e in same.cost.elements] == [e.name for e in base.cost.elements]
    assert not same.cost.purchases.any()
    assert same.cost.crew_launch_price_musd == base.cost.crew_launch_price_musd

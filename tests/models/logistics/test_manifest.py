"""DeliveryManifest: deployment, spares and consumables per year."""

import numpy as np
import openmdao.api as om
import pytest
from openmdao.utils.assert_utils import assert_check_partials

from trades.models.logistics.manifest import DeliveryManifest
from trades.models.testing import run_component

DEPLOY = np.array([0.0, 1.0, 0.0, 0.0, 0.0])
OPERATING = np.array([0.0, 0.0, 1.0, 1.0, 1.0])
CONSUMABLES = np.array([0.0, 0.0, 827.0, 1210.5, 905.0])
PROPELLANT = np.array([0.0, 0.0, 226.0, 226.0, 226.0])


def _problem(**values):
    return run_component(DeliveryManifest(num_years=5), **values)


def test_partials():
    prob = _problem(outpost_dry_mass=42000.0, deploy_year=DEPLOY, operating_year=OPERATING, spares_fraction=0.07,
                    consumables_mass=CONSUMABLES, station_keeping_propellant=PROPELLANT, cargo_flight_payload=12500.0)
    data = prob.check_partials(method="cs", compact_print=True, out_stream=None)
    assert_check_partials(data, atol=1e-6, rtol=1e-6)


def test_deploy_year_carries_dry_mass_and_spares_only_when_operating():
    # Hand calc: 42 t outpost deployed in year 1, 5 %/yr spares (2.1 t) in years 2-4, plus consumables;
    # cargo flights = delivered / 12.5 t.
    prob = _problem(outpost_dry_mass=42000.0, deploy_year=DEPLOY, operating_year=OPERATING, spares_fraction=0.05,
                    consumables_mass=CONSUMABLES, cargo_flight_payload=12500.0)
    spares = np.array([0.0, 0.0, 2100.0, 2100.0, 2100.0])
    delivered = np.array([0.0, 42000.0, 2100.0 + 827.0, 2100.0 + 1210.5, 2100.0 + 905.0])
    np.testing.assert_allclose(prob.get_val("spares_mass"), spares, rtol=1e-12)
    np.testing.assert_allclose(prob.get_val("delivered_mass"), delivered, rtol=1e-12)
    np.testing.assert_allclose(prob.get_val("cargo_flights"), delivered / 12500.0, rtol=1e-12)
    assert prob.get_val("cargo_flights")[1] == pytest.approx(3.36, rel=1e-12)


def test_station_keeping_propellant_is_delivered_as_it_comes():
    """Hand calc: the propellant adds to the delivered mass kilogram for kilogram (in tanks, not
    packaged with the supplies) and to the flights: 2,100 + 827 + 226 = 3,153 kg in year 2."""
    prob = _problem(outpost_dry_mass=42000.0, deploy_year=DEPLOY, operating_year=OPERATING, spares_fraction=0.05,
                    consumables_mass=CONSUMABLES, station_keeping_propellant=PROPELLANT, cargo_flight_payload=12500.0)
    assert prob.get_val("delivered_mass")[2] == pytest.approx(3153.0, rel=1e-12)
    assert prob.get_val("cargo_flights")[2] == pytest.approx(3153.0 / 12500.0, rel=1e-12)

"""StationKeepingPropellant: drag make-up propellant of a station in low Earth orbit, per year."""

import numpy as np
from openmdao.utils.assert_utils import assert_check_partials

from trades.models.logistics.station_keeping import StationKeepingPropellant
from trades.models.testing import run_component

OPERATING = np.array([0.0, 0.0, 1.0, 1.0])


def test_partials():
    prob = run_component(StationKeepingPropellant(num_years=4), outpost_dry_mass=26_600.0, propellant_fraction=0.0054,
                         operating_year=OPERATING)
    assert_check_partials(prob.check_partials(method="cs", compact_print=True, out_stream=None), atol=1e-6, rtol=1e-6)


def test_the_iss_ratio_on_the_iss_mass_returns_its_propellant_only_in_operating_years():
    """Hand calc: 2,260 kg a year over 419,455 kg (the catalog's ratio) times 419,455 kg is 2,260 kg in
    each year in orbit after deployment, nothing before; on a 26.6 t station, 2,260 x 26.6 / 419.455 = 143.3 kg."""
    ratio = 2260.0 / 419_455.0
    iss = run_component(StationKeepingPropellant(num_years=4), outpost_dry_mass=419_455.0, propellant_fraction=ratio, operating_year=OPERATING)
    np.testing.assert_allclose(iss.get_val("propellant_mass"), [0.0, 0.0, 2260.0, 2260.0], rtol=1e-12)
    small = run_component(StationKeepingPropellant(num_years=4), outpost_dry_mass=26_600.0, propellant_fraction=ratio, operating_year=OPERATING)
    np.testing.assert_allclose(small.get_val("propellant_mass")[2], 143.32, atol=0.01)

"""Space situational awareness components against independent calculations, and their partials."""

import numpy as np
import pytest
from openmdao.utils.assert_utils import assert_check_partials

from trades.models.ssa import DetectionRange, TrackedShare, WarningTime, reach_probability, sample_points
from trades.models.testing import run_component

INNER, OUTER = 42164.0, 384400.0


def test_detection_range_by_hand():
    # the SST sees a 0.097 m softball at 36,000 km: a 1 m object at 36,000 / 0.097 km (optical, k = 1);
    # a radar that sees 0.22 m at 36,000 km sees 1 m at 36,000 sqrt(1 / 0.22) km (k = 1/2)
    prob = run_component(DetectionRange(num_sensors=2), object_diameter=1.0, reference_diameter=[0.097, 0.22],
                         reference_range=[36000.0, 36000.0], range_exponent=[1.0, 0.5])
    assert prob.get_val("detection_range", units="km") == pytest.approx([36000.0 / 0.097, 36000.0 * (1 / 0.22) ** 0.5])
    assert_check_partials(prob.check_partials(method="cs", out_stream=None), atol=1e-6, rtol=1e-6)


def test_ground_sensor_share_is_the_shell_volume_in_reach():
    """One ground site type: share = f (1 - (1 - a)^n), f the shell's volume fraction within the
    range (closed form), to the quadrature's accuracy."""
    big_r, a, n = 200000.0, 0.25, 3.0
    prob = run_component(TrackedShare(orbit_radius_km=[0.0], num_points=4096), sensor_count=[n], sky_fraction=[a], detection_range=[big_r])
    f = (big_r**3 - INNER**3) / (OUTER**3 - INNER**3)
    assert prob.get_val("tracked_share")[0] == pytest.approx(f * (1 - (1 - a) ** n), rel=0.01)


def test_space_sensor_share_is_its_sphere_volume():
    """One space sensor whose reach (a sphere of radius R around it) lies wholly inside the shell
    watches R^3 / (r_out^3 - r_in^3) of it, whatever its phase."""
    big_r = 50000.0
    prob = run_component(TrackedShare(orbit_radius_km=[200000.0], num_points=8192), sensor_count=[1.0], sky_fraction=[1.0], detection_range=[big_r])
    assert prob.get_val("tracked_share")[0] == pytest.approx(big_r**3 / (OUTER**3 - INNER**3), rel=0.05)


def test_reach_of_a_point_on_the_circle():
    """A point on the sensor's own circle is within R of the arc 2 x 2 asin(R / 2D) of it."""
    d, big_r = 300000.0, 40000.0
    point = np.array([[d, d, 0.0]])
    p = reach_probability(np.array([big_r]), np.array([d]), point)
    assert p[0, 0] == pytest.approx(2 * np.arcsin(big_r / (2 * d)) / np.pi)


def test_sample_points_fill_the_shell():
    pts = sample_points(INNER, OUTER, 1000)
    assert pts[:, 0].min() >= INNER and pts[:, 0].max() <= OUTER
    assert np.allclose(pts[:, 1] ** 2 + pts[:, 2] ** 2, pts[:, 0] ** 2)
    # uniform in volume: half the points lie beyond the radius that halves the shell's volume
    half = ((INNER**3 + OUTER**3) / 2) ** (1 / 3)
    assert np.mean(pts[:, 0] > half) == pytest.approx(0.5, abs=0.01)


def test_more_units_never_watch_beyond_their_reach():
    prob = run_component(TrackedShare(orbit_radius_km=[0.0]), sensor_count=[50.0], sky_fraction=[0.5], detection_range=[100000.0])
    f = (100000.0**3 - INNER**3) / (OUTER**3 - INNER**3)
    assert prob.get_val("tracked_share")[0] == pytest.approx(f, rel=0.03)


def test_tracked_share_partials():
    prob = run_component(TrackedShare(orbit_radius_km=[0.0, 321869.0, 0.0], num_points=512), sensor_count=[2.0, 1.5, 1.0],
                         sky_fraction=[0.25, 0.9, 0.5], detection_range=[250000.0, 120000.0, 80000.0])
    assert_check_partials(prob.check_partials(method="fd", step=1e-3, form="central", out_stream=None), atol=2e-5, rtol=2e-3)


def test_warning_time_is_the_l1_lead():
    # independent: 1.5e6 km / 400 km/s = 3,750 s = 62.5 min, NOAA's 'about an hour' for the ambient
    # solar wind; a fast CME at 1,700 km/s gives 14.7 min, the short end of NOAA's 15-60 minutes
    prob = run_component(WarningTime(), l1_distance=1.5e6, shock_speed=400.0)
    assert prob.get_val("warning_time", units="min")[0] == pytest.approx(62.5)
    prob.set_val("shock_speed", 1700.0)
    prob.run_model()
    assert prob.get_val("warning_time", units="min")[0] == pytest.approx(1.5e6 / 1700 / 60)
    assert_check_partials(prob.check_partials(method="cs", out_stream=None), atol=1e-8, rtol=1e-8)

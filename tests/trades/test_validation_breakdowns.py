"""The validation report's measured breakdowns (trades.analyses.validation_breakdowns)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

STUDY = Path(__file__).resolve().parents[2] / "studies" / "leo_station_after_iss.yaml"


def test_logistics_breakdown_adds_up_to_the_delivered_mass_and_states_the_spares_fraction():
    """The sentence's terms are the manifest's own: supplies + packaging + spares is the year's
    delivered mass (DeliveryManifest: delivery = dry mass in the deployment year + spares +
    packaged consumables, no deployment in the last year), packaging is the catalog's factor on the
    supplies, and the spares are the ISS's ratio of the station's dry mass."""
    from trades.analyses.evaluate import evaluate
    from trades.analyses.validation_breakdowns import logistics_breakdown
    from trades.study.schema import load_study

    arch, prob = evaluate(load_study(STUDY), str(STUDY))
    text = logistics_breakdown(prob, -1, 419_455.0)
    numbers = {label: float(v) for label, v in re.findall(r"([a-z-]+(?: [a-z-]+)*) (\d+\.\d+)", text)}
    delivered = float(re.search(r"The model's (\d+\.\d) t", text).group(1))
    supplies, packaging, spares = numbers["supplies"], numbers["packaging"], numbers["spares"]
    assert supplies + packaging + spares == pytest.approx(delivered, abs=0.06)  # rounded to 0.01 t and 0.1 t
    assert packaging == pytest.approx(supplies * arch.catalog.value("outpost", "default", "cargo_packaging_factor"), abs=0.02)
    # a station in Earth orbit: the ISS's ratio (issue 17), 7,000 lb of spares a year (NASA MSFC via Tech
    # Briefs) over 419,455 kg, worked here from the pounds: 0.757 %, printed to 0.01 %
    fraction = float(re.search(r"\((\d+\.\d+)% a year", text).group(1)) / 100
    assert fraction == pytest.approx(7000 * 0.45359237 / 419_455.0, abs=5e-5)
    assert "ISS's 419 t is 3.2 t" in text

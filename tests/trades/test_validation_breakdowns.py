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
    supplies, and the spares are the catalog's fraction of the station's dry mass."""
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
    fraction = int(re.search(r"\((\d+)% a year", text).group(1)) / 100
    assert fraction == pytest.approx(arch.catalog.value("outpost", "default", "spares_fraction_per_year"), abs=0.005)
    assert "ISS's 419 t would be" in text

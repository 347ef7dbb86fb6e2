"""Ground and mission operations of a government-operated crew launcher (the Saturn V, SLS), per
launch, by TRANSCOST's operations relationships (``models/cost/launch_operations.py``;
``transcost_operations`` in ``trades/catalogs/cost.yaml``), from the programme's
``launch_operations`` entry in ``trades/catalogs/crew_programmes.yaml`` (docs/model.md
"Government-developed crew transport").

A commercial launch price or a seat price already carries its operations, so only a programme the
government develops and operates is charged: its test flights with its development, its crewed
launches in the model year by year (their rate sets the per-launch cost).
"""

from __future__ import annotations

from trades.study.catalog import Catalog

#: the component's inputs read from a programme's launch_operations entry
FIELDS = ("liftoff_mass", "stages", "vehicle_type_factor", "assembly_factor", "complexity", "mission_days")
UNITS = {"liftoff_mass": "t", "mission_days": "d"}


def coefficients(catalog: Catalog) -> dict[str, float]:
    """TRANSCOST's operations coefficients (the component's ``coefficients`` option)."""
    ops = catalog.entry("cost", "default")["transcost_operations"]
    return {k: float(v["value"]) for k, v in ops.items() if isinstance(v, dict) and "value" in v}


def programme_inputs(entry: dict) -> dict[str, tuple] | None:
    """The component's inputs for a crew programme: name -> (value, units, source, verified, note),
    crew included; None when the programme has no launch_operations entry."""
    ops = entry.get("launch_operations")
    if ops is None:
        return None
    sourced = {**{name: ops[name] for name in FIELDS}, "crew": entry["seats"]}
    return {name: (float(s["value"]), UNITS.get(name, "unitless"), s["source"], s.get("verified"), s.get("note"))
            for name, s in sourced.items()}


def per_launch_musd(catalog: Catalog, inputs: dict, launches_per_year: float, work_year_musd: float) -> tuple[float, float]:
    """Ground and mission operations of one launch (base-year MUSD) at ``launches_per_year``, by the model's component."""
    from trades.models.cost.launch_operations import LaunchOperationsCost
    from trades.models.testing import run_component

    values = {name: spec[0] for name, spec in inputs.items()}
    prob = run_component(LaunchOperationsCost(num_years=1, coefficients=coefficients(catalog)), launches=[launches_per_year],
                         work_year_value=work_year_musd, **values)
    return (float(prob.get_val("ground_operations")[0]) / launches_per_year,
            float(prob.get_val("mission_operations")[0]) / launches_per_year)


def recovery_per_flight_wyr(catalog: Catalog, recovered_mass_t: float, launches_per_year: float) -> float:
    """TRANSCOST's recovery at sea of one flight's recovered element [WYr], f8 = f11 = 1:
    ``C_rec = (a_r / L)(b_r L^x_Lr + M^x_Mr)``, ``M`` in t, at the operations relationships' lowest
    fitted rate when ``L`` is below it (as the component takes ``L``). Not in the study model: no
    study recovers an element; the Commercial Crew seat row prices a capsule's recovery with it."""
    c = coefficients(catalog)
    rate = max(launches_per_year, c["min_rate"])
    return c["a_r"] / rate * (c["b_r"] * rate ** c["x_Lr"] + recovered_mass_t ** c["x_Mr"])

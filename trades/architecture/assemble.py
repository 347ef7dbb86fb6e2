"""Build the OpenMDAO problem of a resolved architecture from the component package
(:class:`trades.models.architecture.ArchitectureModel`, configured with plain data) and set
every input.
"""

from __future__ import annotations

import numpy as np
import openmdao.api as om

from trades.models import variables as var
from trades.models.architecture import ArchitectureModel
from trades.models.integrated import IntegratedModel
from trades.architecture.government_development import flown_spacecraft
from trades.architecture.asteroid_crew import stack_spacecraft
from trades.architecture.launch_operations import coefficients as launch_operations_coefficients
from trades.architecture.description import Architecture
from trades.architecture.ssa import ssa_model_options


def model_options(arch: Architecture) -> dict:
    """The plain data :class:`ArchitectureModel` is built from (sizes, stage counts, the window's
    table, the cost plan's elements, indices and rules): the component package sees no
    ``Architecture``."""
    options = {
        "num_years": len(arch.years),
        "power_source": arch.power_source,
        "num_modules": len(arch.study.outpost_modules),
        "streams": [(name, len(stages), stages[-1].role == "entry") for name, stages in arch.stages.items()],
        "core_stage_streams": [name for name, stages in arch.stages.items() if stages[0].core_engines],
        "reusable_lander": arch.reusable_lander is not None,
        "crew_launches": arch.crew_vehicle is not None,
        "same_launch_vehicle": arch.crew_vehicle == arch.cargo_vehicle,
        "trajectory": None,
        "cost": None,
        "mars_crew_missions": len(arch.mars_crew or []),
        "mars_surface_access": "mars_ascent_1" in arch.stages,
        "mars_descent_predeployed": "mars_descent_1" in arch.stages,
        "mars_ascent_isru": "mars_ascent_1" in arch.stages and arch.study.transportation.mars_crew.surface_access.ascent_oxidizer_from_isru,
        "crew_spacecraft_rides": "crew_lander" in arch.stages and bool(flown_spacecraft(arch.study, arch.catalog)),
        "crew_spacecraft_in_stack": arch.crew_vehicle is not None and stack_spacecraft(arch.study) is not None,
        "ssa": ssa_model_options(arch),
        "crew_stream_on_crew_launches": arch.cost is not None and arch.cost.crew_launcher_lifts_lander,
        "lander_launches": _lander_launches(arch),
    }
    if arch.trajectory is not None:
        t = arch.trajectory
        options["trajectory"] = {key: t[key] for key in ("departure_days", "tof_days", "departure_delta_v", "arrival_delta_v",
                                                         "propulsive_capture")}
    plan = arch.cost
    if plan is not None:
        options["cost"] = {
            "group": {
                "num_years": len(arch.years), "num_items": len(plan.items), "num_partners": len(plan.partners),
                "elements": [(e.name, e.method, e.item, e.coefficients) for e in plan.elements],
                "amcm_coefficients": dict(plan.amcm_coefficients),
                "operations_item": plan.item_index("operations"), "crew_transport_item": plan.item_index("crew_transport"),
                "cargo_transport_item": plan.item_index("cargo_transport"), "crew_lander_item": _crew_vehicle_item(plan),
                "barred_pairs": tuple(plan.barred_pairs), "payment_matrix": plan.payment_matrix,
                "return_bounds": plan.return_bounds or (1.0, 1.0), "initial_shares": plan.initial_shares,
                "num_wraps": len(plan.wrap_names),
                "launch_operations": None if plan.crew_launch_operations is None else launch_operations_coefficients(arch.catalog),
            },
            "element_mass_outputs": [(e.name, e.mass_output) for e in plan.elements if e.mass_output],
            "item_units": [(i, item.units) for i, item in enumerate(plan.items) if item.units in ("cargo_flights", "crew_rotations")],
            "item_deploy_outputs": [(i, item.deploy_mass_output) for i, item in enumerate(plan.items) if item.deploy_mass_output],
            "crew_lander_costed": _crew_vehicle_item(plan) is not None and not plan.crew_launcher_lifts_lander,
        }
    return options


#: costed stages whose unit dry mass is fixed from one evaluation (set_stage_unit_masses)
STAGE_MASS_PREFIXES = ("transfer_cargo.", "transfer_mars_crew_", "transfer_mars_ascent_", "transfer_mars_descent_")


def _lander_launches(arch: Architecture) -> str | None:
    """Whose flights a refuelled crew lander's launches add to (VehicleFlights lander_vehicle), or None."""
    if arch.lander_launcher is None:
        return None
    if arch.lander_launcher == arch.cargo_vehicle and arch.study.launch.policy == "open_market":
        return "cargo"
    return "crew" if arch.lander_launcher == arch.crew_vehicle else "own"


def _crew_vehicle_item(plan) -> int | None:
    """The cost item whose launch mass is the crew's own in-space vehicles: the crew lander (Moon)
    or the Mars crew vehicle (one study has at most one of them)."""
    lander = plan.item_index("crew_lander")
    return lander if lander is not None else plan.item_index("mars_crew_vehicle")


def build_problem(arch: Architecture, recorder_path: str | None = None, before_setup=None) -> om.Problem:
    """An :class:`om.Problem` for the architecture, set up and with every input set.

    Parameters
    ----------
    recorder_path : str, optional
        Where to record cases (OpenMDAO SQLite); no recorder when omitted.
    before_setup : callable, optional
        Called with the problem before setup (to add a driver, design variables, constraints).
    """
    return _built(ArchitectureModel(**model_options(arch)), {"": arch}, recorder_path, before_setup)


def build_integrated_problem(archs: dict[str, Architecture], partners: list[str], years: list[int],
                             before_setup=None) -> om.Problem:
    """One problem for several destinations (member id -> architecture) and the partners'
    budget envelope over them, set up and with every input set: the same path as one study's."""
    model = IntegratedModel(
        members=[(member_id, model_options(arch)) for member_id, arch in archs.items()], partners=partners, years=years,
        destinations=[(member_id, list(arch.cost.partners), list(arch.years)) for member_id, arch in archs.items()],
    )
    return _built(model, {f"{member_id}.": arch for member_id, arch in archs.items()}, None, before_setup)


def _built(model: om.Group, archs: dict[str, Architecture], recorder_path: str | None, before_setup) -> om.Problem:
    """Set up a problem around ``model`` and set the inputs of each architecture at its prefix."""
    prob = om.Problem(model=model, reports=False)
    if before_setup is not None:
        before_setup(prob)
    if recorder_path is not None:
        recorder = om.SqliteRecorder(recorder_path)
        prob.add_recorder(recorder)
        prob.recording_options["record_inputs"] = True
        prob.recording_options["record_outputs"] = True
        prob.recording_options["includes"] = ["*"]
    prob.setup(check=False)
    for prefix, arch in archs.items():
        set_inputs(arch, prob, prefix)
    return prob


def set_inputs(arch: Architecture, prob: om.Problem, prefix: str = "") -> None:
    """Every input of the architecture (at ``prefix``, its group in an integrated problem), and the
    costed stages' unit masses (one evaluation)."""
    for item in arch.inputs:
        prob.set_val(prefix + item.name, item.value, units=item.units)
    if arch.cost is not None:
        set_stage_unit_masses(arch, prob, prefix)


def structure_key(arch: Architecture) -> tuple:
    """What :class:`ArchitectureModel` builds its structure from (everything its ``setup`` reads
    but the values it then receives as inputs): two architectures with equal keys give problems
    of the same structure, so one built problem can take the other's inputs (the coalitions of a
    study that buy what they lack all have the study's partners, in another order)."""
    plan = arch.cost
    cost = None
    if plan is not None:
        cost = (
            len(plan.partners),
            tuple((i.name, i.units, i.deploy_mass_output, i.launched) for i in plan.items),
            tuple((e.item, e.name, e.method, repr(e.coefficients), e.mass_output) for e in plan.elements),
            plan.payment_matrix.tobytes(), plan.return_bounds, tuple(plan.barred_pairs),
            repr(sorted(plan.amcm_coefficients.items())),
        )
    return (
        tuple(arch.years), repr(arch.stages), arch.power_source, _exact(arch.reusable_lander), _exact(arch.trajectory),
        arch.crew_vehicle is None, arch.crew_vehicle == arch.cargo_vehicle,
        tuple((i.name, np.shape(i.value), i.units) for i in arch.inputs), cost,
    )


def _exact(value):
    """A hashable, lossless stand-in for options made of dicts, lists and arrays (numpy's repr
    rounds and abbreviates arrays)."""
    if isinstance(value, dict):
        return tuple((k, _exact(v)) for k, v in sorted(value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(_exact(v) for v in value)
    if isinstance(value, np.ndarray):
        return value.shape, str(value.dtype), value.tobytes()
    return repr(value)


def set_stage_unit_masses(arch: Architecture, prob: om.Problem, prefix: str = "") -> None:
    """Fix the unit dry mass of each costed cargo stage at the baseline design's inert mass per
    cargo flight (campaign average), from one evaluation. The cost relationships are per unit, so
    a unit size is needed; holding it fixed keeps cost linear in the number of flights.

    A sizing step of the problem, not of the architecture: it sets the problem's inputs and
    leaves the resolved architecture as it was."""
    stages = [e for e in arch.cost.elements if e.mass_output and e.mass_output.startswith(STAGE_MASS_PREFIXES)]
    if not stages:
        return
    prob.run_model()
    flights = float(prob.get_val(prefix + var.CARGO_FLIGHTS).sum())
    missions = len(arch.mars_crew or [])
    for element in stages:
        if element.mass_output.startswith("transfer_cargo."):
            inert = float(prob.get_val(prefix + element.mass_output, units="kg").sum())
            unit_mass = inert / flights if flights > 0 else 0.0
        else:  # a crewed Mars mission's stage or its ascent or descent vehicle's: the missions' average (each flies once, in its window)
            stream, stage = element.mass_output.split(".", 1)
            stream = stream.rsplit("_", 1)[0]  # transfer_mars_crew, transfer_mars_ascent or transfer_mars_descent
            unit_mass = sum(float(prob.get_val(f"{prefix}{stream}_{k}.{stage}", units="kg").sum())
                            for k in range(1, missions + 1)) / missions
        prob.set_val(f"{prefix}cost.{element.name}.dry_mass", max(unit_mass, 1e-6), units="kg")

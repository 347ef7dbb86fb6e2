"""Evaluate a study's architecture once: resolve it, build its problem, run its model; and choose
'auto' cargo again when the first choice cannot fly the campaign within its flight-rate limit."""

from __future__ import annotations

from trades.models import variables as var
from trades.architecture.flight_rates import cargo_over_its_flight_rate
from trades.errors import InfeasibleError
from trades.study.schema import Study


def evaluate(study: Study, file: str, recorder_path: str | None = None):
    """Resolve, assemble and run the model; returns ``(architecture, problem)``."""
    from trades.architecture.assemble import build_problem, set_inputs, structure_key
    from trades.architecture.resolve import resolve

    arch = resolve(study, file)
    prob = build_problem(arch, recorder_path)
    prob.run_model()
    rechosen = rechosen_for_flight_rates(study, file, arch, prob)
    if rechosen is not None:
        if structure_key(rechosen) == structure_key(arch):  # the same model: only its inputs change
            set_inputs(rechosen, prob)
        else:
            prob.cleanup()
            prob = build_problem(rechosen, recorder_path)
        arch = rechosen
        prob.run_model()
    if recorder_path is not None:
        prob.record("final")
        prob.cleanup()
    return arch, prob


def rechosen_for_flight_rates(study: Study, file: str, arch, prob, taken: dict[str, list[int]] | None = None,
                              raise_when_nothing_fits: bool = False):
    """When 'auto' cargo's first choice breaks its flight-rate limit at the design ``prob`` has
    just run, the architecture resolved again knowing each year's mass to lift (which does not
    depend on the vehicle); else None. ``taken``: the launches a year (by vehicle, over the
    study's years) other programmes sharing the fleet fly (``trades integrated``), which count
    against each vehicle's limit. When no allowed vehicle fits, None too: the first choice is kept
    with a note saying why, so the run writes its figures and exits 3 on the broken limit (or the
    InfeasibleError is raised, ``raise_when_nothing_fits``, for a caller that keeps it its own way)."""
    taken = taken or {}
    if study.launch.cargo_vehicle != "auto" or not cargo_over_its_flight_rate(arch, prob, taken.get(arch.cargo_vehicle)):
        return None
    from trades.analyses.run_launches import lander_launches_per_year
    from trades.architecture.resolve import resolve

    mass = [float(m) for m in prob.get_val(var.CARGO_MASS_TO_ORBIT, units="kg")]
    fleet = dict(taken)  # with the study's own refuelled-lander launches on their launcher
    own = lander_launches_per_year(arch, prob)
    if own is not None:
        fleet[arch.lander_launcher] = [a + b for a, b in zip(fleet.get(arch.lander_launcher, [0] * len(own)), own)]
    try:
        rechosen = resolve(study, file, launch_mass_per_year=mass, fleet_taken=fleet)
    except InfeasibleError as nothing_fits:
        if raise_when_nothing_fits:
            raise
        arch.notes.append(f"{nothing_fits}; kept {arch.cargo_vehicle}, the cheapest per kg, so its figures are written")
        return None
    shared = " beside the other destinations' launches on it" if taken else ""
    rechosen.notes.append(
        f"launch.cargo_vehicle auto: {arch.cargo_vehicle}, the cheapest per kg, would break its flight-rate limit{shared}; "
        f"{rechosen.cargo_vehicle} is the cheapest per kg that flies every year's cargo within its limit{shared}"
    )
    return rechosen

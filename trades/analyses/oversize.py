"""Elements heavier than what carries them. The model delivers the outpost's dry mass as mass in
cargo flights of the carrier's payload (models/logistics/manifest.py; issue 17), so an element
heavier than that payload is carried as if split into pieces each flight can land and assembled
where it is used; and it counts launches as mass in the launch orbit over a launcher's payload
(models/launch/launch_count.py), so a crew lander heavier than one launch of the cargo launcher
that lifts it is launched as if aggregated in orbit, its pieces docked and its stages fuelled
there. Neither the split, the assembly nor the aggregation is modelled or costed. The run names
each such element, so a reader does not take a 9 t habitat on a 3 t lander, or a 69 t crew lander
on a 15 t launcher, at face value."""

from __future__ import annotations

from trades.architecture.costing import cargo_carrier
from trades.architecture.outpost_modules import module_masses
from trades.models import variables as var

SIZED = (("habitat", var.HABITAT_MASS), ("power system", var.POWER_SYSTEM_MASS),
         ("life support", var.LIFE_SUPPORT_MASS), ("ISRU plant", var.ISRU_PLANT_MASS))


def oversize_notes(arch, prob) -> list[str]:
    """One note naming the outpost elements heavier than one cargo flight's payload, or none."""
    payload = float(prob.get_val(var.CARGO_FLIGHT_PAYLOAD, units="kg")[0])
    elements = [(name, float(prob.get_val(variable, units="kg")[0])) for name, variable in SIZED]
    if arch.study.outpost_modules:
        flown = prob.get_val(var.MODULE_MASS, units="kg")
        elements += [(element_id, float(m)) for (element_id, _), m in zip(module_masses(arch.study, arch.catalog), flown)]
    heavy = [(name, m) for name, m in elements if m > payload * (1.0 + 1e-9)]
    if not heavy:
        return []
    carrier = cargo_carrier(arch.study)
    listed = ", ".join(f"{name} {m:,.0f} kg" for name, m in heavy)
    return [f"heavier than one cargo flight of '{carrier}' ({payload:,.0f} kg): {listed}; the model delivers them as mass spread over "
            "cargo flights, as if split into pieces each flight can carry and assembled at the outpost, which is neither "
            "modelled nor costed (docs/model.md, Cargo launches)"]


def crew_lander_launch_notes(arch, prob) -> list[str]:
    """One note when each landing's crew lander is heavier than one launch of the cargo launcher that
    lifts the crew stream (not when the crew launcher lifts it, as the Saturn V lifted the LM), or none."""
    cost = arch.cost
    if "crew_lander" not in arch.stages or (cost is not None and cost.crew_launcher_lifts_lander):
        return []
    rotations = prob.get_val("crew_lander_demand.crew_rotations").ravel()  # present with the stream (no crew launcher needed)
    crewed = [i for i, r in enumerate(rotations) if r > 1e-9]
    if not crewed:
        return []
    i = crewed[0]
    lander = float(prob.get_val("crew_lander_demand.lander_mass", units="kg").ravel()[i]) / rotations[i]
    stack = float(prob.get_val(var.CREW_STREAM_LEO_MASS, units="kg").ravel()[i]) / rotations[i]
    payload = float(prob.get_val(var.CARGO_PAYLOAD_CAPACITY, units="kg")[0])
    if lander <= payload * (1.0 + 1e-9):
        return []
    return [f"the crew lander of each landing ({lander:,.0f} kg at its staging orbit; {stack:,.0f} kg in the launch orbit with "
            f"its stages and their propellant, {arch.years[i]}) is heavier than one launch of the cargo launcher that lifts it "
            f"({payload:,.0f} kg): the model counts {stack / payload:.1f} launches' payload for it, as if its pieces were docked "
            "and its stages fuelled in the launch orbit, which is neither modelled nor costed (docs/model.md, Cargo launches)"]

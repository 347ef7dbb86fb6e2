"""Outpost elements heavier than one cargo flight (issue 17). The model delivers the outpost's dry
mass as mass in cargo flights of the carrier's payload (models/logistics/manifest.py), so an
element heavier than that payload is carried as if split into pieces each flight can land and
assembled where it is used: neither the split nor the assembly is modelled or costed. The run
names each such element, so a reader does not take a 9 t habitat on a 3 t lander at face value."""

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

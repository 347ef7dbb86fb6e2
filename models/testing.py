"""Run one component on its own: for tests, notebooks and checking partials."""

from __future__ import annotations

import openmdao.api as om


def run_component(component: om.System, **inputs) -> om.Problem:
    """A set-up and run :class:`om.Problem` holding ``component`` with every variable promoted,
    allocated for complex step, with ``inputs`` set (in the component's units)."""
    prob = om.Problem(reports=False)
    prob.model.add_subsystem("comp", component, promotes=["*"])
    prob.setup(force_alloc_complex=True)
    for name, value in inputs.items():
        prob.set_val(name, value)
    prob.run_model()
    return prob

"""Sums of like quantities (OpenMDAO's AddSubtractComp, which needs two or more terms)."""

from __future__ import annotations

import openmdao.api as om


def sum_component(output: str, terms: list[str], vec_size: int = 1, units: str = "kg") -> om.ExplicitComponent:
    """A component computing ``output = sum(terms)``; a single term is passed through."""
    if len(terms) > 1:
        comp = om.AddSubtractComp()
        comp.add_equation(output, terms, vec_size=vec_size, units=units)
        return comp
    meta = {"shape": (vec_size,), "units": units}
    return om.ExecComp(f"{output} = {terms[0]}", has_diag_partials=True, **{output: meta, terms[0]: meta})

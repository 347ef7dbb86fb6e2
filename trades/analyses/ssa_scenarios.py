"""The space situational awareness system in the policy scenarios: the study's SSA system shared
against each partner fielding (buying) a whole system of its own (``trades coalitions
--scenarios``, ``trades integrated``'s ``scenarios[].ssa_sharing``)."""

from __future__ import annotations

from typing import Callable

OTHER = {"shared": "national", "national": "shared"}
LABEL = {"national": "SSA: each partner its own", "shared": "SSA: one shared system"}


def ssa_scenarios(study, variant: Callable) -> list[tuple[str, object]]:
    """The study with its SSA system's sharing switched (none when the study has no SSA system).
    ``variant(edit)`` makes a copy of the study with ``edit`` applied to its data."""
    if study.ssa is None:
        return []
    other = OTHER[study.ssa.sharing]
    return [(LABEL[other], variant(lambda d: d["ssa"].update(sharing=other)))]


def apply_ssa_sharing(data: dict, sharing: str | None) -> None:
    """An integrated scenario's SSA sharing, applied to a member study's data (members without an
    SSA system are left as they are)."""
    if sharing is not None and data.get("ssa") is not None:
        data["ssa"]["sharing"] = sharing


def mission_success_line(result: dict) -> str | None:
    """One line of an integrated scenario: the probability that every launch of every destination
    succeeds (destinations' launches independent). The SSA system changes it only through launches
    of its own, which the model does not count (a sourced link from tracking or warning to mission
    loss is not modelled)."""
    values = [d.get("all_launches_succeed_probability") for d in result.get("destinations", {}).values()]
    if not values or any(v is None for v in values):
        return None
    total = 1.0
    for v in values:
        total *= v
    return f"Mission success ({result['scenario']}): every launch succeeds with probability {total:.3g}"

"""Checks of the partners' ``demand`` (issue 19 item 1): each partner's share of the outpost's use,
which makes ``trades coalitions`` play the demand game
(:mod:`trades.analyses.coalition_demand`)."""

from __future__ import annotations


def demand_errors(study) -> list[tuple[tuple, str]]:
    """What is wrong with the partners' demands (key path, reason): all zero, or the crew rotations
    it scales missing or made a design variable. A partner that states none wants none (0): a
    study that adds partners to another (``trades integrated``) keeps its game."""
    stated = [i for i, p in enumerate(study.partners) if p.demand is not None]
    if not stated:
        return []
    errors = []
    if not sum(p.demand or 0.0 for p in study.partners) > 0:
        errors.append((("partners", stated[0], "demand"), "every demand is 0: nobody wants the outpost"))
    if study.outpost.rotations_per_year == 0:
        errors.append((("partners", stated[0], "demand"), "outpost.rotations_per_year is 0: there is no crew time to share"))
    return errors


def demand_game_errors(study) -> list[tuple[tuple, str]]:
    """What stops ``trades coalitions`` playing the demand game, beyond :func:`demand_errors`: the
    rotations it scales made a design variable (``run`` and ``optimize`` may still vary them)."""
    stated = [i for i, p in enumerate(study.partners) if p.demand is not None]
    if stated and any(dv.name == "crew.rotations_per_year" for dv in study.design_variables):
        return [(("partners", stated[0], "demand"), "the demand game scales outpost.rotations_per_year to each coalition's "
                 "demand: it cannot also be a design variable")]
    if stated and study.ssa is not None and study.ssa.data_users and study.objective.name != "life_cycle_cost":
        return [(("ssa", "data_users"), "a coalition of data users alone pays the SSA sensors' prices undiscounted "
                 f"(trades.analyses.coalition_ssa): the demand game with data users needs objective life_cycle_cost, not '{study.objective.name}'")]
    return []

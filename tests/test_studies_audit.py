"""No shipped study gives a degenerate coalition game (issue 19, "done when"), and every game shows
each allocation against the partners' budgets.

One test, on every shipped study with two or more partners (studies/*.yaml and
studies/integrated/*). Its game is the one tests/test_studies_play.py plays (the ``played_game``
fixture of tests/conftest.py plays each study once per test process). A game is degenerate when

- every coalition costs the same (the issue's cislunar station before the demand game: each
  partner's share is the cost over the number of partners, whatever it brings or wants), or
- a partner that does no work (provides nothing at the grand coalition's optimum) and wants little
  (at most an equal share of the demand; in a mission game every partner wants the mission) is
  charged more than its stand-alone cost by a fair-share rule (Shapley, nucleolus, affordable
  nucleolus): the issue's CSA on the flagship, 26 times its budget.

Shown against budgets: the report gives every partner's campaign budget (None: no cap) and, for
every allocation it gives, who that allocation puts over budget.

Slow: it plays every game (each is shared with the study tests in the same process). The
studies another branch restates are listed and skipped with the reason.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: studies whose game another branch restates: listed, not audited here until the lead enables them
RESTATED_ELSEWHERE: dict[str, str] = {}
#: why a study with two or more partners has no coalition game, by design
NO_GAME = {
    "lunar_research_station_cnsa_roscosmos": "objective launch_mass: coalitions split a cost, and no Long March price is published",
    "global_leo_cislunar_lunar": "trades integrated splits one optimized architecture's cost among the partners (each partner's "
                                 "payment beside its envelope); it plays no coalition game (its member studies' games are audited)",
}
#: studies whose game this audit finds degenerate and that are not fixed yet (strict: the test
#: fails once one is fixed, so the entry goes)
DEGENERATE_PENDING: dict[str, str] = {}
FAIR_SHARES = ("shapley", "nucleolus", "affordable_nucleolus")


def _partners(path: Path) -> int:
    import yaml

    return len(yaml.safe_load(path.read_text()).get("partners") or [])


SHIPPED = [p for p in sorted((ROOT / "studies").glob("*.yaml")) + sorted((ROOT / "studies" / "integrated").glob("*.yaml"))
           if _partners(p) >= 2]
#: the audited studies, and those another branch restates, listed but skipped (the lead enables them
#: by emptying :data:`RESTATED_ELSEWHERE` once that branch is merged)
CASES = [pytest.param(p, marks=pytest.mark.skip(reason=RESTATED_ELSEWHERE[p.stem])) if p.stem in RESTATED_ELSEWHERE
         else pytest.param(p, marks=pytest.mark.xfail(strict=True, reason=DEGENERATE_PENDING[p.stem])) if p.stem in DEGENERATE_PENDING
         else p for p in SHIPPED]


@pytest.mark.slow
@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_shipped_game_is_not_degenerate_and_shows_budgets(path, played_game):
    if path.stem in NO_GAME:
        pytest.skip(NO_GAME[path.stem])
    code, err, report = played_game(path)
    assert code == 0, err
    players, grand = report["partners"], report["grand_coalition_musd"]
    costs = {round(r["cost_musd"], 6) for r in report["coalitions"]}
    assert len(costs) > 1, f"every coalition costs {costs.pop():,.0f}: the game is flat"
    # every allocation against every partner's budget
    assert set(report["campaign_budget_musd"]) == set(players)
    assert set(report["over_budget"]) == set(report["allocations"])
    # a partner that does no work and wants little pays at most its stand-alone cost
    provided = next(r for r in report["coalitions"] if set(r["members"]) == set(players)).get("provided_musd") or {}
    demand = report.get("demand")
    idle = [p for p in players if provided.get(p, 0.0) <= 1e-6 * grand
            and (demand is None or demand[p] <= sum(demand.values()) / len(players))]
    half = report.get("shapley_half_width_musd") or {}
    for name in FAIR_SHARES:
        allocation = report["allocations"].get(name)
        for p in idle if allocation else []:
            low = allocation[p] - (half.get(p, 0.0) if name == "shapley" else 0.0)  # a sampled value: its interval's low end
            assert low <= report["stand_alone_musd"][p] * (1 + 1e-6) + 1e-6, (
                f"{p} does no work and wants little, yet {name} charges it {allocation[p]:,.0f}, more than its "
                f"stand-alone {report['stand_alone_musd'][p]:,.0f}")

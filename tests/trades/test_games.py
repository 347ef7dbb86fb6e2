"""Allocation code on classic games with known answers, and properties on random games."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from trades.analyses.games import (
    _Arcs,
    coalitions, core_check, least_core, marginal_values, nucleolus, proportional, rotation_coalitions, rotation_estimate, shapley, shapley_sampled,
    subadditivity_failures,
)


def airport(costs: dict[str, float]) -> dict:
    """Littlechild and Owen's airport game: a coalition pays for the longest runway it needs."""
    return {s: max(costs[p] for p in s) for s in coalitions(list(costs))}


def test_airport_shapley_is_sequential_equal_sharing():
    """Littlechild and Owen (1973): each runway segment is shared equally by the aircraft that
    use it, phi_i = sum_{j <= i} (c_j - c_{j-1}) / (n - j + 1)."""
    costs = {"a": 8.0, "b": 11.0, "c": 13.0, "d": 20.0}
    players = list(costs)
    value = shapley(players, airport(costs))
    ordered = sorted(costs.values())
    expected, running = {}, 0.0
    for j, p in enumerate(sorted(players, key=costs.get)):
        segment = ordered[j] - (ordered[j - 1] if j else 0.0)
        running += segment / (len(players) - j)
        expected[p] = running
    assert value == pytest.approx(expected)
    assert value["a"] == pytest.approx(2.0) and value["d"] == pytest.approx(2 + 1 + 1 + 7)


def _brute_force_nucleolus(players, game, step):
    """Lexicographic minimum of the sorted excess vectors over a grid of the allocation simplex
    (3 players), independent of the LP method."""
    grand = game[frozenset(players)]
    grid = np.arange(-grand, 2 * grand + step / 2, step)
    x1, x2 = np.meshgrid(grid, grid, indexing="ij")
    x1, x2 = x1.ravel(), x2.ravel()
    x3 = grand - x1 - x2
    xs = {players[0]: x1, players[1]: x2, players[2]: x3}
    excess = np.array([sum(xs[p] for p in s) - game[s] for s in coalitions(players) if len(s) < 3])
    ordered = -np.sort(-excess, axis=0)  # descending per point
    best = np.lexsort(ordered[::-1])[0]
    return {players[0]: x1[best], players[1]: x2[best], players[2]: x3[best]}


def test_airport_nucleolus_against_brute_force():
    """Runways 8, 11, 13: the nucleolus is (11/3, 11/3, 17/3) (the two small aircraft balance
    their excesses against the large one's; a grid search confirms)."""
    costs = {"a": 8.0, "b": 11.0, "c": 13.0}
    game = airport(costs)
    nuc = nucleolus(list(costs), game)
    assert nuc == pytest.approx({"a": 11 / 3, "b": 11 / 3, "c": 17 / 3}, abs=1e-7)
    brute = _brute_force_nucleolus(list(costs), game, 1 / 30)
    assert nuc == pytest.approx(brute, abs=1 / 30)


def test_empty_core_and_leaving_coalition():
    """Three partners, any pair can do it for 2, the three for 3.6: each pair would pay at least
    2.4 of an equal split, more than its own 2: the core is empty (least core eps = 0.4)."""
    players = ["a", "b", "c"]
    game = {s: {1: 1.5, 2: 2.0, 3: 3.6}[len(s)] for s in coalitions(players)}
    eps, _ = least_core(players, game)
    assert eps == pytest.approx(0.4)
    check = core_check(players, game, shapley(players, game))
    assert not check.in_core and len(check.coalition) == 2 and check.excess == pytest.approx(0.4)


def test_dividend_helpers():
    costs = {"a": 8.0, "b": 11.0, "c": 13.0}
    game = airport(costs)
    # in the airport game the largest aircraft adds cost (its runway is longer): c(N - c) - c(N) = 11 - 13
    assert marginal_values(list(costs), game) == pytest.approx({"a": 0.0, "b": 0.0, "c": -2.0})
    assert proportional(list(costs), game, {"a": 1, "b": 1, "c": 2}) == pytest.approx({"a": 3.25, "b": 3.25, "c": 6.5})
    assert subadditivity_failures(list(costs), game) == []
    bad = dict(game)
    bad[frozenset(costs)] = 30.0
    assert subadditivity_failures(list(costs), bad)


def test_sampled_shapley_covers_the_exact_value():
    costs = {p: float(c) for p, c in zip("abcdefgh", [3, 5, 6, 9, 10, 12, 15, 21])}
    game = airport(costs)
    exact = shapley(list(costs), game)
    sampled = shapley_sampled(list(costs), lambda needed: game.__getitem__, relative_half_width=0.005, seed=3)
    assert sampled.target_met and sampled.target == pytest.approx(0.005 * 21)
    for p in costs:
        assert sampled.half_width[p] <= sampled.target
        # about four standard errors (the 95 % level itself is tested over many games below)
        assert abs(sampled.value[p] - exact[p]) <= 2 * sampled.half_width[p]


def test_rotations_put_every_player_in_every_position_once():
    """One round's estimate is exact for an additive game (each marginal is the player's own
    cost whatever its predecessors) and, averaged over every order of the players, equals the
    exact Shapley value of any game (the estimator is unbiased): the mean over all 24 orders of 4
    players, computed here by brute force, against the exact formula."""
    players = list("abcd")
    values = dict(zip(players, [1.0, 2.0, 4.0, 8.0]))
    additive = {s: sum(values[p] for p in s) for s in coalitions(players)}
    assert rotation_estimate(players, additive.__getitem__) == pytest.approx(values)
    assert len(set(rotation_coalitions(players))) == 4 * 3 + 1
    game = airport({"a": 3.0, "b": 5.0, "c": 6.0, "d": 11.0})
    game[frozenset("ab")] = 9.0  # not an airport game any more: the estimator must not rely on its structure
    orders = list(itertools.permutations(players))
    mean = {p: sum(rotation_estimate(list(o), game.__getitem__)[p] for o in orders) / len(orders) for p in players}
    assert mean == pytest.approx(shapley(players, game))


def test_antithetic_and_symmetric_averages_are_unbiased_and_need_no_other_coalition():
    """The reversed order's estimate (antithetic) and the mean over interchangeable players keep the
    round estimate unbiased: averaged over all 120 orders of 5 players (brute force) they equal the
    exact Shapley value of a game that is not an airport game, symmetric in 'd' and 'e'; the reversed
    order uses only the arcs :func:`rotation_coalitions` lists; the sampler's array form of a round
    equals the reference loop of :func:`rotation_estimate`."""
    players = list("abcde")
    game = airport({"a": 3.0, "b": 5.0, "c": 6.0, "d": 11.0, "e": 11.0})
    for s in list(game):  # a coalition with a and b pays 2 more (symmetric in d and e)
        if {"a", "b"} <= s:
            game[s] += 2.0
    exact = shapley(players, game)
    orders = [list(o) for o in itertools.permutations(players)]
    for order in orders[:7]:
        listed = set(rotation_coalitions(order))
        asked = []
        rotation_estimate(order, lambda s: asked.append(s) or game[s], antithetic=True)
        assert set(asked) <= listed
    mean = {p: sum(rotation_estimate(o, game.__getitem__, antithetic=True)[p] for o in orders) / len(orders) for p in players}
    assert mean == pytest.approx(exact)
    arcs = _Arcs(players)
    for order in orders:
        arcs.add(order)
    for antithetic in (False, True):
        rounds = arcs.estimates(game.__getitem__, antithetic)
        reference = np.array([[rotation_estimate(o, game.__getitem__, antithetic)[p] for p in players] for o in orders])
        assert rounds == pytest.approx(reference)
        assert dict(zip(players, rounds.mean(axis=0))) == pytest.approx(exact)
    # the sampler's estimate with d and e averaged, over a whole set of orders: still the exact value
    full = shapley_sampled(players, lambda needed: game.__getitem__, relative_half_width=1e-9, seed=0, max_rounds=3,
                           interchangeable=[["d", "e"]])
    assert full.value["d"] == full.value["e"] and full.half_width["d"] == full.half_width["e"]


def test_symmetric_averaging_keeps_the_intervals_calibrated():
    """As the coverage test below, on a rough game symmetric in 'g' and 'h' (equal runways), with
    their round estimates averaged: their exact value falls inside the interval in 90-99 % of 300
    games (the binomial band of the test below)."""
    costs = {p: float(c) for p, c in zip("abcdefgh", [3, 5, 6, 9, 10, 12, 21, 21])}
    game = airport(costs)
    game.update({s: c * (1.0 + 0.1 * (len(s) % 3)) for s, c in game.items() if 1 < len(s) < 8})  # symmetric in g and h still
    exact = shapley(list(costs), game)
    assert exact["g"] == pytest.approx(exact["h"])
    covered = 0
    for seed in range(300):
        result = shapley_sampled(list(costs), lambda needed: game.__getitem__, relative_half_width=1e-9, seed=seed, max_rounds=5,
                                 interchangeable=[["g", "h"]])
        covered += abs(result.value["h"] - exact["h"]) <= result.half_width["h"]
    assert 270 <= covered <= 297


def test_sampled_intervals_cover_about_95_percent():
    """The 95 % intervals are calibrated: over 300 independent games sampled to a fixed number of
    rounds (5), the exact value of player 'h' falls inside its interval in 90-99 % of them (a
    binomial(300, 0.95) count lies in that band with probability above 0.999)."""
    costs = {p: float(c) for p, c in zip("abcdefgh", [3, 5, 6, 9, 10, 12, 15, 21])}
    game = airport(costs)
    game.update({s: c * (1.0 + 0.1 * (len(s) % 3)) for s, c in game.items() if 1 < len(s) < 8})  # a rougher game
    exact = shapley(list(costs), game)
    covered = 0
    for seed in range(300):
        result = shapley_sampled(list(costs), lambda needed: game.__getitem__, relative_half_width=1e-9, seed=seed, max_rounds=5)
        assert result.rounds == 5 and not result.target_met
        covered += abs(result.value["h"] - exact["h"]) <= result.half_width["h"]
    assert 270 <= covered <= 297


games = st.integers(min_value=2, max_value=5).flatmap(
    lambda n: st.lists(st.floats(min_value=0.0, max_value=100.0, allow_nan=False), min_size=2**n - 1, max_size=2**n - 1).map(
        lambda values: ([f"p{i}" for i in range(n)], dict(zip(coalitions([f"p{i}" for i in range(n)]), values)))
    )
)


@settings(max_examples=60, deadline=None)
@given(games)
def test_shapley_properties(case):
    players, game = case
    value = shapley(players, game)
    grand = frozenset(players)
    assert sum(value.values()) == pytest.approx(game[grand], abs=1e-9)  # efficiency
    # null player: a player who adds nothing anywhere gets nothing
    null = dict(game)
    for s in coalitions(players):
        if players[0] in s:
            rest = s - {players[0]}
            null[s] = null[rest] if rest else 0.0
    assert shapley(players, null)[players[0]] == pytest.approx(0.0, abs=1e-9)
    # additivity: the value of a sum of games is the sum of the values
    double = {s: game[s] + null[s] for s in game}
    assert shapley(players, double) == pytest.approx({p: value[p] + shapley(players, null)[p] for p in players})


@settings(max_examples=40, deadline=None)
@given(games)
def test_symmetric_players_get_equal_shares(case):
    players, game = case
    symmetric = {s: game[max((t for t in coalitions(players) if len(t) == len(s)), key=sorted)] for s in game}
    value = shapley(players, symmetric)
    nuc = nucleolus(players, symmetric)
    assert max(value.values()) - min(value.values()) == pytest.approx(0.0, abs=1e-7)
    assert max(nuc.values()) - min(nuc.values()) == pytest.approx(0.0, abs=1e-5)


_FIVE = [f"p{i}" for i in range(5)]


@settings(max_examples=60, deadline=None)
@given(games)
# found by hypothesis: a cost of 1.19e-7 beside zeros once made the fixed levels inconsistent
@example((_FIVE, dict(zip(coalitions(_FIVE), [0.0] * 22 + [1.0, 1.0, 0.0, 0.0, 1.0, 1.0, 1.192092896e-07, 1.0, 2.0]))))
def test_nucleolus_efficient_and_in_core_when_core_exists(case):
    players, game = case
    nuc = nucleolus(players, game)
    grand = frozenset(players)
    assert sum(nuc.values()) == pytest.approx(game[grand], abs=1e-6 * max(1.0, game[grand]))
    eps, _ = least_core(players, game)
    check = core_check(players, game, nuc)
    # the nucleolus lies in the least core: its largest excess is eps
    assert check.excess == pytest.approx(eps, abs=1e-6 * max(1.0, game[grand]))
    if eps <= 0:
        assert check.in_core

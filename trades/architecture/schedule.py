"""When development is spent: each cost item's development profile over the model's years, a
Beta S-curve over its development span before deployment (the study's ``schedule``)."""

from __future__ import annotations

import numpy as np
from scipy import stats

from trades.errors import StudyErrors


def development_profile(years: list[int], deploy_year: int, alpha: float, beta: float, development_years: int | None = None) -> np.ndarray:
    """Fraction of development spent in each model year: a Beta(alpha, beta) S-curve over the
    ``development_years`` years before deployment (the study's ``schedule.development_years``;
    the model's years reach back to them, :attr:`trades.study.schema.Study.years`), or, without
    it, over the years from the first to the year before deployment (the first year alone when
    the outpost deploys in it)."""
    first = years[0] if development_years is None else deploy_year - development_years
    span = max(1, deploy_year - first)
    start = first - years[0]
    if start < 0:
        raise ValueError(f"development starts in {first}, before the model's first year {years[0]}")
    edges = stats.beta.cdf(np.linspace(0.0, 1.0, span + 1), alpha, beta)
    profile = np.zeros(len(years))
    profile[start:start + span] = np.diff(edges)[: len(years) - start]
    return profile


def item_profiles(study, items: list, alpha: float, beta: float) -> np.ndarray:
    """Each item's development profile over the model's years: its
    ``schedule.development_years_by_item`` span, else its element class's catalog span
    (``schedule.class_durations``), else ``schedule.development_years``, else the
    years from ``campaign.start_year`` to the one before deployment (not from the model's first
    year: another item's longer span may have moved that back)."""
    schedule = study.schedule
    names = [item.name for item in items]
    unknown = sorted(set(schedule.development_years_by_item) - set(names))
    if unknown:
        raise StudyErrors([study.error(("schedule", "development_years_by_item", name),
                                       f"'{name}' is not a cost item of this architecture; its items are {names}") for name in unknown])
    default = schedule.development_years if schedule.development_years is not None else study.deploy_year - study.campaign.start_year
    return np.vstack([
        development_profile(study.years, study.deploy_year, alpha, beta, schedule.span(name, default))
        for name in names
    ])

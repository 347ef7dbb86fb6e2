"""Interchangeable partners: a coalition is optimized once per class of equivalent coalitions.

Two partners are interchangeable when the model sees the same data for both: the same study
entry (vehicles, capabilities, cost factor, budget cap, shares, demand; not the cap in a demand
game, which lifts every cap) with their catalog
vehicles and capabilities filled in, and neither is named anywhere else in the study (a fixed key,
a barred pair, a standard, a shared sensor). The model reads a partner only through that data
(:mod:`trades.architecture.costing` and :mod:`trades.architecture.checks` take its vehicles and
capabilities; the partner id is a label), so a coalition's stand-alone study
(:func:`~trades.analyses.coalition_study.coalition_study`) is another's with interchangeable
partners relabelled, and both have the same optimum: the game is symmetric in them (Shapley's
symmetry axiom then gives them equal values). Fourteen Artemis Accords agencies, eight of them
with no element the model builds and no launcher, have 575 classes of coalitions instead of
16,383 coalitions.

Each class is optimized once, at its *representative* (the first members of each class in the
study's order); the others get the representative's record relabelled, with ``same_as`` naming the
coalition that was optimized (its multi-start record is that optimization's). The relabelling
permutes only partner ids, so it changes no cost. The optimizer's path may differ on a relabelled
problem (the partners' order in the design vector changes), never its optimum beyond the
optimizer's tolerance: tests/trades/test_coalition_symmetry.py optimizes relabelled coalitions of
the Artemis Accords study separately and compares.
"""

from __future__ import annotations

import json
from collections import defaultdict

from trades.study.schema import Study


def partner_classes(study: Study) -> dict[str, int]:
    """Each partner's class: equal numbers for interchangeable partners (module docstring)."""
    from trades.analyses.coalition_demand import demand_shares
    from trades.study.catalog import load_catalog

    catalog = load_catalog()
    data = study.model_dump(mode="json")
    entries = data.pop("partners")
    data.pop("name", None), data.pop("description", None), data.pop("references", None), data.pop("input_sources", None)
    named = _strings(data)  # partner ids used elsewhere in the study make their partner unique
    # the demand game lifts every member's cap (coalition_demand.apply_demand): caps sit beside the
    # game, so partners that differ only in their cap are interchangeable there
    lifted = ("budget_cap_musd",) if demand_shares(study) is not None else ()
    keys: dict[str, str] = {}
    for entry in entries:
        pid = entry["id"]
        known = catalog.entries["partners"].get(pid, {})
        seen = {**{k: v for k, v in entry.items() if k not in ("id", *lifted)},
                "vehicles": sorted(entry["vehicles"] if entry.get("vehicles") is not None else known.get("vehicles", [])),
                "capabilities": sorted(entry["capabilities"] if entry.get("capabilities") is not None else known.get("capabilities", []))}
        keys[pid] = f"unique:{pid}" if pid in named else json.dumps(seen, sort_keys=True)
    numbers: dict[str, int] = {}
    return {pid: numbers.setdefault(key, len(numbers)) for pid, key in keys.items()}


def _strings(node) -> set[str]:
    if isinstance(node, dict):
        return set().union(*(_strings(v) | ({k} if isinstance(k, str) else set()) for k, v in node.items())) if node else set()
    if isinstance(node, (list, tuple)):
        return set().union(*(_strings(v) for v in node)) if node else set()
    return {node} if isinstance(node, str) else set()


class Symmetry:
    """Representatives of coalitions under the study's interchangeable partners (``enabled``,
    default ``coalitions.symmetric_partners``, False: every coalition is its own representative)."""

    def __init__(self, study: Study, enabled: bool | None = None):
        enabled = study.coalitions.symmetric_partners if enabled is None else enabled
        self.order = [p.id for p in study.partners]
        self.classes = partner_classes(study) if enabled else {pid: i for i, pid in enumerate(self.order)}
        self.members_of: dict[int, list[str]] = defaultdict(list)
        for pid in self.order:
            self.members_of[self.classes[pid]].append(pid)

    @property
    def interchangeable(self) -> list[list[str]]:
        """The classes of more than one partner, in the study's order."""
        return [m for m in self.members_of.values() if len(m) > 1]

    def representative(self, members: frozenset) -> frozenset:
        """The coalition optimized for ``members``: as many of each class, the first in the study's order."""
        counts: dict[int, int] = defaultdict(int)
        for pid in members:
            counts[self.classes[pid]] += 1
        return frozenset(pid for c, k in counts.items() for pid in self.members_of[c][:k])

    def classes_count(self) -> int:
        """How many classes of non-empty coalitions there are (the optimizations an exact game needs)."""
        total = 1
        for m in self.members_of.values():
            total *= len(m) + 1
        return total - 1

    def relabelled(self, record: dict, members: frozenset) -> dict:
        """The representative's ``record`` as the record of ``members`` (same class): partner ids
        permuted within each class, inside members onto inside members, outside onto outside."""
        rep = frozenset(record["members"])
        rename = {}
        for pids in self.members_of.values():
            ins_rep, ins = [p for p in pids if p in rep], [p for p in pids if p in members]
            out_rep, out = [p for p in pids if p not in rep], [p for p in pids if p not in members]
            rename.update(zip(ins_rep, ins))
            rename.update(zip(out_rep, out))
        copy = {**record, "members": sorted(members), "same_as": record["members"], "seconds": 0.0}
        if isinstance(record.get("provided_musd"), dict):
            copy["provided_musd"] = {rename.get(pid, pid): v for pid, v in record["provided_musd"].items()}
        return copy

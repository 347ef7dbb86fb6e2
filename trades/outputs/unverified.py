"""The unverified defaults of a run: the model inputs whose catalog value was not read in the
source it cites (``verified: false`` in trades/catalogs/), computed from the ``model_inputs`` of
the run's provenance.json. The HTML report shows them in their own section; ``trades run`` prints
their count.
"""

from __future__ import annotations


def unverified_defaults(provenance: dict) -> list[dict]:
    """One row per unverified catalog value a run used, in the order the run set them.

    A value set on several model inputs (one per stage or payload stream) is one row naming all of
    them. Each row: ``inputs`` (model input names), ``value``, ``units``, ``source`` and ``why``
    (the catalog's note: what is unverified and which source would settle it).
    """
    rows: dict[tuple, dict] = {}
    for item in provenance.get("model_inputs", []):
        if item.get("verified") is not False:
            continue
        key = (repr(item["value"]), item["units"], item["source"], item.get("note"))
        row = rows.setdefault(key, {"inputs": [], "value": item["value"], "units": item["units"],
                                    "source": item["source"], "why": item.get("note") or "no reason recorded"})
        row["inputs"].append(item["name"])
    return list(rows.values())

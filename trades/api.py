"""A small, stable facade for notebooks: load a study, change inputs, run, read the results as
pandas DataFrames, plot (docs/python_api.md).

    import trades
    study = trades.load_study("studies/leo_station_after_iss.yaml")
    results = study.set("outpost.crew_size", 4).run("out/leo_four")
    results.by_year, results.costs, results.partners, results.plot("spend")

Nothing new underneath: :meth:`Study.run` is :func:`trades.analyses.run.run_study` (the same files
as ``trades run``), a changed input is set and validated as a sweep sets a case's
(:mod:`trades.analyses.sweep_cases`), and the tables are read from ``summary.json``. Heavy
libraries are imported when used.
"""

from __future__ import annotations

import json
from pathlib import Path

__all__ = ["Study", "Results", "load_study", "load_results"]


def load_study(path: str | Path) -> "Study":
    """Read and validate a study file (a :class:`trades.errors.StudyErrors` names what is wrong)."""
    from trades.architecture.checks import check_study
    from trades.study.schema import load_study as _load

    study = _load(path)
    check_study(study)
    return Study(Path(path), study)


def load_results(folder: str | Path) -> "Results":
    """The results of ``trades run`` or ``optimize`` in an output folder."""
    return Results(Path(folder))


class Study:
    """A validated study: read its inputs with :meth:`get`, change them with :meth:`set` (which
    returns a new study and leaves this one as it is), evaluate with :meth:`run`."""

    def __init__(self, path: Path, study, changes: dict | None = None):
        self.path = path
        self.schema = study  # the validated trades.study.schema.Study
        self.changes = dict(changes or {})

    @property
    def name(self) -> str:
        return self.schema.name

    def __repr__(self) -> str:
        changed = f", changed {self.changes}" if self.changes else ""
        return f"<trades Study '{self.name}' from {self.path}{changed}>"

    def get(self, field: str):
        """An input by its dotted field, as in study files and sweeps (``"outpost.crew_size"``)."""
        node = self.schema.model_dump(mode="json")
        for part in field.split("."):
            if not isinstance(node, dict) or part not in node:
                raise KeyError(f"{self.path}: no field '{field}' in the study")
            node = node[part]
        return node

    def set(self, field: str, value) -> "Study":
        """A new study with ``field`` (dotted, as in study files and sweeps) set to ``value``,
        validated like a study file; the field's entry in ``input_sources`` is dropped (the
        source was for the old value)."""
        from trades.analyses.sweep_cases import case_study_data, validate_case_study
        from trades.errors import StudyError, StudyErrors

        self.get(field)  # an unknown field is an error here, not a new key
        data = self.schema.model_dump(mode="json")
        sweep = data.get("sweep")
        data = case_study_data(data, {field: value})
        data["sweep"] = sweep  # kept: the change is to the study, not a sweep case
        try:
            study = validate_case_study(data, str(self.path))
        except StudyErrors as exc:  # lines of the regenerated text would point into the file wrongly
            raise StudyErrors([StudyError(e.file, e.field, e.reason) for e in exc.errors]) from None
        return Study(self.path, study, {**self.changes, field: value})

    def to_yaml(self) -> str:
        """The study as YAML, with every default written out (as ``resolved_study.yaml``)."""
        import yaml

        return yaml.safe_dump(self.schema.model_dump(mode="json"), sort_keys=False)

    def run(self, output_dir: str | Path | None = None, optimize: bool = False) -> "Results":
        """Run (or optimize) the study and return its results. Without ``output_dir`` nothing is
        written where you work: the run goes to a temporary folder, its results are read into
        memory and the folder is removed (``Results.folder`` is then None). With ``output_dir``
        the outputs stay there, as ``trades run -o`` writes them; a changed study is written there
        as ``study.yaml``, the file its provenance names."""
        import tempfile

        if output_dir is None:
            with tempfile.TemporaryDirectory(prefix="trades-run-") as scratch:
                results = self.run(Path(scratch) / self.path.stem, optimize)
            results.folder = None
            return results
        from trades.analyses.run import run_study
        from trades.fileio import atomic_write, output_folder

        if not self.changes:
            return Results(run_study(self.path, output_dir, optimize)[1])
        with output_folder(Path(output_dir), writes=("study.yaml",)) as out:
            text = f"# {self.path} with {json.dumps(self.changes)}\n" + self.to_yaml()
            atomic_write(out / "study.yaml", lambda tmp: tmp.write_text(text, encoding="utf-8"))
            return Results(run_study(out / "study.yaml", out, optimize)[1])


class Results:
    """What ``trades run`` or ``optimize`` wrote in a folder, as dictionaries and DataFrames."""

    def __init__(self, folder: Path):
        from trades.analyses.run import peek_results
        from trades.errors import StudyError, StudyErrors

        self.folder = Path(folder)
        summary = peek_results(self.folder, "summary.json")
        if summary is None or "totals" not in summary:
            raise StudyErrors([StudyError(str(self.folder), "summary.json", "not an output folder of trades run or optimize")])
        self.summary = summary

    def __repr__(self) -> str:
        return f"<trades Results of '{self.summary.get('study')}' in {self.folder}>"

    @property
    def totals(self) -> dict:
        """Campaign totals (crew-days, masses, launches by vehicle, launch success)."""
        return dict(self.summary["totals"])

    @property
    def currency(self) -> str | None:
        """The money unit of every cost (``MUSD <base year>``), None without a cost model."""
        return (self.summary.get("cost") or {}).get("currency")

    @property
    def life_cycle_cost_musd(self) -> float | None:
        return (self.summary.get("cost") or {}).get("life_cycle_cost_musd")

    @property
    def by_year(self):
        """One row per campaign year: crew-days, masses [kg], cargo flights, launches by vehicle
        and by partner (``launches_by_vehicle.<id>``), the year's cost (``cost_musd``) and each
        partner's payments (``pays_musd.<partner>``), money in :attr:`currency`."""
        import pandas as pd

        table = pd.json_normalize(self.summary["per_year"]).set_index("year")
        cost = self.summary.get("cost")
        if cost:
            money = {"cost_musd": cost["total_by_year_musd"],
                     **{f"pays_musd.{p['partner']}": p["pays_by_year_musd"] for p in cost["partners"]}}
            table = table.join(pd.DataFrame(money, index=pd.Index(cost["years"], name="year")), how="outer")
        return table

    @property
    def costs(self):
        """One row per cost item: development, production, operations, launch, bought and total
        [MUSD of :attr:`currency`], the providers' shares and the coordination overhead."""
        import pandas as pd

        return pd.DataFrame((self.summary.get("cost") or {}).get("items", [])).set_index("item")

    @property
    def partners(self):
        """One row per partner: what it provides and pays [MUSD], its shares, cap, crew-days and
        launches (the by-year lists are in :attr:`by_year`)."""
        import pandas as pd

        rows = [{k: v for k, v in p.items() if not k.endswith("_by_year_musd") and k != "launches_by_year"}
                for p in (self.summary.get("cost") or {}).get("partners", [])]
        return pd.DataFrame(rows).set_index("partner")

    def plot(self, kind: str = "spend"):
        """A figure of ``trades plot`` (``spend`` or ``launches``): a matplotlib Figure."""
        from trades.outputs import figures

        if kind not in ("spend", "launches"):
            raise ValueError(f"kind must be 'spend' or 'launches' (other figures: trades.outputs.figures), got {kind!r}")
        if not figures.available(kind, self.summary):
            raise ValueError(f"these results hold no data for the {kind} figure")
        return figures.FIGURES[kind](self.summary)

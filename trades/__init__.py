"""trades: trade studies of international space exploration architectures.

Study files (YAML) are validated (:mod:`trades.study`), resolved against sourced catalogs
(:mod:`trades.architecture.resolve`), assembled into an OpenMDAO problem from :mod:`models`
(:mod:`trades.architecture.assemble`) and run (:mod:`trades.analyses.run`). Heavy dependencies are imported where
they are used so that ``trades --help`` starts fast.
"""

__version__ = "0.1.0"

#: the notebook facade (:mod:`trades.api`), imported on first use so that the CLI starts fast
_API = ("load_study", "load_results", "Study", "Results")


def __getattr__(name: str):
    if name in _API:
        from trades import api

        return getattr(api, name)
    raise AttributeError(f"module 'trades' has no attribute {name!r}")

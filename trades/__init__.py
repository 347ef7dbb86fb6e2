"""trades: trade studies of international space exploration architectures.

Study files (YAML) are validated (:mod:`trades.study`), resolved against sourced catalogs
(:mod:`trades.architecture.resolve`), assembled into an OpenMDAO problem from :mod:`models`
(:mod:`trades.architecture.assemble`) and run (:mod:`trades.analyses.run`). Heavy dependencies are imported where
they are used so that ``trades --help`` starts fast.
"""

__version__ = "0.1.0"

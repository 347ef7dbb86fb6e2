"""Stage 3, the architecture: a study checked against the catalogs and resolved into an
immutable description (vehicles, stages, trajectories, cost plan, model inputs), and the
OpenMDAO problem assembled from it with the component package (trades.models)."""

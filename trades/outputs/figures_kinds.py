"""The figure kinds ``trades plot`` draws and the results file each reads (no matplotlib import,
so that ``trades --help`` stays fast)."""

SOURCES = {"elasticities": "sensitivity.json", "tornado": "sensitivity.json", "global": "sensitivity.json",
           "spend": "summary.json", "launches": "summary.json", "shares": "coalitions.json", "dividend": "coalitions.json",
           "pareto": "sweep.sqlite", "s_curve": "cost_risk.json"}
KINDS = list(SOURCES)

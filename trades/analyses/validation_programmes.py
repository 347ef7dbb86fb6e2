"""The comments of the validation report's Apollo- and Artemis-like campaign rows: what the
government-developed crew programme (:mod:`trades.architecture.government_development`) costs in
the study, part by part, and what the model leaves out (``trades validation-report``)."""

from __future__ import annotations


def _programme(study):
    """The study's crew programme cost as its run prices it (one crewed launch a rotation)."""
    from trades.architecture.government_development import crewed_flights, programme_cost
    from trades.study.catalog import load_catalog

    programme = study.acquisition["crew_transport"].programme
    return programme_cost(load_catalog(), programme, crewed_flights(study, 1), study.campaign.dollar_base_year, study)


def apollo_comment(study) -> str:
    from trades.architecture.government_development import crewed_flights, programme_cost
    from trades.study.catalog import load_catalog

    cost = _programme(study)
    parts = dict((name, dev) for name, dev, _ in cost.parts)
    tc = programme_cost(load_catalog(), cost.programme, crewed_flights(study, 1), study.campaign.dollar_base_year, study,
                        {"crew_spacecraft": {"method": "transcost", "category": "crewed_ballistic_reentry_capsule"}})
    b = lambda musd: f"{musd / 1000:,.1f}"  # noqa: E731
    return (f"Does not agree (the ratio is in the table). The toolkit develops the Saturn V from its stages and engines (TRANSCOST, "
            f"first-generation f1 = 1.3) and the CSM by its class relationship (AMCM crewed re-entry): development {b(cost.development_musd)} "
            f"billion, of which the CSM {b(parts['command and service module'])}; the hardware of {cost.test_flights} test flights "
            f"{b(cost.test_flight_musd)}, each landing flight {b(cost.unit_musd)}; one lunar module a landing (AMCM planetary lander). "
            "Not in the model: ground facilities and launch operations (no sourced relationship, cost.yaml), the Saturn IB and its "
            "flights, Apollo 13, mission operations beyond the per-crew-position rate. TRANSCOST's crewed-capsule relationship would "
            f"develop the CSM for {b(dict((n, d) for n, d, _ in tc.parts)['command and service module'])} billion instead. The published "
            "figure uses NASA's New Start Index to 2019, which runs above CPI-U.")


def artemis_comment(study) -> str:
    cost = _programme(study)
    b = lambda musd: f"{musd / 1000:,.1f}"  # noqa: E731
    return (f"Does not agree (the ratio is in the table). SLS (stages, boosters and engines by TRANSCOST; the RS-25 and ICPS as minor "
            f"variations of existing hardware, f1 = 0.5) and Orion (AMCM crewed re-entry) are developed for {b(cost.development_musd)} "
            f"billion; Artemis I and II cost {b(cost.test_flight_musd)} in hardware, the landing's crew flight {b(cost.unit_musd)}. Not in the "
            "model: Exploration Ground Systems (no sourced relationship), Gateway, spacesuits and the commercial lander (Altair stands in "
            "for the HLS and its hardware is not costed, for want of a sourced dry mass). In their place it develops a habitat, life "
            "support and fission power the first landing did not have.")

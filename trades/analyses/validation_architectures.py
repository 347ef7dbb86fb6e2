"""Validation rows for published architectures: the toolkit's own model of an architecture (a
study in studies/) set beside the architecture's published figures.

Band: masses and launch counts within 15 % (issue 17). A row outside the band says why, in
figures the model computes (its terms), not in words only.

Rows not yet here, for want of a published figure read in a source: ESAS's lunar sortie (CEV, LSAM
and EDS masses, NASA-TM-2005-214062), DRA 5.0's mass in LEO per mission for the NTR and the
chemical/aerocapture options and its heavy-launch counts (NASA/SP-2009-566 and its Addendum,
SP-2009-566-ADD): the stored copies reached only their title pages, abstracts without figures and
third-party retellings (searches of 2026-12 in docs/research/mars_validation_sources.md).
"""

from __future__ import annotations

from trades.models import variables as var

BAND = 0.15

#: Gateway: Thales Alenia Space press release 'Thales Alenia Space on its way to reach the Moon'
#: (14 October 2020, on its I-HAB and ESPRIT contracts), read in the copy of the Asia-Pacific
#: Satellite Communications Council (apscc.or.kr): "The station, weighing about 40 metric tons, will
#: be automatically assembled piece by piece in a near rectilinear halo orbit (NRHO)", "able to host
#: 4-person crews for periods of one to three months". A planned configuration (2020), not a flown one.
GATEWAY_MASS_KG = 40_000.0
GATEWAY = ("Thales Alenia Space press release 'Thales Alenia Space on its way to reach the Moon' (14 Oct 2020): the Gateway "
           "in NRHO 'weighing about 40 metric tons', for 4-person crews for one to three months, via the APSCC copy "
           "(apscc.or.kr); a planned configuration")


def within_band(ratio: float) -> bool:
    return abs(ratio - 1.0) <= BAND


def gateway_rows(run_study, row) -> list:
    """The cislunar NRHO station study (four crew, 30-day visits) against the Gateway's published
    mass: the outpost's dry mass (habitat, life support, power) the toolkit sizes for the crew."""
    study, prob = run_study("cislunar_nrho_station")
    t = lambda name: float(prob.get_val(name, units="kg")[0]) / 1000.0  # noqa: E731
    dry = t(var.OUTPOST_DRY_MASS)
    habitat, power, life_support = t(var.HABITAT_MASS), t(var.POWER_SYSTEM_MASS), t(var.LIFE_SUPPORT_MASS)
    volume = float(prob.get_val(var.PRESSURIZED_VOLUME, units="m**3")[0])
    demand = float(prob.get_val(var.POWER_DEMAND, units="kW")[0])
    ratio = dry * 1000.0 / GATEWAY_MASS_KG
    verdict = "Agrees (band 15 %)." if within_band(ratio) else "Does not agree (band 15 %)."
    comment = (f"{verdict} The toolkit sizes one habitat for the crew's {study.outpost.crew_size} x {study.outpost.stay_days:g} days "
               f"({volume:.0f} m3, {habitat:.1f} t), its life support ({life_support:.1f} t) and {study.outpost.power_source} power "
               f"for {demand:.0f} kW ({power:.1f} t): {dry:.1f} t. The published station is several elements (habitation modules "
               "with docking for visiting vehicles, logistics modules, communications, EVA airlocks and a robotic arm, the same "
               "release; and the power and propulsion element), none of which the outpost relationships size beyond one habitat. "
               "Of its modules only ESPRIT's Lunar View (10 t, Thales Alenia Space 2024) and the PPE (5 t, unverified) have a mass in "
               "the catalog; HALO, I-Hab and the airlock have none read, so the study does not fly them. The published whole has "
               "also grown: 63 t fully assembled (GAO-24-106878, July 2024, as reported by SpacePolicyOnline).")
    return [row("Architectures (band 15 %)", f"Gateway in NRHO (studies/cislunar_nrho_station.yaml): outpost dry mass, crew of "
                f"{study.outpost.crew_size}, {study.outpost.stay_days:g}-day visits", dry, GATEWAY_MASS_KG / 1000.0, "t", GATEWAY, comment)]


#: DRA 5.0's crewed transit: Borowski, McCurdy & Packard, 'Nuclear thermal rocket/vehicle characteristics and sensitivity
#: trades for NASA's Mars Design Reference Architecture (DRA) 5.0 study', abstract, read in the stored copy at
#: paperexplained.cn: the crewed MTV "utilizes a fast conjunction trajectory that allows approximately 6-7 month 1-way tra[...]"
#: (the stored excerpt ends there). Months of 365.25/12 days (a conversion, not read).
DRA5_TRANSIT_MONTHS = (6.0, 7.0)
DAYS_PER_MONTH = 365.25 / 12.0
DRA5_TRANSIT = ("Borowski, McCurdy & Packard, NTR/vehicle characteristics and sensitivity trades for NASA's Mars DRA 5.0 study, "
                "abstract via its stored copy (paperexplained.cn): crewed MTV on 'a fast conjunction trajectory that allows approximately "
                "6-7 month 1-way' transits (upper bound shown, 7 x 30.44 d)")


def dra5_transit_rows(missions: list, row) -> list:
    """Each crewed mission's outbound flight (the window's least-total-delta-v type I transfer the
    toolkit plans, trades.architecture.mars_missions) against DRA 5.0's one-way transit of about
    6-7 months. A flight time, not a mass: no band; the comment says whether it is inside the range."""
    low, high = (m * DAYS_PER_MONTH for m in DRA5_TRANSIT_MONTHS)
    out = []
    for k, m in enumerate(missions, start=1):
        days = float(m["window"]["tof_days"])
        if low <= days <= high:
            comment = f"Inside DRA 5.0's 6-7 months ({low:.0f}-{high:.0f} d)."
        else:
            side = "longer" if days > high else "shorter"
            comment = (f"Outside DRA 5.0's 6-7 months ({low:.0f}-{high:.0f} d), {side}: the toolkit takes the window's "
                       "least-total-delta-v type I transfer, DRA 5.0's crews fly 'fast conjunction' trajectories chosen for "
                       "shorter flights, which is likely (not verified) the difference.")
        out.append(row("Mars crew transit (DRA 5.0)", f"studies/crewed_mars_2033.yaml, crew mission {k} ({m['window']['departure']}): "
                       "outbound flight, Earth departure to Mars arrival", days, high, "d", DRA5_TRANSIT, comment))
    return out

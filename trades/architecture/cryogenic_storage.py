"""Zero-boil-off storage of the in-space stages' propellant (``transportation.cryogenic_storage``).

With ``zero_boiloff`` a departure-role stage (Earth departure, and a Mars crew vehicle's capture and
Earth-return stages) whose coast makes cooling the lighter choice (:func:`lighter_cooled`) loses no
propellant; it carries cryocoolers that lift the heat leaking into its
tanks and the solar arrays that power them. The heat leak is the one the catalog's passive rate
implies: a passive tank at its boiling point turns every joule that leaks in into vapour, so

    Q = k m h_fg            [W]: k the passive rate [1/s], m the loaded propellant, h_fg its latent heat
    P = s_p Q               cryocooler input power,  s_p [W/W]
    m_zbo = s_m Q + P / (sigma F)   cryocoolers (s_m kg/W) and solar arrays (sigma W/kg at 1 AU)

with F the fraction of 1 AU's solar flux at the farthest the stage goes from the Sun over its coast
(:func:`solar_flux`): 1 for a stage that burns in Earth orbit, the inverse square of Mars' aphelion
for one that burns at Mars or leaves from it (the crew vehicle's capture and return tanks).

Both are proportional to the loaded propellant, so a constant ``c = m_zbo / m`` [kg/kg] joins the
stage's tank coefficient (RocketStage's ``storage_mass_per_propellant``) and the stage's boil-off
rate is 0. Only propellants whose catalog entry gives the cryocooler's specific mass and power and the
latent heat get it (LH2 at 20 K); a 90 K figure (LOX, LCH4) was not read, so stages of other
cryogens stay passive and the run's notes say so. Landers, the reusable lander and the Mars ascent
vehicle's surface tanks stay as they are. Imported by ``trades validate``: no openmdao here.

References: Nugent, Grotenrath & Johnson, NTRS 20220009350 (2022), the 20 W / 20 K reverse
turbo-Brayton cryocooler; docs/model.md (Transfer, Zero-boil-off storage).
"""

from __future__ import annotations

import math

SECONDS_PER_DAY = 86400.0
FIELDS = ("latent_heat_of_vaporization_kj_kg", "cryocooler_specific_mass_kg_w", "cryocooler_specific_power_w_w")
ARRAY_KEY = "solar_array_specific_power_w_kg"
FLUX_KEY = "aphelion_solar_flux_ratio"  # sites.yaml: the destination's farthest from the Sun, over 1 AU's flux


def solar_flux(study, catalog, stage) -> tuple[float, dict | None]:
    """The fraction of 1 AU's solar flux the stage's cryocooler arrays are sized for, and its catalog
    entry: the farthest the stage goes from the Sun over its coast. A stage that burns in Earth orbit
    waits there (1); one that burns at the destination or leaves from it (a Mars crew vehicle's capture
    and return tanks) waits up to the destination's aphelion (the site's ``aphelion_solar_flux_ratio``)."""
    if not stage.at_destination:
        return 1.0, None
    entry = catalog.entry("sites", study.destination.site)[FLUX_KEY]
    return float(entry["value"]), entry


def zero_boiloff(study) -> bool:
    return study.transportation.cryogenic_storage == "zero_boiloff"


def applies(study, stage) -> bool:
    """Whether the study cools this stage's propellant if that makes it lighter: an in-space
    (departure-role) stage of a zero-boil-off study."""
    return zero_boiloff(study) and stage.role == "departure"


def lighter_cooled(catalog, stage, coast_days: float, loss_km_s: float, storage: float) -> bool:
    """Whether cryocoolers (``storage`` kg per kg loaded, no growth) make the stage lighter than
    passive storage over its coast (tanks for ``B = exp(k t)`` times the burned propellant, the
    boiled-off part carried): RocketStage's gear ratios ``(1 + f(B - 1)) / (1 - (1 + aB) f - b)``
    against ``1 / (1 - (1 + a + c) f - b)``, ``f = 1 - 1/R``; a core stage's burn without the
    engine term. That is exact for a core stage's later burns (its engines ride them either way) but
    not for its first, on whose ignition mass the engines are sized: there cooling also changes the
    engines, which this comparison leaves out (a review measured the choice wrong between about 39 and
    45 days of coast for the crewed Mars study's first burns, by up to 0.4 % of the mass in LEO; the
    shipped 5-day loiter is far from it). A stage that cannot close passively is cooled."""
    from trades.models.transfer.rocket_stage import STANDARD_GRAVITY, gear_ratio

    value = lambda field: catalog.value("propellants", stage.propellant, field)  # noqa: E731
    ratio = math.exp((stage.delta_v_km_s + loss_km_s) * 1000.0 / (STANDARD_GRAVITY * value("isp_vac_s")))
    a = value("tank_mass_per_volume_kg_m3") / value("bulk_density_kg_m3")
    b = 0.0 if stage.core_engines else value("design_thrust_to_weight") / value("engine_thrust_to_weight")
    growth = math.exp(value("boiloff_fraction_per_day") * coast_days)
    return gear_ratio(ratio, 1.0, a + storage, b) < gear_ratio(ratio, growth, a * growth, b)


def cooled(study, catalog, stage, coast_days: float, loss_km_s: float) -> dict | None:
    """The stage's zero-boil-off coefficients (:func:`coefficients`) when the study cools its
    in-space stages, the catalog has cryocooler figures for its propellant and they make the stage
    lighter over its coast; None when it boils off."""
    zbo = coefficients(catalog, stage.propellant, *solar_flux(study, catalog, stage)) if applies(study, stage) else None
    return zbo if zbo is not None and lighter_cooled(catalog, stage, coast_days, loss_km_s, zbo["mass"]) else None


def coefficients(catalog, propellant: str, flux: float = 1.0, flux_entry: dict | None = None) -> dict | None:
    """Cryocooler and array mass [kg] and cryocooler input power [W] per kg of loaded propellant,
    the arrays sized for ``flux`` times 1 AU's solar flux (``flux_entry`` its catalog entry, None at
    1 AU), or None when the catalog gives no cryocooler for this propellant (or it does not boil off)."""
    entry = catalog.entry("propellants", propellant)
    rate = float(entry["boiloff_fraction_per_day"]["value"])
    if rate <= 0.0 or any(f not in entry for f in FIELDS):
        return None
    latent, spec_mass, spec_power = (float(entry[f]["value"]) for f in FIELDS)
    array = catalog.entry("outpost", "default")[ARRAY_KEY]
    sigma = float(array["value"])
    heat = rate / SECONDS_PER_DAY * latent * 1000.0  # W per kg loaded
    power = spec_power * heat
    mass = spec_mass * heat + power / (sigma * flux)
    verified = all(bool(entry[f].get("verified")) for f in FIELDS + ("boiloff_fraction_per_day",)) and bool(array.get("verified"))
    verified = verified and (flux_entry is None or bool(flux_entry.get("verified")))
    at = "" if flux_entry is None else (f" x {flux:.4f} of 1 AU's flux at the farthest from the Sun over the coast "
                                        f"(sites.{FLUX_KEY}: {flux_entry['source']})")
    source = (f"zero boil-off (transportation.cryogenic_storage): heat leak {heat * 1000.0:.3f} W per t loaded = boil-off rate "
              f"{rate:g}/d x latent heat {latent:g} kJ/kg; cryocoolers {spec_mass:g} kg/W and {spec_power:g} W/W "
              f"(propellants.{propellant}: {entry['cryocooler_specific_mass_kg_w']['source']}), solar arrays {sigma:g} W/kg "
              f"(outpost.{ARRAY_KEY}, rated at 1 AU){at}")
    return {"mass": mass, "power": power, "heat": heat, "source": source, "verified": verified}


def storage_mass(study, catalog, stage, coast_days: float, loss_km_s: float) -> float:
    """The stage's zero-boil-off mass per kg of loaded propellant (0 when passive), for the
    resolver's feasibility check."""
    zbo = cooled(study, catalog, stage, coast_days, loss_km_s)
    return 0.0 if zbo is None else zbo["mass"]


def _add_to_note(arch, head: str, item: str) -> None:
    """One note per reason, listing the stages it applies to."""
    for i, note in enumerate(arch.notes):
        if note.startswith(head):
            arch.notes[i] = f"{note}, {item}"
            return
    arch.notes.append(head + item)


def set_stage_storage(arch, study, catalog, prefix: str, stage, coast_days: float, loss_km_s: float) -> None:
    """The stage's boil-off rate, and with zero boil-off its storage mass and power per kg; the
    stages the study would cool that stay passive are listed in a note, one for each reason."""
    entry = catalog.entry("propellants", stage.propellant)
    zbo = cooled(study, catalog, stage, coast_days, loss_km_s)
    if zbo is None:
        arch.add_catalog(f"{prefix}.boiloff_rate", entry["boiloff_fraction_per_day"], "1/d")
        if applies(study, stage) and float(entry["boiloff_fraction_per_day"]["value"]) > 0.0:
            where = f"{stage.stream} stage {stage.index}"
            if coefficients(catalog, stage.propellant) is None:
                _add_to_note(arch, f"zero boil-off: no cryocooler figures for {stage.propellant} in the propellants catalog (only 20 K, "
                             "LH2, was read), so these stages stay passive: ", where)
            else:
                _add_to_note(arch, "zero boil-off: these stages stay passive, as over their coast cryocoolers and their arrays would "
                             "weigh more than the propellant they save: ", f"{where} ({coast_days:.0f} d)")
        return
    why = None if zbo["verified"] else ("computed from unverified inputs: the catalog's passive boil-off rate (an assumption), the "
                                         "latent heat and the cryocooler figures (read in secondary copies); see their catalog notes")
    for name, value, units in (("boiloff_rate", 0.0, "1/d"), ("storage_mass_per_propellant", zbo["mass"], "unitless"),
                               ("storage_power_per_propellant", zbo["power"], "W/kg")):
        arch.add(f"{prefix}.{name}", value, units, zbo["source"], zbo["verified"], why)

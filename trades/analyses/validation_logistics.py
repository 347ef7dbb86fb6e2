"""The validation report's logistics row: the LEO station study's crew, supplies and research cargo
on a station of the ISS's mass, against the logistics the ISS received.

The study's own station (a habitat sized for its crew's volume, life support and power) is a
fraction of the ISS's mass, and the spares and the station-keeping propellant are fractions of a
station's mass: set against the ISS, the row evaluates those terms, by the model's own components
(:class:`~trades.models.logistics.manifest.DeliveryManifest`,
:class:`~trades.models.logistics.station_keeping.StationKeepingPropellant`), for the ISS's mass, and
states the study's own year beside it. The breakdown and the shortfall are measured from the run.
"""

from __future__ import annotations

from trades.models import variables as var

#: ISS logistics: Lynch, Owens et al., 'A Historical Review of Logistics Mass and Crew Time Demands for ISS
#: Operations', ICES-2024 (NTRS 20240005648), abstract read in the TTU repository copy: "over 130 metric
#: tons of logistics" delivered from October 2017 through December 2023 (6.25 years).
ISS_LOGISTICS_KG, ISS_LOGISTICS_YEARS = 130_000.0, 6.25
ISS_LOGISTICS = ("Lynch, Owens et al., 'A Historical Review of Logistics Mass and Crew Time Demands for ISS Operations', ICES-2024 "
                 "(NTRS 20240005648), abstract via the Texas Tech University repository copy: over 130 t of logistics "
                 "Oct 2017-Dec 2023 (a lower bound; 6.25 years)")

#: water Progress delivered to the ISS a year, mean of 2018 (MS-08 420, MS-09 420, MS-10 970 lb = 440 kg) and 2019
#: (MS-11, MS-12 420 kg each, MS-13 926 lb = 420 kg): Roscosmos's and NASA's launch-day figures as reported (the
#: copies named in docs/research/iss_logistics_research.md, section 5)
PROGRESS_WATER_KG_PER_YEAR = (1280.0 + 1260.0) / 2

#: the logistics terms of the manifest, in the order the sentence gives them (model output, label)
LOGISTICS_TERMS = [
    ("logistics.consumables.food_mass", "food"),
    ("logistics.consumables.water_mass", "make-up water"),
    ("logistics.consumables.oxygen_mass", "oxygen"),
    ("logistics.provisions.provisions_mass", "crew provisions"),
    ("logistics.expendables.expendables_mass", "life-support expendables"),
    ("logistics.eva.eva_mass", "EVA consumables"),
    ("logistics.makeup_gas.makeup_gas_mass", "cabin make-up gas"),
    ("logistics.utilisation.utilisation_mass", "research and utilisation cargo"),
]


def station_of_mass(prob, year_index: int, station_mass_kg: float) -> dict[str, float]:
    """The year's delivery (kg) with the study's packaged supplies on a station of ``station_mass_kg``:
    the model's station-keeping and manifest components run on that mass with the study's fractions,
    as an operating year without deployment."""
    from trades.models.logistics import DeliveryManifest, StationKeepingPropellant
    from trades.models.testing import run_component

    keeping = run_component(StationKeepingPropellant(num_years=1), outpost_dry_mass=station_mass_kg,
                            propellant_fraction=prob.get_val(var.STATION_KEEPING_FRACTION), operating_year=[1.0])
    propellant = keeping.get_val("propellant_mass", units="kg")
    supplies = float(prob.get_val(var.CONSUMABLES_MASS, units="kg")[year_index])
    manifest = run_component(DeliveryManifest(num_years=1), outpost_dry_mass=station_mass_kg, deploy_year=[0.0], operating_year=[1.0],
                             spares_fraction=prob.get_val(var.SPARES_FRACTION), consumables_mass=[supplies],
                             station_keeping_propellant=propellant, cargo_flight_payload=1.0)
    return {"delivered": float(manifest.get_val("delivered_mass", units="kg")[0]), "spares": float(manifest.get_val("spares_mass", units="kg")[0]),
            "propellant": float(propellant[0]), "packaged_supplies": supplies}


def logistics_breakdown(prob, year_index: int, station: dict[str, float]) -> str:
    """The year's delivered mass on the station ``station`` (:func:`station_of_mass`) term by term (t):
    the supplies, their packing (SpaceNet's factors by class of supply), the spares and the station-keeping propellant."""
    t = lambda name: float(prob.get_val(name, units="kg")[year_index]) / 1000.0  # noqa: E731
    terms = [(label, t(name)) for name, label in LOGISTICS_TERMS]
    supplies = sum(v for _, v in terms)
    packaging = t(var.PACKAGING_MASS)
    parts = ", ".join(f"{label} {value:.2f}" for label, value in terms)
    return (f"The year: {parts} (supplies {supplies:.2f}), packaging {packaging:.2f}, spares {station['spares'] / 1000:.2f} and "
            f"station-keeping propellant {station['propellant'] / 1000:.2f} ({station['delivered'] / 1000:.1f} t).")


def dry_supplies_kg(prob, year_index: int) -> float:
    """The year's pressurized dry supplies before packing [kg]: food and the other dry goods."""
    return float(prob.get_val("logistics.consumables.food_mass", units="kg")[year_index]
                 + prob.get_val("logistics.consumables.other_dry", units="kg")[year_index])


def lighter_packaging_kg(prob, year_index: int, packaging_alternative: float) -> float:
    """How much less the year delivers [kg] with ``packaging_alternative`` per kg of pressurized dry goods
    in place of the study's factor for them (liquids and gases keep theirs)."""
    packaging = float(prob.get_val(var.PACKAGING_DRY)[0])
    return dry_supplies_kg(prob, year_index) * (packaging - packaging_alternative)


def logistics_gap(prob, year_index: int, station: dict[str, float], published_kg_per_year: float, packaging_alternative: float) -> str:
    """What the year still lacks against the published yearly logistics, and what the packaging of
    NASA's manifests (``packaging_alternative``, the catalog's recorded alternative) would make of it."""
    t = lambda name: float(prob.get_val(name, units="kg")[year_index]) / 1000.0  # noqa: E731
    delivered = station["delivered"] / 1000.0
    gap = published_kg_per_year / 1000.0 - delivered
    packaging = float(prob.get_val(var.PACKAGING_DRY)[0])
    lighter = lighter_packaging_kg(prob, year_index, packaging_alternative) / 1000.0
    own = t(var.DELIVERED_MASS)
    return (f"Still missing, {gap:.1f} t: the Russian segment's water beyond the station-wide closure (Progress delivered "
            f"{PROGRESS_WATER_KG_PER_YEAR / 1000:.2f} t of water a year in 2018-2019, the model {t('logistics.consumables.water_mass'):.2f} t "
            "of make-up water at the study's closure), science on non-US vehicles, and what the paper counts otherwise (its "
            f"categories were not read, abstract only). SpaceNet's packing factor for pressurized dry goods, {packaging:.2f} (a "
            f"model's default), is above the {packaging_alternative:.3f} NASA's resupply manifests state for pressurized cargo "
            f"(cargo_packaging_factor_crs_manifests, mean of four flights, 0.046-0.135): with it for the "
            f"{dry_supplies_kg(prob, year_index) / 1000:.2f} t of dry goods this row would be {delivered - lighter:.1f} t (ratio "
            f"{(delivered - lighter) * 1000 / published_kg_per_year:.2f}) and the study's own year {own - lighter:.1f} t.")


def logistics_rows(run_study, row, station_mass_kg: float) -> list:
    """The LEO station study's yearly delivered mass, once crewed, on a station of ``station_mass_kg``
    (the ISS's), against the ISS's logistics (``row`` the report's Row class)."""
    from trades.study.catalog import load_catalog

    study, prob = run_study("leo_station_after_iss")
    last = [i for i, year in enumerate(study.years) if year >= study.first_crewed_year][-1]
    station = station_of_mass(prob, last, station_mass_kg)
    published = ISS_LOGISTICS_KG / ISS_LOGISTICS_YEARS
    ratio = station["delivered"] / published
    dry = float(prob.get_val(var.MANIFEST_OUTPOST_DRY_MASS, units="t")[0])
    own = float(prob.get_val(var.DELIVERED_MASS, units="t")[last])
    spares = float(prob.get_val(var.SPARES_FRACTION)[0])
    keeping = float(prob.get_val(var.STATION_KEEPING_FRACTION)[0])
    alternative = float(load_catalog().entry("outpost", "default")["cargo_packaging_factor_crs_manifests"]["value"])
    packing = {kind: float(prob.get_val(v)[0]) for kind, v in (("dry goods", var.PACKAGING_DRY), ("liquids", var.PACKAGING_LIQUID),
                                                                   ("gases", var.PACKAGING_GAS))}
    alt_ratio = (station["delivered"] - lighter_packaging_kg(prob, last, alternative)) / published
    within = lambda r: abs(r - 1.0) <= 0.15  # noqa: E731
    factors = ", ".join(f"{value:g} for {kind}" for kind, value in packing.items())
    verdict = (f"{'Agrees' if within(ratio) else 'Does not agree'} (band 15 %) with SpaceNet's packing factors ({factors}); with "
               f"NASA's manifests' {alternative:.3f} for the dry goods it {'would too' if within(alt_ratio) else 'would not'} (below)")
    return [row(
        "Logistics",
        f"LEO station after the ISS (studies/leo_station_after_iss.yaml): mass delivered in {study.years[last]}, crew of "
        f"{study.outpost.crew_size}, supplies, research cargo, spares and station-keeping propellant, on a station of the ISS's "
        f"mass ({station_mass_kg / 1000:.0f} t; the study's own station is {dry:.1f} t)",
        station["delivered"], published, "kg/yr", ISS_LOGISTICS,
        f"{verdict}. Like with like: the study's station (a habitat sized for the crew's volume, its life support "
        f"and power, without the ISS's laboratories, truss, robotics and propulsion) is {dry / (station_mass_kg / 1000):.3f} of the "
        "ISS's mass, and spares and station-keeping propellant are fractions of a station's mass, so those two terms are "
        "evaluated, by the model's own components, for the ISS's mass; on the study's own station the year is "
        f"{own:.1f} t (ratio {own * 1000 / published:.2f}). " + logistics_breakdown(prob, last, station)
        + f" The spares ({spares:.3%} of the station's mass a year) and the propellant ({keeping:.3%}: what Progress delivered "
        "in 2018-2019, a lower bound) are the ISS's own ratios, so on the ISS's mass they return the ISS's own figures: what "
        "this row tests is the crew's supplies, the research cargo and the packaging. The research cargo is the study's "
        "utilisation section: the science investigations on NASA's four resupply flights of 2024 (a lower bound for the "
        "ISS; docs/research/iss_logistics_research.md). " + logistics_gap(prob, last, station, published, alternative))]

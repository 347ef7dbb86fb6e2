"""One propulsive stage sized by the rocket equation: tanks scale with the propellant they hold,
engines with the thrust they give; boil-off during a coast; gravity loss of a finite burn."""

from __future__ import annotations

import math

import numpy as np
import openmdao.api as om

STANDARD_GRAVITY = 9.80665  # m/s^2, exact by definition (CGPM 1901; NIST SP 330)


def stage_coefficients(tank_mass_per_volume, propellant_density, thrust_to_weight, engine_thrust_to_weight,
                       boiloff_growth=1.0, storage_mass_per_propellant=0.0):
    """Inert mass per kg of burned propellant (tanks, sized for the loaded propellant, with any
    zero-boil-off cryocoolers and arrays ``c`` per kg loaded) and per kg of ignition mass (engines):
    ``(a + c) B`` and ``b``. Shared by the stage, the reusable lander and the feasibility checks of
    the resolver, so that all three use one relationship."""
    tank = (tank_mass_per_volume / propellant_density + storage_mass_per_propellant) * boiloff_growth
    return tank, thrust_to_weight / engine_thrust_to_weight


def gear_ratio(mass_ratio, boiloff_growth, tank, engine):
    """Initial mass per kg pushed of a stage with coefficients ``tank`` (a B) and ``engine`` (b),
    mass ratio ``R`` and boil-off growth ``B`` (RocketStage's closed form, the boiled-off part
    carried): ``(1 + f(B - 1)) / (1 - (1 + aB) f - b)`` with ``f = 1 - 1/R``; infinite when the
    stage does not close. For the resolver's checks and choices, on plain floats."""
    burned = 1.0 - 1.0 / mass_ratio
    denominator = 1.0 - (1.0 + tank) * burned - engine
    return (1.0 + burned * (boiloff_growth - 1.0)) / denominator if denominator > 0.0 else math.inf


def single_stage_limit(exhaust_velocity, tank, engine):
    """Largest delta-v [units of ``exhaust_velocity``] a stage with coefficients ``tank`` (a B)
    and ``engine`` (b) can deliver: the stage closes while ``1 - (1 + aB)(1 - 1/R) - b > 0``,
    i.e. ``R < (1 + aB) / (aB + b)``."""
    return exhaust_velocity * np.log((1.0 + tank) / (tank + engine))


class RocketStage(om.ExplicitComponent):
    """Stage (propellant + inert) mass needed to push a payload through a delta-v.

    The inert mass is tanks plus engines. Tanks (with their insulation, structure and the stage's
    other equipment) weigh ``k_t`` per m^3 of loaded propellant of bulk density ``rho``, i.e.
    ``a = k_t / rho`` per kg; engines (for a nuclear-thermal stage: with reactor and radiation
    shield) weigh their thrust over ``g0 (T/W)_e``, and the thrust is set by a design initial
    thrust-to-weight ``(T/W)_0`` at ignition, so engines are ``b = (T/W)_0 / (T/W)_e`` of the
    ignition mass. Cryogenic propellant boils off at a fractional rate ``k`` per day during the
    coast of ``t`` days before the burn; tanks hold the loaded ``B = exp(k t)`` times the burned
    propellant. Zero-boil-off storage instead (rate 0) adds cryocoolers and their power system,
    ``c`` kg per kg of loaded propellant, to the tanks (``a -> a + c``), and reports their input
    power. With ``R = exp((dv + dv_g) / (g0 Isp))`` (``dv_g`` the gravity loss of the finite
    burn), the ignition mass ``m1 = P + aBp + b m1 + p`` with burned propellant
    ``p = m1 (1 - 1/R)`` gives in closed form

        m1 = P / (1 - (1 + aB)(1 - 1/R) - b),   inert = aBp + b m1,
        initial mass m0 = m1 + p (B - 1)          (the boiled-off part is carried, not burned).

    The stage closes only if the denominator is positive: ``R < (1 + aB) / (aB + b)``;
    otherwise an AnalysisError names the limit. Without engines (option ``carries_engines``
    False) ``b = 0``: the stage is the tanks of one burn of a core stage (:class:`StageChain` with
    ``core_stage``), whose engines ride in its payload. Vectorized over ``num_nodes`` payloads (e.g.
    campaign years); partials by complex step on sparse (diagonal) patterns.

    References
    ----------
    Tsiolkovsky rocket equation; stage mass split into propellant-scaled tankage and
    thrust-scaled engines as in Humble, Henry & Larson, Space Propulsion Analysis and Design
    (1995), ch. 1 and 3. Coefficients: trades/catalogs/propellants.yaml (NCPS core stage of
    Kos & Russell, NASA MSFC 2014; ICPS/DCSS 5-m stage); see docs/model.md.
    """

    def initialize(self):
        self.options.declare("num_nodes", types=int, default=1, desc="payloads sized at once")
        self.options.declare("carries_engines", types=bool, default=True,
                             desc="the stage has its own engines; False: tanks only, the burn made by a core stage's engines "
                                  "(CoreEngines) that ride in the payload")

    def setup(self):
        n = self.options["num_nodes"]
        self.add_input("payload_mass", val=np.ones(n), units="kg", desc="mass pushed by the stage")
        self.add_input("delta_v", val=1000.0, units="m/s", desc="impulsive delta-v the stage delivers")
        self.add_input("gravity_loss", val=0.0, units="m/s", desc="extra delta-v of the finite burn")
        self.add_input("isp", val=450.0, units="s", desc="vacuum specific impulse")
        self.add_input("tank_mass_per_volume", val=42.0, units="kg/m**3", desc="tankage per m^3 of loaded propellant")
        self.add_input("propellant_density", val=358.0, units="kg/m**3", desc="bulk density of the propellant")
        engines = self.options["carries_engines"]
        if engines:
            self.add_input("thrust_to_weight", val=0.2, units="unitless", desc="design thrust / (g0 ignition mass)")
            self.add_input("engine_thrust_to_weight", val=40.0, units="unitless", desc="engine thrust / (g0 engine mass)")
        self.add_input("boiloff_rate", val=0.0, units="1/d", desc="propellant fraction lost per day")
        self.add_input("coast_time", val=0.0, units="d", desc="coast before the burn")
        self.add_input("storage_mass_per_propellant", val=0.0, units="unitless",
                       desc="zero-boil-off cryocoolers and power system [kg] per kg of loaded propellant")
        self.add_input("storage_power_per_propellant", val=0.0, units="W/kg",
                       desc="zero-boil-off cryocooler input power per kg of loaded propellant")
        self.add_output("initial_mass", val=np.ones(n), units="kg", desc="payload + loaded stage")
        self.add_output("propellant_mass", val=np.ones(n), units="kg", desc="propellant loaded")
        self.add_output("inert_mass", val=np.ones(n), units="kg",
                        desc="stage inert mass (tanks + engines; tanks only without engines)")
        self.add_output("boiloff_mass", val=np.zeros(n), units="kg", desc="propellant boiled off")
        self.add_output("ignition_mass", val=np.ones(n), units="kg", desc="mass at ignition, after the coast's boil-off")
        self.add_output("storage_power", val=np.zeros(n), units="W", desc="zero-boil-off cryocooler input power")
        if engines:
            self.add_output("thrust", val=np.ones(n), units="N", desc="engine thrust")

        ar, zeros = np.arange(n), np.zeros(n, dtype=int)
        scalars = ["delta_v", "gravity_loss", "isp", "tank_mass_per_volume", "propellant_density", "boiloff_rate", "coast_time",
                   "storage_mass_per_propellant"]
        outputs = ["initial_mass", "propellant_mass", "inert_mass", "boiloff_mass", "ignition_mass", "storage_power"]
        if engines:
            scalars += ["thrust_to_weight", "engine_thrust_to_weight"]
            outputs.append("thrust")
        self.declare_partials(outputs, "payload_mass", rows=ar, cols=ar, method="cs")
        self.declare_partials(outputs, scalars, rows=ar, cols=zeros, method="cs")
        # the cryocoolers' power per kg sets their power only
        self.declare_partials("storage_power", "storage_power_per_propellant", rows=ar, cols=zeros, method="cs")

    def compute(self, inputs, outputs):
        exhaust = STANDARD_GRAVITY * inputs["isp"][0]
        ratio = np.exp((inputs["delta_v"][0] + inputs["gravity_loss"][0]) / exhaust)
        growth = np.exp(inputs["boiloff_rate"][0] * inputs["coast_time"][0])
        engines = self.options["carries_engines"]
        tank, engine = stage_coefficients(inputs["tank_mass_per_volume"][0], inputs["propellant_density"][0],
                                          inputs["thrust_to_weight"][0] if engines else 0.0,
                                          inputs["engine_thrust_to_weight"][0] if engines else 1.0, growth,
                                          inputs["storage_mass_per_propellant"][0])
        burned_fraction = 1.0 - 1.0 / ratio
        denom = 1.0 - (1.0 + tank) * burned_fraction - engine
        if np.real(denom) <= 0.0:
            limit = np.real(single_stage_limit(exhaust, tank, engine))
            raise om.AnalysisError(
                f"{self.pathname}: delta-v {np.real(inputs['delta_v'][0] + inputs['gravity_loss'][0]):.0f} m/s exceeds "
                f"what a single stage with Isp {np.real(inputs['isp'][0]):.0f} s, tankage {np.real(tank):.3f} kg per kg of "
                f"propellant and engines {np.real(engine):.3f} of its mass can deliver ({limit:.0f} m/s)"
            )
        ignition = inputs["payload_mass"] / denom
        burned = ignition * burned_fraction
        outputs["inert_mass"] = tank * burned + engine * ignition
        outputs["propellant_mass"] = burned * growth
        outputs["boiloff_mass"] = burned * (growth - 1.0)
        outputs["initial_mass"] = ignition + burned * (growth - 1.0)
        outputs["ignition_mass"] = ignition
        outputs["storage_power"] = inputs["storage_power_per_propellant"][0] * burned * growth
        if engines:
            outputs["thrust"] = inputs["thrust_to_weight"][0] * STANDARD_GRAVITY * ignition

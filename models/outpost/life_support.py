"""Life-support (ECLSS) hardware mass versus water and oxygen closure."""

from __future__ import annotations

import openmdao.api as om


class LifeSupportHardware(om.ExplicitComponent):
    """ECLSS hardware mass scaled from ISS systems by crew and closure.

        m = n_crew [ m_open + (m_wrs / n_wrs) (c_w / c_w,ISS) + (m_ogs / n_ogs) (c_o / c_o,ISS) ]

    ``m_open`` is the open-loop hardware per crew member, ``m_wrs`` the ISS water recovery
    system serving ``n_wrs`` crew at closure ``c_w,ISS`` and ``m_ogs`` the oxygen generation
    system serving ``n_ogs`` crew at oxygen recovery ``c_o,ISS``. Linear scaling of recovery
    hardware with closure is this toolkit's assumption (a first-order interpolation between
    open loop and the ISS design point), stated in the model theory.

    References
    ----------
    Hardware masses and reference closures: trades/catalogs/outpost.yaml, life_support.yaml.
    """

    def setup(self):
        self.add_input("crew_size", val=4.0, units="unitless")
        self.add_input("water_closure", val=0.0, units="unitless")
        self.add_input("oxygen_closure", val=0.0, units="unitless")
        self.add_input("open_loop_mass_per_crew", val=1.0, units="kg")
        self.add_input("water_recovery_mass", val=1.0, units="kg")
        self.add_input("water_recovery_crew", val=1.0, units="unitless")
        self.add_input("water_recovery_reference_closure", val=1.0, units="unitless")
        self.add_input("oxygen_generation_mass", val=1.0, units="kg")
        self.add_input("oxygen_generation_crew", val=1.0, units="unitless")
        self.add_input("oxygen_recovery_reference_closure", val=1.0, units="unitless")
        self.add_output("life_support_mass", val=1000.0, units="kg")
        self.declare_partials("life_support_mass", "*", method="cs")

    def compute(self, inputs, outputs):
        per_crew = (
            inputs["open_loop_mass_per_crew"]
            + inputs["water_recovery_mass"] / inputs["water_recovery_crew"]
            * inputs["water_closure"] / inputs["water_recovery_reference_closure"]
            + inputs["oxygen_generation_mass"] / inputs["oxygen_generation_crew"]
            * inputs["oxygen_closure"] / inputs["oxygen_recovery_reference_closure"]
        )
        outputs["life_support_mass"] = inputs["crew_size"] * per_crew

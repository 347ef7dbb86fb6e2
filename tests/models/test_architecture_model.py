"""The architecture's top-level group is built from plain data (no study, no Architecture): what
trades.architecture.assemble hands it for a study, a user can hand it too."""

from __future__ import annotations

import numpy as np
import openmdao.api as om

from trades.models import variables as var
from trades.models.architecture import ArchitectureModel


def test_a_cargo_only_architecture_from_plain_data():
    model = ArchitectureModel(num_years=3, power_source="solar", streams=[("cargo", 1, False)], crew_launches=False)
    prob = om.Problem(model=model, reports=False)
    prob.setup(check=False)
    prob.set_val("crew_size", 4.0)
    prob.set_val("water_closure", 0.9)
    prob.set_val("oxygen_closure", 0.5)
    prob.run_model()
    delivered = prob.get_val(var.DELIVERED_MASS, units="kg")
    in_orbit = prob.get_val("total_launch_mass.mass_in_launch_orbit", units="kg")
    assert delivered.shape == (3,) and in_orbit.shape == (3,)
    assert np.all(np.isfinite(in_orbit)) and np.all(in_orbit >= delivered - 1e-9)  # a stage adds propellant and inert mass


def test_the_study_model_is_built_from_the_same_plain_data(flagship):
    """trades.architecture.assemble passes nothing but plain data: the options hold no Architecture."""
    from trades.architecture.assemble import model_options
    from trades.architecture.description import Architecture
    from trades.architecture.resolve import resolve
    from trades.study import load_study

    options = model_options(resolve(load_study(flagship)))

    def walk(value):
        assert not isinstance(value, Architecture)
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v)

    walk(options)
    assert options["cost"]["group"]["num_partners"] == 4 and options["streams"][0][0] == "cargo"


def test_building_a_problem_leaves_the_architecture_as_resolved(flagship):
    """build_problem ran the model and wrote the stages' unit masses into the architecture's cost
    plan; sizing is now a step of the problem only."""
    import copy
    import pickle

    from trades.architecture.assemble import build_problem
    from trades.architecture.resolve import resolve
    from trades.study import load_study

    arch = resolve(load_study(flagship))
    before = pickle.dumps(copy.deepcopy((arch.cost, arch.inputs, arch.notes, arch.stages, arch.trajectory)))
    build_problem(arch)
    assert pickle.dumps(copy.deepcopy((arch.cost, arch.inputs, arch.notes, arch.stages, arch.trajectory))) == before


def test_one_evaluation_packages_the_other_supplies_of_the_same_evaluation():
    """Make-up gas, EVA and expendables reach the consumables in the same pass: the group runs them
    first (a component run before its source would use the previous evaluation's values)."""
    model = ArchitectureModel(num_years=2, power_source="solar", streams=[("cargo", 1, False)], crew_launches=False)
    prob = om.Problem(model=model, reports=False)
    prob.setup(check=False)
    prob.set_val("crew_size", 4.0)
    prob.set_val("water_closure", 0.9)
    prob.set_val("logistics.eva.eva_hours_per_year", 100.0)
    prob.set_val("logistics.eva.oxygen_per_eva_hour", 0.1)
    prob.set_val("logistics.eva.crewed_year", [0.0, 1.0])
    for name, k in ((var.PACKAGING_DRY, 0.2), (var.PACKAGING_LIQUID, 0.5), (var.PACKAGING_GAS, 1.0)):
        prob.set_val(name, k)
    prob.run_model()  # once, on a fresh problem
    c, g = "logistics.consumables.", prob.get_val
    dry, gas = g("logistics.other_dry.other_dry"), g("logistics.other_gas.other_gas")
    assert gas[1] >= 10.0  # the EVA oxygen alone: 100 h x 0.1 kg/h, packed as a gas
    packed = ((g(c + "food_mass") + dry) * 1.2 + g(c + "water_mass") * 1.5 + (g(c + "oxygen_mass") + gas) * 2.0)
    np.testing.assert_allclose(prob.get_val(var.CONSUMABLES_MASS), packed, rtol=1e-12)

"""The component package (models/, installed as trades.models) knows nothing of the orchestration
layer: no study schema, YAML, CLI, plots or tables; only numbers, arrays and OpenMDAO. And it is
installed under the package's own name, so that a user's own `models/` folder cannot shadow it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

MODELS = Path(__file__).resolve().parents[2] / "models"
ALLOWED_THIRD_PARTY = {"numpy", "scipy", "openmdao"}
FORBIDDEN = {"yaml", "pydantic", "matplotlib", "pandas", "tqdm", "dask", "argparse", "SALib", "boinor", "astropy"}


def _imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.ImportFrom):
            found.append((node.lineno, "." * node.level + (node.module or "")))
    return found


def test_component_package_imports_only_components_and_numerics():
    files = sorted(MODELS.rglob("*.py"))
    assert len(files) > 20, "models/ not found where expected"
    stdlib = set(sys.stdlib_module_names)
    wrong = []
    for path in files:
        for line, module in _imports(path):
            top = module.split(".")[0]
            if module.startswith("."):
                continue  # relative: inside the component package
            if module == "trades.models" or module.startswith("trades.models."):
                continue
            if top in FORBIDDEN or top == "trades" or (top not in stdlib and top not in ALLOWED_THIRD_PARTY):
                wrong.append(f"{path.relative_to(MODELS.parent)}:{line}: {module}")
    assert not wrong, "the component package imports the orchestration layer or a library outside it:\n" + "\n".join(wrong)


def test_the_boundary_test_sees_a_forbidden_import(tmp_path):
    """The check above would catch a component that reads YAML (it is not vacuous)."""
    bad = tmp_path / "component.py"
    bad.write_text("import yaml\nfrom trades.study import Study\nfrom trades.models.sums import x\n")
    assert [m for _, m in _imports(bad)] == ["yaml", "trades.study", "trades.models.sums"]


def test_a_users_own_models_folder_does_not_shadow_the_components(tmp_path):
    """A top-level `models` package lost to a user's own models/ folder when a notebook or
    `python -m trades` ran from that user's project."""
    users = tmp_path / "models"
    users.mkdir()
    (users / "__init__.py").write_text("raise ImportError('the user models package was imported')\n")
    code = "import trades.models.cost, trades.architecture.assemble; import trades.models as m; print(m.__name__)"
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "trades.models"

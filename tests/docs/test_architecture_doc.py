"""docs/architecture.md's import graph is the code's, and no import runs back up the stages."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _graph_module():
    spec = importlib.util.spec_from_file_location("import_graph", ROOT / "docs" / "import_graph.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_page_shows_the_current_import_graph():
    graph = _graph_module()
    page = (ROOT / "docs" / "architecture.md").read_text()
    assert "```mermaid\n" + graph.mermaid() + "```" in page, "regenerate with: python docs/import_graph.py"


def test_no_import_runs_back_up_the_stages():
    graph = _graph_module()
    order = graph.STAGES
    back = sorted(f"{a} imports {b} ({graph.stage_of(a)} -> {stage})" for a, b, stage in graph.imports()
                  if graph.stage_of(a) is not None and order.index(stage) > order.index(graph.stage_of(a)))
    assert not back, "\n".join(back)


def test_every_module_of_the_toolkit_has_a_stage():
    graph = _graph_module()
    modules = [graph.module_name(p) for p in (ROOT / "trades").rglob("*.py")]
    assert modules and all(graph.stage_of(m) is not None for m in modules), [m for m in modules if graph.stage_of(m) is None]


def test_no_module_of_the_toolkit_is_over_450_lines():
    long = {str(p.relative_to(ROOT)): n for p in (ROOT / "trades").rglob("*.py") if (n := len(p.read_text().splitlines())) > 450}
    assert not long, long

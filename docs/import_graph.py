"""The stage-level import graph of the toolkit as a Mermaid diagram (docs/architecture.md shows
it; tests/docs/test_architecture_doc.py checks the page against this script and that no import
runs back up the stages). Run from the repository root: ``python docs/import_graph.py``."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# the stages in the order data flows; a module may import its own stage and those before it
STAGES = ["infrastructure", "models", "study", "astro", "architecture", "analyses", "outputs", "cli"]
INFRASTRUCTURE = {"errors", "escape", "fileio", "executor"}
# the user's entry points: the command line, the notebook facade, and the package's __init__,
# which hands out the facade (trades.load_study) on first use
CLI = {"cli", "commands", "__main__", "api", "__init__"}


def stage_of(module: str) -> str | None:
    """The stage of a module of the toolkit (``trades.analyses.run`` -> ``analyses``)."""
    parts = module.split(".")
    if parts[0] != "trades":
        return None
    if len(parts) == 1:
        return "infrastructure"
    if parts[1] in INFRASTRUCTURE:
        return "infrastructure"
    if parts[1] in CLI:
        return "cli"
    return parts[1] if parts[1] in STAGES else None


def module_name(path: Path) -> str:
    relative = path.relative_to(ROOT).with_suffix("")
    parts = list(relative.parts)
    if parts[0] == "models":  # installed as trades.models
        parts = ["trades", *parts]
    return ".".join(parts)


def imports() -> set[tuple[str, str, str]]:
    """(importing module, imported module, its stage) for every import between the toolkit's modules."""
    found = set()
    for path in sorted([*(ROOT / "trades").rglob("*.py"), *(ROOT / "models").rglob("*.py")]):
        name = module_name(path)
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            targets = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                targets = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            for target in targets:
                if stage_of(target) is not None:
                    found.add((name, target, stage_of(target)))
    return found


def stage_edges() -> set[tuple[str, str]]:
    return {(stage_of(a), b_stage) for a, _, b_stage in imports() if stage_of(a) != b_stage}


def mermaid() -> str:
    lines = ["flowchart BT"]
    for a, b in sorted(stage_edges(), key=lambda e: (STAGES.index(e[0]), STAGES.index(e[1]))):
        lines.append(f"    {a} --> {b}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(mermaid(), end="")

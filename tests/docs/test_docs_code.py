"""Code shown in docs/ is code a test runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"
BLOCKS = [
    pytest.param(code, id=f"{path.stem}-{i}")
    for path in sorted(DOCS.glob("*.md"))
    for i, code in enumerate(re.findall(r"```python\n(.*?)```", path.read_text(), flags=re.S))
]


def test_docs_have_code():
    assert BLOCKS


@pytest.mark.parametrize("code", BLOCKS)
def test_docs_code_runs(code, tmp_path, monkeypatch):
    monkeypatch.chdir(DOCS.parent)  # docs refer to paths from the repository root
    exec(compile(code, "<docs>", "exec"), {"OUTPUT_DIR": tmp_path / "out"})


# Shell blocks: every `python -m trades ...` line is run in a scratch folder where `studies/` is
# the repository's (installation lines are CI's job: it runs the README's own commands).
COMMANDS = [
    pytest.param(line.strip(), id=f"{path.stem}-{line.split()[3] if len(line.split()) > 3 else 'cmd'}")
    for path in sorted(DOCS.glob("*.md"))
    for block in re.findall(r"```bash\n(.*?)```", path.read_text(), flags=re.S)
    for line in block.splitlines()
    if line.strip().startswith("python -m trades ")
]


@pytest.mark.parametrize("command", COMMANDS)
def test_docs_commands_run(command, tmp_path):
    import shlex
    import subprocess
    import sys

    (tmp_path / "studies").symlink_to(DOCS.parent / "studies")
    result = subprocess.run([sys.executable, *shlex.split(command)[1:]], cwd=tmp_path, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stderr

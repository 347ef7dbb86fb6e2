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
    """Each block runs as a reader pastes it into a fresh Python or Jupyter session started in a
    checkout: nothing defined beforehand (a block once relied on a name only this test gave it),
    run where `studies/` is the repository's, writing into a scratch folder."""
    (tmp_path / "studies").symlink_to(DOCS.parent / "studies")
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "<docs>", "exec"), {"__name__": "__main__"})


# Shell blocks: the `python -m trades ...` lines of a block run in order in one scratch folder where
# `studies/` is the repository's (a later line may read what an earlier one wrote; installation
# lines are CI's job: it runs the README's own commands).
BASH_BLOCKS = [
    [line.strip() for line in block.splitlines() if line.strip().startswith("python -m trades ")]
    for path in sorted(DOCS.glob("*.md"))
    for block in re.findall(r"```bash\n(.*?)```", path.read_text(), flags=re.S)
]
COMMANDS = [pytest.param(lines, id=" ; ".join(" ".join(line.split()[3:5]) for line in lines)) for lines in BASH_BLOCKS if lines]


@pytest.mark.parametrize("commands", COMMANDS)
def test_docs_commands_run(commands, tmp_path):
    import shlex
    import subprocess
    import sys

    (tmp_path / "studies").symlink_to(DOCS.parent / "studies")
    for command in commands:
        result = subprocess.run([sys.executable, *shlex.split(command)[1:]], cwd=tmp_path, capture_output=True,
                                text=True, timeout=600)
        assert result.returncode == 0, (command, result.stderr)

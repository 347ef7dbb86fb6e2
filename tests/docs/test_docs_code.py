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

"""Sources a reader can follow.

1. No tracked file cites the project's internal research compilation (the ``refdata`` file under
   ``shared/reference``): users of the toolkit do not have it, so a citation must name the source
   itself (author, title, report number, table or page). This file is the one exception, as it
   has to spell the forbidden words.
2. Every ``source`` field of every packaged catalog is a non-empty string, so that no number can
   pass the "every number has a source" check with an empty or blank source.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from trades.study.catalog import CATALOG_FILES, _read

ROOT = Path(__file__).resolve().parents[1]
THIS_FILE = Path(__file__).resolve().relative_to(ROOT).as_posix()
FORBIDDEN = ("refdata", "shared/reference")


def _tracked_files() -> list[str]:
    try:
        out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as exc:  # not a git checkout (e.g. an sdist)
        pytest.skip(f"git ls-files unavailable: {exc}")
    return [name for name in out.decode("utf-8").split("\0") if name]


def _mentions(data: bytes) -> list[str]:
    text = data.decode("utf-8", errors="replace").lower()
    return [word for word in FORBIDDEN if word in text]


def test_no_tracked_file_cites_the_internal_reference_compilation():
    files = _tracked_files()
    offenders = []
    for name in files:
        if name == THIS_FILE:
            continue
        path = ROOT / name
        if not path.is_file():  # deleted in the work tree, or a submodule
            continue
        found = _mentions(path.read_bytes())
        if found:
            offenders.append(f"{name}: {', '.join(found)}")
    assert offenders == [], "cite the source itself, not the internal compilation:\n" + "\n".join(offenders)


def test_the_check_sees_a_mention():
    """The scan is not vacuous: either word, in any case, inside a longer text, is found."""
    assert _mentions(b"source: 'X, via refdata.yaml (amcm)'") == ["refdata"]
    assert _mentions(b"see /work/Shared/Reference/ for it") == ["shared/reference"]
    assert _mentions("latin-1 caf\xe9 RefData".encode("latin-1")) == ["refdata"]
    assert _mentions(b"NASA/TM-2010-216764, Table 5") == []


def _sources(node, path=""):
    """(path, value) of every ``source`` key in a catalog, at any depth."""
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{path}.{key}" if path else str(key)
            if key == "source":
                yield here, value
            else:
                yield from _sources(value, here)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _sources(value, f"{path}[{i}]")


@pytest.mark.parametrize("name", sorted(CATALOG_FILES))
def test_every_catalog_source_is_a_non_empty_string(name):
    found = list(_sources(_read(name)))
    assert found, f"{name}: no source fields at all"
    bad = [path for path, value in found if not isinstance(value, str) or not value.strip()]
    assert bad == [], f"{name}: empty or non-text source at {bad}"


def test_every_catalog_file_is_checked():
    """All catalog files shipped in the package are in CATALOG_FILES, so the test above sees them all."""
    shipped = {p.name for p in (ROOT / "trades" / "catalogs").glob("*.yaml")}
    assert shipped == {filename for filename, _ in CATALOG_FILES.values()}


def test_the_source_check_sees_an_empty_source():
    data = yaml.safe_load("a: {value: 1, source: ''}\nb: [{value: 2, source: '  '}]\nc: {value: 3, source: null}\nd: {value: 4, source: ok}\n")
    assert [(p, v) for p, v in _sources(data) if not isinstance(v, str) or not v.strip()] == [
        ("a.source", ""), ("b[0].source", "  "), ("c.source", None)]

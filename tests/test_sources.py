"""Sources a reader can follow.

1. No tracked file cites the project's internal research compilation (the ``refdata`` file under
   ``shared/reference``): users of the toolkit do not have it, so a citation must name the source
   itself (author, title, report number, table or page). This file is the one exception, as it
   has to spell the forbidden words.
2. Every ``source`` field of every packaged catalog is a non-empty string, so that no number can
   pass the "every number has a source" check with an empty or blank source.
"""

from __future__ import annotations

import functools
import re
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


# 3. No default rests on a wiki mirror, an AI encyclopedia or memory (issue 18, item 6): a `source`
#    that names one is allowed only on a value marked `verified: false` whose note names the primary
#    source that would settle it ("... NASA SP-2000-4029, LM weights table, would settle it"), so
#    that every such value says where its replacement is to be read.
SECONDARY = re.compile(
    r"wiki|pedia|grokipedia|infogalactic|kiwix|theinfolist|piglix|everything\.explained|knowledge graph"
    r"|memory|rough estimate|encyclop", re.IGNORECASE)
WOULD_SETTLE = re.compile(r"\bwould settle\b", re.IGNORECASE)


def _names_what_would_settle_it(note: str) -> bool:
    """The note says which source would settle the value: 'would settle' preceded, in the same
    note, by a name (a capitalised word or a report number) within 250 characters."""
    for match in WOULD_SETTLE.finditer(note):
        before = note[max(0, match.start() - 250):match.start()]
        if re.search(r"[A-Z][A-Za-z]|\d{3,}", before):
            return True
    return False


def _parent(data, path: str) -> dict:
    node = data
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", path)[:-1]:
        node = node[int(part[1:-1])] if part.startswith("[") else node[part]
    return node


def _secondary_without_flag(name: str, data) -> list[str]:
    bad = []
    for path, source in _sources(data):
        if isinstance(source, str) and SECONDARY.search(source):
            entry = _parent(data, path)
            if entry.get("verified") is not False:
                bad.append(f"{name}: {path}: not marked verified: false: {source[:100]}")
            elif not _names_what_would_settle_it(str(entry.get("note") or "")):
                bad.append(f"{name}: {path}: the note does not name the source that would settle it: {source[:100]}")
    return bad


@pytest.mark.parametrize("name", sorted(CATALOG_FILES))
def test_no_default_rests_on_a_wiki_an_ai_encyclopedia_or_memory_without_its_primary_source(name):
    bad = _secondary_without_flag(name, _read(name))
    assert bad == [], ("cite the primary source, or mark the value verified: false with a note saying what is "
                       "unverified and which primary source would settle it ('<source> would settle it'):\n"
                       + "\n".join(bad))


def test_the_secondary_source_check_sees_an_offender():
    data = yaml.safe_load(
        "a: {value: 1, source: 'Wikipedia (de) infobox', verified: true}\n"
        "b: {value: 2, source: 'compiler''s estimate from memory', verified: false}\n"
        "c: {value: 3, source: 'Grokipedia page', verified: false, note: 'no primary source found; NASA/TP-x would settle it'}\n"
        "d: {value: 4, source: 'NASA/TM-2010-216764, Table 5', verified: true}\n"
        "e: [{value: 5, source: 'Infogalactic infobox', verified: true, note: 'x'}]\n"
        "f: {value: 6, source: 'HandWiki infobox', verified: false, note: 'UNVERIFIED: not read in a primary source'}\n"
        "g: {value: 7, source: 'piglix.com copy', verified: false, note: 'searched; would settle it'}\n"
        "h: {value: 8, source: 'everything.explained.today copy', verified: false, note: 'Orloff, NASA SP-2000-4029, p. 276 would settle it'}\n")
    assert [line.split(": ")[1] for line in _secondary_without_flag("x", data)] == [
        "a.source", "b.source", "e[0].source", "f.source", "g.source"]
    assert "not marked verified: false" in _secondary_without_flag("x", data)[0]
    assert "would settle it" in _secondary_without_flag("x", data)[1]


STUDY_SECONDARY = re.compile(
    r"wiki|pedia|infogalactic|kiwix|theinfolist|piglix|everything\.explained|knowledge graph"
    r"|from memory|compiler's memory|rough estimate|encyclop", re.IGNORECASE)


def _study_texts_without_settling_source(data) -> list[str]:
    """The input sources and reference citations of a study that name a wiki, an encyclopedia or
    memory without naming the primary source that would settle the figure."""
    texts = [(f"input_sources.{key}", value) for key, value in (data.get("input_sources") or {}).items()]
    texts += [(f"references.{ref.get('id')}", ref.get("citation")) for ref in data.get("references") or []]
    return [where for where, text in texts
            if isinstance(text, str) and STUDY_SECONDARY.search(text) and not _names_what_would_settle_it(text)]


@pytest.mark.parametrize("path", sorted((ROOT / "studies").glob("*.yaml")), ids=lambda p: p.stem)
def test_a_shipped_study_citing_a_wiki_or_memory_names_the_source_that_would_settle_it(path):
    bad = _study_texts_without_settling_source(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert bad == [], f"{path.name}: name the primary source that would settle it ('<source> would settle it'): {bad}"


def test_the_study_check_sees_an_offender():
    data = {"input_sources": {"a": "from memory: UNVERIFIED", "b": "Florida Memory archive (State Archives of Florida)",
                              "c": "Wikipedia infobox; NASA SP-4029 would settle it"},
            "references": [{"id": "r", "citation": "Wikipedia 'Apollo 17'"}, {"id": "s", "citation": "NASA/TM-2010-216764"}]}
    assert _study_texts_without_settling_source(data) == ["input_sources.a", "references.r"]


# 4. The unverified defaults each shipped study uses, computed from the provenance a run writes:
#    every model input whose catalog value is `verified: false`, with the catalog's reason.
STUDY_FILES = sorted((ROOT / "studies").glob("*.yaml"))


@functools.lru_cache(maxsize=1)
def _unverified_catalog_sources() -> tuple[set[str], set[str]]:
    """Sources of the sourced mappings marked verified: false, and of those marked true, in every catalog."""
    false, true = set(), set()
    for name in CATALOG_FILES:
        data = _read(name)
        for path, source in _sources(data):
            entry = _parent(data, path)
            if isinstance(entry, dict) and "verified" in entry:
                (false if entry["verified"] is False else true).add(source)
    return false, true


def _study_provenance(path: Path) -> dict:
    from trades.analyses.run import _provenance
    from trades.architecture.resolve import resolve
    from trades.study import load_study

    study = load_study(path)
    return _provenance(resolve(study, str(path)), study, path)


@pytest.mark.parametrize("path", STUDY_FILES, ids=lambda p: p.stem)
def test_each_shipped_study_lists_its_unverified_defaults(path):
    """The list is what the catalogs say: an input is listed exactly when a catalog value it is
    computed from is marked verified: false (found here by its source text, independently of the
    flags the run carries), and each listed value says why it is unverified."""
    from trades.outputs.unverified import unverified_defaults

    provenance = _study_provenance(path)
    rows = unverified_defaults(provenance)
    print(f"\n{path.name}: {sum(len(r['inputs']) for r in rows)} model inputs, {len(rows)} unverified defaults")
    for r in rows:
        print(f"  {', '.join(r['inputs'])} = {r['value']} {r['units']}: {r['why'][:160]}")
    false, _ = _unverified_catalog_sources()
    listed = {name for r in rows for name in r["inputs"]}
    catalog_inputs = [i for i in provenance["model_inputs"] if i["verified"] is not None]
    expected = {i["name"] for i in catalog_inputs if any(s in i["source"] for s in false)}
    assert listed == expected, f"listed but verified in the catalog: {listed - expected}; unverified but not listed: {expected - listed}"
    from trades.architecture.description import NO_REASON

    assert [r["inputs"] for r in rows if not r["why"].strip() or r["why"] in ("no reason recorded", NO_REASON)] == []


def test_the_run_writes_the_list_and_the_report_shows_it(tmp_path, capsys):
    """`trades run` prints the count and writes the inputs' flags and notes to provenance.json; the
    HTML report lists every unverified default in its own section, with the reason."""
    import html
    import json

    from trades.cli import main
    from trades.outputs.unverified import unverified_defaults

    study = ROOT / "studies" / "lunar_south_pole_outpost.yaml"
    assert main(["run", str(study), "--output-dir", str(tmp_path)]) == 0
    printed = capsys.readouterr()
    provenance = json.loads((tmp_path / "provenance.json").read_text())
    rows = unverified_defaults(provenance)
    count = sum(len(r["inputs"]) for r in rows)
    assert rows and f"{count} model inputs" in printed.out + printed.err
    assert rows == unverified_defaults(_study_provenance(study))
    assert main(["report", str(tmp_path)]) == 0
    text = (tmp_path / "report.html").read_text()
    section = text[text.index("id='unverified-defaults'"):text.index("Inputs and their sources")]
    assert f"{count} model inputs take {len(rows)} catalog values" in section
    for r in rows:
        assert html.escape(", ".join(r["inputs"])) in section and html.escape(r["why"]) in section


def test_the_list_groups_a_value_set_on_several_inputs():
    from trades.outputs.unverified import unverified_defaults

    provenance = {"model_inputs": [
        {"name": "a.stage0.x", "value": 0.2, "units": "unitless", "source": "S", "verified": False, "note": "why"},
        {"name": "a.stage1.x", "value": 0.2, "units": "unitless", "source": "S", "verified": False, "note": "why"},
        {"name": "b", "value": 1.0, "units": "kg", "source": "T", "verified": True, "note": None},
        {"name": "c", "value": 2.0, "units": "kg", "source": "study file", "verified": None, "note": None},
        {"name": "d", "value": 3.0, "units": "kg", "source": "U", "verified": False, "note": None}]}
    assert unverified_defaults(provenance) == [
        {"inputs": ["a.stage0.x", "a.stage1.x"], "value": 0.2, "units": "unitless", "source": "S", "why": "why"},
        {"inputs": ["d"], "value": 3.0, "units": "kg", "source": "U", "why": "no reason recorded"}]

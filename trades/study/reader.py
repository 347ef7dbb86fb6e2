"""Reading the files a user names: regular files of bounded size only, YAML with YAML 1.2
core-schema scalars and no duplicate keys, bounded aliases and depth, each key's line, and
pydantic's errors turned into one line per problem naming the file, the key path and the line."""

from __future__ import annotations

import difflib
import os
import re
import reprlib
import stat
import types
import typing
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from trades.errors import StudyError, StudyErrors

MAX_STUDY_BYTES = 2_000_000  # a study is a hand-edited text file; anything larger is a mistake



MAX_EXPANDED_NODES = 100_000  # YAML aliases may not expand a study beyond this many nodes
MAX_DEPTH = 40  # nesting deeper than this is not a study


class _YamlProblem(Exception):
    def __init__(self, reason: str, line: int | None = None, key: str | None = None, path: tuple | None = None):
        super().__init__(reason)
        self.reason, self.line, self.key, self.path = reason, line, key, path


_INT, _FLOAT, _BOOL, _MERGE = (f"tag:yaml.org,2002:{name}" for name in ("int", "float", "bool", "merge"))
_AMBIGUOUS_INT = "tag:trades,2026:ambiguous-int"  # 017: octal 15 in YAML 1.1, 17 in YAML 1.2


MAX_NUMBER_CHARACTERS = 100  # far beyond any number a study takes; Python refuses int() past 4300 digits


def _too_long(text: str) -> str:
    return f"a number written with {len(text)} characters; a study's numbers need at most {MAX_NUMBER_CHARACTERS}"


def _ambiguous_int_reason(text: str) -> str:
    if len(text) > MAX_NUMBER_CHARACTERS:
        return _too_long(text)
    decimal = int(text, 10)
    if set(text.lstrip("+-")) <= set("01234567"):
        octal = int(text, 8)
        return (f"{text} has a leading zero: YAML 1.1 reads it as octal {octal}, YAML 1.2 as {decimal}; write {decimal}"
                + (f", or 0o{octal:o} for octal" if octal >= 0 else "") + " (or quote it if it is text)")
    return f"{text} has a leading zero: YAML 1.2 reads it as {decimal}, YAML 1.1 as text; write {decimal} (or quote it if it is text)"


class _StudyLoader(yaml.SafeLoader):
    """Safe loading with YAML 1.2 core-schema scalars that refuses duplicate keys and keys that
    are not text.

    PyYAML implements YAML 1.1, where ``017`` is octal 15, ``1:30`` is 90 (base 60) and ``yes``
    is true. A study is read with the YAML 1.2 core schema instead (the YAML of today's editors
    and of most other tools): integers are decimal, ``0o`` octal or ``0x`` hexadecimal; floats
    need no dot (``1e6``); booleans are ``true`` and ``false`` only; anything else is text, which
    a number field then refuses with its name. A decimal integer with a leading zero is refused
    outright: the two versions read it as different numbers and the author's meaning is unclear.
    """

    def construct_mapping(self, node, deep=False):
        # a key given in the mapping itself may override one merged in with `<<: *anchor` (the
        # merge-key semantics); two explicit keys with one name are a mistake
        explicit = {id(key_node) for key_node, _ in node.value if key_node.tag != _MERGE}
        self.flatten_mapping(node)
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if not isinstance(key, str):
                raise _YamlProblem(f"key {key!r} is not text (keys should be strings)", line, str(key))
            if id(key_node) not in explicit:
                continue
            if key in seen:
                raise _YamlProblem(f"duplicate key '{key}' (the first one would be silently lost)", line, key)
            seen.add(key)
        return super().construct_mapping(node, deep)

    def construct_yaml_int(self, node):
        text = self.construct_scalar(node)
        if len(text) > MAX_NUMBER_CHARACTERS:
            raise _YamlProblem(_too_long(text), node.start_mark.line + 1)
        return int(text, 0)  # 17, -17, 0o17, 0x1F (the resolver admits no other form)

    def construct_ambiguous_int(self, node):
        raise _YamlProblem(_ambiguous_int_reason(node.value), node.start_mark.line + 1)


# The YAML 1.2 core schema's resolution of plain scalars (yaml.org/spec/1.2.2, section 10.3.2) in
# place of PyYAML's YAML 1.1 rules for int, float and bool; null, timestamps and merge keys stay.
_StudyLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in (_INT, _FLOAT, _BOOL)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StudyLoader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_StudyLoader.add_implicit_resolver(_AMBIGUOUS_INT, re.compile(r"^[-+]?0[0-9]+$"), list("-+0"))  # before int
_StudyLoader.add_implicit_resolver(_INT, re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), list("-+0123456789"))
_StudyLoader.add_implicit_resolver(
    _FLOAT,
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+.0123456789"),
)
_StudyLoader.add_constructor(_INT, _StudyLoader.construct_yaml_int)
_StudyLoader.add_constructor(_AMBIGUOUS_INT, _StudyLoader.construct_ambiguous_int)


def _check_numbers(node: yaml.Node, path: tuple = (), seen: set | None = None) -> None:
    """Refuse, with its key path, a plain scalar that YAML 1.1 and 1.2 read as different numbers."""
    seen = set() if seen is None else seen
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, yaml.ScalarNode) and node.tag == _AMBIGUOUS_INT:
        raise _YamlProblem(_ambiguous_int_reason(node.value), node.start_mark.line + 1, path=path)
    if isinstance(node, yaml.ScalarNode) and node.tag == _INT and len(node.value) > MAX_NUMBER_CHARACTERS:
        raise _YamlProblem(_too_long(node.value), node.start_mark.line + 1, path=path)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            _check_numbers(key_node, path, seen)
            _check_numbers(value_node, path + (key_node.value,), seen)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _check_numbers(item, path + (i,), seen)


def _check_size(node: yaml.Node) -> None:
    """Refuse alias bombs and absurd nesting before anything walks the data."""
    memo: dict[int, int] = {}

    def size(n: yaml.Node, depth: int) -> int:
        if depth > MAX_DEPTH:
            raise _YamlProblem(f"nesting deeper than {MAX_DEPTH} levels", n.start_mark.line + 1)
        if id(n) in memo:
            return memo[id(n)]
        if isinstance(n, yaml.MappingNode):
            total = 1 + sum(size(k, depth + 1) + size(v, depth + 1) for k, v in n.value)
        elif isinstance(n, yaml.SequenceNode):
            total = 1 + sum(size(item, depth + 1) for item in n.value)
        else:
            total = 1
        memo[id(n)] = total
        if total > MAX_EXPANDED_NODES:
            raise _YamlProblem(f"YAML aliases expand the study to more than {MAX_EXPANDED_NODES} values")
        return total

    size(node, 0)


def _line_index(node: yaml.Node, path: tuple = (), index: dict | None = None, seen: set | None = None) -> dict:
    """Map each key path in a composed YAML tree to its 1-based line (aliases walked once)."""
    index = {} if index is None else index
    seen = set() if seen is None else seen
    index.setdefault(path, node.start_mark.line + 1)
    if id(node) in seen:
        return index
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            _line_index(value_node, path + (key,), index, seen)
            index[path + (key,)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _line_index(item, path + (i,), index, seen)
    return index


def _path_at(lines: dict, line: int | None, key: str | None) -> str:
    for path, at in lines.items():
        if at == line and path and str(path[-1]) == key:
            return format_path(path)
    return key or ""


def format_path(loc: tuple) -> str:
    """('partners', 2, 'budget_cap_musd') -> 'partners[2].budget_cap_musd'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _short(value: Any) -> str:
    return reprlib.repr(value)  # bounded: never walks a huge value


def did_you_mean(word: str, choices) -> str:
    """'; did you mean 'x'?' for a near miss among ``choices`` (a typo such as stay_day or
    falcon_9), else ''."""
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.75)
    return f"; did you mean '{close[0]}'?" if close else ""


def _keys_at(model, loc: tuple) -> list[str]:
    """The keys a pydantic model allows at ``loc`` (descending through models, lists, dicts and
    optional fields), or [] where it cannot tell."""
    kind = model
    for part in loc:
        kind = _unwrapped(kind, list_item=isinstance(part, int))
        if isinstance(part, int):
            continue
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            if part not in kind.model_fields:
                return []
            kind = kind.model_fields[part].annotation
        elif typing.get_origin(kind) is dict:
            kind = typing.get_args(kind)[1]
        else:
            return []
    kind = _unwrapped(kind, list_item=False)
    return list(kind.model_fields) if isinstance(kind, type) and issubclass(kind, BaseModel) else []


def _unwrapped(kind, list_item: bool):
    while True:
        origin, args = typing.get_origin(kind), typing.get_args(kind)
        if origin is typing.Annotated:
            kind = args[0]
        elif origin in (typing.Union, types.UnionType):
            inner = [a for a in args if a is not type(None)]
            kind = next((a for a in inner if typing.get_origin(a) in (list, dict) or (isinstance(a, type) and issubclass(a, BaseModel))), inner[0])
        elif origin is list and list_item:
            kind, list_item = args[0], False
        else:
            return kind


def _pydantic_errors(file: str, exc: ValidationError, lines: dict, schema: str = "the study schema; see `trades schema`",
                     model=None) -> StudyErrors:
    errors = []
    for err in exc.errors():
        # pydantic adds the validator name for model validators; keep only real key parts
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        line = None
        for cut in range(len(loc), -1, -1):
            if loc[:cut] in lines:
                line = lines[loc[:cut]]
                break
        kind = err["type"]
        msg = err["msg"].removeprefix("Value error, ")
        if kind == "extra_forbidden":
            hint = did_you_mean(loc[-1], _keys_at(model, loc[:-1])) if model is not None else ""
            reason = f"unknown key '{loc[-1]}' (not part of {schema}){hint}"
        elif kind == "missing":
            reason = "required field is missing"
        else:
            reason = f"{msg} (got {_short(err.get('input'))})" if "input" in err and kind != "value_error" else msg
            reason += _yaml11_hint(err.get("input"), kind)
        errors.append(StudyError(file, format_path(loc), reason, line))
    return StudyErrors(errors)


# Plain scalars that YAML 1.1 read as numbers or booleans and the YAML 1.2 core schema reads as text
_YAML11_NUMBER = re.compile(r"[-+]?(?:[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|[0-9]+(?:_[0-9]*)+(?:\.[0-9_]*)?|0b[01_]+)")
_YAML11_BOOL = {"yes", "no", "on", "off", "y", "n"}


def _yaml11_hint(bad: Any, kind: str) -> str:
    """Why a text value where a number or boolean belongs may have been meant as one."""
    if not isinstance(bad, str):
        return ""
    if kind == "bool_type" and bad.lower() in _YAML11_BOOL:
        return "; studies are read as YAML 1.2, where booleans are true and false only"
    if _YAML11_NUMBER.fullmatch(bad.strip()):
        return f"; studies are read as YAML 1.2, where {bad} is text, not a number (YAML 1.1 read base-60, binary and digit-grouped numbers): write a plain number"
    return ""


def parse_yaml_mapping(text: str, file: str, what: str = "a study", empty: str = "a study needs at least 'name' and 'partners'") -> tuple[dict, dict]:
    """Safe YAML text (no duplicate keys, bounded size, aliases and depth) that must be a mapping;
    returns it and the line of each key path. Errors name ``file``."""
    try:
        node = yaml.compose(text, Loader=_StudyLoader)
        if node is not None:
            _check_size(node)
            _check_numbers(node)
        data = yaml.load(text, Loader=_StudyLoader)  # noqa: S506 - a SafeLoader subclass
    except _YamlProblem as exc:
        if exc.path is not None:
            field = format_path(exc.path)
        else:
            field = _path_at(_line_index(node) if exc.key is not None else {}, exc.line, exc.key)
        raise StudyErrors([StudyError(file, field, exc.reason, exc.line)]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise StudyErrors([StudyError(file, "", f"YAML syntax error: {problem}", line)]) from None
    except RecursionError:
        raise StudyErrors([StudyError(file, "", f"nesting deeper than {MAX_DEPTH} levels")]) from None
    if data is None:
        raise StudyErrors([StudyError(file, "", f"the file is empty; {empty}")])
    if not isinstance(data, dict):
        raise StudyErrors(
            [StudyError(file, "", f"{what} must be a YAML mapping of keys, not a {type(data).__name__}", 1)]
        )
    return data, _line_index(node)


def read_file_bytes(path: str | Path, what: str) -> bytes:
    """The bytes of a regular file the user names, at most MAX_STUDY_BYTES; every failure is a
    :class:`StudyErrors` naming the file.

    Only a regular file is read: a FIFO would block forever and a device (``/dev/zero``) never
    ends, so anything else, or a symlink to it, is refused before it is opened.
    """
    name = str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise StudyErrors([StudyError(name, "", "file not found")]) from None
    except OSError as exc:
        raise StudyErrors([StudyError(name, "", f"cannot read it ({exc.strerror})")]) from None
    if stat.S_ISDIR(info.st_mode):
        raise StudyErrors([StudyError(name, "", f"is a directory, not {what}")])
    if not stat.S_ISREG(info.st_mode):
        raise StudyErrors([StudyError(name, "", f"is not a regular file (a device, pipe or socket), not {what}")])
    if info.st_size > MAX_STUDY_BYTES:
        raise StudyErrors([StudyError(name, "", f"file is {info.st_size} bytes; {what} may be at most {MAX_STUDY_BYTES}")])
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_STUDY_BYTES + 1)  # bounded even if the file grows after the check
    except OSError as exc:
        raise StudyErrors([StudyError(name, "", f"cannot read it ({exc.strerror})")]) from None
    if len(raw) > MAX_STUDY_BYTES:
        raise StudyErrors([StudyError(name, "", f"file is over {MAX_STUDY_BYTES} bytes; {what} may be at most {MAX_STUDY_BYTES}")])
    return raw


def decode_text(raw: bytes, name: str, what: str) -> str:
    """UTF-8 text without NUL bytes, or a :class:`StudyErrors` naming the file."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise StudyErrors(
            [StudyError(name, "", f"not a UTF-8 text file (undecodable byte at offset {exc.start})")]
        ) from None
    if "\x00" in text:
        raise StudyErrors([StudyError(name, "", f"contains NUL bytes: binary data, not {what} in YAML")])
    return text


def read_text_file(path: str | Path, what: str) -> str:
    """The text of a regular file the user names (at most MAX_STUDY_BYTES of UTF-8, no NUL bytes);
    every failure is a :class:`StudyErrors` naming the file."""
    return decode_text(read_file_bytes(path, what), str(path), what)

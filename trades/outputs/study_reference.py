"""The study-file reference in Markdown, generated from the schema so it cannot drift.

``trades schema --markdown`` prints it; ``docs/study_reference.md`` is its output, and a test
checks that the file equals what the schema generates now.
"""

from __future__ import annotations

import typing

from pydantic import BaseModel

from trades.study.schema import Study


def _type_name(annotation) -> str:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Literal:
        return "one of " + ", ".join(repr(a) for a in args)  # a "|" would split the Markdown table's cell
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        return " or ".join(_type_name(a) for a in args)
    if origin in (list, tuple):
        return f"list of {_type_name(args[0])}" if args else "list"
    if origin is dict:
        return f"mapping {_type_name(args[0])} -> {_type_name(args[1])}" if args else "mapping"
    if origin is typing.Annotated:
        return _type_name(args[0])
    if annotation is type(None):
        return "null"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
    return getattr(annotation, "__name__", str(annotation))


def _limits(info) -> str:
    parts = []
    for meta in info.metadata:
        for name, symbol in (("gt", ">"), ("ge", ">="), ("lt", "<"), ("le", "<=")):
            value = getattr(meta, name, None)
            if value is not None:
                parts.append(f"{symbol} {value}")
    return ", ".join(parts)


def _models(model: type[BaseModel], seen: list) -> list:
    if model in seen:
        return seen
    seen.append(model)
    for info in model.model_fields.values():
        stack = [info.annotation]
        while stack:
            annotation = stack.pop()
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                _models(annotation, seen)
            stack.extend(typing.get_args(annotation))
    return seen


def markdown_reference() -> str:
    """The reference: one table per section of a study file, then of an integrated-architecture
    file (``trades integrated``)."""
    from trades.analyses.integrated_spec import IntegratedArchitecture

    lines = [
        "# Study file reference",
        "",
        "Generated from the schema by `trades schema --markdown`; do not edit by hand. Unknown keys are",
        "errors. A field without a default is required.",
        "",
    ]
    seen = _models(Study, [])
    lines += _tables(seen)
    lines += [
        "# Integrated-architecture file reference",
        "",
        "`trades integrated FILE`: several study files as one architecture with one budget envelope per",
        "partner (sections already described above are not repeated).",
        "",
    ]
    lines += _tables([m for m in _models(IntegratedArchitecture, []) if m not in seen])
    return "\n".join(lines)


def _tables(models: list) -> list[str]:
    lines = []
    for model in models:
        lines += [f"## {model.__name__}", "", (model.__doc__ or "").strip().splitlines()[0], ""]
        lines += ["| key | type | default | limits | meaning |", "| --- | --- | --- | --- | --- |"]
        for name, info in model.model_fields.items():
            if info.is_required():
                default = "required"
            elif info.default_factory is not None:
                made = info.default_factory()
                default = "(section defaults)" if isinstance(made, BaseModel) else f"`{made!r}`"
            else:
                default = f"`{info.default!r}`"
            description = info.description
            if not description and isinstance(info.annotation, type) and issubclass(info.annotation, BaseModel):
                description = (info.annotation.__doc__ or "").strip().splitlines()[0]
            description = (description or "").replace("|", "/")
            lines.append(f"| `{name}` | {_type_name(info.annotation)} | {default} | {_limits(info)} | {description} |")
        lines.append("")
    return lines

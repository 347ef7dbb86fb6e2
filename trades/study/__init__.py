"""Stage 1, the study: the study-file schema and its hardened reader, the catalogs and money.

The names a user needs are here (``from trades.study import load_study``); the modules hold the rest:
:mod:`~trades.study.schema` (the study and its rules), :mod:`~trades.study.sections` (its
sections), :mod:`~trades.study.reader` (files and YAML), :mod:`~trades.study.catalog`,
:mod:`~trades.study.money`.
"""

from trades.study.reader import MAX_STUDY_BYTES, format_path, parse_yaml_mapping, read_text_file
from trades.study.schema import Study, json_schema, load_study, parse_study_text
from trades.study.sections import Launch, Sensitivity, SourcedOverride

__all__ = ["MAX_STUDY_BYTES", "Launch", "Sensitivity", "SourcedOverride", "Study", "format_path", "json_schema", "load_study",
           "parse_study_text", "parse_yaml_mapping", "read_text_file"]

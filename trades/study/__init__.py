"""Stage 1, the study: the study-file schema and its hardened YAML reader, the catalogs and money.

The names a user needs are here (``from trades.study import load_study``); the modules hold the rest.
"""

from trades.study.schema import (
    MAX_STUDY_BYTES, Launch, Sensitivity, SourcedOverride, Study, format_path, json_schema, load_study, parse_study_text,
    parse_yaml_mapping, read_text_file,
)

__all__ = ["MAX_STUDY_BYTES", "Launch", "Sensitivity", "SourcedOverride", "Study", "format_path", "json_schema", "load_study",
           "parse_study_text", "parse_yaml_mapping", "read_text_file"]

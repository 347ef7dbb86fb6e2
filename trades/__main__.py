"""``python -m trades``: the same command line as ``trades``."""

from trades.cli import entry_point

entry_point()

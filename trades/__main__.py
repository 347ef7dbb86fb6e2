"""``python -m trades``: the same command line as ``trades``."""

import sys

from trades.cli import main

sys.exit(main())

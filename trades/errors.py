"""The toolkit's own errors and the exit codes the CLI maps them to.

Exit codes (documented in the README):

====  =========================================================
0     success
1     internal error (a bug: please report it with the message)
2     bad input: a study file, catalog override or argument is invalid
3     infeasible: the architecture cannot be closed as specified
4     interrupted: the run was stopped; what was kept is reported
====  =========================================================
"""

from __future__ import annotations

from trades.escape import safe_text

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_BAD_INPUT = 2
EXIT_INFEASIBLE = 3
EXIT_INTERRUPTED = 4


class TradesError(Exception):
    """Base class of every error the toolkit reports to the user as one clear line."""

    exit_code = EXIT_INTERNAL

    def __str__(self) -> str:
        # messages quote paths and study text: no control character (not even a newline, which
        # could start a forged line) may reach the terminal raw
        return safe_text(super().__str__())


class StudyError(TradesError):
    """A study file (or an argument standing for one) is invalid.

    Parameters
    ----------
    file : str
        Path of the offending file, as the user gave it.
    field : str
        Key path inside the file, e.g. ``partners[2].budget_cap_musd``; empty for the whole file.
    reason : str
        What is wrong and what is allowed.
    line : int or None
        1-based YAML line of the field, where known.
    """

    exit_code = EXIT_BAD_INPUT

    def __init__(self, file: str, field: str, reason: str, line: int | None = None):
        self.file = str(file)
        self.field = field
        self.reason = reason
        self.line = line
        super().__init__(self.one_line())

    def one_line(self) -> str:
        """``FILE[:LINE]: FIELD: REASON`` on one line: a newline, carriage return or escape
        sequence from the file (in a path, key or quoted value) is shown escaped, so that it
        cannot forge another line or restyle the terminal."""
        where = safe_text(self.file) if self.line is None else f"{safe_text(self.file)}:{self.line}"
        field = f" {safe_text(self.field)}:" if self.field else ""
        return f"{where}:{field} {safe_text(self.reason)}"


class StudyErrors(TradesError):
    """Several validation errors in one file; each prints as its own line."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, errors: list[StudyError]):
        self.errors = errors
        super().__init__("\n".join(e.one_line() for e in errors))

    def __str__(self) -> str:
        return "\n".join(e.one_line() for e in self.errors)  # one line per error, each escaped on its own


class InfeasibleError(TradesError):
    """The architecture cannot be closed: names what cannot be met and by how much."""

    exit_code = EXIT_INFEASIBLE


class BrokenRulesError(InfeasibleError):
    """A design was evaluated and its outputs written, but it breaks rules (a budget cap, a flight
    rate): exit 3. ``summary`` and ``output_dir`` let the command show the design's tables."""

    def __init__(self, lines: list[str], summary: dict, output_dir):
        super().__init__("\n".join(lines))
        self.lines, self.summary, self.output_dir = lines, summary, output_dir

    def __str__(self) -> str:
        # a short list, one rule a line: each line escaped on its own, the newlines are ours
        return "\n".join(safe_text(line) for line in self.lines)


class OutputDirError(TradesError):
    """The output folder cannot be used (it is a file, or not writable): bad input, exit 2."""

    exit_code = EXIT_BAD_INPUT

"""Text that came from a file, made safe for where it goes: a terminal or a CSV cell.

Study files, output folders and paths are untrusted: a partner id or a study name may hold a
carriage return, an ANSI escape sequence or a spreadsheet formula. (HTML is escaped with
:func:`html.escape` where pages are written.)
"""

from __future__ import annotations

import re

# C0 and C1 controls and DEL (carriage return, ESC sequences, backspace, bell ...), Unicode line
# and paragraph separators, and the bidirectional overrides that reorder what a terminal shows
# ("Trojan Source"). A multi-line text keeps its newlines and tabs.
_INVISIBLE = "\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE_IN_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{_INVISIBLE}]")
_UNSAFE_IN_TEXT = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_INVISIBLE}]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(match: re.Match) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def safe_text(text: object, multiline: bool = False) -> str:
    """``text`` with every character that could move the cursor or restyle a terminal written
    out as a visible escape (``\\r``, ``\\x1b``, ``\\u202e``).

    Parameters
    ----------
    text : object
        Text to print (converted with ``str``).
    multiline : bool
        Keep newlines and tabs (a table); otherwise the text is one field of one line and a
        newline in it is escaped too, so that it cannot start a forged line.

    Returns
    -------
    str
        Printable text; unchanged when it holds no such character.
    """
    return (_UNSAFE_IN_TEXT if multiline else _UNSAFE_IN_LINE).sub(_escaped, str(text))


# A cell starting with one of these is read as a formula by spreadsheets (OWASP, "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def csv_safe(value: object) -> object:
    """A CSV cell that a spreadsheet shows as text rather than runs as a formula.

    Text starting with ``= + - @``, a tab or a carriage return gets a leading single quote (the
    OWASP rule); numbers, and text that is a plain number such as ``-1.5``, are kept as they are.

    Parameters
    ----------
    value : object
        The cell.

    Returns
    -------
    object
        ``value`` itself, or the quoted text.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def csv_row(values) -> list:
    """:func:`csv_safe` applied to every cell of a row."""
    return [csv_safe(v) for v in values]

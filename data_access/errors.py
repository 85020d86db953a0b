"""Load errors that name the file, the place in it and the reason, for people to act on."""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_SHOWN = 25
# Control characters (a line break in a file name would split a report line) and the lone
# surrogates Python decodes undecodable file-name bytes into (they cannot be printed).
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` safe to print on one line: undecodable bytes and control characters escaped.

    A file name whose bytes are not UTF-8 reaches Python as lone surrogates, which no encoder
    accepts; it is shown as backslash-x escapes instead, as are tabs and line breaks.
    """
    if not _UNPRINTABLE.search(text):
        return text

    def escape(match: re.Match[str]) -> str:
        char = match.group()
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode
            return f"\\x{code - 0xDC00:02x}"
        return char.encode("unicode_escape").decode("ascii") if code < 0xD800 else f"\\u{code:04x}"

    return _UNPRINTABLE.sub(escape, text)


@dataclass(frozen=True)
class Problem:
    """One reason a file cannot be loaded: ``file``, ``where`` in it (line, record, column)."""

    file: str
    where: str
    reason: str

    def __str__(self) -> str:
        return printable(f"{self.file}: {self.where}: {self.reason}")


class LoadError(Exception):
    """A file (or several) cannot be loaded; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(self.report())

    def report(self, limit: int = MAX_SHOWN) -> str:
        """The problems one a line, at most ``limit`` of them and a count of the rest."""
        lines = [str(p) for p in self.problems[:limit]]
        if len(self.problems) > limit:
            lines.append(f"… and {len(self.problems) - limit} more problems")
        return "\n".join(lines)

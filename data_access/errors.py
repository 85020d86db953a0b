"""Load errors that name the file, the place in it and the reason, for people to act on."""

from __future__ import annotations

from dataclasses import dataclass

MAX_SHOWN = 25


@dataclass(frozen=True)
class Problem:
    """One reason a file cannot be loaded: ``file``, ``where`` in it (line, record, column)."""

    file: str
    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.where}: {self.reason}"


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

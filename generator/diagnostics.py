"""Problems found in the sources, reported all at once as `path:line:col: severity: message`."""
from __future__ import annotations

from dataclasses import dataclass

from .model import Location


@dataclass(frozen=True, slots=True)
class Problem:
    where: Location
    message: str
    severity: str = "error"

    @property
    def path(self) -> str:
        return self.where.path

    @property
    def line(self) -> int:
        return self.where.line

    @property
    def col(self) -> int:
        return self.where.col

    def __str__(self) -> str:
        return f"{self.where}: {self.severity}: {self.message}"


class SourceError(Exception):
    """Raised once, after every problem of a stage has been collected."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.path, p.line, p.col, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))

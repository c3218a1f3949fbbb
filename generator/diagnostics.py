"""Problems found in the sources, reported all at once as `path:line:col: severity: message`."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    line: int
    col: int
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        if self.line == 0:          # not in a file: an environment variable, a folder
            return f"{self.path}: {self.severity}: {self.message}"
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}"


class SourceError(Exception):
    """Raised once, after every problem of a stage has been collected."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.path, p.line, p.col, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))


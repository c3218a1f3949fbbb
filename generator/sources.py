"""Reading source files: UTF-8 (a BOM is accepted), any line endings, sizes within reason, and only the
characters generator/characters.py allows."""
from __future__ import annotations

import os
import stat
from pathlib import Path

from .characters import bad_characters, describe, line_col
from .diagnostics import Problem
from .model import Location
from . import yamlio

MAX_BYTES = 5_000_000
MAX_REPORTED = 10         # refused characters reported per file (then: how many more)


def _kind_problem(path: Path, shown: str) -> Problem | None:
    """Why path cannot be read as a file, or None."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return Problem(Location(shown), "file not found (expected it in the source folder)")
    except OSError as error:
        return Problem(Location(shown), f"cannot be read: {error.strerror}")
    if stat.S_ISDIR(info.st_mode):
        return Problem(Location(shown), "is a folder (expected a file)")
    if not stat.S_ISREG(info.st_mode):
        return Problem(Location(shown), "is not a regular file (a device, pipe or socket; expected a file)")
    if info.st_size > MAX_BYTES:
        return Problem(Location(shown), f"file too large: {info.st_size} bytes (at most {MAX_BYTES} expected)")
    return None


def character_problems(text: str, shown: str) -> list[Problem]:
    """Every refused character of a file's text, at its line and column."""
    found = bad_characters(text)
    problems = [Problem(Location(shown, *line_col(text, i)), f"{describe(ch)} is not allowed in a source file")
                for i, ch in found[:MAX_REPORTED]]
    if len(found) > MAX_REPORTED:
        line, col = line_col(text, found[MAX_REPORTED][0])
        problems.append(Problem(Location(shown, line, col), f"{len(found) - MAX_REPORTED} more such character(s) after this one"))
    return problems


def read_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    problem = _kind_problem(path, shown)
    if problem:
        return None, [problem]
    try:
        with open(path, "rb") as f:
            raw = f.read(MAX_BYTES + 1)
    except OSError as error:
        return None, [Problem(Location(shown), f"cannot be read: {error.strerror}")]
    if len(raw) > MAX_BYTES:          # it grew since it was measured
        return None, [Problem(Location(shown), f"file too large: more than {MAX_BYTES} bytes")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        col = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [Problem(Location(shown, line, col), f"not UTF-8: byte 0x{raw[error.start]:02x} cannot be decoded "
                                                "(save the file as UTF-8)")]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    problems = character_problems(text, shown)
    return (None, problems) if problems else (text, [])


def read_yaml(path: Path, shown: str):
    """(data, problems): data is None when the file could not be read at all; problems found in a
    readable file (a value out of rule) come with its data, so that every one of them is reported."""
    text, problems = read_text(path, shown)
    if text is None:
        return None, problems
    return yamlio.load(text, shown)


def is_hidden(path: Path) -> bool:
    """Editor and system files (.2024.yaml.swp, .DS_Store) are not sources."""
    return path.name.startswith(".") or os.path.basename(path).endswith("~")

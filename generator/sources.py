"""Reading source files: UTF-8 (a BOM is accepted), any line endings, sizes within reason."""
from __future__ import annotations

from pathlib import Path

from .diagnostics import Problem
from . import yamlio

MAX_BYTES = 5_000_000


def read_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    if not path.is_file():
        return None, [Problem(shown, 1, 1, "file not found (expected it in source/)")]
    size = path.stat().st_size
    if size > MAX_BYTES:
        return None, [Problem(shown, 1, 1, f"file too large: {size} bytes (at most {MAX_BYTES} expected)")]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        col = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [Problem(shown, line, col, f"not UTF-8: byte 0x{raw[error.start]:02x} cannot be decoded "
                                                "(save the file as UTF-8)")]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def read_yaml(path: Path, shown: str):
    text, problems = read_text(path, shown)
    if text is None:
        return None, problems
    return yamlio.load(text, shown)

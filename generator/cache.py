"""A content-addressed cache for the slow, pure parts of a build (chart SVGs, QR codes, the PDF books).

The key is everything the output depends on: the inputs, the version of the library that draws it,
and the source code of the module that calls it, so a change to any of them misses the cache. A hit
gives exactly the bytes a fresh computation would (the producers are deterministic), so builds stay
reproducible. `make site` builds twice (web and offline) and the second build hits; so do rebuilds.
The folder is `.cache/` beside mkdocs.yml; AJP_CACHE=off turns it off (`make bench` reports both).
"""
from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _folder() -> Path | None:
    setting = os.environ.get("AJP_CACHE", "")
    if setting == "off":
        return None
    return Path(setting) if setting else ROOT / ".cache"


@functools.lru_cache(maxsize=None)
def source_of(module_name: str) -> str:
    """A module's source text, read once per process (`make serve` imports the generator anew after an
    edit, and this memory with it)."""
    return Path(sys.modules[module_name].__file__).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=None)
def version(library: str) -> str:
    """importlib.metadata.version, read once per process: it parses the package's metadata on every call
    (~0.6 ms; a build asks once per QR code)."""
    return importlib.metadata.version(library)


def cached(kind: str, depends_on: list, produce, binary: bool = False):
    """produce() once per distinct depends_on (JSON-serialisable); its text (bytes if binary) is kept
    under .cache/kind/."""
    folder = _folder()
    if folder is None:
        return produce()
    key = hashlib.sha256(json.dumps([kind, depends_on], ensure_ascii=False, sort_keys=True, default=str)
                         .encode("utf-8")).hexdigest()
    path = folder / kind / key[:2] / key
    try:
        return path.read_bytes() if binary else path.read_text(encoding="utf-8")
    except OSError:
        pass
    value = produce()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(value) if binary else tmp.write_text(value, encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass                      # a read-only checkout still builds, only slower
    return value


def folder(kind: str) -> Path | None:
    """A cache folder for a library that keeps its own cache (Jinja's compiled templates), or None."""
    base = _folder()
    if base is None:
        return None
    try:
        (base / kind).mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=base / kind):     # a read-only checkout: no cache (Jinja would fail)
            pass
    except OSError:
        return None
    return base / kind

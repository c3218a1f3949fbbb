"""Where each page lives and how one page links to another, for both URL styles.

Every generated page is `<dir>/index.md`, so its URL is `<dir>/` online and `<dir>/index.html` in the
offline bundle; relative links work the same from both.
"""
from __future__ import annotations

import functools
import posixpath
import re

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@functools.lru_cache(maxsize=65536)
def _relpath(target: str, here: str) -> str:
    """posixpath.relpath, remembered: every page links the same few hundred pages."""
    return posixpath.relpath(target, here)


def src(directory: str) -> str:
    return f"{directory}/index.md" if directory else "index.md"


class Links:
    """Relative URLs from one page (given by its directory) to others."""

    def __init__(self, here: str, directory_urls: bool):
        self.here = here
        self.directory_urls = directory_urls

    def __call__(self, target: str, anchor: str = "") -> str:
        rel = _relpath(target or ".", self.here or ".")
        rel = "" if rel == "." else rel + "/"
        if not self.directory_urls:
            rel += "index.html"
        elif not rel:
            rel = "./"
        return rel + (f"#{anchor}" if anchor else "")

    def pattern(self, directory: str) -> list[str]:
        """[before, after] such that before + slug + after links to the page '<directory>/<slug>'."""
        return [posixpath.relpath(directory, self.here or ".") + "/", "/" if self.directory_urls else "/index.html"]

    def asset(self, path: str) -> str:
        return posixpath.relpath(path, self.here or ".")

"""Where each page lives and how one page links to another, for both URL styles.

Every generated page is `<dir>/index.md`, so its URL is `<dir>/` online and `<dir>/index.html` in the
offline bundle; relative links work the same from both.
"""
from __future__ import annotations

import functools
import posixpath
import re

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# A slug names a folder of the site and of the offline bundle, which must unpack on any system: its
# longest path is 53 characters plus a slug (asean-japan-plan-offline/en/organisations/<slug>/index.html),
# so with at most MAX_SLUG characters every path stays under 140, well below Windows' limits even
# unpacked deep in a user's folders; and Windows cannot create files or folders named after its devices.
MAX_SLUG = 80
WINDOWS_DEVICES = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))})


def slug_problem(slug: str) -> str | None:
    """Why slug cannot name a page's folder on every system, or None."""
    if not SLUG.fullmatch(slug):
        return (f"slug '{slug}' must be lower-case letters, digits and single hyphens (like 'aha-centre'); "
                "it becomes part of a URL")
    if len(slug) > MAX_SLUG:
        return f"slug '{slug[:20]}…' has {len(slug)} characters (at most {MAX_SLUG}: it becomes a folder of the bundle)"
    if slug in WINDOWS_DEVICES:
        return f"slug '{slug}' is the name of a Windows device: the offline bundle could not be unpacked on Windows"
    return None


@functools.lru_cache(maxsize=65536)
def _relpath(target: str, here: str) -> str:
    """posixpath.relpath of two folders of the site, remembered. posixpath.relpath makes both absolute
    against the working directory first (a system call each); plain relative paths ('measures/1-1', '.')
    are compared by their parts, which gives the same answer."""
    to, at = ([] if p == "." else p.split("/") for p in (target, here))
    if any(part in ("", ".", "..") for part in to + at):
        return posixpath.relpath(target, here)
    common = 0
    for a, b in zip(to, at):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(at) - common) + to[common:]) or "."


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
        return [_relpath(directory, self.here or ".") + "/", "/" if self.directory_urls else "/index.html"]

    def asset(self, path: str) -> str:
        return _relpath(path, self.here or ".")

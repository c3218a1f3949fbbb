"""The environment variables a build reads, checked with the sources (`make check` and `make site`).

SITE_URL          the site's public address: canonical links, sitemap.xml, Open Graph, QR codes. It is
                  written into every page's head and links, so only a plain absolute http(s) address is
                  accepted: no quotes, spaces or other characters that could leave an attribute, no
                  `javascript:` or other scheme, no user name, query or fragment.
SOURCE_DATE_EPOCH the build's date (seconds since 1970), for reproducible builds.
"""
from __future__ import annotations

import os
import re

from .diagnostics import Problem
from .model import Location

_HOST = r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])"
SITE_URL = re.compile(rf"https?://{_HOST}(?::[0-9]{{1,5}})?(?:/(?:[A-Za-z0-9._~/-]|%[0-9A-Fa-f]{{2}})*)?")
MAX_URL = 200
LATEST_EPOCH = 4102444800        # 2100-01-01: a zip file cannot hold dates much later


def site_url_problem(value: str) -> str | None:
    if len(value) <= MAX_URL and SITE_URL.fullmatch(value):
        return None
    shown = value if len(value) <= MAX_URL else value[:MAX_URL] + "…"
    return ("expected the site's public address, an absolute http:// or https:// address like "
            "https://example.org/plan/ (a host name, then a path of letters, digits, - . _ ~ / and %XX escapes; "
            f"no quotes, spaces, user name, query or fragment), found {shown!r}")


def epoch_problem(value: str) -> str | None:
    if value.isascii() and value.isdigit() and int(value) <= LATEST_EPOCH:
        return None
    return f"expected a whole number of seconds since 1970-01-01 (like 1702771200), found {value!r}"


def problems() -> list[Problem]:
    """Every environment variable out of rule, as `NAME: error: …`."""
    found = []
    for name, rule in (("SITE_URL", site_url_problem), ("SOURCE_DATE_EPOCH", epoch_problem)):
        value = os.environ.get(name, "")
        message = rule(value) if value else None
        if message:
            found.append(Problem(Location(name, 0, 0), message))
    return found


def site_url() -> str:
    """SITE_URL ending in '/', or '' when unset (checked first: see problems())."""
    value = os.environ.get("SITE_URL", "")
    return value.rstrip("/") + "/" if value else ""

"""QR codes of page addresses, as inline SVG made by segno at build time (cached: see cache.py)."""
from __future__ import annotations

import functools

import segno
from markupsafe import Markup

from .cache import cached, source_of, version


def _draw(address: str) -> str:
    # A fixed mask: any mask reads the same, and scoring all eight costs ~10 ms per code.
    return segno.make(address, error="m", mask=0).svg_inline(border=4, dark="#000", light="#fff", omitsize=True,
                                                             title=address, svgclass="ajp-qr-code")


@functools.lru_cache(maxsize=None)
def qr_svg(address: str) -> Markup:
    """The QR code of an address: nothing but the code's own paths, and the address as its title."""
    return Markup(cached("qr", [address, version("segno"), source_of(__name__)], lambda: _draw(address)))

"""Static SVG charts drawn at build time with matplotlib: no JavaScript, nothing loaded by the page.

Text stays real SVG text (svg.fonttype 'none') with a Japanese font stack, so it is crisp, searchable
and readable wherever a Japanese font exists, and it is drawn as written: a `$` in a name is no
mathematics (text.parse_math off); the layout is measured with Noto Sans CJK when the
build machine has it (`make site` installs it). Output is deterministic: fixed hash salt, no date.

Legible on a phone and a desktop: every text is FONT_PT, the figures are narrow and long labels wrap,
and `display_width` tells the page how far the picture may shrink (never below MIN_TEXT_PX text; a
narrower screen scrolls the chart inside its box). Bars and their labels link to the pages they count;
a bar's link is a duplicate of its label's, hidden from assistive technology and the Tab key.
"""
from __future__ import annotations

import functools
import io
import logging
import re
import unicodedata

from .cache import cached, source_of, version

FONTS = ["Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", "Hiragino Sans", "Yu Gothic", "Meiryo", "DejaVu Sans"]
FONT_PT = 10.5                 # every text of a chart: 14 CSS px at the chart's natural size
MIN_TEXT_PX = 11               # the page never shows it smaller (see display_width)
WIDTH_IN, ROW_IN = 2.9, 0.34   # the plotting area's width; one bar's height (a line of label)
STYLE = {"svg.fonttype": "none", "svg.hashsalt": "asean-japan-plan", "font.family": "sans-serif",
         "font.sans-serif": FONTS, "font.size": FONT_PT, "axes.spines.top": False, "axes.spines.right": False,
         "axes.titlesize": FONT_PT, "axes.labelsize": FONT_PT, "xtick.labelsize": FONT_PT, "ytick.labelsize": FONT_PT,
         "text.parse_math": False, "text.usetex": False}   # labels are data: drawn as text, never as $mathematics$
logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)


@functools.cache
def _pyplot():
    """matplotlib, imported on first use (commands that only check the sources never need it)."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    return plt


def _svg(fig) -> str:
    plt = _pyplot()
    out = io.StringIO()
    fig.savefig(out, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    text = out.getvalue()
    text = text[text.index("<svg"):]          # without the XML declaration and DOCTYPE: embeddable
    text = text.replace(' target="_blank"', "")   # links open in the same tab (matplotlib adds a new one)
    return re.sub(r'(<g id="ajp-bar-\d+">\s*<a )', r'\1tabindex="-1" aria-hidden="true" ', text)


def display_width(svg: str) -> tuple[int, int]:
    """(natural, smallest) width in CSS px at which to show a chart: at its smallest, its text is
    MIN_TEXT_PX."""
    points = float(re.search(r'<svg[^>]* width="([0-9.]+)pt"', svg).group(1))
    natural = points * 4 / 3
    return round(natural), round(natural * MIN_TEXT_PX / (FONT_PT * 4 / 3)) + 1


def _columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap(label: str, limit: int = 24) -> str:
    """A long label on two or more lines of about equal length, at most `limit` columns a line (a
    Japanese character is two), broken at a space where there is one."""
    lines = _wrap(label, limit)
    if len(lines) > 1:                              # balance: no line of one or two characters
        even = _wrap(label, -(-_columns(label) // len(lines)) + 3)
        lines = even if len(even) == len(lines) else lines
    return "\n".join(lines)


def _wrap(label: str, limit: int) -> list[str]:
    """Inside a word only when the word alone is too long."""
    lines, line = [], ""
    for token in re.findall(r"\S+\s*", label):
        fits_alone = _columns(token.rstrip()) <= limit      # else it is cut anyway: go on on this line
        if line and fits_alone and _columns(line + token.rstrip()) > limit:
            lines.append(line.rstrip())
            line = ""
        for char in token:
            if _columns(line + char) > limit and line.strip():
                lines.append(line.rstrip())
                line = ""
            line += char
    lines.append(line)
    return [text.strip() for text in lines]


def _cached(kind: str, args: list, draw) -> str:
    return cached("chart", [kind, args, version("matplotlib"), source_of(__name__)], draw)


def bars(labels: list[str], values: list[int], colours: list[str], xlabel: str, urls: list[str]) -> str:
    """Horizontal bars, first label on top, each bar with its number; bar and label link to urls[i]."""
    return _cached("bars", [labels, values, colours, xlabel, urls], lambda: _bars(labels, values, colours, xlabel, urls))


def heatmap(rows: list[str], columns: list[str], values: list[list[int]], colour: str,
            row_urls: list[str], column_urls: list[str]) -> str:
    """A matrix of counts, darker for more, each cell with its number (blank for zero); row and column
    labels link to their pages."""
    return _cached("heatmap", [rows, columns, values, colour, row_urls, column_urls],
                   lambda: _heatmap(rows, columns, values, colour, row_urls, column_urls))


def _lines(labels) -> int:
    return sum(label.count("\n") + 1 for label in labels)


def _bars(labels, values, colours, xlabel, urls) -> str:
    plt = _pyplot()
    labels = [wrap(label) for label in labels]
    with plt.rc_context(STYLE):
        height = ROW_IN * max(_lines(labels), len(labels) * 1.25) + 0.9
        fig, ax = plt.subplots(figsize=(WIDTH_IN, height))
        y = list(range(len(labels)))[::-1]
        drawn = ax.barh(y, values, color=colours, height=0.7)
        for i, (bar, url) in enumerate(zip(drawn, urls)):
            bar.set_url(url)
            bar.set_gid(f"ajp-bar-{i}")
        ax.set_yticks(y, labels)
        for tick, url in zip(ax.get_yticklabels(), urls):
            tick.set_url(url)
        ax.set_xlabel(xlabel)
        for yi, v in zip(y, values):
            ax.text(v, yi, f" {v}", va="center")
        ax.set_xlim(0, max(values + [1]) * 1.15)
        ax.tick_params(axis="y", length=0)
        return _svg(fig)


def _heatmap(rows, columns, values, colour, row_urls, column_urls) -> str:
    plt = _pyplot()
    from matplotlib.colors import LinearSegmentedColormap
    rows = [wrap(row) for row in rows]
    with plt.rc_context(STYLE | {"axes.spines.left": False, "axes.spines.bottom": False}):
        fig, ax = plt.subplots(figsize=(0.75 * len(columns) + 0.4, ROW_IN * max(_lines(rows), len(rows) * 1.25) + 1.0))
        cmap = LinearSegmentedColormap.from_list("ajp", ["#ffffff", colour])
        top = max([max(r) for r in values] + [1])
        ax.imshow(values, cmap=cmap, vmin=0, vmax=top, aspect="auto")
        ax.set_xticks(range(len(columns)), columns)
        ax.set_yticks(range(len(rows)), rows)
        for tick, url in zip(ax.get_yticklabels(), row_urls):
            tick.set_url(url)
        for tick, url in zip(ax.get_xticklabels(), column_urls):
            tick.set_url(url)
        ax.xaxis.tick_top()
        ax.tick_params(length=0)
        for i, row in enumerate(values):
            for j, v in enumerate(row):
                if v:
                    ax.text(j, i, str(v), ha="center", va="center",
                            color="white" if v > top / 2 else "black")
        return _svg(fig)

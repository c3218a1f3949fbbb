"""Static SVG charts drawn at build time with matplotlib: no JavaScript, nothing loaded by the page.

Text stays real SVG text (svg.fonttype 'none') with a Japanese font stack, so it is crisp, searchable
and readable wherever a Japanese font exists, and it is drawn as written: a `$` in a name is no
mathematics (text.parse_math off); the layout is measured with Noto Sans CJK when the
build machine has it (`make site` installs it). Output is deterministic: fixed hash salt, no date.
"""
from __future__ import annotations

import functools
import io
import logging

from .cache import cached, source_of

FONTS = ["Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", "Hiragino Sans", "Yu Gothic", "Meiryo", "DejaVu Sans"]
STYLE = {"svg.fonttype": "none", "svg.hashsalt": "asean-japan-plan", "font.family": "sans-serif",
         "font.sans-serif": FONTS, "font.size": 10, "axes.spines.top": False, "axes.spines.right": False,
         "axes.titlesize": 11, "text.parse_math": False, "text.usetex": False}   # labels are data: drawn as text, never as $mathematics$
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
    return text[text.index("<svg"):]          # without the XML declaration and DOCTYPE: embeddable


def _cached(kind: str, args: list, draw) -> str:
    from importlib.metadata import version
    return cached("chart", [kind, args, version("matplotlib"), source_of(__name__)], draw)


def bars(labels: list[str], values: list[int], colours: list[str], xlabel: str) -> str:
    """Horizontal bars, first label on top, each bar with its number."""
    return _cached("bars", [labels, values, colours, xlabel], lambda: _bars(labels, values, colours, xlabel))


def heatmap(rows: list[str], columns: list[str], values: list[list[int]], colour: str) -> str:
    """A matrix of counts, darker for more, each cell with its number (blank for zero)."""
    return _cached("heatmap", [rows, columns, values, colour], lambda: _heatmap(rows, columns, values, colour))


def _bars(labels, values, colours, xlabel) -> str:
    plt = _pyplot()
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(7.5, 0.32 * len(labels) + 0.9))
        y = list(range(len(labels)))[::-1]
        ax.barh(y, values, color=colours, height=0.7)
        ax.set_yticks(y, labels)
        ax.set_xlabel(xlabel)
        for yi, v in zip(y, values):
            ax.text(v, yi, f" {v}", va="center", fontsize=9)
        ax.set_xlim(0, max(values + [1]) * 1.12)
        ax.tick_params(axis="y", length=0)
        return _svg(fig)


def _heatmap(rows, columns, values, colour) -> str:
    plt = _pyplot()
    from matplotlib.colors import LinearSegmentedColormap
    with plt.rc_context(STYLE | {"axes.spines.left": False, "axes.spines.bottom": False}):
        fig, ax = plt.subplots(figsize=(1.1 * len(columns) + 3.5, 0.32 * len(rows) + 1.0))
        cmap = LinearSegmentedColormap.from_list("ajp", ["#ffffff", colour])
        top = max([max(r) for r in values] + [1])
        ax.imshow(values, cmap=cmap, vmin=0, vmax=top, aspect="auto")
        ax.set_xticks(range(len(columns)), columns)
        ax.set_yticks(range(len(rows)), rows)
        ax.xaxis.tick_top()
        ax.tick_params(length=0)
        for i, row in enumerate(values):
            for j, v in enumerate(row):
                if v:
                    ax.text(j, i, str(v), ha="center", va="center", fontsize=9,
                            color="white" if v > top / 2 else "black")
        return _svg(fig)

"""source/pages/<lang>/*.md: the hand-written pages of each edition, checked before anything is built.

MkDocs shows broken front matter as page text, and the macros plugin stops the build at the first
template error; here every such problem is reported with its position, with all the others. Checked:
the three pages every edition has (home, about, offline: the footer and the bundle link to them) and
the same pages in every edition (the language switch links each page to its twin); portable file names
that do not take the place of a generated folder;
front matter (a mapping with a one-line `title`, as the page's title comes from it); the page as a
Jinja template (syntax, and only the variables the macros plugin provides: generator/macros.py,
the plugin's own, and the configuration's `extra`).
"""
from __future__ import annotations

import re
from pathlib import Path

import jinja2
import jinja2.meta

from .diagnostics import Problem
from .checker import Checker
from .model import Location
from .sources import read_text
from . import yamlio
from .yamlio import YList, YMap

PAGES_DIR = "pages"
REQUIRED = ("index.md", "about.md", "offline.md")
# Folders at the root of the site that the generator and the theme write (and en/, the English edition
# inside the Japanese one): a page named after one of them would take or lose its place.
RESERVED = frozenset({"acronyms", "aoip", "assets", "briefs", "data", "en", "graph", "kiosk", "measures",
                      "organisations", "pillars", "progress", "sections", "stats", "search", "sitemap", "404", "finder"})
NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\.md")
FRONT_MATTER_KEYS = {"title", "description", "hide", "render_macros"}
HIDE = {"navigation", "toc", "footer", "path", "tags", "feedback"}
MACROS = ("counts", "home_intro()", "home_pillars()", "home_ways()", "home_preamble()", "home_books()")     # generator/macros.py
VARIABLES = frozenset({
    *(m.rstrip("()") for m in MACROS),
    "config", "page", "extra", "environment", "plugin", "git", "macros", "filters", "filters_builtin",
    "navigation", "files", "render_file", "context", "pretty", "macros_info", "now", "fix_url", "relative_url",
    "lang", "words", "edition", "build", "generated", "polyfills",                # config.extra (docs_tree.py)
})
_ENV = jinja2.Environment()


def pages_dir(source_dir: Path, lang: str, fallback: Path) -> Path:
    """An edition's hand-written pages: source/pages/<lang>/, else the repository's own (`fallback`)."""
    own = source_dir / PAGES_DIR / lang
    return own if own.is_dir() else fallback / PAGES_DIR / lang


# MkDocs' own rule (mkdocs/utils/meta.py): front matter is read only when it matches this exactly;
# otherwise MkDocs shows it as page text.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def body_offset(text: str) -> int:
    """Lines before the Markdown body as MkDocs and the macros plugin see it (line 1 of the body is
    line body_offset + 1 of the file): the front matter and the blank lines after it."""
    m = FRONT_MATTER.match(text)
    if not m:
        return 0
    rest = text[m.end():]
    return text[:m.end()].count("\n") + (len(rest) - len(rest.lstrip("\n")))


def _front_matter(text: str, shown: str, check: Checker) -> tuple[str, int]:
    """The page body and the number of lines before it; the front matter's problems recorded."""
    m = FRONT_MATTER.match(text)
    if not m:
        where = "front matter not closed: expected a line '---' after it" if text.startswith("---") else \
            "expected front matter with the page's title (a first line '---', then 'title: …', then '---')"
        check.problems.append(Problem(Location(shown), where))
        return ("" if text.startswith("---") else text), 0
    data, found = yamlio.load(m.group(1), shown)
    check.problems.extend(Problem(Location(p.path, p.line + 1, p.col), p.message) for p in found)
    if data is not None and not isinstance(data, YMap):
        check.problems.append(Problem(Location(shown, 2), "front matter: expected a mapping with 'title'"))
    elif data is not None:
        data.pos = Location(shown)
        data.value_pos = {k: Location(shown, p.line + 1, p.col) for k, p in data.value_pos.items()}
        data.key_pos = {k: Location(shown, p.line + 1, p.col) for k, p in data.key_pos.items()}
        _meta(check, data, shown)
    offset = body_offset(text)
    return "\n".join(text.split("\n")[offset:]), offset


def _meta(check: Checker, data: YMap, shown: str) -> None:
    check.unknown_keys(data, FRONT_MATTER_KEYS, "front matter")
    title = check.get(data, "title", str, "front matter")
    if title:
        _template(title, shown, data.value_pos["title"].line - 1, check, "the title")
    check.get(data, "description", str, "front matter", required=False)
    if "render_macros" in data and not isinstance(data["render_macros"], bool):
        check.error(data.value_pos["render_macros"], "front matter: 'render_macros' must be true or false")
    hide = check.get(data, "hide", list, "front matter", required=False) or YList()
    for value, pos in zip(hide, getattr(hide, "item_pos", [])):
        if value not in HIDE:
            check.error(pos, f"front matter: hide: expected one of: {', '.join(sorted(HIDE))}, found '{value}'")


def _template(text: str, shown: str, offset: int, check: Checker, what: str = "the page") -> None:
    """Jinja syntax, and variables the macros plugin knows. Line 1 of text is line offset + 1 of the file."""
    try:
        tree = _ENV.parse(text)
    except jinja2.TemplateSyntaxError as error:
        check.problems.append(Problem(Location(shown, offset + (error.lineno or 1)),
                                      f"template error in {what}: {error.message}"))
        return
    unknown = sorted(jinja2.meta.find_undeclared_variables(tree) - VARIABLES)
    if not unknown:
        _render(text, shown, offset, check, what)
    if unknown:
        names = ", ".join(unknown)
        line = next((i for i, row in enumerate(text.split("\n"), offset + 1) if re.search(rf"\b{unknown[0]}\b", row)),
                    offset + 1)
        check.problems.append(Problem(Location(shown, line), f"{what} uses {names}, which the macros do not provide "
                                                      f"(they provide {', '.join(MACROS)} of generator/macros.py, "
                                                      "config, page and the plugin's own: see generator/load_pages.py)"))


class _Any(dict):
    """A value the page may read freely (MkDocs' configuration, the page, the plugin's own variables): every
    key is there. Only what the generator puts into config.extra is checked key by key."""

    def __getitem__(self, key):
        return dict.get(self, key, _Any())

    def __str__(self) -> str:
        return ""

    def __call__(self, *args, **kwargs):
        return ""


_RENDER = jinja2.Environment(undefined=jinja2.StrictUndefined)
_BUILD = {"date": "2023-12-17", "version": "0000000000", "source": "0" * 64, "bundle": "bundle.zip"}
_COUNTS = {k: 1 for k in ("pillars", "sections", "measures", "acronyms", "organisations", "areas")}
_MISSING = re.compile(r"has no attribute '([^']+)'|'([^']+)' is undefined")


def _render(text: str, shown: str, offset: int, check: Checker, what: str) -> None:
    """Render the page as mkdocs-macros will, against what config.extra holds (generator/docs_tree.py), so
    that a name the build would not find (config.extra.build.nope) is a check error, not a failed build."""
    extra = {"build": dict(_BUILD), "words": _Any(), "lang": "", "edition": _Any(),
             "generated": {"counts": dict(_COUNTS), **{m.rstrip("()"): "" for m in MACROS[1:]}}}
    context = {name: _Any() for name in VARIABLES}
    context.update(config=_Any(extra=extra), extra=extra, counts=dict(_COUNTS), build=extra["build"],
                   generated=extra["generated"], **{m.rstrip("()"): (lambda: "") for m in MACROS[1:]})
    try:
        _RENDER.from_string(text).render(context)
    except jinja2.TemplateError as error:
        m = _MISSING.search(str(error))
        name = (m.group(1) or m.group(2)) if m else None
        line = next((i for i, row in enumerate(text.split("\n"), offset + 1) if name and name in row), offset + 1)
        check.problems.append(Problem(Location(shown, line), f"{what} would fail when built: {error}"))
    except Exception as error:          # noqa: BLE001 — whatever the page's Jinja raises is the page's error
        check.problems.append(Problem(Location(shown, offset + 1), f"{what} would fail when built: {error}"))


def check_pages(source_dir: Path, langs: tuple[str, ...], fallback: Path, shown, problems: list[Problem]) -> None:
    """shown: path → the path as messages show it."""
    check = Checker(problems)
    names = {}
    for lang in langs:
        folder = pages_dir(source_dir, lang, fallback)
        found = sorted(p.name for p in folder.glob("*.md")) if folder.is_dir() else []
        names[lang] = {name for name in found if NAME.fullmatch(name)}
        for name in REQUIRED:
            if name not in found:
                problems.append(Problem(Location(shown(folder / name)), "file not found: every edition has this page"))
        for name in found:
            path = folder / name
            if not NAME.fullmatch(name):
                problems.append(Problem(Location(shown(path)), "a page's file name must be lower-case letters, digits "
                                                           "and single hyphens, ending in .md (it becomes its URL)"))
                continue
            if name.removesuffix(".md") in RESERVED:
                problems.append(Problem(Location(shown(path)), f"a page cannot be named {name}: {name.removesuffix('.md')}/ "
                                                           "is a folder the generator writes"))
                continue
            text, found_problems = read_text(path, shown(path))
            problems.extend(found_problems)
            if text is not None:
                body, offset = _front_matter(text, shown(path), check)
                _template(body, shown(path), offset, check)
    for lang in langs[1:]:
        for name in sorted((names[langs[0]] ^ names[lang]) - set(REQUIRED)):
            has, lacks = (langs[0], lang) if name in names[langs[0]] else (lang, langs[0])
            folder = pages_dir(source_dir, lacks, fallback)
            problems.append(Problem(Location(shown(folder / name)), f"file not found: the {has} edition has {name}, "
                                                                "and every page has a twin in the other language"))

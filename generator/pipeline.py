"""Gather everything first: read and check every source file, then render. Nothing is written here."""
from __future__ import annotations

import functools
import os
import time
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Problem, SourceError
from .load_plan import build_plan
from .load_catalogue import build_catalogue
from .model import Catalogue, Plan
from .render import NavItem, Page, Renderer
from .render_data import data_and_stats
from .render_explorer import graph_pages
from .render_graph import assets as graph_assets
from .search_index import INDEX_FILE, search_index
from .render_index import index_pages
from .settings import Settings, build_settings, check_graph_style
from .sources import read_yaml

PLAN_FILE = "plan.yaml"
SITE_FILE = "site.yaml"
CATALOGUE_FILES = ("organisations.yaml", "acronyms.yaml", "aoip.yaml")


@dataclass(frozen=True, slots=True)
class Sources:
    plan: Plan
    settings: Settings
    catalogue: Catalogue


@dataclass(frozen=True, slots=True)
class Build:
    sources: Sources
    pages: tuple[Page, ...]
    nav: tuple[NavItem, ...]
    renderer: Renderer        # for hand-written pages' macros (same URLs, mentions already found)
    assets: tuple[tuple[str, Path], ...]    # files shipped as they are: (path in the site, file on disk)
    files: tuple[tuple[str, bytes | str], ...]    # generated files: (path in the site, content)


def shown(path: Path) -> str:
    """A path as messages show it: relative to the working directory when inside it."""
    rel = os.path.relpath(path)
    return path.as_posix() if rel.startswith("..") else Path(rel).as_posix()


def load(source_dir: Path) -> Sources:
    """Read and check every source file; raise SourceError listing every problem found."""
    problems: list[Problem] = []
    results = {}
    for name, builder in ((SITE_FILE, build_settings), (PLAN_FILE, build_plan)):
        path = source_dir / name
        data, found = read_yaml(path, shown(path))
        problems += found
        results[name] = builder(data, shown(path), problems) if not found else None
    files = {}
    for name in CATALOGUE_FILES:
        path = source_dir / name
        data, found = read_yaml(path, shown(path))
        problems += found
        files[name] = (data, shown(path))
    catalogue = build_catalogue(files, problems, results[PLAN_FILE])
    if results[SITE_FILE] and results[PLAN_FILE] and catalogue.org_types:
        check_graph_style(results[SITE_FILE].graph, results[PLAN_FILE], catalogue, problems)
    if any(p.severity == "error" for p in problems) or None in results.values():
        raise SourceError([p for p in problems if p.severity == "error"])
    return Sources(results[PLAN_FILE], results[SITE_FILE], catalogue)


def fingerprint(source_dir: Path) -> tuple:
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size)
                        for p in source_dir.rglob("*") if p.is_file()))


@functools.lru_cache(maxsize=4)
def _build(source_dir: Path, directory_urls: bool, _fingerprint: tuple) -> Build:
    sources = load(source_dir)
    renderer = Renderer(sources.plan, sources.settings, sources.catalogue, directory_urls)
    extra_pages, files = data_and_stats(renderer, int(os.environ.get("SOURCE_DATE_EPOCH") or time.time()))
    pages = renderer.pages() + index_pages(renderer) + graph_pages(renderer) + extra_pages
    files[INDEX_FILE] = search_index(renderer)
    return Build(sources, tuple(pages), renderer.nav(), renderer, tuple(graph_assets()), tuple(sorted(files.items())))


def build(source_dir: Path, directory_urls: bool) -> Build:
    """The whole site's generated pages; cached until a file under source_dir changes."""
    source_dir = source_dir.resolve()
    return _build(source_dir, directory_urls, fingerprint(source_dir))

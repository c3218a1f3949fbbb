"""Gather everything first: read and check every source file, then render. Nothing is written here."""
from __future__ import annotations

import functools
import os
import stat
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path

from .diagnostics import Problem, SourceError
from .load_plan import build_plan
from .load_catalogue import build_catalogue
from .load_english import load_english
from .load_pages import check_pages
from .load_progress import load_progress, progress_paths
from .model import Catalogue, Plan, ProgressReport, Settings
from .export import data_files
from .index import Index, build_index
from .load_translations import load_titles, load_translation
from .render import NavItem, Page, Renderer
from .render_briefs import brief_pages
from .render_data import data_and_stats
from .render_kiosk import kiosk_pages
from .render_explorer import graph_pages
from .render_finder import CSV_SCRIPT, finder_page
from .render_graph import assets as graph_assets
from .search_index import INDEX_FILE, search_index
from .render_index import index_pages
from .settings import build_english_words, build_settings, check_graph_style
from .sources import read_yaml

ROOT = Path(__file__).resolve().parent.parent
PLAN_FILE = "plan.yaml"
SITE_FILE = "site.yaml"
SITE_EN_FILE = "site.en.yaml"   # the English interface words
CATALOGUE_FILES = ("organisations.yaml", "acronyms.yaml", "aoip.yaml")
PROGRESS_DIR = "progress"     # optional: progress/<year>.yaml
ENGLISH_FILE = "english.yaml"  # optional: English glosses of headings
TRANSLATIONS_DIR = "translations"   # <lang>.yaml: the plan's text in that language
TRANSLATED = ("en",)
TITLES_FILE = "titles.yaml"    # optional: editorial short titles of the measures


@dataclass(frozen=True, slots=True)
class Sources:
    plan: Plan
    settings: Settings
    catalogue: Catalogue
    progress: tuple[ProgressReport, ...] = ()
    english: dict = None          # heading id → Gloss (source/english.yaml, optional)
    translations: dict = None     # lang → key → Translation (source/translations/<lang>.yaml)
    titles: dict = None           # measure id → Title (source/titles.yaml, optional)


@dataclass(frozen=True, slots=True)
class Build:
    """One edition of the site in one URL style: its generated pages, navigation and files."""
    sources: Sources
    index: Index
    lang: str
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

    def read(path: Path):
        """The file's data (None when it could not be read), its problems recorded."""
        data, found = read_yaml(path, shown(path))
        problems.extend(found)
        return data

    def built(name: str, builder):
        data = read(source_dir / name)
        return builder(data, shown(source_dir / name), problems) if data is not None else None

    settings = built(SITE_FILE, build_settings)
    plan = built(PLAN_FILE, lambda data, path, found: build_plan(data, path, found, text_dir=source_dir))
    en_words = built(SITE_EN_FILE, lambda data, path, found: build_english_words(data, path, found, settings))
    if settings is not None and en_words is not None:
        settings = replace(settings, words=settings.words + (en_words,))
    catalogue = build_catalogue({name: (read(source_dir / name), shown(source_dir / name)) for name in CATALOGUE_FILES},
                                problems, plan)
    if settings and plan and catalogue.org_types:
        check_graph_style(settings.graph, plan, catalogue, problems)
    progress_files = [(path.name, read(path) if path.suffix == ".yaml" else None, shown(path))
                      for path in progress_paths(source_dir / PROGRESS_DIR, shown, problems)]
    statuses = set(dict(settings.progress_statuses)) if settings else set()
    progress = load_progress(progress_files, plan, statuses, problems)
    english_path = source_dir / ENGLISH_FILE
    english = load_english(read(english_path), shown(english_path), plan, problems) if english_path.exists() else {}
    translations = {}
    for lang in TRANSLATED:
        path = source_dir / TRANSLATIONS_DIR / f"{lang}.yaml"
        data = read(path)
        translations[lang] = load_translation(data, shown(path), plan, problems) if data is not None else {}
    titles_path = source_dir / TITLES_FILE
    titles = load_titles(read(titles_path), shown(titles_path), plan, problems) if titles_path.exists() else {}
    check_pages(source_dir, ("ja",) + TRANSLATED, ROOT / "source", shown, problems)
    if any(p.severity == "error" for p in problems) or settings is None or plan is None:
        raise SourceError([p for p in problems if p.severity == "error"])
    return Sources(plan, settings, catalogue, progress, english, translations, titles)


def load_once(source_dir: Path) -> Sources:
    """load(), remembered until a file under source_dir changes: `make site` checks the sources, then builds
    four docs folders from them. Keyed by all that load() reads: the files, and the folder as messages show
    it (`source` and its absolute path give the same sources when they are shown alike)."""
    resolved = source_dir.resolve()
    return _load(resolved, fingerprint(resolved), shown(source_dir))


@functools.lru_cache(maxsize=1)
def _load(_resolved: Path, _fingerprint: tuple, as_shown: str) -> Sources:
    return load(Path(as_shown))          # the folder as given: the same messages


def fingerprint(source_dir: Path) -> tuple:
    """Every file under source_dir with its modification time and size."""
    found = []
    for path in source_dir.rglob("*"):
        info = path.stat()
        if stat.S_ISREG(info.st_mode):
            found.append((str(path), info.st_mtime_ns, info.st_size))
    return tuple(sorted(found))


def build_date() -> int:
    """The build's time, in one place for every output (footers, sitemap, GEXF, zip): SOURCE_DATE_EPOCH,
    else the time of the last commit, so that rebuilds are identical; without git, 1980-01-01."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=Path(__file__).resolve().parent.parent,
                             capture_output=True, text=True)
        return int(out.stdout.strip())
    except (OSError, ValueError):
        return 315532800  # 1980-01-01, the earliest time a zip file can hold


@functools.lru_cache(maxsize=2)
def _index(source_dir: Path, _fingerprint: tuple) -> tuple[Sources, Index, dict[str, bytes]]:
    sources = load_once(source_dir)
    index = build_index(sources.plan, sources.catalogue, sources.settings, sources.progress, sources.english,
                        sources.translations, sources.titles)
    return sources, index, data_files(index, build_date())


@functools.lru_cache(maxsize=8)
def _build(source_dir: Path, directory_urls: bool, site_url: str, lang: str, _fingerprint: tuple) -> Build:
    sources, index, downloads = _index(source_dir, _fingerprint)
    renderer = Renderer(index, directory_urls, site_url, lang)
    extra_pages, files = data_and_stats(renderer, downloads)
    pages = (renderer.pages() + index_pages(renderer) + graph_pages(renderer) + extra_pages + brief_pages(renderer)
             + kiosk_pages(renderer))
    files[INDEX_FILE] = search_index(index, renderer.edition, directory_urls)
    finder, files[CSV_SCRIPT] = finder_page(renderer, downloads)
    return Build(sources, index, lang, tuple(pages) + (finder,), renderer.nav(), renderer, tuple(graph_assets()),
                 tuple(sorted(files.items())))


def build(source_dir: Path, directory_urls: bool, site_url: str = "", lang: str = "ja") -> Build:
    """One edition's generated pages; cached until a file under source_dir changes.
    site_url: the public address ('' when there is none, as in the offline bundle): QR codes need it."""
    source_dir = source_dir.resolve()
    return _build(source_dir, directory_urls, site_url, lang, fingerprint(source_dir))

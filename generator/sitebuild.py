"""`make site`: check the sources, build both sites into a temporary folder, then swap them in.

site/                          the site for the web (mkdocs.yml): Japanese at the root, English in en/
dist/<name>-offline.zip        the offline bundle (mkdocs.offline.yml), for file://, both languages
dist/<name>-offline.zip.sha256 its checksum
dist/<name>-ja.pdf, -en.pdf     the briefing books (generator/render_book.py), also in the site and the bundle
                               (data/ at the root), linked from both editions' data and home pages
If anything fails, site/ and dist/ are left exactly as they were.
"""
from __future__ import annotations

import gzip
import hashlib
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from . import environment, output, pipeline
from .diagnostics import SourceError
from .docs_tree import TARGETS, write_tree
from .edition import LANGS as EDITIONS
from .load_pages import body_offset, pages_dir
from .render_book import BOOK_DIR, book_file, books

BUNDLE_NAME = "asean-japan-plan"
ROOT = Path(__file__).resolve().parent.parent


def _version() -> str:
    """The commit the site is built from ('+' when the working tree has changes), or 'unknown'."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short=10", "HEAD"], cwd=ROOT, capture_output=True, text=True)
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "source", "generator", "overrides"],
                               cwd=ROOT, capture_output=True, text=True)
    except OSError:
        return "unknown"
    return (head.stdout.strip() or "unknown") + ("+" if dirty.stdout.strip() else "")


def build_info(text: Path, epoch: int) -> dict[str, str]:
    """Build date, version and the official text's checksum, shown in every page's footer."""
    return {"date": time.strftime("%Y-%m-%d", time.gmtime(epoch)), "version": _version(),
            "source": hashlib.sha256(text.read_bytes()).hexdigest(), "bundle": f"{BUNDLE_NAME}-offline.zip"}


def _edition_url(site_url: str, lang: str) -> str:
    """The public address of an edition's root ('' without one)."""
    return (site_url.rstrip("/") + "/" + ("" if lang == "ja" else f"{lang}/")) if site_url else ""


def iter_trees(source: Path, dest: Path, targets, site_url: str, info: dict[str, str], builder: str = "mkdocs"):
    """One plain docs folder per target and edition, written when asked for: yields ((target, lang), its
    mkdocs.yml), so that a builder can start on one folder while the next is being written."""
    for target in targets:
        web = target == "web"
        for lang in EDITIONS:
            url = _edition_url(site_url, lang) if web else ""
            build = pipeline.build(source, web, url, lang)
            yield (target, lang), write_tree(build, dest / f"{target}-{lang}", target, url, info,
                                             pages_dir(source, lang, ROOT / "source"), builder)


def write_trees(*args, **kwargs) -> dict[tuple[str, str], Path]:
    return dict(iter_trees(*args, **kwargs))


@dataclass(frozen=True)
class Builder:
    """A static-site builder run on the docs folders: its command, and where its output lands."""
    name: str
    command: tuple[str, ...]           # followed by the config file
    writes_to_dest: bool               # takes `-d DEST`; otherwise it writes the config's site_dir
    suffix: str = ""                   # site<suffix>/ and dist<suffix>/
    unused: tuple[str, ...] = ()       # theme files no page loads (globs), left out of the site and bundle


# Material's own search is off (the site has its own, assets/javascripts/search.js: no page has Material's
# search form, so its worker and lunr are never started), and source maps serve only a developer's
# debugger: 1.1 MB of the offline zip.
MATERIAL_UNUSED = ("assets/javascripts/lunr", "assets/javascripts/workers", "assets/**/*.map")


MKDOCS = Builder("mkdocs", (sys.executable, "-m", "mkdocs", "build", "--strict", "-f"), True, unused=MATERIAL_UNUSED)
ZENSICAL = Builder("zensical", (str(ROOT / ".venv-zensical" / "bin" / "zensical"), "build", "-f"), False, "-zensical")
BUILDERS = {b.name: b for b in (MKDOCS, ZENSICAL)}
_MACRO_ERROR = re.compile(r"_File_: `([^`]+)`\s*_(\w+)_: (.*?)\n(?:.*?File \"<template>\", line (\d+))?", re.S)
_LOGGED = re.compile(r"^(WARNING|ERROR)\s+-\s+(.*)$", re.M)
_DOC_FILE = re.compile(r"Doc file '([^']+)'")


def builder_messages(output: str, pages: dict[str, tuple[str, int]]) -> list[str]:
    """A failed builder's output → its messages, each at the hand-written page it is about.
    pages: docs file name → (the page's path as messages show it, lines before its body)."""
    output = re.sub(r"\x1b\[[0-9;]*m", "", output)                   # no colours
    found = []
    for m in _MACRO_ERROR.finditer(output):                           # mkdocs-macros: one block per error
        shown, offset = pages.get(m.group(1), (m.group(1), 0))
        line = offset + int(m.group(4)) if m.group(4) else 1
        found.append(f"{shown}:{line}:1: error: {m.group(2)}: {m.group(3).strip()}")
    for level, message in _LOGGED.findall(output):
        if "[macros]" in message or message.startswith("Aborted with"):
            continue
        doc = _DOC_FILE.search(message)
        where = _where(pages.get(doc.group(1), (doc.group(1), 0))[0], message) if doc else "mkdocs"
        found.append(f"{where}: error: {message.strip()}")
    if not found:                       # anything else: its last words (of a traceback, only the exception)
        lines = [line.strip() for line in output.splitlines() if line.strip()]
        found = [f"error: {line}" for line in lines[-1 if "Traceback" in output else -3:]] or \
            ["error: failed without a message"]
    return found


def _where(shown: str, message: str) -> str:
    """path:line:col of what a builder's message quotes ('… contains a link 'x.md' …'), or path:1:1."""
    quoted = re.search(r"link '([^']+)'", message)
    try:
        lines = Path(shown).read_text(encoding="utf-8-sig").splitlines() if quoted else []
    except OSError:
        lines = []
    for number, line in enumerate(lines, 1):
        if quoted.group(1) in line:
            return f"{shown}:{number}:{line.index(quoted.group(1)) + 1}"
    return f"{shown}:1:1"


def _pages_of(source: Path, lang: str) -> dict[str, tuple[str, int]]:
    folder = pages_dir(source, lang, ROOT / "source")
    return {p.name: (pipeline.shown(p), body_offset(p.read_text(encoding="utf-8-sig").replace("\r\n", "\n")))
            for p in sorted(folder.glob("*.md")) if p.is_file()}


def run_builders(jobs, epoch: int, builder: Builder, parallel: int = 2) -> bool:
    """Build each (config, output folder, hand-written pages) as the jobs come (the generator writes the next
    docs folder while the builders work), `parallel` builders at a time; print the errors of every failed one,
    each at the hand-written page it is about."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    running, queued, failed = [], [], []

    def start(config: Path, dest: Path, pages: dict) -> None:
        cmd = [*builder.command, str(config.resolve())] + (["-d", str(dest.resolve())] if builder.writes_to_dest else [])
        log = tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace")   # no pipe to fill up
        try:
            proc = subprocess.Popen(cmd, env=env, cwd=config.parent, stdout=log, stderr=subprocess.STDOUT, text=True)
        except OSError as error:
            failed.append(f"{builder.name}: error: cannot run {cmd[0]}: {error.strerror}")
            return
        running.append((config, dest, pages, proc, log))

    def finish(item) -> None:
        config, dest, pages, proc, log = item
        proc.wait()
        running.remove(item)
        log.seek(0)
        if proc.returncode != 0:
            failed.append(f"{builder.name} build of {config.parent.name} failed:")
            failed.extend(dict.fromkeys(builder_messages(log.read(), pages)))
        elif not builder.writes_to_dest:
            dest.parent.mkdir(parents=True, exist_ok=True)
            (config.parent / "site").rename(dest)
        log.close()

    def fill() -> None:
        for item in [r for r in running if r[3].poll() is not None]:
            finish(item)
        while queued and len(running) < parallel:
            start(*queued.pop(0))

    for job in jobs:              # asking for the next job writes its docs folder
        queued.append(job)
        fill()
    while queued or running:
        if running:
            finish(running[0])
        fill()
    for message in failed:
        print(message, file=sys.stderr)
    return not failed


def add_hreflang(site: Path, site_url: str) -> None:
    """Page-for-page language pairs in each edition's sitemap.xml (xhtml:link hreflang, which search engines
    read; the head links only the editions' roots, see overrides/partials/ajp-alternate.html)."""
    root = site_url.rstrip("/") + "/"
    roots = {lang: root + ("" if lang == "ja" else f"{lang}/") for lang in EDITIONS}
    for lang in EDITIONS:
        folder = site if lang == "ja" else site / lang
        sitemap = folder / "sitemap.xml"
        if not sitemap.is_file():
            continue

        def pair(match: re.Match) -> str:
            path = match.group(1)[len(roots[lang]):]
            links = "".join(f'<xhtml:link rel="alternate" hreflang="{other}" href="{html.escape(roots[other] + path)}"/>'
                            for other in EDITIONS)
            return match.group(0) + links

        text = sitemap.read_text(encoding="utf-8")
        text = re.sub(r"<loc>([^<]*)</loc>", pair, text)
        text = text.replace('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"',
                            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                            'xmlns:xhtml="http://www.w3.org/1999/xhtml"', 1)
        sitemap.write_text(text, encoding="utf-8")
        with gzip.GzipFile(folder / "sitemap.xml.gz", "wb", mtime=0) as gz:
            gz.write(text.encode("utf-8"))


def _assemble(built: Path, target: str, into: Path, unused: tuple[str, ...]) -> Path:
    """The Japanese edition at the root, every other edition in <lang>/ inside it; without the builder's
    unused theme files."""
    for lang in EDITIONS:
        edition = built / f"{target}-{lang}"
        for path in sorted({p for pattern in unused for p in edition.glob(pattern)}, reverse=True):
            shutil.rmtree(path) if path.is_dir() else path.unlink(missing_ok=True)
    root = built / f"{target}-ja"
    for lang in EDITIONS[1:]:
        (built / f"{target}-{lang}").rename(root / lang)
    root.rename(into)
    return into


def relative_error_pages(folder: Path) -> None:
    """The offline bundle's 404.html (one per edition) with links relative to its own folder: MkDocs
    writes an error page's links from the server's root ("/about.html"), which from a file:// bundle
    lead nowhere (or to the other edition)."""
    for page in sorted(folder.glob("404.html")) + sorted(folder.glob("*/404.html")):
        text = page.read_text(encoding="utf-8")
        text = re.sub(r'(\s(?:href|src))="/(?!/)', r'\1="', text)
        text = text.replace('"base": "/"', '"base": "."')
        page.write_text(text, encoding="utf-8")


def write_checksums(folder: Path) -> None:
    lines = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        lines.append(f"{digest}  {path.relative_to(folder).as_posix()}\n")
    (folder / "SHA256SUMS").write_text("".join(lines), encoding="utf-8")


def write_zip(folder: Path, zip_path: Path, prefix: str, epoch: int) -> None:
    """A zip whose bytes depend only on the files: sorted entries, one fixed timestamp."""
    stamp = max(epoch, 315532800)
    date_time = time.gmtime(stamp)[:6]
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{prefix}/{path.relative_to(folder).as_posix()}", date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, path.read_bytes())


def make_books(source: Path, site_url: str, info: dict[str, str], epoch: int) -> dict[str, bytes]:
    """The briefing book of each edition (file name → PDF), with the QR code of its live edition when there
    is a public address; the same books go into the site, the bundle and dist/."""
    renderers = [pipeline.build(source, True, _edition_url(site_url, lang), lang).renderer for lang in EDITIONS]
    return dict(zip((book_file(lang) for lang in EDITIONS), books(renderers, info, epoch)))


def _put(files: dict[str, bytes], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (folder / name).write_bytes(content)


def load_checked(source: Path, failed: str):
    """The checked sources, or None after printing every problem of the sources and the environment."""
    problems = environment.problems()
    try:
        sources = pipeline.load_once(source)
    except SourceError as error:
        problems, sources = problems + error.problems, None
    if problems:
        for problem in sorted(problems, key=lambda p: (p.line != 0, p.path, p.line, p.col)):
            print(problem, file=sys.stderr)
        print(f"{len(problems)} problem(s); {failed}", file=sys.stderr)
        return None
    return sources


def write_docs(source: Path, dest: Path, targets) -> int:
    """`python -m generator docs DIR`: the docs folders of every edition, for any builder."""
    sources = load_checked(source, "nothing was written.")
    if sources is None:
        return 1
    if dest.exists():
        print(f"{dest}: error: already exists (give a new folder)", file=sys.stderr)
        return 1
    epoch = pipeline.build_date()
    try:
        configs = write_trees(source, dest, targets, environment.site_url(), build_info(source / sources.plan.source, epoch))
    except OSError as error:
        print(f"{error.filename or dest}: error: {error.strerror}", file=sys.stderr)
        return 1
    for (target, lang), config in configs.items():
        print(f"{target} {lang}: {config}")
    return 0


def build_all(source: Path, out: Path, builder: Builder = MKDOCS) -> int:
    """Check, build into <out>/.build-*/, then swap site/ and dist/ in. On any failure they stay as they were."""
    site_name, dist_name = f"site{builder.suffix}", f"dist{builder.suffix}"
    kept = f"{site_name}/ and {dist_name}/ were left as they were."
    sources = load_checked(source, kept)
    if sources is None:
        return 1
    try:
        if out.exists() and not out.is_dir():
            print(f"{out}: error: is a file (expected the folder to build into)", file=sys.stderr)
            return 1
        out.mkdir(parents=True, exist_ok=True)
        with output.locked(out):
            output.remove_leftovers(out)
            return _build(source, sources, out, builder, site_name, dist_name, kept)
    except output.Busy:
        print(f"{out}: error: another build is writing into this folder; {kept} Run again when it has finished.",
              file=sys.stderr)
    except OSError as error:
        print(f"{error.filename or out}: error: {error.strerror}; {kept}", file=sys.stderr)
    except KeyboardInterrupt:
        print(f"interrupted; {kept}", file=sys.stderr)
        return 130
    return 1


def _build(source: Path, sources, out: Path, builder: Builder, site_name: str, dist_name: str, kept: str) -> int:
    epoch = pipeline.build_date()
    info = build_info(source / sources.plan.source, epoch)
    site_url = environment.site_url()
    with tempfile.TemporaryDirectory(prefix=output.WORK_PREFIX, dir=out) as tmp_name:
        tmp = Path(tmp_name)
        built = tmp / "built"
        jobs = ((config, built / f"{t}-{lang}", _pages_of(source, lang))
                for (t, lang), config in iter_trees(source, tmp / "trees", TARGETS, site_url, info, builder.name))
        if not run_builders(jobs, epoch, builder):
            print(kept, file=sys.stderr)
            return 1
        pdfs = make_books(source, site_url, info, epoch)
        online = _assemble(built, "web", tmp / "site", builder.unused)
        if site_url:
            add_hreflang(online, site_url)
        offline = _assemble(built, "offline", tmp / "offline", builder.unused)
        relative_error_pages(offline)
        _put(pdfs, online / BOOK_DIR)
        _put(pdfs, offline / BOOK_DIR)
        write_checksums(offline)
        dist = tmp / "dist"
        _put(pdfs, dist)
        zip_path = dist / f"{BUNDLE_NAME}-offline.zip"
        write_zip(offline, zip_path, f"{BUNDLE_NAME}-offline", epoch)
        digest = hashlib.sha256(zip_path.read_bytes()).hexdigest()
        (dist / f"{zip_path.name}.sha256").write_text(f"{digest}  {zip_path.name}\n", encoding="utf-8")
        output.exchange(online, out / site_name)
        output.exchange(dist, out / dist_name)
    print(f"built {out / site_name} and {out / dist_name / zip_path.name}, " + ", ".join(pdfs))
    return 0

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

from . import pipeline
from .diagnostics import SourceError
from .docs_tree import TARGETS, write_tree
from .edition import LANGS as EDITIONS
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


def _pages_dir(source: Path, lang: str) -> Path:
    own = source / "pages" / lang
    return own if own.is_dir() else ROOT / "source" / "pages" / lang


def _edition_url(site_url: str, lang: str) -> str:
    """The public address of an edition's root ('' without one)."""
    return (site_url.rstrip("/") + "/" + ("" if lang == "ja" else f"{lang}/")) if site_url else ""


def write_trees(source: Path, dest: Path, targets, site_url: str, info: dict[str, str],
                builder: str = "mkdocs") -> dict[tuple[str, str], Path]:
    """One plain docs folder per target and edition: (target, lang) → its mkdocs.yml."""
    configs = {}
    for target in targets:
        web = target == "web"
        for lang in EDITIONS:
            url = _edition_url(site_url, lang) if web else ""
            build = pipeline.build(source, web, url, lang)
            configs[(target, lang)] = write_tree(build, dest / f"{target}-{lang}", target, url, info,
                                                 _pages_dir(source, lang), builder)
    return configs


@dataclass(frozen=True)
class Builder:
    """A static-site builder run on the docs folders: its command, and where its output lands."""
    name: str
    command: tuple[str, ...]           # followed by the config file
    writes_to_dest: bool               # takes `-d DEST`; otherwise it writes the config's site_dir
    suffix: str = ""                   # site<suffix>/ and dist<suffix>/


MKDOCS = Builder("mkdocs", (sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f"), True)
ZENSICAL = Builder("zensical", (str(ROOT / ".venv-zensical" / "bin" / "zensical"), "build", "-f"), False, "-zensical")
BUILDERS = {b.name: b for b in (MKDOCS, ZENSICAL)}


def run_builders(jobs: list[tuple[Path, Path]], epoch: int, builder: Builder, parallel: int = 2) -> bool:
    """Build each (config, output folder), `parallel` at a time; print the errors of every failed one."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    ok, running, waiting = True, [], list(jobs)
    while waiting or running:
        while waiting and len(running) < parallel:
            config, dest = waiting.pop(0)
            cmd = [*builder.command, str(config.resolve())] + (["-d", str(dest.resolve())] if builder.writes_to_dest else [])
            try:
                proc = subprocess.Popen(cmd, env=env, cwd=config.parent, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True)
            except OSError as error:
                print(f"{builder.name}: cannot run {cmd[0]}: {error.strerror}", file=sys.stderr)
                return False
            running.append((config, dest, proc))
        config, dest, proc = running.pop(0)
        out, err = proc.communicate()
        if proc.returncode != 0:
            message = (err or out).split("Traceback (most recent call last)")[0]   # its message, not its stack
            message = re.sub(r"\x1b\[[0-9;]*m", "", message).strip()                  # nor its colours
            print(f"{builder.name} build of {config.parent.name} failed:\n{message}", file=sys.stderr)
            ok = False
        elif not builder.writes_to_dest:
            dest.parent.mkdir(parents=True, exist_ok=True)
            (config.parent / "site").rename(dest)
    return ok


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


def _assemble(built: Path, target: str, into: Path) -> Path:
    """The Japanese edition at the root, every other edition in <lang>/ inside it."""
    root = built / f"{target}-ja"
    for lang in EDITIONS[1:]:
        (built / f"{target}-{lang}").rename(root / lang)
    root.rename(into)
    return into


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


def _swap(new: Path, target: Path, trash: Path) -> None:
    if target.exists():
        target.rename(trash / target.name)
    new.rename(target)


def _load(source: Path, failed: str):
    try:
        return pipeline.load(source)
    except SourceError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{len(error.problems)} problem(s); {failed}", file=sys.stderr)
        return None


def write_docs(source: Path, dest: Path, targets) -> int:
    """`python -m generator docs DIR`: the docs folders of every edition, for any builder."""
    sources = _load(source, "nothing was written.")
    if sources is None:
        return 1
    if dest.exists():
        print(f"{dest}: already exists (give a new folder)", file=sys.stderr)
        return 1
    epoch = pipeline.build_date()
    configs = write_trees(source, dest, targets, os.environ.get("SITE_URL", ""),
                          build_info(source / sources.plan.source, epoch))
    for (target, lang), config in configs.items():
        print(f"{target} {lang}: {config}")
    return 0


def build_all(source: Path, out: Path, builder: Builder = MKDOCS) -> int:
    site_name, dist_name = f"site{builder.suffix}", f"dist{builder.suffix}"
    sources = _load(source, f"{site_name}/ and {dist_name}/ were left as they were.")
    if sources is None:
        return 1
    epoch = pipeline.build_date()
    info = build_info(source / sources.plan.source, epoch)
    site_url = os.environ.get("SITE_URL", "")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".build-", dir=out) as tmp_name:
        tmp = Path(tmp_name)
        configs = write_trees(source, tmp / "trees", TARGETS, site_url, info, builder.name)
        built = tmp / "built"
        if not run_builders([(config, built / f"{t}-{lang}") for (t, lang), config in configs.items()], epoch, builder):
            print(f"{site_name}/ and {dist_name}/ were left as they were.", file=sys.stderr)
            return 1
        pdfs = make_books(source, site_url, info, epoch)
        online = _assemble(built, "web", tmp / "site")
        if site_url:
            add_hreflang(online, site_url)
        offline = _assemble(built, "offline", tmp / "offline")
        _put(pdfs, online / BOOK_DIR)
        _put(pdfs, offline / BOOK_DIR)
        write_checksums(offline)
        dist = tmp / "dist"
        _put(pdfs, dist)
        zip_path = dist / f"{BUNDLE_NAME}-offline.zip"
        write_zip(offline, zip_path, f"{BUNDLE_NAME}-offline", epoch)
        digest = hashlib.sha256(zip_path.read_bytes()).hexdigest()
        (dist / f"{zip_path.name}.sha256").write_text(f"{digest}  {zip_path.name}\n", encoding="utf-8")
        trash = tmp / "old"
        trash.mkdir()
        _swap(online, out / site_name, trash)
        _swap(dist, out / dist_name, trash)
    print(f"built {out / site_name} and {out / dist_name / zip_path.name}, " + ", ".join(pdfs))
    return 0

"""The core's output for any builder: a plain docs folder per edition and target.

`write_tree` writes every generated page, file and asset, the hand-written pages of the edition and a
`mkdocs.yml` of plain values (no hooks, no `!ENV`, the navigation spelled out, build date, version and
checksum filled in). MkDocs builds it with `mkdocs build -f DIR/mkdocs.yml`; Zensical reads the same file.
Only the macros plugin runs on the hand-written pages, and it reads what it needs from `extra.generated`.

The base configuration is the repository's mkdocs.yml (web) or mkdocs.offline.yml (offline, which
INHERITs mkdocs.yml): those two files stay the one place where the theme and its features are set.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import yaml
from markupsafe import escape

from .pipeline import Build
from .render_book import book_links

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"web": "mkdocs.yml", "offline": "mkdocs.offline.yml"}
DROPPED = ("hooks", "watch", "INHERIT")       # the hook is for `mkdocs serve` only


class _Loader(yaml.SafeLoader):
    """mkdocs.yml as plain data: `!ENV [NAME, default]` is read from the environment here."""


def _env(loader, node):
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *keys, default = names if len(names) > 1 else (*names, None)
    return next((os.environ[k] for k in keys if k in os.environ), default)


_Loader.add_constructor("!ENV", _env)
# libyaml's emitter (PyYAML's wheels include it) is ~8× faster than PyYAML's own and writes the same YAML
# (for this site's configurations byte for byte: compared when it was introduced)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _merge(base: dict, child: dict) -> dict:
    """MkDocs' INHERIT: mappings merge, everything else (lists too) is replaced."""
    out = dict(base)
    for key, value in child.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def base_config(target: str) -> dict:
    path = ROOT / TARGETS[target]
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    if "INHERIT" in data:
        parent = yaml.load((path.parent / data["INHERIT"]).read_text(encoding="utf-8"), Loader=_Loader) or {}
        data = _merge(parent, data)
    return {k: v for k, v in data.items() if k not in DROPPED}


def nav(items) -> list:
    """MkDocs themes print navigation titles unescaped: escape them here. The macros plugin renders the
    navigation title of a hand-written page as a template: braces are written as character references,
    so that a title never becomes code ({{ 7*7 }} stays as it is)."""
    return [{nav_title(item.title): item.path if item.path else nav(item.children)} for item in items]


def nav_title(title: str) -> str:
    return str(escape(title)).replace("{", "&#123;").replace("}", "&#125;")


def theme_text(words: dict[str, str]) -> dict[str, str]:
    """The theme's templates print site_name, site_description and config.extra as HTML, unescaped (their
    title attributes add `| e`, which Material's tooltips need): words go there escaped."""
    return {key: str(escape(value)) for key, value in words.items()}


def edition_extra(build: Build, info: dict[str, str]) -> dict:
    """What the theme templates and the macros of one edition read from `config.extra`."""
    r = build.renderer
    ed = r.edition
    other = ed.other_lang()
    return {
        "lang": ed.lang,
        "words": theme_text(r.words),
        "edition": {"lang": ed.lang, "other": other, "other_name": str(escape(r.words["language_name_other"])),
                    # from this edition's root to the other's: the Japanese edition is the root, the others under <lang>/
                    "to_other": f"{other}/" if ed.lang == "ja" else "../"},
        "build": {"date": info.get("date", ""), "version": info.get("version", ""), "source": info.get("source", ""),
                  "bundle": info.get("bundle", "")},
        "generated": generated_for_macros(build),
    }


def generated_for_macros(build: Build) -> dict:
    """Counts and HTML blocks for the hand-written pages (generator/macros.py serves them)."""
    plan, cat = build.sources.plan, build.sources.catalogue
    r = build.renderer
    return {"counts": {"pillars": len(plan.pillars), "sections": len(plan.sections), "measures": len(plan.measures),
                       "acronyms": len(cat.acronyms), "organisations": len(cat.organisations), "areas": len(cat.areas)},
            "home_intro": r.fragment("home_intro.html.j2", ""), "home_pillars": r.fragment("home_pillars.html.j2", ""),
            "home_ways": r.fragment("home_ways.html.j2", "", pages={p.path for p in build.pages}),
            "home_preamble": r.fragment("home_preamble.html.j2", ""),
            "home_books": str(book_links(r, ""))}


def edition_config(build: Build, target: str, site_url: str, info: dict[str, str], builder: str = "mkdocs") -> dict:
    config = base_config(target)
    words = build.renderer.words
    config.update({"site_name": str(escape(words["site_name"])), "site_description": str(escape(words["site_description"])),
                   "docs_dir": "docs", "site_dir": "site", "site_url": site_url, "nav": nav(build.nav)})
    config["theme"] = {**config["theme"], "language": build.lang, "custom_dir": str(ROOT / "overrides")}
    if builder == "zensical":
        config["theme"]["variant"] = "classic"      # Material's look (Zensical's default is "modern")
    config["extra"] = {**(config.get("extra") or {}), **edition_extra(build, info)}
    other_url = ""
    if site_url:
        root = site_url if build.lang == "ja" else site_url[:-len(build.lang) - 1]
        other_url = root + config["extra"]["edition"]["to_other"] if build.lang == "ja" else root
    config["extra"]["edition"].update({"site_url": site_url, "other_site_url": other_url})
    return config


def write_tree(build: Build, dest: Path, target: str, site_url: str, info: dict[str, str], pages_dir: Path,
               builder: str = "mkdocs") -> Path:
    """dest/docs/… and dest/mkdocs.yml for one edition and target; returns the config's path."""
    docs = dest / "docs"
    docs.mkdir(parents=True)
    for page in sorted(pages_dir.glob("*.md")):
        shutil.copyfile(page, docs / page.name)
    for page in build.pages:
        _write(docs / page.path, page.content)
    for path, content in build.files:
        _write(docs / path, content)
    for path, source in build.assets:
        target_path = docs / path
        target_path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target_path)
    config = dest / "mkdocs.yml"
    config.write_text(yaml.dump(edition_config(build, target, site_url, info, builder), Dumper=_DUMPER,
                                allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    return config


def _write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")

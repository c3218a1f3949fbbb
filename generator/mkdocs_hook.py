"""For `make serve` only: hands the Japanese edition's generated pages and navigation to a live MkDocs.

mkdocs.yml lists this file under `hooks:`. `make site` does not use it: it writes plain docs folders
(generator/docs_tree.py) and builds those. The source folder is `source/` beside mkdocs.yml, or the one
named by the PLAN_SOURCE environment variable (tests use it for fixtures).
"""
from __future__ import annotations

import importlib
import os
import sys
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

_generator = {}


def _fresh():
    """The generator's modules, imported anew: `mkdocs serve` rebuilds after an edit in one process, which
    would otherwise keep the old code, templates and the build cached in them."""
    for name in [m for m in sys.modules if m == "generator" or m.startswith("generator.")]:
        del sys.modules[name]
    _generator["pipeline"] = importlib.import_module("generator.pipeline")
    _generator["docs_tree"] = importlib.import_module("generator.docs_tree")
    _generator["diagnostics"] = importlib.import_module("generator.diagnostics")


def source_dir(config) -> Path:
    return Path(os.environ.get("PLAN_SOURCE") or Path(config.config_file_path).parent / "source")


def site_build(config):
    pipeline = _generator["pipeline"]
    try:
        return pipeline.build(source_dir(config), config.use_directory_urls, config.site_url or "", "ja")
    except _generator["diagnostics"].SourceError as error:
        raise PluginError(f"the sources have problems:\n{error}") from None


@event_priority(100)      # before the macros plugin reads config.extra
def on_config(config):
    _fresh()
    build = site_build(config)
    docs_tree = _generator["docs_tree"]
    config.nav = docs_tree.nav(build.nav)
    info = {"date": time.strftime("%Y-%m-%d", time.gmtime(_generator["pipeline"].build_date())), "version": "preview"}
    config.extra = {**config.extra, **docs_tree.edition_extra(build, info)}
    return config


def on_files(files, config):
    build = site_build(config)
    for page in build.pages:
        files.append(File.generated(config, page.path, content=page.content))
    for path, content in build.files:
        files.append(File.generated(config, path, content=content))
    for path, source in build.assets:
        files.append(File.generated(config, path, abs_src_path=str(source)))
    return files

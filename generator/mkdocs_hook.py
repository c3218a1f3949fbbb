"""The only place that knows MkDocs: hands the generator's pages and navigation to it.

mkdocs.yml lists this file under `hooks:`. The source folder is `source/` beside mkdocs.yml, or
the folder named by the PLAN_SOURCE environment variable (tests use it for fixtures).
"""
from __future__ import annotations

import os
from pathlib import Path

from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from generator import pipeline
from generator.diagnostics import SourceError


def source_dir(config) -> Path:
    return Path(os.environ.get("PLAN_SOURCE") or Path(config.config_file_path).parent / "source")


def site_build(config) -> pipeline.Build:
    try:
        return pipeline.build(source_dir(config), config.use_directory_urls, config.site_url or "")
    except SourceError as error:
        raise PluginError(f"the sources have problems:\n{error}") from None


def _nav(items) -> list:
    """MkDocs themes print navigation titles unescaped: escape them here."""
    return [{str(escape(item.title)): item.path if item.path else _nav(item.children)} for item in items]


def on_config(config):
    config.nav = _nav(site_build(config).nav)
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

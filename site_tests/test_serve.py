"""`make serve` (mkdocs serve with generator/mkdocs_hook.py) shows an edit to a template after one rebuild.

Runs on a copy of the repository, so the real templates are never touched."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request

from .conftest import ROOT, _free_port


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, marker: str, seconds: int) -> str | None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = fetch(url)
        if page is not None and marker in page:
            return page
        time.sleep(1)
    return None


def test_serve_shows_an_edited_template(tmp_path):
    for name in ("generator", "overrides", "source"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "tests"))
    shutil.copyfile(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "AJP_CACHE": str(tmp_path / "cache")}
    env.pop("PLAN_SOURCE", None)
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/measures/1-1/"
    try:
        assert wait_for(url, "1.1", 180), "mkdocs serve did not serve the measure page"
        template = tmp_path / "generator" / "templates" / "measure.html.j2"
        marker = "ajp-serve-probe-edited-heading"
        template.write_text(template.read_text(encoding="utf-8") + f'\n<p id="{marker}">{marker}</p>\n',
                            encoding="utf-8")
        assert wait_for(url, marker, 180), "the edited template did not show after the rebuild"
    finally:
        server.terminate()
        server.wait(timeout=30)

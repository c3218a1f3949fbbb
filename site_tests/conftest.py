"""Build the site once per test session, then test what a user gets.

`built` is the output of `python -m generator site` (site/ and dist/) in a temporary folder;
`offline` is the unzipped bundle. Browser fixtures use Debian's Chromium through Playwright,
with every request that is not to the local test server or file:// blocked and recorded.
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/lib/chromium/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# The test server's address is the site's site_url, as on a real host: Material's instant navigation
# only follows links that its sitemap.xml lists, and compares their ports.
PORT = _free_port()
SITE_URL = f"http://127.0.0.1:{PORT}/"


def build_site(out: Path, source: Path = ROOT / "source", cache: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1702771200", "SITE_URL": SITE_URL} | ({} if cache else {"AJP_CACHE": "off"})
    return subprocess.run([sys.executable, "-m", "generator", "--source", str(source), "site", "--out", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True)


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("built")
    result = build_site(out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def site(built) -> Path:
    return built / "site"


@pytest.fixture(scope="session")
def offline(built, tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(next((built / "dist").glob("*-offline.zip"))) as zf:
        zf.extractall(dest)
    (folder,) = dest.iterdir()
    return folder


@pytest.fixture(scope="session")
def html(site):
    @functools.cache
    def parse(path: str) -> BeautifulSoup:
        return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")
    return parse


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(directory: Path, port: int = 0):
    """Serve a folder on 127.0.0.1; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def server(site):
    with serve(site, PORT) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Watched:
    """A page with its console errors, page errors, dialogs and blocked external requests recorded."""

    def __init__(self, page):
        self.page = page
        self.errors: list[str] = []
        self.external: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", self._dialog)
        page.route("**/*", self._route)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "file://", "data:", "blob:", "about:")):
            route.continue_()
        else:
            self.external.append(url)
            route.abort()


@pytest.fixture
def watched(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
    page = Watched(context.new_page())
    yield page
    context.close()

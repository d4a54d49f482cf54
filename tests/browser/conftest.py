"""Session fixtures for the browser tests: one strict build, one local server, one Chromium.

The server's port is chosen first and the site is built with SITE_URL pointing at it, so the
absolute URLs the build writes (canonical, hreflang, sitemap) are fetchable from the tests.
Set BROWSER_TESTS_SITE_DIR to test an already built directory instead (no build).
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from site_pages import ROOT, SitePage

CHROMIUM = "/usr/bin/chromium"
# The flags this machine needs (GUIDE section 4): without the networking ones Chromium floods
# the closed network. Playwright gives every launch a fresh, empty --user-data-dir of its own.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NODE_MODULES = ROOT / "node_modules"
DESKTOP = {"width": 1280, "height": 900}


class QuietHandler(SimpleHTTPRequestHandler):
    """Static files with correct types for what Pagefind and Material load; no access log."""

    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".xml": "application/xml",
        ".txt": "text/plain; charset=utf-8",
    }

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Answer a missing path with the site's root 404.html, as GitHub Pages and most hosts do."""
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@dataclass
class Site:
    dir: Path
    base_url: str  # "http://127.0.0.1:PORT/"

    def url(self, page: SitePage | str) -> str:
        path = page.path if isinstance(page, SitePage) else page
        return self.base_url.rstrip("/") + path

    def is_local(self, url: str) -> bool:
        return urlsplit(url).netloc == urlsplit(self.base_url).netloc

    def file(self, page: SitePage) -> Path:
        return self.dir / page.html_file


def build_site(out: Path, base_url: str) -> None:
    env = {**os.environ, "SITE_URL": base_url, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)]
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        pytest.fail(f"`mkdocs build --strict` failed (exit {done.returncode}):\n{done.stdout}\n{done.stderr}", pytrace=False)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), QuietHandler)
    server.daemon_threads = True
    base_url = f"http://127.0.0.1:{server.server_address[1]}/"
    given = os.environ.get("BROWSER_TESTS_SITE_DIR")
    if given:
        site_dir = Path(given).resolve()
    else:
        site_dir = tmp_path_factory.mktemp("site")
        build_site(site_dir, base_url)
    server.RequestHandlerClass = functools.partial(QuietHandler, directory=str(site_dir))
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield Site(site_dir, base_url)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser-deps` (never `playwright install`)", pytrace=False)
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser: Browser) -> Iterator[Callable[..., Page]]:
    """Open a page in a fresh context (own cache and storage); keyword args go to new_context."""
    contexts: list[BrowserContext] = []

    def make(**options: object) -> Page:
        options.setdefault("viewport", DESKTOP)
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def shared_context(browser: Browser) -> Iterator[BrowserContext]:
    """One desktop context for tests that need no isolation: its HTTP cache makes pages load fast."""
    context = browser.new_context(viewport=DESKTOP)
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def page(shared_context: BrowserContext) -> Iterator[Page]:
    """A new tab in the shared desktop context (use new_page for a fresh context)."""
    tab = shared_context.new_page()
    yield tab
    tab.close()


@dataclass
class PageLoad:
    """Everything one first view of a page asked the network for."""

    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # "STATUS URL" or "ERROR URL"
    console_errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def page_load(browser: Browser, site: Site) -> Callable[[SitePage], PageLoad]:
    """Load a page once per session in a fresh context and record its traffic (cached)."""

    @functools.cache
    def load(site_page: SitePage) -> PageLoad:
        record = PageLoad()
        context = browser.new_context(viewport=DESKTOP)
        try:
            tab = context.new_page()
            tab.on("request", lambda r: record.requests.append(r.url))
            tab.on("requestfailed", lambda r: record.failed.append(f"ERROR {r.url} ({r.failure})"))
            tab.on("response", lambda r: r.status >= 400 and record.failed.append(f"{r.status} {r.url}"))
            tab.on("console", lambda m: m.type == "error" and record.console_errors.append(m.text))
            tab.goto(site.url(site_page))
            # Scroll to the end so lazily loaded images and anything below the fold are fetched.
            tab.evaluate("window.scrollTo(0, document.scrollingElement.scrollHeight)")
            tab.wait_for_load_state("networkidle")
        finally:
            context.close()
        return record

    return load

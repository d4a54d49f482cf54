"""The real site (every page of docs/), built strictly ONCE per test run and shared by every
suite that reads or serves it: the reader-side tests (tests/test_reader_*.py), the browser
tests (tests/browser/), the WebKit run (tests/webkit/) and the tests of outputs and charts.

It is built for a project-site sub-path (SITE_URL), as GitHub Pages publishes a project site, so
the absolute URLs it writes (canonical, hreflang, sitemap, the 404 page's assets) are checked
under a sub-path; `serve()` answers under that same path on 127.0.0.1
(http://127.0.0.1:PORT/nk/…), whatever the port, so every pytest-xdist worker can serve the one
build on a port of its own.

Who builds it:
- `make check` / `make test` build it first, with the build's own output on the terminal
  (`PYTHONPATH=hooks:scripts:tests python -m support.real_site DIR`), and hand DIR to pytest as TEST_SITE_DIR;
- otherwise the session fixture `real_site` (tests/conftest.py) builds it on first use, once per
  run: under pytest-xdist the first worker builds, the others wait for it (a file lock).
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import os
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from support import site_page
from support.build import mkdocs_build
from support.project import ROOT
from support.site_page import SitePage

SITE_URL = "https://example.org/nk/"  # a sub-path, as on a project site
BASE_PATH = urlsplit(SITE_URL).path  # "/nk/"
ENV_DIR = "TEST_SITE_DIR"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


class BuildFailed(Exception):
    """The real site did not build strictly; the message is the build's own output."""


def build(out: Path, site_url: str = SITE_URL, *, capture: bool = True) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of the checkout into `out`, for `site_url` (Pagefind included)."""
    return mkdocs_build(ROOT, site_url, out=out, capture=capture, timeout=None)


def site_url_of(site_dir: Path) -> str | None:
    """The address a built site was built for: the shortest <loc> of its sitemap (the home page)."""
    sitemap = site_dir / "sitemap.xml"
    if not sitemap.is_file():
        return None
    locs = [e.text.strip() for e in ET.parse(sitemap).iter(f"{SITEMAP_NS}loc") if e.text]
    return min(locs, key=len) if locs else None


def given_site() -> Path | None:
    """TEST_SITE_DIR, checked: a directory built for SITE_URL (by `make check` / `make test`)."""
    given = os.environ.get(ENV_DIR)
    if not given:
        return None
    site_dir = Path(given).resolve()
    built_for = site_url_of(site_dir)
    if built_for != SITE_URL:
        raise BuildFailed(f"{ENV_DIR}={given} is not a site built for {SITE_URL} (its sitemap says {built_for!r}); "
                          f"build it with: PYTHONPATH=hooks:scripts:tests python -m support.real_site {given}")
    return site_dir


BUILT: Path | None = None  # the site this process got from shared_build(), once it has one


def shared_build(workdir: Path) -> Path:
    """The real site, built into `workdir`/site unless TEST_SITE_DIR names one; once per run.

    `workdir` is the same for every pytest-xdist worker of a run: the first to get the lock
    builds, the others find it built (or find the build's failure and report it too)."""
    global BUILT
    if BUILT is None:
        BUILT = _shared_build(workdir)
    return BUILT


def _shared_build(workdir: Path) -> Path:
    given = given_site()
    if given:
        return given
    workdir.mkdir(parents=True, exist_ok=True)
    site_dir, done, failed = workdir / "site", workdir / "site.built", workdir / "site.failed"
    with open(workdir / "site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if failed.exists():
            raise BuildFailed(failed.read_text(encoding="utf-8"))
        if not done.exists():
            result = build(site_dir)
            if result.returncode != 0:
                message = f"`mkdocs build --strict` of the real site failed (exit {result.returncode}):\n{result.stdout}\n{result.stderr}"
                failed.write_text(message, encoding="utf-8")
                raise BuildFailed(message)
            done.touch()
    return site_dir


class SiteHandler(SimpleHTTPRequestHandler):
    """A built site under its base path, as a static host serves it: correct types for what
    Pagefind and Material load, no access log, and a missing path answered with the site's
    404.html (as GitHub Pages and most hosts do)."""

    base_path = "/"
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".xml": "application/xml",
        ".txt": "text/plain; charset=utf-8",
        ".bib": "application/x-bibtex",
        ".ris": "application/x-research-info-systems",
    }

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    def translate_path(self, path: str) -> str:
        # Nothing is served outside the base path: such a path maps to a file that cannot exist.
        if not path.startswith(self.base_path):
            return str(Path(self.directory) / ".outside-the-base-path" / "missing")
        return super().translate_path("/" + path[len(self.base_path):])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
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


@contextlib.contextmanager
def serve(site_dir: Path, base_path: str = BASE_PATH) -> Iterator[str]:
    """Serve `site_dir` at http://127.0.0.1:<free port><base_path> in a thread; yields that URL."""
    handler = type("Handler", (SiteHandler,), {"base_path": base_path})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site_dir)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{base_path}"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class ServedSite:
    """A built site, served on 127.0.0.1 under the path it was built for (the browsers visit it)."""

    dir: Path
    base_url: str  # "http://127.0.0.1:PORT/nk/": where this process serves it
    site_url: str = ""  # the address the build was made for (its canonical URLs): "https://example.org/nk/"

    def url(self, page: SitePage | str) -> str:
        """The served address of a page, or of a path below the base path ("en/", "/en/treaty/")."""
        return self.base_url + (page.path if isinstance(page, SitePage) else page).lstrip("/")

    def is_local(self, url: str) -> bool:
        return urlsplit(url).netloc == urlsplit(self.base_url).netloc

    def file(self, page: SitePage) -> Path:
        return self.dir / page.html_file


@contextlib.contextmanager
def served(site_dir: Path) -> Iterator[ServedSite]:
    """Serve a built site under the path its sitemap names (site_page.url_path() then gives page
    paths relative to it); BROWSER_TESTS_SITE_DIR is served this way too."""
    site_url = site_url_of(site_dir)
    if not site_url:
        raise BuildFailed(f"{site_dir} has no sitemap.xml naming its address: is it a built site?")
    base_path = urlsplit(site_url).path or "/"
    site_page.BASE_PATH = base_path
    with serve(site_dir, base_path) as base_url:
        yield ServedSite(site_dir, base_url, site_url)


if __name__ == "__main__":
    # make check / make test: build the real site for the tests, the build's output on the terminal.
    if len(sys.argv) != 2:
        sys.exit("usage: PYTHONPATH=hooks:scripts:tests python -m support.real_site DIR   (then run pytest with TEST_SITE_DIR=DIR)")
    sys.exit(build(Path(sys.argv[1]).resolve(), capture=False).returncode)

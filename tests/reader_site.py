"""Helpers for the reader-side tests: the real site built under a sub-path, and a small parser.

The site itself is tests/real_site.py's one build per test run (use the `real_site` fixture;
`built_sample()` returns the same build). Building it away from site/ keeps the tests
independent of a developer's last build and checks absolute URLs under a project-site
sub-path. Run directly to build a copy for a browser: python tests/reader_site.py /tmp/sample
"""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import real_site  # noqa: E402
from site_copy import copy_site  # noqa: E402


def make_sample_site(dest: Path) -> Path:
    """Copy the site's configuration, pages, hooks and templates to `dest`."""
    return copy_site(dest, docs=True, nav=True)


def build(root: Path, site_url: str = "https://example.org/nk/") -> subprocess.CompletedProcess:
    """Build the site at `root` strictly (Pagefind included); return the finished process."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root, env=env, capture_output=True, text=True)


if __name__ == "__main__":
    target = Path(sys.argv[1]).resolve()
    target.mkdir(parents=True, exist_ok=True)
    done = build(make_sample_site(target), os.environ.get("SITE_URL", "http://127.0.0.1:8000/"))
    print(done.stderr[-3000:])
    sys.exit(done.returncode)


SITE_URL = real_site.SITE_URL  # a sub-path, as on a project site


@functools.cache
def built_sample() -> Path:
    """The real site built for SITE_URL, once per test session (the `real_site` fixture's build
    when a test has already asked for it); returns its folder."""
    if real_site.BUILT is None:
        root = Path(tempfile.mkdtemp(prefix="reader-site-"))
        atexit.register(shutil.rmtree, root, ignore_errors=True)
        real_site.shared_build(root)
    return real_site.BUILT


class Tags(HTMLParser):
    """Every start tag of a page, as (tag, attributes), and its visible text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.feed(html.replace("<wbr>", ""))  # phrase boundaries (hooks/phrase_breaks.py) are not text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        """Attributes of every `tag` whose attributes include `attrs` (use _ for -, e.g. http_equiv)."""
        wanted = {k.replace("_", "-"): v for k, v in attrs.items()}
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in wanted.items())]

    def meta(self, key: str) -> list[str]:
        """Content of <meta name=key> or <meta property=key>."""
        return [a.get("content", "") for t, a in self.tags if t == "meta" and key in (a.get("name"), a.get("property"))]


def page(site: Path, path: str) -> Tags:
    """The parsed page at URL path `path` ("" for the home page, "en/treaty/")."""
    file = site / path / "index.html" if not path.endswith(".html") else site / path
    return Tags(file.read_text(encoding="utf-8"))

"""The pages the browser tests visit, and a small parser for the built HTML.

Pages are discovered from docs/ja/**/*.md (every page exists in both languages, the build
refuses anything else), so a page a writer adds is covered by every test without editing them.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "hooks"))

from sitekit.locate import Source  # noqa: E402

DOCS = ROOT / "docs"
LANGS = ("ja", "en")
DEFAULT_LANG = "ja"


@dataclass(frozen=True)
class SitePage:
    """One page of the site in one language."""

    lang: str
    name: str  # the page's file name under docs/<lang>/ without .md: "index", "treaty", "topic/sub"

    @property
    def id(self) -> str:
        return f"{self.lang}/{self.name}"

    @property
    def source(self) -> Path:
        return DOCS / self.lang / f"{self.name}.md"

    @property
    def path(self) -> str:
        """URL path with use_directory_urls: ja/index -> /, en/treaty -> /en/treaty/."""
        prefix = "/" if self.lang == DEFAULT_LANG else f"/{self.lang}/"
        if self.name == "index":
            return prefix
        if self.name.endswith("/index"):
            return f"{prefix}{self.name[: -len('index')]}"
        return f"{prefix}{self.name}/"

    @property
    def html_file(self) -> str:
        """The built file, relative to the site directory."""
        return self.path.lstrip("/") + "index.html"

    def other(self) -> SitePage:
        return SitePage("en" if self.lang == "ja" else "ja", self.name)

    def markdown(self) -> str:
        return self.source.read_text(encoding="utf-8")

    def cites(self) -> bool:
        """Whether the page's source cites anything (and so has footnotes once built).

        `[^…]` inside code is text, not a citation (the contributing guide shows the syntax)."""
        return "[^" in "\n".join(Source(self.markdown()).masked)


def page_names() -> list[str]:
    return sorted(p.relative_to(DOCS / DEFAULT_LANG).with_suffix("").as_posix() for p in (DOCS / DEFAULT_LANG).rglob("*.md"))


PAGE_NAMES = page_names()
PAGES = [SitePage(lang, name) for lang in LANGS for name in PAGE_NAMES]
JA_PAGES = [p for p in PAGES if p.lang == "ja"]
CITING_PAGES = [p for p in PAGES if p.cites()]


def ids(pages: list[SitePage]) -> list[str]:
    return [p.id for p in pages]


@dataclass
class Html:
    """What the tests need from one built HTML file."""

    lang: str | None = None
    ids: set[str] = field(default_factory=set)
    metas: list[dict[str, str]] = field(default_factory=list)
    links: list[dict[str, str]] = field(default_factory=list)  # <link> elements
    refs: list[tuple[str, str, int]] = field(default_factory=list)  # (tag, url, line) for a/img/script/link/source

    def meta(self, key: str) -> list[str]:
        """Contents of <meta name=key> or <meta property=key>."""
        return [m.get("content", "") for m in self.metas if key in (m.get("name"), m.get("property"))]

    def link_rel(self, rel: str) -> list[dict[str, str]]:
        return [link for link in self.links if rel in link.get("rel", "").split()]


class _Parser(HTMLParser):
    URL_ATTRS = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src", "iframe": "src"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out = Html()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.out.lang = a.get("lang")
        for key in ("id", "name") if tag == "a" else ("id",):
            if a.get(key):
                self.out.ids.add(a[key])
        if tag == "meta":
            self.out.metas.append(a)
        if tag == "link":
            self.out.links.append(a)
        url_attr = self.URL_ATTRS.get(tag)
        if url_attr and url_attr in a:
            self.out.refs.append((tag, a[url_attr], self.getpos()[0]))
        if tag in ("img", "source") and a.get("srcset"):
            for candidate in a["srcset"].split(","):
                self.out.refs.append((tag, candidate.strip().split(" ")[0], self.getpos()[0]))

    handle_startendtag = handle_starttag


def parse_html(path: Path) -> Html:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.out


# The path the site under test is served and built under ("/nk/" for tests/real_site.py's
# build, "/" for a site built for a domain's root); the `site` fixture sets it.
BASE_PATH = "/"


def url_path(url: str) -> str:
    """The page path of a URL, relative to the site's base path and normalised:
    http://host/nk/en/treaty/index.html#x -> /en/treaty/ (SitePage.path's form).

    A URL outside the base path comes back marked, so that it can never equal a page's path."""
    path = urlsplit(url).path or "/"
    if path.endswith("/index.html"):
        path = path[: -len("index.html")]
    if not path.startswith(BASE_PATH):
        return f"(outside {BASE_PATH}) {path}"
    return "/" + path[len(BASE_PATH):]

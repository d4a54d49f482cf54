"""The site's pages, one SitePage per page and language, as every browser test visits them.

Pages are discovered from the default language's folder (every page exists in both languages,
the build refuses anything else), so a page a writer adds is covered by every test without
editing them. Its address is the build's own rule (sitekit.i18n), not a copy of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from sitekit import i18n
from sitekit.locate import SourceLines
from support.project import ROOT

DOCS = ROOT / "docs"
LANGS = i18n.locales()
DEFAULT_LANG = i18n.default()


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
        """Its URL path below the site's base path: ja/index -> /, en/treaty -> /en/treaty/."""
        return "/" + i18n.page_path(self.lang, f"{self.name}.md")

    @property
    def html_file(self) -> str:
        """The built file, relative to the site directory."""
        return self.path.lstrip("/") + "index.html"

    def other(self) -> SitePage:
        return SitePage(i18n.other(self.lang), self.name)

    def markdown(self) -> str:
        return self.source.read_text(encoding="utf-8")

    def cites(self) -> bool:
        """Whether the page's source cites anything (and so has footnotes once built).

        `[^…]` inside code is text, not a citation (the contributing guide shows the syntax)."""
        return "[^" in "\n".join(SourceLines(self.markdown()).masked)


def page_names() -> list[str]:
    return sorted(p.relative_to(DOCS / DEFAULT_LANG).with_suffix("").as_posix() for p in (DOCS / DEFAULT_LANG).rglob("*.md"))


PAGE_NAMES = page_names()
PAGES = [SitePage(lang, name) for lang in LANGS for name in PAGE_NAMES]
JA_PAGES = [p for p in PAGES if p.lang == DEFAULT_LANG]
CITING_PAGES = [p for p in PAGES if p.cites()]


def ids(pages: list[SitePage]) -> list[str]:
    return [p.id for p in pages]


# The path the site under test is served and built under ("/nk/" for support.real_site's
# build, "/" for a site built for a domain's root); support.real_site.served() sets it.
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

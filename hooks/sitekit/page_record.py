"""What a reference to one page says about it, shared by the citation block, JSON-LD and feeds.

One record per page and language: its title, the site's name in that language, the date its
text last changed (front matter `updated:`), its absolute URL and the other language's.
The title is the page's heading (its h1, as Python-Markdown rendered it), which is what a
reader sees and cites; the front matter's `title:` is the short name for the browser tab and
the navigation ("Treaty" for "The Comprehensive Strategic Partnership Treaty").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from . import i18n, state
from .corpus import is_article
from .yamlfiles import as_day

LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
# The image every page shares (og:image in partials/head-meta.html, `image` in the JSON-LD).
SHARE_IMAGE = {"path": "assets/images/share.png", "width": 1200, "height": 630, "type": "image/png"}


@dataclass(frozen=True)
class PageRecord:
    """One page in one language, as a reference describes it."""

    locale: str
    rel: str  # "treaty.md"
    title: str
    description: str
    site_name: str
    root_url: str  # the site's address (site_url): the data downloads live there
    home_url: str  # absolute URL of this language's home page
    url: str  # absolute URL of the page
    updated: dt.date | None  # when its text last changed
    published: dt.date | None  # when it was first published (front matter `published:`)
    as_of: dt.date | None  # the newest source it relies on (article pages)
    is_article: bool
    alternates: tuple[tuple[str, str], ...]  # (locale, absolute URL) of the page in the other languages
    markers: tuple[str, ...]  # the data markers the page carries, e.g. ("estimates",)
    # False: made while the page is being converted, for the data partials (its address and
    # dates); the heading and the markers are known once the conversion is done (record_of)
    converted: bool = True

    @property
    def slug(self) -> str:
        """A name for files and keys: "treaty", "topic-sub"; the home page is "index"."""
        return self.rel.removesuffix(".md").replace("/", "-")

    @property
    def date(self) -> dt.date | None:
        """The date a reference gives: the last update, else the as-of date."""
        return self.updated or self.as_of


def record(page: Page, config: MkDocsConfig) -> PageRecord:
    """The record of `page`, from its front matter and the i18n plugin's alternates."""
    locale, rel = state.page_key(page)
    checked = state.SITE.pages.get((locale, rel))
    meta = checked.meta if checked else page.meta  # the checked front matter: dates are dates even when quoted
    root = config.site_url or "/"
    others = getattr(page.file, "alternates", {}) or {}
    return PageRecord(
        locale=locale,
        rel=rel,
        title=_heading(locale, rel) or str(meta.get("title") or page.title or ""),
        description=str(meta.get("description") or ""),
        site_name=config.site_name,
        root_url=root,
        home_url=urljoin(root, i18n.prefix(locale)),
        url=page.canonical_url or urljoin(root, page.url),
        updated=as_day(meta.get("updated")),
        published=as_day(meta.get("published")),
        as_of=as_day(meta.get("as_of")),
        is_article=is_article(meta),
        alternates=tuple((lang, urljoin(root, f.url)) for lang, f in sorted(others.items()) if lang != locale and f is not None),
        markers=_markers(locale, rel),
        converted=bool(checked and checked.view),
    )


class _FirstHeading(HTMLParser):
    """The text of the first <h1>, without its permalink and footnote markers."""

    SKIP = ("headerlink", "footnote-ref")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.state = "before"  # "before", "in", "done"
        self.depth = 0  # open elements inside the h1
        self.skipping = 0  # depth at which a skipped element opened (0: not skipping)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.state == "before" and tag == "h1":
            self.state = "in"
        elif self.state == "in" and tag not in ("br", "wbr", "img"):
            self.depth += 1
            classes = (dict(attrs).get("class") or "").split()
            if not self.skipping and any(c in self.SKIP for c in classes):
                self.skipping = self.depth

    def handle_endtag(self, tag: str) -> None:
        if self.state != "in":
            return
        if tag == "h1" and self.depth == 0:
            self.state = "done"
            return
        if self.skipping == self.depth:
            self.skipping = 0
        self.depth = max(self.depth - 1, 0)

    def handle_data(self, data: str) -> None:
        if self.state == "in" and not self.skipping:
            self.parts.append(data)


def _heading(locale: str, rel: str) -> str:
    """The page's h1 as text, from the checks' conversion ("" when the page has none)."""
    checked = state.SITE.pages.get((locale, rel))
    if not checked or not checked.view:
        return ""
    parser = _FirstHeading()
    parser.feed(checked.view.html)
    return " ".join("".join(parser.parts).split())


def _markers(locale: str, rel: str) -> tuple[str, ...]:
    """The data markers Python-Markdown expanded on the page (as the checks recorded them)."""
    checked = state.SITE.pages.get((locale, rel))
    return tuple(checked.view.markers) if checked and checked.view else ()


def record_of(page: Page, config: MkDocsConfig) -> PageRecord:
    """The record of `page`, made once per build for the citation block, the feeds and the JSON-LD
    (made again once the page is converted, if it was first asked for during its conversion)."""
    key = state.page_key(page)
    made = state.SITE.records.get(key)
    if made is None or not made.converted:
        made = state.SITE.records[key] = record(page, config)
    return made


def recorded(page: Page) -> PageRecord | None:
    """The record of `page` if this build made it already (the data partials have no config)."""
    return state.SITE.records.get(state.page_key(page))

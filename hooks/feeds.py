"""MkDocs hook: one Atom feed per language of page updates and corrections.

feedgen writes /feed.xml (Japanese) and /en/feed.xml (English), each in its language's pass:
pages are collected as they render, and the feed is written in that pass's on_post_build
(in the Japanese pass before the i18n plugin builds English inside the same event). Every
page links its language's feed in <head> (overrides/partials/feed-link.html); the
corrections page links it in the text (partials/corrections.html).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from sitekit import render, state
from sitekit.feed_entries import MEDIA_TYPE, atom, entries, feed_path
from sitekit.page_record import PageRecord, record_of


# Remember the page for the feed, and give the templates the feed's link.
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    rec = record_of(page, config)
    state.BUILD.feed_pages.setdefault(rec.locale, {})[rec.rel] = rec
    words = render.labels()[rec.locale]["feed"]
    href = get_relative_url(feed_path(rec.locale), page.url)
    context["feed"] = {"href": href, "type": MEDIA_TYPE, "lang": rec.locale, "title": words["title"].format(site=config.site_name)}
    return context


# Write this language's feed once all its pages are rendered.
@event_priority(50)
def on_post_build(config: MkDocsConfig) -> None:
    locale = state.current_locale(config)
    pages: dict[str, PageRecord] = state.BUILD.feed_pages.get(locale, {})
    if not pages:
        return
    words = render.labels()[locale]["feed"]
    changes = {rel: str(p.meta["change"]) for (loc, rel), p in state.SITE.pages.items() if loc == locale and p.meta.get("change")}
    items = entries(pages, state.SITE.cites.data.get("corrections") or [], words, changes)
    some = next(iter(pages.values()))
    log_page = next((p.url for p in pages.values() if "corrections" in p.markers), some.home_url)
    feed_url = urljoin(some.root_url, feed_path(locale))
    xml = atom(locale, words["title"].format(site=config.site_name), config.site_name, feed_url, some.home_url, log_page, items)
    out = Path(state.SITE.site_dir) / feed_path(locale)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(xml)

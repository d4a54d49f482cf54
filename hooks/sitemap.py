"""MkDocs hook: the data of sitemap.xml, which overrides/sitemap.xml writes.

The i18n plugin's own sitemap gives every URL the build date as `lastmod` (so Google learns
to ignore it) and its hreflang alternates lack the `x-default` the page heads carry. Ours
gives each page the date its text last changed (front matter `updated:`, as the feeds and
the JSON-LD do; no `lastmod` for a page without one), the same alternates as the page's
<head> (partials/head-meta.html: every language, then x-default for the default language),
and no `changefreq`, which no page's history supports.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from sitekit import i18n, state


def _lastmod(src_uri: str) -> str | None:
    locale, _, rel = src_uri.partition("/")
    checked = state.SITE.pages.get((locale, rel))
    updated = checked.meta.get("updated") if checked else None
    return updated.isoformat() if updated else None


def sitemap_urls(alternates: dict[str, list[Any]], site_url: str) -> list[dict[str, Any]]:
    """One entry per page of every language: loc, lastmod and hreflang alternates (x-default last)."""
    urls = []
    for locale in i18n.locales():
        for file in alternates.get(locale, []):
            if file.page is None or file.page.is_link:
                continue
            versions = getattr(file, "alternates", {}) or {}
            links = [(lang, urljoin(site_url, f.url)) for lang, f in ((lang, versions.get(lang)) for lang in i18n.locales()) if f is not None]
            default = dict(links).get(i18n.default())
            urls.append({
                "loc": urljoin(site_url, file.url),
                "lastmod": _lastmod(file.src_uri),
                "alternates": links + ([("x-default", default)] if default else []),
            })
    return urls


# The sitemap's entries, for overrides/sitemap.xml (i18n_alternates: the i18n plugin's files per language).
def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    if template_name == "sitemap.xml":
        context["sitemap_urls"] = sitemap_urls(context.get("i18n_alternates") or {}, config.site_url or "/")
    return context

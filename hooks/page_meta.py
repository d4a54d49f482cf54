"""MkDocs hook: what each page tells readers, browsers, crawlers and share previews.

The templates under overrides/ write the tags; this hook only gives them data: the page's
absolute URL in each language (hreflang, og:url, the language switcher), the site-wide
"last updated" date, and the Jinja filters the templates use.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urljoin, urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from sitekit import i18n, render, state


# Give every template the date filter, the labels and the newest as_of of the whole site.
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    render.install_filters(env)
    dates = [p.meta.get("as_of") for p in state.SITE.pages.values()]
    dates = [d for d in dates if isinstance(d, dt.date)]
    env.globals["site_updated"] = max(dates) if dates else None
    env.globals["site_locales"] = list(i18n.locales())
    return env


# The same page in every language, with absolute URLs for hreflang and Open Graph.
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    own, rel = state.page_key(page)
    others = getattr(page.file, "alternates", {}) or {}
    alternates = []
    for locale in i18n.locales():
        file = page.file if locale == own else others.get(locale)
        if file is None:
            continue
        alternates.append({"lang": locale, "url": file.url, "abs": urljoin(config.site_url or "/", file.url), "current": locale == own})
    context["page_locale"] = own
    context["page_alternates"] = alternates
    context["page_is_home"] = rel == "index.md"  # page.is_homepage is False for /en/
    return context


# The 404 page has no page: its switcher and links go to each language's home page.
def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    if template_name == "404.html":
        own = state.current_locale(config)
        root = urlsplit(config.site_url or "/").path  # 404 links must work at any depth
        homes = [(urljoin(root, i18n.prefix(locale)), locale) for locale in i18n.locales()]
        context["page_locale"] = own
        context["page_alternates"] = [
            {"lang": locale, "url": url, "abs": urljoin(config.site_url or "/", url), "current": locale == own} for url, locale in homes
        ]
    return context

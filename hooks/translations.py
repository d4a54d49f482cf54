"""MkDocs hook: tell readers when the other language's version of a page has moved ahead.

The comparison (sitekit.translations) runs once per build, in the first language pass,
over both languages. Pages that are behind are listed at INFO level, which `strict` does
not turn into a failure: a language may run ahead of the other for a while, but readers
of the page that is behind see a notice, rendered from partials/translation-notice.html.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from sitekit import i18n, render, state
from sitekit.translations import compare

log = logging.getLogger("mkdocs.hooks.translations")


# After the citation checks (priority 100) have read every page: compare each pair once.
@event_priority(50)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    if state.is_first_pass(config):
        behind, unrecorded = compare(state.SITE.pages)
        state.BUILD.behind = {(b.locale, b.rel): b for b in behind}
        if behind:
            log.info("Translations behind their counterpart (%d); the build goes on and readers see a notice:", len(behind))
        for problem in [b.problem() for b in behind] + unrecorded:
            log.info("%s", problem)
    return files


# Put the notice right after the page's H1, in the page's language, linking to the newer page.
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    locale, rel = state.page_key(page)
    behind = state.BUILD.behind.get((locale, rel))
    if behind is None or state.ENV is None:
        return html
    other = i18n.other(locale)
    target = i18n.page_path(other, rel)
    notice = state.ENV.get_template("partials/translation-notice.html").render(
        L=render.labels()[locale],
        locale=locale,
        other=other,
        updated=behind.other_updated,
        url=get_relative_url(target, page.url),
    )
    before, h1_end, after = html.partition("</h1>")
    return f"{before}{h1_end}\n{notice}{after}" if h1_end else f"{notice}\n{html}"

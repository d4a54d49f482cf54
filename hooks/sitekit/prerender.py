"""Pages converted for the checks outside MkDocs' own page loop: the pages of the other
language when the build stops before MkDocs reaches them (so that every problem of both
languages is reported at once), and every page in the in-process tests.

The conversion is Python-Markdown's own, with the extensions and settings of mkdocs.yml and
the site's own (sitekit.mdx), so the checks see what MkDocs renders.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

from markdown import Markdown

from . import i18n, mdx, state
from .datasets import lists_citations
from .site import Site


class PageConverter:
    """Converts pages as MkDocs will (same extensions and settings), for the checks that must
    see every page of both languages before anything is written."""

    def __init__(self, extensions: list, configs: dict) -> None:
        others = [e for e in extensions if not mdx.ours(e)]
        own = mdx.extensions()
        self.recorder = mdx.recorder_of(own)
        self.md = Markdown(extensions=[*others, *own], extension_configs=configs)

    def view(self, text: str, page: mdx.PageInput) -> mdx.View:
        """What Python-Markdown makes of one page's text."""
        self.md.reset()
        self.recorder.conversion.page = page
        html = self.md.convert(text)
        view = self.recorder.view
        view.html = html
        return view


def converted(site: Site, extensions: list, configs: dict[str, Any], files: Any = None) -> Iterator[tuple[str, str]]:
    """Set `page.view` on every readable page that has none (data markers expanded as on the
    real pages), yielding each page's key once it is set; a page that lists what the others
    cite (the sources page) comes after them, as in the build."""
    waiting = [key for key, page in site.pages.items() if page.readable and page.view is None]
    waiting.sort(key=lambda key: lists_citations(site.pages[key].body))  # stable: the others keep their order
    converter = PageConverter(extensions, configs) if waiting else None
    for locale, rel in waiting:
        page = site.pages[(locale, rel)]
        # The data renderers link from the page's URL, which the i18n plugin may not have given
        # the files yet: a stand-in carries the one the page will have.
        url = i18n.page_path(locale, rel)
        stand_in = SimpleNamespace(file=SimpleNamespace(src_uri=f"{locale}/{rel}", url=url), url=url)
        context = {"site": site, "page": stand_in, "files": files, "env": state.ENV, "locale": locale}
        text = f"{page.body.rstrip()}\n\n{state.abbreviations(locale)}\n"
        page.view = converter.view(text, state.page_input(locale, context))
        yield locale, rel

"""Every page of both languages converted once for the checks, before MkDocs writes anything.

The conversion is Python-Markdown's own, with the extensions and settings of mkdocs.yml and
the site's own (sitekit.mdx), so the checks see exactly what MkDocs will render.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from markdown import Markdown

from . import i18n, mdx, state
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


def render_views(site: Site, extensions: list, configs: dict[str, Any], files: Any = None) -> None:
    """Set `page.view` on every readable page (data markers expanded as on the real pages)."""
    converter = PageConverter(extensions, configs)
    for (locale, rel), page in site.pages.items():
        if not page.readable:
            continue
        # The data renderers link from the page's URL, which the i18n plugin has not given the
        # files yet (it runs later in on_files): a stand-in carries the one the page will have.
        url = i18n.page_path(locale, rel)
        stand_in = SimpleNamespace(file=SimpleNamespace(src_uri=f"{locale}/{rel}", url=url), url=url)
        context = {"site": site, "page": stand_in, "files": files, "env": state.ENV, "locale": locale}
        text = f"{page.body.rstrip()}\n\n{state.abbreviations(locale)}\n"
        page.view = converter.view(text, state.page_input(locale, context))

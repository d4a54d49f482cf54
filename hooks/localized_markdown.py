"""MkDocs hook: the words Python-Markdown writes into pages, in the page's language.

The footnote back-link title and the heading permalink title are global options of the
Markdown extensions. MkDocs builds a new Markdown instance for every page from
config.mdx_configs, so setting them just before each page renders localizes them.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from sitekit import render, state

# "↩" followed by VS15 so that phones draw the arrow as text, not as a coloured emoji.
BACKLINK_TEXT = "&#8617;&#xFE0E;"


# Localize the footnote and permalink titles for the page about to be rendered (runs last).
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    words = render.labels()[state.page_key(page)[0]]
    mdx = config.mdx_configs
    mdx.setdefault("footnotes", {}).update(BACKLINK_TITLE=words["backlink_title"], BACKLINK_TEXT=BACKLINK_TEXT)
    toc = mdx.setdefault("toc", {})
    if toc.get("permalink"):
        toc["permalink_title"] = words["permalink_title"]
    return markdown

"""MkDocs hook: keep a footnote number on the line of the word it follows, with its punctuation.

The footnote links are inline blocks (a 24 px tap target, site.css), and a browser may break
a line on either side of an inline block whatever the language's rules: Japanese lines then
began with "。" or with a lone footnote number (seen at 360 px on the map and deployment
pages). Each run of footnote references is wrapped, with the character before it and the
closing punctuation after it, in a span that does not wrap (`.fn-glue` in site.css).
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from sitekit import footnote_ids

REF = rf'<sup id="{footnote_ids.ref_id_pattern()}"><a class="footnote-ref" href="#{re.escape(footnote_ids.NOTE_PREFIX)}[^"]*">\d+</a></sup>'
# One character of text (an entity counts as one), the references, then closing punctuation
# in either language; a tag just before the references is left alone.
RUN = re.compile(rf"(&#?\w+;|[^\s<>])?((?:{REF})+)([。、，．：；！？）」』】〕〉》.,;:!?)\]’”]*)")


def glue(html: str) -> str:
    """Wrap every run of footnote references in a span that keeps it with its neighbours."""
    return RUN.sub(lambda m: f'<span class="fn-glue">{m.group(1) or ""}{m.group(2)}{m.group(3)}</span>', html)


# Runs after the citation and data hooks (plain hooks run in mkdocs.yml order).
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return glue(html)

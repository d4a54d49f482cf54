"""MkDocs hook: drop Material's autocomplete="off" from its two toggle checkboxes.

The attribute is invalid on a checkbox (the Nu HTML checker's only errors on a default
Material page). Removing it here beats keeping a 260-line copy of Material's base.html to
change one attribute; assets/javascripts/search.js unticks the boxes on pageshow instead.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

TOGGLE = re.compile(r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" id="__(?:drawer|search)") autocomplete="off">')


def _strip(html: str) -> str:
    return TOGGLE.sub(r"\1>", html)


# Every page of both languages.
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _strip(output)


# The 404 pages, which are theme templates rather than pages.
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return _strip(output_content)

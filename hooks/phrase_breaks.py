"""MkDocs hook: Japanese line breaks between phrases in every browser engine (BudouX, <wbr>).

Runs in on_post_page, which MkDocs calls after every on_page_content handler of every hook
whatever its priority: the footnote glue (hooks/line_breaks.py) and any check of the page's
HTML see it without <wbr>. Pagefind indexes the written files, and treats <wbr> as nothing
(tests/test_phrase_breaks.py rebuilds the index without them and compares). Only the article
is changed (not the navigation, the head or the scripts); sitekit/phrases.py says how.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from sitekit import state
from sitekit.phrases import insert_wbr

START, END = '<article class="md-content__inner', "</article>"


def phrase_breaks(output: str, locale: str) -> str:
    """The page with <wbr> at the Japanese phrase boundaries of its article."""
    start, end = output.find(START), output.rfind(END)
    if start < 0 or end < start:
        return output
    return output[:start] + insert_wbr(output[start:end], locale) + output[end:]


# Every page of both languages, once its HTML is final (Japanese text on English pages is
# marked lang="ja" and gets its phrases too).
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return phrase_breaks(output, state.page_key(page)[0])

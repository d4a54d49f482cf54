"""Footnotes numbered in reading order: 1 is the first cited in the text, and the list at the
foot follows the numbers.

Python-Markdown's own reference order (USE_DEFINITION_ORDER: false) follows the order its inline
pass visits elements, which is not the page's: the paragraph after a list is numbered before the
list's items (16 then 15 on a page). This is Python-Markdown issue #1561
(https://github.com/Python-Markdown/markdown/issues/1561, confirmed), which PR #1626
(https://github.com/Python-Markdown/markdown/pull/1626) fixes. Once a Python-Markdown release
carries that fix, delete this module and its line in sitekit.mdx.extensions(), then run
tests/test_reader_footnote_order.py: it passes only if upstream's order is right on its own.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor


class FootnoteOrder(Extension):
    """Renumbers the footnotes in reading order.

    | Class | Registry | Name | Priority | Runs |
    | --- | --- | --- | :-: | --- |
    | `_ReadingOrder` | treeprocessors | `footnote-order` | 14.5 | after footnote-duplicate (15) has added every back-link; before the observer (14) |
    """

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(_ReadingOrder(md), "footnote-order", 14.5)


class _ReadingOrder(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        refs = [a for a in root.iter("a") if a.get("class") == "footnote-ref" and (a.get("href") or "").startswith("#")]
        number: dict[str, int] = {}
        for a in refs:
            number.setdefault(a.get("href", "")[1:], len(number) + 1)
        if not number:
            return
        footnotes = self.md.treeprocessors["footnote"].footnotes
        text, title = footnotes.getConfig("SUPERSCRIPT_TEXT"), footnotes.getConfig("BACKLINK_TITLE")
        for a in refs:
            a.text = text.format(number[a.get("href", "")[1:]])
        for ol in (div.find("ol") for div in root.iter("div") if div.get("class") == "footnote"):
            if ol is None:
                continue
            # Footnotes nothing cites keep their place after the cited ones.
            items = sorted(enumerate(ol), key=lambda item: number.get(item[1].get("id", ""), len(number) + 1 + item[0]))
            for li in list(ol):
                ol.remove(li)
            ol.extend(li for _, li in items)
            for li in ol:  # "back to footnote N": the number the reader now sees
                for back in (a for a in li.iter("a") if a.get("class") == "footnote-backref" and li.get("id") in number):
                    back.set("title", title.format(number[li.get("id")]))

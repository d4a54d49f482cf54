"""Registry footnotes: the footnote text of every source a page cites, written by the build.

A page cites a source by `[^id]` and never writes its footnote: the text comes from the
registry (docs/sources.yml), rendered by partials/citation.html in the page's language, and is
added as a stashed HTML fragment, so that Markdown never reads a registry title (an image in a
title cannot render). The list of ids is read from the raw text (and the data blocks' Markdown),
so an id shown only as code gets a footnote too; nothing references it, and it is dropped.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from .. import footnote_ids
from .conversion import Conversion
from .observer import REF


class RegistryFootnotes(Extension):
    """Writes the footnotes of registry sources.

    | Class | Registry | Name | Priority | Runs |
    | --- | --- | --- | :-: | --- |
    | `_SourceNotes` | preprocessors | `registry-footnotes` | 18 | after the data markers (19): their Markdown cites sources too |
    | `_DropUnused` | treeprocessors | `registry-unused` | 13.9 | after the observer (14) has counted the references |
    """

    def __init__(self, conversion: Conversion) -> None:
        super().__init__()
        self.conversion = conversion

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.preprocessors.register(_SourceNotes(md, self.conversion), "registry-footnotes", 18)
        md.treeprocessors.register(_DropUnused(md, self.conversion), "registry-unused", 13.9)


class _SourceNotes(Preprocessor):
    """Append the footnote of every registry source whose [^id] the page's text contains."""

    def __init__(self, md: Markdown, conversion: Conversion) -> None:
        super().__init__(md)
        self.c = conversion

    def run(self, lines: list[str]) -> list[str]:
        page = self.c.page
        if page is None:
            return lines
        text = "\n".join([self.c.source_text, *self.c.expansions])
        ids = sorted({label for label in REF.findall(text) if label in page.sources})
        notes = []
        for sid in ids:
            placeholder = self.md.htmlStash.store(page.citation(sid))
            self.c.ours.add(placeholder)
            notes += ["", f"[^{sid}]: {placeholder}"]
        return [*lines, *notes]


class _DropUnused(Treeprocessor):
    """Remove the footnote of a source nothing references (an id seen only as code)."""

    def __init__(self, md: Markdown, conversion: Conversion) -> None:
        super().__init__(md)
        self.c = conversion

    def run(self, root: etree.Element) -> None:
        div, page = self.c.footnote_div, self.c.page
        if div is None or page is None:
            return
        used = self.c.view.cited
        parents = {child: parent for parent in root.iter() for child in parent}
        notes = [(li, m.group(1)) for li in div.iter("li") if (m := footnote_ids.NOTE_ID.fullmatch(li.get("id", "")))]
        for li, label in notes:
            if label in page.sources and not used[label]:
                ol = parents[li]
                ol.remove(li)
                if not len(ol) and ol in parents:
                    outer = parents[ol]
                    if outer in parents:
                        parents[outer].remove(outer)

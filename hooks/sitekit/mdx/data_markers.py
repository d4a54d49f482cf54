"""Data markers: `<!-- timeline -->` on a line of its own becomes the data set's Markdown.

A marker is expanded only where Python-Markdown sees an HTML comment standing alone as a block
(it stashed it as a raw HTML block), never inside code or raw HTML. The Markdown the data set
renders (sitekit.datasets, with [^id] citations) is parsed inside the page's own conversion, in a
wrapper `<div data-dataset="…">` that marks it as generated: the observer does not ask its
blocks for citations of their own and does not count its markup as written by the contributor.
The wrapper is removed once the observer has read the tree.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from .conversion import Conversion
from .observer import PLACEHOLDER

MARKER = re.compile(r"<!--\s*([a-z][a-z-]*)\s*-->")
DATASET_ATTR = "data-dataset"


class DataMarkers(Extension):
    """Expands data markers.

    | Class | Registry | Name | Priority | Runs |
    | --- | --- | --- | :-: | --- |
    | `_Markers` | preprocessors | `data-markers` | 19 | after html_block (20) stashed the comments, and the observer (19.5) read the page's HTML |
    | `_Unwrap` | treeprocessors | `data-unwrap` | 13.8 | after the observer (14) and the registry footnotes (13.9) have read the wrappers |
    """

    def __init__(self, conversion: Conversion) -> None:
        super().__init__()
        self.conversion = conversion

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.preprocessors.register(_Markers(md, self.conversion), "data-markers", 19)
        md.treeprocessors.register(_Unwrap(md, self.conversion), "data-unwrap", 13.8)


class _Markers(Preprocessor):
    """Expand each data marker that Python-Markdown stashed as a stand-alone HTML comment block."""

    def __init__(self, md: Markdown, conversion: Conversion) -> None:
        super().__init__(md)
        self.c = conversion

    def run(self, lines: list[str]) -> list[str]:
        if self.c.page is None:
            return lines
        stash = self.md.htmlStash.rawHtmlBlocks
        out: list[str] = []
        for line in lines:
            expansion = self._expansion(line.strip())
            if expansion is None:
                out.append(line)
                continue
            name, markdown = expansion
            self.c.view.markers.append(name)
            self.c.expansions.append(markdown)
            # The wrapper marks generated blocks (not prose to cite); _Unwrap removes it again.
            wrapped = f'<div {DATASET_ATTR}="{name}" markdown="1">\n\n{markdown}\n\n</div>'
            before = len(stash)
            out.extend(["", *self.md.preprocessors["html_block"].run(wrapped.split("\n")), ""])
            self.c.wrappers += [e for e in stash[before:] if not isinstance(e, str) and e.get(DATASET_ATTR) == name]
        return out

    def _expansion(self, line: str) -> tuple[str, str] | None:
        m = PLACEHOLDER.fullmatch(line)
        if not m:
            return None
        raw = self.md.htmlStash.rawHtmlBlocks[int(m.group(1))]
        marker = MARKER.fullmatch(raw.strip()) if isinstance(raw, str) else None
        if marker is None:
            return None
        markdown = self.c.page.expand(marker.group(1))
        return None if markdown is None else (marker.group(1), markdown)


class _Unwrap(Treeprocessor):
    """Put each data block's content in the place of its wrapper."""

    def __init__(self, md: Markdown, conversion: Conversion) -> None:
        super().__init__(md)
        self.c = conversion

    def run(self, root: etree.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        for wrapper in [e for e in root.iter("div") if any(e is w for w in self.c.wrappers)]:
            parent = parents.get(wrapper, root)
            index = list(parent).index(wrapper)
            parent.remove(wrapper)
            children = list(wrapper)
            for offset, child in enumerate(children):
                parent.insert(index + offset, child)
            if children:
                children[-1].tail = (children[-1].tail or "") + (wrapper.tail or "")

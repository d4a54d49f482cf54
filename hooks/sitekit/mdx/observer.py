"""The observer: what Python-Markdown made of a page (citations, notes, uncited blocks, markup
the contributor wrote), recorded into the conversion's View. It changes nothing in the page.

Whether a citation, a note or a data marker exists is decided here from what Python-Markdown
itself produced, inside the same conversion that renders the page: code is code in every form
Python-Markdown and pymdown-extensions treat as code, and nothing else. The page's source is read
again only to find the line to report (sitekit.locate).

Two of its processors take the place of the footnotes extension's own, by subclassing them
(same name, same priority), to see what that extension does without changing it: every
footnote definition as it is read (a label defined twice keeps only its last text upstream),
and the footnote list it appends (known by identity, not by its class: a `<div class="footnote">`
written in the page is prose like any other).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections import Counter
from html.parser import HTMLParser
from typing import Any

from markdown import Markdown, util
from markdown.extensions import Extension
from markdown.extensions.footnotes import FootnoteBlockProcessor, FootnoteExtension, FootnoteTreeprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from .. import footnote_ids
from .conversion import Conversion

PLACEHOLDER = re.compile(util.HTML_PLACEHOLDER % r"(\d+)")
ANY_PLACEHOLDER = re.compile("\x02[^\x03]*\x03")
REF = footnote_ids.CITATION
# `\[^id]` and `[\^id]`: Python-Markdown keeps an escaped character as STX + its code + ETX.
ESCAPED = re.compile("(?:\x0291\x03\\^|\\[\x0294\x03)([^\\]]*)\\]")
# No bracket inside the label: from every "［^" of a long run of them the label would otherwise
# run to the end of the text (full-width brackets are not counted by the page limits).
LOOKALIKE = re.compile(r"[\[［]\s*+[\^＾]\s*+([^\]］\[［\s]*+)\s*+[\]］]")
RAW_SKIP = re.compile(r"<!--.*?-->|<(pre|code)\b.*?</\1>", re.S | re.I)
FIRST_TAG = re.compile(r"<\s*([a-zA-Z][\w-]*)")
BLOCKS = {"p", "li", "dd", "tr"}
CONTAINERS = {"ul", "ol", "dl", "div", "blockquote", "details", "section", "table", "tbody", "figure", "fieldset"}
NOT_CLAIMS = {"h1", "h2", "h3", "h4", "h5", "h6", "pre", "code", "dt", "summary", "thead", "figcaption", "hr"}


class PageRecorder(Extension):
    """Records what Python-Markdown resolved; one instance serves every conversion of a build.

    | Class | Registry | Name | Priority | Runs |
    | --- | --- | --- | :-: | --- |
    | `_Capture` | preprocessors | `page-recorder-capture` | 35 | before normalize_whitespace (30): the text as given |
    | `_PageHtml` | preprocessors | `page-recorder-html` | 19.5 | after html_block (20), before the data markers (19) |
    | `_Definitions` | blockprocessors | `footnote` (replaces upstream's) | 17 | as upstream's FootnoteBlockProcessor |
    | `_FootnoteList` | treeprocessors | `footnote` (replaces upstream's) | 50 | as upstream's FootnoteTreeprocessor |
    | `_Recorder` | treeprocessors | `page-recorder` | 14 | after footnote-duplicate (15) and the reading order (14.5) |
    | `_AttributesBefore` | treeprocessors | `page-recorder-attributes-before` | 8.5 | after data-unwrap (13.8), before attr_list (8) |
    | `_AttributesAfter` | treeprocessors | `page-recorder-attributes-after` | 7.5 | after attr_list (8) |
    """

    def __init__(self, conversion: Conversion) -> None:
        super().__init__()
        self.conversion = conversion

    @property
    def view(self):  # noqa: ANN201 - the View of the last conversion
        return self.conversion.view

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.registerExtension(self)
        c = self.conversion
        footnotes = md.parser.blockprocessors["footnote"].footnotes
        md.preprocessors.register(_Capture(md, c), "page-recorder-capture", 35)
        md.preprocessors.register(_PageHtml(md, c), "page-recorder-html", 19.5)
        md.parser.blockprocessors.register(_Definitions(footnotes, c), "footnote", 17)
        md.treeprocessors.register(_FootnoteList(footnotes, c), "footnote", 50)
        md.treeprocessors.register(_Recorder(md, c, footnotes), "page-recorder", 14)
        md.treeprocessors.register(_AttributesBefore(md, c), "page-recorder-attributes-before", 8.5)
        md.treeprocessors.register(_AttributesAfter(md, c), "page-recorder-attributes-after", 7.5)
        self.reset()

    def reset(self) -> None:
        self.conversion.reset()


class _Capture(Preprocessor):
    """Keep the page's text as given, to list the source ids it may cite."""

    def __init__(self, md: Markdown, conversion: Conversion) -> None:
        super().__init__(md)
        self.c = conversion

    def run(self, lines: list[str]) -> list[str]:
        self.c.source_text = "\n".join(lines)
        return lines


class _PageHtml(Preprocessor):
    """The raw HTML the page itself holds (every stash entry so far, fenced code and its
    attributes too): what the contributor wrote. The data blocks' markup is stashed after it."""

    def __init__(self, md: Markdown, conversion: Conversion) -> None:
        super().__init__(md)
        self.c = conversion

    def run(self, lines: list[str]) -> list[str]:
        stash = self.md.htmlStash.rawHtmlBlocks
        self.c.block_count = len(stash)
        for raw in stash:
            if isinstance(raw, str):
                self.c.view.written += _attributes(raw)
            else:
                self.c.authored |= {id(e) for e in raw.iter()}
                for e in raw.iter():
                    self.c.view.written += [(e.tag, "", ""), *((e.tag, k, v) for k, v in e.attrib.items() if k != "markdown")]
        return lines


class _Recording:
    """The footnotes extension as the definitions processor sees it, recording each definition
    (the build's own are the ones whose text is a stash placeholder it wrote)."""

    def __init__(self, footnotes: FootnoteExtension, conversion: Conversion) -> None:
        self._footnotes, self._c = footnotes, conversion

    def setFootnote(self, label: str, text: str) -> None:  # noqa: N802 (Python-Markdown's name)
        self._c.view.definitions.append((label, text in self._c.ours))
        self._footnotes.setFootnote(label, text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._footnotes, name)


class _Definitions(FootnoteBlockProcessor):
    """Upstream's footnote definitions, each one recorded as it is read."""

    def __init__(self, footnotes: FootnoteExtension, conversion: Conversion) -> None:
        super().__init__(footnotes)
        self.footnotes = _Recording(footnotes, conversion)


class _FootnoteList(FootnoteTreeprocessor):
    """Upstream's footnote list, remembered by identity once it is in the tree."""

    def __init__(self, footnotes: FootnoteExtension, conversion: Conversion) -> None:
        super().__init__(footnotes)
        self.c = conversion

    def run(self, root: etree.Element) -> None:
        before = {id(div) for div in root.iter("div")}
        super().run(root)
        # The list's own <div> is the first new one in document order (notes may hold divs).
        self.c.footnote_div = next((d for d in root.iter("div") if id(d) not in before and d.get("class") == "footnote"), None)


class _Recorder(Treeprocessor):
    """Read the tree after footnotes are resolved: references, leftovers, uncited blocks."""

    def __init__(self, md: Markdown, conversion: Conversion, footnotes: FootnoteExtension) -> None:
        super().__init__(md)
        self.c, self.footnotes = conversion, footnotes

    def run(self, root: etree.Element) -> None:
        view = self.c.view
        parents = {child: parent for parent in root.iter() for child in parent}
        wrappers = {id(w) for w in self.c.wrappers}
        self.c.generated = {id(e) for w in self.c.wrappers for e in w.iter()}
        self._written(root, wrappers)
        abbreviations = getattr(self.md.treeprocessors["abbr"], "abbrs", {}) if "abbr" in self.md.treeprocessors else {}
        view.cited_abbreviations = [(name, title) for name, title in abbreviations.items() if REF.search(title or "")]
        notes = self._footnotes()
        for sup in root.iter("sup"):
            m = footnote_ids.REF_ID.fullmatch(sup.get("id", ""))
            if m is None:
                continue
            label, note, in_link = m.group(1), None, False
            node = sup
            while node in parents:
                node = parents[node]
                if node.tag == "a":
                    in_link = True
                if node.tag == "li" and node in notes:
                    note = notes[node]
            view.refs.append((label, note))
            if in_link:
                view.in_link.append(label)
        self._leftovers(root, False)
        self._swallowed()
        self._raw_html()
        for child in list(root):
            self._blocks(child)

    def _written(self, root: etree.Element, wrappers: set[int]) -> None:
        """What the contributor wrote inline (raw HTML in paragraphs), and the class words of
        admonitions and folding blocks (`!!! md-dialog` is a class): outside the data blocks."""
        stash, ours = self.md.htmlStash.rawHtmlBlocks, {int(m.group(1)) for p in self.c.ours for m in PLACEHOLDER.finditer(p)}
        view, seen = self.c.view, set()

        def visit(element: etree.Element) -> None:
            if id(element) in wrappers:
                return
            if id(element) not in self.c.authored and element.tag in ("div", "details"):
                words = [w for w in (element.get("class") or "").split() if w != "admonition"]
                if element.tag == "details" or "admonition" in (element.get("class") or "").split():
                    view.written += [(element.tag, "class", w) for w in words]
            for text in (element.text, *(child.tail for child in element)):
                for m in PLACEHOLDER.finditer(text or ""):
                    index = int(m.group(1))
                    if index >= self.c.block_count and index not in ours | seen and index < len(stash) and isinstance(stash[index], str):
                        seen.add(index)
                        view.written += _attributes(stash[index])
            for child in element:
                visit(child)

        visit(root)

    def _footnotes(self) -> dict[etree.Element, str]:
        """The footnote list items the footnotes extension built, by element."""
        found = {}
        div = self.c.footnote_div
        if div is not None:
            for li in div.iter("li"):
                m = footnote_ids.NOTE_ID.fullmatch(li.get("id", ""))
                if m:
                    found[li] = m.group(1)
        return found

    def _leftovers(self, element: etree.Element, in_code: bool) -> None:
        code = in_code or element.tag in ("code", "pre")
        if not code:
            self._scan(element.text)
        for child in element:
            self._leftovers(child, code)
            if not code:
                self._scan(child.tail)

    def _scan(self, text: str | None) -> None:
        if not text:
            return
        view = self.c.view
        plain = ANY_PLACEHOLDER.sub(" ", text)
        view.unresolved += REF.findall(plain)
        view.escaped += ESCAPED.findall(text)
        view.lookalikes += [m.group(0) for m in LOOKALIKE.finditer(plain) if not m.group(0).startswith("[^") or "］" in m.group(0)]

    def _swallowed(self) -> None:
        # The footnotes extension counted a reference that is not in the tree: an image's alt
        # text or an HTML attribute took it in as plain text (found_refs: its count of references).
        made: Counter[str] = Counter()
        for ref, count in self.footnotes.found_refs.items():
            m = footnote_ids.REF_ID.fullmatch(ref)
            if m:
                made[m.group(1)] += count
        seen = self.c.view.cited
        for label, count in made.items():
            self.c.view.swallowed += [label] * max(0, count - seen[label])

    def _raw_html(self) -> None:
        for raw in self.md.htmlStash.rawHtmlBlocks:
            if not isinstance(raw, str):
                continue
            text = RAW_SKIP.sub(" ", raw)
            labels = REF.findall(text)
            if labels:
                tag = FIRST_TAG.search(raw)
                name = tag.group(1).lower() if tag else "html"
                closed = re.search(rf"</\s*{re.escape(name)}\s*>", raw, re.I) is not None
                first = raw.strip().split("\n", 1)[0]
                self.c.view.raw_html += [(label, name, closed, first) for label in labels]

    def _blocks(self, element: etree.Element) -> None:
        """Collect each paragraph, list item, definition and table body row that cites nothing."""
        # The data blocks and the footnote list are known by identity: a <div class="footnote">
        # or <div data-dataset> written by the contributor is prose like any other.
        if element.tag in NOT_CLAIMS or any(element is w for w in self.c.wrappers) or element is self.c.footnote_div:
            return
        if id(element) not in self.c.authored and "admonition-title" in (element.get("class") or "").split():
            return
        block_children = [c for c in element if c.tag in BLOCKS | CONTAINERS]
        if element.tag in BLOCKS and not (element.tag in ("li", "dd") and any(c.tag == "p" for c in element)):
            text = _own_text(element)
            if re.search(r"\w", text):
                self.c.view.blocks.append((text.strip(), _cites(element)))
        for child in block_children:
            self._blocks(child)


class _AttributesBefore(Treeprocessor):
    """Every element's attributes just before attr_list runs (the data blocks' left out)."""

    def __init__(self, md: Markdown, conversion: Conversion) -> None:
        super().__init__(md)
        self.c = conversion

    def run(self, root: etree.Element) -> None:
        self.c.attributes = {id(e): dict(e.attrib) for e in root.iter() if id(e) not in self.c.generated}


class _AttributesAfter(Treeprocessor):
    """What attr_list added: written by the contributor in {…} after a block or an inline element."""

    def __init__(self, md: Markdown, conversion: Conversion) -> None:
        super().__init__(md)
        self.c = conversion

    def run(self, root: etree.Element) -> None:
        before = self.c.attributes
        for e in root.iter():
            if id(e) not in before:
                continue
            old = before[id(e)]
            for name, value in e.attrib.items():
                if name == "class":
                    added = [w for w in value.split() if w not in (old.get("class") or "").split()]
                    self.c.view.written += [(e.tag, "class", w) for w in added]
                elif old.get(name) != value:
                    self.c.view.written.append((e.tag, name, value))


class _StartTags(HTMLParser):
    """The attributes of every start tag of a raw HTML fragment, as a browser reads them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [(tag, "", ""), *((tag, name, value or "") for name, value in attrs if name != "markdown")]

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def _attributes(raw: str) -> list[tuple[str, str, str]]:
    """(tag, attribute, value) of each start tag in raw HTML (none parsed when there is no "<")."""
    if "<" not in raw:
        return []
    parser = _StartTags()
    parser.feed(raw)
    parser.close()
    return parser.found


def _cites(element: etree.Element) -> bool:
    """Whether the block itself (not a nested list) carries a footnote reference."""
    for child in element:
        if child.tag in ("ul", "ol", "dl"):
            continue
        if child.tag == "sup" and footnote_ids.REF_ID.fullmatch(child.get("id", "")):
            return True
        if _cites(child):
            return True
    return False


def _own_text(element: etree.Element) -> str:
    """The block's words, without link texts ("see also" lines state nothing), references or nested lists."""
    parts = [element.text or ""]
    for child in element:
        if child.tag not in ("a", "sup", "ul", "ol", "dl", "pre"):
            parts.append(_own_text(child) + (" " if child.tag in ("td", "th", "br") else ""))
        parts.append(child.tail or "")
    return ANY_PLACEHOLDER.sub(" ", "".join(parts))

"""What Python-Markdown made of a page: its citations, notes, data markers and uncited blocks.

Whether a citation, a note or a data marker exists is decided here from what Python-Markdown
itself produced, by a small extension that runs inside the same conversion that renders the
page: code is code in every form Python-Markdown and pymdown-extensions treat as code, and
nothing else. (A second parser of our own disagreed with it about indented code, fences in
block quotes, raw HTML blocks, comment endings and notes in lists.) The page's source is read
again only to find the line to report (sitekit.locate).

The extension also does the work that needs Python-Markdown's view:
- a data marker (`<!-- timeline -->`) is expanded only where Python-Markdown sees an HTML
  comment standing alone as a block, never inside code or raw HTML;
- the footnote text of every registry source the page may cite is added as a stashed HTML
  fragment, so Markdown never reads a registry title (an image in a title cannot render);
- footnotes of sources that nothing references (an id shown as code) are dropped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from html.parser import HTMLParser

from markdown import Markdown, util
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

MARKER = re.compile(r"<!--\s*([a-z][a-z-]*)\s*-->")
PLACEHOLDER = re.compile(util.HTML_PLACEHOLDER % r"(\d+)")
ANY_PLACEHOLDER = re.compile("\x02[^\x03]*\x03")
REF = re.compile(r"\[\^([^\]]*)\]")
FNREF_ID = re.compile(r"fnref\d*:(.*)")
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
DATASET_ATTR = "data-dataset"


@dataclass
class PageInput:
    """What the extension needs to know about the page being converted."""

    sources: Collection[str]  # the registry's ids
    citation: Callable[[str], str]  # source id -> its footnote text, as HTML
    expand: Callable[[str], str | None]  # marker name -> Markdown, or None for an ordinary comment


@dataclass
class View:
    """One page as Python-Markdown rendered it."""

    refs: list[tuple[str, str | None]] = field(default_factory=list)  # (label, note it sits in, or None)
    definitions: list[tuple[str, bool]] = field(default_factory=list)  # (label, written by the build)
    unresolved: list[str] = field(default_factory=list)  # [^label] left as text
    escaped: list[str] = field(default_factory=list)  # \[^label], shipped as text on purpose?
    lookalikes: list[str] = field(default_factory=list)  # ［^label］ and the like
    swallowed: list[str] = field(default_factory=list)  # resolved, then lost in an alt text or attribute
    in_link: list[str] = field(default_factory=list)  # a reference inside a link's text
    raw_html: list[tuple[str, str, bool, str]] = field(default_factory=list)  # (label, tag, closed, first line) in raw HTML
    blocks: list[tuple[str, bool]] = field(default_factory=list)  # (text, cites something) of each prose block, in order
    markers: list[str] = field(default_factory=list)  # data markers expanded
    # (tag, attribute, value) the contributor wrote: raw HTML, attribute lists, admonition and
    # folding-block types (not the markup of the site's data templates or of Markdown itself)
    written: list[tuple[str, str, str]] = field(default_factory=list)
    # (abbreviation, expansion) defined on the page with a [^id] in the expansion, which the
    # abbr extension puts as it is into every <abbr title>
    cited_abbreviations: list[tuple[str, str]] = field(default_factory=list)
    html: str = ""

    @property
    def cited(self) -> Counter[str]:
        """How many references each label has on the page."""
        return Counter(label for label, _ in self.refs)


class PageRecorder(Extension):
    """Records what Python-Markdown resolved; one instance serves every conversion of a build."""

    def __init__(self) -> None:
        super().__init__()
        self.page: PageInput | None = None
        self.view = View()
        self.source_text = ""
        self.expansions: list[str] = []

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.registerExtension(self)
        md.preprocessors.register(_Capture(md, self), "page-recorder-capture", 35)
        md.preprocessors.register(_Markers(md, self), "page-recorder-markers", 19)
        md.preprocessors.register(_SourceNotes(md, self), "page-recorder-sources", 18)
        md.treeprocessors.register(_ReadingOrder(md), "page-recorder-reading-order", 14.5)
        md.treeprocessors.register(_Recorder(md, self), "page-recorder", 14)
        # Around attr_list (8): what it adds is written by the contributor.
        md.treeprocessors.register(_AttributesBefore(md, self), "page-recorder-attributes-before", 8.5)
        md.treeprocessors.register(_AttributesAfter(md, self), "page-recorder-attributes-after", 7.5)
        footnotes = md.parser.blockprocessors["footnote"].footnotes
        original, make_div = footnotes.setFootnote, footnotes.makeFootnotesDiv

        def set_footnote(label: str, text: str) -> None:
            self.view.definitions.append((label, text in self.ours))
            original(label, text)

        def footnotes_div(root: etree.Element) -> etree.Element | None:
            # The footnote list Python-Markdown made (not a <div class="footnote"> of the page's own).
            self.footnote_div = make_div(root)
            return self.footnote_div

        footnotes.setFootnote = set_footnote
        footnotes.makeFootnotesDiv = footnotes_div
        self.footnotes = footnotes
        self.reset()

    def reset(self) -> None:
        self.view = View()
        self.source_text = ""
        self.expansions = []
        self.ours: set[str] = set()
        self.wrappers: list[etree.Element] = []  # the data blocks' own <div>s, by identity
        self.authored: set[int] = set()  # ids of elements the contributor wrote as HTML (md_in_html)
        self.generated: set[int] = set()  # ids of elements inside the data blocks
        self.attributes: dict[int, dict[str, str]] = {}  # element id -> attributes before attr_list
        self.footnote_div: etree.Element | None = None
        self.block_count = 0  # raw HTML blocks of the page itself (the stash's first entries)


class _Capture(Preprocessor):
    """Keep the page's text as given, to list the source ids it may cite."""

    def __init__(self, md: Markdown, ext: PageRecorder) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, lines: list[str]) -> list[str]:
        self.ext.source_text = "\n".join(lines)
        return lines


class _Markers(Preprocessor):
    """Expand each data marker that Python-Markdown stashed as a stand-alone HTML comment block."""

    def __init__(self, md: Markdown, ext: PageRecorder) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, lines: list[str]) -> list[str]:
        page = self.ext.page
        # Every raw HTML block so far is the page's own (fenced code and its attributes too):
        # what the data blocks add comes after.
        stash = self.md.htmlStash.rawHtmlBlocks
        self.ext.block_count = len(stash)
        for raw in stash:
            if isinstance(raw, str):
                self.ext.view.written += _attributes(raw)
            else:
                self.ext.authored |= {id(e) for e in raw.iter()}
                self.ext.view.written += [(e.tag, k, v) for e in raw.iter() for k, v in e.attrib.items() if k != "markdown"]
        out: list[str] = []
        for line in lines:
            expansion = self._expansion(line.strip()) if page else None
            if expansion is None:
                out.append(line)
                continue
            name, markdown = expansion
            self.ext.view.markers.append(name)
            self.ext.expansions.append(markdown)
            # The wrapper marks generated blocks (not prose to cite); the recorder removes it again.
            wrapped = f'<div {DATASET_ATTR}="{name}" markdown="1">\n\n{markdown}\n\n</div>'
            before = len(stash)
            out.extend(["", *self.md.preprocessors["html_block"].run(wrapped.split("\n")), ""])
            self.ext.wrappers += [e for e in stash[before:] if not isinstance(e, str) and e.get(DATASET_ATTR) == name]
        return out

    def _expansion(self, line: str) -> tuple[str, str] | None:
        m = PLACEHOLDER.fullmatch(line)
        if not m:
            return None
        raw = self.md.htmlStash.rawHtmlBlocks[int(m.group(1))]
        marker = MARKER.fullmatch(raw.strip()) if isinstance(raw, str) else None
        if marker is None:
            return None
        markdown = self.ext.page.expand(marker.group(1))
        return None if markdown is None else (marker.group(1), markdown)


class _SourceNotes(Preprocessor):
    """Append the footnote of every registry source whose [^id] the page's text contains."""

    def __init__(self, md: Markdown, ext: PageRecorder) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, lines: list[str]) -> list[str]:
        page = self.ext.page
        if page is None:
            return lines
        text = "\n".join([self.ext.source_text, *self.ext.expansions])
        ids = sorted({label for label in REF.findall(text) if label in page.sources})
        notes = []
        for sid in ids:
            placeholder = self.md.htmlStash.store(page.citation(sid))
            self.ext.ours.add(placeholder)
            notes += ["", f"[^{sid}]: {placeholder}"]
        return [*lines, *notes]


class _ReadingOrder(Treeprocessor):
    """Numbers the footnotes in reading order: 1 is the first cited in the text, and the list
    at the foot follows the numbers. Python-Markdown's own reference order (USE_DEFINITION_ORDER:
    false) follows the order its inline pass visits elements, which is not the page's: the
    paragraph after a list is numbered before the list's items (16 then 15 on a page)."""

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


class _Recorder(Treeprocessor):
    """Read the tree after footnotes are resolved: references, leftovers, uncited blocks."""

    def __init__(self, md: Markdown, ext: PageRecorder) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        view = self.ext.view
        parents = {child: parent for parent in root.iter() for child in parent}
        wrappers = {id(w) for w in self.ext.wrappers}
        self.ext.generated = {id(e) for w in self.ext.wrappers for e in w.iter()}
        self._written(root, wrappers)
        abbreviations = getattr(self.md.treeprocessors["abbr"], "abbrs", {}) if "abbr" in self.md.treeprocessors else {}
        view.cited_abbreviations = [(name, title) for name, title in abbreviations.items() if REF.search(title or "")]
        notes = self._footnotes(root)
        for sup in root.iter("sup"):
            m = FNREF_ID.fullmatch(sup.get("id", ""))
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
        self._drop_unused_sources(root, notes, parents)
        self._leftovers(root, False)
        self._swallowed()
        self._raw_html()
        for child in list(root):
            self._blocks(child)
        self._unwrap(root, parents)

    def _written(self, root: etree.Element, wrappers: set[int]) -> None:
        """What the contributor wrote inline (raw HTML in paragraphs), and the class words of
        admonitions and folding blocks (`!!! md-dialog` is a class): outside the data blocks."""
        stash, ours = self.md.htmlStash.rawHtmlBlocks, {int(m.group(1)) for p in self.ext.ours for m in PLACEHOLDER.finditer(p)}
        view, seen = self.ext.view, set()

        def visit(element: etree.Element) -> None:
            if id(element) in wrappers:
                return
            if id(element) not in self.ext.authored and element.tag in ("div", "details"):
                words = [w for w in (element.get("class") or "").split() if w != "admonition"]
                if element.tag == "details" or "admonition" in (element.get("class") or "").split():
                    view.written += [(element.tag, "class", w) for w in words]
            for text in (element.text, *(child.tail for child in element)):
                for m in PLACEHOLDER.finditer(text or ""):
                    index = int(m.group(1))
                    if index >= self.ext.block_count and index not in ours | seen and index < len(stash) and isinstance(stash[index], str):
                        seen.add(index)
                        view.written += _attributes(stash[index])
            for child in element:
                visit(child)

        visit(root)

    def _footnotes(self, root: etree.Element) -> dict[etree.Element, str]:
        """The footnote list items the footnotes extension built, by element."""
        found = {}
        div = self.ext.footnote_div
        if div is not None:
            for li in div.iter("li"):
                if li.get("id", "").startswith("fn:"):
                    found[li] = li.get("id")[3:]
        return found

    def _drop_unused_sources(self, root: etree.Element, notes: dict, parents: dict) -> None:
        # A source id seen only as code got a footnote too (the list of ids is read from the raw
        # text); nothing references it, so it must not ship.
        used = self.ext.view.cited
        page = self.ext.page
        for li, label in notes.items():
            if page and label in page.sources and not used[label]:
                ol = parents[li]
                ol.remove(li)
                if not len(ol) and ol in parents:
                    div = parents[ol]
                    if div in parents:
                        parents[div].remove(div)

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
        view = self.ext.view
        plain = ANY_PLACEHOLDER.sub(" ", text)
        view.unresolved += REF.findall(plain)
        view.escaped += ESCAPED.findall(text)
        view.lookalikes += [m.group(0) for m in LOOKALIKE.finditer(plain) if not m.group(0).startswith("[^") or "］" in m.group(0)]

    def _swallowed(self) -> None:
        # The footnotes extension counted a reference that is not in the tree: an image's alt
        # text or an HTML attribute took it in as plain text.
        made = Counter()
        for ref_id, count in self.ext.footnotes.found_refs.items():
            m = FNREF_ID.fullmatch(ref_id)
            if m:
                made[m.group(1)] += count
        seen = self.ext.view.cited
        for label, count in made.items():
            self.ext.view.swallowed += [label] * max(0, count - seen[label])

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
                self.ext.view.raw_html += [(label, name, closed, first) for label in labels]

    def _blocks(self, element: etree.Element) -> None:
        """Collect each paragraph, list item, definition and table body row that cites nothing."""
        # The data blocks and the footnote list are known by identity: a <div class="footnote">
        # or <div data-dataset> written by the contributor is prose like any other.
        if element.tag in NOT_CLAIMS or any(element is w for w in self.ext.wrappers) or element is self.ext.footnote_div:
            return
        if id(element) not in self.ext.authored and "admonition-title" in (element.get("class") or "").split():
            return
        block_children = [c for c in element if c.tag in BLOCKS | CONTAINERS]
        if element.tag in BLOCKS and not (element.tag in ("li", "dd") and any(c.tag == "p" for c in element)):
            text = _own_text(element)
            if re.search(r"\w", text):
                self.ext.view.blocks.append((text.strip(), _cites(element)))
        for child in block_children:
            self._blocks(child)

    def _unwrap(self, root: etree.Element, parents: dict) -> None:
        for wrapper in [e for e in root.iter("div") if any(e is w for w in self.ext.wrappers)]:
            parent = parents.get(wrapper, root)
            index = list(parent).index(wrapper)
            parent.remove(wrapper)
            children = list(wrapper)
            for offset, child in enumerate(children):
                parent.insert(index + offset, child)
            if children:
                children[-1].tail = (children[-1].tail or "") + (wrapper.tail or "")


class _AttributesBefore(Treeprocessor):
    """Every element's attributes just before attr_list runs (the data blocks' left out)."""

    def __init__(self, md: Markdown, ext: PageRecorder) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        self.ext.attributes = {id(e): dict(e.attrib) for e in root.iter() if id(e) not in self.ext.generated}


class _AttributesAfter(Treeprocessor):
    """What attr_list added: written by the contributor in {…} after a block or an inline element."""

    def __init__(self, md: Markdown, ext: PageRecorder) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        before = self.ext.attributes
        for e in root.iter():
            if id(e) not in before:
                continue
            old = before[id(e)]
            for name, value in e.attrib.items():
                if name == "class":
                    added = [w for w in value.split() if w not in (old.get("class") or "").split()]
                    self.ext.view.written += [(e.tag, "class", w) for w in added]
                elif old.get(name) != value:
                    self.ext.view.written.append((e.tag, name, value))


class _StartTags(HTMLParser):
    """The attributes of every start tag of a raw HTML fragment, as a browser reads them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [(tag, name, value or "") for name, value in attrs if name != "markdown"]

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
        if child.tag == "sup" and FNREF_ID.fullmatch(child.get("id", "")):
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


class Renderer:
    """Converts pages as MkDocs will (same extensions and settings), for the checks that must
    see every page of both languages before anything is written."""

    def __init__(self, extensions: list, configs: dict) -> None:
        self.recorder = PageRecorder()
        others = [e for e in extensions if not isinstance(e, PageRecorder)]
        self.md = Markdown(extensions=[*others, self.recorder], extension_configs=configs)

    def view(self, text: str, page: PageInput) -> View:
        """What Python-Markdown makes of one page's text."""
        self.md.reset()
        self.recorder.page = page
        html = self.md.convert(text)
        view = self.recorder.view
        view.html = html
        return view


def recorder_of(extensions: list) -> PageRecorder:
    """The recorder among MkDocs' Markdown extensions (the i18n plugin may have copied the config)."""
    return next(e for e in extensions if isinstance(e, PageRecorder))

"""What the site's Markdown processors share while Python-Markdown converts one page.

`PageInput` is what the build tells them about the page before it is converted (set by the
citations hook, or by the pre-render); `View` is what they found, read by the checks;
`Conversion` holds both and the working state of one conversion, reset by Python-Markdown
before every page (PageRecorder.reset).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, field


@dataclass
class PageInput:
    """What the extensions need to know about the page being converted."""

    sources: Collection[str]  # the registry's ids, valid or not (an invalid entry is still a listed source)
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
    # (tag, attribute, value) the contributor wrote: raw HTML (each element also as (tag, "", "")),
    # attribute lists, admonition and folding-block types (not the markup of the site's data
    # templates or of Markdown itself)
    written: list[tuple[str, str, str]] = field(default_factory=list)
    # (abbreviation, expansion) defined on the page with a [^id] in the expansion, which the
    # abbr extension puts as it is into every <abbr title>
    cited_abbreviations: list[tuple[str, str]] = field(default_factory=list)
    html: str = ""

    @property
    def cited(self) -> Counter[str]:
        """How many references each label has on the page."""
        return Counter(label for label, _ in self.refs)


@dataclass
class Conversion:
    """The state of one page's conversion, shared by the site's processors (sitekit.mdx)."""

    page: PageInput | None = None  # set before the conversion; kept by reset()
    view: View = field(default_factory=View)
    source_text: str = ""  # the page's Markdown as given (observer)
    expansions: list[str] = field(default_factory=list)  # the Markdown of each expanded data marker (data markers)
    ours: set[str] = field(default_factory=set)  # stash placeholders of the footnotes the build wrote (registry footnotes)
    wrappers: list[etree.Element] = field(default_factory=list)  # the data blocks' own <div>s, by identity (data markers)
    authored: set[int] = field(default_factory=set)  # ids of elements the contributor wrote as HTML (md_in_html)
    generated: set[int] = field(default_factory=set)  # ids of elements inside the data blocks
    attributes: dict[int, dict[str, str]] = field(default_factory=dict)  # element id -> attributes before attr_list
    footnote_div: etree.Element | None = None  # the footnote list Python-Markdown made
    block_count: int = 0  # raw HTML blocks of the page itself (the stash's first entries)

    def reset(self) -> None:
        """Forget the last page (not the input for the next one)."""
        page = self.page
        self.__init__()
        self.page = page

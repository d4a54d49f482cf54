"""Markup that code acts on, listed in one place, and refused in what contributors write.

The allowlist (sanitize) admits attributes that cannot run script or fetch; some of them still
make code act. Read from the code itself, not guessed:
- Material for MkDocs' bundle (its source map; material/templates/assets/javascripts/): it
  reads `data-md-*` (components, toggles, colour), `data-clipboard-text`/`-target` and
  `data-copy` (copy to the clipboard whatever the attribute says), `data-preview`,
  `data-tabs`, ids `__config` (its settings, parsed as JSON), `__drawer`, `__search`,
  `__toc`, `__nav_…`, `__palette_…`, `__consent` (every id it owns starts with "__"), the
  footnote tooltips (`.footnote-ref` links, then the element with the id the link names,
  `fn:…`), `.annotate` and `pre.mermaid` (which loads mermaid from a third-party host); its
  stylesheet positions `md-*` classes over the page (`md-dialog md-dialog--active`).
- Pagefind (hooks/search_index.py, overrides/main.html): `data-pagefind-*` sets what the
  search indexes and shows (`data-pagefind-meta="url:…"` becomes a result's address); the
  classes it is told to skip (EXCLUDE) hide text from search.
- The site's scripts (docs/assets/javascripts/cite.js, search.js): `data-cite-*` (a copy
  button copies the element whose id it names), `data-copied`, `data-copy-failed`,
  `data-pagefind-ui`, `data-bundle`, `data-site-search-close`, `data-search-open`, classes
  `cite-block`, `cite-status`, `cite-copy`, `site-search-open`, and the ids of the page's
  own frame: `site-search`, `cite-<style>`, `cite-<style>-name` (found with getElementById,
  so an earlier element of the same id in the content captures them).
- The sources page's filter (docs/assets/javascripts/source-filter.js): `data-origin`,
  `data-type`, `data-language` on the entries of `.source-list`, `data-status` on
  `.source-filter`; the "who this page relies on" block (`source-mix…`) is hidden in print.
- The site's stylesheets, where they hide or position: `visually-hidden`,
  `site-search__panel`, `cite-page` (in print), the map's layers, the timeline filter (`tl`,
  `tl-filter`, `tl-event`, `tl-year`, ids `tl-…`, `data-theme`).
- Our own checks (sitekit.mdx): the footnotes (`footnote`), admonition titles
  (`admonition-title`) and data blocks (`data-dataset`) are not prose to cite.
- Any code: `hidden` hides an element, so a citation inside it counts without being seen;
  `transform` and an oversized `width`/`height` on an <svg> lay a drawing over the page.

Only what a contributor writes is checked against these (raw HTML, attribute lists,
admonition and folding-block types; sitekit.mdx collects them): the site's own
templates use many of them. Ids are also checked on the whole page as it ships: an id used
twice lets the first capture every link, label and script that looks it up.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser

from . import messages as M
from .problems import Problem
from .render import labels

# name prefix or exact name -> who acts on it
DATA_ATTRIBUTES = {
    "data-md-": "Material for MkDocs",
    "data-clipboard-": "Material's copy to the clipboard",
    "data-copy": "Material's copy to the clipboard",
    "data-preview": "Material's link previews",
    "data-tabs": "Material's content tabs",
    "data-pagefind-": "the site search (Pagefind)",
    "data-bundle": "the site search (search.js)",
    "data-site-search-": "the site search (search.js)",
    "data-search-": "the site search (search.js)",
    "data-cite-": "the citation buttons (cite.js)",
    "data-copied": "the citation buttons (cite.js)",
    "data-copy-failed": "the citation buttons (cite.js)",
    "data-theme": "the timeline filter (data.css)",
    "data-dataset": "the build's data blocks",
    "data-origin": "the sources page's filter (source-filter.js)",
    "data-type": "the sources page's filter (source-filter.js)",
    "data-language": "the sources page's filter (source-filter.js)",
    "data-status": "the sources page's filter (source-filter.js)",
}
CLASSES = {
    "md-": "Material for MkDocs",
    "annotate": "Material's annotations",
    "mermaid": "Material's diagrams, which load a script from another host",
    "footnote": "the footnotes and the site search (Pagefind)",
    "footnote-ref": "Material's footnote tooltips",
    "footnote-backref": "the footnotes",
    "headerlink": "the site search (Pagefind)",
    "page-as-of": "the site search (Pagefind)",
    "cited-in": "the site search (Pagefind)",
    "source-id": "the site search (Pagefind)",
    "admonition-title": "the build's citation check",
    "cite-block": "the citation buttons (cite.js)",
    "cite-status": "the citation buttons (cite.js)",
    "cite-copy": "the citation buttons (cite.js)",
    "site-search": "the site search (search.js)",
    "visually-hidden": "the site's stylesheet, which hides it",
    "cite-page": "the site's stylesheet, which hides it in print",
    "map-layer-narrow": "the map's stylesheet, which hides it at some widths",
    "map-layer-wide": "the map's stylesheet, which hides it at some widths",
    "map-svg-overview": "the map's stylesheet, which hides parts of it at some widths",
    "tl": "the timeline filter (data.css), which hides what it holds",
    "tl-filter": "the timeline filter (data.css), which hides what it holds",
    "tl-event": "the timeline filter (data.css), which hides what it holds",
    "tl-year": "the timeline filter (data.css), which hides what it holds",
    "source-mix": "the site's stylesheet, which hides parts of it in print",
    "source-filter": "the sources page's filter (source-filter.js), hidden until its script shows it",
    "source-list": "the sources page's filter (source-filter.js), which hides entries",
}
IDS = {
    "__": "Material for MkDocs",
    "fn:": "the footnotes",
    "fnref": "the footnotes",
    "tl-": "the timeline filter (data.css)",
}
# The keys above that name a family (md-dialog, site-search__panel, fnref2:…); the rest are exact.
PREFIXES = {"data-md-", "data-clipboard-", "data-pagefind-", "data-site-search-", "data-search-", "data-cite-",
            "md-", "site-search", "source-mix", "source-filter", "__", "fn:", "fnref", "tl-"}
SVG_LARGEST = 1000  # pixels: wider than the page's text column at every size
SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(px|%)?\s*")


@lru_cache(maxsize=1)
def frame_ids() -> dict[str, str]:
    """The ids of the page's own frame that scripts look up, and who looks them up."""
    styles = sorted({style for words in labels().values() for style in words["cite"]["style_names"]})
    found = {"site-search": "the site search (search.js)"}
    found |= {f"cite-{s}{end}": "the citation buttons (cite.js)" for s in styles for end in ("", "-name")}
    return found


def _owner(name: str, table: dict[str, str]) -> str | None:
    """Who acts on a name, by an exact key of the table or a prefix key (PREFIXES)."""
    if name in table:
        return table[name]
    return next((owner for key, owner in table.items() if key in PREFIXES and name.startswith(key)), None)


def id_owner(value: str) -> str | None:
    """Who acts on an element with this id, if the site's own markup or code owns it."""
    return frame_ids().get(value) or _owner(value, IDS)


@dataclass(frozen=True)
class Reserved:
    """One attribute a contributor wrote that code acts on."""

    tag: str
    attribute: str
    value: str
    owner: str = ""  # who acts on it (empty for the kinds that say it themselves)
    kind: str = "attribute"  # attribute, class, id, hidden, transform, size, duplicate

    @property
    def needles(self) -> list[str]:
        """What to look for in the page to find the line."""
        if self.kind in ("class", "id", "duplicate"):
            return [f'"{self.value}"', f"#{self.value}", f".{self.value}", self.value, f"<{self.tag}"]
        return [self.attribute, f"<{self.tag}"]

    def problem(self, path: str, line: int) -> Problem:
        """What is wrong, and what to do instead, at `path`:`line`."""
        tag, value = self.tag, self.value
        if self.kind == "hidden":
            return M.HIDDEN.at(path, line, tag=tag)
        if self.kind == "transform":
            return M.SVG_TRANSFORM.at(path, line, tag=tag)
        if self.kind == "size":
            return M.SVG_TOO_LARGE.at(path, line, name=self.attribute, value=value, tag=tag, largest=SVG_LARGEST)
        if self.kind == "class":
            return M.RESERVED_CLASS.at(path, line, value=value, tag=tag, owner=self.owner)
        if self.kind == "id":
            return M.RESERVED_ID.at(path, line, value=value, owner=self.owner)
        if self.kind == "duplicate":
            return M.DUPLICATE_ID.at(path, line, value=value)
        return M.RESERVED_ATTRIBUTE.at(path, line, name=self.attribute, tag=tag, owner=self.owner)


def _size_too_large(value: str) -> bool:
    m = SIZE.fullmatch(value)
    if m is None:
        return True  # a unit other than pixels or percent (vw, em, cm…) can outgrow the column
    number, unit = float(m.group(1)), m.group(2)
    return number > (100 if unit == "%" else SVG_LARGEST)


def check_written(written: list[tuple[str, str, str]]) -> list[Reserved]:
    """What code acts on among the (tag, attribute, value) a contributor wrote."""
    found: list[Reserved] = []
    for tag, name, value in written:
        name = name.lower()
        if name == "hidden":
            found.append(Reserved(tag, name, value, kind="hidden"))
        elif name.startswith("data-") and (owner := _owner(name, DATA_ATTRIBUTES)):
            found.append(Reserved(tag, name, value, owner))
        elif name == "class":
            found += [Reserved(tag, name, token, owner, "class") for token in value.split()
                      if (owner := _owner(token, CLASSES))]
        elif name == "id" and (owner := id_owner(value)):
            found.append(Reserved(tag, name, value, owner, "id"))
        elif tag == "svg" and name == "transform":
            found.append(Reserved(tag, name, value, kind="transform"))
        elif tag == "svg" and name in ("width", "height") and _size_too_large(value):
            found.append(Reserved(tag, name, value, kind="size"))
    return list(dict.fromkeys(found))


class _Ids(HTMLParser):
    """The id of every element of a page, as a browser reads them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids += [value for name, value in attrs if name == "id" and value is not None]


def check_ids(html: str, reported: set[str]) -> list[Reserved]:
    """Ids of the page as it ships (generated ones included): each once, and none of the
    frame's or Material's (a heading named "__config" or "Cite: APA" gets one). Ids already
    in `reported` (what the contributor wrote) are not reported again."""
    parser = _Ids()
    parser.feed(html)
    parser.close()
    counts = Counter(parser.ids)
    found = [Reserved("", "id", value, kind="duplicate") for value, times in counts.items() if times > 1 and value not in reported]
    owners = {value: frame_ids().get(value) or _owner(value, {"__": IDS["__"]}) for value in counts if value not in reported}
    found += [Reserved("", "id", value, owner, "id") for value, owner in owners.items() if owner]
    return found

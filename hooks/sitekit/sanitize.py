"""The HTML allowlist: what a page's content may contain once Markdown has rendered it.

Pages and data texts come from contributors' pull requests, so what ships is decided by a
maintained allowlist sanitizer (nh3, the Python binding of Rust's ammonia), not by patterns
over Markdown: entities (`java&#115;cript:`), whitespace inside tags, attribute lists and
comment tricks all reach the browser's parser, and ammonia parses as a browser does.

`findings()` tells what the allowlist would remove from a piece of HTML. It compares two
cleanings by the same parser and serializer: one permissive (every tag and attribute kept),
one strict (the allowlist). Whatever differs is what the strict one removed. Elements ammonia
drops with their content in both cleanings are caught from the tags as written. A page ships
only if nothing would be removed, so what ships is exactly what passed the allowlist (MkDocs'
own conversion of each page is checked again before it is written).

Two allowlists. What a contributor writes (PROSE_TAGS, PROSE_ATTRIBUTES) is what Markdown
makes, and raw HTML of the same kinds; the site's own data templates (the Markdown a data marker
expands to) may add the form controls of their filters and copy buttons and `hidden`
(GENERATED_ONLY). The page's whole HTML is checked against the larger list, and what the
contributor wrote (the observer's `written`, sitekit.mdx) against the prose list
(`written_findings`), so a form control in a page's text is refused wherever it stands.
The contributing guides list PROSE_TAGS and PROSE_ATTRIBUTES word for word (tests/test_contributing.py).

What the allowlist admits, and why:
- the elements Python-Markdown and its extensions produce (text, lists, tables, details,
  footnotes, inline SVG charts and map); in the data templates also the timeline's radio
  filter and the copy buttons of the data citations;
- global attributes that cannot run script or fetch: id, class, title, lang, dir, role,
  tabindex, aria-*, data-* (not Material's data-md-*, which drive its JavaScript; the other
  names code acts on are refused where a contributor writes them, by sitekit.reserved), and
  in the data templates `hidden` (a copy button stays hidden until its script runs);
- links (`href`) to https, http, mailto or relative addresses; resources (`src`) only from
  this site, as a browser resolves the address (sitekit.addresses: a backslash is a slash),
  so no element of a page fetches from another host; no address that reads as one host and
  goes to another (a user name before "@", a host the browser maps, a link's text showing
  another address);
- `style` only on table cells and only `text-align` (Markdown's column alignment);
- SVG presentation attributes, with `url(#…)` references to the same document only.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3

from . import addresses
from . import messages as M
from .problems import Problem, printable

HTML_TAGS = set(
    "a abbr b bdi bdo blockquote br caption cite code col colgroup data dd del details dfn div dl dt em "
    "figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q "
    "rp rt ruby s samp section small span strong sub summary sup table tbody td tfoot th thead time tr u "
    "ul var wbr".split()
)
SVG_TAGS = set(
    "svg g defs title desc path circle ellipse rect line polyline polygon text tspan marker clipPath".split()
)
PROSE_TAGS = HTML_TAGS | SVG_TAGS
PROSE_GLOBAL = {"id", "class", "title", "lang", "dir", "role", "tabindex"}
SVG_PRESENTATION = {
    "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-dasharray", "stroke-linecap",
    "stroke-linejoin", "stroke-opacity", "opacity", "transform", "clip-path", "marker-start", "marker-mid",
    "marker-end", "vector-effect", "font-size", "font-weight", "text-anchor", "dominant-baseline",
}
PROSE_ATTRIBUTES = {
    "*": PROSE_GLOBAL,
    "a": {"href", "hreflang", "rel", "download", "type"},
    "abbr": {"title"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "ol": {"start", "reversed"},
    "li": {"value"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "time": {"datetime"},
    "data": {"value"},
    "details": {"open"},
    "q": set(),
    "svg": {"viewBox", "width", "height", "preserveAspectRatio", "xmlns", "focusable"} | SVG_PRESENTATION,
    "g": SVG_PRESENTATION,
    "path": {"d"} | SVG_PRESENTATION,
    "circle": {"cx", "cy", "r"} | SVG_PRESENTATION,
    "ellipse": {"cx", "cy", "rx", "ry"} | SVG_PRESENTATION,
    "rect": {"x", "y", "width", "height", "rx", "ry"} | SVG_PRESENTATION,
    "line": {"x1", "y1", "x2", "y2"} | SVG_PRESENTATION,
    "polyline": {"points"} | SVG_PRESENTATION,
    "polygon": {"points"} | SVG_PRESENTATION,
    "text": {"x", "y", "dx", "dy"} | SVG_PRESENTATION,
    "tspan": {"x", "y", "dx", "dy"} | SVG_PRESENTATION,
    "marker": {"viewBox", "markerWidth", "markerHeight", "refX", "refY", "orient", "markerUnits"} | SVG_PRESENTATION,
    "clipPath": {"clipPathUnits"},
}
# What only the site's data templates may add: their filters' and copy buttons' form controls.
GENERATED_ONLY = {
    "*": {"hidden"},  # a copy button stays hidden until cite.js shows it
    "button": {"type"},  # only type="button": without a form it does nothing
    "input": {"type", "name", "value", "checked"},  # only radio buttons and checkboxes (the timeline's filter)
    "label": {"for"},
    "fieldset": set(),
    "legend": set(),
}
GENERATED_ONLY_TAGS = set(GENERATED_ONLY) - {"*"}
TAGS = PROSE_TAGS | GENERATED_ONLY_TAGS
ATTRIBUTES = {tag: PROSE_ATTRIBUTES.get(tag, set()) | GENERATED_ONLY.get(tag, set()) for tag in {*PROSE_ATTRIBUTES, *GENERATED_ONLY}}
GLOBAL = ATTRIBUTES["*"]
LINK_SCHEMES = {"https", "http", "mailto"}
RESOURCE_ATTRIBUTES = {"src", "srcset", "poster", "background", "data", "xlink:href"}
LINK_ATTRIBUTES = {"href", "cite", "action", "formaction"}
SAME_DOCUMENT_URL = re.compile(r"\s*url\(\s*#[\w.-]+\s*\)\s*", re.I)
LINE_BREAK = re.compile("[\n\r\x85\u2028\u2029]")
# Inline Markdown in data files (timeline texts, estimate notes…): words, emphasis, code, links.
INLINE_TAGS = {"a", "em", "strong", "code"}
INLINE_ATTRIBUTES = {"a": {"href"}}

# Everything a browser might parse, for the permissive cleaning that shows what the strict one removes.
EVERY_TAG = TAGS | set(
    "address applet area article aside audio base basefont bgsound big blink body button canvas center "
    "command content datalist dialog dir embed font footer form frame frameset head header hgroup html "
    "iframe image isindex keygen link listing main map marquee menu menuitem meta meter nav nobr noembed "
    "noframes noscript object optgroup option output param picture plaintext portal progress script "
    "search select slot source spacer strike style template textarea title track tt video xmp math mi mo "
    "mn ms mtext annotation-xml foreignObject animate animateMotion animateTransform set use image "
    "feImage pattern linearGradient radialGradient stop mask symbol filter switch view a".split()
)
# A scheme starts where no scheme character precedes it: the same names, without trying a
# match from every letter of every word (a third of the time the allowlist took per page).
# Possessive quantifiers (*+) never give back what they took: "<" before a long run of spaces
# and no name took time quadratic in the run's length with plain ones (minutes on one page).
SCHEME = re.compile(r"(?<![a-zA-Z0-9+.\-])([a-zA-Z][a-zA-Z0-9+.\-]*+)\s*+:")
TAG_NAME = re.compile(r"<\s*+(?:/\s*+)?([a-zA-Z][\w:.-]*+)")


def _same_site(url: str) -> bool:
    """A relative address on this site, as a browser resolves it (addresses: `\\/host/…` and
    `//host/…` are other hosts), and still one with its white space taken out."""
    return addresses.is_same_site(url) and not addresses.deception(url) and all(
        not (parts := urlsplit(form)).scheme and not parts.netloc for form in (url.strip(), _squeezed(url)))


def _squeezed(url: str) -> str:
    # The address with all white space taken out: "java   script:" (Markdown turns a tab into
    # spaces) is judged as the javascript: it would be if any step on the way dropped the spaces.
    return "".join(url.split())


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    # Called for every attribute nh3 admits by name (its generic "data-" prefix included); None
    # removes it. The names are judged by _allowed_name, which the messages read too.
    if not _allowed_name(tag, attribute):
        return None
    if attribute in RESOURCE_ATTRIBUTES and not _same_site(value):
        return None
    if attribute in LINK_ATTRIBUTES and (scheme := urlsplit(_squeezed(value)).scheme.lower()) and scheme not in LINK_SCHEMES:
        return None
    if attribute in LINK_ATTRIBUTES and addresses.deception(value):
        return None
    if "url(" in value.lower().replace(" ", "") and not SAME_DOCUMENT_URL.fullmatch(value):
        return None
    if tag == "input" and attribute == "type" and value.lower() not in ("radio", "checkbox"):
        return None
    if tag == "button" and attribute == "type" and value.lower() != "button":
        return None
    return value


STRICT = nh3.Cleaner(
    tags=TAGS,
    clean_content_tags={"script", "style"},
    attributes=ATTRIBUTES,
    attribute_filter=_attribute_filter,
    generic_attribute_prefixes={"aria-", "data-"},
    url_schemes=LINK_SCHEMES,
    filter_style_properties={"text-align"},
    link_rel=None,
    strip_comments=True,
)
INLINE = nh3.Cleaner(
    tags=INLINE_TAGS,
    clean_content_tags={"script", "style"},
    attributes=INLINE_ATTRIBUTES,
    attribute_filter=_attribute_filter,
    url_schemes=LINK_SCHEMES,
    link_rel=None,
    strip_comments=True,
)


def clean(fragment: str) -> str:
    """The fragment with everything outside the allowlist removed (what the site ships)."""
    return STRICT.clean(fragment)


def _permissive(fragment: str) -> str:
    """The same parse and serialization as `clean`, removing nothing a browser would see."""
    decoded = html.unescape(fragment)
    squeezed = re.sub(r"[\t\n\r ]+", "", decoded)
    tags = EVERY_TAG | {m.group(1) for m in TAG_NAME.finditer(decoded)} | {m.group(1).lower() for m in TAG_NAME.finditer(decoded)}
    schemes = {m.group(1).lower() for text in (decoded, squeezed) for m in SCHEME.finditer(text)}
    return nh3.clean(
        fragment,
        tags=tags,
        clean_content_tags=set(),
        attributes={},
        generic_attribute_prefixes={""},
        url_schemes=LINK_SCHEMES | schemes | {"javascript", "vbscript", "data", "file", "blob", "filesystem"},
        link_rel=None,
        strip_comments=True,
    )


@dataclass(frozen=True)
class Finding:
    """One thing the allowlist removes: an element, or an attribute of an element."""

    tag: str
    attribute: str | None = None
    value: str = ""
    text: str = ""  # a link's text, when the text is what is wrong

    @property
    def needles(self) -> list[str]:
        """What to look for in the source to find the line that caused it."""
        if self.attribute is None:
            return [f"<{self.tag}"]
        value = [self.value] if len(self.value) >= 4 else []
        if self.text:
            return [self.text.strip(), *value, f"<{self.tag}"]
        # An address or a style says more than its attribute's name (href is everywhere).
        if self.attribute in RESOURCE_ATTRIBUTES | {"href", "style"} or "url(" in self.value.lower():
            return [*value, self.attribute, f"<{self.tag}"]
        return [self.attribute, *value, f"<{self.tag}"]

    @property
    def deceives(self) -> bool:
        """An address that reads as one place and goes to another (its message says how)."""
        return bool(self.text) or (self.attribute in RESOURCE_ATTRIBUTES | {"href"} and addresses.deception(self.value) is not None)

    def shown(self) -> str:
        """The removed element or attribute, as a reader of the message recognizes it."""
        if self.attribute is None:
            return f"<{self.tag}>"
        return f'<{self.tag} {self.attribute}="{_short(self.value)}">'

    def explained(self) -> tuple[M.Message, dict[str, object]]:
        """What is wrong, and what to write instead: the catalogue's message and its fields."""
        shown = _short(self.value)
        if self.attribute is None:
            return M.ELEMENT_NOT_ALLOWED, {"tag": self.tag}
        name, tag = self.attribute, self.tag
        if name.startswith("on"):
            return M.EVENT_HANDLER, {"name": name, "tag": tag}
        if name == "style":
            return M.STYLE_NOT_ALLOWED, {"value": shown, "tag": tag}
        if not _allowed_name(tag, name):
            return M.ATTRIBUTE_NOT_ALLOWED, {"name": name, "tag": tag}
        if self.text and (misleading := addresses.misleading_text(self.text, self.value)):
            return M.MISLEADING_LINK_TEXT, {"text": _short(printable(self.text), 100), "shows": misleading[0], "goes": misleading[1]}
        scheme = urlsplit(_squeezed(self.value)).scheme.lower()
        if name == "href" and scheme and scheme not in LINK_SCHEMES:
            return M.LINK_NOT_ALLOWED, {"value": shown}
        if (name in RESOURCE_ATTRIBUTES or name == "href") and (trick := addresses.deception(self.value)):
            address, goes = _short(printable(self.value), 100), M.GOES_TO(host=trick.goes_to) if trick.goes_to else ""
            if trick.why == "backslash":
                return M.ADDRESS_BACKSLASH, {"address": address, "goes": goes}
            if trick.why == "break":
                return M.ADDRESS_LINE_BREAK, {"address": address, "goes": goes}
            if trick.why == "user":
                return M.ADDRESS_USER_NAME, {"address": address, "goes": trick.goes_to, "reads": trick.reads_as}
            return M.ADDRESS_OTHER_HOST, {"address": address, "goes": trick.goes_to, "reads": trick.reads_as}
        if name in RESOURCE_ATTRIBUTES or "url(" in self.value.lower():
            return M.LOADS_FROM_ELSEWHERE, {"tag": tag, "name": name, "value": shown}
        if name == "href":
            return M.LINK_NOT_ALLOWED, {"value": shown}
        return M.VALUE_NOT_ALLOWED, {"value": shown, "name": name, "tag": tag}

    def message(self) -> str:
        """What is wrong, and what to write instead, in words (no code)."""
        message, fields = self.explained()
        return message.text_of(**fields)

    def problem(self, path: str, line: int) -> Problem:
        message, fields = self.explained()
        return message.at(path, line, **fields)


def _short(value: str, most: int = 40) -> str:
    flat = re.sub(r"\s+", " ", value)
    return flat if len(flat) <= most else flat[: most - 3] + "…"


def _allowed_name(tag: str, attribute: str) -> bool:
    """Whether the allowlist admits the attribute by name on this element (before its value is
    checked): not Material's data-md-*, which drive its JavaScript."""
    if attribute.startswith("data-md-"):
        return False
    return attribute in GLOBAL or attribute in ATTRIBUTES.get(tag, set()) or attribute.startswith(("aria-", "data-"))


def _style(value: str | None) -> str:
    """A style attribute's declarations in one form, so that `a: b;` and `a:b` compare equal."""
    pairs = (part.split(":", 1) for part in (value or "").split(";") if ":" in part)
    return ";".join(f"{k.strip().lower()}:{v.strip()}" for k, v in pairs)


class _Tokens(HTMLParser):
    """Start tags (with attributes), end tags and text of one serialized fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[tuple] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tokens.append(("start", tag, tuple(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.tokens.append(("end", tag))

    def handle_data(self, data: str) -> None:
        self.tokens.append(("text", data))


def _tokens(fragment: str) -> list[tuple]:
    parser = _Tokens()
    parser.feed(fragment)
    parser.close()
    return parser.tokens


def _compare(kept: str, everything: str, allowed: set[str]) -> list[Finding]:
    """What `everything` has that `kept` lacks, in one pass over the two streams of tags.

    Both come from one parse of the same fragment, and the strict cleaning only drops: whole
    elements (their content kept, or dropped with <script> and <style>, whose content holds no
    tags) and attributes. So the tags of `kept` are those of `everything` in the same order,
    less the dropped ones, and the first tag of `everything` that matches the next tag of
    `kept` is its twin. (difflib's alignment, used before, took minutes on a page of a thousand
    removed attributes.) Text is left out: it only shows where a dropped element's content went."""
    if kept == everything:
        return []
    ours = [t for t in _tokens(kept) if t[0] != "text"]
    theirs = [t for t in _tokens(everything) if t[0] != "text"]
    found: list[Finding] = []
    j = 0
    for token in theirs:
        twin = ours[j] if j < len(ours) else None
        if twin is None or twin[:2] != token[:2]:
            if token[0] == "start" and token[1] not in allowed:  # an allowed element goes only with a parent that is reported
                found.append(Finding(token[1]))
            continue
        j += 1
        if token[0] != "start":
            continue
        kept_attrs = {(name, _style(value) if name == "style" else value) for name, value in twin[2]}
        for name, value in token[2]:
            if (name, _style(value) if name == "style" else value) not in kept_attrs:
                found.append(Finding(token[1], name, value or ""))
    return list(dict.fromkeys(found))


class _StartTags(_Tokens):
    """Start tags as written, each with whether it sits inside an <svg>."""

    def __init__(self) -> None:
        super().__init__()
        self.svg = 0
        self.tags: list[tuple[str, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, self.svg > 0))
        self.svg += tag == "svg"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, self.svg > 0))

    def handle_endtag(self, tag: str) -> None:
        self.svg -= tag == "svg" and self.svg > 0


def _written(fragment: str) -> list[Finding]:
    # ammonia drops some elements with their content even when asked to keep every tag (SVG
    # names outside an <svg>, <animate>, <template>: its defence against mutation XSS), so the
    # two cleanings agree and the comparison misses them; the tags as written do not.
    allowed = {t.lower() for t in HTML_TAGS | GENERATED_ONLY_TAGS} | {"svg"}
    if {m.group(1).lower() for m in TAG_NAME.finditer(fragment)} <= allowed:
        return []  # every name that looks like a tag is allowed anywhere: nothing to report
    parser = _StartTags()
    parser.feed(fragment)
    parser.close()
    svg = {t.lower() for t in SVG_TAGS}
    return [Finding(tag) for tag, in_svg in parser.tags if tag not in allowed and not (in_svg and tag in svg)]


class _Links(HTMLParser):
    """Each link's address and text, in one pass."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[list[str]] = []  # [href, text] of the links being read (links do not nest, but be safe)
        self.links: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.open.append([dict(attrs).get("href") or "", ""])

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.open:
            self.links.append(tuple(self.open.pop()))

    def handle_data(self, data: str) -> None:
        for link in self.open:
            link[1] += data


def _misleading_links(fragment: str) -> list[Finding]:
    # A link whose text reads as an address on one host and goes to another: the reader trusts
    # the text. Only fragments with a link to another site are read.
    if "://" not in fragment or "<a" not in fragment:
        return []
    parser = _Links()
    parser.feed(fragment)
    parser.close()
    return [Finding("a", "href", href, text) for href, text in parser.links if addresses.misleading_text(text, href)]


def findings(fragment: str) -> list[Finding]:
    """Everything the allowlist would remove from an HTML fragment of page content."""
    found = _compare(clean(fragment), _permissive(fragment), TAGS)
    found += [f for f in _written(fragment) if f.tag not in {g.tag.lower() for g in found}]
    return list(dict.fromkeys(found + _misleading_links(fragment)))


def written_findings(written: list[tuple[str, str, str]]) -> list[Finding]:
    """The elements a contributor wrote (tag, attribute, value; sitekit.mdx) that only the site's
    data templates may use: a form control in a page's text is refused wherever it stands."""
    return list(dict.fromkeys(Finding(tag) for tag, _, _ in written if tag.lower() in GENERATED_ONLY_TAGS))


def inline_findings(fragment: str) -> list[Finding]:
    """Everything the inline allowlist (data-file texts) would remove from rendered inline Markdown."""
    return list(dict.fromkeys(_compare(INLINE.clean(fragment), _permissive(fragment), INLINE_TAGS) + _misleading_links(fragment)))


def plain_text_problem(value: str, *, in_attribute: bool = True) -> str | None:
    """Why a value the templates insert as text (titles, descriptions) is not plain text.
    `in_attribute`: the value also lands unescaped inside HTML attributes (Material's <title>
    and <meta> tags print front-matter titles and descriptions as they are)."""
    if nh3.clean(value, tags=set()) != html.escape(value, quote=False):
        return M.WHY_HTML()
    if in_attribute and '"' in value:
        return M.WHY_QUOTE()
    if LINE_BREAK.search(value.strip()):
        # A title, a name or a description is one line wherever it goes; in line-based formats
        # (a RIS record, a feed reader's list) a break would start a line of its own.
        return M.WHY_LINE_BREAK()
    return None

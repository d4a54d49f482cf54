"""Small parsers of the built HTML, for the tests that read pages without a browser."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


@dataclass
class Html:
    """What the tests need from one built HTML file."""

    lang: str | None = None
    ids: set[str] = field(default_factory=set)
    metas: list[dict[str, str]] = field(default_factory=list)
    links: list[dict[str, str]] = field(default_factory=list)  # <link> elements
    refs: list[tuple[str, str, int]] = field(default_factory=list)  # (tag, url, line) for a/img/script/link/source

    def meta(self, key: str) -> list[str]:
        """Contents of <meta name=key> or <meta property=key>."""
        return [m.get("content", "") for m in self.metas if key in (m.get("name"), m.get("property"))]

    def link_rel(self, rel: str) -> list[dict[str, str]]:
        return [link for link in self.links if rel in link.get("rel", "").split()]


class _Parser(HTMLParser):
    URL_ATTRS = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src", "iframe": "src"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out = Html()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.out.lang = a.get("lang")
        for key in ("id", "name") if tag == "a" else ("id",):
            if a.get(key):
                self.out.ids.add(a[key])
        if tag == "meta":
            self.out.metas.append(a)
        if tag == "link":
            self.out.links.append(a)
        url_attr = self.URL_ATTRS.get(tag)
        if url_attr and url_attr in a:
            self.out.refs.append((tag, a[url_attr], self.getpos()[0]))
        if tag in ("img", "source") and a.get("srcset"):
            for candidate in a["srcset"].split(","):
                self.out.refs.append((tag, candidate.strip().split(" ")[0], self.getpos()[0]))

    handle_startendtag = handle_starttag


def parse_html(path: Path) -> Html:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.out


class Tags(HTMLParser):
    """Every start tag of a page, as (tag, attributes), and its visible text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.feed(html.replace("<wbr>", ""))  # phrase boundaries (hooks/phrase_breaks.py) are not text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        """Attributes of every `tag` whose attributes include `attrs` (use _ for -, e.g. http_equiv)."""
        wanted = {k.replace("_", "-"): v for k, v in attrs.items()}
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in wanted.items())]

    def meta(self, key: str) -> list[str]:
        """Content of <meta name=key> or <meta property=key>."""
        return [a.get("content", "") for t, a in self.tags if t == "meta" and key in (a.get("name"), a.get("property"))]


def read_page(site: Path, path: str) -> Tags:
    """The parsed page at URL path `path` ("" for the home page, "en/treaty/")."""
    file = site / path / "index.html" if not path.endswith(".html") else site / path
    return Tags(file.read_text(encoding="utf-8"))

"""Where a marker token from a hostile input may appear in published HTML: as text, or as the
value of an attribute the allowlist admits, with an address that runs nothing and loads nothing
from another host. Anything else means hostile input reached a reader's browser."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

from sitekit import addresses, reserved
from sitekit.sanitize import LINK_SCHEMES, RESOURCE_ATTRIBUTES, _allowed_name

TOKEN = "XSSTOKEN"
URL_ATTRIBUTES = RESOURCE_ATTRIBUTES | {"href", "action", "formaction", "ping", "cite"}
TEXT_ATTRIBUTES = {("meta", "content")}  # the page description, escaped by our head template
JSON_TYPES = {"application/json", "application/ld+json"}  # data, not script: JSON escaping is their guard
RAW_TEXT = {"script", "style", "textarea", "title", "noscript", "template", "xmp", "iframe", "noembed", "noframes"}


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.unsafe: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if TOKEN.lower() in (name or "").lower():
                self.unsafe.append(f"attribute name <{tag} {name}>")
            if value and TOKEN in value and not _safe_attribute(tag, name, value):
                self.unsafe.append(f'<{tag} {name}="{value}">')
        if tag not in ("br", "img", "input", "meta", "link", "hr", "wbr", "source"):
            data_block = tag == "script" and dict(attrs).get("type") in JSON_TYPES
            self.stack.append("json" if data_block else tag)

    def handle_endtag(self, tag: str) -> None:
        tag = "json" if tag == "script" and "json" in self.stack and "script" not in self.stack else tag
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        inside = [t for t in self.stack if t in RAW_TEXT and t != "title"]
        if TOKEN in data and inside:
            self.unsafe.append(f"text inside <{inside[-1]}>: {data[:60]!r}")


def _safe_attribute(tag: str, name: str, value: str) -> bool:
    if (tag, name) in TEXT_ATTRIBUTES:
        return True
    if name.startswith("on") or not _allowed_name(tag, name):
        return False
    if name.startswith("data-") and reserved._owner(name, reserved.DATA_ATTRIBUTES):
        return False  # code acts on it (a search result's address, a copy button's text)
    if "url(" in value.lower():
        return False
    if name in URL_ATTRIBUTES:
        squeezed = "".join(value.split()).lower()
        parts = urlsplit(squeezed)
        # As a browser reads it (WHATWG): no backslash, user name or mapped host in disguise.
        if addresses.deception(value) is not None:
            return False
        if name in RESOURCE_ATTRIBUTES:
            return not parts.scheme and not parts.netloc and not squeezed.startswith("//") and addresses.is_same_site(value)
        return parts.scheme in LINK_SCHEMES | {""}
    return True


def unsafe_places(html: str) -> list[str]:
    """Every place in a document where the token sits somewhere it could act."""
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return scanner.unsafe

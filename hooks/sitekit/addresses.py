"""Addresses judged as a browser reads them: the WHATWG URL Standard, parsed by ada (ada-url).

A reader judges an address by how it looks; a browser follows what the URL Standard makes of
it, and the two part ways in ways Python's urllib does not model:
- a backslash is a slash: `\\/evil.example/x` on a page loads from evil.example;
- what comes before "@" is a user name: `https://www.reuters.com@evil.example/world/` reads
  as Reuters and goes to evil.example;
- a host is mapped before use: `rеuters.com` with a Cyrillic е becomes `xn--ruters-3of.com`,
  full-width letters become ASCII, `%6D` becomes `m`, `127.1` becomes `127.0.0.1`;
- tabs and line breaks are dropped anywhere in it, spaces and controls at either end.
So every address a contributor writes (links and images in pages, `src`/`href` in raw HTML,
links in data texts, the registry's `url` and `archive_url`) is parsed here as a browser
would, and refused when it would go somewhere other than it reads. A host is accepted only as
the browser will use it, in plain ASCII (an internationalised host may be written in its
xn-- form, which reads as what it is).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ada_url

# A stand-in for the address of the page being checked: a relative address resolves under it,
# and "same site" means "same origin as this".
PAGE = "https://site.invalid/page/"
SITE_ORIGIN = "https://site.invalid"
# The authority as written: after the scheme's "//" (or a scheme-relative "//"), up to the path.
AUTHORITY = re.compile(r"^[\x00-\x20]*(?:[a-zA-Z][a-zA-Z0-9+.\-]*:)?//([^/?#]*)")
DROPPED = re.compile("[\t\n\r]")
# Link text that shows an address: a scheme, "www.", a host with a path, or a bare host name.
SHOWN_ADDRESS = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.\-]*://|www\.)\S+$|^[\w-]+(?:\.[\w-]+)+(?:/\S*)?$")


@dataclass(frozen=True)
class Deception:
    """How an address reads and where it goes, and why the two differ."""

    reads_as: str  # the host a reader sees
    goes_to: str  # the host a browser uses
    why: str  # "user" (the part before "@"), "host" (mapped), "backslash", "break" (tab or line break)


def parse(value: str) -> ada_url.URL | None:
    """The address as a browser resolves it on one of our pages, or None if a browser cannot."""
    try:
        return ada_url.URL(value, base=PAGE)
    except ValueError:
        return None


def host_of(url: ada_url.URL) -> str:
    """The host a browser connects to ("" for mailto: and the like)."""
    return url.hostname


def is_same_site(value: str) -> bool:
    """Whether a resource at this address comes from this site (the page's origin)."""
    url = parse(value)
    return url is not None and url.origin == SITE_ORIGIN


def _written_host(value: str) -> tuple[str, str] | None:
    """(user part, host) of the authority as written, or None when there is no "//" authority."""
    m = AUTHORITY.match(value)
    if m is None:
        return None
    user, _, host = m.group(1).rpartition("@")
    host = host[: host.index("]") + 1] if host.startswith("[") and "]" in host else host.split(":", 1)[0]
    return user, host.lower()


def deception(value: str) -> Deception | None:
    """Why a browser would take this address somewhere other than it reads, or None."""
    url = parse(value)
    goes = "" if url is None else "a page of this site" if url.origin == SITE_ORIGIN else host_of(url)
    written = _written_host(value)
    reads = written[1] if written else goes
    if "\\" in value:
        return Deception(reads, goes or "another address", "backslash")
    if DROPPED.search(value):
        return Deception(reads, goes, "break")
    if url is None or written is None:
        return None
    user, host = written
    if user or url.username or url.password:
        return Deception(user.split(":", 1)[0] or host, goes, "user")
    if host != goes:
        return Deception(host, goes, "host")
    return None


def shown_host(text: str) -> str | None:
    """The host a link's text shows (lowercase, without "www."), when the text reads as an address."""
    text = text.strip()
    if not SHOWN_ADDRESS.match(text) or "@" in text:
        return None
    written = _written_host(text if "://" in text else f"//{text}")
    return _plain(written[1]) if written and written[1] else None


def _plain(host: str) -> str:
    return host.removeprefix("www.").rstrip(".")


def misleading_text(text: str, href: str) -> tuple[str, str] | None:
    """(host the text shows, host the link goes to) when a link to another site has text that
    reads as an address on another host (www. and a final dot aside), or on a host a browser
    would map to another (a look-alike letter). Links within the site are left alone: their
    text may well be a file name such as treaty.md."""
    shows = shown_host(text)
    url = parse(href)
    if shows is None or url is None or url.protocol not in ("https:", "http:") or url.origin == SITE_ORIGIN:
        return None
    goes = _plain(host_of(url))
    mapped = parse(f"https://{shows}/")
    if mapped is None or _plain(host_of(mapped)) != shows or not (goes == shows or goes.endswith(f".{shows}")):
        return shows, goes  # a sub-domain of the host shown is the same site (www3.nhk.or.jp for nhk.or.jp)
    return None

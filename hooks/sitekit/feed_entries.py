"""The Atom feed of one language: page updates (front matter) and corrections (corrections.yml).

Each page contributes one entry, its last update (`updated:`, with the optional `change:`
saying what changed, else the page's description); each correction one entry, with its
text. Written with feedgen, which produces well-formed Atom 1.0 (escaping, dates, ids).

An entry's id never changes (RFC 4287, 4.2.6: readers key on it): a page update is
identified by the page and the date of the update, a correction by its `id:` in
docs/corrections.yml. A correction's title says which one it is: the page, then the first
sentence of what was corrected (several corrections of one page on one day are usual).
The times are the dates at midnight UTC: the site records days, not times of day, and a
time it does not know would be invented.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from feedgen.feed import FeedGenerator

from . import i18n
from .corrections_data import Correction
from .page_record import LICENSE_URL, PageRecord

FEED_NAME = "feed.xml"
MEDIA_TYPE = "application/atom+xml"
FIRST_SENTENCE = re.compile(r"^.*?(?:。|[.!?](?=\s|$))", re.S)
SUMMARY_LIMIT = {"ja": 50, "en": 100}  # characters of a correction's first sentence in its entry's title


def feed_path(locale: str) -> str:
    """The feed's path from the site root: feed.xml, en/feed.xml."""
    return f"{i18n.prefix(locale)}{FEED_NAME}"


@dataclass(frozen=True)
class Entry:
    """One feed entry: when, which page, what changed."""

    id: str
    date: dt.date
    title: str
    text: str
    url: str  # the page it is about
    kind: str  # "update" or "correction"


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def summary(text: str, locale: str) -> str:
    """The first sentence of a text, shortened at a word (or, in Japanese, any character) with "…"."""
    text = " ".join(text.split())
    m = FIRST_SENTENCE.match(text)
    first = m.group(0) if m else text
    limit = SUMMARY_LIMIT.get(locale, SUMMARY_LIMIT["en"])
    if len(first) <= limit:
        return first
    cut = first[: limit - 1]
    if locale != "ja" and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:、，") + "…"


def entries(pages: dict[str, PageRecord], corrections: list[Correction], words: dict[str, str], changes: dict[str, str]) -> list[Entry]:
    """Every entry of a language's feed, newest first; `changes` maps a page to its `change:` text."""
    out = []
    for rel, rec in pages.items():
        if rec.updated is None:
            continue
        text = changes.get(rel) or words["updated_text"].format(description=rec.description)
        title = words["updated"].format(title=rec.title)
        out.append(Entry(f"{rec.url}#updated-{rec.updated.isoformat()}", rec.updated, title, text, rec.url, "update"))
    for correction in corrections:
        rec = pages.get(correction.page)
        if rec is None:
            continue
        entry_id = f"{rec.url}#correction-{correction.id}"
        title = words["correction"].format(title=rec.title, summary=summary(correction.text[rec.locale], rec.locale))
        out.append(Entry(entry_id, correction.date, title, correction.text[rec.locale], rec.url, "correction"))
    return sorted(out, key=lambda e: (e.date, e.kind == "correction", e.id), reverse=True)


def atom(locale: str, title: str, site_name: str, feed_url: str, home_url: str, log_url: str, items: list[Entry]) -> bytes:
    """The Atom document of one language's feed; its web page is the corrections log (`log_url`)."""
    fg = FeedGenerator()
    fg.id(feed_url)
    fg.title(title)
    fg.author({"name": site_name, "uri": home_url})
    fg.link(href=feed_url, rel="self", type=MEDIA_TYPE)
    fg.link(href=log_url, rel="alternate", type="text/html", hreflang=locale)
    fg.language(locale)
    fg.rights(f"CC BY 4.0 {LICENSE_URL}")
    fg.updated(_moment(max((e.date for e in items), default=dt.date(1970, 1, 1))))
    for item in reversed(items):  # feedgen puts the last added entry first
        fe = fg.add_entry()
        fe.id(item.id)
        fe.title(item.title)
        fe.link(href=item.url, rel="alternate", type="text/html", hreflang=locale)
        fe.updated(_moment(item.date))
        fe.published(_moment(item.date))
        fe.summary(item.text)
        fe.category(term=item.kind)
    return fg.atom_str(pretty=True)

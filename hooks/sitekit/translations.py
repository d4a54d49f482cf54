"""Translation freshness: has a page's counterpart changed since the two were last synced?

Each page records, in its front matter, a hash of its counterpart's text as it was when a
translator last brought the pair in line (`translation_of`), and the date its own text
last changed (`updated`). The hash covers the normalized body only (front matter excluded),
so recording it never changes what it measures, and it survives a fresh or shallow clone,
where file dates and history cannot be trusted.

Nothing here fails the build: a language may run ahead of the other for a while. The build
lists the pairs that are out of step, and the page that is behind shows readers a notice.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from . import i18n
from . import messages as M
from .corpus import FRONT_MATTER
from .problems import Problem
from .yamlfiles import as_day

HASH_KEY = "translation_of"
DATE_KEY = "updated"
HASH_LENGTH = 12
HASH_RE = re.compile(rf"[0-9a-f]{{{HASH_LENGTH}}}")


def normalized_body(text: str) -> str:
    """The page's text without front matter, with spacing differences that change nothing removed."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").lstrip("\ufeff"))
    match = FRONT_MATTER.match(text)
    if match:
        text = text[match.end() :]
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def body_hash(text: str) -> str:
    """The short hash a page records of its counterpart's normalized body."""
    return hashlib.sha256(normalized_body(text).encode("utf-8")).hexdigest()[:HASH_LENGTH]


@dataclass(frozen=True)
class Behind:
    """A page whose counterpart changed after the pair was last synced."""

    locale: str
    rel: str
    shown: str
    other_shown: str
    other_updated: dt.date | None

    @property
    def name(self) -> str:
        """The NAME that `make sync-translation NAME=…` takes."""
        return self.rel.removesuffix(".md")

    def problem(self) -> Problem:
        """The line the build prints (as information, not as an error)."""
        when = M.ON_DATE(date=self.other_updated.isoformat()) if self.other_updated else M.NO_UPDATED_DATE()
        return M.TRANSLATION_BEHIND.at(self.shown, 1, other=self.other_shown, when=when, name=self.name)


def read_meta(text: str) -> dict[str, Any]:
    """The front matter of a page as a mapping ({} when it has none or it does not parse)."""
    match = FRONT_MATTER.match(text.replace("\r\n", "\n").lstrip("\ufeff"))
    if not match:
        return {}
    try:
        meta = yaml.safe_load(match.group(1) or "") or {}
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}


def compare(pages: dict[tuple[str, str], Any]) -> tuple[list[Behind], list[Problem]]:
    """Pages whose counterpart changed since the last sync, and pages with no usable record.

    `pages` maps (locale, rel) to objects with `.shown`, `.meta` and `.text`
    (sitekit.corpus.Page, read once per build).
    """
    behind: list[Behind] = []
    unrecorded: list[Problem] = []
    for (locale, rel), page in sorted(pages.items()):
        twin = pages.get((i18n.other(locale), rel))
        if twin is None:
            continue  # a missing counterpart is the citation checks' error, not ours
        recorded = page.meta.get(HASH_KEY)
        if not isinstance(recorded, str) or not HASH_RE.fullmatch(recorded) or as_day(page.meta.get(DATE_KEY)) is None:
            unrecorded.append(M.NO_TRANSLATION_RECORD.at(page.shown, 1, name=rel.removesuffix(".md")))
            continue
        if body_hash(twin.text) != recorded:
            behind.append(Behind(locale, rel, page.shown, twin.shown, as_day(twin.meta.get(DATE_KEY))))
    return behind, unrecorded


def _set_key(text: str, key: str, value: str, *, replace: bool = True) -> str:
    """Set `key: value` in the page's front matter, keeping every other line as written."""
    match = FRONT_MATTER.match(text)
    if not match:
        raise ValueError("the page has no front matter")
    head = match.group(1) or ""
    line = re.compile(rf"^{re.escape(key)}:.*$", re.M)
    if line.search(head):
        if not replace:
            return text
        head = line.sub(lambda _: f"{key}: {value}", head, count=1)
    else:
        head = f"{head}{key}: {value}\n"
    return f"---\n{head}---\n{text[match.end():]}"


def sync_pair(docs_dir: Path, rel: str, today: dt.date) -> list[Path]:
    """Record in each page of a pair the hash of the other; add `updated:` where missing."""
    paths = {locale: docs_dir / locale / rel for locale in i18n.locales()}
    texts = {locale: path.read_text(encoding="utf-8").replace("\r\n", "\n") for locale, path in paths.items()}
    for locale, text in texts.items():
        text = _set_key(text, HASH_KEY, f'"{body_hash(texts[i18n.other(locale)])}"')
        text = _set_key(text, DATE_KEY, today.isoformat(), replace=False)
        paths[locale].write_text(text, encoding="utf-8")
    return list(paths.values())

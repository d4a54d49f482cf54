"""The source registry (docs/sources.yml): loading and validating every entry.

Each rule reports the registry line of the entry or field at fault, so that a
contributor can jump straight to it. Unknown fields are refused too: a typo such
as `publised:` would otherwise drop a date silently.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .problems import Problem
from .yamlfiles import as_date, is_text, line_of, load

TYPES = (
    "news",
    "government",
    "intelligence",
    "state-media",
    "international-org",
    "encyclopedia",
    "analysis",
    "treaty-text",
)
# ISO 639-1 codes a source of this story can plausibly be written in; extend when needed.
LANGUAGES = frozenset(
    "ja en ko ru uk zh fr de es it pl nl sv fi no da et lv lt cs sk hu ro bg sr hr "
    "tr ar fa he hi vi th id ms mn kk be pt el".split()
)
REQUIRED = ("id", "type", "title", "publisher", "accessed", "language")
OPTIONAL = ("title_en", "title_ja", "published", "url", "archive_url", "via")
ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass
class Source:
    """One validated registry entry."""

    id: str
    type: str
    title: str
    publisher: dict[str, str]
    accessed: dt.date
    language: str
    line: int
    published: dt.date | None = None
    title_en: str | None = None
    title_ja: str | None = None
    url: str | None = None
    archive_url: str | None = None
    via: dict[str, str] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def title_in(self, locale: str) -> str | None:
        """A translation of the title for readers of `locale`, if one is registered."""
        return {"en": self.title_en, "ja": self.title_ja}.get(locale)

    def as_json(self) -> dict[str, Any]:
        """The entry as published in the JSON download (dates as ISO text, no empty fields)."""
        out: dict[str, Any] = {
            "id": self.id,
            "type": self.type,
            "title": self.title,
            "title_en": self.title_en,
            "title_ja": self.title_ja,
            "publisher": self.publisher,
            "published": self.published.isoformat() if self.published else None,
            "accessed": self.accessed.isoformat(),
            "url": self.url,
            "archive_url": self.archive_url,
            "language": self.language,
            "via": self.via,
        }
        return {k: v for k, v in out.items() if v is not None}


class _Entry:
    """Validation of one registry mapping; collects problems instead of raising."""

    def __init__(self, node: Any, shown: str, today: dt.date) -> None:
        self.node, self.shown, self.today = node, shown, today
        self.problems: list[Problem] = []

    def add(self, key: str | None, message: str) -> None:
        self.problems.append(Problem(self.shown, line_of(self.node, key), message))

    def text(self, key: str) -> str | None:
        value = self.node.get(key)
        if value is None:
            return None
        if not is_text(value):
            self.add(key, f'"{key}" must be text; put the value in quotes')
            return None
        return value.strip()

    def bilingual(self, key: str) -> dict[str, str] | None:
        value = self.node.get(key)
        if value is None:
            return None
        if not hasattr(value, "get") or not all(is_text(value.get(k)) for k in ("ja", "en")):
            self.add(key, f'"{key}" must have a Japanese and an English name: {key}: {{ja: …, en: …}}')
            return None
        extra = sorted(set(value) - {"ja", "en"})
        if extra:
            self.add(key, f'"{key}" has unknown language keys {extra}; use only ja and en')
        return {"ja": value["ja"].strip(), "en": value["en"].strip()}

    def date(self, key: str) -> dt.date | None:
        value = self.node.get(key)
        if value is None:
            return None
        day = as_date(value)
        if day is None:
            self.add(key, f'"{key}: {value}" is not a real date; write it as YYYY-MM-DD')
        elif day > self.today:
            self.add(key, f'"{key}: {value}" is in the future; use the date the source was published or read')
        return day

    def https(self, key: str) -> str | None:
        url = self.text(key)
        if url is None:
            return None
        parts = urlsplit(url)
        if parts.scheme != "https" or not parts.netloc or " " in url:
            self.add(key, f'"{key}: {url}" must be a full https:// address copied from the page itself')
            return None
        return url


def _validate_entry(
    node: Any, index: int, where: Problem, today: dt.date, seen: dict[str, int]
) -> tuple[Source | None, list[Problem]]:
    shown = where.path
    entry = _Entry(node, shown, today)
    if not hasattr(node, "get") or not hasattr(node, "lc"):
        return None, [Problem(shown, where.line, f"entry {index + 1} is not a mapping of fields; start it with '- id: …'")]
    for key in node:
        if key not in REQUIRED and key not in OPTIONAL:
            entry.add(key, f'unknown field "{key}"; allowed fields are {", ".join(REQUIRED + OPTIONAL)}')
    for key in REQUIRED:
        if key not in node:
            entry.add(None, f'entry {index + 1} ({node.get("id", "no id")}) is missing the required field "{key}"')
    sid = entry.text("id")
    if sid is not None:
        if not ID_RE.fullmatch(sid):
            entry.add("id", f'id "{sid}" may contain only lowercase a–z, 0–9 and single hyphens, e.g. nis-2024-10-18')
        elif sid in seen:
            entry.add("id", f'duplicate id "{sid}" (first defined on line {seen[sid]}); give each source its own id')
        else:
            seen[sid] = line_of(node, "id")
    kind = entry.text("type")
    if kind is not None and kind not in TYPES:
        entry.add("type", f'unknown type "{kind}"; use one of: {", ".join(TYPES)}')
    language = entry.text("language")
    if language is not None and language not in LANGUAGES:
        entry.add("language", f'unknown language code "{language}"; use a two-letter ISO 639-1 code such as ja, en, ko, ru, uk')
    title = entry.text("title")
    for key, lang in (("title_en", "en"), ("title_ja", "ja")):
        if entry.text(key) is not None and language == lang:
            entry.add(key, f'"{key}" translates the title into its own language ({lang}); remove it')
    publisher = entry.bilingual("publisher")
    via = entry.bilingual("via")
    published, accessed = entry.date("published"), entry.date("accessed")
    if published and accessed and accessed < published:
        entry.add("accessed", f"accessed {accessed} is before published {published}; a source cannot be read before it appears")
    url, archive = entry.https("url"), entry.https("archive_url")
    if entry.problems or None in (sid, kind, title, publisher, accessed, language):
        return None, entry.problems or [Problem(shown, line_of(node), "invalid entry")]
    return Source(
        id=sid, type=kind, title=title, publisher=publisher, accessed=accessed, language=language,
        line=line_of(node), published=published, title_en=entry.text("title_en"),
        title_ja=entry.text("title_ja"), url=url, archive_url=archive, via=via,
    ), []


@dataclass
class Registry:
    """The valid sources by id, plus the ids of entries that failed validation."""

    sources: dict[str, Source] = field(default_factory=dict)
    # Citations of these ids are not reported again: the entry's own problem says what to fix.
    invalid: set[str] = field(default_factory=set)


def load_registry(path: Path, shown: str, today: dt.date | None = None) -> tuple[Registry, list[Problem]]:
    """Load and validate the registry; return the valid sources and every problem."""
    registry = Registry()
    if not path.exists():
        return registry, [Problem(shown, 1, "the source registry is missing; create it as a YAML list of sources")]
    data, problems = load(path, shown)
    if problems:
        return registry, problems
    if data is None or (hasattr(data, "__len__") and len(data) == 0):
        return registry, [Problem(shown, 1, "the registry is empty; add at least one source ('- id: …')")]
    if not isinstance(data, list):
        return registry, [Problem(shown, line_of(data), "the registry must be a YAML list of sources, each starting with '- id: …'")]
    sources = registry.sources
    seen: dict[str, int] = {}
    for index, node in enumerate(data):
        where = Problem(shown, line_of(data, index), "")
        source, found = _validate_entry(node, index, where, today or dt.date.today(), seen)
        problems.extend(found)
        if source:
            sources[source.id] = source
        elif hasattr(node, "get") and isinstance(node.get("id"), str):
            registry.invalid.add(node["id"])
    return registry, problems

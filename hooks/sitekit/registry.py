"""The source registry (docs/sources.yml): loading and validating every entry.

Each rule reports the registry line of the entry or field at fault, so that a
contributor can jump straight to it. Unknown fields are refused too: a typo such
as `publised:` would otherwise drop a date silently.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import addresses, origins
from . import messages as M
from .datafields import Fields, load_list
from .problems import Problem
from .yamlfiles import as_date, line_of

# The kinds of source, in the order the sources page groups them and every list of types shows
# them: primary and official sources first, then reporting and commentary. Each has a name in
# both languages under `types` in labels.yml (tests/test_one_definition.py ties the two).
TYPES = (
    "government",
    "intelligence",
    "international-org",
    "treaty-text",
    "state-media",
    "news",
    "analysis",
    "encyclopedia",
)
# ISO 639-1 codes a source of this story can plausibly be written in; extend when needed.
LANGUAGES = frozenset(
    "ja en ko ru uk zh fr de es it pl nl sv fi no da et lv lt cs sk hu ro bg sr hr "
    "tr ar fa he hi vi th id ms mn kk be pt el".split()
)
REQUIRED = ("id", "type", "title", "publisher", "accessed", "language", "origin")
OPTIONAL = ("title_en", "title_ja", "published", "url", "archive_url", "via")


@dataclass
class Source:
    """One validated registry entry."""

    id: str
    type: str
    title: str
    publisher: dict[str, str]
    accessed: dt.date
    language: str
    origin: str  # sitekit.origins: the publisher's country code, or "int"
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
            "origin": self.origin,
            "via": self.via,
        }
        return {k: v for k, v in out.items() if v is not None}


def _validate_entry(
    node: Any, index: int, shown: str, line: int, today: dt.date, seen: dict[str, int]
) -> tuple[Source | None, list[Problem]]:
    problems: list[Problem] = []
    f = Fields(node, shown, problems)
    if not f.shape(index, line, REQUIRED, OPTIONAL, "id"):
        return None, problems
    sid = f.identifier("id", seen, "id", "nis-2024-10-18")
    kind = f.choice("type", TYPES)
    language = f.text("language", plain=True)
    if language is not None and language not in LANGUAGES:
        f.add("language", M.UNKNOWN_LANGUAGE, value=language)
    origin = f.text("origin", plain=True)
    if origin is not None and (why := origins.problem(origin)):
        f.add("origin", why[0], **why[1])
    title = f.text("title", plain=True)
    translated = {key: f.text(key, plain=True) for key in ("title_en", "title_ja")}
    for key, lang in (("title_en", "en"), ("title_ja", "ja")):
        if translated[key] is not None and language == lang:
            f.add(key, M.TITLE_OWN_LANGUAGE, key=key, language=lang)
    publisher, via = f.bilingual("publisher", plain=True), f.bilingual("via", plain=True)
    published, accessed = as_date(f.date("published", today)), as_date(f.date("accessed", today))
    if published and accessed and accessed < published:
        f.add("accessed", M.ACCESSED_BEFORE_PUBLISHED, accessed=accessed, published=published)
    url, archive = f.https("url"), f.https("archive_url")
    for key in ("title", "title_en", "title_ja"):
        shown = node.get(key) if url else None
        if isinstance(shown, str) and (misleading := addresses.misleading_text(shown, url)):
            f.add(key, M.TITLE_READS_AS_ADDRESS, key=key, shows=misleading[0], goes=misleading[1])
    if not f.ok or None in (sid, kind, title, publisher, accessed, language, origin):
        return None, problems
    return Source(
        id=sid, type=kind, title=title, publisher=publisher, accessed=accessed, language=language, origin=origin,
        line=line_of(node), published=published, title_en=translated["title_en"],
        title_ja=translated["title_ja"], url=url, archive_url=archive, via=via,
    ), []


@dataclass
class Registry:
    """The valid sources by id, plus the ids of entries that failed validation."""

    sources: dict[str, Source] = field(default_factory=dict)
    # The ids of entries that failed validation: still listed sources for every citation of them
    # (one problem, at the entry, says what to fix; the citations are not wrong).
    invalid: set[str] = field(default_factory=set)
    read: bool = False  # False: the file is missing or is not a YAML list; nothing is known about any id


def load_registry(path: Path, shown: str, today: dt.date | None = None) -> tuple[Registry, list[Problem]]:
    """Load and validate the registry; return the valid sources and every problem."""
    registry = Registry()
    if not path.exists():
        return registry, [M.REGISTRY_MISSING.at(shown, 1)]
    data, problems = load_list(path, shown, "source", "id")
    if data is None:
        return registry, problems
    registry.read = True
    sources = registry.sources
    seen: dict[str, int] = {}
    for index, node in enumerate(data):
        source, found = _validate_entry(node, index, shown, line_of(data, index), today or dt.date.today(), seen)
        problems.extend(found)
        if source:
            sources[source.id] = source
        elif isinstance(node, dict) and isinstance(node.get("id"), str):
            registry.invalid.add(node["id"])
    return registry, problems

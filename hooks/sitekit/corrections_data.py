"""The corrections log (docs/corrections.yml): substantive corrections, with dates, as data.

An empty list (`[]`) is valid: the log starts with nothing to report. Each entry has an `id`
that never changes once published (the Atom feeds identify the correction by it, and a feed
reader shows an entry whose id it has not seen as new), names the page it corrected (a page
that exists in both languages), says what changed in each language and may list the sources
the correction rests on, which the page then cites like prose.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import i18n
from . import messages as M
from .datafields import Fields, load_list
from .problems import Problem
from .registry import Source
from .yamlfiles import as_date, line_of

FILENAME = "corrections.yml"
PAGE_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*){0,3}")
REQUIRED = ("date", "id", "page", *i18n.locales())
OPTIONAL = ("sources",)


@dataclass
class Correction:
    """One validated entry of the log."""

    date: dt.date
    id: str  # unique in the log and never changed: the feed entry's id ends with it
    page: str  # file name inside each language folder, e.g. "treaty.md"
    text: dict[str, str]
    sources: list[str] = field(default_factory=list)


def _entry(
    node: Any, index: int, line: int, docs_dir: Path, shown: str, sources: dict[str, Source], today: dt.date, seen: dict[str, int]
) -> tuple[Correction | None, list[Problem]]:
    problems: list[Problem] = []
    f = Fields(node, shown, problems)
    if not f.shape(index, line, REQUIRED, OPTIONAL, "date"):
        return None, problems
    day = as_date(f.date("date", today))
    cid = f.identifier("id", seen, "correction id", "2026-12-08-1") if "id" in node else None
    name = f.text("page", plain=True)
    page = f"{name.removesuffix('.md')}.md" if name else None
    # The name is checked before it touches the file system: no "../", no 300-character names.
    well_formed = page and len(name) <= 100 and PAGE_NAME.fullmatch(name.removesuffix(".md"))
    if page and (not well_formed or not all((docs_dir / loc / page).is_file() for loc in i18n.locales())):
        f.add("page", M.NOT_A_PAGE, name=name)
    text = {loc: f.text(loc) for loc in i18n.locales()}
    cited = f.sources("sources", sources) if "sources" in node else []
    if not f.ok or None in (day, cid, page, *text.values(), cited):
        return None, problems
    return Correction(day, cid, page, text, cited), []


def load_corrections(
    path: Path, shown: str, sources: dict[str, Source], today: dt.date | None = None
) -> tuple[list[Correction] | None, list[Problem]]:
    """Load and validate the log; newest first. An empty list is a valid log."""
    data, problems = load_list(path, shown, "correction", "date", may_be_empty=True)
    if data is None:
        return None, problems
    entries: list[Correction] = []
    seen: dict[str, int] = {}  # correction id -> line of its first use
    for index, node in enumerate(data):
        entry, found = _entry(node, index, line_of(data, index), path.parent, shown, sources, today or dt.date.today(), seen)
        problems.extend(found)
        if entry:
            entries.append(entry)
    if problems:
        return None, problems
    return sorted(entries, key=lambda c: (c.date, c.page, c.id), reverse=True), []

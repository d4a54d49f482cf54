"""The corrections log (docs/corrections.yml): substantive corrections, with dates, as data.

An empty list (`[]`) is valid: the log starts with nothing to report. Each entry names the
page it corrected (a page that exists in both languages), says what changed in each language
and may list the sources the correction rests on, which the page then cites like prose.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .problems import Problem
from .registry import Source
from .yamlfiles import as_date, is_text, line_of, load

FILENAME = "corrections.yml"
REQUIRED = ("date", "page", "ja", "en")
OPTIONAL = ("sources",)
LOCALES = ("ja", "en")


@dataclass
class Correction:
    """One validated entry of the log."""

    date: dt.date
    page: str  # file name inside each language folder, e.g. "treaty.md"
    text: dict[str, str]
    sources: list[str] = field(default_factory=list)


def _page(value: Any) -> str | None:
    if not is_text(value):
        return None
    name = value.strip().removesuffix(".md")
    return f"{name}.md"


def _entry(
    node: Any, index: int, line: int, docs_dir: Path, shown: str, sources: dict[str, Source], today: dt.date
) -> tuple[Correction | None, list[Problem]]:
    if not isinstance(node, dict):
        return None, [Problem(shown, line, f"entry {index + 1} is not a mapping of fields; start it with '- date: …'")]
    problems: list[Problem] = []

    def add(key: str | None, message: str) -> None:
        problems.append(Problem(shown, line_of(node, key, line), message))

    for key in node:
        if key not in REQUIRED + OPTIONAL:
            add(key, f'unknown field "{key}"; allowed fields are {", ".join(REQUIRED + OPTIONAL)}')
    for key in REQUIRED:
        if key not in node:
            add(None, f'entry {index + 1} is missing the required field "{key}"')
    day = as_date(node.get("date")) if "date" in node else None
    if "date" in node:
        if day is None:
            add("date", f'"date: {node.get("date")}" is not a real date; write it as YYYY-MM-DD')
        elif day > today:
            add("date", f'"date: {node.get("date")}" is in the future; use the date the correction was made')
    page = _page(node.get("page")) if "page" in node else None
    if "page" in node:
        missing = [loc for loc in LOCALES if page is None or not (docs_dir / loc / page).is_file()]
        if missing:
            add("page", f'"page: {node.get("page")}" is not a page of both languages; use a file name from docs/ja/ and docs/en/, e.g. treaty.md')
    for key in LOCALES:
        if key in node and not is_text(node.get(key)):
            add(key, f'"{key}" must say what was corrected, in {"Japanese" if key == "ja" else "English"}')
    cited: list[str] = []
    if "sources" in node:
        value = node.get("sources")
        if not isinstance(value, list) or not all(is_text(s) for s in value):
            add("sources", '"sources" must be a list of source ids: sources: [nis-2024-10-18]')
        else:
            for sid in value:
                if sid.strip() not in sources:
                    add("sources", f'"{sid}" in sources is not a listed source; add it to docs/sources.yml or correct the id')
                cited.append(sid.strip())
    if problems:
        return None, problems
    return Correction(day, page, {loc: node[loc].strip() for loc in LOCALES}, cited), []


def load_corrections(
    path: Path, shown: str, sources: dict[str, Source], today: dt.date | None = None
) -> tuple[list[Correction] | None, list[Problem]]:
    """Load and validate the log; newest first. An empty list is a valid log."""
    data, problems = load(path, shown)
    if problems:
        return None, problems
    if data is None:
        return None, [Problem(shown, 1, "the file is empty; write [] when there are no corrections, or add '- date: …'")]
    if not isinstance(data, list):
        return None, [Problem(shown, line_of(data), "the file must be a YAML list of corrections, each starting with '- date: …'")]
    entries: list[Correction] = []
    for index, node in enumerate(data):
        entry, found = _entry(node, index, line_of(data, index), path.parent, shown, sources, today or dt.date.today())
        problems.extend(found)
        if entry:
            entries.append(entry)
    if problems:
        return None, problems
    return sorted(entries, key=lambda c: (c.date, c.page), reverse=True), []

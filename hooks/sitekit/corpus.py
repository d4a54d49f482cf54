"""Every page of every language, read and scanned once per build."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .markdown_scan import Scan, scan
from .problems import Problem
from .textfiles import read_utf8

FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # as MkDocs reads front matter: dates become dates


@dataclass
class Page:
    """One Markdown page of one language."""

    locale: str
    rel: str  # path inside the language folder, e.g. "treaty.md"
    shown: str  # path shown in messages, e.g. "docs/ja/treaty.md"
    scan: Scan
    meta: dict[str, Any] = field(default_factory=dict)
    text: str = ""  # the file as read, for checks that compare whole pages (translations)

    @property
    def is_article(self) -> bool:
        """Article pages state facts: every block needs a citation and an as-of date."""
        return self.meta.get("article", True) is not False


def _front_matter(page: Page) -> list[Problem]:
    if not page.scan.front_matter:
        return [Problem(page.shown, 1, "the page has no front matter; start it with ---, title:, description: and ---")]
    try:
        meta = yaml.load(page.scan.front_matter, Loader=FAST_LOADER) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        return [Problem(page.shown, line, "the front matter is not valid YAML; check its quoting")]
    if not isinstance(meta, dict):
        return [Problem(page.shown, 2, "the front matter must be key: value lines")]
    page.meta = meta
    problems = []
    for key in ("title", "description"):
        if not isinstance(meta.get(key), str) or not meta[key].strip():
            problems.append(Problem(page.shown, 1, f'the front matter needs a "{key}" in the page\'s language'))
    if page.is_article:
        as_of = meta.get("as_of")
        if not isinstance(as_of, dt.date) or isinstance(as_of, dt.datetime):
            problems.append(
                Problem(page.shown, 1, 'the front matter needs "as_of: YYYY-MM-DD", the date of the newest source the page relies on')
            )
    return problems


def read_pages(docs_dir: Path, root: Path, locales: list[str]) -> tuple[dict[tuple[str, str], Page], list[Problem]]:
    """Read and scan every .md page under docs/<locale>/ for each locale."""
    pages: dict[tuple[str, str], Page] = {}
    problems: list[Problem] = []
    for locale in locales:
        folder = docs_dir / locale
        for path in sorted(folder.rglob("*.md")):
            rel = path.relative_to(folder).as_posix()
            shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
            text, problem = read_utf8(path, shown)
            if problem:
                problems.append(problem)
                continue
            page = Page(locale, rel, shown, scan(text), text=text)
            problems.extend(_front_matter(page))
            pages[(locale, rel)] = page
    return pages, problems

"""Every page of every language, read once per build, with its front matter checked.

The front matter is split off exactly as MkDocs splits it (the same pattern, so a closing
`--- ` with a trailing space is front matter to both) and read with the data files' strict
loader, so an impossible date is a message, not a traceback. Only the keys the site uses are
accepted: Material would also obey `template:` or `hide:` from a contributor's page.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import footnote_ids, invisible, sanitize
from . import messages as M
from .datafields import Fields
from .locate import SourceLines
from .mdx import View
from .output_paths import name_problem
from .problems import Problem, shown_path
from .textfiles import read_utf8
from .yamlfiles import LineDict, is_empty, line_of, parse

FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)  # mkdocs.utils.meta.YAML_RE
KEYS = ("title", "description", "as_of", "article", "translation_of", "published", "updated", "change")
# Python-Markdown slows down sharply (quadratic) on thousands of unclosed "<" or "[" and
# recurses once per level of nesting: these limits are far above any real page (the longest
# has 23 KB, 135 "[" and no "<") and keep a hostile page from hanging or crashing the build.
MAX_PAGE_BYTES = 200_000
MAX_CHARACTERS = {"<": 2000, "[": 2000}
MAX_NESTING = 20
DIGITS = frozenset("0123456789")
DEEP_INDENT = re.compile(r"^[ \t]{121,}\S")


@dataclass
class Page:
    """One Markdown page of one language."""

    locale: str
    rel: str  # path inside the language folder, e.g. "treaty.md"
    shown: str  # path shown in messages, e.g. "docs/ja/treaty.md"
    text: str = ""  # the file as read, for checks that compare whole pages (translations)
    meta: dict[str, Any] = field(default_factory=dict)
    body: str = ""  # what MkDocs hands to Markdown: the text after the front matter
    source: SourceLines = field(default_factory=lambda: SourceLines(""))
    view: View | None = None  # what Python-Markdown made of it (set by the build)
    readable: bool = True  # False: not UTF-8 or no usable front matter; not rendered or compared

    @property
    def is_article(self) -> bool:
        return is_article(self.meta)


def is_article(meta: dict[str, Any]) -> bool:
    """Article pages state facts: every block needs a citation and an as-of date (front matter
    `article: false` says a page states none of its own)."""
    return meta.get("article", True) is not False


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter, body as MkDocs passes it on, 1-based line where that body starts)."""
    m = FRONT_MATTER.match(text)
    if not m:
        return None, text, 1
    rest = text[m.end() :]
    body = rest.lstrip("\n")
    return m.group(1), body, text[: m.end()].count("\n") + (len(rest) - len(body)) + 1


def _plain(page: Page, meta: LineDict, key: str) -> Problem | None:
    value, line = meta[key], line_of(meta, key)
    if footnote_ids.CITATION.search(value):
        return M.FRONT_MATTER_CITES.at(page.shown, line, key=key)
    why = sanitize.plain_text_problem(value)
    if why:
        return M.FRONT_MATTER_NOT_PLAIN.at(page.shown, line, key=key, why=why)
    return None


def _front_matter(page: Page, today: dt.date) -> list[Problem]:
    head, page.body, body_start = split_front_matter(page.text)
    page.source = SourceLines(page.text, body_start)
    if head is None:
        return [M.NO_FRONT_MATTER.at(page.shown, 1)]
    meta, problems = parse(head, page.shown, first_line=2)
    if problems:
        return problems
    if not isinstance(meta, LineDict):
        return [M.FRONT_MATTER_NOT_MAPPING.at(page.shown, 2)]
    meta.line += 1
    meta.key_lines = {key: line + 1 for key, line in meta.key_lines.items()}  # the block starts on line 2
    f = Fields(meta, page.shown, problems)
    for key in meta:
        if key not in KEYS:
            f.add(key, M.FRONT_MATTER_UNKNOWN_KEY, key=key, keys=", ".join(KEYS))
    for key in ("title", "description"):
        if not isinstance(meta.get(key), str) or is_empty(meta[key]):
            problems.append(M.FRONT_MATTER_NEEDS.at(page.shown, line_of(meta, key) if key in meta else 1, key=key))
        else:
            problems.extend(p for p in [_plain(page, meta, key)] if p)
    if "article" in meta and not isinstance(meta["article"], bool):
        f.add("article", M.ARTICLE_NOT_BOOLEAN)
    if "change" in meta:  # the feeds print it as the entry's summary
        value = meta["change"]
        if not isinstance(value, str) or is_empty(value) or sanitize.plain_text_problem(value, in_attribute=False):
            f.add("change", M.CHANGE_NOT_SENTENCE)
    if "translation_of" in meta and not isinstance(meta["translation_of"], str):
        f.add("translation_of", M.HASH_NOT_QUOTED)
    page.meta = dict(meta)
    for key in ("as_of", "published", "updated"):
        text = None if is_empty(meta.get(key)) else f.date(key, today)
        page.meta[key] = dt.date.fromisoformat(text) if text else None
    if page.meta["published"] and page.meta["updated"] and page.meta["published"] > page.meta["updated"]:
        f.add("published", M.PUBLISHED_AFTER_UPDATED)
    if page.is_article and is_empty(meta.get("as_of")):
        problems.append(M.NEEDS_AS_OF.at(page.shown, 1))
    return problems


def _nesting(line: str) -> int:
    """How many list or quote markers open the line (Python-Markdown recurses once for each),
    counted in one pass: a regular expression with a repeated group of optional spaces took
    exponential time on 20 markers with three spaces between each. A quote marker needs no
    space after it (">>>x" is three levels); a list marker ("-", "*", "+", "1." or "1)") does."""
    depth, i, end = 0, 0, len(line)
    while depth <= MAX_NESTING:
        while i < end and line[i] in " \t":
            i += 1
        if i < end and line[i] == ">":
            i += 1
        else:
            j = i
            while j < end and j - i < 9 and line[j] in DIGITS:
                j += 1
            if j > i and j < end and line[j] in ".)":
                j += 1
            elif j == i and i < end and line[i] in "-*+":
                j += 1
            else:
                return depth
            if j < end and line[j] not in " \t":
                return depth
            i = j
        depth += 1
    return depth


def _complexity(page: Page) -> list[Problem]:
    """What would make Markdown hang or crash on this page, at the line where it happens."""
    if len(page.text.encode("utf-8")) > MAX_PAGE_BYTES:
        return [M.PAGE_TOO_LARGE.at(page.shown, 1, kb=MAX_PAGE_BYTES // 1000)]
    seen = dict.fromkeys(MAX_CHARACTERS, 0)
    for number, line in enumerate(page.text.split("\n"), 1):
        if _nesting(line) > MAX_NESTING:
            return [M.NESTED_TOO_DEEP.at(page.shown, number, levels=MAX_NESTING)]
        if DEEP_INDENT.match(line):
            return [M.INDENTED_TOO_FAR.at(page.shown, number)]
        for char, limit in MAX_CHARACTERS.items():
            seen[char] += line.count(char)
            if seen[char] > limit:
                return [M.TOO_MANY_CHARACTERS.at(page.shown, number, limit=limit, char=char)]
    return []


def _markdown_files(folder: Path) -> list[Path]:
    """Every .md file under a folder, without following symbolic links (those are refused)."""
    found = []
    for here, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(here) / name for name in sorted(files) if name.endswith(".md") and not name.startswith(".")]
    return [path for path in found if not path.is_symlink()]


def read_pages(
    docs_dir: Path, root: Path, locales: list[str], today: dt.date | None = None
) -> tuple[dict[tuple[str, str], Page], list[Problem]]:
    """Read every .md page under docs/<locale>/ for each locale, checking its front matter."""
    pages: dict[tuple[str, str], Page] = {}
    problems: list[Problem] = []
    for locale in locales:
        folder = docs_dir / locale
        for path in _markdown_files(folder):
            rel = path.relative_to(folder).as_posix()
            if name_problem(rel, ""):
                continue  # refused by its name alone (docs_tree): its content is not read
            shown = shown_path(path, root)
            text, problem = read_utf8(path, shown)
            page = Page(locale, rel, shown, text or "")
            pages[(locale, rel)] = page
            if problem:
                problems.append(problem)
                page.readable = False
                continue
            problems.extend(invisible.line_problems(page.text, shown))
            problems.extend(_front_matter(page, today or dt.date.today()))
            too_complex = _complexity(page)
            problems.extend(too_complex)
            page.readable = not too_complex
    return pages, problems

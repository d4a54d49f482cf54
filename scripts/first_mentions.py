"""First mentions on a page (lint/first-mentions.yml): a Korean name with its reading, an acronym
spelled out, where each first appears; and a reading never written without its name."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import _site  # noqa: F401 - puts hooks/ on the path
import yaml
from sitekit import messages as M
from sitekit.problems import Problem

LIST = Path(__file__).resolve().parents[1] / "lint" / "first-mentions.yml"

# What a page holds that is not its prose: each is taken out, its line breaks kept, so that
# offsets still give the page's own line numbers.
NOT_PROSE = re.compile(
    r"\A---\n.*?\n---\n"  # front matter
    r"|^(```|~~~).*?^\1[^\n]*$"  # fenced code
    r"|<!--.*?-->"  # HTML comments (textlint-disable and the page markers)
    r"|`[^`\n]+`"  # inline code
    r"|\[\^[^\]\s]+\]"  # footnote ids
    r"|(?<=\])\([^)\s]*\)",  # link addresses
    re.DOTALL | re.MULTILINE,
)


@dataclass(frozen=True)
class Rule:
    """`term` must first appear as part of one of `first`; `write` is the form to suggest."""

    term: str
    first: tuple[str, ...]
    write: str
    name: bool  # a Korean name (its reading is checked too), else an acronym

    @property
    def reading(self) -> str:
        return self.write[len(self.term) + 1 : -1] if self.name else ""

    def occurrences(self, text: str) -> Iterator[int]:
        # An acronym in Latin letters is a whole word (NIS, not NISSAN or the id nis-2024-…).
        edge = r"(?<![A-Za-z0-9])", r"(?![A-Za-z0-9])"
        pattern = re.escape(self.term)
        if self.term.isascii():
            pattern = edge[0] + pattern + edge[1]
        return (m.start() for m in re.finditer(pattern, text))

    def spelled_out_at(self, text: str, at: int) -> bool:
        """Whether the term at offset `at` is part of one of its full forms."""
        for form in self.first:
            start = at - form.index(self.term)
            if start >= 0 and text[start : start + len(form)] == form:
                return True
        return False


@functools.cache
def rules(lang: str) -> tuple[Rule, ...]:
    """The rules of one language, from lint/first-mentions.yml."""
    data = yaml.safe_load(LIST.read_text(encoding="utf-8")).get(lang, {})
    found = []
    for full in data.get("names", []):
        term = full.split("（", 1)[0]
        found.append(Rule(term, (full,), full, True))
    for entry in data.get("acronyms", []):
        first = entry["first"] if isinstance(entry["first"], list) else [entry["first"]]
        found.append(Rule(entry["term"], tuple(first), entry.get("write", first[0]), False))
    return tuple(found)


def prose(markdown: str) -> str:
    """The page's text without what is not prose, each line where it was."""
    return NOT_PROSE.sub(lambda m: "\n" * m.group().count("\n"), markdown)


def line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def first_mention_problems(text: str, lang: str, path: str) -> list[Problem]:
    """A problem for each term whose first use in `text` (a page's prose) is not its full form."""
    found = []
    for rule in rules(lang):
        first = next(rule.occurrences(text), None)
        if first is None or rule.spelled_out_at(text, first):
            continue
        line, term, write = line_at(text, first), rule.term, rule.write
        message = M.READING_MISSING if rule.name else M.NOT_SPELLED_OUT
        found.append(message.at(path, line, term=term, write=write))
    return found


def lone_reading_problems(text: str, lang: str, path: str, first_line: int = 1) -> list[Problem]:
    """A problem for each reading of a name written without the name before it; `text` starts
    on line `first_line` of `path`."""
    found = []
    for rule in rules(lang):
        if not rule.name:
            continue
        for m in re.finditer(re.escape(rule.reading), text):
            if not text[: m.start()].endswith(rule.term + "（"):
                line = line_at(text, m.start()) + first_line - 1
                found.append(M.READING_ALONE.at(path, line, reading=rule.reading, write=rule.write))
    return found

"""Every reader-facing text of the data files, of labels.yml and of the pages' front matter, in
its language, at its own line.

A text is a string under a key `ja` or `en` (`ja: …`, `note: {ja: …, en: …}`, or the whole
`ja:` section of labels.yml); the outermost such key sets the language, so labels.yml's
`languages: {en: 英語}` inside `ja:` is a Japanese text. Files are read with the build's own
loader (hooks/sitekit/yamlfiles.py), which keeps the line of every key and list item.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import _site  # noqa: F401 - puts hooks/ on the path
from sitekit import i18n
from sitekit.corpus import split_front_matter
from sitekit.problems import Problem
from sitekit.yamlfiles import LineDict, LineList, line_of, load, parse

# The files whose texts readers see: the data the pages render, and the words of the page frame.
DATA_FILES = ("docs/timeline.yml", "docs/estimates.yml", "docs/places.yml", "docs/corrections.yml", "hooks/sitekit/labels.yml")
LABELS = "hooks/sitekit/labels.yml"
LANGUAGES = i18n.locales()
# What a page's front matter shows readers: the <title>, the description (search engines, feeds)
# and the change note (the Atom feeds).
FRONT_MATTER_KEYS = ("title", "description", "change")


@dataclass(frozen=True)
class Text:
    """One text of a data file: where it is written, its language and its words."""

    path: str
    line: int
    lang: str
    text: str


def _walk(node: Any, path: str, lang: str | None, line: int) -> Iterator[Text]:
    if isinstance(node, LineDict):
        for key, value in node.items():
            inner = lang or (key if key in LANGUAGES else None)
            yield from _walk(value, path, inner, line_of(node, key, line))
    elif isinstance(node, LineList):
        for index, value in enumerate(node):
            yield from _walk(value, path, lang, line_of(node, index, line))
    elif isinstance(node, str) and lang and node.strip():
        yield Text(path, line, lang, node)


def collect(root: Path, files: tuple[str, ...] = DATA_FILES) -> tuple[list[Text], list[Problem]]:
    """The texts of `files` under `root` (a missing file has none), and the files' YAML problems."""
    texts: list[Text] = []
    problems: list[Problem] = []
    for rel in files:
        if not (root / rel).is_file():
            continue
        data, found = load(root / rel, rel)
        problems += found
        texts += _walk(data, rel, None, 1)
    return texts, problems


def front_matter_texts(root: Path) -> list[Text]:
    """The title, description and change note of every page, in the page's language. A front
    matter the build would refuse is left to the build's own message."""
    texts = []
    for lang in LANGUAGES:
        for page in sorted((root / "docs" / lang).glob("*.md")):
            shown = page.relative_to(root).as_posix()
            head, _, _ = split_front_matter(page.read_text(encoding="utf-8"))
            meta, problems = parse(head, shown, first_line=2) if head is not None else (None, [])
            if problems or not isinstance(meta, LineDict):
                continue
            for key in FRONT_MATTER_KEYS:
                if isinstance(meta.get(key), str) and meta[key].strip():
                    # The block starts on line 2: the loader counted from its own first line.
                    texts.append(Text(shown, line_of(meta, key) + 1, lang, meta[key]))
    return texts

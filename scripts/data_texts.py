"""Every reader-facing text of the data files and of labels.yml, in its language, at its own line.

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
from sitekit.problems import Problem
from sitekit.yamlfiles import LineDict, LineList, line_of, load

# The files whose texts readers see: the data the pages render, and the words of the page frame.
DATA_FILES = ("docs/timeline.yml", "docs/estimates.yml", "docs/places.yml", "docs/corrections.yml", "hooks/sitekit/labels.yml")
LABELS = "hooks/sitekit/labels.yml"
LANGUAGES = ("ja", "en")


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

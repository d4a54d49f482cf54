"""The writers' working vocabulary (lint/working-vocabulary.yml), found in any text.

One list, read here for `make lint` (scripts/lint_wording.py: pages and data texts) and by the
tests of the built site (tests/test_reader_what_readers_see.py: pages, feeds, downloads).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

LIST = Path(__file__).resolve().parents[1] / "lint" / "working-vocabulary.yml"


@functools.cache
def phrases() -> tuple[str, ...]:
    """Every phrase of the list, as written there."""
    return tuple(str(p) for p in yaml.safe_load(LIST.read_text(encoding="utf-8")))


@functools.cache
def _pattern() -> re.Pattern[str]:
    # Any white space between the words (a page wraps lines), any case ("Stored copies").
    alternatives = sorted((r"\s+".join(map(re.escape, p.split())) for p in phrases()), key=len, reverse=True)
    return re.compile("|".join(alternatives), re.IGNORECASE)


def find(text: str) -> list[tuple[int, str]]:
    """(offset, phrase as written) of every working-vocabulary phrase in `text`."""
    return [(m.start(), m.group()) for m in _pattern().finditer(text)]

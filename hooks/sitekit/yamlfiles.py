"""Loading the site's YAML data files with line numbers, strictly.

ruamel.yaml's round-trip loader keeps the line of every mapping and list item and
refuses duplicate keys; YAML 1.2 rules keep `no`/`on` as text. Implicit types that
remain (dates, numbers, booleans) are checked by the callers' field rules.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import DuplicateKeyError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError

from .problems import Problem
from .textfiles import read_utf8


class _DatesAsText(RoundTripConstructor):
    """Keep `2024-02-30` as text so that the field rules, not the loader, judge the date."""


_DatesAsText.add_constructor("tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str)


def load(path: Path, shown: str) -> tuple[Any, list[Problem]]:
    """Parse one YAML file; on failure return None and a problem at the error's line."""
    text, problem = read_utf8(path, shown)
    if problem:
        return None, [problem]
    yaml = YAML(typ="rt")
    yaml.Constructor = _DatesAsText
    try:
        return yaml.load(text), []
    except DuplicateKeyError as err:
        mark = err.problem_mark
        key = str(err.problem).split('"')[1] if '"' in str(err.problem) else "a key"
        return None, [Problem(shown, mark.line + 1, f'duplicate key "{key}" in one entry; keep only one')]
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        what = (err.problem or err.context or "syntax error").strip()
        return None, [Problem(shown, line, f"invalid YAML: {what}; check indentation and quoting")]


def line_of(node: Any, key: str | int | None = None, default: int = 1) -> int:
    """The 1-based line of a mapping key or list item (or of the node itself)."""
    lc = getattr(node, "lc", None)
    if lc is None:
        return default
    try:
        if key is None:
            return lc.line + 1
        if isinstance(key, int):
            return lc.item(key)[0] + 1
        return lc.key(key)[0] + 1
    except (KeyError, IndexError, TypeError):
        return lc.line + 1


def is_text(value: Any) -> bool:
    """A non-empty string (YAML may have turned an unquoted value into a date or number)."""
    return isinstance(value, str) and value.strip() != ""


def as_date(value: Any) -> dt.date | None:
    """A real calendar date written YYYY-MM-DD (quoted or not), else None."""
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None

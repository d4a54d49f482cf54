"""Loading the site's YAML data files with line numbers, strictly and fast.

PyYAML's C parser composes the document; our constructor records the line of every
mapping key and list item, refuses duplicate keys (PyYAML would keep the last one
silently), keeps dates as text (so that `2024-02-30` reaches the date rule instead of
crashing the loader) and reads only true/false as booleans (YAML 1.1 turns `no`, the
code for Norwegian, into False).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem
from .textfiles import read_utf8

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineDict(dict):
    """A mapping that remembers its own line and the line of each key (1-based)."""

    line: int = 1
    key_lines: dict[Any, int]


class LineList(list):
    """A list that remembers its own line and the line of each item (1-based)."""

    line: int = 1
    item_lines: list[int]


class DuplicateKey(yaml.MarkedYAMLError):
    """The same key twice in one mapping."""


class StrictLoader(Loader):
    """Safe loading with line numbers, no duplicate keys and no implicit dates."""


def _mapping(loader: StrictLoader, node: yaml.MappingNode) -> LineDict:
    result = LineDict()
    result.line, result.key_lines = node.start_mark.line + 1, {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise DuplicateKey(problem=f'duplicate key "{key}"', problem_mark=key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _sequence(loader: StrictLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line, result.item_lines = node.start_mark.line + 1, [child.start_mark.line + 1 for child in node.value]
    return result


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)
StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)
StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in Loader.yaml_implicit_resolvers.items()
}
StrictLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def load(path: Path, shown: str) -> tuple[Any, list[Problem]]:
    """Parse one YAML file; on failure return None and a problem at the error's line."""
    text, problem = read_utf8(path, shown)
    if problem:
        return None, [problem]
    try:
        return yaml.load(text, Loader=StrictLoader), []
    except DuplicateKey as err:
        key = str(err.problem).split('"')[1]
        return None, [Problem(shown, err.problem_mark.line + 1, f'duplicate key "{key}" in one entry; keep only one')]
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        what = (err.problem or err.context or "syntax error").strip()
        return None, [Problem(shown, line, f"invalid YAML: {what}; check indentation and quoting")]
    except yaml.YAMLError:
        return None, [Problem(shown, 1, "invalid YAML; check indentation and quoting")]


def line_of(node: Any, key: str | int | None = None, default: int = 1) -> int:
    """The 1-based line of a mapping key or list item (or of the node itself)."""
    if isinstance(node, LineDict):
        return node.key_lines.get(key, node.line) if key is not None else node.line
    if isinstance(node, LineList):
        if isinstance(key, int) and 0 <= key < len(node.item_lines):
            return node.item_lines[key]
        return node.line
    return default


def is_text(value: Any) -> bool:
    """A non-empty string (YAML may have turned an unquoted value into a number or boolean)."""
    return isinstance(value, str) and value.strip() != ""


def as_date(value: Any) -> dt.date | None:
    """A real calendar date written YYYY-MM-DD (quoted or not), else None."""
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None

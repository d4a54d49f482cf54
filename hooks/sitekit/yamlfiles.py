"""Loading contributors' YAML (data files and front matter) with line numbers, strictly and safely.

PyYAML's C parser composes the document; our constructor records the line of every
mapping key and list item and refuses duplicate keys (PyYAML would keep the last one
silently). Values are read as a person reads them: only plain decimal numbers are numbers
(YAML 1.1 turns `0700` into 448 and `1:30` into 90), only true/false are booleans (it turns
`no`, the code for Norwegian, into False), and dates stay text so that `2024-02-30` reaches
the date rule instead of crashing the loader. Before anything is built, one pass over the
parser's events refuses what no data file needs and a hostile one can abuse: files over a
size limit, deep nesting, anchors and aliases (an alias bomb exhausts memory), explicit tags.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from . import invisible
from . import messages as M
from .problems import Problem
from .textfiles import read_utf8

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# The registry, the largest file, has about 95 KB. Checking is linear but not free (each data
# text is rendered as Markdown and passed through the allowlist, about 10 µs a character), so
# the limit keeps a hostile file's check within seconds.
MAX_BYTES = 1_000_000
MAX_DEPTH = 12  # a data file is a list of entries of fields; publisher: {ja, en} is depth 3
DECIMAL_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
DECIMAL_FLOAT = re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")
TRUE_FALSE = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
NULL = re.compile(r"^(?:~|null|Null|NULL|)$")


class LineDict(dict):
    """A mapping that remembers its own line and the line of each key (1-based)."""

    line: int = 1
    key_lines: dict[Any, int]


class LineList(list):
    """A list that remembers its own line and the line of each item (1-based)."""

    line: int = 1
    item_lines: list[int]


class Refused(yaml.MarkedYAMLError):
    """Valid YAML that our files do not accept (duplicate key, key that is not a name)."""

    def __init__(self, message: M.Message, mark: yaml.Mark, **fields: object) -> None:
        super().__init__(problem=message.text_of(**fields), problem_mark=mark)
        self.message, self.fields = message, fields


class StrictLoader(Loader):
    """Safe loading with line numbers, no duplicate keys, decimal numbers only, dates as text."""


def _mapping(loader: StrictLoader, node: yaml.MappingNode) -> LineDict:
    result = LineDict()
    result.line, result.key_lines = node.start_mark.line + 1, {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise Refused(M.YAML_KEY_NOT_NAME, key_node.start_mark)
        key = key_node.value  # as written: a field name is text, whatever it looks like
        if key in result:
            raise Refused(M.YAML_DUPLICATE_KEY, key_node.start_mark, key=key)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _sequence(loader: StrictLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line, result.item_lines = node.start_mark.line + 1, [child.start_mark.line + 1 for child in node.value]
    return result


def _integer(loader: StrictLoader, node: yaml.ScalarNode) -> int:
    # Python refuses to print an int of more than 4,300 digits; no figure here needs 19.
    if len(node.value.lstrip("+-")) > 18:
        raise Refused(M.YAML_NUMBER_TOO_LONG, node.start_mark)
    return int(node.value)


# A quoted escape ("\x01", "\uFFFE") writes a character the file itself may not hold; no page,
# feed (XML) or download can carry it, so it is refused here, for every YAML text at once.
UNCARRIED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def _text(loader: StrictLoader, node: yaml.ScalarNode) -> str:
    value = loader.construct_scalar(node)
    bad = UNCARRIED.search(value)
    if bad:
        raise Refused(M.YAML_ESCAPED_CONTROL, node.start_mark, code=ord(bad.group()))
    return value


StrictLoader.add_constructor("tag:yaml.org,2002:int", _integer)
StrictLoader.add_constructor("tag:yaml.org,2002:str", _text)
StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)
StrictLoader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in (
    ("tag:yaml.org,2002:bool", TRUE_FALSE, "tTfF"),
    ("tag:yaml.org,2002:int", DECIMAL_INT, "-+0123456789"),
    ("tag:yaml.org,2002:float", DECIMAL_FLOAT, "-+0123456789."),
    ("tag:yaml.org,2002:null", NULL, ["~", "n", "N", ""]),
):
    StrictLoader.add_implicit_resolver(_tag, _pattern, list(_first))


def _refusal(event: yaml.Event, depth: int, shown: str) -> Problem | None:
    """Why an event of the parser's stream is refused, if it is."""
    line = event.start_mark.line + 1
    if isinstance(event, yaml.AliasEvent):
        return M.YAML_ALIAS.at(shown, line)
    if getattr(event, "anchor", None):
        return M.YAML_ANCHOR.at(shown, line)
    tag = getattr(event, "tag", None)
    if tag not in (None, "!"):
        return M.YAML_TAG.at(shown, line, tag=tag.replace("tag:yaml.org,2002:", "!!"))
    if depth > MAX_DEPTH:
        return M.YAML_TOO_DEEP.at(shown, line, levels=MAX_DEPTH)
    return None


def _screen(text: str, shown: str) -> list[Problem]:
    """Check the event stream before anything is constructed (no recursion, no expansion).
    A structural refusal stops at once; bidirectional controls are all reported, each at its line."""
    depth = 0
    controls: dict[int, Problem] = {}
    for event in yaml.parse(text, Loader=StrictLoader):
        if isinstance(event, yaml.ScalarEvent) and invisible.first(event.value):
            controls.update((p.line, p) for p in [_control(text, shown, event)])
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        refused = _refusal(event, depth, shown)
        if refused:
            return [refused]
    return list(controls.values())


def _control(text: str, shown: str, event: yaml.ScalarEvent) -> Problem:
    """A value (or key) holding a bidirectional control, at the line of the control as written; a
    control written as an escape ("\\u202E") is reported where its value starts."""
    written = text[event.start_mark.index : event.end_mark.index]
    at = invisible.BIDI_CONTROLS.search(written)
    number = event.start_mark.line + 1 + (written[: at.start()].count("\n") if at else 0)
    line = text.split("\n")[number - 1] if at else event.value
    return invisible.line_problem(shown, number, line) or invisible.line_problem(shown, number, event.value)


def _error_line(err: yaml.MarkedYAMLError, first_line: int) -> int:
    # An unclosed quote is found where the file ends; the quote itself is where the scalar began.
    mark = err.problem_mark or err.context_mark
    if err.context_mark is not None and "scanning a quoted scalar" in (err.context or ""):
        mark = err.context_mark
    return (mark.line if mark else 0) + first_line


def parse(text: str, shown: str, first_line: int = 1) -> tuple[Any, list[Problem]]:
    """Parse YAML text whose first line is line `first_line` of `shown`; problems name that file."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        return None, [M.YAML_FILE_TOO_LARGE.at(shown, first_line, mb=MAX_BYTES // 1_000_000)]
    try:
        found = _screen(text, shown)
        if found:
            return None, [dataclasses.replace(p, line=p.line + first_line - 1) for p in found]
        return yaml.load(text, Loader=StrictLoader), []
    except Refused as err:
        return None, [err.message.at(shown, err.problem_mark.line + first_line, **err.fields)]
    except yaml.reader.ReaderError as err:
        line = text[: err.position].count("\n") + first_line
        code = ord(err.character) if isinstance(err.character, str) else err.character
        return None, [M.YAML_CONTROL_CHARACTER.at(shown, line, code=code)]
    except yaml.MarkedYAMLError as err:
        what = (err.problem or err.context or "syntax error").strip()
        return None, [M.YAML_INVALID.at(shown, _error_line(err, first_line), what=what)]
    except (yaml.YAMLError, RecursionError, MemoryError):
        return None, [M.YAML_INVALID_NOWHERE.at(shown, first_line)]


def load(path: Path, shown: str) -> tuple[Any, list[Problem]]:
    """Parse one YAML file; on failure return None and a problem at the error's line."""
    text, problem = read_utf8(path, shown)
    if problem:
        return None, [problem]
    return parse(text, shown)


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


def is_empty(value: Any) -> bool:
    """A field written with no value (`ja:`), or with only spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


def as_day(value: Any) -> dt.date | None:
    """A date the checks already read (front matter dates are dates once checked), else None."""
    return value if isinstance(value, dt.date) and not isinstance(value, dt.datetime) else None


def as_date(value: Any) -> dt.date | None:
    """A real calendar date written YYYY-MM-DD (quoted or not), else None."""
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None

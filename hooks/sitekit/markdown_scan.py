"""Reading a Markdown page the way Python-Markdown will: citations, notes, blocks, raw HTML.

Code (fenced blocks, inline code spans) and HTML comments are blanked out first, keeping
every line in place, so that `[^x]` shown as code is text and line numbers stay exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

FRONT_MATTER = re.compile(r"\A---\n(.*?\n)?---\n", re.S)
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(?<![\\`])(`+)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.S)
COMMENT = re.compile(r"<!--.*?-->", re.S)
MARKER = re.compile(r"^<!--\s*([a-z-]+)\s*-->\s*$")
REF = re.compile(r"(?<!\\)\[\^([^\]]*)\](?!:)")
DEF = re.compile(r"^ {0,3}\[\^([^\]]*)\]:[ ]*(.*)$")
BLOCK_START = re.compile(r"^(?: {0,3}\[\^[^\]]*\]:|\s*(?:[-*+]|\d+[.)])\s|\s*#{1,6}(?:\s|$)|\s*>|\s*\|)")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
EXEMPT_LINE = re.compile(
    r"^\s*(?:#{1,6}\s|#{1,6}$|[!?]{3}\+?\s|\*\[[^\]]+\]:|\[[^\]^][^\]]*\]:\s|</?[a-zA-Z][^>]*>\s*$|(?:-{3,}|\*{3,}|_{3,})\s*$)"
)
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
UNSAFE = (
    (re.compile(r"<\s*(script|iframe|frame|object|embed)\b", re.I), "a <{0}> element"),
    (re.compile(r"<[^>]*?\s(on[a-z]+)\s*=", re.I), 'an event-handler attribute "{0}="'),
    (re.compile(r"\{[^}\n]*?(?:^|\s)(on[a-z]+)\s*=", re.I), 'an event-handler attribute "{0}="'),
    (re.compile(r"\b(javascript|vbscript)\s*:", re.I), 'a "{0}:" URL'),
    (re.compile(r"\]\(\s*(data):", re.I), 'a "{0}:" URL'),
)


@dataclass
class Definition:
    """A hand-written footnote definition and the citations inside it."""

    label: str
    line: int
    refs: list[tuple[str, int]] = field(default_factory=list)
    used_lines: list[int] = field(default_factory=list)


@dataclass
class Scan:
    """What a page contains, with 1-based line numbers in the original file."""

    front_matter: str = ""
    body_start: int = 1
    refs: list[tuple[str, int]] = field(default_factory=list)
    definitions: dict[str, Definition] = field(default_factory=dict)
    duplicate_definitions: list[tuple[str, int]] = field(default_factory=list)
    uncited_blocks: list[int] = field(default_factory=list)
    unsafe: list[tuple[str, int]] = field(default_factory=list)
    markers: list[tuple[str, int]] = field(default_factory=list)


def _blank(match: re.Match[str]) -> str:
    # Keep newlines so that every later line number is unchanged.
    return re.sub(r"[^\n]", " ", match.group(0))


def _closing_fence(lines: list[str], start: int, fence: str) -> int | None:
    for j in range(start + 1, len(lines)):
        m = FENCE.match(lines[j])
        if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not lines[j].strip().strip(fence[0]):
            return j
    return None


def mask_code(text: str) -> str:
    """Blank out fenced code, inline code and HTML comments, keeping line structure."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        end = _closing_fence(lines, i, m.group(1)) if m else None
        if end is None:
            i += 1  # an unclosed fence is plain text to Markdown, so it is to us
            continue
        for j in range(i, end + 1):
            lines[j] = ""
        i = end + 1
    # A code span never crosses into another block: cut before each line that starts one.
    chunks: list[list[str]] = []
    for line in lines:
        if not chunks or not line.strip() or not chunks[-1][-1].strip() or BLOCK_START.match(line):
            chunks.append([])
        chunks[-1].append(line)
    text = "\n".join(CODE_SPAN.sub(_blank, "\n".join(chunk)) for chunk in chunks)
    return COMMENT.sub(_blank, text)


def _split_front_matter(text: str) -> tuple[str, str, int]:
    m = FRONT_MATTER.match(text)
    if not m:
        return "", text, 1
    offset = m.group(0).count("\n")
    return m.group(1) or "", "\n" * offset + text[m.end() :], 1


def _definitions(lines: list[str], scan: Scan) -> set[int]:
    """Collect footnote definitions; return the line indexes they occupy."""
    taken: set[int] = set()
    i = 0
    while i < len(lines):
        m = DEF.match(lines[i])
        if not m:
            i += 1
            continue
        label, start = m.group(1), i
        body = [(m.group(2), i)]
        taken.add(i)
        i += 1
        while i < len(lines):
            line = lines[i]
            if DEF.match(line):
                break
            if line.strip() == "":
                nxt = next((j for j in range(i, len(lines)) if lines[j].strip()), None)
                if nxt is None or not lines[nxt].startswith(("    ", "\t")):
                    break
            elif not line.startswith(("    ", "\t")) and body[-1][0].strip() == "":
                break
            body.append((line, i))
            taken.add(i)
            i += 1
        definition = Definition(label, start + 1)
        for content, index in body:
            definition.refs.extend((r.group(1), index + 1) for r in REF.finditer(content))
        if label in scan.definitions:
            scan.duplicate_definitions.append((label, start + 1))
        else:
            scan.definitions[label] = definition
    return taken


def _blocks(lines: list[str], skip: set[int]) -> list[tuple[int, str]]:
    """Paragraphs, list items and table body rows, each with its first line."""
    blocks: list[tuple[int, str]] = []
    current: list[str] | None = None

    def close() -> None:
        nonlocal current
        current = None

    for i, line in enumerate(lines):
        if i in skip or not line.strip() or EXEMPT_LINE.match(line):
            close()
            continue
        stripped = line.strip()
        if stripped.startswith("|"):
            close()
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if TABLE_SEP.match(stripped) or TABLE_SEP.match(nxt.strip()):
                continue  # the separator and the header row carry no claim
            blocks.append((i + 1, stripped))
            continue
        if LIST_ITEM.match(line) or current is None:
            current = [stripped]
            blocks.append((i + 1, ""))
        else:
            current.append(stripped)
        blocks[-1] = (blocks[-1][0], " ".join(current))
    return blocks


def _needs_citation(text: str) -> bool:
    if REF.search(text):
        return False
    # A block made only of links (a "see also" line) states nothing that needs a source.
    rest = LINK.sub("", LIST_ITEM.sub("", text))
    return bool(re.search(r"\w", rest))


def scan(text: str) -> Scan:
    """Scan a page's full text (front matter included)."""
    result = Scan()
    result.front_matter, body, result.body_start = _split_front_matter(text)
    raw_lines = body.split("\n")
    for i, line in enumerate(raw_lines):
        m = MARKER.match(line.strip())
        if m:
            result.markers.append((m.group(1), i + 1))
    masked = mask_code(body)
    lines = masked.split("\n")
    for i, line in enumerate(lines):
        for pattern, what in UNSAFE:
            for m in pattern.finditer(line):
                result.unsafe.append((what.format(m.group(1).lower()), i + 1))
    taken = _definitions(lines, result)
    for i, line in enumerate(lines):
        if i not in taken:
            result.refs.extend((m.group(1), i + 1) for m in REF.finditer(line))
    for line_no, block in _blocks(lines, taken):
        if _needs_citation(block):
            result.uncited_blocks.append(line_no)
    return result

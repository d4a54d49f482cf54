"""Finding the line to report, in a page as its contributor wrote it.

What is wrong is decided from Python-Markdown's own output (sitekit.markdown_view); this
module only answers "where?". It looks for the text a problem is about (a `[^label]`, an
attribute, the first words of a paragraph), preferring prose over code and comments, and
remembers what it already pointed at, so that a label cited on three lines is reported on
three lines. When nothing matches it returns the best line it has (the first line of the
page's body), never line 1 by default.
"""

from __future__ import annotations

import html
import re

FENCE = re.compile(r"^(?:\s*>)*\s*(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
COMMENT = re.compile(r"<!--.*?(?:-->|--!>)", re.S)
HEADING = re.compile(r"^\s{0,3}#{1,6}(\s|$)")
WORD = re.compile(r"[^\W_]{2,}|[\u3040-\u30ff\u3400-\u9fff]+")


def _mask(lines: list[str]) -> list[str]:
    """The lines with code and comments blanked (same line count), to prefer prose matches."""
    out, fence = [], None
    for line in lines:
        m = FENCE.match(line)
        if fence:
            out.append("")
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            continue
        if m:
            fence = m.group(1)
            out.append("")
            continue
        out.append(CODE_SPAN.sub(lambda c: " " * len(c.group(0)), line))
    text = COMMENT.sub(lambda c: re.sub(r"[^\n]", " ", c.group(0)), "\n".join(out))
    return text.split("\n")


class Source:
    """A contributor's file, split into lines, with a memory of the lines already reported."""

    def __init__(self, text: str, body_start: int = 1) -> None:
        self.lines = text.split("\n")
        self.body_start = body_start  # 1-based line where the page's body (after front matter) begins
        self.masked = _mask(self.lines)
        self.used: dict[str, set[int]] = {}
        self.cursor = body_start - 1

    def _take(self, key: str, candidates: list[int]) -> int | None:
        used = self.used.setdefault(key, set())
        for line in candidates:
            if line not in used:
                used.add(line)
                return line
        return candidates[0] if candidates else None

    def _matching(self, pattern: re.Pattern[str]) -> list[int]:
        start = self.body_start - 1
        prose = [i + 1 for i in range(start, len(self.lines)) if pattern.search(self.masked[i])]
        anywhere = [i + 1 for i in range(start, len(self.lines)) if pattern.search(self.lines[i])]
        return prose + [n for n in anywhere if n not in prose]

    def ref(self, label: str, key: str = "ref") -> int:
        """The next line carrying the reference [^label] (not its definition)."""
        pattern = re.compile(rf"\[\^{re.escape(label)}\](?!:)")
        return self._take(f"{key}:{label}", self._matching(pattern)) or self.body_start

    def definition(self, label: str) -> int:
        """The next line defining [^label]."""
        pattern = re.compile(rf"^(?:\s*>)*\s*(?:[-*+]\s+|\d+[.)]\s+)?\[\^{re.escape(label)}\]:")
        start = self.body_start - 1
        lines = [i + 1 for i in range(start, len(self.lines)) if pattern.search(self.lines[i])]
        return self._take(f"def:{label}", lines) or self.body_start

    def find_pattern(self, pattern: str, key: str) -> int | None:
        """The next line matching a regular expression, or None."""
        return self._take(key, self._matching(re.compile(pattern)))

    def ref_after(self, label: str, start: int) -> int:
        """The first line from line `start` on that carries [^label]."""
        needle = f"[^{label}]"
        return next((i + 1 for i in range(start - 1, len(self.lines)) if needle in self.lines[i]), start)

    def find(self, needles: list[str], key: str) -> int:
        """The next line containing one of the needles (case-insensitive; entities and spaces
        ignored as a browser would), tried in order."""
        for needle in needles:
            if not needle.strip():
                continue
            pattern = re.compile(re.escape(needle), re.I)
            hit = self._take(f"{key}:{needle}", self._matching(pattern))
            if hit:
                return hit
        squeezed = [re.sub(r"\s+", "", html.unescape(line)).lower() for line in self.lines]
        for needle in needles:
            flat = re.sub(r"\s+", "", html.unescape(needle)).lower()
            if len(flat) < 3:
                continue
            lines = [i + 1 for i in range(self.body_start - 1, len(self.lines)) if flat in squeezed[i]]
            hit = self._take(f"{key}:{flat}", lines)
            if hit:
                return hit
        return self.body_start

    def block(self, text: str) -> int:
        """The line where a block starting with `text` begins, searching on from the last block found."""
        words = WORD.findall(text)
        if words:
            pattern = re.compile(re.escape(words[0][:8]))
            for i in range(self.cursor, len(self.lines)):
                if pattern.search(self.masked[i]) and not HEADING.match(self.lines[i]):
                    self.cursor = i + 1
                    return i + 1
        # No word to look for: the next non-blank line after the last block found.
        for i in range(max(self.cursor, self.body_start - 1), len(self.lines)):
            if self.lines[i].strip():
                self.cursor = i + 1
                return i + 1
        return self.body_start

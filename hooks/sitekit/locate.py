"""Finding the line to report, in a page as its contributor wrote it.

What is wrong is decided from Python-Markdown's own output (sitekit.mdx); this
module only answers "where?". It looks for the text a problem is about (a `[^label]`, an
attribute, the first words of a paragraph), preferring prose over code and comments, and
remembers what it already pointed at, so that a label cited on three lines is reported on
three lines. When nothing matches it returns the best line it has (the first line of the
page's body), never line 1 by default.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right

FENCE = re.compile(r"^(?:\s*>)*\s*(`{3,}|~{3,})")
BACKTICKS = re.compile(r"`++")
COMMENT_END = re.compile(r"--!?>")
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
        out.append(_blank_code_spans(line))
    return _blank_comments("\n".join(out)).split("\n")


def _blank_code_spans(line: str) -> str:
    """The line with each code span blanked: a run of backticks up to the next run of the same
    length. One pass over the runs (a backreference pattern took cubic time on a long run of
    backticks that no run closes)."""
    runs = [(m.start(), m.end()) for m in BACKTICKS.finditer(line)]
    if len(runs) < 2:
        return line
    following: dict[int, int] = {}  # run length -> index of the nearest later run of that length
    closer = [0] * len(runs)
    for k in range(len(runs) - 1, -1, -1):
        size = runs[k][1] - runs[k][0]
        closer[k] = following.get(size, -1)
        following[size] = k
    chars, k = list(line), 0
    while k < len(runs):
        close = closer[k]
        if close < 0:
            k += 1
            continue
        chars[runs[k][0] : runs[close][1]] = " " * (runs[close][1] - runs[k][0])
        k = close + 1
    return "".join(chars)


def _blank_comments(text: str) -> str:
    """The text with each HTML comment blanked (line breaks kept); an unclosed one runs to the end.
    Found with str.find, once each (a lazy pattern tried the rest of the page from every "<!--")."""
    parts, at = [], 0
    while (start := text.find("<!--", at)) >= 0:
        end = COMMENT_END.search(text, start + 4)
        stop = end.end() if end else len(text)
        parts += [text[at:start], re.sub(r"[^\n]", " ", text[start:stop])]
        at = stop
    return "".join([*parts, text[at:]])


class _Lines:
    """Lines joined once, so that every line holding a literal is found in one scan of C code
    (a pattern per needle over every line took time in needles × lines: seconds for a page
    of a few thousand problems)."""

    def __init__(self, lines: list[str]) -> None:
        self.text = "\n".join(lines)
        self.starts = [0]
        for line in lines:
            self.starts.append(self.starts[-1] + len(line) + 1)

    def holding(self, needle: str, first: int) -> list[int]:
        """The 1-based numbers of the lines from `first` on that hold `needle`, each once."""
        if not needle or "\n" in needle or first > len(self.starts) - 1:
            return []
        found, at = [], self.text.find(needle, self.starts[first - 1])
        while at >= 0:
            number = bisect_right(self.starts, at)
            found.append(number)
            at = self.text.find(needle, self.starts[number]) if number < len(self.starts) - 1 else -1
        return found


def _normal(words: str) -> str:
    """A heading's words or an id, compared as the heading's id is made from them."""
    return re.sub(r"[\W_]+", "", words).lower()


class SourceLines:
    """A contributor's file, split into lines, with a memory of the lines already reported."""

    def __init__(self, text: str, body_start: int = 1) -> None:
        self.lines = text.split("\n")
        self.body_start = body_start  # 1-based line where the page's body (after front matter) begins
        self._masked: list[str] | None = None
        self._joined: dict[str, _Lines] = {}  # "exact", "lower", "masked", "masked-lower", "squeezed"
        self._headings: dict[str, list[int]] | None = None
        self.used: dict[str, int] = {}  # key -> how many of its candidates are taken
        self.found: dict[str, list[int]] = {}  # pattern or needle -> the lines it matches, prose first
        self.cursor = body_start - 1

    @property
    def masked(self) -> list[str]:
        """The lines with code and comments blanked, made on the first question (most pages have none)."""
        if self._masked is None:
            self._masked = _mask(self.lines)
        return self._masked

    def _join(self, kind: str) -> _Lines:
        if kind not in self._joined:
            lines = self.masked if kind.startswith("masked") else self.lines
            if kind.endswith("lower"):
                lines = [line.lower() for line in lines]
            if kind == "squeezed":
                lines = [re.sub(r"\s+", "", html.unescape(line)).lower() for line in self.lines]
            self._joined[kind] = _Lines(lines)
        return self._joined[kind]

    def _take(self, key: str, candidates: list[int]) -> int | None:
        # Each key takes its candidates in order, each once, then keeps to the first: a counter,
        # so that a thousand problems with one needle do not read the list a thousand times.
        taken = self.used.get(key, 0)
        if taken < len(candidates):
            self.used[key] = taken + 1
            return candidates[taken]
        return candidates[0] if candidates else None

    def _prose_first(self, needle: str, lower: bool, check: re.Pattern[str] | None = None) -> list[int]:
        """Lines holding a literal: those where it is prose (not code or a comment) first."""
        key = f"{'lower' if lower else 'exact'}:{needle}:{check.pattern if check else ''}"
        if key not in self.found:
            prose = self._join("masked-lower" if lower else "masked").holding(needle, self.body_start)
            anywhere = self._join("lower" if lower else "exact").holding(needle, self.body_start)
            if check is not None:
                prose = [n for n in prose if check.search(self.masked[n - 1])]
                anywhere = [n for n in anywhere if check.search(self.lines[n - 1])]
            seen = set(prose)
            self.found[key] = prose + [n for n in anywhere if n not in seen]
        return self.found[key]

    def _matching(self, pattern: re.Pattern[str]) -> list[int]:
        # Every line is read once per pattern and build, however many problems ask.
        if pattern.pattern not in self.found:
            start = self.body_start - 1
            prose = [i + 1 for i in range(start, len(self.lines)) if pattern.search(self.masked[i])]
            seen = set(prose)
            anywhere = [i + 1 for i in range(start, len(self.lines)) if pattern.search(self.lines[i])]
            self.found[pattern.pattern] = prose + [n for n in anywhere if n not in seen]
        return self.found[pattern.pattern]

    def ref(self, label: str, key: str = "ref") -> int:
        """The next line carrying the reference [^label] (not its definition)."""
        check = re.compile(rf"\[\^{re.escape(label)}\](?!:)")
        return self._take(f"{key}:{label}", self._prose_first(f"[^{label}]", False, check)) or self.body_start

    def definition(self, label: str) -> int:
        """The next line defining [^label]."""
        pattern = re.compile(rf"^(?:\s*>)*\s*(?:[-*+]\s+|\d+[.)]\s+)?\[\^{re.escape(label)}\]:")
        lines = [n for n in self._join("exact").holding(f"[^{label}]:", self.body_start) if pattern.search(self.lines[n - 1])]
        return self._take(f"def:{label}", lines) or self.body_start

    def find_pattern(self, pattern: str, key: str) -> int | None:
        """The next line matching a regular expression, or None."""
        return self._take(key, self._matching(re.compile(pattern)))

    def heading(self, anchor: str) -> int | None:
        """The next heading whose words make the id `anchor` ("## Cite: APA" for cite-apa), or None."""
        if self._headings is None:
            self._headings = {}
            for number in range(self.body_start, len(self.lines) + 1):
                line = self.lines[number - 1]
                if HEADING.match(line):
                    words = re.sub(r"\{[^}]*\}\s*$", "", line.lstrip(" #"))
                    self._headings.setdefault(_normal(words), []).append(number)
        return self._take(f"heading:{anchor}", self._headings.get(_normal(anchor), []))

    def ref_after(self, label: str, start: int) -> int:
        """The first line from line `start` on that carries [^label]."""
        return next(iter(self._join("exact").holding(f"[^{label}]", max(start, 1))), start)

    def find(self, needles: list[str], key: str) -> int:
        """The next line containing one of the needles (case-insensitive; entities and spaces
        ignored as a browser would), tried in order."""
        for needle in needles:
            if not needle.strip():
                continue
            hit = self._take(f"{key}:{needle}", self._prose_first(needle.lower(), True))
            if hit:
                return hit
        for needle in needles:
            flat = re.sub(r"\s+", "", html.unescape(needle)).lower()
            if len(flat) < 3:
                continue
            if f"squeezed:{flat}" not in self.found:
                self.found[f"squeezed:{flat}"] = self._join("squeezed").holding(flat, self.body_start)
            hit = self._take(f"{key}:{flat}", self.found[f"squeezed:{flat}"])
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

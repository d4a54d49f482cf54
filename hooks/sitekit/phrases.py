"""Japanese phrase boundaries as <wbr>, computed with BudouX, inserted into finished HTML.

`word-break: auto-phrase` (Chromium only) breaks Japanese lines between phrases; Safari and
Firefox break between any two characters (クルスク州 as ク / ルスク州). BudouX, the model
behind auto-phrase, gives the same boundaries at build time; with `word-break: keep-all`
(site.css) the <wbr> written here are then the only places a Japanese line may break, in
every engine.

The HTML is only ever added to: removing every <wbr> gives back the input byte for byte.
Text is read in runs that span inline elements (a link inside a sentence does not cut the
sentence in two for BudouX) and end at block elements. Nothing is inserted in attributes,
in code, scripts, SVG or footnote numbers, inside a footnote glue span (hooks/line_breaks.py
keeps it on one line), next to a space, or next to an ASCII letter or digit unless a
hiragana particle ends the phrase before it (2024年10月 stays whole; 北朝鮮は / 2024年 may break).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

import budoux

WBR = "<wbr>"
# A tag with quoted attributes (">" may appear inside quotes), a comment, or a doctype.
TOKEN = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<!?[a-zA-Z/](?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.S)
TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")
ATTR_LANG = re.compile(r"""\slang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
ATTR_CLASS = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)')""")
ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);")
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
ASCII_WORD = re.compile(r"[A-Za-z0-9]")
HIRAGANA = re.compile(r"[\u3041-\u309f]")
KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc]")  # ー belongs to the katakana word it lengthens
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005]")
BREAK_AFTER = frozenset("、。，．！？")
NO_BREAK_BEFORE = frozenset("、。，．！？）」』】〕〉》・ー")
LONG_PHRASE = 8  # characters; shorter phrases fit any line and stay whole

# Inline elements: a text run goes on through them. Any other element ends the run.
INLINE = frozenset("a abbr b bdi bdo cite data del dfn em i ins mark q s small span strong sub time u wbr".split())
# Elements whose text is never touched (BudouX's own skip list, plus what is not prose here).
SKIP = frozenset("code kbd pre samp var script style textarea svg math title template button input select option sup nobr".split())
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
PROTECTED_CLASS = "fn-glue"  # a footnote number with its neighbours: one unbreakable unit
SKIP_CLASS = "headerlink"  # a heading's permalink sign stays with the heading's last phrase


@lru_cache(maxsize=1)
def _parser() -> budoux.Parser:
    return budoux.load_default_japanese_parser()


@dataclass
class _Char:
    """One character of a text run: the segment holding its raw text, where it ends there, and its flags."""

    char: str
    segment: int  # index of the run's segment (a text node, or the stand-in for text skipped)
    end: int  # offset in that segment just after the character's raw text (an entity counts as one)
    protected: bool


# A run's segments: each text node's raw text and whether it is protected; None stands for
# text that is not read (code, another language) and that no boundary may cross.
Segments = tuple[tuple[str, bool] | None, ...]
# Distinct runs remembered (a paragraph, a heading, a footnote): the real site has about 3,000
# in both languages, so every one stays; least recently used ones go first.
CACHE_SIZE = 32_768


class _Run:
    """Consecutive text of one block, across inline elements, in one language."""

    def __init__(self) -> None:
        self.segments: list[tuple[str, bool] | None] = []
        self.pieces: list[int] = []  # for each segment, the index of its text in the output pieces

    def add(self, raw: str, piece: int, protected: bool) -> None:
        self.segments.append((raw, protected))
        self.pieces.append(piece)

    def skip(self) -> None:
        self.segments.append(None)
        self.pieces.append(-1)

    def cuts(self) -> list[tuple[int, int]]:
        """(output piece, offset in its raw text) after which a <wbr> goes."""
        if not any(segment is not None and JAPANESE.search(segment[0]) for segment in self.segments):
            return []  # nothing for BudouX: not worth a cache entry
        return [(self.pieces[segment], end) for segment, end in _boundaries(tuple(self.segments))]


@lru_cache(maxsize=CACHE_SIZE)
def _boundaries(segments: Segments) -> tuple[tuple[int, int], ...]:
    """Where the <wbr> of one run go, as (segment, offset in its raw text).

    Cached per run: under `mkdocs serve` a rebuild after an edit meets the same paragraphs
    again, and only the edited ones are read by BudouX. The key is the run's exact input
    (every text node's raw text and protection, and where skipped text cuts it), so a changed
    paragraph is always a new key, and the answer depends on nothing else (the model is fixed
    for the process).
    """
    chars: list[_Char] = []
    for index, segment in enumerate(segments):
        if segment is None:
            chars.append(_Char(" ", index, 0, True))  # other text between Japanese text: no boundary across it
            continue
        raw, protected = segment
        pos = 0
        while pos < len(raw):
            entity = ENTITY.match(raw, pos) if raw[pos] == "&" else None
            end = entity.end() if entity else pos + 1
            char = html.unescape(raw[pos:end]) if entity else raw[pos]
            chars.append(_Char(char[:1] or " ", index, end, protected))
            pos = end
    return tuple((c.segment, c.end) for c in _after(chars))


def _after(chars: list[_Char]) -> list[_Char]:
    """The characters after which a <wbr> goes."""
    text = "".join(c.char for c in chars)
    if not JAPANESE.search(text):
        return []
    ends, at = set(), 0
    for chunk in _parser().parse(text):
        ends.update(at + i for i in _compound_breaks(chunk))
        at += len(chunk)
        ends.add(at)
    # After a comma or a full stop a Japanese line may always break, even inside what BudouX
    # keeps as one phrase (（出典一覧、timeline.yml、places.yml）): WebKit's keep-all does not.
    ends.update(i + 1 for i, c in enumerate(text[:-1]) if c in BREAK_AFTER and text[i + 1] not in NO_BREAK_BEFORE)
    out = []
    for at in sorted(e for e in ends if 0 < e < len(text)):
        before, after = chars[at - 1], chars[at]
        if before.protected or after.protected:
            continue
        if before.char.isspace() or after.char.isspace():
            continue  # a space is a break opportunity already
        if _keep_together(before.char, after.char):
            continue
        out.append(before)
    return out


def _keep_together(before: str, after: str) -> bool:
    """No break here: inside Latin text or a number, or between kanji and a number (2024年10月)."""
    if before in BREAK_AFTER:
        return False
    if HIRAGANA.match(before) and ASCII_WORD.match(after):
        return False  # 北朝鮮は / 2024年: a particle ends the phrase before the date
    return bool(ASCII_WORD.match(before) or ASCII_WORD.match(after))


def _script(char: str) -> str:
    return "katakana" if KATAKANA.match(char) else "han" if HAN.match(char) else "other"


def _compound_breaks(chunk: str) -> list[int]:
    """Inside a phrase too long for a narrow line, the joins of kanji and katakana words.

    BudouX keeps a compound noun whole (包括的戦略パートナーシップ条約, 15 characters, wider
    than a phone's heading line): the browser would then break it anywhere. Breaking where
    the script changes (包括的戦略 / パートナーシップ / 条約) keeps each word whole.
    """
    if len(chunk) < LONG_PHRASE:
        return []
    return [i for i in range(1, len(chunk)) if {_script(chunk[i - 1]), _script(chunk[i])} == {"han", "katakana"}]


def _lang(tag: str) -> str | None:
    match = ATTR_LANG.search(tag)
    return next(g for g in match.groups() if g is not None).lower() if match else None


def _classes(tag: str) -> list[str]:
    match = ATTR_CLASS.search(tag)
    return (match.group(1) or match.group(2) or "").split() if match else []


def insert_wbr(fragment: str, lang: str) -> str:
    """`fragment` with <wbr> at every Japanese phrase boundary; `lang` is the page's language."""
    pieces: list[str] = []
    # open elements: (name, language, skipped, protected)
    stack: list[tuple[str, str, bool, bool]] = [("", lang.lower(), False, False)]
    run = _Run()
    cuts: dict[int, list[int]] = {}

    def flush() -> None:
        nonlocal run
        for piece, end in run.cuts():
            cuts.setdefault(piece, []).append(end)
        run = _Run()

    pos = 0
    for match in TOKEN.finditer(fragment):
        if match.start() > pos:
            _text(fragment[pos : match.start()], stack, run, pieces)
        token = match.group(0)
        pieces.append(token)
        pos = match.end()
        tag = TAG.match(token)
        if not tag:
            continue  # comment or doctype
        closing, name = tag.group(1) == "/", tag.group(2).lower()
        if name not in INLINE:
            flush()
        if closing:
            names = [entry[0] for entry in stack]
            if name in names[1:]:
                del stack[len(names) - 1 - names[::-1].index(name) :]
        elif name not in VOID and not token.endswith("/>"):
            parent = stack[-1]
            classes = _classes(token)
            skipped = parent[2] or name in SKIP or SKIP_CLASS in classes
            stack.append((name, _lang(token) or parent[1], skipped, parent[3] or PROTECTED_CLASS in classes))
    if pos < len(fragment):
        _text(fragment[pos:], stack, run, pieces)
    flush()
    for index, ends in cuts.items():
        raw = pieces[index]
        for end in sorted(ends, reverse=True):
            raw = raw[:end] + WBR + raw[end:]
        pieces[index] = raw
    return "".join(pieces)


def _text(raw: str, stack: list[tuple[str, str, bool, bool]], run: _Run, pieces: list[str]) -> None:
    _, lang, skipped, protected = stack[-1]
    pieces.append(raw)
    if skipped or not (lang == "ja" or lang.startswith("ja-")):
        if raw.strip():
            run.skip()  # other text between Japanese text: no boundary across it
        return
    run.add(raw, len(pieces) - 1, protected)

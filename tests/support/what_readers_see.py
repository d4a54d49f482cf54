"""What every reader sees, read from built files: the checks of tests/test_reader_what_readers_see.py.

Plain functions over one page's HTML (or one file's text), so that the tests apply them both to
the real built site and to small fixtures named after the defect each contains.

- `head_problems`: the page's <title>, <h1>, meta description and og:description are real text
  in the page's own language.
- `vocabulary_in`: the writers' working vocabulary (lint/working-vocabulary.yml, the list the
  lint reads too) in a page, feed or download.
- `figures` / `parity`: the numbers of 100 and more that an article page states in its main
  content (footnotes, the citation block and the as-of line excluded), 万/億 and
  million/billion normalised and years left out, compared between the two languages.
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

from working_vocabulary import find

KANA = re.compile(r"[\u3041-\u309f\u30a0-\u30ff\uff66-\uff9f]")
JAPANESE = re.compile(r"[\u3041-\u309f\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")
PLACEHOLDERS = {"x", "xx", "xxx", "todo", "tbd", "tba", "fixme", "description", "title", "lorem ipsum", "placeholder", "-", "…", "..."}
MIN_DESCRIPTION = 20  # characters: a description shorter than this says nothing to a search engine
WBR = re.compile(r"<wbr\s*/?>|&lt;wbr\s*/?&gt;")  # phrase boundaries (hooks/phrase_breaks.py) are not text


# --- the head -------------------------------------------------------------------------------


class Head(HTMLParser):
    """A page's <title> text, its first <h1> text and its <meta> contents."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.h1: str | None = None
        self.meta: dict[str, list[str]] = {}
        self._in: str | None = None
        self._h1_parts: list[str] = []
        self.feed(WBR.sub("", page))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and (a.get("name") or a.get("property")):
            self.meta.setdefault(a.get("name") or a.get("property") or "", []).append(a.get("content", ""))
        elif tag == "title" or (tag == "h1" and self.h1 is None):
            self._in = tag
        elif tag == "a" and self._in == "h1" and "headerlink" in a.get("class", ""):
            self._in = "h1-permalink"  # the ¶ link is not the heading's text

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._in == "h1-permalink":
            self._in = "h1"
        elif tag == "h1" and self._in == "h1":
            self.h1, self._in = " ".join("".join(self._h1_parts).split()), None
        elif tag == "title" and self._in == "title":
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.title += data
        elif self._in == "h1":
            self._h1_parts.append(data)

    @property
    def page_title(self) -> str:
        """The page's own part of <title> ("Sources" of "Sources - site name")."""
        return self.title.strip().rsplit(" - ", 1)[0].strip()


def _text_problems(what: str, text: str | None, lang: str, *, min_length: int = 1) -> list[str]:
    if text is None or not text.strip():
        return [f"{what} is missing or empty"]
    text = text.strip()
    found = []
    if text.lower() in PLACEHOLDERS or len(text) < min_length:
        found.append(f"{what} {text!r} is a placeholder, not real text (at least {min_length} characters)")
    if lang == "ja" and not JAPANESE.search(text):
        found.append(f"{what} {text!r} of a Japanese page has no Japanese in it")
    if lang == "en" and KANA.search(text):
        found.append(f"{what} {text!r} of an English page has kana in it")
    return found


def head_problems(page: str, lang: str) -> list[str]:
    """What is wrong with the title, h1 and descriptions of one page in language `lang`."""
    head = Head(page)
    found = _text_problems("<title>", head.page_title, lang)
    if head.h1 is not None:  # a 404 page has no h1 of its own to check beyond its title
        found += _text_problems("<h1>", head.h1, lang)
    for key in ("description", "og:description"):
        values = head.meta.get(key, [])
        if len(values) != 1:
            found.append(f"{len(values)} <meta {key}> where one is expected")
        for value in values:
            found += _text_problems(f"<meta {key}>", value, lang, min_length=MIN_DESCRIPTION)
    return found


# --- working vocabulary ---------------------------------------------------------------------


def readable(path: Path) -> str:
    """A built file's text as a reader's software reads it: entities and JSON escapes decoded."""
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix == ".json":
        return json.dumps(json.loads(text), ensure_ascii=False)
    for _ in range(2):  # a feed carries HTML escaped once more
        text = html.unescape(WBR.sub("", text))
    return text


def vocabulary_in(text: str) -> list[str]:
    """Every working-vocabulary phrase in `text`, as written there."""
    return [phrase for _, phrase in find(text)]


# --- figures --------------------------------------------------------------------------------


class MainText(HTMLParser):
    """The text of a page's main content: the <article>, without footnotes, footnote markers,
    the citation block, the as-of line and scripts. Block ends become line breaks."""

    SKIP_CLASSES = ("footnote", "cite-block", "page-as-of", "translation-notice")
    SKIP_TAGS = ("sup", "script", "style", "template")
    BLOCKS = ("p", "li", "td", "th", "h1", "h2", "h3", "h4", "div", "tr", "br", "dd", "dt", "figcaption")
    VOID = ("br", "hr", "img", "input", "meta", "link", "wbr", "source", "col")

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._depth = 0  # open elements inside <article>
        self._skip_from: int | None = None
        self.feed(WBR.sub("", page))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "article" and not self._depth:
            self._depth = 1
            return
        if not self._depth or tag in self.VOID:
            if tag == "br" and self._depth:
                self.parts.append("\n")
            return
        self._depth += 1
        classes = a.get("class", "").split()
        if self._skip_from is None and (tag in self.SKIP_TAGS or any(c in self.SKIP_CLASSES for c in classes)):
            self._skip_from = self._depth

    def handle_endtag(self, tag: str) -> None:
        if not self._depth or tag in self.VOID:
            return
        if self._skip_from == self._depth:
            self._skip_from = None
        self._depth -= 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._depth and self._skip_from is None:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def main_text(page: str) -> str:
    return MainText(page).text


# A number glued to Latin letters is part of a name (M1989, KN-25, Su-27), not a figure.
NAME_BEFORE = r"(?<![A-Za-z])(?<![A-Za-z]-)"
JA_NUMBER = re.compile(NAME_BEFORE + r"(?<![\d.,])\d[\d,]*(?:\.\d+)?(?:[億万]\d[\d,]*(?:\.\d+)?)*[億万]?")
JA_YEAR_AFTER = re.compile(r"\s*(?:年|[〜~～–-]\d{1,4}年)")
JA_UNITS = {"億": 100_000_000, "万": 10_000}
EN_NUMBER = re.compile(NAME_BEFORE + r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s+(thousand|million|billion)\b)?")
EN_SCALE = {None: 1, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
YEARS = range(1900, 2100)
MIN_FIGURE = 100


def _ja_value(run: str) -> float:
    total, current = 0.0, ""
    for ch in run.replace(",", ""):
        if ch in JA_UNITS:
            total += float(current or 1) * JA_UNITS[ch]
            current = ""
        else:
            current += ch
    return total + float(current or 0)


RANGE = re.compile(r"\s*(?:[〜~～–—-]|to)\s*")


def _numbers(text: str, lang: str) -> list[tuple[int, int, float, float]]:
    """(start, end, value as written, scale) of each number; years are left out."""
    found = []
    if lang == "ja":
        for m in JA_NUMBER.finditer(text):
            run = m.group()
            if run.isdigit() and int(run) in YEARS and JA_YEAR_AFTER.match(text, m.end()):
                continue
            digits = run.rstrip("億万")
            scale = _ja_value("1" + run[len(digits):]) if run != digits and not any(u in digits for u in JA_UNITS) else 1
            value = _ja_value(digits) if scale != 1 else _ja_value(run)
            found.append((m.start(), m.end(), value, scale))
    else:
        for m in EN_NUMBER.finditer(text):
            digits, fraction, word = m.groups()
            if word is None and fraction is None and "," not in digits and len(digits) == 4 and int(digits) in YEARS:
                continue
            found.append((m.start(), m.end(), float(digits.replace(",", "") + (fraction or "")), EN_SCALE[word]))
    return found


def figures(text: str, lang: str) -> set[int]:
    """The numbers of 100 and more stated in `text`, as integers, years left out.

    Japanese: 1万2000 = 12000, 150万 = 1500000; a number followed by 年 (2024年, 2022〜23年) is a
    year. English: 12,000, 1.5 million = 1500000; a four-digit number from 1900 to 2099 written
    without a comma is a year (the site writes counts from 1,000 up with a comma). In a range the
    scale of the second number is the first's too: 4–6 million, 400万〜600万 and 400〜600万 all
    state 4,000,000 and 6,000,000."""
    numbers = _numbers(text, lang)
    values = []
    for i, (_start, end, value, scale) in enumerate(numbers):
        following = numbers[i + 1] if i + 1 < len(numbers) else None
        if scale == 1 and following and following[3] != 1 and RANGE.fullmatch(text[end : following[0]]):
            scale = following[3]
        values.append(round(value * scale))
    return {n for n in values if n >= MIN_FIGURE}


def parity(ja_page: str, en_page: str) -> tuple[list[int], list[int]]:
    """(figures only the Japanese page states, figures only the English page states)."""
    ja, en = figures(main_text(ja_page), "ja"), figures(main_text(en_page), "en")
    return sorted(ja - en), sorted(en - ja)


def is_article(page: str) -> bool:
    """An article page shows its as-of line (hooks/page_meta.py)."""
    return 'class="page-as-of"' in page

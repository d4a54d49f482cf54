"""Field rules shared by every YAML file contributors edit: the registry, the timeline,
the estimates, the places and the corrections log.

Each rule reports a Problem at the line of the field at fault, in the same words for every
file, and returns None for a bad value so that callers can skip the entry.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import markdown

from . import addresses, footnote_ids, i18n, sanitize
from . import messages as M
from .problems import Problem, printable
from .yamlfiles import as_date, is_empty, is_text, line_of, load

MONTH_RE = re.compile(r"\d{4}-\d{2}")
ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_TEXT = 5_000  # characters in one text field; the longest timeline text has about 400
MAX_FIGURE = 1_000_000_000  # more than every shell, soldier or container counted so far, by far
# Data texts are rendered as inline Markdown inside the pages' templates; attr_list is the
# extension that can add attributes there ({onclick=…}), so the check renders with it too.
_INLINE_MD = markdown.Markdown(extensions=["attr_list"])


def inline_html(text: str) -> str:
    """A data text rendered as the page templates render it: inline Markdown."""
    _INLINE_MD.reset()
    html = _INLINE_MD.convert(text)
    # One paragraph is the template's own <p>; anything else (a heading, a list) is not inline.
    return html[3:-4] if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1 else html


# "did you mean" compares a label with every candidate: a hostile page citing 2,000 unknown
# ids against a registry of 12,000 would take minutes. Each build may compare this many pairs
# (about a second and a half); after that the advice is given without the guess.
MAX_COMPARISONS = 100_000
_compared = [0]


def reset_hints() -> None:
    """Start a build's budget of 'did you mean' comparisons."""
    _compared[0] = 0


def hint(label: str, candidates: Iterable[str], fallback: str | None = None) -> str:
    """'did you mean x?' for a near miss, else the fallback advice (adding a source, by default)."""
    fallback = fallback or M.ADD_SOURCE()
    pool = candidates if isinstance(candidates, Collection) else list(candidates)
    _compared[0] += len(pool)
    if _compared[0] > MAX_COMPARISONS or len(label) > 200:
        return fallback
    close = difflib.get_close_matches(label, sorted(pool), n=1, cutoff=0.75)
    return M.DID_YOU_MEAN(name=close[0]) if close else fallback


def load_list(
    path: Path, shown: str, what: str, first_key: str, *, may_be_empty: bool = False
) -> tuple[list[Any] | None, list[Problem]]:
    """Parse a data file that must be a YAML list of mappings (non-empty unless allowed)."""
    data, problems = load(path, shown)
    if problems:
        return None, problems
    if may_be_empty and isinstance(data, list) and not data:
        return data, []
    if data is None or (isinstance(data, list) and not data):
        advice = M.WRITE_EMPTY_LIST() if may_be_empty else M.ADD_ONE(what=what)
        return None, [M.FILE_EMPTY.at(shown, 1, advice=advice, first=first_key)]
    if not isinstance(data, list):
        return None, [M.FILE_NOT_LIST.at(shown, line_of(data), what=what, first=first_key)]
    return data, []


class Fields:
    """Validation of one entry of a data file; collects problems instead of raising."""

    def __init__(self, node: Any, shown: str, problems: list[Problem]) -> None:
        self.node, self.shown, self.problems = node, shown, problems
        self.ok = True

    def add(self, at: str | None, message: M.Message, /, **fields: object) -> None:
        """The entry is refused: `message` at the line of the field `at` (of the entry itself for None)."""
        self._at(line_of(self.node, at), message, **fields)

    def _at(self, line: int, message: M.Message, /, **fields: object) -> None:
        self.ok = False
        self.problems.append(message.at(self.shown, line, **fields))

    def shape(self, index: int, line: int, required: tuple[str, ...], optional: tuple[str, ...], first_key: str) -> bool:
        """The entry is a mapping with every required field and no unknown one."""
        if not isinstance(self.node, dict):
            self.ok = False
            self.problems.append(M.ENTRY_NOT_MAPPING.at(self.shown, line, number=index + 1, first=first_key))
            return False
        allowed = required + optional
        for key in self.node:
            if key not in allowed:
                self.add(key, M.UNKNOWN_FIELD, key=key, allowed=", ".join(allowed))
        name = self.node.get(first_key)
        which = M.ENTRY_NAMED(number=index + 1, name=name) if isinstance(name, str) else M.ENTRY(number=index + 1)
        for key in required:
            if key not in self.node:
                self.add(None, M.MISSING_FIELD, entry=which, key=key)
        for key in self.node:
            if key in allowed and is_empty(self.node[key]):
                # `ja:` with nothing after it would otherwise drop the whole entry without a word
                self.add(key, M.EMPTY_FIELD, key=key)
        return True

    def _safe(self, key: str, text: str, plain: bool) -> None:
        if len(text) > MAX_TEXT:
            self.add(key, M.TEXT_TOO_LONG, key=key, most=MAX_TEXT)
            return
        if footnote_ids.CITATION.search(text):
            self.add(key, M.TEXT_CITES, key=key)
            return
        if plain:
            why = sanitize.plain_text_problem(text, in_attribute=False)
            if why:
                self.add(key, M.TEXT_NOT_PLAIN, key=key, why=why)
            return
        found = sanitize.inline_findings(inline_html(text))
        if any(f.deceives for f in found):
            self.add(key, M.TEXT_DECEIVES, key=key, problem=next(f for f in found if f.deceives).message())
        elif found:
            # Markdown's own paragraphs around raw block HTML are not what the contributor wrote.
            what = next((f for f in found if f.tag != "p"), found[0]).shown()
            self.add(key, M.TEXT_HTML, key=key, what=what)

    def text(self, key: str, *, plain: bool = False) -> str | None:
        """Non-empty text, free of HTML the site does not allow and of hand-written citations.
        `plain`: the text is shown as it is (titles, names), so it may hold no markup at all."""
        value = self.node.get(key)
        if is_empty(value):
            return None  # reported by shape()
        if not is_text(value):
            self.add(key, M.NOT_TEXT, key=key)
            return None
        self._safe(key, value, plain)
        return value.strip()

    def bilingual(self, key: str, *, plain: bool = False) -> dict[str, str] | None:
        """A {ja: …, en: …} mapping of non-empty, safe texts."""
        value = self.node.get(key)
        if is_empty(value):
            return None
        locales = i18n.locales()
        if not isinstance(value, dict) or not all(is_text(value.get(k)) for k in locales):
            self.add(key, M.NOT_BILINGUAL, key=key)
            return None
        extra = sorted(str(k) for k in set(value) - set(locales))
        if extra:
            self.add(key, M.UNKNOWN_LANGUAGE_KEYS, key=key, keys=extra)
        for lang in locales:
            self._safe(key, value[lang], plain)
        return {lang: value[lang].strip() for lang in locales}

    def choice(self, key: str, allowed: tuple[str, ...]) -> str | None:
        """One of a fixed set of words."""
        value = self.node.get(key)
        if is_empty(value):
            return None
        if not isinstance(value, str) or value not in allowed:
            self.add(key, M.UNKNOWN_CHOICE, key=key, value=value, allowed=", ".join(allowed))
            return None
        return value

    def date(self, key: str, today: dt.date, *, month_ok: bool = False, earliest: dt.date | None = None) -> str | None:
        """A real, past calendar date as ISO text (YYYY-MM-DD, or YYYY-MM when allowed), not
        before `earliest`; `as_date()` of the result gives the date itself."""
        value = self.node.get(key)
        if is_empty(value):
            return None
        text = str(value)
        day = as_date(value)
        if day is None and month_ok and isinstance(value, str) and MONTH_RE.fullmatch(value) and 1 <= int(value[5:]) <= 12:
            day = dt.date(int(value[:4]), int(value[5:]), 1)
        if day is None:
            form = "YYYY-MM-DD, or YYYY-MM when only the month is known" if month_ok else "YYYY-MM-DD"
            self.add(key, M.NOT_A_DATE, key=key, value=text, form=form)
            return None
        if day > today:
            self.add(key, M.FUTURE_DATE, key=key, value=text)
            return None
        if earliest and day < earliest:
            self.add(key, M.TOO_EARLY, key=key, value=text, earliest=earliest.isoformat())
            return None
        return text

    def integer(self, key: str, example: str = "10000") -> int | None:
        """A whole number of zero or more, written with digits only."""
        value = self.node.get(key)
        if is_empty(value):
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.add(key, M.NOT_WHOLE_NUMBER, key=key, value=value, example=example)
            return None
        if value > MAX_FIGURE:
            self.add(key, M.NUMBER_TOO_LARGE, key=key, value=value, largest=MAX_FIGURE)
            return None
        return int(value)

    def number(self, key: str, low: float, high: float) -> float | None:
        """A decimal number within [low, high] (coordinates)."""
        value = self.node.get(key)
        if is_empty(value):
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
            self.add(key, M.NOT_DEGREES, key=key, value=value, low=f"{low:g}", high=f"{high:g}")
            return None
        return float(value)

    def identifier(self, key: str, seen: dict[str, int], noun: str, example: str) -> str | None:
        """A lowercase-and-hyphens id, unique in its file (`seen`: id -> line of first use)."""
        value = self.text(key, plain=True)
        if value is None:
            return None
        if not ID_RE.fullmatch(value):
            self.add(key, M.BAD_ID, noun=noun, value=value, example=example)
            return None
        if value in seen:
            self.add(key, M.DUPLICATE_ENTRY_ID, noun=noun, value=value, line=seen[value])
            return None
        seen[value] = line_of(self.node, key)
        return value

    def https(self, key: str) -> str | None:
        """A full https:// address (escaped where it is printed, so only its form is checked)."""
        url = self.node.get(key)
        if is_empty(url):
            return None
        if not isinstance(url, str):
            self.add(key, M.NOT_TEXT, key=key)
            return None
        url = url.strip()
        parts, parsed, shown = urlsplit(url), addresses.parse(url), printable(url)
        if parts.scheme != "https" or not parts.netloc or re.search(r'[\s"<>\\]', url) or parsed is None or parsed.protocol != "https:":
            self.add(key, M.NOT_HTTPS, key=key, value=shown)
            return None
        trick = addresses.deception(url)
        if trick and trick.why == "user":
            self.add(key, M.URL_USER_NAME, key=key, value=shown, goes=trick.goes_to, reads=trick.reads_as)
            return None
        if trick:
            self.add(key, M.URL_OTHER_HOST, key=key, value=shown, goes=trick.goes_to, reads=trick.reads_as)
            return None
        return url

    def sources(self, key: str, sources: Mapping[str, object] | None) -> list[str] | None:
        """A non-empty list of registry ids, each listed once (any id when `sources` is None: the
        registry could not be read, and its own problem is the one to report)."""
        value = self.node.get(key)
        if is_empty(value):
            return None
        if not isinstance(value, list) or not value:
            self.add(key, M.NO_SOURCES, key=key)
            return None
        ids: list[str] = []
        for index, sid in enumerate(value):
            line = line_of(value, index, line_of(self.node, key))
            if not isinstance(sid, str) or (sources is not None and sid not in sources):
                self._at(line, M.SOURCE_NOT_LISTED, id=sid, hint=hint(str(sid), sources or {}))
            elif sid in ids:
                self._at(line, M.SOURCE_TWICE, id=sid)
            else:
                ids.append(sid)
        return ids

    def term(self, key: str, allowed: tuple[str, ...]) -> str | None:
        """One of a fixed set of words, like choice(), suggesting the nearest one for a typo
        (the sets of counts and estimators have long, hyphenated words that are easy to misspell)."""
        value = self.node.get(key)
        if value is None:
            return None
        if isinstance(value, str) and value in allowed:
            return value
        close = difflib.get_close_matches(str(value).lower(), allowed, n=1, cutoff=0.6)  # "NIS" -> nis
        if close:
            self.add(key, M.UNKNOWN_TERM, key=key, value=value, close=close[0], allowed=", ".join(allowed))
        else:
            self.add(key, M.UNKNOWN_CHOICE, key=key, value=value, allowed=", ".join(allowed))
        return None

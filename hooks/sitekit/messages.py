"""Every message the build, `make lint`'s scripts and the helpers print, each with its stable code.

A message is printed `file:line: CODE text`, e.g. `docs/ja/treaty.md:11: C104 [^x] is not a
listed source (add it to docs/sources.yml or correct the id)`. Its code is a letter for the area
and three digits, and never changes once published: contributors search for it, and both
contributing guides explain each one under the anchor of its code (docs/en/contributing.md#c104).
This module is the only place a message's words are written: the code that reports a problem
fills in a template here (`CITED_UNKNOWN.at(path, line, label=…, hint=…)`), the tests build
their expectations from the same templates, and tests/test_contributing.py fails when a code has
no entry in either guide or a guide explains a code that does not exist.

Areas: C citations and notes, P pages and their front matter, H HTML in pages (the allowlist,
markup code acts on, addresses), F files (what is under docs/, names, where each is published),
I invisible characters, Y YAML files, D data fields (every data file, the registry included),
R the registry, T translation records (information only), L `make lint`, S the helpers
(`make new-page`, `make new-source`, `make sync-translation`).

Fragments (`Fragment`) are parts of a message that several messages share (a hint, a reason);
they have no code of their own.
"""

from __future__ import annotations

import functools
import re
import string
from dataclasses import dataclass

from .problems import Problem

CODE = re.compile(r"[A-Z]\d{3}")
AREAS = {
    "C": "citations and notes", "P": "pages and front matter", "H": "HTML in pages", "F": "files and file names",
    "I": "invisible characters", "Y": "YAML files", "D": "data fields", "R": "the source registry",
    "T": "translation records", "L": "make lint", "S": "the helpers",
}


@dataclass(frozen=True)
class Fragment:
    """Words that several messages share, with {fields}."""

    text: str

    def __call__(self, **fields: object) -> str:
        return self.text.format(**fields)


@dataclass(frozen=True, eq=False)
class Message:
    """One message: its code and its words, with {fields} filled in where it is reported."""

    code: str
    text: str

    def text_of(self, /, **fields: object) -> str:
        """The words, fields filled in."""
        return self.text.format(**fields)

    def __call__(self, *values: object, **fields: object) -> str:
        """What is printed after `file:line: `: the code, then the words (fields by name, or
        values in the order the words name them)."""
        fields |= dict(zip(dict.fromkeys(self.fields), values, strict=False))
        return f"{self.code} {self.text_of(**fields)}"

    def at(self, path: str, line: int, /, **fields: object) -> Problem:
        """The problem this message reports at `path`:`line`."""
        return Problem(path, line, self.code, self.text_of(**fields))

    @functools.cached_property
    def pattern(self) -> re.Pattern[str]:
        """What the message looks like once its fields are filled in (Problem checks every one)."""
        parts = string.Formatter().parse(self.text)
        return re.compile("".join(re.escape(literal) + ("(?s:.*)" if name is not None else "") for literal, name, _, _ in parts))

    @property
    def fields(self) -> list[str]:
        return [name for _, name, _, _ in string.Formatter().parse(self.text) if name]

    @property
    def shown(self) -> str:
        """The message as the guides quote it: every field as "…"."""
        return "".join(literal + ("…" if name is not None else "") for literal, name, _, _ in string.Formatter().parse(self.text))


CATALOGUE: dict[str, Message] = {}


def _m(code: str, text: str) -> Message:
    assert CODE.fullmatch(code) and code[0] in AREAS and code not in CATALOGUE, code
    CATALOGUE[code] = Message(code, text)
    return CATALOGUE[code]


# Fragments
DID_YOU_MEAN = Fragment("did you mean {name}?")
ADD_SOURCE = Fragment("add it to docs/sources.yml or correct the id")
ADD_PLACE = Fragment("add it to docs/places.yml or correct the id")
WHY_HTML = Fragment("it contains HTML or an HTML entity (such as &amp;)")
WHY_QUOTE = Fragment("it contains a straight double quote (\"), which would end an HTML attribute; use “ ” or 「 」")
WHY_LINE_BREAK = Fragment("it contains a line break (written as \\n in quotes, or a line of a block); write it on one line")
WHY_CITATION = Fragment("it cites a source")
GOES_TO = Fragment(" (it goes to {host})")
THIS_PAGE = Fragment("this page")
THIS_FILE = Fragment("this file")
ON_DATE = Fragment("on {date}")
NO_UPDATED_DATE = Fragment("(no updated: date)")

# C: citations and notes
DEFINED_SOURCE = _m("C101", "[^{label}] is a listed source: delete this hand-written definition, the build writes it from docs/sources.yml")
DEFINED_TWICE = _m("C102", "[^{label}] is defined twice on this page; keep one definition")
NOTE_UNCITED = _m("C103", "note [^{label}] is defined but never cited on this page; cite it or delete it")
CITED_UNKNOWN = _m("C104", "[^{label}] is not a listed source ({hint})")
NOTE_WITHOUT_SOURCE = _m("C105", "note [^{label}] cites no source; add a [^source-id] inside the note")
UNCITED_PARAGRAPH = _m("C106", "this paragraph has no citation; add [^source-id] after the claim it supports")
PAIR_DIFFERS = _m("C107", "cites different sources from {other}: missing here: {here}; missing in {other}: {there}")
SOURCE_UNCITED = _m("C108", 'source "{id}" is cited by no page; cite it or remove the entry')
ESCAPED = _m("C109", '\\[^{label}] is escaped, so it would show as the text "[^{label}]"; '
             "remove the backslash to cite, or put it in backticks to show it as code")
LOOKALIKE = _m("C110", '"{text}" looks like a citation but would show as text (full-width bracket or caret); write [^id] with ASCII [ ^ ]')
SWALLOWED = _m("C111", "[^{label}] is inside an image's alt text or an HTML tag, where it cannot become a footnote; "
               "put the citation after the image or the tag")
IN_LINK = _m("C112", "[^{label}] is inside a link's text; put the citation after the link")
IN_RAW_HTML = _m("C113", "[^{label}] is inside a raw HTML <{tag}> block, where Markdown is not processed; "
                 'write the block in Markdown, or add markdown="1" to its opening tag')
RAW_HTML_UNCLOSED = _m("C114", "the raw HTML <{tag}> opened here is never closed, so the rest of the page (with [^{label}]) is not Markdown; "
                       "close it with </{tag}>")
CITED_ABBREVIATION = _m("C115", 'the abbreviation "{name}" is defined with a citation ({citation}), which would show as text in its tooltip; '
                        "define it in plain words and cite the sentence that uses it")

# P: pages and their front matter
NO_FRONT_MATTER = _m("P101", "the page has no front matter; start it with ---, title:, description: and ---")
FRONT_MATTER_NOT_MAPPING = _m("P102", "the front matter must be key: value lines")
FRONT_MATTER_UNKNOWN_KEY = _m("P103", 'unknown front-matter key "{key}"; the keys a page may have are {keys}')
FRONT_MATTER_NEEDS = _m("P104", "the front matter needs a \"{key}\" in the page's language")
FRONT_MATTER_CITES = _m("P105", "the front matter \"{key}\" cannot carry a citation; cite sources in the page's text")
FRONT_MATTER_NOT_PLAIN = _m("P106", 'the front matter "{key}" must be plain text, but {why}; write the text itself')
ARTICLE_NOT_BOOLEAN = _m("P107", 'the front matter "article" must be true or false')
CHANGE_NOT_SENTENCE = _m("P108", "the front matter's \"change\" must be one sentence of text: what the last update changed")
HASH_NOT_QUOTED = _m("P109", 'the front matter "translation_of" must be a quoted hash; run make sync-translation NAME=… to write it')
PUBLISHED_AFTER_UPDATED = _m("P110", 'the front matter "published" is later than "updated"; "published" is the day the page first appeared')
NEEDS_AS_OF = _m("P111", 'the front matter needs "as_of: YYYY-MM-DD", the date of the newest source the page relies on')
PAGE_TOO_LARGE = _m("P112", "the page is larger than {kb} KB; split it into several pages (make new-page)")
NESTED_TOO_DEEP = _m("P113", "lists or quotes are nested more than {levels} levels deep here; flatten them")
INDENTED_TOO_FAR = _m("P114", "this line is indented more than 120 columns; no page needs that much, check the indentation")
TOO_MANY_CHARACTERS = _m("P115", 'the page has more than {limit} "{char}" characters by this line, far more than any page needs '
                         "(Markdown slows down sharply on them); look for a repeated or unclosed fragment")
NO_COUNTERPART = _m("P116", "this page has no {language} counterpart docs/{other}/{rel}; add it (every page exists in both languages)")
NAV_WITHOUT_PAGE = _m("P117", 'the nav entry "{rel}" has no page {where}; create it (make new-page NAME={name}) or remove the entry')
MARKER_WITHOUT_DATA = _m("P118", "<!-- {marker} --> needs docs/{file}, which is missing")
NOT_AN_ABBREVIATION = _m("P119", "each line must be an abbreviation: *[NIS]: National Intelligence Service (South Korea)")
ABBREVIATION_NOT_PLAIN = _m("P120", "an abbreviation and its expansion must be plain text, but {why}; write the words only")

# H: HTML in pages
ELEMENT_NOT_ALLOWED = _m("H101", "<{tag}> is not allowed in page content; write plain Markdown instead (CONTRIBUTING lists the HTML the site allows)")
EVENT_HANDLER = _m("H102", 'the event-handler attribute "{name}" on <{tag}> would run script; remove it')
STYLE_NOT_ALLOWED = _m("H103", "the style attribute \"{value}\" on <{tag}> is not allowed; use the site's CSS classes instead")
ATTRIBUTE_NOT_ALLOWED = _m("H104", 'the attribute "{name}" on <{tag}> is not allowed in page content; remove it')
VALUE_NOT_ALLOWED = _m("H105", 'the value "{value}" of "{name}" on <{tag}> is not allowed in page content; remove it')
LINK_NOT_ALLOWED = _m("H106", 'the link "{value}" uses an address the site does not allow; link with https://, mailto: or a relative address')
LOADS_FROM_ELSEWHERE = _m("H107", '<{tag} {name}="{value}"> would load a file that is not part of this site; '
                          "put the file under docs/assets/ and link it relatively")
MISLEADING_LINK_TEXT = _m("H108", "the link text \"{text}\" shows an address on {shows}, but the link goes to {goes}; "
                          "make the text the link's real address, or words")
ADDRESS_BACKSLASH = _m("H109", 'the address "{address}" holds a backslash, which browsers read as "/"{goes}; write "/" instead')
ADDRESS_LINE_BREAK = _m("H110", 'the address "{address}" holds a tab or a line break, which browsers drop{goes}; write it on one line')
ADDRESS_USER_NAME = _m("H111", 'the address "{address}" goes to {goes}: what comes before "@" ({reads}) is only a user name; '
                       "link to the page's own address")
ADDRESS_OTHER_HOST = _m("H112", 'the address "{address}" goes to the host {goes} once a browser reads it, not to {reads} as written; '
                        "write the host in plain ASCII")
RESERVED_ATTRIBUTE = _m("H113", "the attribute \"{name}\" on <{tag}> is one the site's code acts on ({owner}); remove it")
RESERVED_CLASS = _m("H114", "the class \"{value}\" on <{tag}> is one the site's code or styles act on ({owner}); remove it")
RESERVED_ID = _m("H115", "the id \"{value}\" is one the site's own markup uses ({owner}); choose another id")
DUPLICATE_ID = _m("H116", 'the id "{value}" is used twice on this page, so links and scripts find only the first; give one of them another id')
HIDDEN = _m("H117", 'the attribute "hidden" on <{tag}> hides it from readers (a citation inside would count without being seen); remove it')
SVG_TRANSFORM = _m("H118", 'the attribute "transform" on <{tag}> can move the drawing over the rest of the page; put it on a <g> inside the drawing')
SVG_TOO_LARGE = _m("H119", 'the {name} "{value}" of <{tag}> is larger than the page column (at most {largest}, or up to 100%); '
                   "make the drawing smaller")
MORE_HTML_PROBLEMS = _m("H120", "and {count} more problems of HTML on this page, not listed; fix the ones above, then build again")
COMMENT_UNCLOSED = _m("H121", "this HTML comment is never closed (-->), so it would show as text; close it")

# F: files under docs/, their names and where each is published
OTHER_MARKDOWN_SUFFIX = _m("F101", "this file would be published without being checked: pages are .md files; rename it to {name}")
NOT_A_PAGE_IN_LANGUAGE_FOLDER = _m("F102", "this file would be published without being checked: "
                                   "only .md pages belong in the language folders; put images and other files under docs/assets/")
UNKNOWN_DATA_FILE = _m("F103", "this file would be published without being checked: unknown data file; the data files are {files}")
PAGE_OUTSIDE_LANGUAGE_FOLDERS = _m("F104", "this file would be published without being checked: "
                                   "pages live in docs/ja/ and docs/en/ (make new-page NAME=… creates both)")
UNKNOWN_ASSET_TYPE = _m("F105", "this file would be published without being checked: "
                        "docs/assets/ holds only {suffixes} files; a page or HTML file here would ship unchecked")
OUTSIDE_KNOWN_FOLDERS = _m("F106", "this file would be published without being checked: "
                           "docs/ holds the language folders, the data files and assets/ only; move the file or delete it")
SYMBOLIC_LINK = _m("F107", "a symbolic link under docs/ is not allowed (it would publish files from elsewhere); copy the file or folder in instead")
SCRIPT_NOT_LISTED = _m("F108", "a script under docs/assets/ must be listed in mkdocs.yml (extra_javascript); this one is not")
STYLESHEET_REMOTE = _m("F109", "a stylesheet may not import or load from another address (@import, url(https://…)); use files under docs/assets/")
PAGE_IN_SUBFOLDER = _m("F110", "pages live directly in the language folders, not in sub-folders; move it to docs/<language>/{name}")
PAGE_NAME = _m("F111", "a page's file name may contain only lowercase a–z, 0–9 and single hyphens, then .md; rename it to {name} (in both languages)")
PUBLISHED_TWICE = _m("F112", "{what} would be published at {where}, where {other} is published too ({other_path}); "
                     "one would replace the other: rename it")
NOT_UTF8 = _m("F113", "the file is not valid UTF-8 (byte 0x{byte:02x}); save it with UTF-8 encoding")

# I: invisible characters
INVISIBLE_IN_LINE = _m("I101", "the line holds the invisible control character {char}, which reorders the text readers see; delete it")
INVISIBLE_IN_NAME = _m("I102", "the file name holds the invisible control character {char}, which reorders the name readers see; rename the file")

# Y: YAML files (the data files, the registry, front matter)
YAML_INVALID = _m("Y101", "invalid YAML: {what}; check indentation and quoting")
YAML_INVALID_NOWHERE = _m("Y102", "invalid YAML; check indentation and quoting")
YAML_DUPLICATE_KEY = _m("Y103", 'duplicate key "{key}" in one entry; keep only one')
YAML_KEY_NOT_NAME = _m("Y104", "a key must be a plain name, not a list or a mapping")
YAML_ALIAS = _m("Y105", "YAML aliases (*name) are not allowed; write the value out in full")
YAML_ANCHOR = _m("Y106", "YAML anchors (&name) are not allowed; write the value out in full")
YAML_TAG = _m("Y107", "explicit YAML tags ({tag}) are not allowed; write the value plainly, quoted if it is text")
YAML_TOO_DEEP = _m("Y108", "the data nest more than {levels} levels deep; entries are lists of fields, check the indentation")
YAML_NUMBER_TOO_LONG = _m("Y109", "a number of more than 18 digits; check the figure")
YAML_FILE_TOO_LARGE = _m("Y110", "the file is larger than {mb} MB; a data file this large is not expected, split it")
YAML_CONTROL_CHARACTER = _m("Y111", "the file contains the control character U+{code:04X}, which YAML does not allow; delete it")
YAML_ESCAPED_CONTROL = _m("Y112", "the text holds the control character U+{code:04X} (written as an escape); delete it")
FILE_EMPTY = _m("Y113", "the file is empty; {advice} ('- {first}: …')")
FILE_NOT_LIST = _m("Y114", "the file must be a YAML list of {what}s, each starting with '- {first}: …'")
ENTRY_NOT_MAPPING = _m("Y115", "entry {number} is not a mapping of fields; start it with '- {first}: …'")
ADD_ONE = Fragment("add at least one {what}")
ENTRY = Fragment("entry {number}")
ENTRY_NAMED = Fragment("entry {number} ({name})")
WRITE_EMPTY_LIST = Fragment("write [] when there is nothing yet, or add one")

# D: data fields (every data file and the registry) and the data files' own rules
UNKNOWN_FIELD = _m("D101", 'unknown field "{key}"; allowed fields are {allowed}')
MISSING_FIELD = _m("D102", '{entry} is missing the required field "{key}"')
EMPTY_FIELD = _m("D103", '"{key}" is empty; write its value, or delete the line if the field is optional')
TEXT_TOO_LONG = _m("D104", '"{key}" is longer than {most} characters; a data text is a sentence or two, put the rest on a page')
TEXT_CITES = _m("D105", '"{key}" contains a [^…] citation; list source ids under "sources:" instead')
TEXT_NOT_PLAIN = _m("D106", '"{key}" must be plain text, but {why}; write the text itself')
TEXT_DECEIVES = _m("D107", '"{key}": {problem}')
TEXT_HTML = _m("D108", '"{key}" contains {what}, which the site does not allow in data texts; '
               "write plain text (*emphasis*, code spans and [links](https://…) are allowed)")
NOT_TEXT = _m("D109", '"{key}" must be non-empty text; put the value in quotes')
NOT_BILINGUAL = _m("D110", '"{key}" must have a Japanese and an English text: {key}: {{ja: …, en: …}}')
UNKNOWN_LANGUAGE_KEYS = _m("D111", '"{key}" has unknown language keys {keys}; use only ja and en')
UNKNOWN_CHOICE = _m("D112", 'unknown {key} "{value}"; use one of: {allowed}')
UNKNOWN_TERM = _m("D113", 'unknown {key} "{value}" (did you mean {close}?); use one of: {allowed}')
NOT_A_DATE = _m("D114", '"{key}: {value}" is not a real date; write it as {form}')
FUTURE_DATE = _m("D115", '"{key}: {value}" is in the future; only dates that have passed belong here')
TOO_EARLY = _m("D116", '"{key}: {value}" is before {earliest}, earlier than anything this file records; check the year')
NOT_WHOLE_NUMBER = _m("D117", '"{key}: {value}" must be a whole number written with digits only, e.g. {example}')
NUMBER_TOO_LARGE = _m("D118", '"{key}: {value}" is larger than {largest}; check the figure (no estimate here comes near it)')
NOT_DEGREES = _m("D119", '"{key}: {value}" must be a number of degrees between {low} and {high}')
BAD_ID = _m("D120", '{noun} "{value}" may contain only lowercase a–z, 0–9 and single hyphens, e.g. {example}')
DUPLICATE_ENTRY_ID = _m("D121", 'duplicate {noun} "{value}" (first defined on line {line}); give each entry its own {noun}')
NOT_HTTPS = _m("D122", '"{key}: {value}" must be a full https:// address copied from the page itself')
URL_USER_NAME = _m("D123", '"{key}: {value}" goes to {goes}: what comes before "@" ({reads}) is only a user name; '
                   "copy the address from the page itself")
URL_OTHER_HOST = _m("D124", '"{key}: {value}" goes to the host {goes} once a browser reads it, not to {reads} as written; '
                    "write the host in plain ASCII")
NO_SOURCES = _m("D125", '"{key}" must list at least one source id: {key}: [nis-2024-10-18]')
SOURCE_NOT_LISTED = _m("D126", 'source "{id}" is not a listed source ({hint})')
SOURCE_TWICE = _m("D127", 'source "{id}" is listed twice; list each source once')
COUNTS_MISFIT = _m("D128", 'counts "{counts}" does not fit measure "{measure}"; use one of: {allowed}')
LOW_ABOVE_HIGH = _m("D129", "low {low} is greater than high {high}; put the smaller figure in low")
OUTSIDE_MAP = _m("D130", "{lat}°N {lon}°E lies outside the map ({west}–{east}°E, {south}–{north}°N); check the coordinates")
UNKNOWN_PLACE = _m("D131", 'unknown place "{place}" ({hint})')
NO_PLACES_FILE = _m("D132", 'unknown place "{place}": docs/places.yml is missing; create it or remove "place"')
OUT_OF_ORDER = _m("D133", "{date} comes after {before} (line {line}); keep the events oldest first")
NOT_A_PAGE = _m("D134", '"page: {name}" is not a page of both languages; use a file name from docs/ja/ and docs/en/, e.g. treaty.md')

# R: the source registry
REGISTRY_MISSING = _m("R101", "the source registry is missing; create it as a YAML list of sources")
UNKNOWN_LANGUAGE = _m("R102", 'unknown language code "{value}"; use a two-letter ISO 639-1 code such as ja, en, ko, ru, uk')
UNKNOWN_ORIGIN = _m("R103", 'unknown origin "{value}"; use the lower-case ISO 3166-1 alpha-2 code of the country whose outlet or office '
                    "published the source (kr, ua, ru, kp, us, jp, gb …), or {international} for an international organisation")
ORIGIN_MISTAKE = _m("R104", 'unknown origin "{value}"; the ISO 3166-1 code is {fix}')
ORIGIN_CASE = _m("R105", 'origin "{value}" must be written in lower case: {fix}')
TITLE_OWN_LANGUAGE = _m("R106", '"{key}" translates the title into its own language ({language}); remove it')
ACCESSED_BEFORE_PUBLISHED = _m("R107", "accessed {accessed} is before published {published}; a source cannot be read before it appears")
TITLE_READS_AS_ADDRESS = _m("R108", '"{key}" reads as an address on {shows}, but "url" goes to {goes}; write the title as published')

# T: translation records (printed as information; the build goes on)
TRANSLATION_BEHIND = _m("T101", "translation behind {other}, which changed {when} after the last sync; "
                        "update this page, then run make sync-translation NAME={name}")
NO_TRANSLATION_RECORD = _m("T102", 'no translation record (translation_of: "<hash>" and updated: YYYY-MM-DD); '
                           "run make sync-translation NAME={name} once both languages match")

# L: make lint
READING_MISSING = _m("L101", "{term} first appears here without its reading; write {write} at the first mention on the page")
NOT_SPELLED_OUT = _m("L102", "{term} is used here before it is spelled out; write {write} at its first use on the page")
READING_ALONE = _m("L103", "the reading {reading} stands without the name; write {write}")
WORKING_VOCABULARY = _m("L104", '"{word}" is the writers\' working vocabulary, which readers never see; '
                        "cite the original (with via) or say what changed for the reader")
TEXTLINT = _m("L105", "{message} (textlint {rule})")

# S: the helpers (make new-page, make new-source, make sync-translation)
NAME_FORM = _m("S101", 'NAME "{name}" may contain only lowercase a–z, 0–9 and single hyphens, e.g. casualties or kursk-offensive')
PAGE_EXISTS = _m("S102", "{path} already exists; choose another NAME or edit that page")
TITLES_NEEDED = _m("S103", "both titles are needed: make new-page NAME=… TITLE_JA=… TITLE_EN=…")
TITLE_TAKEN = _m("S104", 'the title "{title}" is already in mkdocs.yml; give the page a title of its own')
NO_NAV = _m("S105", "mkdocs.yml has no top-level nav: section")
NO_NAV_TRANSLATIONS = _m("S106", "mkdocs.yml has no nav_translations: for English")
SYNC_WHICH = _m("S107", "give the page's NAME (make sync-translation NAME=treaty) or --all")
SYNC_NO_PAGE = _m("S108", "{path} does not exist; NAME is a page's file name without .md, e.g. treaty")

"""The "Cite this page" record as files for reference managers: BibTeX, RIS and CSL-JSON.

Each format is written by a library that knows its syntax, with its own escaping:
- BibTeX by bibtexparser's writer, as `@misc` with the fields classic BibTeX styles (plain.bst)
  and biblatex both read. Text goes through `bibtex()`, which turns every character with a
  meaning in BibTeX or LaTeX into a command, braces included (`\\textbraceleft{}`: an escaped
  `\\{` still counts as a brace for BibTeX and Biber, so one lone brace broke the file).
- RIS by rispy's writer, with CRLF line ends as the RIS specification asks, UTF-8 without a
  byte-order mark (rispy and other line-based readers take a BOM for part of the first tag and
  read no record). No field can hold a line break, so no text can start a forged `ER  -` line.
- CSL-JSON by the json module: the item renders like the page's own citation block (the
  title leads, the site is the container; no publisher, which citeproc prints a second time).
None carries an access date: a reader's reference manager records the day it imports the
file, and the page's citation block has the slot for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import bibtexparser
import rispy
from babel import Locale
from bibtexparser.library import Library
from bibtexparser.model import Entry, Field
from mkdocs.config.defaults import MkDocsConfig

from .datasets import json_download
from .page_record import PageRecord

# Characters with a meaning in BibTeX values or LaTeX, and the commands that print them.
BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
BIBTEX_RE = re.compile("|".join(re.escape(c) for c in BIBTEX_SPECIAL))
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")  # BibTeX's month macros
URL_SAFE = ":/?#[]@!$&'()*+,;=%~"  # what stays as is in a URL field; the rest is %-encoded
KEY_UNSAFE = re.compile(r"[^A-Za-z0-9_:-]+")  # a citation key cannot be escaped: keep it to these


@dataclass(frozen=True)
class CiteFile:
    """One download of the record: its extension, label and media type."""

    ext: str
    label: str
    media_type: str

    @property
    def name(self) -> str:
        return f"cite.{self.ext}"

    def link(self, rec: PageRecord, config: MkDocsConfig) -> dict[str, str]:
        """The link's href (beside the page), the file name to save it as, and its type."""
        return {"href": self.name, "download": f"{cite_key(rec, config)}.{self.ext}", "label": self.label, "type": self.media_type}


FILES = (
    CiteFile("bib", "BibTeX", "application/x-bibtex"),
    CiteFile("ris", "RIS", "application/x-research-info-systems"),
    CiteFile("json", "CSL-JSON", "application/vnd.citationstyles.csl+json"),
)


def langid(locale: str) -> str:
    """The language as biblatex and LaTeX's babel name it: japanese, english (CLDR's English name)."""
    return Locale.parse(locale).english_name.lower()


def cite_key(rec: PageRecord, config: MkDocsConfig) -> str:
    """The record's citation key: <prefix>-<page>-<language>, e.g. nk-russia-treaty-en."""
    prefix = (config.extra or {}).get("cite_key", "site")
    return KEY_UNSAFE.sub("-", f"{prefix}-{rec.slug}-{rec.locale}")


def one_line(value: str) -> str:
    """The text on one line: every run of white space, line breaks of any kind included, as one space."""
    return " ".join(str(value).split())


def bibtex(value: str) -> str:
    """Text safe inside a braced BibTeX value, on one line, printed by LaTeX as written."""
    return BIBTEX_RE.sub(lambda m: BIBTEX_SPECIAL[m.group(0)], one_line(value))


class _RisWriter(rispy.RisWriter):
    """rispy's writer, with the specification's CRLF line ends and no "1." line before a record."""

    NEWLINE = "\r\n"

    def set_header(self, count: int) -> str:
        return ""


def bib_text(rec: PageRecord, config: MkDocsConfig) -> str:
    """The record as one BibTeX @misc entry."""
    fields = [
        Field("title", "{" + bibtex(rec.title) + "}"),  # inner braces: styles keep the title's capitals
        Field("howpublished", bibtex(rec.site_name)),  # a literal field: " and " splits no name here
    ]
    if rec.date:
        fields += [Field("year", str(rec.date.year)), Field("month", MONTHS[rec.date.month - 1], enclosing="no-enclosing")]
    fields += [
        Field("url", quote(rec.url, safe=URL_SAFE)),  # braces, backslashes and spaces %-encoded
        Field("langid", langid(rec.locale)),
        Field("abstract", bibtex(rec.description)),
    ]
    layout = bibtexparser.BibtexFormat()
    layout.indent, layout.value_column, layout.trailing_comma = "  ", "auto", True
    return bibtexparser.write_string(Library([Entry("misc", cite_key(rec, config), fields)]), bibtex_format=layout)


def ris_text(rec: PageRecord, config: MkDocsConfig) -> str:
    """The record as one RIS reference (ELEC: a web page), CRLF line ends."""
    ref: dict[str, Any] = {
        "type_of_reference": "ELEC",
        "id": cite_key(rec, config),
        "title": one_line(rec.title),
        "secondary_title": one_line(rec.site_name),  # the site, as Zotero's websiteTitle; no PB: it would print twice
    }
    if rec.date:
        ref |= {"year": str(rec.date.year), "date": rec.date.strftime("%Y/%m/%d")}
    ref |= {"urls": [one_line(rec.url)], "language": rec.locale, "abstract": one_line(rec.description)}
    return _RisWriter().formats([ref])


def csl_json(rec: PageRecord, config: MkDocsConfig) -> list[dict[str, Any]]:
    """The record as CSL-JSON (a list of one item), as Zotero and citeproc read it."""
    item: dict[str, Any] = {
        "id": cite_key(rec, config),
        "type": "webpage",
        "title": rec.title,
        "container-title": rec.site_name,
        "URL": rec.url,
        "language": rec.locale,
        "abstract": rec.description,
    }
    if rec.date:
        item["issued"] = {"date-parts": [[rec.date.year, rec.date.month, rec.date.day]]}
    return [item]


def file_text(ext: str, rec: PageRecord, config: MkDocsConfig) -> str:
    """The text of one of FILES for the page."""
    if ext == "bib":
        return bib_text(rec, config)
    if ext == "ris":
        return ris_text(rec, config)
    return json_download(csl_json(rec, config))

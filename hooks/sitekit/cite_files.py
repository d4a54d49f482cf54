"""The "Cite this page" record as files for reference managers: BibTeX, RIS and CSL-JSON.

BibTeX and RIS are written from templates (overrides/partials/cite/record.bib, record.ris);
CSL-JSON is data, written here. None carries an access date: a reader's reference manager
records the day it imports the file, and the page's citation block has the slot for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from .page_record import PageRecord

# Characters with a meaning in BibTeX values, and what stands for them.
BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
BIBTEX_RE = re.compile("|".join(re.escape(c) for c in BIBTEX_SPECIAL))
LANGID = {"ja": "japanese", "en": "english"}  # biblatex/babel language names


@dataclass(frozen=True)
class CiteFile:
    """One download of the record: its extension, label and media type."""

    ext: str
    label: str
    media_type: str

    @property
    def name(self) -> str:
        return f"cite.{self.ext}"

    def key(self, rec: PageRecord, config: MkDocsConfig) -> str:
        """The record's citation key: <prefix>-<page>-<language>, e.g. nk-russia-treaty-en."""
        prefix = (config.extra or {}).get("cite_key", "site")
        return f"{prefix}-{rec.slug}-{rec.locale}"

    def link(self, rec: PageRecord, config: MkDocsConfig) -> dict[str, str]:
        """The link's href (beside the page), the file name to save it as, and its type."""
        return {"href": self.name, "download": f"{self.key(rec, config)}.{self.ext}", "label": self.label, "type": self.media_type}


FILES = (
    CiteFile("bib", "BibTeX", "application/x-bibtex"),
    CiteFile("ris", "RIS", "application/x-research-info-systems"),
    CiteFile("json", "CSL-JSON", "application/vnd.citationstyles.csl+json"),
)


def bibtex(value: str) -> str:
    """Text safe inside a braced BibTeX value (one line)."""
    return BIBTEX_RE.sub(lambda m: BIBTEX_SPECIAL[m.group(0)], " ".join(str(value).split()))


def one_line(value: str) -> str:
    """Text safe as one RIS field (no line breaks)."""
    return " ".join(str(value).split())


def csl_json(rec: PageRecord, config: MkDocsConfig) -> list[dict[str, Any]]:
    """The record as CSL-JSON (a list of one item), as Zotero and citeproc read it."""
    item: dict[str, Any] = {
        "id": FILES[2].key(rec, config),
        "type": "webpage",
        "title": rec.title,
        "container-title": rec.site_name,
        "publisher": rec.site_name,
        "URL": rec.url,
        "language": rec.locale,
        "abstract": rec.description,
    }
    if rec.date:
        item["issued"] = {"date-parts": [[rec.date.year, rec.date.month, rec.date.day]]}
    return [item]

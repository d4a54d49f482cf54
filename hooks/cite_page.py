"""MkDocs hook: "Cite this page" on every article page, and "Cite these data" by the downloads.

The citation block (overrides/partials/cite-page.html, under the as-of line) gives the page
in the styles of its language (labels.yml: SIST 02 in Japanese, APA 7 and Chicago in
English) with an access-date slot that assets/javascripts/cite.js fills with today's date,
and the same record as BibTeX, RIS and CSL-JSON files beside the page (sitekit.cite_files).
The data partials (estimates, timeline, sources) include partials/cite-data.html, which
asks `data_citation()` for the data set's name and files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from sitekit import render, state
from sitekit.cite_files import FILES, file_text
from sitekit.datasets import DATASETS
from sitekit.dates import cite_date
from sitekit.page_record import record_of, recorded


def data_citation(marker: str, page: Page) -> dict[str, Any] | None:
    """What partials/cite-data.html needs to cite the data set shown on `page`, or None."""
    dataset, rec = DATASETS.get(marker), recorded(page)
    data = state.SITE.cites.data.get(marker)
    if dataset is None or dataset.downloads is None or data is None or rec is None:
        return None
    words = render.labels()[rec.locale]
    files = [{"name": name, "url": urljoin(rec.root_url, name)} for name in sorted(dataset.downloads(data))]
    return {"record": rec, "name": words["datasets"][marker]["name"], "files": files, "L": words}


render.EXTRA_FILTERS.update(cite_date=cite_date)
render.EXTRA_GLOBALS["data_citation"] = data_citation


# Remember the page's record before the data partials render (citations' on_page_markdown).
@event_priority(50)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    record_of(page, config)
    return markdown


# The citation block's data, for article pages only.
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    rec = record_of(page, config)
    if rec.is_article:
        context["cite"] = {"record": rec, "files": [f.link(rec, config) for f in FILES]}
    return context


# Write the record beside the page as cite.bib, cite.ris and cite.json.
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    rec = record_of(page, config)
    if rec.is_article:
        folder = Path(page.file.abs_dest_path).parent
        folder.mkdir(parents=True, exist_ok=True)  # on_post_page runs before MkDocs writes the page
        for f in FILES:
            # bytes: the RIS file's CRLF line ends are written as they are
            (folder / f.name).write_bytes(file_text(f.ext, rec, config).encode("utf-8"))
    return output

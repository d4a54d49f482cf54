"""MkDocs hook: "Cite this page" on every article page, and "Cite these data" by the downloads.

The citation block (overrides/partials/cite-page.html, under the as-of line) gives the page
in the styles of its language (labels.yml: SIST 02 in Japanese, APA 7 and Chicago in
English) with an access-date slot that assets/javascripts/cite.js fills with today's date,
and the same record as BibTeX (biblatex @online), RIS and CSL-JSON files beside the page.
The data partials (estimates, timeline, sources) include partials/cite-data.html, which
asks `data_citation()` for the data set's name and files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from sitekit import render, state
from sitekit.cite_files import FILES, LANGID, bibtex, csl_json, one_line
from sitekit.datasets import DATASETS, json_download
from sitekit.page_record import PageRecord, cite_date, record_of, recorded

THEME: dict[str, Environment] = {}


def data_citation(marker: str, page: Page) -> dict[str, Any] | None:
    """What partials/cite-data.html needs to cite the data set shown on `page`, or None."""
    dataset, rec = DATASETS.get(marker), recorded(page)
    data = state.SITE.cites.data.get(marker)
    if dataset is None or dataset.downloads is None or data is None or rec is None:
        return None
    words = render.labels()[rec.locale]
    files = [{"name": name, "url": urljoin(rec.root_url, name)} for name in sorted(dataset.downloads(data))]
    return {"record": rec, "name": words["datasets"][marker]["name"], "files": files, "L": words}


render.EXTRA_FILTERS.update(cite_date=cite_date, bibtex=bibtex, one_line=one_line)
render.EXTRA_GLOBALS["data_citation"] = data_citation


# Remember the page's record before the data partials render (citations' on_page_markdown).
@event_priority(50)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    record_of(page, config)
    return markdown


# The theme's environment (main.html, partials/cite-page.html), for rendering the downloads.
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    THEME["env"] = render.install_filters(env)
    return env


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
            (folder / f.name).write_text(_file_text(f.ext, rec, config), encoding="utf-8")
    return output


def _file_text(ext: str, rec: PageRecord, config: MkDocsConfig) -> str:
    key = FILES[0].key(rec, config)
    if ext == "json":
        return json_download(csl_json(rec, config))
    text = THEME["env"].get_template(f"partials/cite/record.{ext}").render(r=rec, key=key, langid=LANGID[rec.locale])
    return text.strip("\n") + "\n"

"""MkDocs hook: schema.org JSON-LD for search engines and dataset search.

Every article page gets an `Article` (headline, description, language, last update, the
site as publisher, the CC BY 4.0 licence, the page in the other language, and every source
it cites as `citation`); a page showing a data set with downloads (estimates, timeline,
sources) gets a `Dataset` with its CSV/JSON files as `distribution`. The template
(overrides/partials/structured-data.html) writes it with the `jsonld` filter, which escapes
<, > and & so that no title can close the script element.
"""

from __future__ import annotations

import functools
import json
from typing import Any
from urllib.parse import urljoin

from jinja2 import Environment
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from sitekit import render, state
from sitekit.datasets import DATASETS
from sitekit.page_record import LICENSE_URL, PageRecord, record_of
from sitekit.registry import Source

MEDIA_TYPES = {".csv": "text/csv", ".json": "application/json"}
_dumps = functools.partial(json.dumps, ensure_ascii=False, separators=(",", ":"))


def jsonld(value: Any) -> Markup:
    """JSON for inside <script>: "<", ">", "&" and "'" as \\u escapes, Japanese as is."""
    return htmlsafe_json_dumps(value, dumps=_dumps)


def _organization(rec: PageRecord) -> dict[str, Any]:
    return {"@type": "Organization", "name": rec.site_name, "url": rec.home_url}


def _source(source: Source, locale: str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "@type": "CreativeWork",
        "identifier": source.id,
        "name": source.title,
        "inLanguage": source.language,
        "publisher": {"@type": "Organization", "name": source.publisher[locale]},
    }
    if source.title_in(locale):
        out["alternateName"] = source.title_in(locale)
    if source.published:
        out["datePublished"] = source.published.isoformat()
    if source.url:
        out["url"] = source.url
    return out


def article(rec: PageRecord, cited: list[Source]) -> dict[str, Any]:
    """The page as a schema.org Article."""
    out: dict[str, Any] = {
        "@type": "Article",
        "@id": f"{rec.url}#article",
        "headline": rec.title,
        "description": rec.description,
        "inLanguage": rec.locale,
        "url": rec.url,
        "mainEntityOfPage": rec.url,
        "publisher": _organization(rec),
        "license": LICENSE_URL,
        "isAccessibleForFree": True,
    }
    if rec.date:
        out["dateModified"] = rec.date.isoformat()
    # Both languages are versions of one text: each names the other as its translation.
    out["workTranslation"] = [{"@type": "Article", "url": url, "inLanguage": lang} for lang, url in rec.alternates]
    out["citation"] = [_source(s, rec.locale) for s in cited]
    return out


def dataset(rec: PageRecord, marker: str, names: list[str]) -> dict[str, Any]:
    """A data set shown on the page, with its downloads as distribution."""
    words = render.labels()[rec.locale]["datasets"][marker]
    out: dict[str, Any] = {
        "@type": "Dataset",
        "@id": f"{rec.url}#dataset-{marker}",
        "name": words["name"],
        "description": words["description"],
        "url": rec.url,
        "inLanguage": ["ja", "en"],
        "license": LICENSE_URL,
        "isAccessibleForFree": True,
        "creator": _organization(rec),
        "publisher": _organization(rec),
        "distribution": [
            {"@type": "DataDownload", "encodingFormat": MEDIA_TYPES[name[name.rfind("."):]], "contentUrl": urljoin(rec.root_url, name)}
            for name in names
        ],
    }
    if rec.date:
        out["dateModified"] = rec.date.isoformat()
    return out


def graph(rec: PageRecord) -> dict[str, Any] | None:
    """Everything the page says about itself in JSON-LD, or None for a page with nothing to say."""
    items = []
    if rec.is_article:
        cited = sorted(state.SITE.cites.per_page.get((rec.locale, rec.rel), {}))
        items.append(article(rec, [state.SITE.sources[sid] for sid in cited if sid in state.SITE.sources]))
    described = render.labels()[rec.locale]["datasets"]  # the data sets with a name and description
    for marker in (m for m in rec.markers if m in described):
        data, kind = state.SITE.cites.data.get(marker), DATASETS.get(marker)
        if data is not None and kind is not None and kind.downloads is not None:
            items.append(dataset(rec, marker, sorted(kind.downloads(data))))
    return {"@context": "https://schema.org", "@graph": items} if items else None


# The filter the template uses.
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.filters["jsonld"] = jsonld
    return env


# The page's JSON-LD, for partials/structured-data.html in the <head>.
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    context["structured_data"] = graph(record_of(page, config))
    return context

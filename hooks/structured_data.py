"""MkDocs hook: schema.org JSON-LD for search engines and dataset search.

Every article page gets an `Article` (headline: the page's h1; description, language, first
publication and last update, the site as author and publisher, the share image, the CC BY
4.0 licence, every source it cites as `citation`, and its other language: the Japanese page
is the original, whose `workTranslation` is the English page, and the English page names it
as `translationOfWork`). Each citation is a reference, not a second copy of the footnote: the
source's registry id and, as `@id`, its entry on the sources page of the page's language
(where the footnote's text, and sources.json with every field, already describe it once; the
timeline's 150 citations written out in full were 17 KB of its 63 KB gzip). A page showing a data set with downloads (estimates, timeline,
sources, map places) gets a `Dataset` with its CSV/JSON files as `distribution`; each home
page gets the `WebSite` (the site's name for search results). The template
(overrides/partials/structured-data.html) writes it with the `jsonld` filter: JSON from the
json module, then every character that means something to the HTML parser inside a script
element (<, >, &, ') and the two line separators older JavaScript parsers choke on (U+2028,
U+2029) as \\uXXXX escapes, so no text can close the script (`</script>`), open a comment
(`<!--`) or break a reader that evaluates it.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urljoin

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from sitekit import i18n, render, state
from sitekit.datasets import DATASETS
from sitekit.page_record import LICENSE_URL, SHARE_IMAGE, PageRecord, record_of
from sitekit.registry import Source

MEDIA_TYPES = {".csv": "text/csv", ".json": "application/json"}
# Only ever inside JSON strings (json.dumps writes none of them as syntax), where \uXXXX is the same text.
SCRIPT_SAFE = str.maketrans({c: f"\\u{ord(c):04x}" for c in "<>&'\u2028\u2029"})


def jsonld(value: Any) -> Markup:
    """JSON for inside <script type="application/ld+json">: Japanese as is, SCRIPT_SAFE escaped."""
    return Markup(json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(SCRIPT_SAFE))


def _organization(rec: PageRecord) -> dict[str, Any]:
    return {"@type": "Organization", "@id": f"{rec.home_url}#organization", "name": rec.site_name, "url": rec.home_url}


def _image(rec: PageRecord) -> dict[str, Any]:
    """The site's share image (og:image), which every page uses."""
    return {"@type": "ImageObject", "url": urljoin(rec.root_url, SHARE_IMAGE["path"]), "width": SHARE_IMAGE["width"], "height": SHARE_IMAGE["height"]}


def _translations(rec: PageRecord) -> dict[str, Any]:
    """The page's other languages: the default language's page is the original, the others its translations."""
    versions = [{"@type": "Article", "@id": f"{url}#article", "url": url, "inLanguage": lang} for lang, url in rec.alternates]
    if rec.locale == i18n.default():
        return {"workTranslation": versions} if versions else {}
    original = [v for v in versions if v["inLanguage"] == i18n.default()]
    return {"translationOfWork": original[0]} if original else {}


def _source(source: Source, sources_url: str | None) -> dict[str, Any]:
    """A cited source by reference: its id, and its entry on the sources page (`#src-<id>`)."""
    out: dict[str, Any] = {"@type": "CreativeWork"}
    if sources_url:
        out["@id"] = f"{sources_url}#src-{source.id}"
    out["identifier"] = source.id
    return out


def article(rec: PageRecord, cited: list[Source], sources_url: str | None = None) -> dict[str, Any]:
    """The page as a schema.org Article."""
    out: dict[str, Any] = {
        "@type": "Article",
        "@id": f"{rec.url}#article",
        "headline": rec.title,
        "description": rec.description,
        "inLanguage": rec.locale,
        "url": rec.url,
        "mainEntityOfPage": rec.url,
        "image": _image(rec),
        "author": _organization(rec),
        "publisher": _organization(rec),
        "license": LICENSE_URL,
        "isAccessibleForFree": True,
    }
    if rec.published:
        out["datePublished"] = rec.published.isoformat()
    if rec.updated:
        out["dateModified"] = rec.updated.isoformat()
    out |= _translations(rec)
    out["citation"] = [_source(s, sources_url) for s in cited]
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
        "inLanguage": list(i18n.locales()),
        "license": LICENSE_URL,
        "isAccessibleForFree": True,
        "creator": _organization(rec),
        "publisher": _organization(rec),
        "distribution": [
            {"@type": "DataDownload", "encodingFormat": MEDIA_TYPES[name[name.rfind("."):]], "contentUrl": urljoin(rec.root_url, name)}
            for name in names
        ],
    }
    if rec.updated:
        out["dateModified"] = rec.updated.isoformat()
    return out


def website(rec: PageRecord) -> dict[str, Any]:
    """The site, on its home page in each language."""
    return {
        "@type": "WebSite",
        "@id": f"{rec.home_url}#website",
        "name": rec.site_name,
        "url": rec.home_url,
        "inLanguage": rec.locale,
        "publisher": _organization(rec),
        "license": LICENSE_URL,
    }


def graph(rec: PageRecord) -> dict[str, Any] | None:
    """Everything the page says about itself in JSON-LD, or None for a page with nothing to say."""
    items = []
    if rec.url == rec.home_url:
        items.append(website(rec))
    if rec.is_article:
        cited = sorted(state.SITE.cites.per_page.get((rec.locale, rec.rel), {}))
        items.append(article(rec, [state.SITE.sources[sid] for sid in cited if sid in state.SITE.sources], _sources_url(rec)))
    described = render.labels()[rec.locale]["datasets"]  # the data sets with a name and description
    for marker in (m for m in rec.markers if m in described):
        data, kind = state.SITE.cites.data.get(marker), DATASETS.get(marker)
        if data is not None and kind is not None and kind.downloads is not None:
            items.append(dataset(rec, marker, sorted(kind.downloads(data))))
    return {"@context": "https://schema.org", "@graph": items} if items else None


FILES: list[Files] = []  # this language pass's files (on_env), to find its sources page
SOURCES_URL: dict[str, str | None] = {}  # per language, found once per pass


def _sources_url(rec: PageRecord) -> str | None:
    """The absolute address of the sources page in the page's language, if the site has one."""
    if rec.locale not in SOURCES_URL:
        found: File | None = None
        for (locale, rel), checked in state.SITE.pages.items():
            if locale == rec.locale and checked.view is not None and "sources" in checked.view.markers and FILES:
                found = FILES[0].get_file_from_path(f"{locale}/{rel}")
                break
        SOURCES_URL[rec.locale] = urljoin(rec.root_url, found.url) if found is not None else None
    return SOURCES_URL[rec.locale]


render.EXTRA_GLOBALS["share_image"] = SHARE_IMAGE  # og:image in partials/head-meta.html


# The filter the template uses.
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.filters["jsonld"] = jsonld
    FILES[:] = [files]
    SOURCES_URL.clear()
    return env


# The page's JSON-LD, for partials/structured-data.html in the <head>.
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    context["structured_data"] = graph(record_of(page, config))
    return context

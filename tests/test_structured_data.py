"""schema.org JSON-LD: an Article on every article page citing exactly its footnotes' sources,
a Dataset with its downloads on the data pages, and no way for a title to end the script."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import structured_data  # noqa: E402  (the hook module: its JSON-LD encoder)
from sitekit import messages as M
from support.clients import expand, vocabulary
from support.html import Tags
from support.project import ROOT
from support.real_site import SITE_URL

DOCS = ROOT / "docs"
ARTICLES = [
    (lang, p.stem) for lang in ("ja", "en") for p in sorted((DOCS / lang).glob("*.md")) if "article: false" not in p.read_text(encoding="utf-8")
]
LICENSE = "https://creativecommons.org/licenses/by/4.0/"


class Scripts(HTMLParser):
    """The JSON-LD scripts of a page, and the source ids its footnotes render."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.jsonld: list[str] = []
        self.footnotes: set[str] = set()
        self._in_ld = False
        self._in_footnotes = 0
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "script" and a.get("type") == "application/ld+json":
            self._in_ld = True
            self.jsonld.append("")
        if tag == "div" and "footnote" in (a.get("class") or "").split():
            self._in_footnotes = 1
        elif self._in_footnotes and tag == "span" and a.get("data-source"):
            self.footnotes.add(a["data-source"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_ld = False

    def handle_data(self, data: str) -> None:
        if self._in_ld:
            self.jsonld[-1] += data


def _url(lang: str, name: str) -> str:
    return SITE_URL + ("" if lang == "ja" else "en/") + ("" if name == "index" else f"{name}/")


def _graph(site: Path, lang: str, name: str) -> tuple[list[dict], Scripts]:
    html = (site / _url(lang, name).removeprefix(SITE_URL) / "index.html").read_text(encoding="utf-8")
    scripts = Scripts(html)
    assert len(scripts.jsonld) == 1, "expected one JSON-LD script"
    return json.loads(scripts.jsonld[0])["@graph"], scripts


@pytest.mark.parametrize(("lang", "name"), ARTICLES, ids=[f"{lang}/{name}" for lang, name in ARTICLES])
def test_article_cites_exactly_the_sources_of_its_footnotes(real_site, lang, name):
    graph, scripts = _graph(real_site, lang, name)
    article = next(x for x in graph if x["@type"] == "Article")
    cited = [c["identifier"] for c in article["citation"]]
    assert len(cited) == len(set(cited))
    assert scripts.footnotes, "the page renders no source footnote"
    assert set(cited) == scripts.footnotes


@pytest.mark.parametrize(("lang", "name"), ARTICLES, ids=[f"{lang}/{name}" for lang, name in ARTICLES])
def test_each_citation_points_to_its_entry_on_the_sources_page_of_the_same_language(real_site, lang, name):
    # A citation is a reference (id and @id), not a second copy of the footnote's text: the
    # @id must lead to the source's entry, which carries the full record.
    graph, _ = _graph(real_site, lang, name)
    article = next(x for x in graph if x["@type"] == "Article")
    sources_url = _url(lang, "sources")
    sources_html = (real_site / sources_url.removeprefix(SITE_URL) / "index.html").read_text(encoding="utf-8")
    entries = {a["id"] for a in Tags(sources_html).find("li") if "id" in a}
    for citation in article["citation"]:
        assert citation["@id"] == f"{sources_url}#src-{citation['identifier']}"
        assert f"src-{citation['identifier']}" in entries


@pytest.mark.parametrize(("lang", "name"), ARTICLES, ids=[f"{lang}/{name}" for lang, name in ARTICLES])
def test_article_says_what_where_when_and_links_the_other_language(real_site, lang, name):
    graph, _ = _graph(real_site, lang, name)
    article = next(x for x in graph if x["@type"] == "Article")
    text = (DOCS / lang / f"{name}.md").read_text(encoding="utf-8")
    assert article["headline"] == re.search(r"^# (.*)$", text, re.M).group(1)  # the page's h1, not its short nav title
    assert article["inLanguage"] == lang and article["license"] == LICENSE
    assert article["url"] == _url(lang, name) and article["description"]
    assert article["dateModified"] == re.search(r"^updated: (.*)$", text, re.M).group(1)
    assert article["publisher"]["@type"] == "Organization" and article["publisher"]["name"]


@pytest.mark.parametrize(("lang", "name"), ARTICLES, ids=[f"{lang}/{name}" for lang, name in ARTICLES])
def test_article_has_what_search_engines_recommend(real_site, lang, name):
    # Google's Article documentation recommends author, image, datePublished and dateModified.
    graph, _ = _graph(real_site, lang, name)
    article = next(x for x in graph if x["@type"] == "Article")
    text = (DOCS / lang / f"{name}.md").read_text(encoding="utf-8")
    assert article["author"] == article["publisher"] and article["author"]["url"] == SITE_URL + ("" if lang == "ja" else "en/")
    assert article["image"] == {"@type": "ImageObject", "url": SITE_URL + "assets/images/share.png", "width": 1200, "height": 630}
    assert (real_site / "assets/images/share.png").is_file()
    assert article["datePublished"] == re.search(r"^published: (.*)$", text, re.M).group(1) <= article["dateModified"]


@pytest.mark.parametrize(("lang", "name"), ARTICLES, ids=[f"{lang}/{name}" for lang, name in ARTICLES])
def test_the_english_article_is_the_translation_of_the_japanese(real_site, lang, name):
    graph, _ = _graph(real_site, lang, name)
    article = next(x for x in graph if x["@type"] == "Article")
    other = "en" if lang == "ja" else "ja"
    version = {"@type": "Article", "@id": _url(other, name) + "#article", "url": _url(other, name), "inLanguage": other}
    if lang == "ja":
        assert article["workTranslation"] == [version] and "translationOfWork" not in article
    else:
        assert article["translationOfWork"] == version and "workTranslation" not in article


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_home_page_names_the_website(real_site, lang):
    graph, _ = _graph(real_site, lang, "index")
    [website] = [x for x in graph if x["@type"] == "WebSite"]
    home = SITE_URL + ("" if lang == "ja" else "en/")
    assert website["url"] == home and website["inLanguage"] == lang
    assert website["name"] == Tags((real_site / home.removeprefix(SITE_URL) / "index.html").read_text(encoding="utf-8")).meta("og:site_name")[0]


@pytest.mark.parametrize(("name", "files"), [
    ("estimates", ["estimates.csv", "estimates.json"]), ("timeline", ["timeline.json"]), ("sources", ["sources.json"]), ("map", ["places.json"]),
])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_data_pages_describe_their_dataset_and_its_downloads(real_site, lang, name, files):
    graph, _ = _graph(real_site, lang, name)
    dataset = next(x for x in graph if x["@type"] == "Dataset")
    # Google's Dataset documentation: a description of 50 to 5,000 characters.
    assert dataset["name"] and 50 <= len(dataset["description"]) <= 5000 and dataset["license"] == LICENSE
    urls = sorted(d["contentUrl"] for d in dataset["distribution"])
    assert urls == [SITE_URL + f for f in files]
    assert all((real_site / f).is_file() for f in files)
    types = {d["contentUrl"].rsplit(".", 1)[1]: d["encodingFormat"] for d in dataset["distribution"]}
    assert types.get("csv", "text/csv") == "text/csv" and types["json"] == "application/json"
    # Linked from the page itself, so readers find the files too.
    hrefs = {(real_site / _url(lang, name).removeprefix(SITE_URL) / a["href"]).resolve() for a in Tags(
        (real_site / _url(lang, name).removeprefix(SITE_URL) / "index.html").read_text(encoding="utf-8")).find("a") if "download" in a}
    assert {(real_site / f).resolve() for f in files} <= hrefs


PAGES_WITH_JSONLD = sorted({*ARTICLES, *((lang, name) for lang in ("ja", "en") for name in ("index", "sources"))})


@pytest.mark.parametrize(("lang", "name"), PAGES_WITH_JSONLD, ids=[f"{lang}/{name}" for lang, name in PAGES_WITH_JSONLD])
def test_json_ld_expands_to_schema_org_terms_used_on_their_types(real_site, lang, name):
    # PyLD expands the document against schema.org's context; every type must be a schema.org
    # type and every property one that schema.org defines for the type it is used on.
    html = (real_site / _url(lang, name).removeprefix(SITE_URL) / "index.html").read_text(encoding="utf-8")
    [script] = Scripts(html).jsonld
    types, properties = vocabulary()
    problems = []

    def check(node: dict) -> None:
        node_types = [t.removeprefix("http://schema.org/") for t in node.get("@type", [])]
        problems.extend(f"unknown type {t}" for t in node_types if t not in types)
        ancestors = set().union(*(types.get(t, {t}) for t in node_types)) if node_types else set()
        for key, values in node.items():
            if key.startswith("@"):
                continue
            prop = key.removeprefix("http://schema.org/")
            if prop not in properties:
                problems.append(f"unknown property {key}")
            elif ancestors and not properties[prop] & ancestors:
                problems.append(f"{prop} is not a property of {node_types}")
            for value in values:
                if isinstance(value, dict) and "@value" not in value:
                    check(value)

    expanded = expand(json.loads(script))
    assert expanded
    for node in expanded:
        check(node)
    assert not problems


def test_a_title_with_script_end_tag_cannot_leave_the_script(project):
    # Two defences: the front matter refuses markup in a title (sitekit.corpus), and the JSON-LD
    # encoder escapes <, > and & even if a title with them ever reached it.
    hostile = "Attack </script><script>alert(1)</script> & <!-- more"
    path = project.root / "docs/en/about.md"
    project.write("docs/en/about.md", path.read_text(encoding="utf-8").replace("title: About", f"title: '{hostile}'"))
    build = project.build()
    assert build.code == 1 and "Traceback" not in build.stderr
    assert build.problems == [
        ("docs/en/about.md:2: " + M.FRONT_MATTER_NOT_PLAIN(key="title", why=M.WHY_HTML()))
    ]
    value = {"headline": hostile + " \u2028 \u2029 ' \\ \""}
    block = str(structured_data.jsonld(value))
    assert not set(block) & set("<>&'\u2028\u2029")
    assert json.loads(block) == value

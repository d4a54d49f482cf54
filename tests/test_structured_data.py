"""schema.org JSON-LD: an Article on every article page citing exactly its footnotes' sources,
a Dataset with its downloads on the data pages, and no way for a title to end the script."""

from __future__ import annotations

import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from reader_site import SITE_URL, built_sample
from site_conftest import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
import structured_data  # noqa: E402  (the hook module: its JSON-LD encoder)

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


@pytest.fixture(scope="module")
def site() -> Path:
    return built_sample()


@pytest.mark.parametrize(("lang", "name"), ARTICLES, ids=[f"{lang}/{name}" for lang, name in ARTICLES])
def test_article_cites_exactly_the_sources_of_its_footnotes(site, lang, name):
    graph, scripts = _graph(site, lang, name)
    article = next(x for x in graph if x["@type"] == "Article")
    cited = [c["identifier"] for c in article["citation"]]
    assert len(cited) == len(set(cited))
    assert scripts.footnotes, "the page renders no source footnote"
    assert set(cited) == scripts.footnotes


@pytest.mark.parametrize(("lang", "name"), ARTICLES, ids=[f"{lang}/{name}" for lang, name in ARTICLES])
def test_article_says_what_where_when_and_links_the_other_language(site, lang, name):
    graph, _ = _graph(site, lang, name)
    article = next(x for x in graph if x["@type"] == "Article")
    text = (DOCS / lang / f"{name}.md").read_text(encoding="utf-8")
    assert article["headline"] == re.search(r"^title: (.*)$", text, re.M).group(1)
    assert article["inLanguage"] == lang and article["license"] == LICENSE
    assert article["url"] == _url(lang, name) and article["description"]
    assert article["dateModified"] == re.search(r"^updated: (.*)$", text, re.M).group(1)
    assert article["publisher"]["@type"] == "Organization" and article["publisher"]["name"]
    other = "en" if lang == "ja" else "ja"
    assert article["workTranslation"] == [{"@type": "Article", "url": _url(other, name), "inLanguage": other}]


@pytest.mark.parametrize(("name", "files"), [("estimates", ["estimates.csv", "estimates.json"]), ("timeline", ["timeline.json"])])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_data_pages_describe_their_dataset_and_its_downloads(site, lang, name, files):
    graph, _ = _graph(site, lang, name)
    dataset = next(x for x in graph if x["@type"] == "Dataset")
    assert dataset["name"] and dataset["description"] and dataset["license"] == LICENSE
    urls = sorted(d["contentUrl"] for d in dataset["distribution"])
    assert urls == [SITE_URL + f for f in files]
    assert all((site / f).is_file() for f in files)
    types = {d["contentUrl"].rsplit(".", 1)[1]: d["encodingFormat"] for d in dataset["distribution"]}
    assert types.get("csv", "text/csv") == "text/csv" and types["json"] == "application/json"


def test_a_title_with_script_end_tag_cannot_leave_the_script(project):
    # Two defences: the front matter refuses markup in a title (sitekit.corpus), and the JSON-LD
    # encoder escapes <, > and & even if a title with them ever reached it.
    hostile = "Attack </script><script>alert(1)</script> & <!-- more"
    path = project.root / "docs/en/about.md"
    project.write("docs/en/about.md", path.read_text(encoding="utf-8").replace("title: About", f"title: '{hostile}'"))
    build = project.build()
    assert build.code == 1 and "Traceback" not in build.stderr
    assert build.problems == [
        'docs/en/about.md:2: the front matter "title" must be plain text, but it contains HTML or an HTML entity (such as &amp;); '
        "write the text itself"
    ]
    block = str(structured_data.jsonld({"headline": hostile}))
    assert "<" not in block and ">" not in block and "&" not in block.replace("\\u0026", "")
    assert json.loads(block)["headline"] == hostile

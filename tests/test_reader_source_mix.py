"""Who each page relies on: the source-mix block of every article page and of the sources page,
checked against the page's own footnotes and the published registry (sources.json)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from support.html import Tags


@pytest.fixture(scope="module")
def site(real_site) -> Path:
    return real_site


@pytest.fixture(scope="module")
def registry(site) -> dict[str, dict]:
    """The registry as the site publishes it: every entry carries its origin."""
    data = json.loads((site / "sources.json").read_text(encoding="utf-8"))
    return {s["id"]: s for s in data["sources"]}


def pages(site: Path) -> dict[str, Tags]:
    """Every built page by its path under the site ("treaty/", "en/treaty/"), 404s left out."""
    found = {}
    for file in sorted(site.rglob("index.html")):
        rel = file.parent.relative_to(site).as_posix()
        if rel.split("/")[0] in ("pagefind", "assets"):
            continue
        found["" if rel == "." else rel + "/"] = Tags(file.read_text(encoding="utf-8"))
    return found


def block(doc: Tags, kind: str) -> Counter[str]:
    """The counts of the source-mix block, by origin or by type, as its data attributes give them."""
    return Counter({a[f"data-{kind}"]: int(a["data-count"]) for _, a in doc.tags if f"data-{kind}" in a and "data-count" in a})


def cited(doc: Tags, registry: dict[str, dict]) -> set[str]:
    """The registry sources among the page's footnotes (notes' own citations included)."""
    return {a["id"][3:] for _, a in doc.tags if a.get("id", "").startswith("fn:") and a["id"][3:] in registry}


def test_every_article_page_has_the_block_and_no_other_page_but_the_sources_page(site):
    for path, doc in pages(site).items():
        is_article = bool(doc.find("details", **{"class": "cite-block cite-page"}))
        blocks = [a for _, a in doc.tags if "source-mix" in a.get("class", "").split()]
        is_sources = path in ("sources/", "en/sources/")
        assert len(blocks) == (1 if is_article or is_sources else 0), path


def test_each_article_pages_counts_are_its_footnotes_sources_by_origin_and_type(site, registry):
    checked = 0
    for path, doc in pages(site).items():
        ids = cited(doc, registry)
        if not doc.find("details", **{"class": "cite-block cite-page"}):
            continue
        assert ids, f"{path}: an article page with no registry footnote"
        assert block(doc, "origin") == Counter(registry[i]["origin"] for i in ids), path
        assert block(doc, "type") == Counter(registry[i]["type"] for i in ids), path
        checked += 1
    assert checked >= 8  # background, treaty, weapons, deployment, estimates, reactions, timeline, map … in two languages


def test_both_languages_of_a_page_show_the_same_counts(site):
    found = pages(site)
    for path, doc in found.items():
        if path.startswith("en/") or not block(doc, "origin"):
            continue
        twin = found["en/" + path]
        assert block(doc, "origin") == block(twin, "origin"), path
        assert block(doc, "type") == block(twin, "type"), path


@pytest.mark.parametrize("path", ["sources/", "en/sources/"])
def test_the_sources_page_shows_the_whole_registry(site, registry, path):
    doc = pages(site)[path]
    assert block(doc, "origin") == Counter(s["origin"] for s in registry.values())
    assert block(doc, "type") == Counter(s["type"] for s in registry.values())
    items = [a for t, a in doc.tags if t == "li" and a.get("id", "").startswith("src-")]
    assert {a["id"][4:]: (a["data-origin"], a["data-type"], a["data-language"]) for a in items} == {
        sid: (s["origin"], s["type"], s["language"]) for sid, s in registry.items()
    }
    form = doc.find("form", **{"class": "source-filter"})
    # Shown from the first paint (nothing moves when the script starts); without script a
    # <noscript> rule in the head hides it and every source stays listed (tests/browser checks both).
    assert len(form) == 1 and "hidden" not in form[0]
    head = (site / path / "index.html").read_text(encoding="utf-8").split("</head>")[0]
    assert "<noscript><style>form.source-filter { display: none !important; }</style></noscript>" in head


def test_the_summary_names_the_origins_in_the_pages_language(site):
    # The gist line: "この記事が依拠する出典：N件（韓国 …" / "Sources this page relies on: N (South Korea …".
    ja = "".join(pages(site)["deployment/"].text).split("この記事が依拠する出典", 1)[1]
    en = "".join(pages(site)["en/deployment/"].text).split("Sources this page relies on", 1)[1]
    assert ja.lstrip().startswith("：") and "韓国" in ja.split("）", 1)[0]
    assert en.lstrip().startswith(":") and "South Korea" in en.split(")", 1)[0]

"""The timeline, estimates and map pages as built, in both languages, from valid data."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from data_helpers import DATA, add_data, article, fnrefs, read
from site_conftest import Project

PAGES = [f"{prefix}{name}/index.html" for prefix in ("", "en/") for name in ("timeline", "estimates", "map")]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = Project(tmp_path_factory.mktemp("data-site"))
    add_data(project, "timeline", "estimates", "map")
    result = project.build()
    assert result.code == 0, result.stderr
    assert "WARNING" not in result.stderr
    return result.site


def _svgs(html: str) -> list[str]:
    return re.findall(r"<svg\b.*?</svg>", html, re.S)


# --- timeline -------------------------------------------------------------------------


def test_timeline_dates_themes_and_years_in_japanese(site):
    html = read(site, "timeline/index.html")
    body = article(html)
    assert '<time datetime="2024-06-19">2024年6月19日</time>' in body
    assert '<time datetime="2024-10">2024年10月</time>' in body
    assert '<span class="tl-theme tl-theme--treaty">条約</span>' in body
    assert '<h2 id="year-2024">2024年' in body and '<h2 id="year-2025">2025年' in body
    assert 'href="#year-2025"' in html  # the years are in the table of contents
    assert '<label for="tl-weapons" class="tl-theme--weapons">兵器 (1)</label>' in body
    # Japanese puts the citation before the closing 。
    assert re.search(r'両首脳が平壌で条約に署名した<sup id="fnref\d*:nis-2024-10-18">.*?</sup>。', body)


def test_timeline_dates_themes_and_years_in_english(site):
    body = article(read(site, "en/timeline/index.html"))
    assert '<time datetime="2024-06-19">19 June 2024</time>' in body
    assert '<time datetime="2024-10">October 2024</time>' in body
    assert '<span class="tl-theme tl-theme--reactions">Reactions</span>' in body
    assert '<h2 id="year-2024">2024' in body
    assert re.search(r'signed the treaty in Pyongyang\.<sup id="fnref\d*:nis-2024-10-18">', body)


def test_timeline_events_have_anchors_and_link_their_place_to_the_map(site):
    body = article(read(site, "timeline/index.html"))
    assert re.findall(r'<li class="tl-event" data-theme="(\w+)" id="([\w-]+)"', body) == [
        ("treaty", "ev-2024-06-19"), ("deployment", "ev-2024-10"), ("reactions", "ev-2024-10-18"), ("weapons", "ev-2025-01-12"),
    ]
    assert '<a href="../map/#place-pyongyang">平壌</a>' in body
    assert 'id="place-pyongyang"' in read(site, "map/index.html")


def test_timeline_filter_is_radio_buttons_with_every_event_in_the_html(site):
    body = article(read(site, "en/timeline/index.html"))
    radios = re.findall(r'<input type="radio" name="tl-theme" id="tl-([\w]+)"', body)
    assert radios == ["all", "treaty", "weapons", "deployment", "reactions"]
    assert re.search(r'id="tl-all" value="all" checked', body)
    assert body.count('class="tl-event"') == 4  # all visible without CSS
    # (the "cite these data" copy buttons stay hidden until cite.js runs: not timeline content)
    assert " hidden" not in re.sub(r'<details class="cite-block.*?</details>', "", body, flags=re.S)


# --- estimates ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rel", "figures"),
    [
        ("estimates/index.html", ["約1500人", "約1万〜1万2000人", "少なくとも1万1000人", "3000人超", "最大300人", "800万発"]),
        ("en/estimates/index.html", ["about 1,500", "about 10,000–12,000", "at least 11,000", "more than 3,000", "up to 300", "8,000,000"]),
    ],
)
def test_estimate_figures_are_localized_with_their_qualifier(site, rel, figures):
    cells = re.findall(r"<td>(.*?)</td>", article(read(site, rel)))
    for figure in figures:
        assert figure in cells


def test_estimate_tables_show_who_when_and_escaped_notes(site):
    ja, en = article(read(site, "estimates/index.html")), article(read(site, "en/estimates/index.html"))
    assert "<td>米国防総省</td>" in ja and "<td>2024年11月4日</td>" in ja
    assert "<td>US DoD</td>" in en and "<td>4 November 2024</td>" in en
    assert "<td>推計 | 暫定</td>" in ja  # a | in the data does not split the cell
    assert '<h2 id="troops-sent">派遣された兵力' in ja and '<h2 id="troops-sent">Troops sent' in en


@pytest.mark.parametrize("rel", ["estimates/index.html", "en/estimates/index.html"])
def test_charts_are_labelled_svg_images_without_script(site, rel):
    body = article(read(site, rel))
    svgs = _svgs(body)
    assert len(svgs) == 2
    for svg in svgs:
        assert 'role="img"' in svg
        title = re.search(r'<title id="([\w-]+)">(.+?)</title>', svg)
        desc = re.search(r'<desc id="([\w-]+)">(.+?)</desc>', svg)
        assert title and desc
        assert f'aria-labelledby="{title.group(1)} {desc.group(1)}"' in svg
        japanese = bool(re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", title.group(2)))
        assert japanese == (not rel.startswith("en/"))
        assert "<script" not in svg and "<image" not in svg and "href=" not in svg
        assert 'viewBox="0 0 480 300"' in svg
    assert "<script" not in body
    assert "Troops sent" in svgs[0] or "派遣された兵力" in svgs[0]


def test_chart_desc_counts_the_estimates_and_names_the_period(site):
    svg = _svgs(article(read(site, "en/estimates/index.html")))[0]
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", svg).group(1)
    assert desc.startswith("Step chart of 3 estimates stated between 18 October 2024 and 20 December 2024")


def test_downloads_are_written_once_and_linked(site):
    rows = list(csv.DictReader(io.StringIO((site / "estimates.csv").read_text(encoding="utf-8-sig"))))
    assert len(rows) == 6 and rows[1]["low"] == "10000" and rows[1]["high"] == "12000" and rows[1]["by_ja"] == "米国防総省"
    estimates = json.loads(read(site, "estimates.json"))["estimates"]
    assert estimates[0] == {
        "measure": "troops-sent", "low": 1500, "qualifier": "about", "as_of": "2024-10-18",
        "by": {"ja": "韓国国家情報院", "en": "NIS"}, "note": {"ja": "第1陣", "en": "first group"}, "sources": ["nis-2024-10-18"],
    }
    assert [e["date"] for e in json.loads(read(site, "timeline.json"))["events"]] == ["2024-06-19", "2024-10", "2024-10-18", "2025-01-12"]
    assert [p["id"] for p in json.loads(read(site, "places.json"))["places"]] == ["pyongyang", "vladivostok", "kursk"]
    assert 'href="../estimates.csv" download' in read(site, "estimates/index.html")
    assert 'href="../../estimates.json" download' in read(site, "en/estimates/index.html")
    assert 'href="../../timeline.json" download' in read(site, "en/timeline/index.html")
    assert not (site / "en" / "estimates.csv").exists()


# --- map ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rel", "names"),
    [("map/index.html", ["平壌", "ウラジオストク", "クルスク州"]), ("en/map/index.html", ["Pyongyang", "Vladivostok", "Kursk Oblast"])],
)
def test_map_is_a_small_labelled_svg_with_places_and_route(site, rel, names):
    body = article(read(site, rel))
    (svg,) = _svgs(body)
    assert len(svg.encode()) < 80_000
    assert 'role="img"' in svg and 'aria-labelledby="map-title map-desc"' in svg
    assert re.search(r'<title id="map-title">.+</title>', svg) and re.search(r'<desc id="map-desc">.+</desc>', svg)
    assert "<script" not in body and "<image" not in svg
    frames = re.findall(r'<g class="map-frame map-frame-(\w+)".*?class="map-places">(.*?)\n</g>\n</g>', svg, re.S)
    assert [f for f, _ in frames] == ["overview", "west", "east"]
    labels = {f: re.findall(r'<text x="[\d.]+" y="[\d.]+" text-anchor="\w+">([^<]+)</text>', group) for f, group in frames}
    dots = {f: group.count("<circle") for f, group in frames}
    # the fixture's three places all lie in a detail panel: dots on the overview, names in the panels
    assert labels == {"overview": [], "west": [names[2]], "east": [names[1], names[0]]}
    assert dots == {"overview": 3, "west": 1, "east": 2}
    assert svg.count('class="map-detail-box"') == 2 and svg.count('class="map-panel-title"') == 2
    assert svg.count('class="map-route"') == 3 and " → ".join(names) in body
    assert svg.count('<path class="map-land') > 10


def test_map_text_alternative_lists_every_place_with_role_and_citation(site):
    body = article(read(site, "en/map/index.html"))
    items = re.findall(r'<li id="place-([\w-]+)"><strong>([^<]+)</strong> \(([^)]+)\): ([^<]+)<sup', body)
    assert items == [
        ("pyongyang", "Pyongyang", "39.03°N, 125.75°E", "where the treaty was signed"),
        ("vladivostok", "Vladivostok", "43.12°N, 131.89°E", "port the troops were carried to"),
        ("kursk", "Kursk Oblast", "51.73°N, 36.19°E", "where the troops fought"),
    ]
    assert "北緯39.03度、東経125.75度" in article(read(site, "map/index.html"))


# --- citations ------------------------------------------------------------------------


def _expected_refs(name: str) -> Counter[str]:
    data = yaml.safe_load(DATA[f"docs/{'places' if name == 'map' else name}.yml"])
    counts = Counter(sid for entry in data for sid in entry["sources"])
    counts["nis-2024-10-18"] += 1  # the page's own introduction
    return counts


@pytest.mark.parametrize("rel", PAGES)
def test_footnote_references_match_the_data(site, rel):
    name = rel.split("/")[-2]
    html = read(site, rel)
    assert fnrefs(html) == _expected_refs(name)
    assert "[^" not in article(html)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_sources_page_back_links_resolve_one_to_one(site, prefix):
    sources = read(site, f"{prefix}sources/index.html")
    links = re.findall(r'href="\.\./(\w+)/#(fnref\d*:[a-z0-9-]+)"', sources)
    per_page: dict[str, Counter[str]] = {}
    for name, anchor in links:
        html = read(site, f"{prefix}{name}/index.html")
        assert f'id="{anchor}"' in html, f"{prefix}{name}/#{anchor} does not exist"
        per_page.setdefault(name, Counter())[anchor.split(":", 1)[1]] += 1
    for name in ("timeline", "estimates", "map"):
        assert per_page[name] == fnrefs(read(site, f"{prefix}{name}/index.html"))

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
from support.data_helpers import DATA, add_data, article, fnrefs, read
from support.project import Project

PAGES = [f"{prefix}{name}/index.html" for prefix in ("", "en/") for name in ("timeline", "estimates", "map")]


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = Project(tmp_path_factory.mktemp("data-site"))
    add_data(project, "timeline", "estimates", "map")
    result = project.build()
    assert result.code == 0, result.stderr
    assert "WARNING" not in result.stderr
    return result.site


def _svgs(html: str) -> list[str]:
    return re.findall(r"<svg\b.*?</svg>", html, re.S)


# --- timeline -------------------------------------------------------------------------


def test_timeline_dates_themes_and_years_in_japanese(batch):
    html = read(batch, "timeline/index.html")
    body = article(html)
    assert '<time datetime="2024-06-19">2024年6月19日</time>' in body
    assert '<time datetime="2024-10">2024年10月</time>' in body
    assert '<span class="tl-theme tl-theme--treaty">条約</span>' in body
    assert '<h2 id="year-2024">2024年' in body and '<h2 id="year-2025">2025年' in body
    assert 'href="#year-2025"' in html  # the years are in the table of contents
    assert '<label for="tl-weapons" class="tl-theme--weapons">兵器 (1)</label>' in body
    # Japanese puts the citation before the closing 。
    assert re.search(r'両首脳が平壌で条約に署名した<sup id="fnref\d*:nis-2024-10-18">.*?</sup>。', body)


def test_timeline_dates_themes_and_years_in_english(batch):
    body = article(read(batch, "en/timeline/index.html"))
    assert '<time datetime="2024-06-19">19 June 2024</time>' in body
    assert '<time datetime="2024-10">October 2024</time>' in body
    assert '<span class="tl-theme tl-theme--reactions">Reactions</span>' in body
    assert '<h2 id="year-2024">2024' in body
    assert re.search(r'signed the treaty in Pyongyang\.<sup id="fnref\d*:nis-2024-10-18">', body)


def test_timeline_events_have_anchors_and_link_their_place_to_the_map(batch):
    body = article(read(batch, "timeline/index.html"))
    assert re.findall(r'<li class="tl-event" data-theme="(\w+)" id="([\w-]+)"', body) == [
        ("treaty", "ev-2024-06-19"), ("deployment", "ev-2024-10"), ("reactions", "ev-2024-10-18"), ("weapons", "ev-2025-01-12"),
    ]
    assert '<a href="../map/#place-pyongyang">平壌</a>' in body
    assert 'id="place-pyongyang"' in read(batch, "map/index.html")


def test_timeline_filter_is_radio_buttons_with_every_event_in_the_html(batch):
    body = article(read(batch, "en/timeline/index.html"))
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
def test_estimate_figures_are_localized_with_their_qualifier(batch, rel, figures):
    cells = re.findall(r"<td>(.*?)</td>", article(read(batch, rel)))
    for figure in figures:
        assert figure in cells


def test_estimate_tables_show_who_when_and_escaped_notes(batch):
    ja, en = article(read(batch, "estimates/index.html")), article(read(batch, "en/estimates/index.html"))
    assert "<td>米国防総省</td>" in ja and "<td>2024年11月4日</td>" in ja
    assert "<td>US DoD</td>" in en and "<td>4 November 2024</td>" in en
    assert "<td>推計 | 暫定</td>" in ja  # a | in the data does not split the cell
    assert '<h2 id="troops-sent">派遣された兵力' in ja and '<h2 id="troops-sent">Troops sent' in en


def _charts(html: str) -> list[str]:
    """The chart drawings (role="img"), without the legend's marker swatches."""
    return [svg for svg in _svgs(html) if 'role="img"' in svg]


@pytest.mark.parametrize("rel", ["estimates/index.html", "en/estimates/index.html"])
def test_charts_are_labelled_svg_images_without_script(batch, rel):
    body = article(read(batch, rel))
    svgs = _charts(body)
    assert [re.search(r'id="chart-(\w+)-title"', svg).group(1) for svg in svgs] == ["troops", "killed"]  # no chart of one figure
    for svg in svgs:
        title = re.search(r'<title id="([\w-]+)">(.+?)</title>', svg)
        desc = re.search(r'<desc id="([\w-]+)">(.+?)</desc>', svg)
        assert title and desc
        assert f'aria-labelledby="{title.group(1)} {desc.group(1)}"' in svg
        japanese = bool(re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", title.group(2)))
        assert japanese == (not rel.startswith("en/"))
        assert "<script" not in svg and "<image" not in svg and "href=" not in svg
        assert 'viewBox="0 0 360 254"' in svg
    assert "<script" not in body


def _series(svg: str) -> list[tuple[str, str, str]]:
    """(estimator, counts, group body) for each series group of a chart."""
    group = r'<g class="chart-series by-[\w-]+" data-by="([\w-]+)" data-counts="([\w-]+)">(.*?)\n</g>(?=\n<g class="chart-series|\n</svg>)'
    return re.findall(group, svg, re.S)


@pytest.mark.parametrize("rel", ["estimates/index.html", "en/estimates/index.html"])
def test_each_estimator_is_one_series_and_its_line_joins_only_its_own_marks(batch, rel):
    troops, killed = _charts(article(read(batch, rel)))
    series = _series(troops)
    assert [(by, counts) for by, counts, _ in series] == [("us-gov", "to-date"), ("nis", "to-date")]
    us, nis = (body for _, _, body in series)
    points = re.findall(r'<g class="chart-point" data-x="([\d.]+)" data-y="([\d.]+)">', us)
    line = re.search(r'<path class="chart-line" d="M([\d.]+) ([\d.]+)L([\d.]+) ([\d.]+)"/>', us)
    assert line and [(line.group(1), line.group(2)), (line.group(3), line.group(4))] == points
    assert "chart-line" not in nis  # one figure: a mark, no line
    assert troops.count('class="chart-line"') == 1 and troops.count('class="chart-point"') == 3  # not the "first group" row
    assert [by for by, _, _ in _series(killed)] == ["nis", "dprk"]  # North Korea's own figure is not joined to the NIS's


def test_bounds_and_ranges_are_drawn_and_labelled_with_their_qualifier(batch):
    troops = _charts(article(read(batch, "en/estimates/index.html")))[0]
    assert troops.count('class="chart-bound"') == 1 and troops.count('class="chart-whisker"') == 1
    labels = re.findall(r'<text class="chart-label"[^>]*>([^<]+)</text>', troops)
    assert sorted(labels) == ["≈10,000–12,000", "≈15,000", "≥3,000"]
    ja = _charts(article(read(batch, "estimates/index.html")))[0]
    assert sorted(re.findall(r'<text class="chart-label"[^>]*>([^<]+)</text>', ja)) == ["3000以上", "約1万5000", "約1万〜1万2000"]


def test_each_mark_names_who_when_and_the_figure(batch):
    troops = _charts(article(read(batch, "en/estimates/index.html")))[0]
    titles = re.findall(r'<g class="chart-point"[^>]*><title>([^<]+)</title>', troops)
    assert titles == ["US government, 24 October 2024: at least 3,000", "US government, 4 November 2024: about 10,000–12,000",
                      "South Korea&#39;s NIS, 30 April 2025: about 15,000"]
    ja = _charts(article(read(batch, "estimates/index.html")))[1]
    assert "韓国国家情報院、2025年1月13日：最大300人（推計 | 暫定）" in ja


@pytest.mark.parametrize("rel", ["estimates/index.html", "en/estimates/index.html"])
def test_each_chart_names_its_estimators_in_the_legend(batch, rel):
    body = article(read(batch, rel))
    figures = re.findall(r'<figure class="est-chart".*?</figure>', body, re.S)
    assert len(figures) == 2
    for figure in figures:
        key = re.findall(r'<li data-by="([\w-]+)"><svg class="by-\1"[^>]*>.*?</svg>([^<]+)</li>', figure)
        svg = _charts(figure)[0]
        assert [by for by, _ in key] == [by for by, _, _ in _series(svg)]
        names = yaml.safe_load((Path(__file__).parents[1] / "hooks/sitekit/labels.yml").read_text(encoding="utf-8"))
        locale = "en" if rel.startswith("en/") else "ja"
        assert [name for _, name in key] == [names[locale]["estimators"][by].replace("'", "&#39;") for by, _ in key]


def test_chart_desc_says_what_is_compared_by_whom_and_when(batch):
    troops, killed = _charts(article(read(batch, "en/estimates/index.html")))
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", troops).group(1)
    assert desc.startswith(
        "Chart of 3 estimates of North Korean troops sent so far (cumulative), stated between 24 October 2024 and 30 April 2025, "
        "one series per estimator: US government (2), South Korea&#39;s NIS (1)."
    )
    ja = re.search(r"<desc[^>]*>(.*?)</desc>", _charts(article(read(batch, "estimates/index.html")))[1]).group(1)
    assert ja.startswith(
        "2025年1月13日から2025年9月2日までに発表された、北朝鮮兵の死者の累計の推計3件を示すグラフ。"
        "推計した機関ごとに系列を分ける：韓国国家情報院2件、北朝鮮（自国の発表）1件。"
    )


def test_tables_keep_every_figure_with_what_it_counts(batch):
    en = article(read(batch, "en/estimates/index.html"))
    assert "<th>What it counts</th>" in en
    assert "<td>one group only</td>" in en and "<td>one period only</td>" in en and "<td>in Russia at the time</td>" in en
    assert en.count("<tr>") == 11 + 5  # every row of the data, and a header row per measure (5 measures)
    ja = article(read(batch, "estimates/index.html"))
    assert "<th>対象</th>" in ja and "<td>1回・1部隊分のみ</td>" in ja


def test_downloads_are_written_once_and_linked(batch):
    rows = list(csv.DictReader(io.StringIO((batch / "estimates.csv").read_text(encoding="utf-8-sig"))))
    assert list(rows[0])[:3] == ["measure", "counts", "estimator"]
    assert len(rows) == 11 and rows[2]["low"] == "10000" and rows[2]["high"] == "12000" and rows[2]["by_ja"] == "米国防総省"
    assert [(r["counts"], r["estimator"]) for r in rows[:2]] == [("one-group", "nis"), ("to-date", "us-gov")]
    download = json.loads(read(batch, "estimates.json"))
    assert download["counts"] == ["to-date", "one-group", "planned", "in-russia", "at-front", "one-period"]
    assert download["estimators"]["dprk"] == {"ja": "北朝鮮（自国の発表）", "en": "North Korea (own figure)"}
    assert download["estimates"][0] == {
        "measure": "troops-sent", "counts": "one-group", "estimator": "nis", "low": 1500, "qualifier": "about", "as_of": "2024-10-18",
        "by": {"ja": "韓国国家情報院", "en": "NIS"}, "note": {"ja": "第1陣", "en": "first group"}, "sources": ["nis-2024-10-18"],
    }
    assert [e["date"] for e in json.loads(read(batch, "timeline.json"))["events"]] == ["2024-06-19", "2024-10", "2024-10-18", "2025-01-12"]
    assert [p["id"] for p in json.loads(read(batch, "places.json"))["places"]] == ["pyongyang", "vladivostok", "kursk"]
    assert 'href="../estimates.csv" download' in read(batch, "estimates/index.html")
    assert 'href="../../estimates.json" download' in read(batch, "en/estimates/index.html")
    assert 'href="../../timeline.json" download' in read(batch, "en/timeline/index.html")
    assert not (batch / "en" / "estimates.csv").exists()


# --- map ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rel", "names"),
    [("map/index.html", ["平壌", "ウラジオストク", "クルスク州"]), ("en/map/index.html", ["Pyongyang", "Vladivostok", "Kursk Oblast"])],
)
def test_map_is_small_labelled_svgs_with_places_and_route(batch, rel, names):
    body = article(read(batch, rel))
    svgs = _svgs(body)
    assert sum(len(svg.encode()) for svg in svgs) < 80_000
    assert [re.search(r'class="map-svg map-svg-(\w+)"', svg).group(1) for svg in svgs] == ["overview", "west", "east"]
    overview, west, east = svgs
    assert 'role="img"' in overview and 'aria-labelledby="map-title map-desc"' in overview
    assert re.search(r'<title id="map-title">.+</title>', overview) and re.search(r'<desc id="map-desc">.+</desc>', overview)
    assert 'aria-labelledby="map-west-title"' in west and 'aria-labelledby="map-east-title"' in east
    assert "<script" not in body and "<image" not in body

    def layers(svg: str) -> dict[str, tuple[list[str], int]]:
        found = re.findall(r'<g class="map-layer map-layer-(\w+)" font-size="(\d+)">.*?class="map-places">(.*?)\n</g>\n</g>', svg, re.S)
        return {
            f"{name}@{size}": (re.findall(r'<text x="[\d.]+" y="[\d.]+" text-anchor="\w+">([^<]+)</text>', group), group.count("<circle"))
            for name, size, group in found
        }

    # the fixture's three places all lie in a detail panel: dots on the overview (in both of its
    # layers, for wide and for narrow screens), names in the panels
    assert layers(overview) == {"wide@18": ([], 3), "narrow@36": ([], 3)}
    assert layers(west) == {"wide@18": ([names[2]], 1)}
    assert layers(east) == {"wide@18": ([names[1], names[0]], 2)}
    assert overview.count('class="map-detail-box"') == 2 and body.count('class="map-panel-title"') == 2
    assert body.count('class="map-route"') == 3 and " → ".join(names) in body
    assert sum(svg.count('<path class="map-land') for svg in svgs) > 10
    ids = re.findall(r'id="(map-[\w-]+)"', body)  # the drawing's own ids stay unique across its three SVGs
    assert len(ids) == len(set(ids)) == 10


def test_map_text_alternative_lists_every_place_with_role_and_citation(batch):
    body = article(read(batch, "en/map/index.html"))
    items = re.findall(r'<li id="place-([\w-]+)"><strong>([^<]+)</strong> \(([^)]+)\): ([^<]+)<sup', body)
    assert items == [
        ("pyongyang", "Pyongyang", "39.03°N, 125.75°E", "where the treaty was signed"),
        ("vladivostok", "Vladivostok", "43.12°N, 131.89°E", "port the troops were carried to"),
        ("kursk", "Kursk Oblast", "51.73°N, 36.19°E", "where the troops fought"),
    ]
    assert "北緯39.03度、東経125.75度" in article(read(batch, "map/index.html"))


# --- citations ------------------------------------------------------------------------


def _expected_refs(name: str) -> Counter[str]:
    data = yaml.safe_load(DATA[f"docs/{'places' if name == 'map' else name}.yml"])
    counts = Counter(sid for entry in data for sid in entry["sources"])
    counts["nis-2024-10-18"] += 1  # the page's own introduction
    return counts


@pytest.mark.parametrize("rel", PAGES)
def test_footnote_references_match_the_data(batch, rel):
    name = rel.split("/")[-2]
    html = read(batch, rel)
    assert fnrefs(html) == _expected_refs(name)
    assert "[^" not in article(html)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_sources_page_back_links_resolve_one_to_one(batch, prefix):
    sources = read(batch, f"{prefix}sources/index.html")
    links = re.findall(r'href="\.\./(\w+)/#(fnref\d*:[a-z0-9-]+)"', sources)
    per_page: dict[str, Counter[str]] = {}
    for name, anchor in links:
        html = read(batch, f"{prefix}{name}/index.html")
        assert f'id="{anchor}"' in html, f"{prefix}{name}/#{anchor} does not exist"
        per_page.setdefault(name, Counter())[anchor.split(":", 1)[1]] += 1
    for name in ("timeline", "estimates", "map"):
        assert per_page[name] == fnrefs(read(batch, f"{prefix}{name}/index.html"))

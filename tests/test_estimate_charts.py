"""The estimates charts as published, from the real docs/estimates.yml: like is compared only
with like (issue 11). A line joins only successive figures of one estimator and one kind of
count, each chart names its estimators, and every row says what it counts."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import estimates as estimates_hook
import pytest
import yaml
from sitekit import chart, dates, render
from sitekit.estimates_data import COUNTS, ESTIMATORS, FITS, load_estimates
from sitekit.placement import overlaps
from sitekit.registry import load_registry

ROOT = Path(__file__).resolve().parents[1]


SVG = "{http://www.w3.org/2000/svg}"
DATA = ROOT / "docs" / "estimates.yml"
LOCALES = {"ja": "estimates/index.html", "en": "en/estimates/index.html"}
# Kinds that must never be drawn among cumulative totals: the tables keep them.
NOT_CHARTED = ("planned", "one-group", "one-period")


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def estimates():
    loaded_registry, _ = load_registry(ROOT / "docs" / "sources.yml", "docs/sources.yml")
    sources = loaded_registry.sources
    loaded, problems = load_estimates(DATA, "docs/estimates.yml", sources)
    assert not problems, "\n".join(map(str, problems))
    return loaded


def _charts(site: Path, locale: str) -> list[tuple[ET.Element, str]]:
    """Each chart drawing of the page, parsed, with the HTML of the figure around it."""
    html = (site / LOCALES[locale]).read_text(encoding="utf-8")
    figures = re.findall(r'<figure class="est-chart" id="chart-(\w+)">(.*?)</figure>', html, re.S)
    out = []
    for _key, figure in figures:
        svg = re.search(r'<svg viewBox="0 0 \d+ \d+" role="img".*?</svg>', figure, re.S).group(0)
        out.append((ET.fromstring(svg), figure))
    return out


def _points(group: ET.Element) -> list[tuple[float, float]]:
    return [(float(p.get("data-x")), float(p.get("data-y"))) for p in group.iter(f"{SVG}g") if p.get("class") == "chart-point"]


def _vertices(d: str) -> list[tuple[float, float]]:
    assert re.fullmatch(r"M[\d.]+ [\d.]+(L[\d.]+ [\d.]+)+", d), f"a line must be straight segments between marks: {d}"
    numbers = [float(n) for n in re.findall(r"[\d.]+", d)]
    return list(zip(numbers[::2], numbers[1::2], strict=True))


def test_every_row_says_what_it_counts_and_who_estimated_it(rows, estimates):
    assert len(estimates) == len(rows)
    for row in rows:
        assert row.get("counts") in COUNTS and row["counts"] in FITS[row["measure"]], row
        assert row.get("estimator") in ESTIMATORS, row


def test_the_issue_rows_are_classified_as_what_they_count(estimates):
    def kind(estimator: str, date: str, measure: str) -> str:
        (match,) = [e.counts for e in estimates if (e.estimator, e.as_of, e.measure) == (estimator, date, measure)]
        return match

    assert kind("media", "2024-10-15", "troops-sent") == "one-group"  # the size of one unit
    assert kind("zelensky", "2024-10-17", "troops-sent") == "planned"  # being prepared
    assert kind("nis", "2024-10-18", "troops-sent") == "one-group"  # the first shipment
    assert kind("nis", "2025-04-30", "troops-sent") == "to-date"  # the total of two deployments
    assert kind("ukr-gur", "2025-07-04", "troops-sent") == "planned"  # a possible future dispatch
    assert kind("us-gov", "2024-12-27", "casualties") == "one-period"  # "in the past week alone"
    assert kind("dprk", "2025-09-02", "killed") == "to-date"


@pytest.mark.parametrize("locale", sorted(LOCALES))
def test_no_line_joins_two_estimators_or_two_kinds_of_count(real_site, locale):
    charts = _charts(real_site, locale)
    assert len(charts) == len(estimates_hook.CHARTS)
    for svg, _ in charts:
        groups = [g for g in svg.iter(f"{SVG}g") if g.get("data-by")]
        assert groups, "a chart without series groups"
        kinds = {g.get("data-counts") for g in groups}
        assert len(kinds) == 1 and not kinds & set(NOT_CHARTED), kinds
        assert len({g.get("data-by") for g in groups}) == len(groups), "an estimator split over two series"
        lines = [p for p in svg.iter(f"{SVG}path") if p.get("class") == "chart-line"]
        in_groups = [p for g in groups for p in g.iter(f"{SVG}path") if p.get("class") == "chart-line"]
        assert len(lines) == len(in_groups), "a line outside any estimator's series"
        for group in groups:
            own = [p for p in group.iter(f"{SVG}path") if p.get("class") == "chart-line"]
            points = _points(group)
            assert len(own) == (1 if len(points) > 1 else 0)
            if own:  # the line goes through this series' marks, in date order, and nowhere else
                assert _vertices(own[0].get("d")) == points


@pytest.mark.parametrize("locale", sorted(LOCALES))
def test_each_chart_draws_exactly_the_figures_of_its_kind(real_site, locale, estimates):
    words = render.labels()[locale]
    for (svg, _), (key, (measures, counts)) in zip(_charts(real_site, locale), estimates_hook.CHARTS.items(), strict=True):
        expected = sorted((e.estimator, e.as_of) for e in estimates if e.measure in measures and e.counts == counts)
        drawn = []
        for group in (g for g in svg.iter(f"{SVG}g") if g.get("data-by")):
            for point in (p for p in group.iter(f"{SVG}g") if p.get("class") == "chart-point"):
                title = point.find(f"{SVG}title").text
                assert title.startswith(words["estimators"][group.get("data-by")]), title  # who
                drawn.append((group.get("data-by"), title))
        assert sorted(by for by, _ in drawn) == [by for by, _ in expected], key
        assert all(dates.localdate(date, locale) in " ".join(t for _, t in drawn) for _, date in expected)  # when


@pytest.mark.parametrize("locale", sorted(LOCALES))
def test_each_chart_names_its_estimators_in_the_legend(real_site, locale):
    words = render.labels()[locale]
    charts = _charts(real_site, locale)
    assert len(charts) == len(estimates_hook.CHARTS)
    for svg, figure in charts:
        series = [g.get("data-by") for g in svg.iter(f"{SVG}g") if g.get("data-by")]
        assert len(series) >= 2, "every chart of the real data compares at least two estimators"
        figure = figure.replace("<wbr>", "")  # Japanese phrase breaks (hooks/phrase_breaks.py)
        key = re.findall(r'<li data-by="([\w-]+)"><svg class="by-\1"[^>]*>.*?</svg>([^<]+)</li>', figure)
        assert [by for by, _ in key] == series
        assert [name.replace("&#39;", "'") for _, name in key] == [words["estimators"][by] for by in series]
        desc = svg.find(f"{SVG}desc").text
        assert all(words["estimators"][by] in desc for by in series)  # the text alternative names them too


def test_the_killed_chart_keeps_north_koreas_own_figure_apart_from_the_nis(real_site):
    svgs = {svg.get("aria-labelledby").split()[0]: svg for svg, _ in _charts(real_site, "en")}
    killed = svgs["chart-killed-title"]
    groups = {g.get("data-by"): g for g in killed.iter(f"{SVG}g") if g.get("data-by")}
    assert set(groups) == {"nis", "dprk"}
    assert len(_points(groups["dprk"])) == 1 and not [p for p in groups["dprk"].iter(f"{SVG}path") if p.get("class") == "chart-line"]
    casualties = svgs["chart-casualties-title"]
    titles = " ".join(t.text for t in casualties.iter(f"{SVG}title"))
    assert "past week" not in titles  # Kirby's one-week figure stays in the table


def _laid_out(estimates, locale):
    """Each chart of the page as the build lays it out: its key, the chart and its points."""
    words = render.labels()[locale]
    for key, (measures, counts) in estimates_hook.CHARTS.items():
        c = chart.build(estimates, measures, counts, locale, words, lambda e: "", lambda e: estimates_hook._short(e, locale))
        yield key, c, [p for s in c["series"] for p in s.points]


@pytest.mark.parametrize("locale", sorted(LOCALES))
def test_every_figure_is_labelled_and_no_labels_overlap(estimates, locale):
    for key, _, points in _laid_out(estimates, locale):
        assert all(p.label for p in points), f"{key}: a figure lost its label"
        labels, marks = [p.label.box for p in points], [p.extent for p in points]
        # No label covers another label or any mark. Two marks of dates a few days apart may
        # touch (moving them further would misplace them in time); tooltips and tables tell them apart.
        for i, a in enumerate(labels):
            for b in labels[i + 1:] + marks:
                assert not overlaps(a, b), f"{key}: {a} overlaps {b}"


@pytest.mark.parametrize("locale", sorted(LOCALES))
def test_every_mark_stands_at_its_date(estimates, locale):
    # A mark set aside from another may move at most one radius, so that no figure reads as
    # of another date, and a figure never passes one of a date more than a week away.
    for key, c, points in _laid_out(estimates, locale):
        for p in points:
            assert abs(p.x - p.date_x) <= chart.R + 1e-9, f"{key}: {p.title or p.text} moved {p.x - p.date_x:.1f} from its date"
        for a in points:
            for b in points:
                if b.date_x - a.date_x > 7 * c["px_per_day"]:
                    assert a.x < b.x, f"{key}: {a.text} is drawn after {b.text}, a later figure"


def test_downloads_carry_counts_and_estimator_for_every_row(real_site, rows):
    table = list(csv.DictReader(io.StringIO((real_site / "estimates.csv").read_text(encoding="utf-8"))))
    assert [(r["counts"], r["estimator"]) for r in table] == [(r["counts"], r["estimator"]) for r in rows]
    download = json.loads((real_site / "estimates.json").read_text(encoding="utf-8"))
    assert download["counts"] == list(COUNTS) and sorted(download["estimators"]) == sorted(ESTIMATORS)
    assert [(e["counts"], e["estimator"]) for e in download["estimates"]] == [(r["counts"], r["estimator"]) for r in rows]

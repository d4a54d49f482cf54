"""Small pure functions behind the data pages: numbers, dates, chart scales, map projection."""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path

import pytest
from sitekit import chart, dates, geo, render
from sitekit.figures import cited, en_number, figure, ja_number
from sitekit.timeline_data import out_of_order


@pytest.mark.parametrize(
    ("n", "ja", "en"),
    [(0, "0", "0"), (600, "600", "600"), (3000, "3000", "3,000"), (10000, "1万", "10,000"), (12000, "1万2000", "12,000"),
     (100000, "10万", "100,000"), (8000000, "800万", "8,000,000"), (150000000, "1億5000万", "150,000,000")],
)
def test_numbers_in_each_language(n, ja, en):
    assert (ja_number(n), en_number(n)) == (ja, en)


@pytest.mark.parametrize(
    ("low", "high", "qualifier", "measure", "ja", "en"),
    [
        (10000, 12000, "about", "troops-sent", "約1万〜1万2000人", "about 10,000–12,000"),
        (10000, None, "at-least", "troops-present", "少なくとも1万人", "at least 10,000"),
        (3000, None, "more-than", "casualties", "3000人超", "more than 3,000"),
        (300, None, "up-to", "killed", "最大300人", "up to 300"),
        (13000, None, "exact", "containers", "1万3000個", "13,000"),
        (170, None, "exact", "weapons", "170", "170"),
    ],
)
def test_figures_with_qualifier_and_unit(low, high, qualifier, measure, ja, en):
    words = render.labels()
    assert figure(low, high, qualifier, measure, "ja", words) == ja
    assert figure(low, high, qualifier, measure, "en", words) == en


def test_citations_go_before_a_japanese_full_stop_only():
    assert cited("署名した。", "[^a]", "ja") == "署名した[^a]。"
    assert cited("Signed.", "[^a]", "en") == "Signed.[^a]"
    assert cited("港湾都市", "[^a]", "ja") == "港湾都市[^a]"


@pytest.mark.parametrize(
    ("before", "after", "wrong"),
    [("2024-06-19", "2024-10-18", False), ("2024-10-18", "2024-06-19", True), ("2024-10", "2024-10-18", False),
     ("2024-10-18", "2024-10", False), ("2024-11-01", "2024-10", True), ("2024-10", "2024-09-30", True)],
)
def test_month_only_dates_compare_at_month_precision(before, after, wrong):
    assert out_of_order(before, after) is wrong


def test_month_only_dates_are_localized():
    assert dates.localdate("2024-10", "ja") == "2024年10月"
    assert dates.localdate("2024-10", "en") == "October 2024"


def test_chart_ticks_are_round_and_cover_the_data():
    assert chart._nice_step(15000) == 5000
    assert chart._nice_step(4000) == 1000
    ticks = chart._month_ticks(dt.date(2024, 9, 20), dt.date(2025, 5, 1))
    assert ticks == [dt.date(2024, 11, 1), dt.date(2025, 1, 1), dt.date(2025, 3, 1), dt.date(2025, 5, 1)]  # every 2nd month


OVERVIEW = geo.Frame(30, 140, 35, 60, width=960)
PANEL = geo.Frame(124, 134, 37.6, 45.4, width=470, left=490, top=400)


def test_projection_puts_the_corners_of_a_frame_at_the_corners_of_its_box():
    assert OVERVIEW.project(30, 60) == (0, 0)
    x, y = OVERVIEW.project(140, 35)
    assert (round(x), round(y)) == (960, round(OVERVIEW.height))
    assert PANEL.project(124, 45.4) == (490, 400)
    x, y = PANEL.project(134, 37.6)
    assert (round(x), round(y)) == (960, round(400 + PANEL.height))
    # true to scale at the middle latitude: a degree of longitude there is cos(lat) of a degree of latitude
    assert abs(PANEL.scale * 10 * math.cos(math.radians(41.5)) - 470) < 1e-6


def _points(path: str) -> list[list[tuple[int, int]]]:
    """The absolute points of each outline of an SVG path of M, l, h, v and Z (as geo writes them)."""
    rings, x, y, command = [], 0, 0, ""
    for letter, numbers in re.findall(r"([MlhvZ])([^MlhvZ]*)", path):
        values = [int(n) for n in re.findall(r"-?\d+", numbers)]
        if letter == "M":
            x, y = values
            rings.append([(x, y)])
            continue
        command = letter
        step = 2 if command == "l" else 1
        for i in range(0, len(values), step):
            if command == "l":
                x, y = x + values[i], y + values[i + 1]
            elif command == "h":
                x += values[i]
            elif command == "v":
                y += values[i]
            rings[-1].append((x, y))
    return rings


def test_country_outlines_are_the_rounded_projected_points_written_as_moves():
    # Relative moves (l, h, v) after one absolute point: the decoded outline is exactly the
    # rounded projection of each vertex, the same points absolute coordinates gave, no drift.
    for frame in (OVERVIEW, PANEL):
        for country in geo.countries(frame):
            for ring in _points(country.path):
                assert len(ring) > 3 and all(a != b for a, b in zip(ring, ring[1:], strict=False))
                left, top, right, bottom = frame.bounds()
                assert all(left - 1 <= x <= right + 1 and top - 1 <= y <= bottom + 1 for x, y in ring)
    corners = [(30, 60), (31, 60), (31, 59), (32, 58.5), (30.4, 58), (30, 60)]
    ring = geo._ring(OVERVIEW, corners)
    expected = [tuple(round(v) for v in OVERVIEW.project(lon, lat)) for lon, lat in corners]
    assert _points(ring) == [expected]
    assert ring.startswith("M0 0h") and ring.endswith("Z")


def test_country_outlines_come_from_the_installed_package_clipped_and_small():
    codes = {c.code: c for c in geo.countries(OVERVIEW)}
    assert {"RUS", "PRK", "UKR", "CHN", "KOR", "MNG", "KAZ"} <= set(codes)
    assert sum(len(c.path) for c in codes.values()) < 20_000  # 22.8 KB as absolute coordinates
    panel = {c.code: c for c in geo.countries(PANEL)}
    assert {"RUS", "PRK", "CHN", "KOR"} <= set(panel) and "UKR" not in panel
    points = [p for c in panel.values() for ring in _points(c.path) for p in ring]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    assert 490 <= min(xs) and max(xs) <= 960 and 400 <= min(ys) and max(ys) <= 400 + PANEL.height + 0.5
    assert sum(len(c.path) for c in panel.values()) < 10_000


# --- estimates charts: estimator styles, labels and their placement -------------------

CSS = Path(__file__).resolve().parents[1] / "overrides" / "assets" / "stylesheets" / "data.css"


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_every_estimator_has_a_name_a_shape_and_a_colour_of_its_own():
    from sitekit import marks
    from sitekit.estimates_data import COUNTS, ESTIMATORS

    words = render.labels()
    for locale in ("ja", "en"):
        assert sorted(words[locale]["estimators"]) == sorted(ESTIMATORS)
        assert sorted(words[locale]["counts"]) == sorted(COUNTS)
    assert sorted(marks.SHAPES) == sorted(ESTIMATORS)
    assert len(set(marks.SHAPES.values())) == len(ESTIMATORS)  # shape and fill tell every series apart
    colours = dict(re.findall(r"\.by-([\w-]+) \{ color: (#[0-9a-f]{6}); \}", CSS.read_text(encoding="utf-8")))
    assert sorted(colours) == sorted(ESTIMATORS)
    assert len(set(colours.values())) == len(ESTIMATORS)
    for by, colour in colours.items():
        ratio = 1.05 / (_luminance(colour) + 0.05)  # against white
        assert ratio >= 4.5, f"{by}: {colour} has {ratio:.2f}:1 on white; labels in it need 4.5:1 (WCAG 1.4.3)"


@pytest.mark.parametrize("shape", ["circle", "square", "diamond", "hexagon", "pentagon", "plus", "cross", "star"])
def test_marker_shapes_are_closed_paths_centred_on_their_point(shape):
    from sitekit import marks

    d = marks.path(shape, 100, 50, 5)
    assert d.startswith("M") and d.endswith("Z")
    numbers = [float(n) for n in re.findall(r"-?[\d.]+", d)]
    if shape != "circle":  # the circle is written with relative arcs
        xs, ys = numbers[::2], numbers[1::2]
        assert abs((max(xs) + min(xs)) / 2 - 100) < 1.5 and abs((max(ys) + min(ys)) / 2 - 50) < 1.5
        assert 8 <= max(xs) - min(xs) <= 14


def test_a_label_goes_beside_its_mark_first_and_never_over_another():
    from sitekit.placement import layout, overlaps, place

    frame = (0.0, 0.0, 360.0, 200.0)
    mark = (95.0, 45.0, 105.0, 55.0)
    first = place(mark, "≈10,000", 13, [mark], frame)
    assert first and first.anchor == "start" and first.box[0] > mark[2] and first.leader is None  # to the right
    crowded = [(95.0 + 12 * i, 45.0, 105.0 + 12 * i, 55.0) for i in range(4)]  # four marks in a row
    labels = layout([(m, "≥3,000") for m in crowded], 13, crowded, frame, [])
    boxes = [label.box for label in labels if label] + crowded
    assert all(labels)
    assert not any(overlaps(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def test_a_label_with_no_free_place_is_left_out():
    from sitekit.placement import place

    mark = (0.0, 0.0, 10.0, 10.0)
    assert place(mark, "≈10,000", 13, [mark], (0.0, 0.0, 12.0, 12.0)) is None


def test_label_widths_count_cjk_as_one_em():
    from sitekit.placement import text_width

    assert text_width("約1万5000", 10) > text_width("≈15,000", 10)
    assert abs(text_width("北朝鮮", 10) - (30 * 1.04 + 2)) < 0.01


def test_chart_marks_that_would_cover_each_other_are_set_apart_but_stay_at_their_date():
    centres: list[tuple[float, float]] = []
    xs = []
    for _ in range(3):
        x = chart._dodge(100.0, 50.0, centres, 50.0, 350.0)
        centres.append((x, 50.0))
        xs.append(x)
    # Each one a radius aside at most: they overlap by half, but none stands at another date.
    assert xs[0] == 100.0 and len(set(xs)) == 3 and all(abs(x - 100.0) <= chart.R for x in xs)
    far = chart._dodge(100.0, 50.0, [(100.0, 30.0)], 50.0, 350.0)
    assert far == 100.0  # a mark well above or below is no reason to move


@pytest.mark.parametrize("top", [0.5, 1.15, 8.05, 28.75, 115, 13800, 1.15e9])
def test_chart_ticks_are_distinct_whole_numbers_for_any_largest_figure(top):
    step = chart._nice_step(top)
    ticks = chart._frange(0, math.ceil(top / step) * step, step)
    assert step >= 1 and all(float(t).is_integer() for t in ticks) and len(set(ticks)) == len(ticks) >= 2

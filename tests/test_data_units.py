"""Small pure functions behind the data pages: numbers, dates, chart scales, map projection."""

from __future__ import annotations

import datetime as dt
import math
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))

from sitekit import chart, geo, render  # noqa: E402
from sitekit.figures import cited, en_number, figure, ja_number  # noqa: E402
from sitekit.timeline_data import out_of_order  # noqa: E402


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
    assert render.localdate("2024-10", "ja") == "2024年10月"
    assert render.localdate("2024-10", "en") == "October 2024"


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


def test_country_outlines_come_from_the_installed_package_clipped_and_small():
    codes = {c.code: c for c in geo.countries(OVERVIEW)}
    assert {"RUS", "PRK", "UKR", "CHN", "KOR", "MNG", "KAZ"} <= set(codes)
    assert sum(len(c.path) for c in codes.values()) < 40_000
    panel = {c.code: c for c in geo.countries(PANEL)}
    assert {"RUS", "PRK", "CHN", "KOR"} <= set(panel) and "UKR" not in panel
    coords = [float(n) for c in panel.values() for n in re.findall(r"-?[\d.]+", c.path)]
    xs, ys = coords[0::2], coords[1::2]
    assert 490 <= min(xs) and max(xs) <= 960 and 400 <= min(ys) and max(ys) <= 400 + PANEL.height + 0.5
    assert sum(len(c.path) for c in panel.values()) < 20_000

"""Geometry of the estimates charts: one chart per kind of figure, one series per estimator.

A chart holds only figures of the given measures that count the same thing (`counts`), so
that no line joins a total to a plan or to a one-week tally. Each estimator's figures are one
series: its marks, labelled with the figure as stated, and one line joining them in date
order; a line never goes from one estimator to another. Only numbers and coordinates are
computed here; the markup is the template's (overrides/partials/estimates-chart.html).

The drawing is 360 units wide, as wide as a phone, and the page lays the charts out in cells
about that wide at any screen size (data.css), so its 13-unit text is drawn at 11–14 px.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import dates, marks
from .estimates_data import Estimate
from .figures import number
from .placement import Box, Placed, along, layout, text_width

WIDTH, HEIGHT = 360, 254
RIGHT, TOP, BOTTOM = 10, 10, 44  # BOTTOM fits the month and the year under the axis
FONT = 13  # labels and ticks, in SVG units
R = 5.5  # marker radius
ARROW = 11  # length of a bound's arrow beyond the mark
LOWER_BOUNDS, UPPER_BOUNDS = ("at-least", "more-than"), ("up-to",)


@dataclass
class Point:
    """One figure on the chart: its mark, its bound or range, its label and its tooltip."""

    x: float  # within R of date_x (_dodge)
    y: float  # the figure, or the middle of the range
    title: str
    mark: str  # path data of the marker
    whisker: str = ""  # path data of the range's bar, if a range
    bound: str = ""  # path data of the arrow of an "at least" / "up to" figure
    extent: Box = (0.0, 0.0, 0.0, 0.0)  # the mark with its arrow or bar
    label: Placed | None = None
    text: str = ""  # the label's text
    leader: str = ""  # path data of a line from the mark to a label set apart from it
    date_x: float = 0.0  # where the figure's date lies on the time axis


@dataclass
class Series:
    """One estimator's figures of this chart's kind, in date order, and the line through them."""

    by: str  # estimator key (docs/estimates.yml)
    name: str
    shape: str
    hollow: bool
    points: list[Point] = field(default_factory=list)
    line: str = ""
    swatch: str = ""  # the marker centred on 0 0, for the legend


def _nice_step(span: float, ticks: int = 4) -> float:
    # Figures are whole numbers: a step of 0.5 or 2.5 would print ticks 0, 0, 1, 1 or 2, 5, 8.
    raw = max(span / ticks, 1)
    power = 10 ** math.floor(math.log10(raw))
    return next(s for m in (1, 2, 2.5, 5, 10) if (s := m * power) >= raw and float(s).is_integer())


def _month_ticks(start: dt.date, end: dt.date, most: int = 6) -> list[dt.date]:
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    step = next(s for s in (1, 2, 3, 6, 12, 24) if months / s <= most)
    ticks, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        day = dt.date(year, month, 1)
        if start <= day <= end and (month - 1) % step == 0:
            ticks.append(day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return ticks


def _frange(low: float, high: float, step: float) -> list[float]:
    count = int(round((high - low) / step))
    return [low + i * step for i in range(count + 1)]


def _dodge(x: float, y: float, placed: list[tuple[float, float]], left: float, right: float) -> float:
    """x moved sideways so that the mark covers no other mark, but never by more than one
    radius (about four days on the widest chart): a mark moved further would stand at another
    date, and could pass a later figure (three estimates of 3,000 made a day apart once drew a
    fall from 13,000). Marks that still touch are told apart by their shapes, tooltips and the table."""
    clear = 2 * R + 1

    def room(nx: float) -> float:
        return min((math.hypot(nx - px, y - py) for px, py in placed), default=math.inf)

    candidates = [nx for nx in (x, x + R, x - R) if left + R <= nx <= right - R] or [x]
    return next((nx for nx in candidates if room(nx) >= clear), max(candidates, key=room))


def _arrow(x: float, y: float, up: bool) -> str:
    """An arrow from the mark's edge, pointing the way the true figure may lie."""
    sign = -1 if up else 1
    start, tip = y + sign * (R + 1), y + sign * (R + ARROW)
    back = tip - sign * 4.5
    return f"M{x:.1f} {start:.1f}V{tip:.1f}M{x - 3.5:.1f} {back:.1f}L{x:.1f} {tip:.1f}L{x + 3.5:.1f} {back:.1f}"


def _leader(point: Point) -> str:
    """A thin line from the edge of the mark to the label that had to move away from it."""
    assert point.label and point.label.leader
    x1, y1, x2, y2 = point.label.leader
    length = math.hypot(x2 - x1, y2 - y1)
    if length <= R + 2:
        return ""
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    return f"M{x1 + ux * (R + 1):.1f} {y1 + uy * (R + 1):.1f}L{x2 - ux:.1f} {y2 - uy:.1f}"


def build(
    estimates: list[Estimate],
    measures: tuple[str, ...],
    counts: str,
    locale: str,
    words: dict[str, Any],
    describe: Callable[[Estimate], str],
    short: Callable[[Estimate], str],
) -> dict[str, Any] | None:
    """Everything the chart template needs, or None when fewer than two figures are of this kind.

    `describe` gives a mark's tooltip (who, when, the figure), `short` its label (the figure)."""
    rows = sorted((e for e in estimates if e.measure in measures and e.counts == counts), key=lambda e: (e.as_of, e.line))
    if len(rows) < 2:
        return None
    days = [dt.date.fromisoformat(e.as_of) for e in rows]
    span = (max(days) - min(days)).days
    pad = max(14, span // 12) if span else 30
    start, end = min(days) - dt.timedelta(days=pad), max(days) + dt.timedelta(days=pad)
    top = max(e.high or e.low for e in rows) * 1.15 or 1  # room above the highest mark for its arrow and label
    step = _nice_step(top)
    y_max = math.ceil(top / step) * step
    tick_values = _frange(0, y_max, step)
    tick_labels = [number(v, locale) for v in tick_values]
    left = round(max(text_width(t, FONT) for t in tick_labels) + 8)  # "1万5000" is wider than "15,000"
    right, bottom = WIDTH - RIGHT, HEIGHT - BOTTOM
    plot_w, plot_h = right - left, bottom - TOP

    def x_of(day: dt.date) -> float:
        return left + plot_w * (day - start).days / max(1, (end - start).days)

    def y_of(value: float) -> float:
        return TOP + plot_h * (1 - value / y_max)

    series: dict[str, Series] = {}
    centres: list[tuple[float, float]] = []
    for estimate, day in zip(rows, days, strict=True):
        if estimate.estimator not in series:
            shape, hollow = marks.SHAPES[estimate.estimator]
            series[estimate.estimator] = Series(estimate.estimator, words["estimators"][estimate.estimator], shape, hollow)
        s = series[estimate.estimator]
        y = y_of(estimate.middle)
        x = _dodge(x_of(day), y, centres, left, right)
        centres.append((x, y))
        point = Point(x, y, describe(estimate), marks.path(s.shape, x, y, R), text=short(estimate), date_x=x_of(day))
        low_y, high_y = y - R, y + R
        if estimate.high is not None:
            y1, y2 = y_of(estimate.high), y_of(estimate.low)
            point.whisker = f"M{x:.1f} {y1:.1f}V{y2:.1f}M{x - 4:.1f} {y1:.1f}H{x + 4:.1f}M{x - 4:.1f} {y2:.1f}H{x + 4:.1f}"
            low_y, high_y = min(low_y, y1), max(high_y, y2)
        if estimate.qualifier in LOWER_BOUNDS + UPPER_BOUNDS:
            up = estimate.qualifier in LOWER_BOUNDS
            point.bound = _arrow(x, y, up)
            low_y, high_y = (y - R - ARROW, high_y) if up else (low_y, y + R + ARROW)
        point.extent = (x - R, low_y, x + R, high_y)
        s.points.append(point)
    lines: list[Box] = []
    for s in series.values():
        if len(s.points) > 1:
            s.line = "M" + "L".join(f"{p.x:.1f} {p.y:.1f}" for p in s.points)
            for a, b in zip(s.points, s.points[1:], strict=False):
                lines += along(a.x, a.y, b.x, b.y)
        s.swatch = marks.path(s.shape, 0, 0, R)
    # Labels last, once every mark is known: a label may cover no mark and no other label.
    points = [p for s in series.values() for p in s.points]
    frame = (left + 2.0, 0.0, float(WIDTH), bottom - 2.0)
    placed = layout([(p.extent, p.text) for p in points], FONT, [p.extent for p in points], frame, lines)
    for point, label in zip(points, placed, strict=True):
        point.label = label
        point.leader = _leader(point) if label and label.leader else ""
    y_ticks = [{"y": y_of(v), "label": label} for v, label in zip(tick_values, tick_labels, strict=True)]
    x_ticks = []
    for i, day in enumerate(_month_ticks(start, end)):
        month = dates.formatted(day, "month_tick", locale)
        year = dates.formatted(day, "year_tick", locale) if i == 0 or day.month == 1 else ""
        x_ticks.append({"x": x_of(day), "month": month, "year": year})
    return {
        "width": WIDTH, "height": HEIGHT, "left": left, "right": right, "top": TOP, "bottom": bottom, "font": FONT,
        "counts": counts, "measures": measures, "series": list(series.values()), "y_ticks": y_ticks, "x_ticks": x_ticks,
        "count": len(rows), "start": min(days), "end": max(days), "px_per_day": plot_w / max(1, (end - start).days),
    }

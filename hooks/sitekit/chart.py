"""Geometry of the estimates chart: scales, ticks and step lines, computed at build time.

Only numbers and coordinates are produced here; the markup is the template's
(overrides/partials/estimates-chart.html). The drawing is sized for a 360 px screen:
its viewBox is narrow, so that its text stays legible when scaled down.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

from .estimates_data import Estimate
from .figures import number

WIDTH, HEIGHT = 480, 300
LEFT, RIGHT, TOP, BOTTOM = 58, 14, 54, 44  # TOP leaves room for two rows of legend
MONTHS_EN = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


@dataclass
class Point:
    """One estimate placed on the chart."""

    x: float
    y: float  # the middle of the range, or the figure
    y_low: float
    y_high: float
    label: str  # tooltip text


@dataclass
class Series:
    """One measure's estimates, in date order, with the step line through them."""

    measure: str
    label: str
    index: int
    points: list[Point] = field(default_factory=list)
    path: str = ""
    legend: tuple[float, float] = (0.0, 0.0)  # where its key goes, above the plot


def _nice_step(span: float, ticks: int = 4) -> float:
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def _month_ticks(start: dt.date, end: dt.date) -> list[dt.date]:
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    step = next(s for s in (1, 2, 3, 6, 12, 24) if months / s <= 6)
    ticks, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        day = dt.date(year, month, 1)
        if start <= day <= end and (month - 1) % step == 0:
            ticks.append(day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return ticks


def _step_path(points: list[Point]) -> str:
    if not points:
        return ""
    parts = [f"M{points[0].x:.1f} {points[0].y:.1f}"]
    for point in points[1:]:
        parts.append(f"H{point.x:.1f}V{point.y:.1f}")
    return "".join(parts)


def build(estimates: list[Estimate], measures: tuple[str, ...], locale: str, words: dict[str, Any], describe: Any) -> dict[str, Any] | None:
    """Everything the chart template needs, or None when no estimate has these measures."""
    rows = sorted((e for e in estimates if e.measure in measures), key=lambda e: (e.as_of, measures.index(e.measure)))
    if not rows:
        return None
    dates = [dt.date.fromisoformat(e.as_of) for e in rows]
    pad = max(20, (max(dates) - min(dates)).days // 20)
    start, end = min(dates) - dt.timedelta(days=pad), max(dates) + dt.timedelta(days=pad)
    top = max(e.high or e.low for e in rows) * 1.08 or 1
    step = _nice_step(top)
    y_max = math.ceil(top / step) * step
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x_of(day: dt.date) -> float:
        return LEFT + plot_w * (day - start).days / max(1, (end - start).days)

    def y_of(value: float) -> float:
        return TOP + plot_h * (1 - value / y_max)

    series = {m: Series(m, words["measures"][m], i) for i, m in enumerate(measures)}
    for estimate, day in zip(rows, dates, strict=True):
        point = Point(x_of(day), y_of(estimate.middle), y_of(estimate.low), y_of(estimate.high or estimate.low), describe(estimate))
        series[estimate.measure].points.append(point)
    used = [s for s in series.values() if s.points]
    legend_x, legend_y = float(LEFT), 14.0
    for s in used:
        s.path = _step_path(s.points)
        width = 30 + sum(13 if ord(ch) > 0x2E80 else 7 for ch in s.label)
        if legend_x > LEFT and legend_x + width > WIDTH - RIGHT:
            legend_x, legend_y = float(LEFT), legend_y + 18
        s.legend = (legend_x, legend_y)
        legend_x += width + 24
    y_ticks = [{"y": y_of(v), "label": number(v, locale)} for v in _frange(0, y_max, step)]
    x_ticks = []
    for i, day in enumerate(_month_ticks(start, end)):
        month = f"{day.month}月" if locale == "ja" else MONTHS_EN[day.month - 1]
        year = (f"{day.year}年" if locale == "ja" else str(day.year)) if i == 0 or day.month == 1 else ""
        x_ticks.append({"x": x_of(day), "month": month, "year": year})
    return {
        "width": WIDTH, "height": HEIGHT, "left": LEFT, "right": WIDTH - RIGHT, "top": TOP, "bottom": HEIGHT - BOTTOM,
        "series": used, "y_ticks": y_ticks, "x_ticks": x_ticks, "count": len(rows),
        "start": min(dates), "end": max(dates),
    }


def _frange(low: float, high: float, step: float) -> list[float]:
    count = int(round((high - low) / step))
    return [low + i * step for i in range(count + 1)]

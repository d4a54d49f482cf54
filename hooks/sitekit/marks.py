"""Marker shapes of the chart series, as SVG path data centred on a point.

Every estimator has a shape of its own as well as a colour of its own (data.css, `.by-…`),
so that series stay apart for a reader who cannot tell the colours apart, and in print.
The same path, centred on 0 0, draws the estimator's key in the legend.
"""

from __future__ import annotations

import math

# estimator -> (shape, hollow). Hollow shapes are drawn white inside with a coloured outline.
# No triangles: beside the arrows of "at least" and "up to" figures they read as directions.
SHAPES: dict[str, tuple[str, bool]] = {
    "nis": ("circle", False),
    "rok-jcs": ("diamond", False),
    "rok-gov": ("hexagon", False),
    "us-gov": ("square", False),
    "zelensky": ("star", False),
    "ukr-gur": ("pentagon", False),
    "ukr-gov": ("pentagon", True),
    "uk-di": ("plus", False),
    "dprk": ("cross", False),
    "russia": ("star", True),
    "msmt": ("square", True),
    "media": ("circle", True),
    "independent": ("diamond", True),
}


def _polygon(points: list[tuple[float, float]]) -> str:
    return "M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in points) + "Z"


def _around(x: float, y: float, r: float, corners: int, turn: float) -> list[tuple[float, float]]:
    """The corners of a regular polygon of radius r, the first at angle `turn` (degrees from up)."""
    return [
        (x + r * math.sin(math.radians(turn + i * 360 / corners)), y - r * math.cos(math.radians(turn + i * 360 / corners)))
        for i in range(corners)
    ]


def path(shape: str, x: float, y: float, r: float) -> str:
    """Path data of one marker of about the same visual weight whatever its shape."""
    if shape == "circle":
        return f"M{x - r:.1f} {y:.1f}a{r:.1f} {r:.1f} 0 1 0 {2 * r:.1f} 0a{r:.1f} {r:.1f} 0 1 0 {-2 * r:.1f} 0Z"
    if shape == "square":
        s = r * 0.88
        return _polygon([(x - s, y - s), (x + s, y - s), (x + s, y + s), (x - s, y + s)])
    if shape == "diamond":
        return _polygon(_around(x, y, r * 1.2, 4, 0))
    if shape == "pentagon":
        return _polygon(_around(x, y + r * 0.08, r * 1.12, 5, 0))
    if shape == "hexagon":
        return _polygon(_around(x, y, r * 1.05, 6, 0))
    if shape in ("plus", "cross"):
        a, b = r * 1.15, r * 0.38  # arm length, half the arm's width
        arms = [(-b, -a), (b, -a), (b, -b), (a, -b), (a, b), (b, b), (b, a), (-b, a), (-b, b), (-a, b), (-a, -b), (-b, -b)]
        if shape == "cross":
            c = math.cos(math.radians(45))
            arms = [((u - v) * c, (u + v) * c) for u, v in arms]
        return _polygon([(x + u, y + v) for u, v in arms])
    if shape == "star":
        outer, inner = _around(x, y, r * 1.3, 5, 0), _around(x, y, r * 0.55, 5, 36)
        return _polygon([p for pair in zip(outer, inner, strict=True) for p in pair])
    raise ValueError(f"unknown marker shape {shape!r}")

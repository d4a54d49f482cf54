"""MkDocs hook: the map page of each language, from docs/places.yml and Natural Earth outlines.

A page carrying the line `<!-- map -->` gets an inline SVG map (30–140°E, 35–60°N) with
the places as labelled dots and the deployment route as a line, then a list of the places
with their role and sources, which is the map's text alternative.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from sitekit import geo, render, state
from sitekit.datasets import Dataset, json_download, register
from sitekit.figures import cited
from sitekit.places_data import Place, load_places

MARKER = "map"
JSON_NAME = "places.json"
HIGHLIGHT = ("PRK", "RUS", "UKR")
# Without a `route:` order in docs/places.yml, the route joins these places when present.
ROUTE_FALLBACK = ("pyongyang", "vladivostok", "kursk")
FONT = 18  # SVG units; the map is at least 600 px wide on screen (it scrolls on phones)


def _cited(places: dict[str, Place]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for place in places.values():
        counts.update(place.sources)
    return dict(counts)


def _text_width(text: str) -> float:
    return sum(FONT if ord(ch) > 0x2E80 else FONT * 0.58 for ch in text)


def _overlap_area(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def _label(x: float, y: float, text: str, taken: list[tuple[float, float, float, float]]) -> tuple[float, float, str]:
    """Put a label beside its dot where it overlaps the fewest labels and stays inside the map."""
    w, h = _text_width(text), FONT
    options = []
    for step in (1, 2.2):  # close to the dot first, then a little further out in a crowded area
        options += [
            (x + 10 * step, y + h / 3, "start"), (x - 10 * step, y + h / 3, "end"),
            (x, y - 12 * step, "middle"), (x, y + h + 8 * step, "middle"),
            (x + 8 * step, y - 8 * step, "start"), (x - 8 * step, y - 8 * step, "end"),
            (x + 8 * step, y + h + 4 * step, "start"), (x - 8 * step, y + h + 4 * step, "end"),
        ]

    def cost(option: tuple[float, float, str]) -> tuple[float, int]:
        lx, ly, anchor = option
        left = {"start": lx, "end": lx - w, "middle": lx - w / 2}[anchor]
        bbox = (left, ly - h, left + w, ly + 4)
        outside = max(0.0, -left) + max(0.0, left + w - geo.WIDTH) + max(0.0, -bbox[1]) + max(0.0, bbox[3] - geo.HEIGHT)
        return outside * h * 10 + sum(_overlap_area(bbox, t) for t in taken), options.index(option)

    best = min(options, key=cost)
    lx, ly, anchor = best
    left = {"start": lx, "end": lx - w, "middle": lx - w / 2}[anchor]
    taken.append((left, ly - h, left + w, ly + 4))
    return best


def _route(places: dict[str, Place]) -> list[Place]:
    ordered = sorted((p for p in places.values() if p.route is not None), key=lambda p: p.route or 0)
    if len(ordered) < 2:
        ordered = [places[pid] for pid in ROUTE_FALLBACK if pid in places]
    return ordered if len(ordered) >= 2 else []


def _route_path(stops: list[Place]) -> str:
    """Gentle curves between stops (bulging north), ending short of the last dot for the arrow."""
    points = [geo.project(p.lon, p.lat) for p in stops]
    parts = [f"M{points[0][0]:.0f} {points[0][1]:.0f}"]
    for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False):
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy) or 1
        nx, ny = -dy / length, dx / length
        if ny > 0:
            nx, ny = -nx, -ny
        bend = 0.15 * length
        cx, cy = (x1 + x2) / 2 + nx * bend, (y1 + y2) / 2 + ny * bend
        parts.append(f"Q{cx:.0f} {cy:.0f} {x2:.0f} {y2:.0f}")
    return "".join(parts)


def _coords(place: Place, locale: str) -> str:
    return render.labels()[locale]["map"]["coords"].format(lat=f"{place.lat:g}", lon=f"{place.lon:g}")


def _render(places: dict[str, Place], locale: str, context: dict[str, Any]) -> str:
    words = render.labels()[locale]
    text = words["map"]
    taken: list[tuple[float, float, float, float]] = []
    dots = []
    for place in sorted(places.values(), key=lambda p: -p.lat):
        x, y = geo.project(place.lon, place.lat)
        taken.append((x - 6, y - 6, x + 6, y + 6))
        dots.append((place, x, y))
    shown = []
    for place, x, y in dots:
        lx, ly, anchor = _label(x, y, place.name[locale], taken)
        shown.append(
            {
                "id": place.id, "name": place.name[locale], "role": place.role[locale], "x": x, "y": y,
                "label_x": lx, "label_y": ly, "anchor": anchor, "coords": _coords(place, locale),
                "role_cited": cited(place.role[locale], "".join(f"[^{sid}]" for sid in place.sources), locale),
            }
        )
    by_id = {s["id"]: s for s in shown}
    shown = [by_id[pid] for pid in places]  # the list keeps the file's order
    stops = _route(places)
    route_text = text["arrow"].join(p.name[locale] for p in stops)
    names = [p.name[locale] for p in places.values()]
    desc = text["desc"].format(places=text["sep"].join(names))
    if stops:
        desc += text["desc_route"].format(route=route_text)
    country_names = []
    for c in geo.countries():
        if c.code in text["countries"]:
            name = text["countries"][c.code]
            half = _text_width(name) / 2
            country_names.append({"x": min(max(c.label_x, half + 4), geo.WIDTH - half - 4), "y": max(c.label_y, FONT + 4), "name": name})
    template = state.ENV.get_template("partials/map.html")
    return template.render(
        width=geo.WIDTH, height=geo.HEIGHT, countries=geo.countries(), highlight=HIGHLIGHT, country_names=country_names,
        places=shown, route=_route_path(stops) if stops else "", route_text=route_text,
        title=text["title"], desc=desc, L=words, locale=locale,
    )


def _downloads(places: dict[str, Place]) -> dict[str, str]:
    return {JSON_NAME: json_download({"license": "CC BY 4.0", "places": [p.as_json() for p in places.values()]})}


register(Dataset(marker=MARKER, filename="places.yml", load=load_places, cited=_cited, render=_render, downloads=_downloads))


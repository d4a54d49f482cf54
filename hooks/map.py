"""MkDocs hook: the map page of each language, from docs/places.yml and Natural Earth outlines.

A page carrying the line `<!-- map -->` gets an inline SVG map: an overview (30–140°E,
35–60°N) and, under it, two detail panels (Ukraine and western Russia; North Korea and the
Russian Far East) where the crowded places are labelled. The places are dots, the deployment
route a line; a list of the places with their role and sources follows as the map's text
alternative.
"""

from __future__ import annotations

import math
from typing import Any

from sitekit import geo, render, state
from sitekit.datasets import Dataset, json_download, register
from sitekit.figures import cited
from sitekit.places_data import EAST, NORTH, SOUTH, WEST, Place, load_places

MARKER = "map"
JSON_NAME = "places.json"
HIGHLIGHT = ("PRK", "RUS", "UKR")
# Without a `route:` order in docs/places.yml, the route joins these places when present.
ROUTE_FALLBACK = ("pyongyang", "vladivostok", "kursk")
FONT = 18  # SVG units; the map is at least 600 px wide on screen (it scrolls on phones)
WIDTH = 960  # viewBox width
OVERVIEW = geo.Frame(WEST, EAST, SOUTH, NORTH, width=WIDTH)
# Two detail panels side by side under the overview: at the overview's scale the places of
# each cluster lie a few pixels apart and their names cannot be placed without overlapping.
# Places inside a panel are labelled there; the overview shows their dots and the panel's box.
DETAILS = {"west": (29.0, 39.5, 47.0, 54.0), "east": (124.0, 134.0, 37.6, 45.4)}
GAP, HEAD = 20, 34  # between the panels; room for a panel's title above it
Box = tuple[float, float, float, float]


def _panels() -> dict[str, geo.Frame]:
    width = (WIDTH - GAP) / 2
    top = OVERVIEW.height + GAP + HEAD
    return {key: geo.Frame(*box, width=width, left=i * (width + GAP), top=top) for i, (key, box) in enumerate(DETAILS.items())}


def _text_width(text: str) -> float:
    return sum(FONT if ord(ch) > 0x2E80 else FONT * 0.58 for ch in text)


def _overlap_area(a: Box, b: Box) -> float:
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def _label(x: float, y: float, text: str, taken: list[Box], frame: Box) -> tuple[float, float, str]:
    """Put a label beside its dot where it overlaps the fewest labels and stays inside its frame."""
    w, h = _text_width(text), FONT
    options = []
    for step in (1, 2.2):  # close to the dot first, then a little further out in a crowded area
        options += [
            (x + 10 * step, y + h / 3, "start"), (x - 10 * step, y + h / 3, "end"),
            (x, y - 12 * step, "middle"), (x, y + h + 8 * step, "middle"),
            (x + 8 * step, y - 8 * step, "start"), (x - 8 * step, y - 8 * step, "end"),
            (x + 8 * step, y + h + 4 * step, "start"), (x - 8 * step, y + h + 4 * step, "end"),
        ]

    def box(option: tuple[float, float, str]) -> Box:
        lx, ly, anchor = option
        left = {"start": lx, "end": lx - w, "middle": lx - w / 2}[anchor]
        return left, ly - h, left + w, ly + 4

    def cost(option: tuple[float, float, str]) -> tuple[float, int]:
        b = box(option)
        outside = max(0.0, frame[0] - b[0]) + max(0.0, b[2] - frame[2]) + max(0.0, frame[1] - b[1]) + max(0.0, b[3] - frame[3])
        return outside * h * 10 + sum(_overlap_area(b, t) for t in taken), options.index(option)

    best = min(options, key=cost)
    taken.append(box(best))
    return best


def _route(places: dict[str, Place]) -> list[Place]:
    ordered = sorted((p for p in places.values() if p.route is not None), key=lambda p: p.route or 0)
    if len(ordered) < 2:
        ordered = [places[pid] for pid in ROUTE_FALLBACK if pid in places]
    return ordered if len(ordered) >= 2 else []


def _route_path(frame: geo.Frame, stops: list[Place]) -> str:
    """Gentle curves between stops (bulging north), ending short of the last dot for the arrow."""
    points = [frame.project(p.lon, p.lat) for p in stops]
    parts = [f"M{points[0][0]:.0f} {points[0][1]:.0f}"]
    for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False):
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy) or 1
        nx, ny = -dy / length, dx / length
        if ny > 0:
            nx, ny = -nx, -ny
        bend = 0.15 * min(length, 0.3 * frame.width)  # a long leg leaving a panel must not loop back into it
        cx, cy = (x1 + x2) / 2 + nx * bend, (y1 + y2) / 2 + ny * bend
        parts.append(f"Q{cx:.0f} {cy:.0f} {x2:.0f} {y2:.0f}")
    return "".join(parts)


def _inside(x: float, y: float, box: Box) -> bool:
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _country_names(frame: geo.Frame, names: dict[str, str], taken: list[Box], boxes: list[Box]) -> list[dict[str, Any]]:
    """Country names at Natural Earth's label points, kept inside the frame; none inside a panel's box."""
    out = []
    left, top, right, bottom = frame.bounds()
    for c in geo.countries(frame):
        if c.code in names and not any(_inside(c.label_x, c.label_y, b) for b in boxes):
            name, half = names[c.code], _text_width(names[c.code]) / 2
            x, y = min(max(c.label_x, left + half + 4), right - half - 4), min(max(c.label_y, top + FONT + 4), bottom - 6)
            out.append({"x": x, "y": y, "name": name})
            taken.append((x - half, y - FONT, x + half, y + 4))
    return out


def _panel_boxes(frame: geo.Frame, hide: dict[str, geo.Frame]) -> dict[str, Box]:
    """Where each panel lies in this frame, cut to the frame."""
    left, top, right, bottom = frame.bounds()
    out = {}
    for key, panel in hide.items():
        (x1, y1), (x2, y2) = frame.project(panel.west, panel.north), frame.project(panel.east, panel.south)
        out[key] = (max(x1, left + 1), max(y1, top + 1), min(x2, right - 1), min(y2, bottom - 1))
    return out


def _frame(key: str, frame: geo.Frame, places: dict[str, Place], stops: list[Place], locale: str, hide: dict[str, geo.Frame]) -> dict[str, Any]:
    """One frame of the map: its outlines, names, route, and dots, labelled unless a panel shows them."""
    text = render.labels()[locale]["map"]
    taken: list[Box] = []
    boxes = _panel_boxes(frame, hide)
    country_names = _country_names(frame, text["countries"], taken, list(boxes.values()))
    inside = sorted((p for p in places.values() if frame.contains(p.lon, p.lat)), key=lambda p: -p.lat)
    dots = {p.id: frame.project(p.lon, p.lat) for p in inside}
    taken += [(x - 6, y - 6, x + 6, y + 6) for x, y in dots.values()]
    shown = []
    for place in inside:
        x, y = dots[place.id]
        label = None
        if not any(panel.contains(place.lon, place.lat) for panel in hide.values()):
            label = _label(x, y, place.name[locale], taken, frame.bounds())
        shown.append({"name": place.name[locale], "role": place.role[locale], "x": x, "y": y, "label": label})
    left, top, _, _ = frame.bounds()
    return {
        "id": key, "x": left, "y": top, "w": frame.width, "h": frame.height,
        "title": text["details"].get(key), "countries": geo.countries(frame),
        "country_names": country_names, "route": _route_path(frame, stops) if stops else "", "places": shown,
        "boxes": [{"x": b[0], "y": b[1], "w": b[2] - b[0], "h": b[3] - b[1], "key": text["details"][k]["key"]} for k, b in boxes.items()],
    }


def _refs(place: Place) -> str:
    return "".join(f"[^{sid}]" for sid in place.sources)


def _coords(place: Place, locale: str) -> str:
    return render.labels()[locale]["map"]["coords"].format(lat=f"{place.lat:g}", lon=f"{place.lon:g}")


def _render(places: dict[str, Place], locale: str, context: dict[str, Any]) -> str:
    words = render.labels()[locale]
    text = words["map"]
    stops = _route(places)
    panels = _panels()
    frames = [_frame("overview", OVERVIEW, places, stops, locale, hide=panels)]
    frames += [_frame(key, panel, places, stops, locale, hide={}) for key, panel in panels.items()]
    listed = [  # the list keeps the file's order
        {"id": p.id, "name": p.name[locale], "coords": _coords(p, locale), "role_cited": cited(p.role[locale], _refs(p), locale)}
        for p in places.values()
    ]
    route_text = text["arrow"].join(p.name[locale] for p in stops)
    area = text["area"]
    desc = text["desc"].format(
        area=area.format(west=OVERVIEW.west, east=OVERVIEW.east, south=OVERVIEW.south, north=OVERVIEW.north),
        details=text["sep"].join(text["details"][key]["name"] for key in DETAILS),
        places=text["sep"].join(p["name"] for p in listed),
    )
    if stops:
        desc += text["desc_route"].format(route=route_text)
    height = max(f["y"] + f["h"] for f in frames)
    template = state.ENV.get_template("partials/map.html")
    return template.render(
        width=WIDTH, height=height, frames=frames, highlight=HIGHLIGHT, places=listed, route=bool(stops), route_text=route_text,
        title=text["title"], desc=desc, L=words, locale=locale,
    )


def _downloads(places: dict[str, Place]) -> dict[str, str]:
    return {JSON_NAME: json_download({"license": "CC BY 4.0", "places": [p.as_json() for p in places.values()]})}


register(Dataset(marker=MARKER, filename="places.yml", load=load_places, render=_render, downloads=_downloads))


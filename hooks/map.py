"""MkDocs hook: the map page of each language, from docs/places.yml and Natural Earth outlines.

A page carrying the line `<!-- map -->` gets an inline SVG map: an overview (30–140°E,
35–60°N) and, under it, two detail panels (Ukraine and western Russia; North Korea and the
Russian Far East) where the crowded places are labelled. The places are dots, the deployment
route a line; a list of the places with their role and sources follows as the map's text
alternative.

Each of the three is its own SVG, so that the panels sit side by side on a wide screen and
one above the other on a phone, each as wide as the screen (data.css). The overview, 960
units wide, would shrink its names to 6 px on a phone: it carries a second set of names and
dots drawn at twice the size, which the stylesheet shows instead below 660 px
(the "artboards" of newsroom graphics, in one drawing).
"""

from __future__ import annotations

import math
from typing import Any

from mkdocs.utils import get_relative_url
from sitekit import geo, render, state
from sitekit.datasets import Dataset, json_download, register
from sitekit.figures import cited
from sitekit.placement import Box, beside_dot, overlap_area, text_box, text_width
from sitekit.places_data import EAST, NORTH, SOUTH, WEST, Place, load_places

MARKER = "map"
JSON_NAME = "places.json"
HIGHLIGHT = ("PRK", "RUS", "UKR")
# Without a `route:` order in docs/places.yml, the route joins these places when present.
ROUTE_FALLBACK = ("pyongyang", "vladivostok", "kursk")
FONT = 18  # SVG units: 11-13 px on screen for a panel (470 units) at 330 px or the overview at 660 px and up
NARROW_FONT = 36  # the overview's names when it is drawn narrower than 660 px: 12.3 px at 328 px
WIDTH = 960  # the overview's viewBox width
PANEL_WIDTH = 470  # a detail panel's: about a phone's width, or half the column on a wide screen
OVERVIEW = geo.Frame(WEST, EAST, SOUTH, NORTH, width=WIDTH)
# Two detail panels under the overview: at the overview's scale the places of each cluster
# lie a few pixels apart and their names cannot be placed without overlapping.
# Places inside a panel are labelled there; the overview shows their dots and the panel's box.
DETAILS = {"west": (29.0, 39.5, 47.0, 54.0), "east": (124.0, 134.0, 37.6, 45.4)}


def _panels() -> dict[str, geo.Frame]:
    return {key: geo.Frame(*box, width=PANEL_WIDTH) for key, box in DETAILS.items()}


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


def _country_names(frame: geo.Frame, names: dict[str, str], taken: list[Box], boxes: list[Box], font: float) -> list[dict[str, Any]]:
    """Country names at Natural Earth's label points, kept inside the frame, in the order of
    labels.yml (the countries of the story first); a name that would touch a panel's box or
    a name already placed is left out (at the overview's phone size South Korea meets Japan)."""
    out = []
    left, top, right, bottom = frame.bounds()
    found = {c.code: c for c in geo.countries(frame)}
    for code, name in names.items():
        c = found.get(code)
        if c is None or any(_inside(c.label_x, c.label_y, b) for b in boxes):
            continue
        half = text_width(name, font, margin=False) / 2
        x, y = min(max(c.label_x, left + half + 4), right - half - 4), min(max(c.label_y, top + font + 4), bottom - 6)
        box = text_box(x, y, name, font, "middle", margin=False)
        if any(overlap_area(box, b) for b in taken + boxes):
            continue
        out.append({"x": x, "y": y, "name": name})
        taken.append(box)
    return out


def _panel_boxes(frame: geo.Frame, hide: dict[str, geo.Frame]) -> dict[str, Box]:
    """Where each panel lies in this frame, cut to the frame."""
    left, top, right, bottom = frame.bounds()
    out = {}
    for key, panel in hide.items():
        (x1, y1), (x2, y2) = frame.project(panel.west, panel.north), frame.project(panel.east, panel.south)
        out[key] = (max(x1, left + 1), max(y1, top + 1), min(x2, right - 1), min(y2, bottom - 1))
    return out


def _layer(frame: geo.Frame, places: dict[str, Place], locale: str, hide: dict[str, geo.Frame], font: float) -> dict[str, Any]:
    """The names and dots of one frame at one text size: country names first, then each
    place's name beside its dot unless a detail panel shows it."""
    text = render.labels()[locale]["map"]
    country_font, dot = max(font * 0.89, font - 3), 6 * font / FONT  # 16 at 18, 33 at 36: 11 px or more on a phone
    taken: list[Box] = []
    boxes = _panel_boxes(frame, hide)
    inside = sorted((p for p in places.values() if frame.contains(p.lon, p.lat)), key=lambda p: -p.lat)
    dots = {p.id: frame.project(p.lon, p.lat) for p in inside}
    taken += [(x - dot, y - dot, x + dot, y + dot) for x, y in dots.values()]
    keys = [{"x": b[0] + 4, "y": b[1] + font, "key": text["details"][k]["key"]} for k, b in boxes.items()]
    taken += [(k["x"], k["y"] - font, k["x"] + font, k["y"] + 4) for k in keys]
    shown = []
    for place in inside:
        x, y = dots[place.id]
        label = None
        if not any(panel.contains(place.lon, place.lat) for panel in hide.values()):
            # On a phone the overview's names are large: a name with no free place is left out
            # (its dot keeps its hover title; the list under the map names every place).
            # Offsets grow with the text (unit: 1 at FONT).
            label = beside_dot(x, y, place.name[locale], taken, frame.bounds(), font, dot, font / FONT, crowded_ok=font <= FONT)
        shown.append({"name": place.name[locale], "role": place.role[locale], "x": x, "y": y, "label": label})
    # Country names last: one that would touch a place's name is left out, not the place's.
    country_names = _country_names(frame, text["countries"], taken, list(boxes.values()), country_font)
    return {"font": font, "country_font": country_font, "dot": dot, "country_names": country_names, "places": shown, "box_keys": keys}


def _frame(key: str, frame: geo.Frame, places: dict[str, Place], stops: list[Place], locale: str, hide: dict[str, geo.Frame]) -> dict[str, Any]:
    """One SVG of the map: its outlines, route and panel boxes, and its layers of names and dots
    (the overview has one for wide screens and one, with larger text, for narrow ones)."""
    text = render.labels()[locale]["map"]
    boxes = _panel_boxes(frame, hide)
    layers = {"wide": _layer(frame, places, locale, hide, FONT)}
    if hide:  # the overview: it alone is too wide for a phone at FONT
        layers["narrow"] = _layer(frame, places, locale, hide, NARROW_FONT)
    return {
        "id": key, "w": frame.width, "h": frame.height, "title": text["details"].get(key),
        "countries": geo.countries(frame), "route": _route_path(frame, stops) if stops else "", "layers": layers,
        "boxes": [{"x": b[0], "y": b[1], "w": b[2] - b[0], "h": b[3] - b[1]} for b in boxes.values()],
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
    # Each frame is made from the places, the route and the language (and the templates' labels).
    inputs = (locale, places, stops)
    frames = [state.reused("map", ("overview", *inputs), lambda: _frame("overview", OVERVIEW, places, stops, locale, hide=panels))]
    frames += [state.reused("map", (key, *inputs), lambda k=key, p=panel: _frame(k, p, places, stops, locale, hide={}))
               for key, panel in panels.items()]
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
    template = state.ENV.get_template("partials/map.html")
    page = context["page"]
    return template.render(
        frames=frames, highlight=HIGHLIGHT, places=listed, route=bool(stops), route_text=route_text,
        title=text["title"], desc=desc, L=words, locale=locale, page=page, json_url=get_relative_url(JSON_NAME, page.url),
    )


def _downloads(places: dict[str, Place]) -> dict[str, str]:
    return {JSON_NAME: json_download({"license": "CC BY 4.0", "places": [p.as_json() for p in places.values()]})}


register(Dataset(marker=MARKER, filename="places.yml", load=load_places, render=_render, downloads=_downloads))


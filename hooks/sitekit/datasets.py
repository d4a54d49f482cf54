"""Data files that pages render at a marker line (`<!-- timeline -->`), cited like prose.

A data set validates its YAML file beside the registry; its rendering is Markdown with
[^id] citations, expanded inside the page's own conversion (sitekit.mdx), so the
page carrying its marker is checked exactly like hand-written text.
Renderers register themselves here with `register()`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from .mdx.data_markers import MARKER
from .problems import Problem
from .registry import Source


class Renderer(Protocol):
    """Turns a loaded data set into Markdown (citations as [^id]) for one language."""

    def __call__(self, data: Any, locale: str, context: dict[str, Any]) -> str: ...


@dataclass
class Dataset:
    """A data file rendered at a marker: how to load it and how to render it."""

    marker: str
    filename: str  # relative to docs/, or "" when the data set is the registry itself
    load: Callable[[Path, str, dict[str, Source]], tuple[Any, list[Problem]]] | None  # None: the registry itself
    render: Renderer
    # file name in the site root -> its text, published once per build for re-use (CSV, JSON)
    downloads: Callable[[Any], dict[str, str]] | None = None
    # Its rendering links to what the other pages of its language cite (the sources page): the
    # page carrying it is converted after all of them (lists_citations).
    lists_citations: bool = False


DATASETS: dict[str, Dataset] = {}


def register(dataset: Dataset) -> None:
    """Make a data set available to pages through its marker."""
    DATASETS[dataset.marker] = dataset


def lists_citations(markdown: str) -> bool:
    """Whether a page's Markdown carries the marker of a data set that lists what the other
    pages of its language cite: such a page is converted after every other page."""
    return any(DATASETS[name].lists_citations for name in MARKER.findall(markdown) if name in DATASETS)


def json_download(payload: dict[str, Any]) -> str:
    """A download's JSON text: readable, UTF-8 as is (Japanese stays legible)."""
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"

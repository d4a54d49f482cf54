"""MkDocs hook: the sources page of each language, generated from the registry, and its JSON.

A page carrying the line `<!-- sources -->` gets every registry entry there, grouped by
type, each with back-links to every place that cites it in the page's language.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url
from sitekit import render, state
from sitekit.datasets import Dataset, register
from sitekit.registry import Source

JSON_NAME = "sources.json"
# Primary and official sources first, then reporting and commentary.
GROUP_ORDER = ("government", "intelligence", "international-org", "treaty-text", "state-media", "news", "analysis", "encyclopedia")


def _load(path: Path, shown: str, sources: dict[str, Source]) -> tuple[dict[str, Source], list]:
    return sources, []


def _places(source_id: str, locale: str, context: dict[str, Any]) -> list[dict[str, Any]]:
    """Every page of `locale` citing the source, with one link per reference on it."""
    page, files = context["page"], context["files"]
    places = []
    for (loc, rel), counts in sorted(state.SITE.cites.per_page.items()):
        target = files.get_file_from_path(f"{loc}/{rel}")
        if loc != locale or source_id not in counts or target is None:
            continue
        url = get_relative_url(target.url, page.url)
        anchors = [f"{url}#fnref{'' if n == 1 else n}:{source_id}" for n in range(1, counts[source_id] + 1)]
        places.append({"title": state.SITE.pages[(loc, rel)].meta.get("title", rel), "anchors": anchors})
    return places


def _render(sources: dict[str, Source], locale: str, context: dict[str, Any]) -> str:
    groups = []
    for kind in GROUP_ORDER:
        members = sorted((s for s in sources.values() if s.type == kind), key=lambda s: (s.publisher[locale], s.id))
        if members:
            entries = [
                {"source": s, "citation": render.citation(state.ENV, s, locale), "places": _places(s.id, locale, context)}
                for s in members
            ]
            groups.append({"type": kind, "entries": entries})
    json_url = get_relative_url(JSON_NAME, context["page"].url)
    template = state.ENV.get_template("partials/source-list.html")
    return template.render(groups=groups, locale=locale, L=render.labels()[locale], json_url=json_url, total=len(sources))


register(Dataset(marker="sources", filename="", load=_load, cited=lambda data: {}, render=_render))


# Publish the registry once, after the last language pass, as a download for re-use.
@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    payload = {
        "license": "CC BY 4.0 (this list); each source belongs to its publisher",
        "sources": [s.as_json() for s in sorted(state.SITE.sources.values(), key=lambda s: s.id)],
    }
    out = Path(state.SITE.site_dir) / JSON_NAME
    out.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

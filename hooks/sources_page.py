"""MkDocs hook: the sources page of each language, generated from the registry, and its JSON.

A page carrying the line `<!-- sources -->` gets every registry entry there, grouped by
type, each with back-links to every place that cites it in the page's language.
"""

from __future__ import annotations

from typing import Any

from mkdocs.utils import get_relative_url
from sitekit import footnote_ids, registry, render, state
from sitekit.datasets import Dataset, json_download, register

JSON_NAME = "sources.json"


def _places(locale: str, context: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """For each source, the pages of `locale` citing it, with one link per reference."""
    page = context["page"]
    by_uri = {f.src_uri: f for f in context["files"] or []}  # no files: checked before the build
    places: dict[str, list[dict[str, Any]]] = {}
    for (loc, rel), counts in sorted(state.SITE.cites.per_page.items()):
        target = by_uri.get(f"{loc}/{rel}")
        if loc != locale or target is None:
            continue
        url = get_relative_url(target.url, page.url)
        title = state.SITE.pages[(loc, rel)].meta.get("title", rel)
        for sid, count in counts.items():
            anchors = [f"{url}#{footnote_ids.ref_id(sid, n)}" for n in range(1, count + 1)]
            places.setdefault(sid, []).append({"title": title, "anchors": anchors})
    return places


def _render(sources: dict[str, registry.Source], locale: str, context: dict[str, Any]) -> str:
    places = _places(locale, context)
    groups = []
    for kind in registry.TYPES:  # the registry's one list of types, in the page's order
        members = sorted((s for s in sources.values() if s.type == kind), key=lambda s: (s.publisher[locale], s.id))
        if members:
            entries = [
                {"source": s, "citation": state.citation(s.id, locale), "places": places.get(s.id, [])}
                for s in members
            ]
            groups.append({"type": kind, "entries": entries})
    json_url = get_relative_url(JSON_NAME, context["page"].url)
    template = state.ENV.get_template("partials/source-list.html")
    return template.render(
        groups=groups, locale=locale, L=render.labels()[locale], json_url=json_url, total=len(sources), page=context["page"]
    )


def _downloads(sources: dict[str, registry.Source]) -> dict[str, str]:
    listed = [s.as_json() for s in sorted(sources.values(), key=lambda s: s.id)]
    return {JSON_NAME: json_download({"license": "CC BY 4.0 (this list); each source belongs to its publisher", "sources": listed})}


register(Dataset(marker="sources", filename="", load=None, render=_render, downloads=_downloads, lists_citations=True))


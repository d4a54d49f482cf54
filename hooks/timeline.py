"""MkDocs hook: the timeline page of each language, from docs/timeline.yml, and its JSON.

A page carrying the line `<!-- timeline -->` gets every event there, grouped by year,
with a theme filter that needs no JavaScript (radio buttons and CSS `:has()`); with CSS
off or unsupported, every event stays visible.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from mkdocs.utils import get_relative_url
from sitekit import dates, render, state
from sitekit.datasets import Dataset, json_download, register
from sitekit.figures import cited
from sitekit.timeline_data import THEMES, Event, load_timeline

MARKER = "timeline"
JSON_NAME = "timeline.json"


def _place(event: Event, locale: str, context: dict[str, Any]) -> dict[str, str] | None:
    """The event's place in the page's language, linked to the map when there is one."""
    places = state.SITE.cites.data.get("map") or {}
    place = places.get(event.place) if event.place else None
    if place is None:
        return None
    page, files = context["page"], context["files"]
    target = files.get_file_from_path(f"{locale}/map.md") if files is not None else None
    url = None
    if target is not None:
        url = get_relative_url(target.url, page.url) + f"#place-{place.id}"
    return {"name": place.name[locale], "url": url}


def _render(events: list[Event], locale: str, context: dict[str, Any]) -> str:
    words = render.labels()[locale]
    counts = Counter(event.theme for event in events)
    themes = [{"id": t, "label": words["themes"][t], "count": counts[t]} for t in THEMES if counts[t]]
    years: list[dict[str, Any]] = []
    anchors: Counter[str] = Counter()
    for event in events:
        if not years or years[-1]["year"] != event.year:
            label = words["timeline"]["year"].format(year=event.year)
            years.append({"year": event.year, "label": label, "anchor": f"year-{event.year}", "events": []})
        anchors[event.date] += 1
        suffix = "" if anchors[event.date] == 1 else f"-{anchors[event.date]}"
        years[-1]["events"].append(
            {
                "anchor": f"ev-{event.date}{suffix}",
                "date": event.date,
                "date_label": dates.localdate(event.date, locale),
                "theme": event.theme,
                "theme_label": words["themes"][event.theme],
                "text": cited(event.text[locale], "".join(f"[^{sid}]" for sid in event.sources), locale),
                "place": _place(event, locale, context),
            }
        )
    json_url = get_relative_url(JSON_NAME, context["page"].url)
    template = state.ENV.get_template("partials/timeline.html")
    return template.render(themes=themes, years=years, total=len(events), L=words, json_url=json_url, page=context["page"])


def _downloads(events: list) -> dict[str, str]:
    return {JSON_NAME: json_download({"license": "CC BY 4.0", "themes": list(THEMES), "events": [e.as_json() for e in events]})}


register(Dataset(marker=MARKER, filename="timeline.yml", load=load_timeline, render=_render, downloads=_downloads))


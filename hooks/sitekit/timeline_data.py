"""docs/timeline.yml: dated events, oldest first, each with a theme, both languages and sources."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import i18n
from . import messages as M
from .datafields import Fields, hint, load_list
from .places_data import place_ids
from .problems import Problem
from .registry import Source
from .yamlfiles import line_of

THEMES = ("treaty", "weapons", "deployment", "reactions")
REQUIRED = ("date", "theme", *i18n.locales(), "sources")
OPTIONAL = ("place",)


@dataclass
class Event:
    """One validated timeline event."""

    date: str  # YYYY-MM-DD or YYYY-MM
    theme: str
    text: dict[str, str]
    sources: list[str]
    line: int
    place: str | None = None

    @property
    def year(self) -> int:
        return int(self.date[:4])

    def as_json(self) -> dict[str, Any]:
        """The event as published in the JSON download."""
        out = {"date": self.date, "theme": self.theme, **self.text}
        return {**out, **({"place": self.place} if self.place else {}), "sources": self.sources}


def order_key(date: str) -> tuple[int, ...]:
    """(year, month[, day]): a month-only date neither precedes nor follows days of its month."""
    return tuple(int(part) for part in date.split("-"))


def out_of_order(before: str, after: str) -> bool:
    """True if `after` is earlier than `before` (compared at the coarser precision of the two)."""
    a, b = order_key(before), order_key(after)
    n = min(len(a), len(b))
    return b[:n] < a[:n]


def _event(
    node: Any, index: int, shown: str, line: int, sources: dict[str, Source], places: set[str] | None, today: dt.date
) -> tuple[Event | None, list[Problem]]:
    problems: list[Problem] = []
    f = Fields(node, shown, problems)
    if not f.shape(index, line, REQUIRED, OPTIONAL, "date"):
        return None, problems
    date = f.date("date", today, month_ok=True)
    theme = f.choice("theme", THEMES)
    text = {lang: f.text(lang) for lang in i18n.locales()}
    place = f.text("place") if "place" in node else None
    if place is not None and place not in (places or set()):
        if places is None:
            f.add("place", M.NO_PLACES_FILE, place=place)
        else:
            f.add("place", M.UNKNOWN_PLACE, place=place, hint=hint(place, places, M.ADD_PLACE()))
    ids = f.sources("sources", sources)
    if not f.ok or None in (date, theme, *text.values(), ids):
        return None, problems
    return Event(date, theme, text, ids, line_of(node), place), problems


def load_timeline(path: Path, shown: str, sources: dict[str, Source], today: dt.date | None = None) -> tuple[list[Event] | None, list[Problem]]:
    """Load and validate the timeline; events must be oldest first."""
    data, problems = load_list(path, shown, "event", "date")
    if data is None:
        return None, problems
    places = place_ids(path.parent)
    events: list[Event] = []
    last_line = 0
    for index, node in enumerate(data):
        event, found = _event(node, index, shown, line_of(data, index), sources, places, today or dt.date.today())
        problems.extend(found)
        if event is None:
            continue
        line = line_of(node, "date")
        if events and out_of_order(events[-1].date, event.date):
            problems.append(M.OUT_OF_ORDER.at(shown, line, date=event.date, before=events[-1].date, line=last_line))
        events.append(event)
        last_line = line
    return events, problems

"""MkDocs hook: "who this page relies on", the distinct sources a page cites by origin and by type.

Almost every fact on this subject comes from a party with a stake, so each article page shows,
under its citation block, how many of its sources come from each country (the registry's
`origin`) and of each type; the sources page shows the same for the whole registry and the
controls that narrow its list (overrides/partials/source-mix.html, source-filter.html).
Counts come from what the checks recorded each page cites (every footnote, notes included),
so they add up to the page's distinct sources and agree between the two languages.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from sitekit import origins, registry, render, state

SHOWN_IN_GIST = 5  # origins named in the one-line summary; the rest are "others"


def _shares(counts: Counter[str], names: dict[str, str], order: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Each key with its count and share of the total, largest first (or in `order`)."""
    total = sum(counts.values()) or 1
    keys = [k for k in order if counts[k]] if order is not None else sorted(counts, key=lambda k: (-counts[k], names[k]))
    return [{"code": k, "name": names[k], "count": counts[k], "percent": round(100 * counts[k] / total, 1)} for k in keys]


def mix(sources: Iterable[registry.Source], locale: str) -> dict[str, Any]:
    """The breakdown the block shows: total, by origin, by type, and the gist's first origins."""
    sources = list(sources)
    words = render.labels()[locale]
    by_origin = Counter(s.origin for s in sources)
    origin_names = {code: origins.name(code, locale, words["origins"]) for code in by_origin}
    origin_rows = _shares(by_origin, origin_names)
    others = sum(row["count"] for row in origin_rows[SHOWN_IN_GIST:])
    return {
        "locale": locale,
        "total": len(sources),
        "origins": origin_rows,
        "types": _shares(Counter(s.type for s in sources), words["types"], registry.TYPES),
        "gist": origin_rows[:SHOWN_IN_GIST],
        "others": others,
        "stack": _stack([row["count"] for row in origin_rows[:SHOWN_IN_GIST]] + ([others] if others else [])),
    }


def _stack(counts: list[int]) -> list[dict[str, float]]:
    """The summary bar's segments (x and width in % of its length), in the gist's order."""
    total, at, out = sum(counts) or 1, 0, []
    for count in counts:
        out.append({"x": round(100 * at / total, 2), "width": round(100 * count / total, 2)})
        at += count
    return out


def languages(sources: Iterable[registry.Source], locale: str) -> list[dict[str, Any]]:
    """The languages the registry's sources are written in, with counts, for the list filter."""
    counts = Counter(s.language for s in sources)
    names = {code: render.language_name(code, locale) for code in counts}
    return _shares(counts, names)


# The breakdown of an article page's sources, or of the whole registry on the sources page.
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    key = state.page_key(page)
    checked, sources = state.SITE.pages.get(key), state.SITE.sources
    if checked is None or checked.view is None:
        return context
    if "sources" in checked.view.markers:
        context["source_mix"] = {**mix(sources.values(), key[0]), "scope": "site"}
        context["source_filter"] = {"languages": languages(sources.values(), key[0])}
    elif checked.is_article:
        cited = state.SITE.cites.per_page.get(key, {})
        context["source_mix"] = {**mix((sources[sid] for sid in cited if sid in sources), key[0]), "scope": "page"}
    return context

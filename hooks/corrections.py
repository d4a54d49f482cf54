"""MkDocs hook: the corrections log of each language, from docs/corrections.yml.

A page carrying the line `<!-- corrections -->` gets every correction there, newest first,
each linked to the page it corrected and citing its sources; with no correction yet, a
localized "no corrections so far" line.
"""

from __future__ import annotations

from typing import Any

from mkdocs.utils import get_relative_url
from sitekit import render, state
from sitekit.corrections_data import FILENAME, Correction, load_corrections
from sitekit.datasets import Dataset, register
from sitekit.feed_entries import feed_path


def _render(entries: list[Correction], locale: str, context: dict[str, Any]) -> str:
    rows = []
    for entry in entries:
        page = state.SITE.pages.get((locale, entry.page))
        title = page.meta.get("title", entry.page) if page else entry.page
        rows.append({"entry": entry, "title": title, "text": entry.text[locale]})
    template = state.ENV.get_template("partials/corrections.html")
    feed_url = get_relative_url(feed_path(locale), context["page"].url)
    return template.render(rows=rows, locale=locale, L=render.labels()[locale], feed_url=feed_url)


register(Dataset(marker="corrections", filename=FILENAME, load=load_corrections, render=_render))

"""MkDocs hook: the estimates page of each language, from docs/estimates.yml, and its downloads.

A page carrying the line `<!-- estimates -->` gets two build-time SVG charts (troop and
casualty estimates over time) and one table per measure, each row citing its sources.
The data are published as estimates.csv and estimates.json at the site root.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from typing import Any

from mkdocs.utils import get_relative_url
from sitekit import chart, render, state
from sitekit.datasets import Dataset, json_download, register
from sitekit.estimates_data import MEASURES, Estimate, load_estimates
from sitekit.figures import figure

MARKER = "estimates"
CSV_NAME, JSON_NAME = "estimates.csv", "estimates.json"
CHARTS = {"troops": ("troops-sent", "troops-present"), "casualties": ("casualties", "killed")}


def _cited(estimates: list[Estimate]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for estimate in estimates:
        counts.update(estimate.sources)
    return dict(counts)


def _cell(text: str) -> str:
    """Text safe inside one Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def _figure(e: Estimate, locale: str) -> str:
    return figure(e.low, e.high, e.qualifier, e.measure, locale, render.labels())


def _chart(estimates: list[Estimate], key: str, locale: str) -> str:
    words = render.labels()[locale]

    def describe(e: Estimate) -> str:
        return f"{e.by[locale]}: {_figure(e, locale)} ({render.localdate(e.as_of, locale)})"

    c = chart.build(estimates, CHARTS[key], locale, words, describe)
    if c is None:
        return ""
    text = words["estimates"]
    series = text["series_sep"].join(s.label for s in c["series"])
    start, end = render.localdate(c["start"], locale), render.localdate(c["end"], locale)
    period = text["period_one"].format(start=start) if start == end else text["period"].format(start=start, end=end)
    count = text["count_one"] if c["count"] == 1 else text["count"].format(n=c["count"])
    desc = text["desc"].format(period=period, count=count, series=series)
    template = state.ENV.get_template("partials/estimates-chart.html")
    return template.render(c=c, key=key, locale=locale, title=text[f"{key}_title"], desc=desc).strip()


def _render(estimates: list[Estimate], locale: str, context: dict[str, Any]) -> str:
    words = render.labels()[locale]
    measures = []
    for measure in MEASURES:
        rows = sorted((e for e in estimates if e.measure == measure), key=lambda e: e.as_of)
        if rows:
            cells = [
                {
                    "figure": _cell(_figure(e, locale)),
                    "by": _cell(e.by[locale]),
                    "when": render.localdate(e.as_of, locale),
                    "note": _cell(e.note[locale]) if e.note else "",
                    "cites": "".join(f"[^{sid}]" for sid in e.sources),
                }
                for e in rows
            ]
            measures.append({"id": measure, "label": words["measures"][measure], "rows": cells})
    charts = [c for c in (_chart(estimates, key, locale) for key in CHARTS) if c]
    page = context["page"]
    template = state.ENV.get_template("partials/estimates.html")
    return template.render(
        charts=charts, measures=measures, L=words, page=page,
        csv_url=get_relative_url(CSV_NAME, page.url), json_url=get_relative_url(JSON_NAME, page.url),
    )


def _downloads(estimates: list) -> dict[str, str]:
    payload = {"license": "CC BY 4.0", "measures": list(MEASURES), "estimates": [e.as_json() for e in estimates]}
    return {JSON_NAME: json_download(payload), CSV_NAME: _csv(estimates)}


register(Dataset(marker=MARKER, filename="estimates.yml", load=load_estimates, cited=_cited, render=_render, downloads=_downloads))


def _csv(estimates: list[Estimate]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["measure", "low", "high", "qualifier", "as_of", "by_ja", "by_en", "note_ja", "note_en", "sources"])
    for e in estimates:
        note = e.note or {"ja": "", "en": ""}
        row = [e.measure, e.low, e.high or "", e.qualifier, e.as_of, e.by["ja"], e.by["en"], note["ja"], note["en"], " ".join(e.sources)]
        writer.writerow(row)
    return out.getvalue()


"""MkDocs hook: the estimates page of each language, from docs/estimates.yml, and its downloads.

A page carrying the line `<!-- estimates -->` gets build-time SVG charts, one per kind of
figure (CHARTS: troops sent so far, troops at the front, casualties and deaths so far) with one
series per estimator, and one table per measure listing every figure, each row citing its
sources. The data are published as estimates.csv and estimates.json at the site root.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from mkdocs.utils import get_relative_url
from sitekit import chart, dates, i18n, render, state
from sitekit.datasets import Dataset, json_download, register
from sitekit.estimates_data import COUNTS, ESTIMATORS, MEASURES, Estimate, load_estimates
from sitekit.figures import figure, number

MARKER = "estimates"
CSV_NAME, JSON_NAME = "estimates.csv", "estimates.json"
TROOPS = ("troops-sent", "troops-present")
# chart id -> the measures and the one kind of count it compares. Plans, single groups and
# single periods have no chart: set beside cumulative totals they read as rises and falls.
CHARTS: dict[str, tuple[tuple[str, ...], str]] = {
    "troops": (TROOPS, "to-date"),
    "front": (TROOPS, "at-front"),
    "casualties": (("casualties",), "to-date"),
    "killed": (("killed",), "to-date"),
}


def _cell(text: str) -> str:
    """Inline Markdown kept inside one table cell: every "|" the text does not escape itself is
    escaped, and a backslash before it or at the end is made a backslash of its own. (Escaping
    "|" alone turned `NIS\\|` into `NIS\\\\|`, an escaped backslash and a cell border: the row
    shifted by one cell and lost its citations, with nothing reported.)"""
    def pipe(m: re.Match[str]) -> str:
        run = m.group(1)
        return run + ("|" if len(run) % 2 else "\\|")  # an odd run already escapes it

    text = re.sub(r"(\\*)\|", pipe, text.replace("\n", " "))
    trailing = len(text) - len(text.rstrip("\\"))
    return text + "\\" if trailing % 2 else text


def _figure(e: Estimate, locale: str) -> str:
    return figure(e.low, e.high, e.qualifier, e.measure, locale, render.labels())


def _short(e: Estimate, locale: str) -> str:
    """The figure as a chart labels it: 約1万5000 / ≈15,000, qualifier kept, no unit."""
    words = render.labels()[locale]
    value = number(e.low, locale) if e.high is None else words["range"].format(low=number(e.low, locale), high=number(e.high, locale))
    return words["qualifiers_short"][e.qualifier].format(n=value)


def _chart(estimates: list[Estimate], key: str, locale: str) -> str:
    words = render.labels()[locale]
    text = words["estimates"]

    def describe(e: Estimate) -> str:
        """A mark's tooltip: who, when, the figure as stated, and what the note adds."""
        note = text["tooltip_note"].format(note=e.note[locale]) if e.note else ""
        by, date = words["estimators"][e.estimator], dates.localdate(e.as_of, locale)
        return text["tooltip"].format(by=by, date=date, figure=_figure(e, locale), note=note)

    measures, counts = CHARTS[key]
    c = chart.build(estimates, measures, counts, locale, words, describe, lambda e: _short(e, locale))
    if c is None:
        return ""
    series = text["series_sep"].join(text["series_count"].format(name=s.name, n=len(s.points)) for s in c["series"])
    start, end = dates.localdate(c["start"], locale), dates.localdate(c["end"], locale)
    period = text["period_one"].format(start=start) if start == end else text["period"].format(start=start, end=end)
    count = text["count_one"] if c["count"] == 1 else text["count"].format(n=c["count"])
    about = text["charts"][key]
    desc = text["desc"].format(period=period, count=count, series=series, what=about["what"])
    template = state.ENV.get_template("partials/estimates-chart.html")
    return template.render(c=c, key=key, locale=locale, title=about["title"], desc=desc).strip()


def _render(estimates: list[Estimate], locale: str, context: dict[str, Any]) -> str:
    words = render.labels()[locale]
    measures = []
    for measure in MEASURES:
        rows = sorted((e for e in estimates if e.measure == measure), key=lambda e: e.as_of)
        if rows:
            cells = [
                {
                    "figure": _cell(_figure(e, locale)),
                    "counts": _cell(words["counts"][e.counts]),
                    "by": _cell(e.by[locale]),
                    "when": dates.localdate(e.as_of, locale),
                    "note": _cell(e.note[locale]) if e.note else "",
                    "cites": "".join(f"[^{sid}]" for sid in e.sources),
                }
                for e in rows
            ]
            measures.append({"id": measure, "label": words["measures"][measure], "rows": cells})
    charts = [c for c in (state.reused("chart", (key, locale, estimates), lambda k=key: _chart(estimates, k, locale)) for key in CHARTS) if c]
    page = context["page"]
    template = state.ENV.get_template("partials/estimates.html")
    return template.render(
        charts=charts, measures=measures, L=words, columns=len(words["estimates"]["headers"]), page=page,
        csv_url=get_relative_url(CSV_NAME, page.url), json_url=get_relative_url(JSON_NAME, page.url),
    )


def _downloads(estimates: list) -> dict[str, str]:
    words = render.labels()
    payload = {
        "license": "CC BY 4.0", "measures": list(MEASURES), "counts": list(COUNTS),
        "estimators": {key: {lang: words[lang]["estimators"][key] for lang in i18n.locales()} for key in ESTIMATORS},
        "estimates": [e.as_json() for e in estimates],
    }
    return {JSON_NAME: json_download(payload), CSV_NAME: _csv(estimates)}


register(Dataset(marker=MARKER, filename="estimates.yml", load=load_estimates, render=_render, downloads=_downloads))


def _spreadsheet_safe(text: str) -> str:
    """A text cell a spreadsheet will not run as a formula (=HYPERLINK(…), +cmd, @SUM…): OWASP's
    advice, a leading apostrophe, which spreadsheets hide and keep the text as written."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _csv(estimates: list[Estimate]) -> str:
    """The estimates as CSV, by the csv module: RFC 4180's CRLF line ends and quoting."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    locales = i18n.locales()
    texts = [f"{field}_{lang}" for field in ("by", "note") for lang in locales]
    writer.writerow(["measure", "counts", "estimator", "low", "high", "qualifier", "as_of", *texts, "sources"])
    for e in estimates:
        note = e.note or dict.fromkeys(locales, "")
        texts = [_spreadsheet_safe(t) for t in (*(e.by[lang] for lang in locales), *(note[lang] for lang in locales))]
        row = [e.measure, e.counts, e.estimator, e.low, e.high or "", e.qualifier, e.as_of, *texts, " ".join(e.sources)]
        writer.writerow(row)
    return out.getvalue()


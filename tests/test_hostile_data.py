"""Hostile data files: the registry, timeline, estimates, places and corrections log.

Every bad entry is appended to a valid file of the same kind, and all of them go into one
batch build; each case's message must name the line of the field at fault (found here by the
text that causes it) and say what to write instead.
"""

from __future__ import annotations

import itertools

import pytest
from sitekit import messages as M
from support.batch import run
from support.data_helpers import DATA, add_data
from support.project import BASE_REGISTRY, Project


def source(sid: str, **fields: str) -> str:
    entry = {
        "type": "news",
        "title": "見出し",
        "publisher": "{ja: 通信社, en: News agency}",
        "published": "2024-10-18",
        "accessed": "2026-11-22",
        "language": "ja",
        "origin": "jp",
        **fields,
    }
    return f"- id: {sid}\n" + "".join(f"  {k}: {v}\n" if v is not None else f"  {k}:\n" for k, v in entry.items())


def event(text_en: str, **fields: str) -> str:
    entry = {"theme": "reactions", "ja": "発表した。", "en": text_en, "sources": "[nis-2024-10-18]", **fields}
    return "- date: 2025-02-01\n" + "".join(f"  {k}: {v}\n" if v is not None else f"  {k}:\n" for k, v in entry.items())


def estimate(**fields: str) -> str:
    entry = {
        "counts": "to-date", "estimator": "nis", "low": "100", "qualifier": "about", "as_of": "2025-02-01",
        "by": "{ja: 国家情報院, en: NIS}", "sources": "[nis-2024-10-18]", **fields,
    }
    return "- measure: killed\n" + "".join(f"  {k}: {v}\n" if v is not None else f"  {k}:\n" for k, v in entry.items())


def place(pid: str, **fields: str) -> str:
    entry = {"ja": "地点", "en": "Place", "lat": "45.0", "lon": "130.0", "role": "{ja: 港, en: port}", "sources": "[nis-2024-10-18]", **fields}
    return f"- id: {pid}\n" + "".join(f"  {k}: {v}\n" if v is not None else f"  {k}:\n" for k, v in entry.items())


_CORRECTION_IDS = itertools.count(1)


def correction(**fields: str) -> str:
    entry = {"page": "about", "ja": "数字を直した。", "en": "Corrected a figure.", **fields}
    entry.setdefault("id", f"2025-02-01-{next(_CORRECTION_IDS)}")  # the cases share one log: ids stay unique
    return "- date: 2025-02-01\n" + "".join(f"  {k}: {v}\n" if v is not None else f"  {k}:\n" for k, v in entry.items())


# name -> (file, entry, text on the line at fault, message)
CASES = {
    "registry-empty-title": ("docs/sources.yml", source("a-2024-10-18", title=None), "  title:", M.EMPTY_FIELD(key="title")),
    "registry-title-with-html": (
        "docs/sources.yml", source("b-2024-10-18", title="'<img src=x onerror=alert(1)>'"), "onerror",
        M.TEXT_NOT_PLAIN(key="title", why=M.WHY_HTML()),
    ),
    "registry-title-with-entity": (
        "docs/sources.yml", source("c-2024-10-18", title="java&#115;cript"), "&#115;", M.TEXT_NOT_PLAIN(key="title", why=M.WHY_HTML()),
    ),
    "registry-publisher-with-html": (
        "docs/sources.yml",
        source("d-2024-10-18", publisher="{ja: <b>社</b>, en: Agency}"),
        "<b>",
        M.TEXT_NOT_PLAIN(key="publisher", why=M.WHY_HTML()),
    ),
    "registry-javascript-url": (
        "docs/sources.yml",
        source("e-2024-10-18", url="javascript:alert(1)"),
        "javascript:",
        (M.NOT_HTTPS(key="url", value="javascript:alert(1)")),
    ),
    "registry-url-breaking-attribute": (
        "docs/sources.yml",
        source("f-2024-10-18", url="'https://example.org/\"onclick=\"alert(1)'"),
        "onclick",
        (M.NOT_HTTPS(key="url", value='https://example.org/"onclick="alert(1)')),
    ),
    "timeline-empty-text": ("docs/timeline.yml", event(None), "  en:", M.EMPTY_FIELD(key="en")),
    "timeline-text-closes-its-list": ("docs/timeline.yml", event("'</p></li></ol><h1>x</h1>'"), "<h1>", M.TEXT_HTML(key="en", what="<h1>")),
    "timeline-text-image": ("docs/timeline.yml", event("'![x](https://evil.example/x.png)'"), "evil", M.TEXT_HTML(key="en", what="<img>")),
    "timeline-text-entity-link": (
        "docs/timeline.yml",
        event("'[x](java&#115;cript:alert(1))'"),
        "java&#115;",
        M.TEXT_HTML(key="en", what='<a href="javascript:alert(1)">'),
    ),
    "timeline-text-attribute-list": (
        "docs/timeline.yml",
        event("'*x*{onclick=alert(1)}'"),
        "onclick",
        M.TEXT_HTML(key="en", what='<em onclick="alert(1)">'),
    ),
    "timeline-empty-theme": ("docs/timeline.yml", event("Said so.", theme=None), "  theme:", M.EMPTY_FIELD(key="theme")),
    "estimate-octal-looking": ("docs/estimates.yml", estimate(low="0700"), "0700", M.NOT_WHOLE_NUMBER(key="low", value="0700", example="10000")),
    "estimate-base-60-looking": ("docs/estimates.yml", estimate(low="1:30"), "1:30", M.NOT_WHOLE_NUMBER(key="low", value="1:30", example="10000")),
    "estimate-underscores": ("docs/estimates.yml", estimate(low="1_000"), "1_000", M.NOT_WHOLE_NUMBER(key="low", value="1_000", example="10000")),
    "estimate-implausibly-large": (
        "docs/estimates.yml",
        estimate(low="2000000000"),
        "2000000000",
        (M.NUMBER_TOO_LARGE(key="low", value=2000000000, largest=1000000000)),
    ),
    "estimate-year-typo": (
        "docs/estimates.yml",
        estimate(as_of="2004-10-18"),
        "2004-10-18",
        (M.TOO_EARLY(key="as_of", value="2004-10-18", earliest="2022-02-24")),
    ),
    "estimate-empty-by": ("docs/estimates.yml", estimate(by=None), "  by:", M.EMPTY_FIELD(key="by")),
    "estimate-note-image": ("docs/estimates.yml", estimate(note="{ja: '<img src=x.png>', en: x}"), "x.png", M.TEXT_HTML(key="note", what="<img>")),
    "place-empty-latitude": ("docs/places.yml", place("p-empty", lat=None), "  lat:", M.EMPTY_FIELD(key="lat")),
    "place-not-a-number": ("docs/places.yml", place("p-nan", lat=".nan"), ".nan", M.NOT_DEGREES(key="lat", value=".nan", low=-90, high=90)),
    "place-role-script": (
        "docs/places.yml",
        place("p-script", role="{ja: '<script>alert(1)</script>', en: port}"),
        "<script>",
        M.TEXT_HTML(key="role", what="<script>"),
    ),
    "place-name-markup": ("docs/places.yml", place("p-markup", en="'<b>Port</b>'"), "<b>Port", M.TEXT_NOT_PLAIN(key="en", why=M.WHY_HTML())),
    "correction-page-outside-docs": (
        "docs/corrections.yml",
        correction(page="../../README"),
        "README",
        (M.NOT_A_PAGE(name="../../README")),
    ),
    "correction-page-too-long": (
        "docs/corrections.yml",
        correction(page="a" * 300),
        "a" * 300,
        M.NOT_A_PAGE(name="a" * 300),
    ),
    "correction-text-iframe": ("docs/corrections.yml", correction(en="'<iframe src=x></iframe>'"), "iframe", M.TEXT_HTML(key="en", what="<iframe>")),
}


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("hostile-data"))
    add_data(project, "timeline", "estimates", "map")
    texts = {"docs/sources.yml": BASE_REGISTRY, "docs/corrections.yml": "", **DATA}
    for file, entry, _, _ in CASES.values():
        texts[file] = texts[file].rstrip("\n") + "\n" + entry
    for file, text in texts.items():
        project.write(file, text)
    built = run(project)
    built.texts = texts
    return built


def _line(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.split("\n"), 1) if needle in line)


def test_the_batch_stops_without_a_traceback(batch):
    assert batch.build.code == 1
    assert "Traceback" not in batch.build.stderr
    files = {file for file, *_ in CASES.values()}
    assert {line.split(":", 1)[0] for line in batch.build.problems} <= files


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_data_entry_is_refused_at_its_field(batch, name):
    file, entry, needle, message = CASES[name]
    start = batch.texts[file].index(entry)
    first = batch.texts[file][:start].count("\n") + 1
    line = first - 1 + _line(entry, needle)
    assert f"{file}:{line}: {message}" in batch.messages(file)
    # and nothing else about that entry
    span = range(first, first + entry.count("\n"))
    others = [m for m in batch.messages(file) if int(m.split(":")[1]) in span and m != f"{file}:{line}: {message}"]
    assert not others, others

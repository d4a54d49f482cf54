"""Valid data files and pages for the timeline, estimates and map, to put in a throwaway site.

The figures and events here are invented test data (shaped like the real ones), cited to
the two sources of tests/fixtures/base-sources.yml; they are never published.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from support.project import Project, page

TIMELINE = """\
- date: 2024-06-19
  theme: treaty
  place: pyongyang
  ja: 両首脳が平壌で条約に署名した。
  en: The two leaders signed the treaty in Pyongyang.
  sources: [nis-2024-10-18]
- date: 2024-10
  theme: deployment
  place: vladivostok
  ja: 特殊部隊員がウラジオストクへ移送された。
  en: Special forces were carried to Vladivostok.
  sources: [nis-2024-10-18, reuters-2024-10-18]
- date: 2024-10-18
  theme: reactions
  ja: 韓国が派兵を発表した。
  en: South Korea announced the deployment.
  sources: [reuters-2024-10-18]
- date: 2025-01-12
  theme: weapons
  ja: 砲弾の供与が続いた。
  en: Shell deliveries continued.
  sources: [nis-2024-10-18]
"""

ESTIMATES = """\
- measure: troops-sent
  counts: one-group
  estimator: nis
  low: 1500
  qualifier: about
  as_of: 2024-10-18
  by: {ja: 韓国国家情報院, en: NIS}
  note: {ja: 第1陣, en: first group}
  sources: [nis-2024-10-18]
- measure: troops-sent
  counts: to-date
  estimator: us-gov
  low: 3000
  qualifier: at-least
  as_of: 2024-10-24
  by: {ja: 米ホワイトハウス, en: White House}
  sources: [reuters-2024-10-18]
- measure: troops-sent
  counts: to-date
  estimator: us-gov
  low: 10000
  high: 12000
  qualifier: about
  as_of: 2024-11-04
  by: {ja: 米国防総省, en: US DoD}
  sources: [reuters-2024-10-18]
- measure: troops-present
  counts: in-russia
  estimator: nis
  low: 11000
  qualifier: at-least
  as_of: 2024-12-20
  by: {ja: 韓国国家情報院, en: NIS}
  sources: [nis-2024-10-18]
- measure: casualties
  counts: one-period
  estimator: us-gov
  low: 1000
  qualifier: more-than
  as_of: 2024-12-27
  by: {ja: 米ホワイトハウス, en: White House}
  note: {ja: 過去1週間, en: past week}
  sources: [reuters-2024-10-18]
- measure: casualties
  counts: to-date
  estimator: rok-jcs
  low: 3000
  qualifier: more-than
  as_of: 2025-01-13
  by: {ja: 韓国合同参謀本部, en: ROK JCS}
  sources: [nis-2024-10-18]
- measure: killed
  counts: to-date
  estimator: nis
  low: 300
  qualifier: up-to
  as_of: 2025-01-13
  by: {ja: 韓国国家情報院, en: NIS}
  note: {ja: "推計 | 暫定", en: "estimate | provisional"}
  sources: [nis-2024-10-18, reuters-2024-10-18]
- measure: shells
  counts: to-date
  estimator: rok-gov
  low: 8000000
  qualifier: exact
  as_of: 2025-01-13
  by: {ja: 韓国国防省, en: ROK MND}
  sources: [reuters-2024-10-18]
- measure: troops-sent
  counts: to-date
  estimator: nis
  low: 15000
  qualifier: about
  as_of: 2025-04-30
  by: {ja: 韓国国家情報院, en: NIS}
  sources: [nis-2024-10-18]
- measure: killed
  counts: to-date
  estimator: nis
  low: 600
  qualifier: about
  as_of: 2025-04-30
  by: {ja: 韓国国家情報院, en: NIS}
  sources: [nis-2024-10-18]
- measure: killed
  counts: to-date
  estimator: dprk
  low: 350
  qualifier: about
  as_of: 2025-09-02
  by: {ja: 北朝鮮当局, en: North Korea}
  sources: [reuters-2024-10-18]
"""

PLACES = """\
- id: pyongyang
  ja: 平壌
  en: Pyongyang
  lat: 39.03
  lon: 125.75
  role: {ja: 条約が署名された都市, en: where the treaty was signed}
  sources: [nis-2024-10-18]
  route: 1
- id: vladivostok
  ja: ウラジオストク
  en: Vladivostok
  lat: 43.12
  lon: 131.89
  role: {ja: 兵士が移送された港, en: port the troops were carried to}
  sources: [nis-2024-10-18]
  route: 2
- id: kursk
  ja: クルスク州
  en: Kursk Oblast
  lat: 51.73
  lon: 36.19
  role: {ja: 兵士が戦闘に加わった地域, en: where the troops fought}
  sources: [reuters-2024-10-18]
  route: 3
"""

DATA = {"docs/timeline.yml": TIMELINE, "docs/estimates.yml": ESTIMATES, "docs/places.yml": PLACES}
PAGES = {
    ("timeline", "ja"): ("年表", "出来事を古い順に示す[^nis-2024-10-18]。"),
    ("timeline", "en"): ("Timeline", "Events, oldest first.[^nis-2024-10-18]"),
    ("estimates", "ja"): ("数字と出所", "推計を並べる[^nis-2024-10-18]。"),
    ("estimates", "en"): ("The numbers", "The estimates.[^nis-2024-10-18]"),
    ("map", "ja"): ("地図", "関連地点を示す[^nis-2024-10-18]。"),
    ("map", "en"): ("Map", "The places involved.[^nis-2024-10-18]"),
}


def add_data(project: Project, *names: str) -> None:
    """Write the valid data files, and for each name in `names` its page in both languages."""
    for rel, text in DATA.items():
        project.write(rel, text)
    for name in names:
        for locale in ("ja", "en"):
            title, intro = PAGES[(name, locale)]
            project.write(f"docs/{locale}/{name}.md", page(title, f"{intro}\n\n<!-- {name} -->"))


def unglue(html: str) -> str:
    """The HTML without the spans that keep footnote numbers on their line (hooks/line_breaks.py)
    and without the Japanese phrase boundaries (<wbr>, hooks/phrase_breaks.py).

    Tests of what a page says read the text as written; test_rendering.py tests the spans,
    test_phrase_breaks.py the boundaries.
    """
    return re.sub(r'<span class="fn-glue">(.*?)</span>', r"\1", html.replace("<wbr>", ""), flags=re.S)


def article(html: str) -> str:
    """The page's content (what the hooks rendered), without Material's chrome and without the
    "who this page relies on" frame block, whose bars are SVG of the frame, not of the page."""
    match = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', html, re.S)
    assert match, "no article in the page"
    return unglue(re.sub(r'<details class="source-mix.*?</details>', "", match.group(1), flags=re.S))


def fnrefs(html: str) -> Counter[str]:
    """Source id -> number of footnote references (fnref anchors) in a built page."""
    return Counter(m.group(1) for m in re.finditer(r'id="fnref\d*:([a-z0-9-]+)"', html))


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")

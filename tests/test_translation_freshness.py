"""A change in one language shows a notice on the other, lists the pair, and a re-sync clears it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sitekit import messages as M
from sitekit.corpus import read_pages
from sitekit.translations import body_hash, normalized_body

ROOT = Path(__file__).resolve().parents[1]


SYNC = ROOT / "scripts" / "sync_translation.py"
NOTICE_JA = "このページの英語版は2026年11月30日に更新された。"
NOTICE_EN = "The Japanese version of this page was updated on 1 December 2026."
BEHIND_JA = (
    "docs/ja/about.md:1: " + M.TRANSLATION_BEHIND(other="docs/en/about.md", when=M.ON_DATE(date="2026-11-30"), name="about")
)


def sync(project, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SYNC), *args, "--root", str(project.root)], capture_output=True, text=True)


def edit(project, rel: str, old: str, new: str) -> None:
    path = project.root / rel
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def html(build, rel: str) -> str:
    return (build.site / rel).read_text(encoding="utf-8").replace("<wbr>", "")  # phrase boundaries: test_phrase_breaks.py


def test_hash_ignores_front_matter_and_spacing():
    a = "---\ntitle: A\n---\n\n# A\n\nText.[^x]  \n\n\n\nMore.\n"
    b = "---\ntitle: B\nupdated: 2026-01-01\n---\n# A\r\n\r\nText.[^x]\n\nMore.\n\n"
    assert normalized_body(a) == normalized_body(b) == "# A\n\nText.[^x]\n\nMore.\n"
    assert body_hash(a) == body_hash(b) and len(body_hash(a)) == 12
    assert body_hash(a) != body_hash(a.replace("More.", "More!"))


def test_change_in_one_language_shows_notice_then_resync_clears_it(project):
    assert sync(project, "about").returncode == 0
    clean = project.build()
    assert clean.code == 0, clean.stderr
    assert "translation behind" not in clean.stderr
    assert "translation-notice" not in html(clean, "about/index.html") + html(clean, "en/about/index.html")

    edit(project, "docs/en/about.md", "Reuters reported it.", "Reuters reported it the same day.")
    edit(project, "docs/en/about.md", "updated: ", "updated: 2026-11-30 #")
    stale = project.build()
    assert stale.code == 0, stale.stderr  # strict, yet not a failure
    assert BEHIND_JA in stale.stderr
    assert "docs/en/about.md:1: translation behind" not in stale.stderr
    ja = html(stale, "about/index.html")
    assert NOTICE_JA in ja and 'href="../en/about/"' in ja and "英語版を読む" in ja
    assert ja.index("</h1>") < ja.index("translation-notice")  # under the title
    assert "translation-notice" not in html(stale, "en/about/index.html")

    assert sync(project, "about").returncode == 0
    resynced = project.build()
    assert resynced.code == 0
    assert "translation behind" not in resynced.stderr
    assert "translation-notice" not in html(resynced, "about/index.html")


def test_notice_on_the_english_page_when_japanese_changes(project):
    sync(project, "about")
    edit(project, "docs/ja/about.md", "ロイターも伝えた", "ロイターも同日伝えた")
    edit(project, "docs/ja/about.md", "updated: ", "updated: 2026-12-01 #")
    build = project.build()
    assert build.code == 0
    en = html(build, "en/about/index.html")
    assert NOTICE_EN in en and 'href="../../about/"' in en and "Read the Japanese version" in en


def test_pages_without_a_record_are_listed_not_refused(minimal_build):
    build = minimal_build  # the base site, whose pages carry no translation record
    assert build.code == 0
    assert (
        "docs/en/about.md:1: " + M.NO_TRANSLATION_RECORD(name="about")
    ) in build.stderr


def test_sync_needs_both_pages(project):
    result = sync(project, "nowhere")
    assert result.returncode == 1
    assert result.stderr.strip() == M.SYNC_NO_PAGE(path="docs/ja/nowhere.md")
    assert sync(project).stderr.strip() == M.SYNC_WHICH()


def test_every_page_of_the_site_has_a_translation_record():
    from sitekit.translations import compare

    pages, problems = read_pages(ROOT / "docs", ROOT, ["ja", "en"])
    assert not problems
    _, unrecorded = compare(pages)
    assert [str(p) for p in unrecorded] == []

"""The Atom feeds: one per language, well-formed (feedparser, no bozo), listing every page's
last update and every correction, linked from every page's <head> and the corrections page."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import feedparser
import pytest
import yaml
from sitekit import messages as M
from sitekit.corrections_data import Correction
from sitekit.feed_entries import atom, entries
from sitekit.page_record import PageRecord
from support.html import read_page
from support.project import ROOT
from support.project import page as md_page
from support.real_site import SITE_URL

FEEDS = {"ja": "feed.xml", "en": "en/feed.xml"}
FRONT = "---\n"


def _front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split(FRONT, 2)[1]) if text.startswith(FRONT) else {}


def _parse(path: Path) -> feedparser.FeedParserDict:
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, f"{path.name} is not well-formed: {feed.get('bozo_exception')}"
    assert feed.version == "atom10"
    return feed


@pytest.mark.parametrize("lang", FEEDS)
def test_feed_lists_the_last_update_of_every_page(real_site, lang):
    feed = _parse(real_site / FEEDS[lang])
    assert feed.feed.language == lang and feed.feed.id == SITE_URL + FEEDS[lang]
    updates = {e.link: e for e in feed.entries if any(t.term == "update" for t in e.tags)}
    docs = sorted((ROOT / "docs" / lang).glob("*.md"))
    expected = {}
    for md in docs:
        meta = _front_matter(md)
        if "updated" in meta:
            slug = "" if md.stem == "index" else f"{md.stem}/"
            expected[SITE_URL + ("" if lang == "ja" else "en/") + slug] = meta
    assert set(updates) == set(expected), "feed pages differ from the pages with updated:"
    for link, meta in expected.items():
        entry = updates[link]
        assert dt.date(*entry.updated_parsed[:3]) == meta["updated"]
        name = link.removeprefix(SITE_URL + ("" if lang == "ja" else "en/")).rstrip("/") or "index"
        heading = re.search(r"^# (.*)$", (ROOT / "docs" / lang / f"{name}.md").read_text(encoding="utf-8"), re.M).group(1)
        assert heading in entry.title
        assert entry.summary == meta.get("change", meta["description"])


@pytest.mark.parametrize("lang", FEEDS)
def test_feed_entries_are_newest_first_and_the_feed_is_as_new_as_its_newest(real_site, lang):
    feed = _parse(real_site / FEEDS[lang])
    dates = [e.updated_parsed for e in feed.entries]
    assert dates == sorted(dates, reverse=True)
    assert feed.feed.updated_parsed == dates[0]


@pytest.mark.parametrize(("path", "lang"), [("treaty/", "ja"), ("en/treaty/", "en"), ("", "ja"), ("en/", "en")])
def test_every_page_links_its_languages_feed_in_head(real_site, path, lang):
    links = read_page(real_site, path).find("link", rel="alternate", type="application/atom+xml")
    assert len(links) == 1 and "hreflang" not in links[0]  # hreflang alternates are the page's language versions
    target = (real_site / path / links[0]["href"]).resolve()
    assert target == (real_site / FEEDS[lang]).resolve() and target.is_file()


@pytest.mark.parametrize(("path", "lang"), [("corrections/", "ja"), ("en/corrections/", "en")])
def test_corrections_page_links_the_feed_in_its_text(real_site, path, lang):
    links = read_page(real_site, path).find("a", type="application/atom+xml")
    assert links and (real_site / path / links[0]["href"]).resolve() == (real_site / FEEDS[lang]).resolve()


def test_a_correction_is_an_entry_with_its_text_in_each_language(project):
    project.write("docs/ja/corrections.md", md_page("訂正履歴", "<!-- corrections -->", article=False))
    project.write("docs/en/corrections.md", md_page("Corrections", "<!-- corrections -->", article=False))
    project.fixture("docs/corrections.yml", "corrections/one-correction-with-source.yml")
    build = project.build()
    assert build.code == 0, build.stderr[-2000:]
    for lang, text, title in (("ja", "派遣人数の記述を訂正した。", "概要"), ("en", "Corrected the number of troops sent.", "About")):
        feed = _parse(build.site / FEEDS[lang])
        corrections = [e for e in feed.entries if any(t.term == "correction" for t in e.tags)]
        assert len(corrections) == 1
        entry = corrections[0]
        assert entry.summary == text and title in entry.title
        assert dt.date(*entry.updated_parsed[:3]) == dt.date(2024, 10, 20)
        assert entry.link.endswith("/about/" if lang == "ja" else "/en/about/")
        assert feed.feed.link.endswith("/corrections/")


# A quoted date passes the checks as a date; the feed, the citation and the JSON-LD read it as one too.
@pytest.mark.parametrize("written", ["2024-11-01", '"2024-11-01"'], ids=["plain-date", "quoted-date"])
def test_change_in_front_matter_is_what_the_entry_says_changed(project, written):
    project.write("docs/en/about.md", project.root.joinpath("docs/en/about.md").read_text(encoding="utf-8").replace(
        "as_of: 2024-10-18\n", f"as_of: 2024-10-18\nupdated: {written}\nchange: Added the Reuters report.\n"))
    build = project.build()
    assert build.code == 0, build.stderr[-2000:]
    entry = next(e for e in _parse(build.site / FEEDS["en"]).entries if e.link.endswith("/en/about/"))
    assert entry.summary == "Added the Reuters report." and dt.date(*entry.updated_parsed[:3]) == dt.date(2024, 11, 1)


def test_change_that_is_not_text_stops_the_build(project):
    project.write("docs/en/about.md", project.root.joinpath("docs/en/about.md").read_text(encoding="utf-8").replace(
        "as_of: 2024-10-18\n", "as_of: 2024-10-18\nchange: 12\n"))
    build = project.build()
    assert build.code == 1
    assert ("docs/en/about.md:5: " + M.CHANGE_NOT_SENTENCE()) in build.problems


@pytest.mark.parametrize("lang", FEEDS)
def test_every_entry_of_a_feed_has_its_own_title(real_site, lang):
    # Several corrections of one page on one day are usual: each title says which correction it is.
    titles = [e.title for e in _parse(real_site / FEEDS[lang]).entries]
    assert len(titles) == len(set(titles))


@pytest.mark.parametrize("lang", FEEDS)
def test_correction_entries_are_identified_by_their_id_in_the_log(real_site, lang):
    log = yaml.safe_load((ROOT / "docs" / "corrections.yml").read_text(encoding="utf-8"))
    feed = _parse(real_site / FEEDS[lang])
    found = {e.id: e.summary for e in feed.entries if any(t.term == "correction" for t in e.tags)}
    prefix = SITE_URL + ("" if lang == "ja" else "en/")
    assert found == {f"{prefix}{c['page'].removesuffix('.md')}/#correction-{c['id']}": c[lang] for c in log}


def _record(rel: str) -> PageRecord:
    url = f"https://example.org/{rel.removesuffix('.md')}/"
    return PageRecord(locale="en", rel=rel, title=rel, description="d", site_name="Site", root_url="https://example.org/",
                      home_url="https://example.org/", url=url, updated=None, published=None, as_of=None, is_article=True,
                      alternates=(), markers=())


def test_adding_a_correction_changes_no_published_entry_id():
    # RFC 4287 4.2.6: an entry's id never changes. Corrections are listed newest first, then by
    # page: a new one of the same day sorts between the others, whatever the file's order.
    words = {"correction": "Correction to {title}: {summary}", "updated": "Updated: {title}", "updated_text": "{description}"}
    pages = {rel: _record(rel) for rel in ("weapons.md", "treaty.md", "deployment.md")}
    day = dt.date(2026, 12, 2)
    log = [Correction(day, cid, rel, {"ja": "x", "en": f"Corrected {cid}."}) for cid, rel in
           (("w-a", "weapons.md"), ("w-b", "weapons.md"), ("t", "treaty.md"), ("d", "deployment.md"))]
    added = Correction(day, "t-2", "treaty.md", {"ja": "x", "en": "Corrected t-2."})

    def ids(corrections: list[Correction]) -> dict[str, str]:
        ordered = sorted(corrections, key=lambda c: (c.date, c.page, c.id), reverse=True)  # as corrections_data loads them
        home = "https://example.org/"
        xml = atom("en", "t", "Site", home + "feed.xml", home, home, entries(pages, ordered, words, {}))
        return {e.summary: e.id for e in feedparser.parse(xml).entries}

    before, after = ids(log), ids([*log, added])
    assert {text: after[text] for text in before} == before
    assert len(set(after.values())) == len(after) == 5

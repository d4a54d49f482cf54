"""Footnotes: the tooltip on hover, the way back from a footnote, and links to the sources.

Every citation of every page is checked by one script that runs inside the page (one round
trip per page, not two per citation): it focuses each reference in turn, which opens Material's
tooltip as a hover does, and checks that the tooltip belonging to that reference (its
aria-controls / aria-describedby) shows that reference's footnote; then it follows each
reference to its footnote and the footnote's back-link to the reference. One reference per page
(the middle one) is also hovered and clicked with the real mouse, as a reader does.
"""

from __future__ import annotations

import re

import pytest
from support.site_page import CITING_PAGES, SitePage, ids

REFS = "a.footnote-ref"
TOOLTIP = ".md-tooltip2--active"  # Material's content.footnote.tooltips

# Takes the time to wait for each tooltip (ms).
# Returns {count, tooltips: [problem…], hidden: bool, backlinks: [problem…], hrefs: [source link…]}.
_FOOTNOTES_JS = """async (timeout) => {
  const tick = () => new Promise(resolve => setTimeout(resolve, 0));
  const until = async (test, ms = timeout) => {
    const end = performance.now() + ms;
    let value;
    while (!(value = test()) && performance.now() < end) await tick();
    return value;
  };
  const refs = [...document.querySelectorAll('a.footnote-ref')];
  const name = (a, i) => `reference ${i + 1} (${a.getAttribute('href').slice(1)})`;
  // The tooltip Material opened for this reference: it names it in aria-controls (a tooltip
  // with links is a dialog) or aria-describedby.
  const tooltipOf = a => {
    const id = a.getAttribute('aria-controls') || a.getAttribute('aria-describedby');
    const tip = id && document.getElementById(id);
    return tip && tip.classList.contains('md-tooltip2--active') && tip.getClientRects().length ? tip : null;
  };
  const tooltips = [];
  for (const [i, a] of refs.entries()) {
    const note = document.getElementById(a.getAttribute('href').slice(1));
    if (!note) { tooltips.push(`${name(a, i)}: no footnote with that id`); continue; }
    const expected = note.querySelector('.citation, p').textContent.trim();
    a.focus({preventScroll: true});
    const tip = await until(() => tooltipOf(a));
    if (!tip) tooltips.push(`${name(a, i)}: no tooltip opened`);
    else if (!tip.innerText.includes(expected.slice(0, 20)))
      tooltips.push(`tooltip of ${name(a, i)} shows ${JSON.stringify(tip.innerText.trim().slice(0, 80))}, not its footnote`);
  }
  if (document.activeElement) document.activeElement.blur();
  const hidden = !!(await until(() => !document.querySelector('.md-tooltip2--active')));

  const backlinks = [];
  for (const [i, a] of refs.entries()) {
    const refId = a.closest('sup[id]').id;  // fnref:x, fnref2:x ...
    const noteId = a.getAttribute('href').slice(1);
    a.click();
    if (location.hash.slice(1) !== noteId) { backlinks.push(`${name(a, i)}: following it leads to ${location.hash}`); continue; }
    const back = document.querySelectorAll(`[id="${noteId}"] a.footnote-backref[href="#${refId}"]`);
    if (back.length !== 1) { backlinks.push(`footnote ${noteId} has ${back.length} back-links to ${refId}, not 1`); continue; }
    back[0].click();
    if (location.hash.slice(1) !== refId) { backlinks.push(`the back-link of ${noteId} leads to ${location.hash}, not #${refId}`); continue; }
    const box = document.getElementById(refId).getBoundingClientRect();
    if (!(box.bottom > 0 && box.top < innerHeight)) backlinks.push(`after the back-link, reference ${refId} is not in view`);
  }
  history.replaceState(null, '', location.pathname);
  scrollTo(0, 0);
  const hrefs = [...document.querySelectorAll('.footnote li a:not(.footnote-backref)')].map(a => a.getAttribute('href'));
  return {count: refs.length, tooltips, hidden, backlinks, hrefs};
}"""


def _footnote_report(tab) -> dict:
    report = tab.evaluate(_FOOTNOTES_JS, 3000)
    report["mouse"] = real_mouse(tab, report["count"] // 2) if report["count"] else []
    return report


@pytest.fixture(scope="module")
def footnotes(read_once):
    """The in-page check once per page, with the real-mouse sample."""
    return read_once(_footnote_report)


def move_pointer_away(page) -> None:
    page.mouse.move(0, 0)
    page.locator(TOOLTIP).wait_for(state="hidden", timeout=3000)


def real_mouse(page, i: int) -> list[str]:
    """Hover reference i with the mouse, then click it and its footnote's back-link."""
    problems = []
    ref = page.locator(REFS).nth(i)
    target = ref.get_attribute("href").lstrip("#")
    expected = page.evaluate("id => document.getElementById(id).querySelector('.citation, p').textContent.trim()", target)
    ref.scroll_into_view_if_needed()
    ref.hover()
    tooltip = page.locator(TOOLTIP)
    tooltip.wait_for(state="visible", timeout=3000)
    shown = tooltip.inner_text().strip()
    if expected[:20] not in shown:
        problems.append(f"hovered with the mouse, reference {i + 1} ({target}) shows {shown[:80]!r}, not its footnote")
    move_pointer_away(page)

    ref_id = ref.evaluate("a => a.closest('sup[id]').id")
    ref.click()
    move_pointer_away(page)  # as a reader does before reaching for the back-link
    if page.evaluate("location.hash.slice(1)") != target:
        return [*problems, f"clicking reference {ref_id} leads to {page.evaluate('location.hash')}"]
    back = page.locator(f'[id="{target}"] a.footnote-backref[href="#{ref_id}"]')
    if back.count() != 1:
        return [*problems, f"footnote {target} has no back-link to {ref_id}"]
    back.click()
    if page.evaluate("location.hash.slice(1)") != ref_id:
        problems.append(f"clicking the back-link of {target} leads to {page.evaluate('location.hash')}")
    elif not page.evaluate(
        "id => { const r = document.getElementById(id).getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }", ref_id
    ):
        problems.append(f"after clicking the back-link, reference {ref_id} is not in view")
    return problems


def test_some_page_cites_a_source():
    assert CITING_PAGES, "no page in docs/ cites a source, so the footnote tests below test nothing"


@pytest.mark.parametrize("site_page", CITING_PAGES, ids=ids(CITING_PAGES))
def test_each_citation_shows_its_footnote_in_a_tooltip(site_page: SitePage, footnotes):
    report = footnotes(site_page)
    assert report["count"] > 0, "the page cites sources but renders no footnote reference"
    problems = report["tooltips"] + [p for p in report["mouse"] if p.startswith("hovered")]
    assert not problems, f"{len(problems)} of {report['count']} references:\n  " + "\n  ".join(problems)
    assert report["hidden"], "a tooltip stays open after focus left its reference"


@pytest.mark.parametrize("site_page", CITING_PAGES, ids=ids(CITING_PAGES))
def test_back_link_returns_to_the_reference(site_page: SitePage, footnotes):
    report = footnotes(site_page)
    assert report["count"] > 0, "the page cites sources but renders no footnote reference"
    problems = report["backlinks"] + [p for p in report["mouse"] if not p.startswith("hovered")]
    assert not problems, f"{len(problems)} of {report['count']} references:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("site_page", CITING_PAGES, ids=ids(CITING_PAGES))
def test_source_links_in_footnotes_are_https(site_page: SitePage, footnotes):
    insecure = [h for h in footnotes(site_page)["hrefs"] if not h.startswith("https://")]
    assert not insecure, f"footnote links that are not https: {insecure}"


def test_at_least_one_footnote_links_its_source(served_site):
    # Some registry entries have no URL (none was seen), but a site where none has one is broken.
    footnotes = [re.search(r'<div class="footnote">.*?</div>', served_site.file(p).read_text(encoding="utf-8"), re.S) for p in CITING_PAGES]
    assert any(m and 'href="https://' in m.group(0) for m in footnotes), "no footnote on any page links its source"


def test_the_in_page_check_catches_a_hidden_tooltip_and_a_missing_back_link(shared_context, served_site):
    # The script above must fail on a page whose tooltips never show and whose first footnote
    # lost its back-link, or its silence on the real pages proves nothing.
    site_page = min(CITING_PAGES, key=lambda p: served_site.file(p).read_text(encoding="utf-8").count('class="footnote-ref"'))
    tab = shared_context.new_page()
    try:
        tab.goto(served_site.url(site_page))
        tab.add_style_tag(content=".md-tooltip2 { display: none !important; }")
        tab.evaluate("document.querySelector('.footnote li a.footnote-backref').remove()")
        report = tab.evaluate(_FOOTNOTES_JS, 200)  # every tooltip times out: wait less
    finally:
        tab.close()
    assert report["count"] > 0
    assert len(report["tooltips"]) == report["count"] and all("no tooltip opened" in p for p in report["tooltips"])
    assert any("back-links to" in p for p in report["backlinks"]), report["backlinks"]

"""The estimates charts and the map in a real browser: at 360 px nothing in them scrolls or
sticks out sideways, their text is drawn at 11 px or more, and no two labels overlap (nor a
chart's label a mark), at 360 px and on a desktop. The build places labels from estimated
widths; this measures the boxes Chromium actually draws."""

from __future__ import annotations

import pytest
from support.site_page import SitePage

PAGES = [SitePage(lang, name) for lang in ("ja", "en") for name in ("estimates", "map")]
PHONE = {"viewport": {"width": 360, "height": 780}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
MIN_TEXT_PX = 11

_MEASURE_JS = """(width) => {
  const visible = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
  const rect = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const name = e => (e.textContent || e.getAttribute('class') || e.tagName).trim().slice(0, 30);
  const meets = (a, b) => a[0] < b[2] - 0.5 && b[0] < a[2] - 0.5 && a[1] < b[3] - 0.5 && b[1] < a[3] - 0.5;
  const out = {wide: [], scrolls: [], small: [], overlaps: [], count: 0};
  for (const fig of document.querySelectorAll('figure.est-chart, figure.data-map')) {
    // HTML boxes, the drawings and their text; not the shapes inside, whose boxes ignore clipping
    const boxes = [fig, ...fig.querySelectorAll('*')].filter(e => !(e instanceof SVGElement) || e.tagName === 'svg' || e.tagName === 'text');
    for (const e of boxes.filter(visible)) {
      const r = e.getBoundingClientRect();
      if (r.left < -0.5 || r.right > width + 0.5) {
        out.wide.push(`${e.tagName.toLowerCase()}.${e.getAttribute('class')} ${Math.round(r.left)}..${Math.round(r.right)}`);
      }
      if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible') out.scrolls.push(e.tagName.toLowerCase());
    }
    for (const svg of fig.querySelectorAll('svg[role="img"]')) {
      const texts = [...svg.querySelectorAll('text')].filter(visible);
      const scale = svg.getScreenCTM().a;
      for (const t of texts) {
        out.count++;
        const px = parseFloat(getComputedStyle(t).fontSize) * scale;
        if (px < width_min) out.small.push(`"${name(t)}" ${px.toFixed(1)}px`);
      }
      const marks = [...svg.querySelectorAll('.chart-mark')].filter(visible);
      for (let i = 0; i < texts.length; i++) {
        for (let j = i + 1; j < texts.length; j++) {
          if (meets(rect(texts[i]), rect(texts[j]))) out.overlaps.push(`"${name(texts[i])}" / "${name(texts[j])}"`);
        }
        if (texts[i].classList.contains('chart-label')) {
          for (const m of marks) if (meets(rect(texts[i]), rect(m))) out.overlaps.push(`"${name(texts[i])}" over a mark`);
        }
      }
    }
  }
  return out;
}""".replace("width_min", str(MIN_TEXT_PX))


@pytest.fixture(scope="module")
def measured(browser, served_site):
    """Each page measured once per screen size."""
    results: dict[tuple[str, str], dict] = {}
    for label, options in (("phone", PHONE), ("desktop", DESKTOP)):
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        tab = context.new_page()
        for page in PAGES:
            tab.goto(served_site.url(page))
            results[(label, page.id)] = tab.evaluate(_MEASURE_JS, options["viewport"]["width"])
        context.close()
    return results


@pytest.mark.parametrize("page", PAGES, ids=[p.id for p in PAGES])
def test_charts_and_map_fit_a_360px_screen_without_scrolling(page, measured):
    m = measured[("phone", page.id)]
    assert m["count"] > 0, "no text measured: the charts or the map are missing"
    assert not m["wide"], f"{page.path}: sticks out of the 360 px screen: {m['wide'][:5]}"
    assert not m["scrolls"], f"{page.path}: scrolls sideways inside the figure: {m['scrolls'][:5]}"


@pytest.mark.parametrize("page", PAGES, ids=[p.id for p in PAGES])
def test_chart_and_map_text_is_legible_at_360px(page, measured):
    small = measured[("phone", page.id)]["small"]
    assert not small, f"{page.path}: text under {MIN_TEXT_PX} px at 360 px: {small[:8]}"


@pytest.mark.parametrize("screen", ["phone", "desktop"])
@pytest.mark.parametrize("page", PAGES, ids=[p.id for p in PAGES])
def test_no_labels_overlap(page, screen, measured):
    overlaps = measured[(screen, page.id)]["overlaps"]
    assert not overlaps, f"{page.path} ({screen}): {len(overlaps)} overlapping labels: {overlaps[:8]}"

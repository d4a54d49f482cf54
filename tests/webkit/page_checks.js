// What tests/webkit/test_webkit_pages.py measures on a loaded page, in one call.
// arguments[0]: CSS selector of the text whose line breaks are checked.
const [selector] = arguments;
const SKIP = "sup, .headerlink, svg, code, pre, script, style, .cite-block";
const WORD = /[\p{L}\p{N}]/u;  // a letter (kana, kanji, Latin) or a digit; punctuation is not
const range = document.createRange();

// Every line break inside `el` that falls between two letters with no <wbr>, <br> or space
// between them: a word split across lines. Returns "before|after" snippets.
function splitWords(el) {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: n => (n.nodeType === 1 && n.matches(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const bad = [];
  let prev = null, opening = false, seen = "", node;
  while ((node = walker.nextNode())) {
    if (node.nodeType === 1) {
      if (node.tagName === "WBR" || node.tagName === "BR") opening = true;
      continue;
    }
    const text = node.data;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (/\s/.test(ch)) { opening = true; continue; }
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rects = range.getClientRects();
      if (!rects.length || (rects[0].width === 0 && rects[0].height === 0)) continue;
      const box = rects[0];
      // A break after a hyphen is a line break, not a split word ("UK-|based", "mid-|air"); WebKit
      // reports the first letter after such a break at the end of the line before, so a
      // hyphen one or two letters back also counts.
      const afterHyphen = /-.?$/.test(seen.slice(-2));
      if (prev && box.top >= prev.bottom - 1 && box.top > prev.top + 2 && !opening && !afterHyphen && WORD.test(prev.ch) && WORD.test(ch)) {
        bad.push(`${seen.slice(-8)}|${text.slice(i, i + 6)}`);
      }
      prev = { ch, top: box.top, bottom: box.bottom };
      opening = false;
      seen += ch;
    }
  }
  return bad;
}

const checked = [...document.querySelectorAll(selector)];
const splits = checked.flatMap(el => splitWords(el).map(s => `<${el.tagName.toLowerCase()}> ${s}`));
const ld = [...document.querySelectorAll('script[type="application/ld+json"]')].map(s => JSON.parse(s.textContent));
const items = ld.flatMap(g => g["@graph"] || [g]);
const article = items.find(x => x["@type"] === "Article");
const width = window.innerWidth;
return {
  width,
  lang: document.documentElement.lang,
  scrollWidth: document.scrollingElement.scrollWidth,
  wide: [...document.querySelectorAll("body *")]
    .filter(e => e.getBoundingClientRect().right > width + 1 && getComputedStyle(e).position !== "fixed")
    .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? "." + String(e.className).split(" ")[0] : "")),
  checked: checked.length,
  keyPoints: document.querySelectorAll(arguments[1]).length,
  splits,
  switcher: [...document.querySelectorAll(".md-select__link[hreflang]")].map(a => [a.hreflang, a.href]),
  article: article ? { citations: (article.citation || []).map(c => c.identifier), translation: [...(article.workTranslation || []), ...(article.translationOfWork ? [article.translationOfWork] : [])].map(t => t.url) } : null,
  datasets: items.filter(x => x["@type"] === "Dataset").map(d => (d.distribution || []).map(x => x.contentUrl)),
  footnotes: [...document.querySelectorAll(".footnote li .citation[data-source]")].map(e => e.dataset.source),
  resources: performance.getEntriesByType("resource").map(e => e.name),
};

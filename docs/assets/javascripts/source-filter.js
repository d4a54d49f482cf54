// The sources page's filter (overrides/partials/source-filter.html): narrow the list by origin,
// type and language. Without JavaScript a <noscript> rule hides the form, so every source stays
// listed; with it, each choice hides the entries (and the type headings) that do not match and says
// how many remain. No library, nothing fetched.
(function () {
  var form = document.querySelector("form.source-filter");
  if (!form) return;
  // Each control and the attribute of an entry it matches (named in full: hooks/sitekit/reserved.py).
  var attributes = { origin: "data-origin", type: "data-type", language: "data-language" };
  var keys = Object.keys(attributes);
  var items = Array.prototype.slice.call(document.querySelectorAll(".source-list > li[data-origin]"));
  var lists = Array.prototype.slice.call(document.querySelectorAll(".source-list"));
  var status = form.querySelector(".source-filter__status");
  var template = form.getAttribute("data-status") || "{n} / {total}";

  function apply() {
    var shown = 0;
    items.forEach(function (item) {
      var match = keys.every(function (key) {
        var wanted = form.elements[key].value;
        return !wanted || item.getAttribute(attributes[key]) === wanted;
      });
      item.hidden = !match;
      if (match) shown += 1;
    });
    // A type whose entries are all hidden loses its heading too.
    lists.forEach(function (list) {
      var empty = !list.querySelector(":scope > li:not([hidden])");
      list.hidden = empty;
      var heading = list.previousElementSibling;
      if (heading && /^H[2-6]$/.test(heading.tagName)) heading.hidden = empty;
    });
    status.textContent = template.replace("{n}", shown).replace("{total}", items.length);
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault() });
  apply();
})();

// "Cite this page" and "Cite these data" (overrides/partials/cite-page.html, cite-data.html):
// put today's date in each access-date slot, and make the copy buttons work. Without
// JavaScript the citations stay as text to select, with a placeholder date, and the buttons
// stay hidden. Nothing is fetched: it works offline and on a saved page.
(function () {
  var blocks = document.querySelectorAll(".cite-block");
  if (!blocks.length) return;

  var now = new Date();
  function pad(n) { return (n < 10 ? "0" : "") + n }
  var today = {
    iso: now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate()),
    en: now.toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric" })
  };
  document.querySelectorAll("[data-cite-accessed]").forEach(function (slot) {
    var value = today[slot.getAttribute("data-cite-accessed")];
    if (value) slot.textContent = value;
  });

  // The old way, for browsers or pages (http, file) without the asynchronous clipboard.
  function copyBySelection(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var done = false;
    try { done = document.execCommand("copy") } catch (e) { done = false }
    document.body.removeChild(area);
    return done ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return copyBySelection(text) });
    }
    return copyBySelection(text);
  }

  blocks.forEach(function (block) {
    var status = block.querySelector(".cite-status");
    block.querySelectorAll("[data-cite-copy]").forEach(function (button) {
      var target = document.getElementById(button.getAttribute("data-cite-copy"));
      if (!target) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        var text = target.textContent.replace(/\s+/g, " ").trim();
        copy(text).then(function () {
          status.textContent = block.getAttribute("data-copied");
        }, function () {
          // Select the citation so that the reader can copy it with the keyboard.
          var range = document.createRange();
          range.selectNodeContents(target);
          var selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
          status.textContent = block.getAttribute("data-copy-failed");
        });
      });
    });
  });
})();

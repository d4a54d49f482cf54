"""How long `mkdocs serve` takes from saving a page to serving it, against plain Material.

In one run, on copies in a temporary folder (nothing in the checkout is touched):

1. **ours**: the real site (configuration, hooks, templates, pages) under `mkdocs serve --strict`,
   as `make serve` runs it. RUNS times: a marker word is saved at the start of the first cited
   paragraph of an English page (so the paragraph stays cited), and the page is polled over HTTP
   until the marker is served.
2. **plain**: the same pages (docs/ copied whole) with plain MkDocs + Material +
   mkdocs-static-i18n: our mkdocs.yml without hooks, template overrides, extra CSS/JS or strict
   mode, and with Material's own search plugin (what plain Material has; our site uses Pagefind).
   The same edits, served by `mkdocs serve` the same way.
3. **plain build**: the plain configuration built with `mkdocs build` RUNS times (in a fresh
   process each, the build itself timed, not Python's start-up) — the figure issue 21's target
   is stated against (ours save-to-served <= 2.5x the plain build of the same pages).

Every figure is printed with the load average (1 min / 5 min) read when it was taken: on a
shared 2-core machine the load moves these figures more than most changes do.

    .venv/bin/python benchmarks/serve_rebuild.py [--runs 5] [--page treaty] [--lang en] [--no-plain]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from site_copy import copy_site  # noqa: E402

# Top-level keys of mkdocs.yml that make our site ours rather than plain Material (dropped), and
# the theme lines that point at our templates. The rest (pages, nav, Markdown extensions, i18n
# languages, theme features and palette) stays, so both sites convert the same Markdown.
OURS_ONLY = {"hooks", "extra_css", "extra_javascript", "extra", "strict"}
THEME_OURS = re.compile(r"^  (custom_dir|static_templates):.*\n(?:    .*\n)*", re.M)
BUILD_TIMER = """
import sys, time
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config("mkdocs.yml")
start = time.perf_counter()
build(config)
print(f"built {time.perf_counter() - start:.3f}")
"""


@dataclass
class Figure:
    seconds: float
    load: tuple[float, float]


def load() -> tuple[float, float]:
    one, five, _ = os.getloadavg()
    return one, five


def show_load(value: tuple[float, float]) -> str:
    return f"load {value[0]:.2f} / {value[1]:.2f}"


def summary(figures: list[Figure]) -> str:
    values = [f.seconds for f in figures]
    ones = [f.load[0] for f in figures]
    return (f"median {statistics.median(values):.2f} s over {len(values)} (min {min(values):.2f}, max {max(values):.2f}; "
            f"1-min load {min(ones):.2f}-{max(ones):.2f})")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for(url: str, text: str, timeout: float) -> float | None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if text in fetch(url):
            return time.monotonic()
        time.sleep(0.05)
    return None


def plain_config(ours: str, port: int) -> str:
    """Our mkdocs.yml as plain MkDocs + Material + i18n: no hooks, overrides, extra assets or strict mode."""
    blocks = re.split(r"(?m)^(?=[A-Za-z_])", ours)
    kept = []
    for block in blocks:
        key = block.split(":", 1)[0].strip()
        if key in OURS_ONLY:
            continue
        if key == "site_url":
            block = f"site_url: http://127.0.0.1:{port}/\n"
        elif key == "theme":
            block = THEME_OURS.sub("", block)
        elif key == "plugins":
            # Plain Material searches with its own plugin, which the i18n plugin then configures per language.
            block = block.replace("plugins:\n", "plugins:\n  - search\n", 1)
            block = re.sub(r"reconfigure_search: false", "reconfigure_search: true", block)
        kept.append(block)
    return "".join(kept)


def plain_site(dest: Path, port: int) -> Path:
    shutil.copytree(ROOT / "docs", dest / "docs", ignore=shutil.ignore_patterns("__pycache__"))
    config = plain_config((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), port)
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    return dest


def first_cited_paragraph(text: str) -> int:
    """Where the first paragraph after the page's title that carries a citation starts."""
    return text.rindex("\n", 0, text.index("[^", text.index("\n# "))) + 1


def wait_for_change(url: str, old: str, timeout: float) -> float | None:
    """When `url` answers with something other than `old` (and not with nothing)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        now = fetch(url)
        if now and now != old:
            return time.monotonic()
        time.sleep(0.05)
    return None


INDEXED: list[Figure] = []  # ours: save to search caught up (Pagefind's new index served)


def serve_edits(label: str, root: Path, port: int, page: Path, url: str, runs: int, strict: bool) -> list[Figure] | None:
    """Start `mkdocs serve` in `root`, then save RUNS edits to `page` and time each until `url` serves it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"http://127.0.0.1:{port}/"}
    cmd = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"] + (["--strict"] if strict else [])
    server = subprocess.Popen(cmd, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log: list[str] = []
    threading.Thread(target=lambda: log.extend(server.stdout), daemon=True).start()
    original = page.read_text(encoding="utf-8")
    try:
        started = time.monotonic()
        if wait_for(url, "</html>", 300) is None:
            print(f"{label}: serve never answered:\n" + "".join(log[-40:]), file=sys.stderr)
            return None
        print(f"{label}: first build served after {time.monotonic() - started:.1f} s ({show_load(load())})")
        time.sleep(2.0)  # let the first build's background work (our Pagefind indexer) end
        figures = []
        for run in range(1, runs + 1):
            marker = f"zqxrebuild{run}"
            i = first_cited_paragraph(original)
            entry_url = urllib.parse.urljoin(url, "/pagefind/pagefind-entry.json")
            entry = fetch(entry_url) if strict else ""
            at = load()
            saved = time.monotonic()
            page.write_text(original[:i] + marker + original[i:], encoding="utf-8")
            served = wait_for(url, marker, 120)
            if served is None:
                print(f"{label} run {run}: the edit was never served:\n" + "".join(log[-40:]), file=sys.stderr)
                return None
            figures.append(Figure(served - saved, at))
            indexed = wait_for_change(entry_url, entry, 120) if entry else None
            caught_up = f"; search caught up {indexed - saved:.2f} s after the save" if indexed else ""
            if indexed:
                INDEXED.append(Figure(indexed - saved, at))
            print(f"{label} run {run}: saved -> served in {served - saved:.2f} s{caught_up} ({show_load(at)})")
            time.sleep(2.0)  # let the watcher and the background indexer settle before the next save
        built = [m.group(1) for line in log if (m := re.search(r"Documentation built in ([\d.]+) seconds", line))]
        print(f"{label}: build times serve logged (first build, then each rebuild): {', '.join(built)}")
        return figures
    finally:
        server.terminate()
        server.wait(timeout=30)


def plain_builds(root: Path, runs: int) -> list[Figure] | None:
    figures = []
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for run in range(1, runs + 1):
        at = load()
        done = subprocess.run([sys.executable, "-c", BUILD_TIMER], cwd=root, env=env, capture_output=True, text=True, check=False)
        match = re.search(r"^built ([\d.]+)$", done.stdout, re.M)
        if done.returncode or not match:
            print("plain build failed:\n" + done.stdout[-2000:] + done.stderr[-2000:], file=sys.stderr)
            return None
        figures.append(Figure(float(match[1]), at))
        print(f"plain build {run}: {float(match[1]):.2f} s ({show_load(at)})")
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="edits (and plain builds) per site")
    parser.add_argument("--page", default="treaty", help="page name to edit")
    parser.add_argument("--lang", default="en", choices=("en", "ja"), help="which language's page to edit")
    parser.add_argument("--no-plain", action="store_true", help="only our site (no plain Material comparison)")
    args = parser.parse_args()
    url_path = f"en/{args.page}/" if args.lang == "en" else f"{args.page}/"
    print(f"Editing docs/{args.lang}/{args.page}.md, polling /{url_path}; {os.cpu_count()} cores, {show_load(load())}")
    with tempfile.TemporaryDirectory(prefix="serve-rebuild-") as tmp:
        ours_root = copy_site(Path(tmp) / "ours", docs=True, nav=True)
        port = free_port()
        ours = serve_edits("ours", ours_root, port, ours_root / "docs" / args.lang / f"{args.page}.md",
                           f"http://127.0.0.1:{port}/{url_path}", args.runs, strict=True)
        if ours is None:
            return 1
        plain = builds = None
        if not args.no_plain:
            port = free_port()
            plain_root = plain_site(Path(tmp) / "plain", port)
            plain = serve_edits("plain", plain_root, port, plain_root / "docs" / args.lang / f"{args.page}.md",
                                f"http://127.0.0.1:{port}/{url_path}", args.runs, strict=False)
            builds = plain_builds(plain_root, args.runs)
            if plain is None or builds is None:
                return 1
    print()
    print(f"ours,  save -> served (mkdocs serve --strict, hooks):   {summary(ours)}")
    if INDEXED:
        print(f"ours,  save -> search caught up (Pagefind, background): {summary(INDEXED)}")
    if plain and builds:
        print(f"plain, save -> served (Material + i18n, no hooks):      {summary(plain)}")
        print(f"plain, build of the same pages (mkdocs build):         {summary(builds)}")
        mine = statistics.median(f.seconds for f in ours)
        print(f"ratio ours save->served / plain build:        {mine / statistics.median(f.seconds for f in builds):.1f}x (target <= 2.5x)")
        print(f"ratio ours save->served / plain save->served: {mine / statistics.median(f.seconds for f in plain):.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""MkDocs hook: build the Pagefind search index once, after the last language pass.

Pagefind's extended binary (pip package pagefind_bin_extended) segments Japanese, so readers
can type 派兵された without spaces. It writes one index per <html lang>, so a search on an
English page finds English pages. It indexes only what sits inside data-pagefind-body
(overrides/main.html): not the skip link, the navigation or the 404 page.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from sitekit import state

# Not the words of the page: footnotes and reference numbers (the citation text repeats on every
# page), heading permalinks ("¶"), the "as of" line, and the sources page's back-links and ids.
EXCLUDE = ".footnote, sup[id^=\"fnref\"], .headerlink, .page-as-of, .cited-in, .source-id"


# Material's own search (lunr and its worker) is never loaded here: don't publish it.
def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in [f for f in files if f.src_uri.startswith(("assets/javascripts/lunr/", "assets/javascripts/workers/search."))]:
        files.remove(file)
    return files


SERVING = False  # this process runs `mkdocs serve`: a rebuild does not wait for Pagefind
INDEXER: subprocess.Popen | None = None  # under serve, the indexer started after the last build


def on_startup(command: str, dirty: bool) -> None:
    global SERVING
    SERVING = command == "serve"


# A rebuild empties the site folder the indexer may still be writing into: stop it first.
def on_pre_build(config: MkDocsConfig) -> None:
    _stop_indexer()


def on_shutdown() -> None:
    _stop_indexer()


def _stop_indexer() -> None:
    global INDEXER
    if INDEXER is not None and INDEXER.poll() is None:
        INDEXER.terminate()
        INDEXER.wait()
    INDEXER = None


# Under mkdocs-static-i18n the other languages are built inside the default language's
# on_post_build (priority -100), with plugin.building set; running after it, outside those
# inner passes, is running once after every page of every language exists (serve included).
@event_priority(-300)
def on_post_build(config: MkDocsConfig) -> None:
    plugin = config.plugins.get("i18n")
    if plugin is not None and getattr(plugin, "building", False):
        return
    site = Path(state.SITE.site_dir)
    command = [sys.executable, "-m", "pagefind_bin_extended", "--site", str(site), "--exclude-selectors", EXCLUDE, "--quiet"]
    if SERVING:
        _index_in_background(command)
        return
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not (site / "pagefind" / "pagefind-ui.js").exists():
        raise Abort(f"Pagefind could not index {site}: {(done.stderr or done.stdout).strip()} (is pagefind[extended] installed? make install)")


def _index_in_background(command: list[str]) -> None:
    """While serving, the rebuilt page is served at once and search catches up a few seconds
    later (indexing the whole site took about a third of a rebuild)."""
    global INDEXER
    _stop_indexer()
    INDEXER = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

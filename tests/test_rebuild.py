"""A rebuild in one process (as `mkdocs serve` makes after every save) equals a fresh build.

MkDocs imports the hook modules once per process and keeps them across rebuilds, so anything a
build keeps in them would leak into the next: a stale feed, a translation notice, labels.yml's
old words. The build state lives in one object replaced at the start of every build
(sitekit.state.start_build); this test is the guard the review's experiment 2 asked for.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from support.data_helpers import add_data

# Build, apply the edits, build again: in one process, as `mkdocs serve` does (a fresh config each time).
IN_ONE_PROCESS = """
import shutil, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

root, out = Path(sys.argv[1]), Path(sys.argv[2])
build(load_config(str(root / "mkdocs.yml")))
for rel, old, new in EDITS:
    path = root / rel
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
build(load_config(str(root / "mkdocs.yml")))
shutil.copytree(root / "site", out)
"""
FRESH = "import sys\nfrom pathlib import Path\nfrom mkdocs.commands.build import build\nfrom mkdocs.config import load_config\n"
FRESH += "build(load_config(str(Path(sys.argv[1]) / 'mkdocs.yml')))\n"
# (file, text, replacement): a page in one language (its twin falls behind: a notice and a
# feed entry), a timeline event, a word of labels.yml (read once and cached), and what the
# renders kept across rebuilds are made from (state.reused): an estimate (its chart), a place's
# name (the map's labels), a source's title (its citation), the chart's template and the
# citations' template (which alone changes the other source's citation).
EDITS = [
    ("docs/en/about.md", "Reuters reported it.", "Reuters reported it too."),
    ("docs/en/about.md", "as_of: 2024-10-18\n", "as_of: 2024-10-18\nupdated: 2024-11-01\nchange: Reworded a sentence.\n"),
    ("docs/timeline.yml", "Shell deliveries continued.", "Shell deliveries went on."),
    ("hooks/sitekit/labels.yml", "This page reflects sources up to", "This page rests on sources up to"),
    ("docs/estimates.yml", "low: 10000\n  high: 12000\n", "low: 10000\n  high: 13000\n"),
    ("docs/places.yml", "en: Vladivostok\n", "en: Vladivostok Port\n"),
    ("docs/sources.yml", "title_en: North Korea sends soldiers to Russia", "title_en: North Korea sends its soldiers to Russia"),
    ("overrides/partials/estimates-chart.html", '<figure class="est-chart"', '<figure class="est-chart est-edited"'),
    ("overrides/partials/citation.html", '<span class="citation" data-source=', '<span class="citation edited" data-source='),
]


def _files(site: Path) -> dict[str, bytes]:
    # Pagefind's index and the gzipped sitemap carry build times; everything else must match.
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and "pagefind" not in p.relative_to(site).parts and p.name != "sitemap.xml.gz"}


def _run(code: str, *args: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "http://127.0.0.1:8000/"}
    done = subprocess.run([sys.executable, "-c", code, *map(str, args)], cwd=args[0], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]


def test_a_rebuild_after_edits_equals_a_fresh_build(project, tmp_path):
    add_data(project, "timeline", "estimates", "map")
    _run(f"EDITS = {EDITS!r}\n{IN_ONE_PROCESS}", project.root, tmp_path / "rebuilt")
    for rel, _old, new in EDITS:  # the script made them; they are what the fresh build reads
        assert new in (project.root / rel).read_text(encoding="utf-8"), rel
    _run(FRESH, project.root)
    rebuilt, fresh = _files(tmp_path / "rebuilt"), _files(project.root / "site")
    assert sorted(rebuilt) == sorted(fresh)
    assert [name for name in fresh if rebuilt[name] != fresh[name]] == []
    page = fresh["en/about/index.html"].decode()
    assert "Reuters reported it too" in page and "This page rests on sources up to" in page
    # the edits reached the pages (the renders kept from the first build were not served)
    estimates, places = fresh["en/estimates/index.html"].decode(), fresh["en/map/index.html"].decode()
    assert "about 10,000–13,000</title>" in estimates and '<figure class="est-chart est-edited"' in estimates
    assert "Pyongyang → Vladivostok Port → Kursk Oblast" in places and "North Korea sends its soldiers to Russia" in page
    assert '<span class="citation edited" data-source="nis-2024-10-18">' in page


# Build, break a page, build, mend it, build: what each build reports, in one process.
BREAK_AND_MEND = """
import sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

root = Path(sys.argv[1])
page = root / "docs/en/about.md"
good = page.read_text(encoding="utf-8")
for text in (good, good.replace("Reuters reported it.", '<span onclick="x">Reuters</span> reported it.'), good):
    page.write_text(text, encoding="utf-8")
    try:
        build(load_config(str(root / "mkdocs.yml")))
        print("built")
    except Abort as stop:
        print(stop.format_message().splitlines()[0])
"""


def test_a_rebuild_reports_a_new_problem_and_forgets_a_mended_one(project):
    # The checks' results are kept across rebuilds for pages that did not change (state.reused):
    # the page that changed is checked again, both ways.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "http://127.0.0.1:8000/"}
    done = subprocess.run([sys.executable, "-c", BREAK_AND_MEND, str(project.root)], cwd=project.root, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.splitlines()[0] == "built" and done.stdout.splitlines()[2] == "built"
    assert done.stdout.splitlines()[1].startswith("docs/en/about.md:9: ") and "onclick" in done.stdout.splitlines()[1]

"""Random Markdown with random footnote syntax never crashes the checks and never ships an
unresolved citation: either the checks report a problem, or every [^…] renders as a footnote."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jinja2 import Environment, FileSystemLoader

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from sitekit import render  # noqa: E402
from sitekit.site import collect  # noqa: E402

REGISTRY = (Path(__file__).parent / "fixtures/base-sources.yml").read_text(encoding="utf-8")
IDS = ["nis-2024-10-18", "reuters-2024-10-18"]
LABELS = IDS + ["nis-2024-1018", "note-a", "note-b", "", " ", "x y", "a]b", "^", "NIS", "ノート"]
# Not an article: the uncited-paragraph rule would stop most random pages before rendering.
FRONT = "---\ntitle: t\ndescription: d\narticle: false\n---\n\n"
ENV = render.install_filters(Environment(loader=FileSystemLoader(str(ROOT / "overrides"))))
LEFTOVER = re.compile(r"\[\^")
CODE = re.compile(r"<(code|pre)\b.*?</\1>", re.S)

label = st.one_of(st.sampled_from(IDS), st.sampled_from(IDS), st.sampled_from(IDS), st.sampled_from(LABELS))
word = st.sampled_from(["北朝鮮", "派兵", "treaty", "shells", "1万人", "(", ")", "*", "_", "[", "]", ":", "!", "|"])
inline = st.one_of(
    word,
    label.map(lambda x: f"[^{x}]"),
    label.map(lambda x: f"`[^{x}]`"),
    label.map(lambda x: f"``a`[^{x}]``"),
    st.just("`"),
)
line = st.one_of(
    st.lists(inline, max_size=8).map(" ".join),
    label.map(lambda x: f"[^{x}]: note text"),
    st.tuples(label, label).map(lambda t: f"[^{t[0]}]: a note [^{t[1]}]"),
    st.sampled_from(["", "```", "~~~", "    indented [^note-a]", "- item", "| a | b |", "|---|---|", "# heading", "> quote"]),
)


def render_page(text: str, cited: list[str]) -> str:
    sources = {}
    for sid in cited:
        sources[sid] = f"[^{sid}]: " + render.citation(ENV, SOURCES[sid], "ja")
    body = "\n\n".join([text.rstrip(), *sources.values()]) + "\n"
    extensions = ["footnotes", "attr_list", "md_in_html", "tables", "abbr", "def_list", "pymdownx.superfences"]
    return markdown.markdown(body, extensions=extensions)


SOURCES: dict = {}
RENDERED: list[int] = []


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(line, min_size=1, max_size=8))
def test_random_footnotes_are_reported_or_resolved(tmp_path, lines):
    body = "\n".join(lines)
    for locale in ("ja", "en"):
        page = tmp_path / "docs" / locale / "p.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(FRONT + body + "\n", encoding="utf-8")
    (tmp_path / "docs/sources.yml").write_text(REGISTRY, encoding="utf-8")
    site, problems = collect(tmp_path / "docs", tmp_path)  # must never raise
    SOURCES.update(site.sources)
    # A registry entry this random page happens not to cite is not what is under test here.
    if [p for p in problems if not p.path.endswith("sources.yml")]:
        return
    RENDERED.append(1)
    cited = sorted(site.cites.per_page[("ja", "p.md")])
    html = render_page(body, cited)
    assert not LEFTOVER.search(CODE.sub("", html)), html


def test_the_property_rendered_real_pages():
    # Guards against a generator so hostile that every example stops at a problem.
    assert len(RENDERED) >= 20, f"only {len(RENDERED)} random pages passed the checks"

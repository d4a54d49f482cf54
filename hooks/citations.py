"""MkDocs hook: check the citation contract for both languages, then render footnotes.

Under mkdocs-static-i18n every event fires once per language and the English pass
runs inside the Japanese pass's on_post_build. All files of both languages are
therefore checked in the first (default-language) pass, before anything is written,
so that a contributor sees every problem at once.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from sitekit import render, state
from sitekit.datasets import DATASETS
from sitekit.markdown_scan import MARKER
from sitekit.problems import Problem, abort_if_any
from sitekit.site import validate

LITERAL_REF = re.compile(r"\[\^[^\]]*\]")
CODE = re.compile(r"<(code|pre)\b.*?</\1>", re.S)


# Check every page of both languages once per build, before the i18n plugin filters files.
@event_priority(100)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    if state.is_first_pass(config):
        root = Path(config.config_file_path).parent
        state.SITE = validate(Path(config.docs_dir), root)
        state.SITE.site_dir = Path(config.site_dir)
        state.ENV = render.install_filters(config.theme.get_env())
    return files


# Expand data markers, then append one footnote definition per cited source.
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    locale, rel = state.page_key(page)
    context = {"site": state.SITE, "page": page, "files": files, "env": state.ENV, "locale": locale}

    def expand(match: re.Match[str]) -> str:
        dataset = DATASETS.get(match.group(1))
        if dataset is None:
            return match.group(0)
        return dataset.render(state.SITE.cites.data.get(dataset.marker), locale, context)

    markdown = re.sub(MARKER.pattern, expand, markdown, flags=re.M)
    cited = state.SITE.cites.per_page.get((locale, rel), {})
    definitions = [f"[^{sid}]: {state.citation(sid, locale)}" for sid in sorted(cited)]
    extra = state.abbreviations(locale)
    return "\n\n".join([markdown.rstrip(), *definitions, extra]) + "\n"


# Last line of defence: a citation Python-Markdown could not resolve must never ship as text.
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    leftover = LITERAL_REF.search(CODE.sub("", html))
    if leftover:
        shown = f"docs/{page.file.src_uri}"
        abort_if_any([Problem(shown, 1, f"{leftover.group(0)} was left unresolved in the output; check its syntax")])
    return html

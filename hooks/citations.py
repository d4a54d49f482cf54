"""MkDocs hook: check the citation contract for both languages, then render footnotes safely.

Under mkdocs-static-i18n every event fires once per language and the English pass
runs inside the Japanese pass's on_post_build. All files of both languages are
therefore checked in the first (default-language) pass, before anything is written,
so that a contributor sees every problem at once. The checks read what Python-Markdown
itself makes of each page (sitekit.mdx): every page is converted once for the
checks, with the same extensions and settings, then again by MkDocs to be written.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from sitekit import checks, footnote_ids, i18n, mdx, render, state
from sitekit.problems import abort_if_any
from sitekit.site import validate


# The site's extensions (sitekit.mdx) join the Markdown extensions of every page MkDocs converts.
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if plugin := config.plugins.get("i18n"):
        i18n.configure(plugin)
    if problem := footnote_ids.config_problem(config.mdx_configs):
        raise PluginError(problem)
    if not any(mdx.ours(e) for e in config.markdown_extensions):
        config.markdown_extensions.extend(mdx.extensions())
    return config


# Every build and rebuild starts here, in the default language's pass: forget the last one.
def on_pre_build(config: MkDocsConfig) -> None:
    if state.is_first_pass(config):
        state.start_build()


# Check every page of both languages once per build, before the i18n plugin filters files.
@event_priority(100)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    if state.is_first_pass(config):
        _validate(config, files)
    return files


# Tell the recorder which page comes next; append the abbreviations of its language.
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    locale, _ = state.page_key(page)
    context = {"site": state.SITE, "page": page, "files": files, "env": state.ENV, "locale": locale}
    mdx.recorder_of(config.markdown_extensions).conversion.page = state.page_input(locale, context)
    return f"{markdown.rstrip()}\n\n{state.abbreviations(locale)}\n"


# What ships is exactly what passed the allowlist: MkDocs' own conversion is checked again, and
# it must cite what the checks' conversion cited (the sources page, the JSON-LD and the source
# mix count from that one).
@event_priority(100)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    key = state.page_key(page)
    checked, site = state.SITE.pages.get(key), state.SITE
    if checked is not None:  # every page is; the 404 page is a template, not a page
        view = mdx.recorder_of(config.markdown_extensions).view
        view.html = html
        abort_if_any(checks.rendered_problems(dataclasses.replace(checked, view=view), site.known))
        shipped = Counter({label: n for label, n in view.cited.items() if label in site.sources})
        if shipped != site.cites.per_page.get(key, Counter()):
            raise PluginError(f"{checked.shown}: MkDocs' conversion cites {dict(shipped)}, the checks' conversion "
                              f"{dict(site.cites.per_page.get(key, {}))}: the build converts this page two ways (a bug in hooks/)")
    return html


def _validate(config: MkDocsConfig, files: Files) -> None:
    """Read and check everything, render every page for the checks, stop on any problem."""
    root = Path(config.config_file_path).parent
    state.BUILD.env = render.install_filters(config.theme.get_env())
    problems = validate(
        Path(config.docs_dir), root, (config.markdown_extensions, config.mdx_configs), scripts=list(config.extra_javascript),
        theme_dirs=[Path(folder) for folder in config.theme.dirs], files=files, nav=config.nav, config_file=Path(config.config_file_path),
    )
    state.SITE.site_dir = Path(config.site_dir)
    abort_if_any(problems)

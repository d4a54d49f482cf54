"""MkDocs hook: check the citation contract for both languages, then render footnotes safely.

Every page is converted once per build, by MkDocs, with the site's Markdown extensions
(sitekit.mdx) recording what Python-Markdown made of it; the checks read that conversion, the
one that is written. Under mkdocs-static-i18n every event fires once per language and the
English pass runs inside the Japanese pass's on_post_build, so the build goes:

1. on_files, first pass: read every file of both languages and check what needs no
   conversion (sitekit.site.read). A problem there stops the build at once, with every page
   converted by the checks (sitekit.prerender) so that all problems are listed together.
2. on_nav: the page that lists what the others cite (the sources page) is converted last.
3. on_page_content, each page as MkDocs converts it: the page's checks (sitekit.checks).
4. on_env, first pass (its pages converted, nothing written yet): if any page had a problem,
   the other language's pages are converted by the checks too, and the build stops listing
   every problem of both languages.
5. on_env, last pass (every page converted): the rules across pages (both languages cite the
   same sources, every source is cited). A problem here, or on a page of this language, empties
   the site folder before the build stops: nothing half-written is left to deploy.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import clean_directory
from sitekit import checks, footnote_ids, i18n, mdx, render, site, state
from sitekit.datasets import lists_citations
from sitekit.problems import abort_if_any


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


# Read and check every file of both languages once per build, before the i18n plugin filters them.
@event_priority(100)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    if state.is_first_pass(config):
        state.BUILD.env = render.install_filters(config.theme.get_env())
        custom_dir = config.theme.custom_dir
        state.BUILD.templates = render.templates_digest(Path(custom_dir) if custom_dir else None)
        state.BUILD.problems = site.read(
            Path(config.docs_dir), Path(config.config_file_path).parent, scripts=list(config.extra_javascript),
            theme_dirs=[Path(folder) for folder in config.theme.dirs], nav=config.nav, config_file=Path(config.config_file_path),
        )
        state.SITE.site_dir = Path(config.site_dir)
        if state.BUILD.problems:
            _stop(config, files)
    return files


# MkDocs converts the pages in the order of `files`: the sources page, which links to every
# citation of its language, goes after the pages it links to.
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    for file in files.documentation_pages():
        checked = state.SITE.pages.get(i18n.page_key(file.src_uri))
        if checked is not None and lists_citations(checked.body):
            files.remove(file)
            files.append(file)
    return nav


# Tell the recorder which page comes next; append the abbreviations of its language.
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    locale, _ = state.page_key(page)
    context = {"site": state.SITE, "page": page, "files": files, "env": state.ENV, "locale": locale}
    mdx.recorder_of(config.markdown_extensions).conversion.page = state.page_input(locale, context)
    return f"{markdown.rstrip()}\n\n{state.abbreviations(locale)}\n"


# The checks read MkDocs' own conversion of the page, the one that is written.
@event_priority(100)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    checked = state.SITE.pages.get(state.page_key(page))
    if checked is not None:  # every page is; the 404 page is a template, not a page
        checked.view = mdx.recorder_of(config.markdown_extensions).view
        checked.view.html = html
        state.BUILD.problems += checks.check_page(checked, state.SITE.known, state.SITE.cites)
    return html


# Every page of this language is converted and nothing of it is written yet.
@event_priority(100)
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    if state.is_first_pass(config) and state.BUILD.problems:
        _stop(config, files)
    if state.current_locale(config) == i18n.locales()[-1]:  # the last pass: every page converted
        problems = state.BUILD.problems + site.check_rest(state.SITE, _markdown(config), files)
        if problems:
            clean_directory(str(state.SITE.site_dir))  # the pages of the passes before
            abort_if_any(problems)
    return env


def _stop(config: MkDocsConfig, files: Files) -> None:
    """Convert with the checks every page MkDocs has not converted, check them, and stop,
    listing every problem of both languages."""
    abort_if_any(state.BUILD.problems + site.check_rest(state.SITE, _markdown(config), files))


def _markdown(config: MkDocsConfig) -> tuple[list, dict]:
    return config.markdown_extensions, config.mdx_configs

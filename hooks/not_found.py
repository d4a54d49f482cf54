"""MkDocs hook: one 404 page per language, with the default language's at the site root.

Every language pass renders 404.html to the same place, the root of site_dir, so without this
hook the last pass (English) wins. Here the default language's page is kept at the root and
every other language's goes to its own folder (/en/404.html), for hosts that serve the
nearest 404.html.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from sitekit import state


# Keep the default language's 404 at the root; write the other languages' 404 into their folders.
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output_content
    if state.is_first_pass(config):
        state.BUILD.root_404 = output_content
        return output_content
    out = Path(state.SITE.site_dir) / state.current_locale(config) / "404.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(output_content, encoding="utf-8")
    return state.BUILD.root_404 or output_content

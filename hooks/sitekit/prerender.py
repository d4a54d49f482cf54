"""Every page of both languages converted once for the checks, before MkDocs writes anything.

The conversion is Python-Markdown's own, with the extensions and settings of mkdocs.yml and
the recorder (sitekit.markdown_view), so the checks see exactly what MkDocs will render.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from . import state
from .markdown_view import Renderer
from .site import Site


def render_views(site: Site, extensions: list, configs: dict[str, Any], files: Any = None) -> None:
    """Set `page.view` on every readable page (data markers expanded as on the real pages)."""
    renderer = Renderer(extensions, configs)
    for (locale, rel), page in site.pages.items():
        if not page.readable:
            continue
        file = files.get_file_from_path(f"{locale}/{rel}") if files is not None else None
        # The data renderers link from the page's URL; before the build a stand-in gives it.
        file = file or SimpleNamespace(src_uri=f"{locale}/{rel}", url=f"{locale}/{rel.removesuffix('.md')}/")
        stand_in = SimpleNamespace(file=file, url=file.url)
        context = {"site": site, "page": stand_in, "files": files, "env": state.ENV, "locale": locale}
        text = f"{page.body.rstrip()}\n\n{state.abbreviations(locale)}\n"
        page.view = renderer.view(text, state.page_input(locale, context))

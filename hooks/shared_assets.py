"""MkDocs hook: files shared by both languages (docs/assets/) stay linkable from English pages.

With `fallback_to_default: false`, mkdocs-static-i18n drops every file outside a language
folder from the other languages' file lists, so `![map](../assets/images/share.png)` on an
English page failed the strict build, although the image is published at the site root.
The default language's pass keeps those files (with their root address); each other pass
gets them back, so links resolve to /assets/… (MkDocs copies them onto themselves once more).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from sitekit import state


# After the i18n plugin (priority -100) has built this language's list of files.
@event_priority(-150)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    if state.is_first_pass(config):
        state.BUILD.shared_files = [f for f in files.media_files() if f.src_uri.startswith("assets/")]
        return files
    for shared in state.BUILD.shared_files:
        if files.get_file_from_path(shared.src_uri) is None:
            files.append(shared)
    return files

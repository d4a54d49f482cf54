"""MkDocs hook: publish every data set's downloads (JSON, CSV) once per build, in the site root."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from sitekit import state
from sitekit.datasets import DATASETS


# In the default language's pass, before the i18n plugin (priority -100) builds the other
# language inside this same event: the data are the same for both languages, so once is enough.
@event_priority(100)
def on_post_build(config: MkDocsConfig) -> None:
    if not state.is_first_pass(config):
        return
    root = Path(state.SITE.site_dir)
    for marker, dataset in DATASETS.items():
        data = state.SITE.cites.data.get(marker)
        if dataset.downloads is None or data is None:
            continue
        for name, text in dataset.downloads(data).items():
            # CSV with a BOM so that spreadsheet programs read the Japanese text as UTF-8; bytes, so
            # that the CSV's CRLF line ends are written as they are on every system
            (root / name).write_bytes(text.encode("utf-8-sig" if name.endswith(".csv") else "utf-8"))

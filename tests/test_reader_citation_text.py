"""Citations read as sentences on the published pages: an undated source ends its date with
one full stop ("n.d. Accessed …"), never two."""

from __future__ import annotations

import re

import yaml
from support.project import ROOT


def test_undated_sources_exist_so_that_this_can_fail():
    sources = yaml.safe_load((ROOT / "docs" / "sources.yml").read_text(encoding="utf-8"))
    assert any(not s.get("published") for s in sources)


def test_no_citation_has_a_doubled_full_stop(real_site):
    seen = 0
    for path in sorted((real_site / "en").rglob("index.html")):
        for citation in re.findall(r'<span class="citation"[^>]*>.*?</span>', path.read_text(encoding="utf-8"), re.S):
            text = re.sub(r"<[^>]+>", "", citation)
            seen += "n.d." in text
            assert ".." not in text, f"{path.relative_to(real_site)}: {text}"
    assert seen, "no undated citation was rendered"

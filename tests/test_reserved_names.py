"""The list of markup code acts on (hooks/sitekit/reserved.py) is read from the code: these tests
read Material's bundle (its source map), the site's scripts and stylesheets and Pagefind's
exclusions, and fail when one of them acts on a name the list does not hold."""

from __future__ import annotations

import json
import re
from pathlib import Path

import material
import pytest
import search_index
from sitekit import reserved

ROOT = Path(__file__).resolve().parents[1]


SCRIPTS = sorted((ROOT / "docs/assets/javascripts").glob("*.js"))
STYLESHEETS = [ROOT / "docs/assets/stylesheets/site.css", ROOT / "overrides/assets/stylesheets/data.css"]
# A declaration that hides an element or takes it out of the flow to lay it elsewhere.
HIDES = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|position\s*:\s*(?:fixed|absolute)|opacity\s*:\s*0\b")


def _class_owner(name: str) -> str | None:
    return reserved._owner(name, reserved.CLASSES)


def _data_owner(name: str) -> str | None:
    return reserved._owner(name, reserved.DATA_ATTRIBUTES)


def _material_sources() -> list[str]:
    folder = Path(material.__file__).parent / "templates/assets/javascripts"
    source_map = json.loads(next(folder.glob("bundle.*.min.js.map")).read_text(encoding="utf-8"))
    return [text for path, text in zip(source_map["sources"], source_map["sourcesContent"], strict=True) if "node_modules" not in path]


def test_every_data_attribute_materials_own_code_reads_is_reserved():
    names = {name for text in _material_sources() for name in re.findall(r"data-[a-z][a-z-]*[a-z]", text)}
    assert names, "the source map holds Material's sources"
    assert not sorted(name for name in names if not _data_owner(name))


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_every_name_the_sites_scripts_look_up_is_reserved(script):
    text = script.read_text(encoding="utf-8")
    selectors = re.findall(r"""(?:querySelector(?:All)?|getAttribute|hasAttribute)\(\s*["']([^"']+)["']""", text)
    data = {name for s in selectors for name in re.findall(r"data-[a-z][a-z-]*[a-z]", s)}
    data |= {name for name in re.findall(r"""getAttribute\(\s*["']([^"']+)""", text) if name.startswith("data-")}
    classes = {name for s in selectors for name in re.findall(r"\.([a-zA-Z][\w-]*)", s)}
    assert selectors, "the script looks something up"
    assert not sorted(name for name in data if not _data_owner(name))
    assert not sorted(name for name in classes if not _class_owner(name))


@pytest.mark.parametrize("sheet", STYLESHEETS, ids=lambda p: p.name)
def test_every_class_the_sites_stylesheets_hide_or_lift_is_reserved(sheet):
    text = re.sub(r"/\*.*?\*/", "", sheet.read_text(encoding="utf-8"), flags=re.S)
    lifted = set()
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", text):
        if HIDES.search(body):
            lifted |= set(re.findall(r"\.([a-zA-Z][\w-]*)", selectors)) | {f"#{i}" for i in re.findall(r"#([a-zA-Z][\w-]*)", selectors)}
    unreserved = sorted(name for name in lifted if not (reserved.id_owner(name[1:]) if name.startswith("#") else _class_owner(name)))
    assert not unreserved


def test_every_class_pagefind_is_told_to_skip_is_reserved():
    classes = re.findall(r"\.([a-zA-Z][\w-]*)", search_index.EXCLUDE)
    assert classes and not sorted(name for name in classes if not _class_owner(name))


def test_the_frame_ids_are_those_of_the_cite_and_search_templates():
    templates = "".join((ROOT / "overrides/partials" / name).read_text(encoding="utf-8") for name in ("cite-page.html", "search.html"))
    written = re.findall(r'id="([^"{]*)(?:\{\{ style \}\})?([^"{]*)"', templates)
    assert ("site-search", "") in written and ("cite-", "-name") in written and ("cite-", "") in written
    assert {"site-search", "cite-apa", "cite-apa-name", "cite-sist", "cite-chicago-name"} <= set(reserved.frame_ids())

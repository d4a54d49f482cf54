"""The helpers of tests/conftest.py, importable by name from any test module.

`from conftest import …` is ambiguous since tests/browser/conftest.py exists: pytest
imports both as the top-level module "conftest", and whichever it imported last wins
(the browser one even defines its own `page`). This module loads tests/conftest.py by
path under a name of its own, so `from site_conftest import Project, page` is always ours.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_PATH = Path(__file__).with_name("conftest.py")
_NAME = "_site_tests_conftest"
if _NAME not in sys.modules:
    _spec = importlib.util.spec_from_file_location(_NAME, _PATH)
    assert _spec and _spec.loader
    sys.modules[_NAME] = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(sys.modules[_NAME])
_conftest = sys.modules[_NAME]

BASE_PAGES = _conftest.BASE_PAGES
BASE_REGISTRY = _conftest.BASE_REGISTRY
FIXTURES = _conftest.FIXTURES
ROOT = _conftest.ROOT
Build = _conftest.Build
Project = _conftest.Project
page = _conftest.page

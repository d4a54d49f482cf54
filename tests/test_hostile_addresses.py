"""Addresses that read as one place and go to another, judged as a browser parses them (WHATWG URL
Standard, through ada): in pages, in data texts and in the registry (issue 18). Each is refused
with its line and what it really does; the addresses that must still work are in
tests/test_hostile_lookalikes.py.

Pages and data texts share one batch build; the registry stops every other check when it is
broken, so its cases are checked in process, one tree each."""

from __future__ import annotations

import pytest
from sitekit import messages as M
from support.batch import FIRST, add_case_page, run
from support.data_helpers import DATA, add_data
from support.inprocess import problem_lines
from support.project import BASE_REGISTRY, Project
from test_hostile_data import correction, estimate, event, place, source

L = FIRST
NIS = "[^nis-2024-10-18]"
UNCITED = M.UNCITED_PARAGRAPH()
USER, HOST, TEXT = M.ADDRESS_USER_NAME, M.ADDRESS_OTHER_HOST, M.MISLEADING_LINK_TEXT


def BACKSLASH(address: str, host: str) -> str:  # noqa: N802 - a message, like USER
    return M.ADDRESS_BACKSLASH(address=address, goes=M.GOES_TO(host=host))


def BREAK(address: str, host: str) -> str:  # noqa: N802
    return M.ADDRESS_LINE_BREAK(address=address, goes=M.GOES_TO(host=host))


CYRILLIC = "r\u0435uters.com"  # the е is Cyrillic

# name -> (payload from line L, [(line, message), ...])
PAGES: dict[str, tuple[str, list[tuple[int, str]]]] = {
    # Backslashes: browsers read them as slashes, so these load from or go to evil.example.
    "image-src-backslash-slash": ('<img src="\\/evil.example/x.png" alt="x">', [(L, BACKSLASH("\\/evil.example/x.png", "evil.example"))]),
    "image-src-slash-backslash": ('<img src="/\\evil.example/x.png" alt="x">', [(L, BACKSLASH("/\\evil.example/x.png", "evil.example"))]),
    "markdown-image-backslash": ("![x](\\/evil.example/x.png)", [(L, BACKSLASH("\\/evil.example/x.png", "evil.example"))]),
    "link-backslashes-after-scheme": (
        f'<a href="https:\\\\evil.example\\x">x</a>{NIS}',
        [(L, BACKSLASH("https:\\\\evil.example\\x", "evil.example"))],
    ),
    # A user name before "@": reads as Reuters, goes to evil.example.
    "link-user-name-reads-as-reuters": (
        f"[ロイター](https://www.reuters.com@evil.example/world/){NIS}",
        [(L, USER("https://www.reuters.com@evil.example/world/", "evil.example", "www.reuters.com"))],
    ),
    "link-user-and-password": (
        f"[ロイター](https://www.reuters.com:443@evil.example/){NIS}",
        [(L, USER("https://www.reuters.com:443@evil.example/", "evil.example", "www.reuters.com"))],
    ),
    "image-user-name": ('<img src="https://share.png@evil.example/x.png" alt="x">', [
        (L, USER("https://share.png@evil.example/x.png", "evil.example", "share.png"))]),
    # Hosts a browser maps to another before use.
    "link-cyrillic-host": (
        f"[ロイター](https://{CYRILLIC}/world/){NIS}",
        [(L, HOST(f"https://{CYRILLIC}/world/", "xn--ruters-3of.com", CYRILLIC))],
    ),
    "link-full-width-host": (
        f"[x](https://ｅｖｉｌ.example/){NIS}",
        [(L, HOST("https://ｅｖｉｌ.example/", "evil.example", "ｅｖｉｌ.example"))],
    ),
    "link-percent-encoded-host": (
        f"[x](https://www.reu%74ers.com/){NIS}",
        [(L, HOST("https://www.reu%74ers.com/", "www.reuters.com", "www.reu%74ers.com"))],
    ),
    "link-hexadecimal-ip": (f"[x](https://0x7f.1/){NIS}", [(L, HOST("https://0x7f.1/", "127.0.0.1", "0x7f.1"))]),
    # Tabs and line breaks, which browsers drop.
    "link-line-break-in-host": (
        f'<a href="https://evil.exa\nmple/">x</a>{NIS}',
        [(L, BREAK("https://evil.exa\\u000ample/", "evil.example"))],
    ),
    # Link text that shows another address than the link's.
    "link-text-shows-reuters": (
        f"[www.reuters.com/world](https://evil.example/world){NIS}",
        [(L, TEXT("www.reuters.com/world", "reuters.com", "evil.example"))],
    ),
    "link-text-full-address": (
        f"[https://www.reuters.com/world/](https://evil.example/){NIS}",
        [(L, TEXT("https://www.reuters.com/world/", "reuters.com", "evil.example"))],
    ),
    "link-text-look-alike-host": (
        f"[{CYRILLIC}](https://xn--ruters-3of.com/){NIS}",
        [(L, TEXT(CYRILLIC, CYRILLIC, "xn--ruters-3of.com"))],
    ),
    "link-text-host-as-prefix": (
        f"[reuters.com](https://reuters.com.evil.example/){NIS}",
        [(L, TEXT("reuters.com", "reuters.com", "reuters.com.evil.example"))],
    ),
}
def DATA_TEXT(key: str, message: str) -> str:  # noqa: N802
    return M.TEXT_DECEIVES(key=key, problem=message.split(" ", 1)[1])  # the page's message, without its code


# Data entries appended to valid files: name -> (file, entry, text on the line at fault, message)
DATA_CASES = {
    "timeline-user-name": (
        "docs/timeline.yml",
        event("'Said [so](https://www.reuters.com@evil.example/world/).'"),
        "Said",
        DATA_TEXT("en", USER("https://www.reuters.com@evil.example/world/", "evil.example", "www.reuters.com")),
    ),
    "timeline-link-text": (
        "docs/timeline.yml",
        event("'See [www.reuters.com](https://evil.example/).'"),
        "See",
        DATA_TEXT("en", TEXT("www.reuters.com", "reuters.com", "evil.example")),
    ),
    "estimate-note-cyrillic": (
        "docs/estimates.yml",
        estimate(note=f"{{ja: 注, en: '[x](https://{CYRILLIC}/)'}}"),
        "note:",
        DATA_TEXT("note", HOST(f"https://{CYRILLIC}/", "xn--ruters-3of.com", CYRILLIC)),
    ),
    "place-role-backslash": (
        "docs/places.yml",
        place("p-slash", role="{ja: 港, en: '[port](https:/\\evil.example)'}"),
        "role:",
        DATA_TEXT("role", BACKSLASH("https:/\\evil.example", "evil.example")),
    ),
    "correction-user-name": (
        "docs/corrections.yml",
        correction(en="'Corrected; see [the report](https://www.reuters.com@evil.example/).'"),
        "Corrected",
        DATA_TEXT("en", USER("https://www.reuters.com@evil.example/", "evil.example", "www.reuters.com")),
    ),
}
MUST = M.NOT_HTTPS
# Registry entries: name -> (entry, text on the line at fault, message)
REGISTRY = {
    "url-user-name-reads-as-reuters": (
        source("z-2024-10-18", url="https://www.reuters.com@evil.example/world/"),
        "url:",
        M.URL_USER_NAME(key="url", value="https://www.reuters.com@evil.example/world/", goes="evil.example", reads="www.reuters.com"),
    ),
    "url-cyrillic-host": (
        source("z-2024-10-18", url=f"https://{CYRILLIC}/world/"),
        "url:",
        M.URL_OTHER_HOST(key="url", value=f"https://{CYRILLIC}/world/", goes="xn--ruters-3of.com", reads=CYRILLIC),
    ),
    "archive-url-full-width-host": (
        source("z-2024-10-18", archive_url="https://ｗｅｂ.archive.org/web/x"),
        "archive_url:",
        M.URL_OTHER_HOST(key="archive_url", value="https://ｗｅｂ.archive.org/web/x", goes="web.archive.org", reads="ｗｅｂ.archive.org"),
    ),
    "url-backslash": (source("z-2024-10-18", url="'https:\\\\evil.example\\x'"), "url:", MUST("url", "https:\\\\evil.example\\x")),
    "url-tab-escape": (source("z-2024-10-18", url='"https://www.reuters.com/wor\\tld/"'), "url:", MUST("url", "https://www.reuters.com/wor\\u0009ld/")),
    "url-not-https": (source("z-2024-10-18", url="http://www.reuters.com/world/"), "url:", MUST("url", "http://www.reuters.com/world/")),
    "url-empty-host": (source("z-2024-10-18", url="'https:///world/'"), "url:", MUST("url", "https:///world/")),
    "title-reads-as-another-address": (
        source("z-2024-10-18", title="www.reuters.com", url="https://evil.example/world/"),
        "title:",
        M.TITLE_READS_AS_ADDRESS(key="title", shows="reuters.com", goes="evil.example"),
    ),
}


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("hostile-addresses"))
    for name, (payload, _) in PAGES.items():
        add_case_page(project, name, payload)
    add_data(project, "timeline", "estimates", "map")
    texts = {"docs/corrections.yml": "", **DATA}
    for file, entry, _, _ in DATA_CASES.values():
        texts[file] = texts[file].rstrip("\n") + "\n" + entry
    for file, text in texts.items():
        project.write(file, text)
    built = run(project)
    built.texts = texts
    return built


def _line(text: str, entry: str, needle: str) -> int:
    return text[: text.index(entry)].count("\n") + next(i for i, row in enumerate(entry.split("\n"), 1) if needle in row)


def test_the_batch_stops_without_a_traceback(batch):
    assert batch.build.code == 1
    assert "Traceback" not in batch.build.stderr


@pytest.mark.parametrize("name", sorted(PAGES))
def test_address_in_a_page_is_refused_with_what_it_does(batch, name):
    path = f"docs/ja/h-{name}.md"
    assert batch.messages(path) == [f"{path}:{n}: {message}" for n, message in sorted(PAGES[name][1])]


@pytest.mark.parametrize("name", sorted(DATA_CASES))
def test_address_in_a_data_text_is_refused_at_its_field(batch, name):
    file, entry, needle, message = DATA_CASES[name]
    number = _line(batch.texts[file], entry, needle)
    assert f"{file}:{number}: {message}" in batch.messages(file)
    span = range(number - entry[: entry.index(needle)].count("\n"), number + entry.count("\n"))
    assert [m for m in batch.messages(file) if int(m.split(":")[1]) in span] == [f"{file}:{number}: {message}"]


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_address_in_the_registry_is_refused_at_its_field(tmp_path, name):
    entry, needle, message = REGISTRY[name]
    project = Project(tmp_path)
    text = BASE_REGISTRY.rstrip("\n") + "\n" + entry
    project.write("docs/sources.yml", text)
    assert problem_lines(project.root) == [f"docs/sources.yml:{_line(text, entry, needle)}: {message}"]

"""Hostile page content: every case is refused with its file, line and fix, in one batch build.

Each case is a Japanese page whose payload starts on line 11 (batch.FIRST), beside a clean
English twin; the test asserts exactly the messages printed for that page. The payloads are
what a hostile pull request would try: script through entities, whitespace, attribute lists
and comment tricks; elements that fetch from another host; citations that would ship as text.
"""

from __future__ import annotations

import pytest
from sitekit import messages as M
from support.batch import FIRST, add_case_page, run
from support.project import Project

L = FIRST
NOT_ALLOWED, HANDLER, LINK, FETCH = M.ELEMENT_NOT_ALLOWED, M.EVENT_HANDLER, M.LINK_NOT_ALLOWED, M.LOADS_FROM_ELSEWHERE
ATTRIBUTE, STYLE = M.ATTRIBUTE_NOT_ALLOWED, M.STYLE_NOT_ALLOWED
NIS = "nis-2024-10-18"

# name -> (payload, [(line, message), ...])
CASES: dict[str, tuple[str, list[tuple[int, str]]]] = {
    # Script that would run.
    "svg-onload-without-space": ("<svg/onload=alert(1)>", [(L, HANDLER("onload", "svg"))]),
    "handler-after-newline-in-tag": ('<p onclick\n="alert(1)">x</p>', [(L, HANDLER("onclick", "p"))]),
    "uppercase-script": ("<SCRIPT>alert(1)</SCRIPT>", [(L, NOT_ALLOWED("script"))]),
    "script-split-by-tag": ("<scr<script>ipt>alert(1)</script>[^nis-2024-10-18]", [(L, NOT_ALLOWED("script"))]),
    "unquoted-onerror": ("<img src=x.png onerror=alert(1)>", [(L, HANDLER("onerror", "img"))]),
    "details-ontoggle": ("<details open ontoggle=alert(1)><summary>s</summary></details>", [(L, HANDLER("ontoggle", "details"))]),
    "entity-in-scheme-raw-html": ('<a href="java&#115;cript:alert(1)">x</a>[^nis-2024-10-18]', [(L, LINK("javascript:alert(1)"))]),
    "decimal-entity-scheme": ('<a href="&#106;avascript:alert(1)">x</a>[^nis-2024-10-18]', [(L, LINK("javascript:alert(1)"))]),
    "named-entity-colon": ('<a href="javascript&colon;alert(1)">x</a>[^nis-2024-10-18]', [(L, LINK("javascript:alert(1)"))]),
    "newline-inside-scheme": ('<a href="java\nscript:alert(1)">x</a>[^nis-2024-10-18]', [(L, LINK("java script:alert(1)"))]),
    "leading-space-scheme": ('<a href=" javascript:alert(1)">x</a>[^nis-2024-10-18]', [(L, LINK(" javascript:alert(1)"))]),
    "vbscript-url": ('<a href="vbscript:msgbox(1)">x</a>[^nis-2024-10-18]', [(L, LINK("vbscript:msgbox(1)"))]),
    "markdown-link-javascript": ("[x](javascript:alert(1))", [(L, LINK("javascript:alert(1)"))]),
    "markdown-link-entity-scheme": ("[x](java&#115;cript:alert(1))", [(L, LINK("javascript:alert(1)"))]),
    "reference-link-javascript": ("[x][r]\n\n[r]: javascript:alert(1)", [(L + 2, LINK("javascript:alert(1)"))]),
    "attribute-list-onclick": (f"文である[^{NIS}]。\n{{onclick=alert(1)}}", [(L + 1, HANDLER("onclick", "p"))]),
    "attribute-list-colon-onclick": (f'文である[^{NIS}]。\n{{: onclick="alert(1)" }}', [(L + 1, HANDLER("onclick", "p"))]),
    "attribute-list-on-heading": ("## 見出し {onmouseover=alert(1)}", [(L, HANDLER("onmouseover", "h2"))]),
    "animate-values-javascript": (
        '<svg><animate attributeName="href" values="&#106;avascript:alert(1)"/></svg>',
        [(L, NOT_ALLOWED("animate"))],
    ),
    "svg-link-xlink": (
        '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>[^nis-2024-10-18]',
        [(L, ATTRIBUTE("xlink:href", "a"))],
    ),
    "comment-closed-by-bang": ("<!-- a --!><script>alert(1)</script>", [(L, NOT_ALLOWED("script"))]),
    # Python-Markdown takes "<!-->" for the start of an unclosed comment, a browser for a whole one.
    "comment-closed-at-once": (
        "<!--><script>alert(1)</script>",
        [
            (L, NOT_ALLOWED("script")),
            (L, M.COMMENT_UNCLOSED()),
        ],
    ),
    "script-in-backticks-in-raw-p": ("<p>`<script>alert(1)</script>`</p>", [(L, NOT_ALLOWED("script"))]),
    # "a!" is no language name, so this is no fence: "~~~ a!" is a paragraph and the script is live.
    "fence-with-invalid-info": (
        "~~~ a!\n<script>alert(1)</script>\n~~~",
        [
            (L, M.UNCITED_PARAGRAPH()),
            (L + 1, NOT_ALLOWED("script")),
        ],
    ),
    "noscript-mutation": ('<noscript><p title="</noscript><img src=x onerror=alert(1)>">', [(L, NOT_ALLOWED("noscript"))]),
    "iframe-srcdoc": ('<iframe srcdoc="<script>alert(1)</script>"></iframe>', [(L, NOT_ALLOWED("iframe"))]),
    "object-data": ('<object data="x.swf"></object>', [(L, NOT_ALLOWED("object"))]),
    "embed-src": ('<embed src="x.swf">', [(L, NOT_ALLOWED("embed"))]),
    "button-formaction": ('<button formaction="javascript:alert(1)">x</button>[^nis-2024-10-18]', [(L, NOT_ALLOWED("button"))]),
    # Form controls: only the site's data templates may add them (the timeline's filter, the copy buttons).
    "button-that-does-nothing": ('<button type="button">x</button>[^nis-2024-10-18]', [(L, NOT_ALLOWED("button"))]),
    "radio-input-inline": (f'文である<input type="radio" name="tl-theme" checked>[^{NIS}]。', [(L, NOT_ALLOWED("input"))]),
    "label-in-markdown-block": (f'<div markdown="1">\n<label>ラベル</label>の文である[^{NIS}]。\n</div>', [(L + 1, NOT_ALLOWED("label"))]),
    "fieldset-and-legend": ("<fieldset><legend>x</legend></fieldset>", [(L, NOT_ALLOWED("fieldset")), (L, NOT_ALLOWED("legend"))]),
    "material-component-hijack": ('<div data-md-component="search">x</div>', [(L, ATTRIBUTE("data-md-component", "div"))]),
    "template-element": (
        "<template><script>alert(1)</script></template>[^nis-2024-10-18]",
        [
            (L, NOT_ALLOWED("script")),
            (L, NOT_ALLOWED("template")),
        ],
    ),
    # Elements that fetch from, or send readers to, another host.
    "image-from-other-host": ('<img src="https://evil.example/x.png" alt="x">', [(L, FETCH("img", "src", "https://evil.example/x.png"))]),
    "protocol-relative-image": ('<img src="//evil.example/x.png" alt="x">', [(L, FETCH("img", "src", "//evil.example/x.png"))]),
    "srcset-from-other-host": (
        '<img src="../assets/images/share.png" srcset="https://evil.example/x.png 2x" alt="x">',
        [(L, ATTRIBUTE("srcset", "img"))],
    ),
    "markdown-image-other-host": ("![x](https://evil.example/x.png)", [(L, FETCH("img", "src", "https://evil.example/x.png"))]),
    "data-url-image": ("![x](data:image/png;base64,AAAA)", [(L, FETCH("img", "src", "data:image/png;base64,AAAA"))]),
    "data-url-link": ('<a href="data:text/html,hi">x</a>[^nis-2024-10-18]', [(L, LINK("data:text/html,hi"))]),
    "stylesheet-link": ('<link rel="stylesheet" href="https://evil.example/x.css">', [(L, NOT_ALLOWED("link"))]),
    "style-import": ("<style>@import url(https://evil.example/x.css);</style>", [(L, NOT_ALLOWED("style"))]),
    "style-attribute-url": (
        '<span style="background:url(https://e.example/x.png)">x</span>[^nis-2024-10-18]',
        [(L, STYLE("background:url(https://e.example/x.png)", "span"))],
    ),
    "attribute-list-style": (f'文である[^{NIS}]。\n{{: style="color:red" }}', [(L + 1, STYLE("color:red", "p"))]),
    "form-action": (
        '<form action="https://evil.example/"><input type="text" name="q"></form>',
        [
            (L, NOT_ALLOWED("form")),
            (L, NOT_ALLOWED("input")),
        ],
    ),
    "ping-attribute": ('<a ping="https://evil.example/" href="https://example.org/">x</a>[^nis-2024-10-18]', [(L, ATTRIBUTE("ping", "a"))]),
    "base-element": ('<base href="https://evil.example/">', [(L, NOT_ALLOWED("base"))]),
    "meta-refresh": ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', [(L, NOT_ALLOWED("meta"))]),
    "svg-use-other-host": ('<svg><use href="https://evil.example/x.svg#a"/></svg>', [(L, NOT_ALLOWED("use"))]),
    "svg-fill-url-other-host": (
        '<svg><rect fill="url(https://evil.example/p.svg#p)" width="1" height="1"/></svg>',
        [(L, FETCH("rect", "fill", "url(https://evil.example/p.svg#p)"))],
    ),
    "table-background": (
        '<table background="https://evil.example/x.png"><tr><td>x</td></tr></table>',
        [(L, ATTRIBUTE("background", "table"))],
    ),
    "link-target-blank": ('<a href="https://example.org/" target="_blank">x</a>[^nis-2024-10-18]', [(L, ATTRIBUTE("target", "a"))]),
    # Citations that would ship wrong.
    "full-width-brackets": (
        f"文である［^{NIS}］。",
        [
            (L, M.LOOKALIKE(text=f"［^{NIS}］")),
            (L, M.UNCITED_PARAGRAPH()),
        ],
    ),
    "full-width-caret": (
        f"文である[＾{NIS}]。",
        [
            (L, M.LOOKALIKE(text=f"[＾{NIS}]")),
            (L, M.UNCITED_PARAGRAPH()),
        ],
    ),
    "citation-in-image-alt": (
        f"![写真[^{NIS}]](../assets/images/share.png)",
        [
            (
                L,
                (M.SWALLOWED(label=NIS)),
            ),
        ],
    ),
    "citation-in-attribute": (
        f'文である<abbr title="t[^{NIS}]">NIS</abbr>。',
        [
            (
                L,
                (M.SWALLOWED(label=NIS)),
            ),
            (L, M.UNCITED_PARAGRAPH()),
        ],
    ),
    "citation-in-link-text": (
        f"[発表[^{NIS}]](https://example.org/)",
        [
            (L, M.IN_LINK(label=NIS)),
        ],
    ),
    "escaped-citation": (
        f"文である\\[^{NIS}]。",
        [
            (
                L,
                M.ESCAPED(label=NIS),
            ),
            (L, M.UNCITED_PARAGRAPH()),
        ],
    ),
    "citation-in-raw-details": (
        f"<details><summary>要約</summary>\n文である[^{NIS}]。\n</details>",
        [
            (
                L + 1,
                (M.IN_RAW_HTML(label=NIS, tag="details")),
            ),
        ],
    ),
    "unclosed-div": (
        f"<div>\n\n文である[^{NIS}]。",
        [
            (L, M.RAW_HTML_UNCLOSED(tag="div", label=NIS)),
        ],
    ),
    "unclosed-comment": (
        "<!-- 書きかけ\n\n文である。",
        [
            (L, M.COMMENT_UNCLOSED()),
            (L + 2, M.UNCITED_PARAGRAPH()),
        ],
    ),
    # Markdown turns a tab into spaces; with the spaces taken out the address is javascript:
    "image-scheme-split-by-a-tab": (
        "![写真](java\tscript:x)",
        [(L, M.LOADS_FROM_ELSEWHERE(tag="img", name="src", value="java script:x"))],
    ),
    "link-scheme-split-by-spaces": (
        f'<a href="java   script:x">x</a>[^{NIS}]',
        [(L, M.LINK_NOT_ALLOWED(value="java script:x"))],
    ),
    "unknown-id-in-note": (
        "注がある[^n]。\n\n[^n]: 注の本文[^nis-2024-1018]。",
        [
            (L + 2, M.CITED_UNKNOWN(label="nis-2024-1018", hint=M.DID_YOU_MEAN(name="nis-2024-10-18"))),
            (L + 2, M.NOTE_WITHOUT_SOURCE(label="n")),
        ],
    ),
    "note-defined-twice": (
        f"注がある[^n]。\n\n[^n]: 一つ目[^{NIS}]。\n\n[^n]: 二つ目[^{NIS}]。",
        [
            (L + 4, M.DEFINED_TWICE(label="n")),
        ],
    ),
    "notes-citing-only-each-other": (
        "注がある[^a]。\n\n[^a]: Aの注[^b]。\n\n[^b]: Bの注[^a]。",
        [
            (L + 2, M.NOTE_WITHOUT_SOURCE(label="a")),
            (L + 4, M.NOTE_WITHOUT_SOURCE(label="b")),
        ],
    ),
    "hand-written-source-definition-in-list": (
        f"- 項目[^{NIS}]\n\n    [^{NIS}]: 自作の出典",
        [
            (L + 2, M.DEFINED_SOURCE(label=NIS)),
        ],
    ),
    "uncited-list-item": (
        f"- 出典のある項目[^{NIS}]\n- 出典のない項目",
        [
            (L + 1, M.UNCITED_PARAGRAPH()),
        ],
    ),
    "uncited-table-row": (
        f"| 項目 | 値 |\n|---|---|\n| 出典あり | 1[^{NIS}] |\n| 出典なし | 2 |",
        [
            (L + 3, M.UNCITED_PARAGRAPH()),
        ],
    ),
    "uncited-definition": (
        f"用語\n:   出典のない定義\n\n別の用語\n:   出典のある定義[^{NIS}]",
        [
            (L + 1, M.UNCITED_PARAGRAPH()),
        ],
    ),
    # Inputs on which Markdown itself would hang (quadratic) or crash (recursion): refused first.
    "unclosed-tags-60000": ("<a x" * 60000, [(1, M.PAGE_TOO_LARGE(kb=200))]),
    "unclosed-tags-2001": (
        "\n".join(["<a x"] * 2001),
        [
            (
                L + 2000,
                (
                    M.TOO_MANY_CHARACTERS(limit=2000, char="<")
                ),
            )
        ],
    ),
    "unclosed-citations-2001": (
        "[^" * 2001,
        [
            (
                L,
                (
                    M.TOO_MANY_CHARACTERS(limit=2000, char="[")
                ),
            )
        ],
    ),
    "lists-nested-2000-deep": ("- " * 2000 + "x", [(L, M.NESTED_TOO_DEEP(levels=20))]),
    "quotes-nested-30-deep": ("> " * 30 + "x", [(L, M.NESTED_TOO_DEEP(levels=20))]),
}


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("hostile-pages"))
    for name, (payload, _) in CASES.items():
        add_case_page(project, name, payload)
    return run(project)


def test_the_batch_stops_without_a_traceback(batch):
    assert batch.build.code == 1
    assert batch.seconds < 60, "no input may make the build hang"
    assert "Traceback" not in batch.build.stderr
    unexpected = sorted({line.split(":", 1)[0] for line in batch.build.problems} - {f"docs/ja/h-{name}.md" for name in CASES})
    assert not unexpected, unexpected


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_page_is_refused_with_its_line_and_fix(batch, name):
    path = f"docs/ja/h-{name}.md"
    expected = [f"{path}:{line}: {message}" for line, message in sorted(CASES[name][1], key=lambda c: (c[0], c[1]))]
    assert batch.messages(path) == expected

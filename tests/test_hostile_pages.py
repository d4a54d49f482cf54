"""Hostile page content: every case is refused with its file, line and fix, in one batch build.

Each case is a Japanese page whose payload starts on line 11 (batch.FIRST), beside a clean
English twin; the test asserts exactly the messages printed for that page. The payloads are
what a hostile pull request would try: script through entities, whitespace, attribute lists
and comment tricks; elements that fetch from another host; citations that would ship as text.
"""

from __future__ import annotations

import pytest
from batch import FIRST, add_case_page, run
from site_conftest import Project

L = FIRST
NOT_ALLOWED = "<{}> is not allowed in page content; write plain Markdown instead (CONTRIBUTING lists the HTML the site allows)"
HANDLER = 'the event-handler attribute "{}" on <{}> would run script; remove it'
LINK = 'the link "{}" uses an address the site does not allow; link with https://, mailto: or a relative address'
FETCH = '<{} {}="{}"> would load a file that is not part of this site; put the file under docs/assets/ and link it relatively'
ATTRIBUTE = 'the attribute "{}" on <{}> is not allowed in page content; remove it'
STYLE = 'the style attribute "{}" on <{}> is not allowed; use the site\'s CSS classes instead'
NIS = "nis-2024-10-18"

# name -> (payload, [(line, message), ...])
CASES: dict[str, tuple[str, list[tuple[int, str]]]] = {
    # Script that would run.
    "svg-onload-without-space": ("<svg/onload=alert(1)>", [(L, HANDLER.format("onload", "svg"))]),
    "handler-after-newline-in-tag": ('<p onclick\n="alert(1)">x</p>', [(L, HANDLER.format("onclick", "p"))]),
    "uppercase-script": ("<SCRIPT>alert(1)</SCRIPT>", [(L, NOT_ALLOWED.format("script"))]),
    "script-split-by-tag": ("<scr<script>ipt>alert(1)</script>[^nis-2024-10-18]", [(L, NOT_ALLOWED.format("script"))]),
    "unquoted-onerror": ("<img src=x.png onerror=alert(1)>", [(L, HANDLER.format("onerror", "img"))]),
    "details-ontoggle": ("<details open ontoggle=alert(1)><summary>s</summary></details>", [(L, HANDLER.format("ontoggle", "details"))]),
    "entity-in-scheme-raw-html": ('<a href="java&#115;cript:alert(1)">x</a>[^nis-2024-10-18]', [(L, LINK.format("javascript:alert(1)"))]),
    "decimal-entity-scheme": ('<a href="&#106;avascript:alert(1)">x</a>[^nis-2024-10-18]', [(L, LINK.format("javascript:alert(1)"))]),
    "named-entity-colon": ('<a href="javascript&colon;alert(1)">x</a>[^nis-2024-10-18]', [(L, LINK.format("javascript:alert(1)"))]),
    "newline-inside-scheme": ('<a href="java\nscript:alert(1)">x</a>[^nis-2024-10-18]', [(L, LINK.format("java script:alert(1)"))]),
    "leading-space-scheme": ('<a href=" javascript:alert(1)">x</a>[^nis-2024-10-18]', [(L, LINK.format(" javascript:alert(1)"))]),
    "vbscript-url": ('<a href="vbscript:msgbox(1)">x</a>[^nis-2024-10-18]', [(L, LINK.format("vbscript:msgbox(1)"))]),
    "markdown-link-javascript": ("[x](javascript:alert(1))", [(L, LINK.format("javascript:alert(1)"))]),
    "markdown-link-entity-scheme": ("[x](java&#115;cript:alert(1))", [(L, LINK.format("javascript:alert(1)"))]),
    "reference-link-javascript": ("[x][r]\n\n[r]: javascript:alert(1)", [(L + 2, LINK.format("javascript:alert(1)"))]),
    "attribute-list-onclick": (f"文である[^{NIS}]。\n{{onclick=alert(1)}}", [(L + 1, HANDLER.format("onclick", "p"))]),
    "attribute-list-colon-onclick": (f'文である[^{NIS}]。\n{{: onclick="alert(1)" }}', [(L + 1, HANDLER.format("onclick", "p"))]),
    "attribute-list-on-heading": ("## 見出し {onmouseover=alert(1)}", [(L, HANDLER.format("onmouseover", "h2"))]),
    "animate-values-javascript": (
        '<svg><animate attributeName="href" values="&#106;avascript:alert(1)"/></svg>',
        [(L, NOT_ALLOWED.format("animate"))],
    ),
    "svg-link-xlink": (
        '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>[^nis-2024-10-18]',
        [(L, ATTRIBUTE.format("xlink:href", "a"))],
    ),
    "comment-closed-by-bang": ("<!-- a --!><script>alert(1)</script>", [(L, NOT_ALLOWED.format("script"))]),
    # Python-Markdown takes "<!-->" for the start of an unclosed comment, a browser for a whole one.
    "comment-closed-at-once": (
        "<!--><script>alert(1)</script>",
        [
            (L, NOT_ALLOWED.format("script")),
            (L, "this HTML comment is never closed (-->), so it would show as text; close it"),
        ],
    ),
    "script-in-backticks-in-raw-p": ("<p>`<script>alert(1)</script>`</p>", [(L, NOT_ALLOWED.format("script"))]),
    # "a!" is no language name, so this is no fence: "~~~ a!" is a paragraph and the script is live.
    "fence-with-invalid-info": (
        "~~~ a!\n<script>alert(1)</script>\n~~~",
        [
            (L, "this paragraph has no citation; add [^source-id] after the claim it supports"),
            (L + 1, NOT_ALLOWED.format("script")),
        ],
    ),
    "noscript-mutation": ('<noscript><p title="</noscript><img src=x onerror=alert(1)>">', [(L, NOT_ALLOWED.format("noscript"))]),
    "iframe-srcdoc": ('<iframe srcdoc="<script>alert(1)</script>"></iframe>', [(L, NOT_ALLOWED.format("iframe"))]),
    "object-data": ('<object data="x.swf"></object>', [(L, NOT_ALLOWED.format("object"))]),
    "embed-src": ('<embed src="x.swf">', [(L, NOT_ALLOWED.format("embed"))]),
    "button-formaction": ('<button formaction="javascript:alert(1)">x</button>[^nis-2024-10-18]', [(L, NOT_ALLOWED.format("button"))]),
    # Form controls: only the site's data templates may add them (the timeline's filter, the copy buttons).
    "button-that-does-nothing": ('<button type="button">x</button>[^nis-2024-10-18]', [(L, NOT_ALLOWED.format("button"))]),
    "radio-input-inline": (f'文である<input type="radio" name="tl-theme" checked>[^{NIS}]。', [(L, NOT_ALLOWED.format("input"))]),
    "label-in-markdown-block": (f'<div markdown="1">\n<label>ラベル</label>の文である[^{NIS}]。\n</div>', [(L + 1, NOT_ALLOWED.format("label"))]),
    "fieldset-and-legend": ("<fieldset><legend>x</legend></fieldset>", [(L, NOT_ALLOWED.format("fieldset")), (L, NOT_ALLOWED.format("legend"))]),
    "material-component-hijack": ('<div data-md-component="search">x</div>', [(L, ATTRIBUTE.format("data-md-component", "div"))]),
    "template-element": (
        "<template><script>alert(1)</script></template>[^nis-2024-10-18]",
        [
            (L, NOT_ALLOWED.format("script")),
            (L, NOT_ALLOWED.format("template")),
        ],
    ),
    # Elements that fetch from, or send readers to, another host.
    "image-from-other-host": ('<img src="https://evil.example/x.png" alt="x">', [(L, FETCH.format("img", "src", "https://evil.example/x.png"))]),
    "protocol-relative-image": ('<img src="//evil.example/x.png" alt="x">', [(L, FETCH.format("img", "src", "//evil.example/x.png"))]),
    "srcset-from-other-host": (
        '<img src="../assets/images/share.png" srcset="https://evil.example/x.png 2x" alt="x">',
        [(L, ATTRIBUTE.format("srcset", "img"))],
    ),
    "markdown-image-other-host": ("![x](https://evil.example/x.png)", [(L, FETCH.format("img", "src", "https://evil.example/x.png"))]),
    "data-url-image": ("![x](data:image/png;base64,AAAA)", [(L, FETCH.format("img", "src", "data:image/png;base64,AAAA"))]),
    "data-url-link": ('<a href="data:text/html,hi">x</a>[^nis-2024-10-18]', [(L, LINK.format("data:text/html,hi"))]),
    "stylesheet-link": ('<link rel="stylesheet" href="https://evil.example/x.css">', [(L, NOT_ALLOWED.format("link"))]),
    "style-import": ("<style>@import url(https://evil.example/x.css);</style>", [(L, NOT_ALLOWED.format("style"))]),
    "style-attribute-url": (
        '<span style="background:url(https://e.example/x.png)">x</span>[^nis-2024-10-18]',
        [(L, STYLE.format("background:url(https://e.example/x.png)", "span"))],
    ),
    "attribute-list-style": (f'文である[^{NIS}]。\n{{: style="color:red" }}', [(L + 1, STYLE.format("color:red", "p"))]),
    "form-action": (
        '<form action="https://evil.example/"><input type="text" name="q"></form>',
        [
            (L, NOT_ALLOWED.format("form")),
            (L, NOT_ALLOWED.format("input")),
        ],
    ),
    "ping-attribute": ('<a ping="https://evil.example/" href="https://example.org/">x</a>[^nis-2024-10-18]', [(L, ATTRIBUTE.format("ping", "a"))]),
    "base-element": ('<base href="https://evil.example/">', [(L, NOT_ALLOWED.format("base"))]),
    "meta-refresh": ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', [(L, NOT_ALLOWED.format("meta"))]),
    "svg-use-other-host": ('<svg><use href="https://evil.example/x.svg#a"/></svg>', [(L, NOT_ALLOWED.format("use"))]),
    "svg-fill-url-other-host": (
        '<svg><rect fill="url(https://evil.example/p.svg#p)" width="1" height="1"/></svg>',
        [(L, FETCH.format("rect", "fill", "url(https://evil.example/p.svg#p)"))],
    ),
    "table-background": (
        '<table background="https://evil.example/x.png"><tr><td>x</td></tr></table>',
        [(L, ATTRIBUTE.format("background", "table"))],
    ),
    "link-target-blank": ('<a href="https://example.org/" target="_blank">x</a>[^nis-2024-10-18]', [(L, ATTRIBUTE.format("target", "a"))]),
    # Citations that would ship wrong.
    "full-width-brackets": (
        f"文である［^{NIS}］。",
        [
            (L, f'"［^{NIS}］" looks like a citation but would show as text (full-width bracket or caret); write [^id] with ASCII [ ^ ]'),
            (L, "this paragraph has no citation; add [^source-id] after the claim it supports"),
        ],
    ),
    "full-width-caret": (
        f"文である[＾{NIS}]。",
        [
            (L, f'"[＾{NIS}]" looks like a citation but would show as text (full-width bracket or caret); write [^id] with ASCII [ ^ ]'),
            (L, "this paragraph has no citation; add [^source-id] after the claim it supports"),
        ],
    ),
    "citation-in-image-alt": (
        f"![写真[^{NIS}]](../assets/images/share.png)",
        [
            (
                L,
                (f"[^{NIS}] is inside an image's alt text or an HTML tag, "
                    "where it cannot become a footnote; put the citation after the image or the tag"),
            ),
        ],
    ),
    "citation-in-attribute": (
        f'文である<abbr title="t[^{NIS}]">NIS</abbr>。',
        [
            (
                L,
                (f"[^{NIS}] is inside an image's alt text or an HTML tag, "
                    "where it cannot become a footnote; put the citation after the image or the tag"),
            ),
            (L, "this paragraph has no citation; add [^source-id] after the claim it supports"),
        ],
    ),
    "citation-in-link-text": (
        f"[発表[^{NIS}]](https://example.org/)",
        [
            (L, f"[^{NIS}] is inside a link's text; put the citation after the link"),
        ],
    ),
    "escaped-citation": (
        f"文である\\[^{NIS}]。",
        [
            (
                L,
                (f'\\[^{NIS}] is escaped, so it would show as the text "[^{NIS}]"; '
                    'remove the backslash to cite, or put it in backticks to show it as code'),
            ),
            (L, "this paragraph has no citation; add [^source-id] after the claim it supports"),
        ],
    ),
    "citation-in-raw-details": (
        f"<details><summary>要約</summary>\n文である[^{NIS}]。\n</details>",
        [
            (
                L + 1,
                (f'[^{NIS}] is inside a raw HTML <details> block, where Markdown is not processed; '
                    'write the block in Markdown, or add markdown="1" to its opening tag'),
            ),
        ],
    ),
    "unclosed-div": (
        f"<div>\n\n文である[^{NIS}]。",
        [
            (L, f"the raw HTML <div> opened here is never closed, so the rest of the page (with [^{NIS}]) is not Markdown; close it with </div>"),
        ],
    ),
    "unclosed-comment": (
        "<!-- 書きかけ\n\n文である。",
        [
            (L, "this HTML comment is never closed (-->), so it would show as text; close it"),
            (L + 2, "this paragraph has no citation; add [^source-id] after the claim it supports"),
        ],
    ),
    # Markdown turns a tab into spaces; with the spaces taken out the address is javascript:
    "image-scheme-split-by-a-tab": (
        "![写真](java\tscript:x)",
        [(L, '<img src="java script:x"> would load a file that is not part of this site; put the file under docs/assets/ and link it relatively')],
    ),
    "link-scheme-split-by-spaces": (
        f'<a href="java   script:x">x</a>[^{NIS}]',
        [(L, 'the link "java script:x" uses an address the site does not allow; link with https://, mailto: or a relative address')],
    ),
    "unknown-id-in-note": (
        "注がある[^n]。\n\n[^n]: 注の本文[^nis-2024-1018]。",
        [
            (L + 2, "[^nis-2024-1018] is not a listed source (did you mean nis-2024-10-18?)"),
            (L + 2, "note [^n] cites no source; add a [^source-id] inside the note"),
        ],
    ),
    "note-defined-twice": (
        f"注がある[^n]。\n\n[^n]: 一つ目[^{NIS}]。\n\n[^n]: 二つ目[^{NIS}]。",
        [
            (L + 4, "[^n] is defined twice on this page; keep one definition"),
        ],
    ),
    "notes-citing-only-each-other": (
        "注がある[^a]。\n\n[^a]: Aの注[^b]。\n\n[^b]: Bの注[^a]。",
        [
            (L + 2, "note [^a] cites no source; add a [^source-id] inside the note"),
            (L + 4, "note [^b] cites no source; add a [^source-id] inside the note"),
        ],
    ),
    "hand-written-source-definition-in-list": (
        f"- 項目[^{NIS}]\n\n    [^{NIS}]: 自作の出典",
        [
            (L + 2, f"[^{NIS}] is a listed source: delete this hand-written definition, the build writes it from docs/sources.yml"),
        ],
    ),
    "uncited-list-item": (
        f"- 出典のある項目[^{NIS}]\n- 出典のない項目",
        [
            (L + 1, "this paragraph has no citation; add [^source-id] after the claim it supports"),
        ],
    ),
    "uncited-table-row": (
        f"| 項目 | 値 |\n|---|---|\n| 出典あり | 1[^{NIS}] |\n| 出典なし | 2 |",
        [
            (L + 3, "this paragraph has no citation; add [^source-id] after the claim it supports"),
        ],
    ),
    "uncited-definition": (
        f"用語\n:   出典のない定義\n\n別の用語\n:   出典のある定義[^{NIS}]",
        [
            (L + 1, "this paragraph has no citation; add [^source-id] after the claim it supports"),
        ],
    ),
    # Inputs on which Markdown itself would hang (quadratic) or crash (recursion): refused first.
    "unclosed-tags-60000": ("<a x" * 60000, [(1, "the page is larger than 200 KB; split it into several pages (make new-page)")]),
    "unclosed-tags-2001": (
        "\n".join(["<a x"] * 2001),
        [
            (
                L + 2000,
                (
                    'the page has more than 2000 "<" characters by this line, far more than any page needs '
                    "(Markdown slows down sharply on them); look for a repeated or unclosed fragment"
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
                    'the page has more than 2000 "[" characters by this line, far more than any page needs '
                    "(Markdown slows down sharply on them); look for a repeated or unclosed fragment"
                ),
            )
        ],
    ),
    "lists-nested-2000-deep": ("- " * 2000 + "x", [(L, "lists or quotes are nested more than 20 levels deep here; flatten them")]),
    "quotes-nested-30-deep": ("> " * 30 + "x", [(L, "lists or quotes are nested more than 20 levels deep here; flatten them")]),
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

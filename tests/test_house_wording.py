"""The house wording checks of `make lint`, each shown to find the defect it is for on a fixture
named after that defect, and to leave alone the look-alikes it must not touch:

- the terminology dictionaries (lint/prh-ja.yml, lint/prh-en.yml) through textlint, on pages;
- the same through scripts/lint_data_texts.py on the texts of a data file, at the file's lines;
- first mentions and the working vocabulary (scripts/lint_wording.py).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import lint_wording
import pytest
from data_texts import Text, collect, front_matter_texts
from lint_data_texts import run_textlint
from sitekit import messages as M

ROOT = Path(__file__).resolve().parents[1]


TERMS = Path(__file__).parent / "fixtures" / "terminology"
WORDING = Path(__file__).parent / "fixtures" / "wording"
TEXTLINT = ROOT / "node_modules" / ".bin" / "textlint"
needs_textlint = pytest.mark.skipif(not TEXTLINT.exists(), reason="textlint is not installed (make npm-deps)")


def prh_findings(config: str, folder: Path) -> dict[str, list[tuple[int, str]]]:
    """(line, first line of the message) of every prh finding, per fixture file name."""
    done = subprocess.run([str(TEXTLINT), "--config", config, "--format", "json", str(folder)],
                          cwd=ROOT, capture_output=True, text=True, check=False,
                          env={"PATH": f"{TEXTLINT.parent}:/usr/bin:/bin"})
    assert done.returncode in (0, 1), done.stderr  # 2: textlint could not run (a failing spec, a bad pattern)
    return {Path(r["filePath"]).name: [(m["line"], m["message"].splitlines()[0]) for m in r["messages"] if m["ruleId"] == "prh"]
            for r in json.loads(done.stdout)}


@needs_textlint
def test_the_japanese_dictionary_finds_every_never_form_and_leaves_look_alikes_alone():
    found = prh_findings(".textlintrc.yml", TERMS / "ja")
    assert found["never-forms-of-the-house-terms.md"] == [
        (3, "金正恩氏 => 金総書記"),
        (3, "金氏 => 金総書記"),
        (5, "訪ロ => 訪露"),
        (5, "対ロ => 対露"),
        (5, "米ロ => 米露"),
        (5, "ロ朝 => 露朝"),
        (7, "露ウ国境 => ロシアとウクライナの国境"),
        (9, "ドローン => 無人機"),
        (9, "170ミリ => 170mm"),
        (9, "わか => 分か"),
        (11, "韓国合同参謀本部 => 韓国軍合同参謀本部"),
        (11, "英国防省情報部 => 英国防省の国防情報部"),
        (11, "NATO理事会 => 北大西洋理事会"),
        (13, "フォーブス ジャパン => フォーブス・ジャパン"),  # link text is checked
        (13, "ひつぎ => 棺"),
        (13, "生け捕りに => 捕虜に"),  # bold text is checked
    ]
    # ロシア, 対ロシア, ロケット, プロ, 「ドローン…」, a textlint-disable block, inline code and a
    # block quotation: nothing.
    assert found["look-alikes-the-dictionary-leaves-alone.md"] == []


@needs_textlint
def test_the_english_dictionary_finds_every_never_form_and_leaves_look_alikes_alone():
    found = prh_findings("lint/textlintrc-en.yml", TERMS / "en")
    assert found["never-forms-of-the-house-terms.md"] == [
        (3, "Kursk Oblast => the Kursk region"),
        (3, "in Kursk region => in the Kursk region"),
        (5, "1,500 North Korean special forces => 1,500 North Korean special forces troops"),
        (5, "Alexandr Matsegora => Alexander Matsegora"),
        (7, "Yoo Yong-won => Yu Yong-weon"),
        (7, "Baek => Paik"),
        (7, "DPRK Heroes => Heroes of the DPRK"),
        (9, "Nikkei => the Nikkei"),
    ]
    assert found["look-alikes-the-dictionary-leaves-alone.md"] == []


@needs_textlint
def test_data_texts_are_linted_at_the_yaml_files_own_lines():
    texts, problems = collect(TERMS, ("data-texts-with-never-forms.yml",))
    assert not problems
    found = run_textlint(texts, ROOT)
    assert isinstance(found, list), found
    shown = [(p.line, p.message.split(" (textlint ")[0].split(" ")[0], p.message.rsplit("(textlint ", 1)[1].rstrip(")"))
             for p in sorted(found)]
    assert {p.path for p in found} == {"data-texts-with-never-forms.yml"}
    assert {p.code for p in found} == {M.TEXTLINT.code}
    assert [s for s in shown if s[2] == "prh"] == [
        (5, "ロシア国家院（下院）", "prh"),
        (6, "Kursk", "prh"),
        (11, "170ミリ", "prh"),
        (11, "露ウ国境", "prh"),
    ]
    # The pages' style rules apply too: the one long sentence (line 17) is over 100 characters;
    # a note with no closing 。 (line 11) is not a problem in a data text.
    assert (17, "ja-technical-writing/sentence-length") in {(line, rule) for line, _, rule in shown}
    assert {line for line, _, rule in shown if rule != "prh"} == {17}


VOCABULARY = M.WORKING_VOCABULARY
GUAM = "GUAM（ジョージア、ウクライナ、アゼルバイジャン、モルドバの4か国でつくる地域機構）"


def wording(rel: str) -> list[tuple[int, str]]:
    return [(p.line, f"{p.code} {p.message}") for p in lint_wording.page_problems(WORDING / rel, WORDING)]


def test_names_and_acronyms_before_their_full_form_are_found():
    assert sorted(wording("ja/names-and-acronyms-before-their-full-form.md")) == sorted([
        (3, VOCABULARY(word="保存版")),
        (4, VOCABULARY(word="保存版")),
        (9, M.READING_MISSING(term="金星", write="金星（キム・ソン）")),
        (9, M.NOT_SPELLED_OUT(term="国情院", write="韓国国家情報院（国情院）")),
        (13, M.READING_ALONE(reading="ユ・ヨンウォン", write="兪龍源（ユ・ヨンウォン）")),
        (13, M.NOT_SPELLED_OUT(term="OSCE", write="欧州安保協力機構（OSCE）")),
        (13, M.NOT_SPELLED_OUT(term="GUAM", write=GUAM)),
    ])


def test_full_forms_first_then_short_forms_pass():
    assert wording("ja/full-forms-first-then-short.md") == []


def test_english_acronyms_before_they_are_spelled_out_and_stored_copies_are_found():
    assert sorted(wording("en/acronyms-before-they-are-spelled-out.md")) == sorted([
        (3, VOCABULARY(word="stored copies")),
        (4, VOCABULARY(word="stored copies")),
        (9, M.NOT_SPELLED_OUT(term="NIS", write="South Korea's National Intelligence Service (NIS)")),
        (9, M.NOT_SPELLED_OUT(term="KCNA", write="the Korean Central News Agency (KCNA)")),
    ])


def test_a_lone_reading_and_working_vocabulary_in_a_data_text_are_found_at_its_line():
    texts, _ = collect(TERMS, ("data-texts-with-never-forms.yml",))
    shifted = [t.__class__(t.path, t.line, t.lang, t.text + "キム・ヨンボク副総参謀長が保存された資料を示した。") for t in texts if t.line == 5]
    found = [str(p) for p in lint_wording.data_problems(shifted)]
    assert found == [
        "data-texts-with-never-forms.yml:5: " + VOCABULARY(word="保存された資料"),
        ("data-texts-with-never-forms.yml:5: " + M.READING_ALONE(reading="キム・ヨンボク", write="金永福（キム・ヨンボク）")),
    ]


def test_the_front_matter_a_reader_sees_is_a_text_at_its_own_line(tmp_path):
    # textlint's Markdown reading skips front matter; the title, description and change note
    # reach readers (the <title>, search engines, the feeds), so they are linted as texts.
    page = tmp_path / "docs" / "ja" / "deployment.md"
    page.parent.mkdir(parents=True)
    page.write_text("---\ntitle: 派兵\ndescription: 露朝の公式認知まで\nas_of: 2026-03-17\nchange: 訪ロを加えた。\n---\n\n# 派兵\n", encoding="utf-8")
    assert front_matter_texts(tmp_path) == [
        Text("docs/ja/deployment.md", 2, "ja", "派兵"),
        Text("docs/ja/deployment.md", 3, "ja", "露朝の公式認知まで"),
        Text("docs/ja/deployment.md", 5, "ja", "訪ロを加えた。"),
    ]

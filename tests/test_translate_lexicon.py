"""The offline lexicon backend: dictionaries plus the sourced overlay, glossing of the seed quotes,
unknown words marked, the Translator contract."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drift.errors import InputError, UsageError
from drift.translate.base import Translator, get_translator
from drift.translate.lexicon import FUNCTION_WORDS, Lexicon
from drift.translate.lexicon_backend import LexiconTranslator

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
    loaded = {tgt: Lexicon.load(tgt) for tgt in LANGS}
    missing = [s.info.name for lexicon in loaded.values() for s in lexicon.missing]
    if missing:
        pytest.skip(f"dictionaries not installed here (make setup installs them): {missing}")
    return loaded


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
        ("sympathisers", "сторонник", "同情者"),
        ("sympathisers", "сочувствующий", "同情者"),
        ("sympathizers", "сочувствующий", "同情者"),
        ("just", "справедливый", "公正"),
        ("democratic", "демократический", "民主"),
        ("world order", "мировой порядок", "秩序"),
        ("ceasefire", "прекращение огня", "停火"),
        ("retreat", "отступать", "撤退"),
    ],
)
def test_required_mappings(lexicons: dict[str, Lexicon], english: str, ru: str, zh: str) -> None:
    assert ru in lexicons["ru"].lookup(english)
    assert _has(lexicons["zh"].lookup(english), zh)


# Words that can render one original share a candidate; unrelated ones share none.
SHARED = {
    "ru": [
        ("ironclad", "solid", "rock-solid"),
        ("supporters", "sympathisers"),
        ("serious", "grave"),
    ],
    "zh": [
        ("supporters", "sympathisers"),
        ("serious", "critical", "grave"),
        ("stage", "phase"),
        ("rock solid", "rock-solid"),
    ],
}


@pytest.mark.parametrize("tgt", LANGS)
def test_renderings_of_one_original_share_candidates(
    lexicons: dict[str, Lexicon], tgt: str
) -> None:
    lookup = lexicons[tgt].lookup
    for words in SHARED[tgt]:
        assert set.intersection(*(set(lookup(w)) for w in words)), words
    assert not set(lookup("strong")) & set(lookup("multipolar"))
    assert not set(lookup("strong")) & set(lookup("just"))


@pytest.mark.parametrize("tgt", LANGS)
def test_candidates_are_few_and_ordered(lexicons: dict[str, Lexicon], tgt: str) -> None:
    retreat = lexicons[tgt].lookup("retreat")
    assert 1 <= len(retreat) <= 8
    first = {"ru": {"отступление", "отступать"}, "zh": {"退", "撤退"}}[tgt]
    assert first & set(retreat[:4]), retreat


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
    assert [g.source for g in glosses] == ["other", "like-minded people", "sympathisers"]
    assert glosses[1].lemma == "like-minded people"
    assert glosses[2].lemma in ("sympathiser", "sympathizer")
    assert lexicons["zh"].gloss("like minded people")[0].lemma == "like-minded people"


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("sympathisers honour neighbours", "sympathizers honor neighbors"),
        ("defence dialogue cooperation", "defense dialog co-operation"),
        ("signalling organisations analysed", "signaling organizations analyzed"),
    ],
)
@pytest.mark.parametrize("tgt", LANGS)
def test_british_and_american_spellings_meet(
    lexicons: dict[str, Lexicon], tgt: str, british: str, american: str
) -> None:
    a, b = lexicons[tgt].gloss(british), lexicons[tgt].gloss(american)
    assert len(a) == len(b) == 3
    for x, y in zip(a, b, strict=True):
        assert x.targets and set(x.targets) & set(y.targets), (x, y)


@pytest.mark.parametrize(
    ("text", "lemmas"),
    [
        ("the will of both sides", ["will", "both", "side"]),
        ("we will not accept it", ["not", "accept"]),
        ("they can't and won't", ["can", "not", "not"]),
        ("the ceasefire collapsed", ["ceasefire", "collapse"]),
        ("supporters were shelling", ["supporter", "shelling"]),
    ],
)
def test_gloss_normalizes_inflection_and_clitics(
    lexicons: dict[str, Lexicon], text: str, lemmas: list[str]
) -> None:
    glosses = lexicons["ru"].gloss(text)
    assert [g.lemma for g in glosses] == lemmas
    assert all(g.targets for g in glosses)


def test_verbs_read_as_verbs_after_an_auxiliary(lexicons: dict[str, Lexicon]) -> None:
    [retreat] = lexicons["ru"].gloss("will not retreat")[1:]
    assert retreat.targets[0] in ("уходить", "отходить", "отступать")
    [noun] = lexicons["ru"].gloss("the retreat")
    assert noun.targets[0] == "отступление"


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


def test_content_words_quoted_in_the_seeds_have_entries(
    lexicons: dict[str, Lexicon], seeds_dir: Path
) -> None:
    """Published dictionaries miss a few words (tourism, troika in Müller): at most 3%."""
    quotes = _seed_quotes(seeds_dir)
    words = {w for q in quotes for w in WORD.findall(q) if w.lower() not in FUNCTION_WORDS}
    assert {"sympathisers", "ironclad", "juncture", "expediency", "like-minded"} <= words
    lower = sorted(w for w in words if w.islower())
    for tgt, lexicon in lexicons.items():
        missing = [w for w in lower if not lexicon.lookup(w)]
        assert len(missing) <= 0.03 * len(lower), f"{tgt}: no entry for {missing}"


def test_lavrov_and_wang_yi_quotes_gloss_fully(lexicons: dict[str, Lexicon]) -> None:
    quotes = [*LAVROV.values(), "China-Russia relations are ironclad", "a solid friendship"]
    for quote in quotes:
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
        ("zh", ["多极", "民主", "秩序"]),
    ],
)
def test_translate_keeps_input_order(
    translator: LexiconTranslator, lexicons: dict[str, Lexicon], tgt: str, expected: list[str]
) -> None:
    [out] = translator.translate(["towards a multipolar, just, democratic world order"], "en", tgt)
    positions = [out.find(word) for word in expected]
    assert -1 not in positions and positions == sorted(positions), out
    assert (" " in out) == (tgt == "ru")


def test_translate_marks_unknown_words(
    translator: LexiconTranslator, lexicons: dict[str, Lexicon]
) -> None:
    before = translator.unknown_words()
    ru, zh = (
        translator.translate(["Lavrov met Kozyrev in Wuyuan in 2022"], "en", tgt)[0]
        for tgt in LANGS
    )
    words = ru.split()
    assert words[0] == "Лавров" and words[2:] == ["[Kozyrev?]", "[Wuyuan?]", "2022"]
    assert "[Kozyrev?]" in zh and "[Wuyuan?]" in zh and "拉夫罗夫" in zh
    after = translator.unknown_words()
    assert after["ru"] - before.get("ru", 0) == 2 and after["zh"] - before.get("zh", 0) == 2
    glosses = lexicons["ru"].gloss("Kozyrev")
    assert [g.targets for g in glosses] == [()]


def test_translate_returns_russian_for_every_content_word(
    translator: LexiconTranslator, lexicons: dict[str, Lexicon]
) -> None:
    text = "The ceasefire collapsed after the shelling, and Russia will not retreat"
    [ru] = translator.translate([text], "en", "ru")
    assert "[" not in ru and not re.search("[A-Za-z]", ru), ru
    assert ru.startswith("прекращение огня") and "Россия" in ru
    [zh] = translator.translate([text], "en", "zh")
    assert "[" not in zh and not re.search("[A-Za-z]", zh), zh


def test_translate_into_english(
    translator: LexiconTranslator, lexicons: dict[str, Lexicon]
) -> None:
    [ru] = translator.translate(["Россия не отступит, огонь прекращён"], "ru", "en")
    assert ru.split()[:2] == ["russia", "not"] and "[" not in ru, ru
    [zh] = translator.translate(["中俄关系坚如磐石"], "zh", "en")
    assert "[" not in zh and zh, zh


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


@pytest.mark.parametrize(("src", "tgt"), [("de", "en"), ("en", "de"), ("zh", "ru")])
def test_unsupported_pair_names_the_supported_ones(
    translator: LexiconTranslator, src: str, tgt: str
) -> None:
    with pytest.raises(UsageError, match="en-ru, en-zh, ru-en, zh-en"):
        translator.translate(["world order"], src, tgt)


def test_unknown_target_lexicon_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="'de'"):
        Lexicon.load("de")


@pytest.mark.parametrize("tgt", LANGS)
def test_overlay_is_small_sorted_and_sourced(tgt: str) -> None:
    lines = (DATA / f"en-{tgt}.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    keys = [row[0] for row in rows]
    assert all(len(row) == 3 and row[0] == row[0].strip() for row in rows)
    assert all(re.search(r"https?://", row[2]) for row in rows), "every entry cites a source"
    assert all(all(t and t == t.strip() for t in row[1].split("|")) for row in rows)
    assert len(keys) == len(set(keys))
    assert keys == sorted(keys, key=lambda k: (k.lower(), k))
    assert all(k == k.lower() or k == k.upper() for k in keys)
    assert 5 <= len(keys) <= 200  # an overlay of set phrases, not a dictionary
    targets = "".join(row[1] for row in rows)
    if tgt == "ru":
        assert not re.search(r"[\u4e00-\u9fff]", targets) and "ё" not in targets
    else:
        assert not re.search(r"[\u0400-\u04ff]", targets)


def test_overlay_comes_first(lexicons: dict[str, Lexicon]) -> None:
    assert lexicons["ru"].lookup("multipolar")[0] == "многополярный"
    assert lexicons["zh"].lookup("rock-solid")[0] == "坚如磐石"
    assert lexicons["ru"].lookup("shelling")[0] == "обстрел"


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

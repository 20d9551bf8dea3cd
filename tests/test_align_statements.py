"""Statements (groups joined by a quote), Traditional Chinese originals and quoted terms anchored
to the original sentence they render."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from drift.align import align_groups
from drift.align.anchoring import idiom_words, link_units, sentences_of
from drift.align.statements import statement_ids
from drift.align.units import build_units
from drift.pipeline import LexiconBridge
from drift.records import Original, Quote
from drift.score.lemmas import Lemmatizer

NPC = Original(
    original_id="wangyi-2022-03-07-npc",
    speaker="Wang Yi",
    lang="zh",
    date="2022-03-07",
    text="中俄關系發展有著清晰的歷史邏輯,具有強大的內生動力,兩國人民的友誼堅如磐石,"
    "雙方的合作前景廣闊。中俄合作不僅給兩國人民帶來利益和福祉,也有利于世界的和平、穩定與發展。",
)
TUNXI = Original(
    original_id="wangyi-2022-03-30-tunxi",
    speaker="Wang Yi",
    lang="zh",
    date="2022-03-30",
    text="中俄關係保持正確前進方向,展現堅韌發展勢頭",
)


def _quote(qid: str, text: str, context: str = "", kind: str = "statement") -> Quote:
    doc = qid.split(":")[0]
    return Quote(
        qid, doc, text, 0, len(text), speaker="Wang Yi", context=context or text,
        date="2022-04-01", kind=kind,
    )  # fmt: skip


def test_groups_sharing_a_quote_are_one_statement_and_others_are_not() -> None:
    roots = [frozenset({"a:1", "b:1"}), frozenset({"a:1", "c:2"}), frozenset({"d:1", "e:1"})]
    assert statement_ids(roots) == ["s001", "s001", "s002"]
    chained = [frozenset({"x:1"}), frozenset({"y:1"}), frozenset({"x:1", "y:1"})]
    assert statement_ids(chained) == ["s001", "s001", "s001"]  # joined through the third group


def test_renderings_of_two_sentences_of_one_quote_share_a_statement() -> None:
    first = "We will never accept lecturing from those who call themselves our teachers."
    second = "The Chinese people will not allow any foreign force to bully us."
    quotes = [
        _quote("a:1", f"{first} {second}"),
        _quote("b:1", first.replace("never", "not")),
        _quote("c:1", second.replace("allow", "permit")),
    ]
    groups = align_groups(quotes).groups
    assert len(groups) == 2
    assert groups[0].statement == groups[1].statement != ""


def test_traditional_chinese_is_lemmatized_as_simplified() -> None:
    lemmas = set(Lemmatizer().content("中俄關係保持正確前進方向", "zh"))
    assert {"保持", "正确"} <= lemmas
    assert not lemmas & {"正確", "關係"}


def test_a_rendering_of_part_of_a_short_original_links_to_it() -> None:
    text = (
        "Chinese-Russian relations have withstood new tests, and have maintained the right "
        "direction and a steady development trend"
    )
    units = build_units([_quote("a:1", text)])
    links = link_units(units, [NPC, TUNXI], bridge=LexiconBridge())
    assert links[0].sentence.original.original_id == "wangyi-2022-03-30-tunxi"


def test_a_quoted_term_links_through_the_sentence_around_it() -> None:
    bridge = LexiconBridge()
    solid = _quote(
        "a:1", "solid", "Wang Yi praised the “solid” friendship between Beijing and Moscow", "term"
    )
    (link,) = link_units(build_units([solid]), [NPC, TUNXI], bridge=bridge).values()
    assert link.sentence.key == "wangyi-2022-03-07-npc#1"  # 坚如磐石 "solid as a boulder", 友谊
    bare = _quote("b:1", "solid", "Wang Yi said it was “solid”", "term")
    assert link_units(build_units([bare]), [NPC, TUNXI], bridge=bridge) == {}
    assert [s.key for s in sentences_of([TUNXI])] == ["wangyi-2022-03-30-tunxi#1"]


QIN = Original(
    original_id="qingang-2023-03-07-zero-sum",
    speaker="Qin Gang",
    lang="zh",
    date="2023-03-07",
    text="美方声称要“竞赢”中国但不寻求冲突。但实际上,美方的所谓“竞争”,就是全方位遏制打压,"
    "就是你死我活的零和博弈。",
)


def test_a_chinese_idiom_rendered_word_by_word_links_its_sentence() -> None:
    assert idiom_words([("die", frozenset({"死"})), ("live", frozenset({"活"}))], {"你死我活"}) == {
        "你死我活": frozenset({"die", "live"})
    }
    assert idiom_words([("die", frozenset({"死"}))], frozenset({"你死我活"})) == {}  # one char
    fragment = _quote("a:1", "It's a zero-sum game in which you die and I live,")
    fragment = replace(fragment, speaker="Qin Gang", date="2023-03-07")
    (link,) = link_units(build_units([fragment]), [QIN], bridge=LexiconBridge()).values()
    assert link.sentence.key == "qingang-2023-03-07-zero-sum#2"


class _Plane:
    """Two-dimensional unit vectors at a chosen cosine to the original's sentence."""

    name = "plane"

    def __init__(self, cosine: float) -> None:
        self.cosine = cosine

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        c = self.cosine
        rows = [[1.0, 0.0] if t.isascii() else [c, math.sqrt(1 - c * c)] for t in texts]
        return np.asarray(rows, dtype=np.float32)


class _Mute:
    """A bridge whose dictionaries know none of the words."""

    def targets(self, text: str, lang: str) -> list[tuple[str, frozenset[str]]]:
        return []

    def lemmas(self, text: str, lang: str) -> frozenset[str]:
        return frozenset()

    def english(self, lemma: str, lang: str) -> frozenset[str]:
        return frozenset()

    def words(self, text: str) -> frozenset[str]:
        return frozenset()


def test_e5_alone_anchors_only_beyond_the_range_where_wrong_sentences_sit() -> None:
    units = build_units([_quote("a:1", "We are a country of many faiths.")])
    assert link_units(units, [TUNXI], embedder=_Plane(0.84), bridge=_Mute()) == {}
    assert link_units(units, [TUNXI], embedder=_Plane(0.84))  # no dictionaries: e5 decides
    assert link_units(units, [TUNXI], embedder=_Plane(0.95), bridge=_Mute())


def test_two_quotes_of_one_page_rendering_one_original_sentence_share_its_group() -> None:
    def qin(qid: str, text: str) -> Quote:
        return replace(_quote(qid, text), speaker="Qin Gang", date="2023-03-07")

    said = (
        "But in reality, the so-called competition by the US is all-round containment and "
        "suppression, a zero-sum game of life and death."
    )
    quotes = [
        qin("a:1", said),
        qin("b:1", said.split(", a zero-sum")[0] + ","),
        qin("b:2", "It's a zero-sum game in which you die and I live,"),  # "he added"
    ]
    (group,) = align_groups(quotes, originals=[QIN], bridge=LexiconBridge()).groups
    assert {r.quote_id for r in group.renderings} == {"a:1", "b:1", "b:2"}

"""Statements (groups joined by a quote), Traditional Chinese originals and quoted terms anchored
to the original sentence they render."""

from __future__ import annotations

from drift.align import align_groups
from drift.align.anchoring import link_units, sentences_of
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

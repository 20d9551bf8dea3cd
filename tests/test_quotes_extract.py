"""Quote extraction on small texts: marks, recovery, fragments, attribution; and properties."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from drift.quotes import extract_quotes, prepare_table_quotes, speaker_key
from drift.records import Document, Quote


def quotes_of(text: str) -> list[Quote]:
    return extract_quotes(Document(doc_id="d", text=text, lang="en"))


# (text, expected speaker, expected quote text)
ATTRIBUTION = [
    (
        "Sergei Lavrov said: “The West has declared war on us.”",
        "Sergei Lavrov",
        "The West has declared war on us.",
    ),
    (
        "“Relations are good,” said Russian Foreign Minister Sergey Lavrov.",
        "Sergei Lavrov",
        "Relations are good,",
    ),
    (
        "According to Wang Yi, “the friendship is rock solid and will last.”",
        "Wang Yi",
        "the friendship is rock solid and will last.",
    ),
    (
        "Chinese Foreign Minister Wang Yi met Lavrov. “We stand together,” Wang told reporters.",
        "Wang Yi",
        "We stand together,",
    ),
    (
        "Russian Foreign Minister Sergei Lavrov arrived. “We are ready to talk,” he said.",
        "Sergei Lavrov",
        "We are ready to talk,",
    ),
    (
        "Russian Foreign Minister Sergei Lavrov and Wang Yi met. “Talks went well,” the Russian "
        "diplomat noted.",
        "Sergei Lavrov",
        "Talks went well,",
    ),
    (  # an unnamed ministry is nobody's name
        "“Sanctions are illegal and they will fail,” the ministry said.",
        "",
        "Sanctions are illegal and they will fail,",
    ),
    (
        "The Russian Foreign Ministry spoke. “Sanctions will fail,” the ministry said.",
        "Russian Foreign Ministry",
        "Sanctions will fail,",
    ),
    (
        "Moscow - Dmitry Peskov, the Kremlin spokesman, said on Tuesday that “Russia is ready.”",
        "Dmitry Peskov",
        "Russia is ready.",
    ),
    (
        "Wang Yi, China's top diplomat, met Lavrov. Peskov meanwhile said that “we will see.”",
        "Dmitry Peskov",  # a known official: the one Peskov drift knows
        "we will see.",
    ),
    (
        "Lavrov held talks with Wang Yi in Tunxi. “Relations are rock solid,” Wang said.",
        "Wang Yi",
        "Relations are rock solid,",
    ),
    (  # the ministry reported what Wang said: it is the source, Wang the speaker
        "The Chinese Foreign Ministry issued a readout. Wang Yi said ties were “rock solid,” "
        "according to the ministry.",
        "Wang Yi",
        "rock solid,",
    ),
    (
        "“The talks will continue in Belarus next week,” according to the ministry.",
        "",
        "The talks will continue in Belarus next week,",
    ),
    (
        "Analysts at the Eurasia Center said: “The talks are unlikely to succeed soon.”",
        "",
        "The talks are unlikely to succeed soon.",
    ),
    (
        "Russian Foreign Minister Sergei Lavrov. Lavrov said that “the West declared war on us.”",
        "Sergei Lavrov",
        "the West declared war on us.",
    ),
    (
        "The United States and Russia met. United said “we are ready to work with everyone.”",
        "",
        "we are ready to work with everyone.",
    ),
    (
        "United Nations Secretary-General Antonio Guterres said “the war must end now.”",
        "Antonio Guterres",
        "the war must end now.",
    ),
    (
        "“It is raining today in the city of Rome,” somebody wrote.",
        "",
        "It is raining today in the city of Rome,",
    ),
    (
        "The weather was fine. “We will see what happens next,” he said.",
        "",
        "We will see what happens next,",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "quote"), ATTRIBUTION)
def test_attribution(text: str, speaker: str, quote: str) -> None:
    assert [(q.speaker, q.text) for q in quotes_of(text)] == [(speaker, quote)]


def test_quote_split_by_attribution_is_two_linked_fragments() -> None:
    first, second = quotes_of("“We will win,” Lavrov said, “because we are right.”")
    assert (first.text, second.text) == ("We will win,", "because we are right.")
    assert (first.fragment_of, second.fragment_of) == ("", first.quote_id)
    assert second.speaker == first.speaker == "Sergei Lavrov"


def test_two_quotes_of_one_sentence_are_not_fragments_without_attribution() -> None:
    quotes = quotes_of("He resisted “small circles”, “false democracy” and “new Cold War”.")
    assert [q.text for q in quotes] == ["small circles", "false democracy", "new Cold War"]
    assert all(q.fragment_of == "" and q.kind == "term" for q in quotes)


def test_quote_over_paragraphs_is_one_quote() -> None:
    text = "“The first part of a long speech.\n\n“And the second part of it.”\n\nLavrov said so."
    (quote,) = quotes_of(text)
    assert quote.text.startswith("The first part") and quote.text.endswith("second part of it.")


def test_missing_opening_mark_is_recovered_back_to_the_line_start() -> None:
    text = "Intro line.\nAt the end, I firmly believe that we will win, ”Lavrov said.\nNext."
    (quote,) = quotes_of(text)
    assert quote.text == "At the end, I firmly believe that we will win,"
    assert quote.speaker == "Sergei Lavrov"


def test_reversed_closing_mark_and_missing_space() -> None:
    text = "At the end “we will move towards a just order“, Lavrov said. “It is ok.”Lavrov added."
    assert [q.text for q in quotes_of(text)] == [
        "we will move towards a just order",
        "It is ok.",
    ]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("Russia’s minister met int'l partners and the nations' leaders.", []),
        ("He called it ‘a farce’ yesterday.", ["a farce"]),
        ("“He said ‘no’ to the plan,” Lavrov said.", ["He said ‘no’ to the plan,"]),
        ("王毅说：「中俄关系保持正确前进方向」。", ["中俄关系保持正确前进方向"]),
        ("Лавров: «Мы победим».", ["Мы победим"]),
        ('They signalled a "willingness" to help.', ["willingness"]),
    ],
)
def test_marks_and_apostrophes(text: str, quoted: list[str]) -> None:
    assert [q.text for q in quotes_of(text)] == quoted


def test_headline_quotes_are_terms_without_speaker() -> None:
    (quote,) = quotes_of("One thought on “Towards a Multipolar, Fair World Order”\n\nLeave a Reply")
    assert (quote.kind, quote.speaker) == ("term", "")


def test_prepare_table_quotes_normalizes_speaker_and_sets_kind() -> None:
    rows = [
        Quote("t:1", "t", "small circles", 0, 13, speaker="Russian Foreign Minister Sergey Lavrov"),
        Quote(
            "t:2", "t", "We will never accept this order.", 0, 32, speaker="Wang Yi", kind="term"
        ),
    ]
    out = prepare_table_quotes(rows)
    assert [(q.speaker, q.kind) for q in out] == [
        ("Sergei Lavrov", "term"),
        ("Wang Yi", "statement"),
    ]


def test_a_tables_speakers_key_as_the_articles_do() -> None:
    """A table row's speaker as a transcript or a page writes it keys to the same person: a
    given name used as family name ("Gang") is the one official who bears it, while a lone
    family name that several bear ("Mao") stays as written."""
    written = ["Gang", "Qin Gang", "Mao", "Senior Colonel Wu Qian"]
    rows = [Quote(f"t:{k}", "t", "We are ready.", 0, 13, speaker=s) for k, s in enumerate(written)]
    keys = [speaker_key(q.speaker) for q in prepare_table_quotes(rows)]
    assert keys == ["qin gang", "qin gang", "mao", "wu qian"]


PIECES = [*list("“”\"'‘’«»„「」『』 \n.,:aZ*_"), "said", " he ", "Wang Yi", "Minister "]
MARKY = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(MARKY, st.text()))
@example("«0\x0c")  # a form feed once survived the trim
def test_never_raises_and_offsets_slice_back(text: str) -> None:
    quotes = quotes_of(text)
    assert len({q.quote_id for q in quotes}) == len(quotes)
    for q in quotes:
        assert text[q.start : q.end] == q.text and q.text == q.text.strip()

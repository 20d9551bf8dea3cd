"""What a reader sees in report.html: outlets and dates, the original, verdicts in words, the
legend, per-statement ranks, filters; and every article text escaped."""

from __future__ import annotations

import re

import drift
from drift.records import (
    Divergence,
    Document,
    Group,
    Original,
    Quote,
    Rendering,
    RenderingScore,
    ScoredDivergence,
)
from drift.report import PageData, render_html

IRONCLAD = "Earlier this month Wang said the relationship is “ironclad.”"
SOLID = "In early March, Wang Yi praised the “solid” friendship between Beijing and Moscow."


def _page(speaker: str = "Wang Yi", outlet_b: str = "oe-mag.co.uk") -> str:
    docs = {
        "001_6bdd": Document(
            "001_6bdd",
            IRONCLAD,
            title="Lavrov: Russia Rejects ‘New World Order’",
            date="2022-04-02",
        ),
        "002_90c0": Document("002_90c0", SOLID, outlet=outlet_b, url="https://oe-mag.co.uk/x"),
    }
    quotes = {
        "001_6bdd:1": Quote("001_6bdd:1", "001_6bdd", "ironclad.", 0, 9, context=IRONCLAD),
        "002_90c0:1": Quote("002_90c0:1", "002_90c0", "solid", 0, 5, context=SOLID),
    }
    ra = Rendering("001_6bdd:1", "001_6bdd", "ironclad.", 0, 9, speaker=speaker)
    rb = Rendering("002_90c0:1", "002_90c0", "solid", 0, 5, speaker=speaker)
    group = Group("g003", (ra, rb), 0.47, speaker=speaker)
    top = ScoredDivergence(
        Divergence(
            "g003",
            ra.quote_id,
            rb.quote_id,
            "001_6bdd",
            "002_90c0",
            "ironclad",
            "solid",
            "substitution",
        ),
        "堅如磐石",
        "堅固",
        0.62,
        rank=3,
        faithful="a",
        type="sense",
        evidence="no shared sense",
    )
    minor = ScoredDivergence(
        Divergence("g003", ra.quote_id, rb.quote_id, "001_6bdd", "002_90c0", ".", "", "omission"),
        "",
        "",
        0.05,
        rank=9,
        type="spelling",
    )
    scores = {
        ("g003", ra.quote_id): RenderingScore(
            "g003", ra.quote_id, "zh", "堅如磐石", "lexicon", 0.1, 0.2, "wangyi"
        ),
        ("g003", rb.quote_id): RenderingScore(
            "g003", rb.quote_id, "zh", "堅固", "lexicon", 0.6, 0.7, "wangyi"
        ),
    }
    original = Original(
        "wangyi",
        "兩國人民的友誼堅如磐石",
        "zh",
        speaker="Wang Yi",
        date="2022-03-07",
        source="http://txcsxy.com/a.shtml",
    )
    meta = {
        "version": "t",
        "signature": "backend:auto|chrF:c6w2b2",
        "backends": {"ru": "lexicon drift-lexicon/1", "zh": "lexicon drift-lexicon/1"},
        "counts": {"documents": 2, "quotes": 2, "divergences": 2},
    }
    data = PageData(
        [group],
        [top, minor],
        scores,
        {},
        meta,
        documents=docs,
        originals={"g003": original},
        quotes=quotes,
    )
    return render_html(data)


def test_renderings_are_labelled_by_outlet_and_date_else_title_never_by_file_id() -> None:
    page = _page()
    assert "oe-mag.co.uk" in page and "href='https://oe-mag.co.uk/x'" in page
    assert "“Lavrov: Russia Rejects ‘New World Order’” · 2 Apr 2022" in page
    labels = re.findall(r"<div class='who'[^>]*>(.*?)</div>", page)
    assert labels and not any("001_6bdd" in label or "002_90c0" in label for label in labels)


def test_the_original_and_the_verdict_are_shown_in_words() -> None:
    page = _page()
    assert "兩國人民的友誼堅如磐石" in page and "lang='zh'" in page
    assert "Original (Chinese, Wang Yi, 7 Mar 2022)" in page
    assert "href='http://txcsxy.com/a.shtml'" in page
    assert (
        "“ironclad” (“Lavrov: Russia Rejects ‘New World Order’”) is closer to the original" in page
    )
    assert "Closest to the original: “Lavrov" in page


def test_one_word_renderings_stand_in_their_sentence() -> None:
    page = _page()
    assert "In its sentence:" in page and "<b>solid</b>” friendship between Beijing" in page


def test_top_differences_are_highlighted_the_rest_folded_with_group_ranks() -> None:
    page = _page()
    assert "<mark class='top sev3'>ironclad</mark>" in page  # 0.62: a sense change
    assert "<mark class='minor'>.</mark>" in page  # shown once "All 2 differences" is open
    assert "<details class='all'><summary>All 2 differences" in page
    assert "1st of 2 here · #3 overall" in page
    assert "chip neutral" in page and "grouping confidence 0.47" in page


def test_one_offline_banner_a_legend_and_the_signature_folded_away() -> None:
    page = _page()
    assert page.count("Offline back-translation") == 1
    assert "Russian and Chinese" in page
    assert re.search(
        r"<details class='box noprint'><summary>Settings[^<]*</summary>.*signature", page
    )
    for name in drift.DIVERGENCE_TYPES:
        assert f"<dt>{name}</dt>" in page
    assert "A drift of 0.9 means" in page


def test_filters_offer_speakers_outlets_types_and_a_search_box() -> None:
    page = _page()
    assert "<form id='filters'" in page and "name='q'" in page and "type='range'" in page
    assert "<option value='Wang Yi'>Wang Yi</option>" in page
    assert "<option value='sense'>sense</option>" in page
    assert "<option value='oe-mag.co.uk'>oe-mag.co.uk</option>" in page
    assert "data-dates='2022-04-02'" in page


def test_hostile_speaker_and_outlet_stay_text_in_attributes_and_options() -> None:
    page = _page(speaker="<script>alert(1)</script>", outlet_b="x' onmouseover='alert(2)")
    assert "<script>alert" not in page
    assert "onmouseover='alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "x&#x27; onmouseover=&#x27;alert(2)" in page


def test_a_large_run_shows_its_top_statements_and_says_where_the_rest_are() -> None:
    def group(n: int, drift_value: float) -> tuple[Group, ScoredDivergence]:
        a, b = (Rendering(f"d{n}{s}:1", f"d{n}{s}", "x y", 0, 3, speaker="Wang Yi") for s in "ab")
        div = Divergence(f"g{n}", a.quote_id, b.quote_id, a.doc_id, b.doc_id, "x", "y", "sub")
        return Group(f"g{n}", (a, b), 0.9, speaker="Wang Yi"), ScoredDivergence(
            div, "", "", drift_value, type="sense"
        )

    made = [group(1, 0.3), group(2, 0.9), group(3, 0.6)]
    groups, divs = [g for g, _ in made], [d for _, d in made]
    page = render_html(PageData(groups, divs, {}, {}, {}, limit=2))
    assert "id='g2'" in page and "id='g3'" in page and "id='g1'" not in page
    assert "3 statements quoted by several outlets" in page
    assert "the 2 statements with the largest drift, of 3" in page
    whole = render_html(PageData(groups, divs, {}, {}, {}, limit=None))
    assert "id='g1'" in whole and "largest drift, of" not in whole


def test_a_statement_quoted_by_many_outlets_shows_its_divergent_wordings_and_folds_copies() -> None:
    def rendering(n: int, text: str, copy_of: str = "") -> Rendering:
        return Rendering(f"d{n}:1", f"d{n}", text, 0, len(text), speaker="Lavrov", copy_of=copy_of)

    wordings = [rendering(n, f"a just world order number {n}") for n in range(30)]
    strong = rendering(30, "a strong world order")
    copies = [rendering(40 + n, "a just world order number 0", copy_of="d0:1") for n in range(7)]
    group = Group("g1", (*wordings, strong, *copies), 0.9, speaker="Lavrov")
    top = ScoredDivergence(
        Divergence("g1", "d0:1", "d30:1", "d0", "d30", "just", "strong", "sub"),
        "",
        "",
        0.8,
        type="sense",
    )
    small = [
        ScoredDivergence(
            Divergence("g1", "d0:1", f"d{n}:1", "d0", f"d{n}", "0", str(n), "sub"), "", "", 0.1
        )
        for n in range(1, 30)
    ]
    outlets = {f"d{n}": f"Outlet {n}" for n in range(47)}
    page = render_html(PageData([group], [top, *small], {}, outlets, {}))
    assert page.count("<div class='rendering'>") == 12  # CARDS_PER_GROUP distinct wordings
    assert "<mark class='top" in page and "strong</mark>" in page  # both sides of the top one
    assert "19 more wordings of this statement are not shown here" in page
    assert "the same words in 7 more renderings (a shared wire copy): Outlet 40, " in page
    assert "Outlet 44 and 2 more" in page and "38 renderings" in page
    assert page.count("<tr><td") == 30  # all 30 differences fit the folded table

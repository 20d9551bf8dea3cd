"""HTML pages: the article body with its quote, paragraph breaks kept, no menus or footers."""

from __future__ import annotations

from pathlib import Path

from drift.corpus import read_corpus

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Lavrov: world will move towards a multipolar order | World News Daily</title>
<meta property="og:site_name" content="World News Daily">
<meta property="og:title" content="Lavrov: world will move towards a multipolar order">
<meta property="article:published_time" content="2022-03-30T14:05:00Z">
<link rel="canonical" href="https://worldnewsdaily.example/2022/03/30/lavrov-multipolar">
</head><body>
<header><nav class="menu"><ul>
  <li><a href="/">Home</a></li><li><a href="/world">World</a></li>
  <li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li>
</ul></nav></header>
<main><article>
<h1>Lavrov: world will move towards a multipolar order</h1>
<p class="byline">By Jane Smith</p>
<p>Russian Foreign Minister Sergei Lavrov met his Chinese counterpart Wang Yi in the eastern city
of Tunxi on Wednesday, his first visit to China since the start of the war in Ukraine.</p>
<p>&ldquo;We, together with you and with our sympathisers, will move towards a multipolar, just,
democratic world order,&rdquo; Lavrov said at the start of the talks.</p>
<p>Wang said relations between the two countries had withstood new tests since the beginning of
the year and kept the right direction.</p>
</article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Markets fall on rate fears</a></li>
<li><a href="/b">Storm hits the coast</a></li></ul></aside>
<footer><p>&copy; 2022 World News Daily. All rights reserved.</p>
<a href="/privacy">Privacy Policy</a> <a href="/contact">Contact us</a></footer>
</body></html>
"""


def test_html_page_gives_body_paragraphs_with_the_quote(tmp_path: Path) -> None:
    page = tmp_path / "lavrov-tunxi.html"
    page.write_text(PAGE, encoding="utf-8")
    (doc,) = read_corpus([page]).documents
    assert doc.doc_id == "lavrov-tunxi"
    assert (
        "“We, together with you and with our sympathisers, will move towards a multipolar, just, "
        "democratic world order,” Lavrov said" in doc.text
    )
    assert "Sergei Lavrov met his Chinese counterpart Wang Yi" in doc.text
    assert "\n\nWang said relations" in doc.text  # one paragraph per <p>
    for chrome in ("Home", "Sport", "Markets fall", "Storm hits", "Privacy Policy", "reserved"):
        assert chrome not in doc.text, chrome
    assert doc.lang == "en"


def test_html_metadata_fills_title_outlet_date_and_url(tmp_path: Path) -> None:
    page = tmp_path / "page.htm"
    page.write_text(PAGE, encoding="utf-8")
    (doc,) = read_corpus([page]).documents
    assert doc.title == "Lavrov: world will move towards a multipolar order"
    assert doc.outlet == "World News Daily"
    assert doc.date == "2022-03-30"
    assert doc.url == "https://worldnewsdaily.example/2022/03/30/lavrov-multipolar"


def test_html_page_without_article_text_is_a_failure(tmp_path: Path) -> None:
    page = tmp_path / "menu.html"
    page.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    corpus = read_corpus([page])
    assert corpus.documents == ()
    (failure,) = corpus.failures
    assert failure.path == str(page)
    assert "no article text" in failure.problem

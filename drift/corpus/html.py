"""HTML pages to article text and metadata with trafilatura (main content only, no menus)."""

from __future__ import annotations

from dataclasses import dataclass

from drift.corpus.clean import SENTENCE_END_RE
from drift.corpus.dates import normalize_date


@dataclass(frozen=True)
class HtmlArticle:
    """The main text of a page (paragraphs split by blank lines) and what its metadata states."""

    text: str
    title: str = ""
    date: str = ""
    outlet: str = ""
    url: str = ""


def html_to_article(html: str) -> HtmlArticle:
    """Extract the article body of a news page, favoring recall of body paragraphs.

    Navigation, comments and footers are left out; "" text when the page has no main content.
    """
    import trafilatura

    extracted = trafilatura.bare_extraction(
        html,
        favor_recall=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        with_metadata=True,
    )
    if extracted is None:
        return HtmlArticle(text="")
    paragraphs = [line.strip() for line in (extracted.text or "").splitlines() if line.strip()]
    if not any(SENTENCE_END_RE.search(line) for line in paragraphs):
        return HtmlArticle(text="")  # only link texts and labels: a menu page, not an article
    return HtmlArticle(
        text="\n\n".join(paragraphs),
        title=extracted.title or "",
        date=normalize_date(extracted.date or ""),
        outlet=extracted.sitename or "",
        url=extracted.url or "",
    )

"""From an article to its output document: the one place the formats are chosen."""
from __future__ import annotations

from .articles import Article
from .claims import find_claims
from .jsonout import article_json, dumps
from .model import Claim
from .references import References

FORMATS = ("html", "json", "jsonl")


def claims_of(article: Article, refs: References) -> list[Claim]:
    return find_claims(article.text, refs, markdown=article.markdown)


def render(article: Article, refs: References, fmt: str, claims: list[Claim] | None = None) -> str:
    if claims is None:
        claims = claims_of(article, refs)
    if fmt == "html":
        from .page import render_page  # Jinja2 is only loaded when a page is asked for

        return render_page(article, claims, refs.resolutions)
    doc = article_json(article.source, claims, refs.resolutions, article.text)
    return dumps(doc, pretty=fmt == "json")

"""The index of a batch run: every article with its counts, sortable without any script.

Sorting is done when the pages are written: one static page per sort order
(index.html by article, index-claims.html and so on), linked from the column headings.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from . import __version__
from .page import template_env

SORTS = {
    "article": {"file": "index.html", "heading": "Article", "label": "article", "aria": "ascending"},
    "claims": {"file": "index-claims.html", "heading": "Claims", "label": "most claims", "aria": "descending"},
    "linked": {"file": "index-linked.html", "heading": "Linked", "label": "most linked claims", "aria": "descending"},
    "review": {"file": "index-review.html", "heading": "Need review", "label": "most claims needing review", "aria": "descending"},
}


@dataclass(frozen=True)
class Row:
    name: str  # the article's path relative to the output directory's mirror
    href: str  # its page, relative to the index; empty when it failed
    title: str
    claims: int
    linked: int
    review: int
    error: str = ""


def index_pages(rows: Sequence[Row]) -> dict[str, str]:
    """File name -> HTML, one page per sort order."""
    totals = {
        "claims": sum(r.claims for r in rows),
        "linked": sum(r.linked for r in rows),
        "review": sum(r.review for r in rows),
        "failed": sum(1 for r in rows if r.error),
    }
    template = template_env().get_template("index.html.j2")
    out = {}
    for key, sort in SORTS.items():
        if key == "article":
            ordered = sorted(rows, key=lambda r: r.name)
        else:
            ordered = sorted(rows, key=lambda r: (-getattr(r, key), r.name))
        out[sort["file"]] = template.render(rows=ordered, totals=totals, sorts=SORTS, current=key, version=__version__)
    return out


def page_href(relative: Path) -> str:
    return relative.as_posix()

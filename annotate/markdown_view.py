"""A plain-text view of Markdown source with the same length, for finding claims.

Markdown syntax (heading marks, emphasis, link targets, raw HTML) is replaced by
spaces, and a list marker by a plain "-", so sentences read naturally while every index is still an
index into the Markdown source, as the JSON contract requires.
"""
from __future__ import annotations

import re

_SYNTAX = re.compile(
    r"(?m)^[ \t]{0,3}(?:#{1,6}[ \t]|>[ \t]?|(?P<item>[-*+][ \t]|\d{1,9}[.)][ \t]))"  # block markers
    r"|^[ \t]{0,3}\[[^\]\n]{1,200}\]:[^\n]*$"  # link reference definitions
    r"|!?\[(?=[^\]\n]{0,500}\])"  # opening bracket of a link or image
    r"|\]\([^)\s]{0,2000}(?:[ \t]+\"[^\"\n]{0,300}\")?\)"  # ](target "title")
    r"|\]\[[^\]\n]{0,200}\]"  # ][reference]
    r"|<[a-zA-Z/!][^<>\n]{0,500}>"  # raw HTML tags and autolinks
    r"|\*{1,3}|(?<![A-Za-z0-9])_{1,3}|_{1,3}(?![A-Za-z0-9])|`+|~~"  # emphasis and code marks
)


def _blank(m: re.Match[str]) -> str:
    item = m.group("item")
    if item:
        # A list item keeps one plain "-" where its marker was: sentence splitting then reads it
        # as a bullet, so each item is a unit of its own (folded for matching, it is a space).
        return " " * (len(m.group(0)) - len(item)) + "-" + " " * (len(item) - 1)
    return " " * len(m.group(0))


def markdown_view(source: str) -> str:
    return _SYNTAX.sub(_blank, source)

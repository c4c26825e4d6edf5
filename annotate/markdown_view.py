"""A plain-text view of Markdown source with the same length, for finding claims.

Markdown syntax (heading marks, bullets, emphasis, link targets, raw HTML) is
replaced by spaces, so sentences read naturally while every index is still an
index into the Markdown source, as the JSON contract requires.
"""
from __future__ import annotations

import re

_SYNTAX = re.compile(
    r"(?m)^[ \t]{0,3}(?:#{1,6}[ \t]|>[ \t]?|[-*+][ \t]|\d{1,9}[.)][ \t])"  # block markers
    r"|^[ \t]{0,3}\[[^\]\n]{1,200}\]:[^\n]*$"  # link reference definitions
    r"|!?\[(?=[^\]\n]{0,500}\])"  # opening bracket of a link or image
    r"|\]\([^)\s]{0,2000}(?:[ \t]+\"[^\"\n]{0,300}\")?\)"  # ](target "title")
    r"|\]\[[^\]\n]{0,200}\]"  # ][reference]
    r"|<[a-zA-Z/!][^<>\n]{0,500}>"  # raw HTML tags and autolinks
    r"|\*{1,3}|(?<![A-Za-z0-9])_{1,3}|_{1,3}(?![A-Za-z0-9])|`+|~~"  # emphasis and code marks
)


def markdown_view(source: str) -> str:
    return _SYNTAX.sub(lambda m: " " * len(m.group(0)), source)

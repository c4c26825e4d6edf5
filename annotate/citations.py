"""Explicit citations written in an article: "resolution 2270", "UNSCR 2397",
"S/RES/2375 (2017)", "resolutions 1718 and 1874", "paragraph 8 of resolution 1718".

The words that introduce a citation come from the cues file; the numbers are
matched by one pattern built from them. Every repetition in it is separated by a
literal separator, so the pattern cannot backtrack badly on any input.
"""
from __future__ import annotations

import re
from typing import Iterable

from .model import Citation

_PARA = r"\d{1,3}(?:\s?\([a-z]{1,5}\)){0,3}"
_SEP = r"\s?(?:,|&|and|or)\s?(?:and\s)?"
_RES = r"\d{3,4}(?:\s?\(\d{4}\))?"


def compile_citations(citation_words: Iterable[str], paragraph_words: Iterable[str]) -> re.Pattern[str]:
    words = sorted({w for w in citation_words if w.strip()}, key=len, reverse=True)
    paras = sorted({w for w in paragraph_words if w.strip()}, key=len, reverse=True)
    word_alt = "|".join(re.escape(w).replace(r"\ ", r"\s") for w in words) or r"(?!)"
    para_alt = "|".join(re.escape(w).replace(r"\ ", r"\s") for w in paras) or r"(?!)"
    pattern = (
        rf"(?:(?<![\w/])(?:{para_alt})\s?(?P<paras>{_PARA}(?:{_SEP}{_PARA}){{0,8}})\s(?:of|in)\s(?:the\s)?)?"
        rf"(?<![\w])(?:{word_alt})\s?(?:no\.?\s?)?(?P<nums>{_RES}(?:{_SEP}{_RES}){{0,12}})(?!\d)"
    )
    return re.compile(pattern, re.IGNORECASE)


_NUM = re.compile(r"(\d{3,4})(?:\s?\(\d{4}\))?")
_PARA_ITEM = re.compile(_PARA)


def find_citations(text: str, pattern: re.Pattern[str], start: int = 0, end: int | None = None) -> list[Citation]:
    out: list[Citation] = []
    for m in pattern.finditer(text, start, len(text) if end is None else end):
        paras = tuple(re.sub(r"\s", "", p) for p in _PARA_ITEM.findall(m.group("paras") or ""))
        for num in _NUM.finditer(m.group("nums")):
            out.append(Citation(m.group(0), m.start(), m.end(), int(num.group(1)), paras))
    return out

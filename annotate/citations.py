"""Explicit citations written in an article: "resolution 2270", "UNSCR 2397",
"S/RES/2375 (2017)", "resolutions 1718 and 1874", "paragraph 8 of resolution 1718".

The words that introduce a citation come from the cues file; the numbers are
matched by one pattern built from them. Every repetition in it is separated by a
literal separator, so the pattern cannot backtrack badly on any input.

That pattern opens with an optional group, so a search with it would try every
position of the text. It is only tried where a citation word was found (by a
pattern of those words alone, which the engine skips through quickly), and at
the paragraph words a little before it.
"""
from __future__ import annotations

import re
from typing import Iterable, NamedTuple

from .model import Citation
from .textfold import fold

_PARA = r"\d{1,3}(?:\s?\([a-z]{1,5}\)){0,3}"
_SEP = r"\s?(?:,|&|and|or)\s?(?:and\s)?"
_RES = r"[1-9]\d{2,3}(?:\s?\(\d{4}\))?"  # no resolution number starts with 0


class CitationPatterns(NamedTuple):
    full: re.Pattern[str]  # a whole citation, as written (case-insensitive)
    words: re.Pattern[str]  # the citation words alone, over the folded (lower-case) text
    paragraph_words: re.Pattern[str]  # the paragraph words alone, over the folded text


# How far before its citation word a "paragraphs 8(a), 9 and 10 of" can start: nine paragraph
# items, the most the pattern allows, with their separators take under 350 characters.
_PREFIX_REACH = 400


def _alternation(words: Iterable[str], lower: bool = False) -> str:
    unique = sorted({w.lower() if lower else w for w in words if w.strip()}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s") for w in unique) or r"(?!)"


def compile_citations(citation_words: Iterable[str], paragraph_words: Iterable[str]) -> CitationPatterns:
    citation_words, paragraph_words = list(citation_words), list(paragraph_words)
    word_alt, para_alt = _alternation(citation_words), _alternation(paragraph_words)
    pattern = (
        rf"(?:(?<![\w/])(?:{para_alt})\s?(?P<paras>{_PARA}(?:{_SEP}{_PARA}){{0,8}})\s(?:of|in)\s(?:the\s)?)?"
        rf"(?<![\w])(?:{word_alt})\s?(?:no\.?\s?)?(?P<nums>{_RES}(?:{_SEP}{_RES}){{0,12}})(?!\d)"
    )
    return CitationPatterns(
        re.compile(pattern, re.IGNORECASE),
        re.compile(_alternation(citation_words, lower=True)),
        re.compile(_alternation(paragraph_words, lower=True)),
    )


_NUM = re.compile(r"(\d{3,4})(?:\s?\(\d{4}\))?")
_PARA_ITEM = re.compile(_PARA)


def find_citations(text: str, patterns: CitationPatterns, start: int = 0, end: int | None = None,
                   folded: str | None = None) -> list[Citation]:
    """Citations in text[start:end], left to right; `folded` is fold(text) when the caller has it."""
    end = len(text) if end is None else end
    if folded is None:
        folded = fold(text)
    out: list[Citation] = []
    done = start  # where the last citation ended: citations never overlap
    pos = start
    while (word := patterns.words.search(folded, pos, end)) is not None:
        at = word.start()
        pos = at + 1  # a shorter word may start inside this one ("...resolutionsresolution 1718")
        m = None
        # The leftmost start wins, as in a plain search: a paragraph prefix before the word first.
        look = max(done, at - _PREFIX_REACH)
        while (prefix := patterns.paragraph_words.search(folded, look, at)) is not None:
            look = prefix.start() + 1
            m = patterns.full.match(text, prefix.start(), end)
            if m is not None and m.end() > at:
                break
            m = None
        if m is None:
            m = patterns.full.match(text, at, end)
        if m is None:
            continue
        paras = tuple(re.sub(r"\s", "", p) for p in _PARA_ITEM.findall(m.group("paras") or ""))
        for num in _NUM.finditer(m.group("nums")):
            out.append(Citation(m.group(0), m.start(), m.end(), int(num.group(1)), paras))
        done = pos = m.end()
    return out

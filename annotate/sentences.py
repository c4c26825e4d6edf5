"""Split an article into sentence spans (offsets into the text as read).

News copy is messy: headlines and bullet lines have no full stop, sentences wrap
across line breaks, quotes run over several sentences, and "U.N." or "Mr." end in
a full stop without ending anything. The rules below are deliberately simple and
linear: one regular expression finds candidate breaks, and each is accepted or
not by looking at a few characters around it.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, NamedTuple

# A line break: CRLF is one break, never a CR and then an LF (which would read as a blank line).
_NEWLINE = r"(?:\r\n|\r(?!\n)|\n)"
# A blank line (which may hold spaces) and the white space after it: the break between paragraphs.
PARAGRAPH_BREAK = re.compile(rf"{_NEWLINE}[ \t\f\v]*{_NEWLINE}\s*")

# One pattern for every candidate break. It begins with a single character class so that the
# regular expression engine skips ahead to those characters in C instead of trying each position.
_PARA = r"[ \t\f\v]*(?:\r\n|\r|\n)\s*"
_BREAK = re.compile(
    r"[\r\n.!?\u2026](?:"
    r"(?<=[.!?\u2026])[.!?\u2026]*[\"'\u201d\u2019)\]\u00bb]*(?=\s)"  # terminal punctuation before a space
    rf"|(?<=\r)\n(?P<crlf_para>{_PARA})?"  # a line break (CRLF), or a blank line after it
    rf"|(?<=[\r\n])(?P<para>{_PARA})?"  # a line break, or a blank line after it
    r")"
)
_BULLET = re.compile(r"[ \t]*(?:[-*+\u2022\u25aa\u2023>#]|\d{1,3}[.)])\s")
_OPENERS = "\"'\u201c\u2018([\u00ab\u2014-"
# The white space (and list marker) a sentence does not start with.
_LEAD = re.compile(r"\s*(?:(?:[-*+\u2022\u25aa\u2023>#]|\d{1,3}[.)])\s\s*)?")
# The word a full stop ends: back to the last space or opening quote or bracket.
_LAST_WORD = re.compile("[^\\s" + re.escape(_OPENERS) + "]+\\Z")
# A line shorter than this with no terminal punctuation is a headline, a byline or debris.
_SHORT_LINE = 70


class Sentence(NamedTuple):
    start: int
    end: int
    paragraph: int  # index of the paragraph (blank-line separated block) it belongs to
    # Ended at a line break that only looked like the end of a headline: the sentence may go on
    # in the next one ("... a breach of UN\nSecurity Council resolutions.").
    soft_end: bool = False


def split_sentences(text: str, abbreviations: Iterable[str] = (), start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences of text[start:end], with offsets into the whole text."""
    abbrevs = _Abbreviations.of(tuple(abbreviations))
    end = len(text) if end is None else end
    out: list[Sentence] = []
    paragraph = 0
    for m in _BREAK.finditer(text, start, end):
        first = text[m.start()]
        if first != "\r" and first != "\n":
            kind = "stop"
        elif m.lastgroup:
            kind = "para"
        else:
            kind = "line"
        if kind == "para":
            _emit(text, start, m.start(), paragraph, out)
            start = m.end()
            paragraph += 1
        elif kind == "line":
            if _BULLET.match(text, m.end()):
                # A list item starts: it ends the sentence before, and is a unit of its own, like
                # a paragraph (an activity in the next item is not this item's context).
                _emit(text, start, m.start(), paragraph, out)
                start = m.end()
                paragraph += 1
                continue
            verdict = _line_breaks_sentence(text, start, m.start(), m.end(), abbrevs)
            if verdict:
                _emit(text, start, m.start(), paragraph, out, soft=verdict == "soft")
                start = m.end()
        elif _stop_breaks_sentence(text, m.start(), m.end(), abbrevs):
            _emit(text, start, m.end(), paragraph, out)
            start = m.end()
    _emit(text, start, end, paragraph, out)
    return out


class _Abbreviations(frozenset):
    """Lower-cased abbreviations, and the length of the longest (no word longer can be one)."""

    longest: int = 0

    @classmethod
    @lru_cache(maxsize=8)
    def of(cls, abbreviations: tuple[str, ...]) -> "_Abbreviations":
        out = cls(a.lower() for a in abbreviations)
        out.longest = max(map(len, out), default=0)
        return out


def _emit(text: str, start: int, end: int, paragraph: int, out: list[Sentence], soft: bool = False) -> None:
    start = _LEAD.match(text, start, end).end()  # a list item's marker is not part of its sentence
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Sentence(start, end, paragraph, soft))


def _line_breaks_sentence(text: str, sentence_start: int, at: int, after: int, abbrevs: _Abbreviations) -> str:
    """"hard" when a single line break ends the sentence, "soft" when it probably does, "" when not."""
    if _BULLET.match(text, after):
        return "hard"
    # Look back a bounded distance only: searching to the start of the text would make long
    # articles quadratic, and a line longer than that is no headline anyway.
    lo = max(0, at - 4 * _SHORT_LINE)
    line_start = max(text.rfind("\n", lo, at), text.rfind("\r", lo, at)) + 1 or lo
    line = text[max(line_start, sentence_start) : at].rstrip()
    if not line:
        return "hard"
    nxt = text[after : after + 1]
    lower_next = nxt.isalpha() and nxt.islower()
    last_word = line.rsplit(None, 1)[-1].lower()
    if line[-1] in ".!?:;\u2026":
        # A full stop before a line break ends the sentence, unless it ends "U.N." or the next
        # line goes on in lower case.
        if lower_next or (line[-1] == "." and (last_word in abbrevs or _is_initial(last_word))):
            return ""
        return "hard"
    if line[-1] in "\"'\u201d\u2019":
        return "hard" if len(line) < _SHORT_LINE and not lower_next else ""
    # No punctuation: a short line is a headline, a byline or page furniture, unless the next
    # line goes on in lower case or this one ends mid-phrase.
    if lower_next or line[-1] in ",-\u2013\u2014(" or len(text[line_start:at].strip()) >= _SHORT_LINE:
        return ""
    return "soft"


def _is_initial(word: str) -> bool:
    return len(word) == 2 and word[0].isalpha() and word[1] == "."


def _stop_breaks_sentence(text: str, at: int, end: int, abbrevs: _Abbreviations) -> bool:
    nxt = end
    n = len(text)
    while nxt < n and text[nxt].isspace():
        nxt += 1
    if nxt >= n:
        return True
    ch = text[nxt]
    if not (ch.isupper() or ch.isdigit() or ch in _OPENERS or not ch.isalpha()):
        return False  # "e.g. the" or "U.N. sanctions": the sentence goes on in lower case
    if text[at] != ".":
        return True
    # Only the last few characters can hold an abbreviation or an initial ("U.N.", "F.").
    reach = max(abbrevs.longest, 2)
    lo = max(0, at + 1 - reach)
    last = _LAST_WORD.search(text, lo, at + 1)
    if last is None:
        return True
    if last.start() == lo and lo > 0 and not text[lo - 1].isspace() and text[lo - 1] not in _OPENERS:
        return True  # the word runs on further back: too long to be an abbreviation
    word = last.group().lower()
    if word in abbrevs:
        return False
    # A single initial ("John F. Kennedy") does not end a sentence.
    return not _is_initial(word)

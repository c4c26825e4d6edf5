"""Split an article into sentence spans (offsets into the text as read).

News copy is messy: headlines and bullet lines have no full stop, sentences wrap
across line breaks, quotes run over several sentences, and "U.N." or "Mr." end in
a full stop without ending anything. The rules below are deliberately simple and
linear: one regular expression finds candidate breaks, and each is accepted or
not by looking at a few characters around it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

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
# A line shorter than this with no terminal punctuation is a headline, a byline or debris.
_SHORT_LINE = 70


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int  # index of the paragraph (blank-line separated block) it belongs to
    # Ended at a line break that only looked like the end of a headline: the sentence may go on
    # in the next one ("... a breach of UN\nSecurity Council resolutions.").
    soft_end: bool = False


def split_sentences(text: str, abbreviations: Iterable[str] = (), start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences of text[start:end], with offsets into the whole text."""
    abbrevs = _lowered(tuple(abbreviations))
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
            verdict = _line_breaks_sentence(text, start, m.start(), m.end(), abbrevs)
            if verdict:
                _emit(text, start, m.start(), paragraph, out, soft=verdict == "soft")
                start = m.end()
        elif _stop_breaks_sentence(text, m.start(), m.end(), abbrevs):
            _emit(text, start, m.end(), paragraph, out)
            start = m.end()
    _emit(text, start, end, paragraph, out)
    return out


@lru_cache(maxsize=8)
def _lowered(abbreviations: tuple[str, ...]) -> frozenset[str]:
    return frozenset(a.lower() for a in abbreviations)


def _emit(text: str, start: int, end: int, paragraph: int, out: list[Sentence], soft: bool = False) -> None:
    while start < end and text[start].isspace():
        start += 1
    bullet = _BULLET.match(text, start, end)
    if bullet:  # a list item's marker is not part of its sentence
        start = bullet.end()
        while start < end and text[start].isspace():
            start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Sentence(start, end, paragraph, soft))


def _line_breaks_sentence(text: str, sentence_start: int, at: int, after: int, abbrevs: frozenset[str]) -> str:
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


def _stop_breaks_sentence(text: str, at: int, end: int, abbrevs: frozenset[str]) -> bool:
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
    word_start = at
    while word_start > 0 and not text[word_start - 1].isspace() and text[word_start - 1] not in _OPENERS:
        word_start -= 1
    word = text[word_start : at + 1].lower()
    if word in abbrevs:
        return False
    # A single initial ("John F. Kennedy") does not end a sentence.
    return not _is_initial(word)

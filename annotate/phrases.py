"""One automaton for every phrase of the references: a single linear pass over an article.

All cue words, regime names and ban phrases go into one Aho-Corasick automaton
(pyahocorasick, a C implementation) over the folded, space-squeezed text. Its
cost grows with the length of the article and the number of hits, not with the
number of phrases, and it cannot backtrack: no phrase is ever a pattern.
"""
from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter
from typing import Iterable

import ahocorasick

from .model import Hit
from .textfold import Collapsed, fold, fold_phrase

# Words too short or too common to inflect inside a phrase ("in violation of").
_NO_INFLECT = frozenset(
    "a an the of to in on for by with from and or its their his her as at into than that this those these".split()
)


def inflections(word: str) -> set[str]:
    """Regular English forms of `word`: launch -> launches, launched, launching.

    Forms that are not words ("shipsed") never occur in text, so over-generation is harmless.
    """
    forms = {word}
    if len(word) < 3 or word in _NO_INFLECT or not word[-1].isalpha():
        return forms
    stem_e = word[:-1] if word.endswith("e") else word
    forms |= {word + "s", word + "es", word + "ed", word + "d", stem_e + "ing", stem_e + "ed"}
    if word.endswith("y") and len(word) > 3 and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if len(word) >= 3 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        # fire-and-forget doubling for short verbs: ban -> banned, banning; ship -> shipped
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    if word.endswith("s"):
        forms.add(word[:-1])  # "missiles" listed -> "missile"
    return forms


def variants(phrase: str, inflect: bool = True) -> set[str]:
    """Every canonical form of a phrase, its first and last words in their regular inflections."""
    canon = fold_phrase(phrase)
    if not canon:
        return set()
    if not inflect:
        return {canon}
    words = canon.split(" ")
    # Inflect the first word (the verb: "launch a satellite") and the last (the noun: "ship-to-ship
    # transfers"); middle words stay as written, which keeps the variants few.
    firsts = inflections(words[0])
    if len(words) == 1:
        return firsts
    lasts = inflections(words[-1])
    middle = " ".join(words[1:-1])
    return {" ".join(w for w in (f, middle, l) if w) for f in firsts for l in lasts}


@dataclass(frozen=True)
class Entry:
    kind: str
    phrase: str  # as written in the references
    tag: str = ""  # ban id or regime id


# Hits are built with tuple.__new__ (a C call) in the loop below, which runs once per hit.
_new_hit = tuple.__new__
# Kinds whose hits of different tags may overlap: activity phrases of different bans nest
# ("ballistic missile technology" holds "missile"), and linking picks the most specific.
_NESTING_KINDS = frozenset({"activity"})


class PhraseIndex:
    """Compiled phrases; `scan(text)` returns every whole-word hit with offsets into `text`."""

    def __init__(self, entries: Iterable[tuple[Entry, bool]]) -> None:
        table: dict[str, list[Entry]] = {}
        for entry, inflect in entries:
            for form in variants(entry.phrase, inflect):
                bucket = table.setdefault(form, [])
                if entry not in bucket:
                    bucket.append(entry)
        self.size = len(table)
        # The automaton stores a number per key, an index into _values: an automaton of plain
        # ints unpickles several times faster from the references cache, which is start-up time.
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        self._values: list[tuple[int, bool, bool, tuple[tuple[str, str, str], ...]]] = []
        numbers: dict[tuple, int] = {}
        for key, bucket in table.items():
            # Everything the scan needs per hit, worked out once here: the key's length, whether
            # its first and last characters must not be glued to a letter or digit, and its entries.
            value = (len(key), key[0].isalnum(), key[-1].isalnum(), tuple((e.kind, e.phrase, e.tag) for e in bucket))
            if value not in numbers:
                numbers[value] = len(self._values)
                self._values.append(value)
            self._automaton.add_word(key, numbers[value])
        if table:
            self._automaton.make_automaton()

    def scan(self, text: str) -> list[Hit]:
        """All hits, leftmost-longest within each kind, sorted by position."""
        return self.scan_folded(fold(text))

    def scan_folded(self, folded: str, start: int = 0, end: int | None = None) -> list[Hit]:
        """Hits in folded[start:end] (see textfold.fold), with offsets into the whole text."""
        end = len(folded) if end is None else end
        if not self.size or start >= end:
            return []
        # Always a copy of the piece: pyahocorasick's iter(text, start, end) costs time in the
        # length of the whole text, which made per-paragraph scans quadratic (benchmarks/ found it).
        piece = folded[start:end] if start or end != len(folded) else folded
        if "  " not in piece:  # the common case: nothing to squeeze, offsets map one to one
            return self._scan(piece, None, start)
        collapsed = Collapsed.of(piece)
        return self._scan(collapsed.text, collapsed, start)

    def scan_pieces(self, folded: str, pieces: Iterable[tuple[int, int]]) -> list[Hit]:
        """Hits in each of the ordered, disjoint pieces folded[start:end]; no hit spans two.

        The pieces are paragraphs, and what lies between two neighbours (a blank line) folds to two
        spaces or more, which no phrase holds. So neighbouring pieces are scanned in one pass of
        the automaton; pieces with other text between them are not, and a piece with a run of
        spaces of its own is squeezed and scanned alone.
        """
        out: list[Hit] = []
        first = last = -1  # the stretch of clean pieces not scanned yet
        for start, end in pieces:
            if first >= 0 and not folded[last:start].isspace():
                # Not the next paragraph (pieces may skip some): the stretch ends here.
                out += self._scan(folded[first:last], None, first)
                first = -1
            if folded.find("  ", start, end) < 0:
                if first < 0:
                    first = start
                last = end
                continue
            if first >= 0:
                out += self._scan(folded[first:last], None, first)
                first = -1
            out += self.scan_folded(folded, start, end)
        if first >= 0:
            out += self._scan(folded[first:last], None, first)
        return out

    def _scan(self, canon: str, collapsed: Collapsed | None, offset: int) -> list[Hit]:
        n = len(canon)
        raw: list[tuple[int, int, tuple[str, str, str]]] = []
        add = raw.append
        values = self._values
        for last, number in self._automaton.iter(canon):
            length, glue_left, glue_right, items = values[number]
            end = last + 1
            start = end - length
            # A hit must be a whole word sequence: no letter or digit glued to either side.
            if glue_left and start and canon[start - 1].isalnum():
                continue
            if glue_right and end < n and canon[end].isalnum():
                continue
            for item in items:
                add((start, -end, item))
        if not raw:
            return []
        raw.sort(key=_LEFTMOST_LONGEST)  # stable: entries of one key keep their order
        out: list[Hit] = []
        keep = out.append
        reach: dict[str | tuple[str, str], int] = {}  # where the last kept hit of each group ends
        for start, neg_end, (kind, phrase, tag) in raw:
            end = -neg_end
            # Leftmost-longest within a kind; for nesting kinds, within one tag (one ban), so that
            # "ship-to-ship transfers" is one hit of its ban, not three nested ones.
            group = (kind, tag) if kind in _NESTING_KINDS else kind
            if start < reach.get(group, -1):
                continue  # inside or across a longer hit of the same group
            reach[group] = end
            if collapsed is not None:
                start, end = collapsed.original(start), collapsed.original_end(end)
            keep(_new_hit(Hit, (kind, phrase, start + offset, end + offset, tag)))
        out.sort(key=_POSITION)
        return out


_LEFTMOST_LONGEST = itemgetter(0, 1)
_POSITION = itemgetter(2, 3)  # Hit.start, Hit.end

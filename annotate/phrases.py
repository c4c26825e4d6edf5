"""One automaton for every phrase of the references: a single linear pass over an article.

All cue words, regime names and ban phrases go into one Aho-Corasick automaton
(pyahocorasick, a C implementation) over the folded, space-squeezed text. Its
cost grows with the length of the article and the number of hits, not with the
number of phrases, and it cannot backtrack: no phrase is ever a pattern.
"""
from __future__ import annotations

from dataclasses import dataclass
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


def _bounded(text: str, start: int, end: int, key: str) -> bool:
    """A hit must be a whole word sequence: no letter or digit glued to either side."""
    if key[0].isalnum() and start > 0 and text[start - 1].isalnum():
        return False
    if key[-1].isalnum() and end < len(text) and text[end].isalnum():
        return False
    return True


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
        self._automaton = ahocorasick.Automaton()
        for key, bucket in table.items():
            self._automaton.add_word(key, (key, tuple(bucket)))
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
        collapsed = Collapsed.of(folded[start:end])
        hits = self._scan(collapsed)
        if start:
            hits = [Hit(h.kind, h.phrase, h.start + start, h.end + start, h.ban) for h in hits]
        return hits

    def _scan(self, collapsed: Collapsed) -> list[Hit]:
        canon = collapsed.text
        # Collect raw hits per kind, then keep the longest at each place (no overlaps within a kind).
        per_kind: dict[str, list[tuple[int, int, Entry]]] = {}
        for end_index, (key, bucket) in self._automaton.iter(canon):
            end = end_index + 1
            start = end - len(key)
            if not _bounded(canon, start, end, key):
                continue
            for entry in bucket:
                per_kind.setdefault(entry.kind, []).append((start, end, entry))
        out: list[Hit] = []
        for kind, hits in per_kind.items():
            hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
            last_end = -1
            for start, end, entry in hits:
                # Activity phrases of different bans may nest; linking picks the most specific.
                if kind != "activity" and start < last_end:
                    continue
                last_end = max(last_end, end)
                out.append(
                    Hit(kind, entry.phrase, collapsed.original(start), collapsed.original_end(end), entry.tag)
                )
        out.sort(key=lambda h: (h.start, h.end))
        return out

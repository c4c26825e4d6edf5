"""Typography-proof views of a text that keep offsets right.

`fold` returns a string of exactly the same length as its input, so an index into
the folded text is an index into the original: curly quotes, dashes, hyphens,
non-breaking spaces and line breaks become their plain forms, and letters are
lower-cased wherever lower-casing keeps a single code point.

`Collapsed` squeezes runs of spaces to one (so "Security\\n  Council" matches
"security council") and maps each of its indices back to the original text.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from dataclasses import dataclass

_SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
# Hyphens and dashes fold to a space, so "ship-to-ship" and "ship to ship" are one phrase.
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u02bc\uff07`\u00b4"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\uff02"
# Zero-width characters and soft hyphens are invisible in print; a space keeps offsets aligned.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

_TABLE = str.maketrans(
    {
        **{c: " " for c in _SPACES + _DASHES + _INVISIBLE},
        **{c: "'" for c in _SINGLE_QUOTES},
        **{c: '"' for c in _DOUBLE_QUOTES},
    }
)


# str.translate with a mapping is slow on long texts; a few str.replace passes (C loops) for the
# common ASCII characters, and one regular expression for the rare non-ASCII ones, are not.
_ASCII_PAIRS = [(c, " ") for c in "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f-"] + [("`", "'")]
_NON_ASCII = re.compile("[" + "".join(c for c in _SPACES + _DASHES + _INVISIBLE + _SINGLE_QUOTES + _DOUBLE_QUOTES if ord(c) > 127) + "]")


def fold(text: str) -> str:
    """Plain, lower-case form of `text` with the same length (index i stays index i)."""
    lower = text.lower()
    if len(lower) != len(text):
        # Some letters lower-case to two code points (U+0130 'İ'); keep those as they are.
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for ch, rep in _ASCII_PAIRS:
        if ch in lower:
            lower = lower.replace(ch, rep)
    if not lower.isascii():
        lower = _NON_ASCII.sub(lambda m: _TABLE[ord(m.group())], lower)
    return lower


_RUNS = re.compile(r" {2,}")


@dataclass
class Collapsed:
    """`text` with every run of spaces squeezed to one, and the way back to original offsets."""

    text: str
    _canon_starts: list[int]
    _orig_starts: list[int]

    @classmethod
    def of(cls, folded: str) -> "Collapsed":
        runs = [m.span() for m in _RUNS.finditer(folded)]
        if not runs:
            return cls(folded, [0], [0])
        # After each run the canonical text is behind the original by the spaces dropped so far.
        orig_starts = [0] + [end for _, end in runs]
        dropped = accumulate(end - start - 1 for start, end in runs)
        canon_starts = [0] + [end - d for (_, end), d in zip(runs, dropped)]
        return cls(_RUNS.sub(" ", folded), canon_starts, orig_starts)

    def original(self, index: int) -> int:
        """Original offset of canonical index `index` (an end offset maps to just after its character)."""
        i = bisect_right(self._canon_starts, index) - 1
        return self._orig_starts[i] + (index - self._canon_starts[i])

    def original_end(self, end: int) -> int:
        """Original offset just after the character at canonical index end - 1."""
        return self.original(end - 1) + 1 if end > 0 else 0


def fold_phrase(phrase: str) -> str:
    """The canonical form of a phrase from the references: folded, spaces squeezed, trimmed."""
    return _RUNS.sub(" ", fold(phrase)).strip()

"""What a claim may need from the whole article, beyond the stretch around it: how often each
regime is named, whether a UN authority was named before it, and the activity phrases of the
nearest paragraph before it. Each is worked out only when a claim asks, and at most once.
"""
from __future__ import annotations

from bisect import bisect_right

from .citations import find_citations
from .cue_hits import settle
from .model import Hit
from .references import References

# How many paragraphs are scanned together when looking for the article's first UN authority.
_STRETCH = 16


class ArticleContext:
    def __init__(self, refs: References, view: str, folded: str, paragraphs: list[tuple[int, int]]) -> None:
        self._refs, self._view, self._folded, self._paragraphs = refs, view, folded, paragraphs
        self._starts = [start for start, _ in paragraphs]
        self._counts: dict[str, int] | None = None
        self._first_authority: int | None = None
        # For each paragraph scanned so far, the nearest paragraph at or before it with an
        # activity phrase (-1 when none), and the activity phrases of those that have any.
        self._nearest: list[int] = []
        self._activities: dict[int, list[Hit]] = {}
        self._known: set[int] = set()  # paragraphs whose activity phrases are in _activities

    def note(self, first: int, last: int, hits: list[Hit]) -> None:
        """The hits of paragraphs first..last, scanned by the caller: their activity phrases need
        no second scan."""
        for h in hits:
            if h.kind == "activity":
                self._activities.setdefault(bisect_right(self._starts, h.start) - 1, []).append(h)
        self._known.update(range(first, last + 1))

    @property
    def counts(self) -> dict[str, int]:
        """How often each regime (and each other UN regime) is named in the article."""
        if self._counts is None:
            self._counts = regime_counts(self._refs.regime_index.scan_pieces(self._folded, self._paragraphs))
        return self._counts

    def named_before(self, position: int) -> bool:
        """Does the article name a UN authority (words or a cited resolution) before `position`?"""
        if self._first_authority is None:
            self._first_authority = self._find_first_authority()
        return self._first_authority < position

    def _find_first_authority(self) -> int:
        # From the top, a stretch of paragraphs at a time: the lede usually names the UN.
        for k in range(0, len(self._paragraphs), _STRETCH):
            stretch = self._paragraphs[k : k + _STRETCH]
            hits = settle(self._refs.index.scan_pieces(self._folded, stretch), self._view, self._refs.cues)
            cited = find_citations(self._view, self._refs.citation_patterns, stretch[0][0], stretch[-1][1], self._folded)
            found = [h.start for h in hits if h.kind == "authority"] + [c.start for c in cited[:1]]
            if found:
                return min(found)
        return len(self._view)

    def activity_before(self, position: int) -> list[Hit]:
        """The activity phrases of the nearest paragraph before `position` that has any."""
        p = bisect_right(self._starts, position) - 1
        self._scan_through(p)
        own = [h for h in self._activities.get(p, ()) if h.end <= position]
        if own:
            return own
        q = self._nearest[p - 1] if p > 0 else -1
        return self._activities[q] if q >= 0 else []

    def _scan_through(self, p: int) -> None:
        """Find the activity phrases of every paragraph up to `p` not scanned yet, in one pass."""
        done = len(self._nearest)
        if done > p:
            return
        unknown = [self._paragraphs[q] for q in range(done, p + 1) if q not in self._known]
        for h in self._refs.index.scan_pieces(self._folded, unknown):
            if h.kind == "activity":
                self._activities.setdefault(bisect_right(self._starts, h.start) - 1, []).append(h)
        for q in range(done, p + 1):
            self._nearest.append(q if q in self._activities else (self._nearest[q - 1] if q else -1))


def regime_counts(hits: list[Hit]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for h in hits:
        if h.kind in ("regime", "other_regime"):
            counts[h.ban] = counts.get(h.ban, 0) + 1
    return counts
